//! Anti-analysis tricks seen in the wild, each applied to a real manifest (io.appium.settings
//! from npm): the model must come out the same as from the untouched file.

mod common;

use sdkflow::Location;
use sdkflow::manifest::from_binary;

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}
fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}
fn put_u16(b: &mut [u8], at: usize, v: u16) {
    b[at..at + 2].copy_from_slice(&v.to_le_bytes());
}
fn put_u32(b: &mut [u8], at: usize, v: u32) {
    b[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

/// `(offset, type, header size, size)` of the chunks inside the document.
fn chunks(b: &[u8]) -> Vec<(usize, u16, u16, u32)> {
    let mut out = Vec::new();
    let mut pos = u16_at(b, 2) as usize;
    while pos < u32_at(b, 4) as usize {
        let size = u32_at(b, pos + 4);
        out.push((pos, u16_at(b, pos), u16_at(b, pos + 2), size));
        pos += size as usize;
    }
    out
}

fn grow_document(b: &mut [u8], by: i64) {
    let size = u32_at(b, 4) as i64 + by;
    put_u32(b, 4, size as u32);
}

fn real_manifest() -> Vec<u8> {
    let app = sdkflow::apk::load(&common::appium_settings_apk(), &sdkflow::Limits::default())
        .expect("load");
    match app.manifest {
        Some(sdkflow::apk::ManifestSource::Binary(blob)) => blob.bytes,
        other => panic!("no binary manifest: {other:?}"),
    }
}

fn model(bytes: &[u8]) -> serde_json::Value {
    let d = from_binary(bytes, None, &Location::file("trick")).expect("decodes");
    serde_json::to_value(&d.manifest).unwrap()
}

fn assert_same(trick: &str, bytes: &[u8]) {
    let original = model(&real_manifest());
    assert!(original["components"].as_array().unwrap().len() > 10);
    assert_eq!(model(bytes), original, "{trick} changed the model");
}

#[test]
fn bogus_style_count() {
    let mut b = real_manifest();
    let (pool, kind, _, _) = chunks(&b)[0];
    assert_eq!(kind, 0x0001);
    put_u32(&mut b, pool + 12, 0x7fff_ffff); // styleCount
    put_u32(&mut b, pool + 24, 0xdead_beef); // stylesStart
    assert_same("a bogus style count", &b);
}

#[test]
fn larger_headers_than_usual() {
    let mut b = real_manifest();
    // Grow the string pool header by 4 bytes and the first start-element header by 8.
    let list = chunks(&b);
    let (pool, _, hs, size) = list[0];
    b.splice(pool + hs as usize..pool + hs as usize, [0u8; 4]);
    put_u16(&mut b, pool + 2, hs + 4);
    put_u32(&mut b, pool + 4, size + 4);
    let strings_start = u32_at(&b, pool + 20);
    put_u32(&mut b, pool + 20, strings_start + 4);
    grow_document(&mut b, 4);
    let (node, _, hs, size) = chunks(&b)
        .into_iter()
        .find(|c| c.1 == 0x0102)
        .expect("start element");
    b.splice(node + hs as usize..node + hs as usize, [0u8; 8]);
    put_u16(&mut b, node + 2, hs + 8);
    put_u32(&mut b, node + 4, size + 8);
    grow_document(&mut b, 8);
    assert_same("enlarged headers", &b);
}

#[test]
fn attribute_names_emptied_but_resource_ids_kept() {
    let mut b = real_manifest();
    let (pool, _, hs, _) = chunks(&b)[0];
    let count = u32_at(&b, pool + 8) as usize;
    let utf8 = u32_at(&b, pool + 16) & 0x100 != 0;
    let strings_start = pool + u32_at(&b, pool + 20) as usize;
    // Every string the resource map covers is an attribute name: empty them all.
    let map = chunks(&b)
        .into_iter()
        .find(|c| c.1 == 0x0180)
        .expect("resource map");
    let mapped = ((map.3 - map.2 as u32) / 4) as usize;
    assert!(mapped > 5 && mapped <= count);
    for i in 0..mapped {
        let at = strings_start + u32_at(&b, pool + hs as usize + 4 * i) as usize;
        if utf8 {
            b[at] = 0;
            b[at + 1] = 0;
        } else {
            put_u16(&mut b, at, 0);
        }
    }
    assert_same("emptied attribute names", &b);
    let d = from_binary(&b, None, &Location::file("trick")).unwrap();
    let root = d.document.root().unwrap();
    let vc = &root.attributes[0];
    assert_eq!(
        (vc.raw_name.as_str(), vc.name.as_str()),
        ("", "versionCode")
    );
}

#[test]
fn unknown_chunks_between_nodes() {
    let mut b = real_manifest();
    let list = chunks(&b);
    let nodes: Vec<_> = list
        .iter()
        .filter(|c| (0x0100..=0x0104).contains(&c.1))
        .collect();
    // After the third node, insert an unknown node-range chunk and an unknown other chunk.
    let at = nodes[3].0;
    let mut junk = Vec::new();
    for (kind, size) in [(0x0177u16, 24u32), (0x7a7au16, 12u32)] {
        junk.extend_from_slice(&kind.to_le_bytes());
        junk.extend_from_slice(&8u16.to_le_bytes());
        junk.extend_from_slice(&size.to_le_bytes());
        junk.extend(std::iter::repeat_n(0xee, size as usize - 8));
    }
    let n = junk.len() as i64;
    b.splice(at..at, junk);
    grow_document(&mut b, n);
    assert_same("unknown chunks", &b);
}

#[test]
fn trailing_garbage_after_the_document() {
    let mut b = real_manifest();
    b.extend((0..4096u32).map(|i| (i * 31 % 251) as u8));
    assert_same("trailing garbage", &b);
}

#[test]
fn namespace_nodes_missing() {
    let mut b = real_manifest();
    let list = chunks(&b);
    let mut removed = 0i64;
    for (at, kind, _, size) in list.into_iter().rev() {
        if kind == 0x0100 || kind == 0x0101 {
            b.drain(at..at + size as usize);
            removed += size as i64;
        }
    }
    assert!(removed > 0);
    grow_document(&mut b, -removed);
    assert_same("missing namespace nodes", &b);
    let d = from_binary(&b, None, &Location::file("trick")).unwrap();
    let xml = sdkflow::axml::render_xml(&d.document, None);
    assert!(xml.contains("xmlns:android=\"http://schemas.android.com/apk/res/android\""));
}
