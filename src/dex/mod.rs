//! Dalvik executable parser and instruction decoder over borrowed bytes.
