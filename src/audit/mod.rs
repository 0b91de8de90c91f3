//! The audit: compare what the APK does with what the policy declares.
