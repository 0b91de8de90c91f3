//! Fuzz the resources.arsc parser and resolver (`cargo fuzz run arsc`; seed corpus: any
//! resources.arsc from an APK).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sdkflow::arsc::ResourceTable;
use sdkflow::axml::Naming;

fuzz_target!(|data: &[u8]| {
    if let Ok(table) = ResourceTable::parse(data) {
        for id in [
            0x7f01_0000u32,
            0x7f02_0000,
            0x7f03_0001,
            0x7f08_0000,
            0x0101_0000,
        ] {
            let _ = table.resolve_text(id);
            let _ = table.reference_name(id);
        }
        let _ = table.parse_reference("@string/app_name");
    }
});
