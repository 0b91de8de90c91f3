//! Fuzz the privacy-policy reader: any bytes, read as plain text / HTML and as each
//! structured table format, must never panic (`cargo +nightly fuzz run policy`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sdkflow::dictionary::Dictionary;
use sdkflow::policy::{self, Aliases};

fuzz_target!(|data: &[u8]| {
    let Ok(dict) = Dictionary::embedded() else { return };
    let aliases = Aliases::new([("极光推送", "jpush"), ("高德地图", "amap-map"), ("微信", "wechat-opensdk")]);
    for name in ["policy.txt", "policy.html", "table.json", "table.toml", "table.csv"] {
        let _ = policy::read_bytes(name, data, dict, &aliases);
    }
});
