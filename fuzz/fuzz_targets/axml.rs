//! Fuzz the binary XML decoder, the manifest builder and the XML renderer, and read the
//! rendered text back (`cargo fuzz run axml`; seed corpus: any AndroidManifest.xml from an APK).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sdkflow::Location;

fuzz_target!(|data: &[u8]| {
    let at = Location::file("fuzz");
    if let Ok(d) = sdkflow::manifest::from_binary(data, None, &at) {
        let xml = sdkflow::axml::render_xml(&d.document, None);
        let _ = sdkflow::manifest::from_text(xml.as_bytes(), None, &at);
    }
});
