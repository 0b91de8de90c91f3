//! Android binary XML (AXML) decoder.
