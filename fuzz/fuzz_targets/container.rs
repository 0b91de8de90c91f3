//! The container reader on arbitrary bytes: APK, bundle, dex or manifest detection, the zip
//! reader, nested archives and the signing block. It must never panic, and never hand over
//! more than the limits allow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sdkflow::Limits;

fuzz_target!(|data: &[u8]| {
    // Small limits keep each run fast and make the limit paths reachable.
    let limits = Limits {
        max_entry_size: 4 << 20,
        max_total_size: 16 << 20,
        ..Limits::default()
    };
    if let Ok(app) = sdkflow::apk::load_bytes("fuzz.apk", data.to_vec(), &limits) {
        let total: usize = app.dex.iter().map(|b| b.bytes.len()).sum::<usize>()
            + app.nested_dex.iter().map(|b| b.bytes.len()).sum::<usize>()
            + app.native_libs.iter().map(|l| l.blob.bytes.len()).sum::<usize>();
        assert!(total as u64 <= limits.max_total_size);
        let _ = sdkflow::apk::summarize(&app);
    }
});
