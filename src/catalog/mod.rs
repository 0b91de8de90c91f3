//! The SDK signature catalogue: data files under sdk-signatures/, loading and validation.
