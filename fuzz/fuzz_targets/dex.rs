//! Fuzz the dex parser: open the input and read everything it offers.
//! `cargo +nightly fuzz run dex -- -max_len=65536` (seed corpus: tests/fixtures/smali/*.dex).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sdkflow::dex::{DexFile, MethodFacts};

fuzz_target!(|data: &[u8]| {
    let Ok(file) = DexFile::parse(data) else { return };
    for i in 0..file.string_count().min(10_000) {
        let _ = file.string(i);
    }
    for i in 0..file.method_count().min(10_000) {
        let _ = file.method_signature(i);
    }
    for i in 0..file.field_count().min(10_000) {
        let _ = file.field_signature(i);
    }
    let mut facts = MethodFacts::default();
    for class in file.class_defs() {
        let Ok(class) = class else { continue };
        let _ = file.type_descriptor(class.class_idx);
        let _ = file.interfaces(&class);
        let _ = file.static_values(&class);
        let Ok(Some(data)) = file.class_data(&class) else { continue };
        for m in data.methods() {
            let Ok(Some(code)) = file.code_item(m.code_off) else { continue };
            let _ = code.tries();
            let _ = facts.collect_into(&code);
        }
    }
});
