//! Fuzz the native library inspector: any byte string, read as a library in a 64-bit ARM
//! folder. The inspector catches panics itself (one bad library must not end a run), so a
//! caught panic is raised again here for libFuzzer to see.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sdkflow::native::{ElfError, ScanLimits, inspect_with};

fuzz_target!(|data: &[u8]| {
    let limits = ScanLimits {
        max_bytes: 1 << 20,
        ..ScanLimits::default()
    };
    if let Err(ElfError::Panicked { message, .. }) =
        inspect_with(data, "fuzz.so", Some("arm64-v8a"), limits)
    {
        panic!("ELF inspector panicked: {message}");
    }
});
