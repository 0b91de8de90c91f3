//! Hostile input: seeded bit flips, truncations and huge counts in the chunk headers and
//! string pools of real manifests and resources.arsc files. Every case must return (Ok or
//! Err) without panicking, and no case may allocate more than a bounded amount: a counting
//! allocator measures the peak of each case.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use sdkflow::Location;
use sdkflow::arsc::ResourceTable;
use sdkflow::axml::Naming;

/// Counts live bytes and their peak. Test-only: the library itself forbids unsafe code.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: defers every call to the system allocator unchanged; only counts sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// The most one case may allocate beyond what was live when it started.
const MAX_CASE_BYTES: usize = 96 << 20;

/// `(file name, bytes)` of the inputs mutated.
type Named = Vec<(String, Vec<u8>)>;

fn inputs() -> (Named, Named) {
    let mut manifests = Vec::new();
    let mut tables = Vec::new();
    let apks = [
        common::appium_settings_apk(),
        common::corpus("apk/pypi__airtest==1.4.3__airtest_core_android_static_apks_Yosemite.apk"),
        common::corpus("apk/pypi__uiautomator==1.0.2__uiautomator_libs_app-uiautomator.apk"),
        common::repo().join("tests/fixtures/rich.apk"),
    ];
    for apk in apks {
        let app = sdkflow::apk::load(&apk, &sdkflow::Limits::default()).expect("load");
        let name = apk.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(sdkflow::apk::ManifestSource::Binary(b)) = app.manifest {
            manifests.push((name.clone(), b.bytes));
        }
        if let Some(r) = app.resources {
            // The big tables are cut to their first 256 KiB: the headers and pools that
            // mutations hit are at the start, and the cases stay fast in debug builds.
            let mut bytes = r.bytes;
            bytes.truncate(256 << 10);
            tables.push((name, bytes));
        }
    }
    assert!(manifests.len() == 4 && tables.len() >= 2);
    (manifests, tables)
}

/// Offsets of header fields worth corrupting: every chunk's type, header size and size,
/// and the first five u32 after each chunk header (counts, offsets, flags).
fn header_fields(b: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack = vec![(0usize, b.len())];
    let mut guard = 0;
    while let Some((mut pos, end)) = stack.pop() {
        while pos + 8 <= end && guard < 4000 {
            guard += 1;
            let hs = u16::from_le_bytes([b[pos + 2], b[pos + 3]]) as usize;
            let size = u32::from_le_bytes(b[pos + 4..pos + 8].try_into().unwrap()) as usize;
            out.extend([pos, pos + 2, pos + 4]);
            out.extend((0..5).map(|i| pos + 8 + 4 * i).filter(|o| o + 4 <= end));
            if size < 8 || pos + size > end {
                break;
            }
            // Containers (document, table, package): walk their children too.
            let kind = u16::from_le_bytes([b[pos], b[pos + 1]]);
            if matches!(kind, 0x0002 | 0x0003 | 0x0200) && hs < size {
                stack.push((pos + hs, pos + size));
            }
            if pos == 0 {
                break;
            }
            pos += size;
        }
    }
    out
}

fn mutate(rng: &mut fastrand::Rng, input: &[u8], fields: &[usize]) -> Vec<u8> {
    let mut b = input.to_vec();
    match rng.u8(0..4) {
        0 => {
            for _ in 0..rng.usize(1..9) {
                let i = rng.usize(0..b.len());
                b[i] ^= 1 << rng.u8(0..8);
            }
        }
        1 => b.truncate(rng.usize(0..b.len())),
        _ => {
            let huge = [
                0xffff_ffffu32,
                0x7fff_ffff,
                0x8000_0000,
                0x0001_0000,
                0,
                7,
                rng.u32(..),
            ];
            for _ in 0..rng.usize(1..4) {
                let at = fields[rng.usize(0..fields.len())];
                let v = huge[rng.usize(0..huge.len())];
                if at + 4 <= b.len() {
                    b[at..at + 4].copy_from_slice(&v.to_le_bytes());
                }
            }
        }
    }
    b
}

fn measure(what: &str, f: impl FnOnce()) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    f();
    let used = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    assert!(used <= MAX_CASE_BYTES, "{what}: allocated {used} bytes");
}

// One test function: the allocator's counters are global, so cases must not overlap.
#[test]
fn mutated_manifests_and_tables_never_panic_and_stay_bounded() {
    let (manifests, tables) = inputs();
    let mut rng = fastrand::Rng::with_seed(0x5d_4f10);
    let mut cases = 0;
    let mut errors = 0;
    let table = ResourceTable::parse(&tables[0].1).ok();
    for (name, bytes) in &manifests {
        let fields = header_fields(bytes);
        for i in 0..150 {
            let m = mutate(&mut rng, bytes, &fields);
            measure(&format!("{name} case {i}"), || {
                match sdkflow::manifest::from_binary(&m, table.as_ref(), &Location::file(name)) {
                    Ok(d) => {
                        let xml = sdkflow::axml::render_xml(
                            &d.document,
                            table.as_ref().map(|t| t as &dyn Naming),
                        );
                        // What we render must read back as text.
                        let _ = sdkflow::manifest::from_text(
                            xml.as_bytes(),
                            None,
                            &Location::file(name),
                        );
                    }
                    Err(e) => {
                        errors += 1;
                        assert_eq!(e.exit_code(), 2);
                        assert!(e.location().is_some_and(|l| l.offset.is_some()), "{e}");
                    }
                }
            });
            cases += 1;
        }
    }
    for (name, bytes) in &tables {
        let fields = header_fields(bytes);
        for i in 0..100 {
            let m = mutate(&mut rng, bytes, &fields);
            measure(&format!("{name} arsc case {i}"), || {
                if let Ok(t) = ResourceTable::parse(&m) {
                    for id in [
                        0x7f01_0000u32,
                        0x7f02_0001,
                        0x7f03_0000,
                        0x7f08_0000,
                        0x7f11_0020,
                    ] {
                        let _ = t.resolve_text(id);
                        let _ = t.reference_name(id);
                    }
                    let _ = t.find(None, "string", "app_name");
                }
            });
            cases += 1;
        }
    }
    assert!(cases >= 800);
    assert!(
        errors > 50,
        "mutations should break some documents ({errors} errors)"
    );
}

#[test]
fn huge_counts_in_a_hand_made_document_are_refused() {
    // An XML header, then a string pool that claims 2^30 strings in 36 bytes.
    let mut b = Vec::new();
    b.extend_from_slice(&[3, 0, 8, 0, 44, 0, 0, 0]);
    b.extend_from_slice(&[1, 0, 28, 0, 36, 0, 0, 0]);
    b.extend_from_slice(&(1u32 << 30).to_le_bytes());
    b.extend_from_slice(&[0; 16]);
    b.extend_from_slice(&[0; 8]);
    let err =
        sdkflow::manifest::from_binary(&b, None, &Location::entry("x.apk", "AndroidManifest.xml"))
            .unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with("x.apk!AndroidManifest.xml @0x8: malformed binary XML: string count"),
        "{msg}"
    );
}
