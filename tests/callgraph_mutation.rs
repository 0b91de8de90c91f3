//! Hostile input: the call graph over seeded mutations of the fixture's dex (bit flips in
//! the id tables, class data and code, cyclic-looking hierarchies) must build without
//! panicking, and every edge must join two nodes of the graph.

mod common;

use std::io::Read;

use sdkflow::apk::Blob;
use sdkflow::callgraph::CallGraph;
use sdkflow::dex::{Multidex, ParseOptions};

fn fixture_dex() -> Vec<u8> {
    let path = common::repo().join("tests/fixtures/callgraph/callgraph.apk");
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: run tests/fixtures/callgraph/build.sh",
            path.display()
        )
    });
    let mut zip = zip::ZipArchive::new(file).expect("zip");
    let mut dex = Vec::new();
    zip.by_name("classes.dex")
        .expect("classes.dex")
        .read_to_end(&mut dex)
        .expect("inflate");
    dex
}

#[test]
fn mutated_dex_never_panics_the_call_graph() {
    let original = fixture_dex();
    let mut rng = fastrand::Rng::with_seed(0x0ca1_1ed9);
    let mut built = 0;
    for round in 0..400 {
        let mut bytes = original.clone();
        // Skip the header's magic so most mutants still parse and reach the graph.
        let flips = 1 + round % 8;
        for _ in 0..flips {
            let at = rng.usize(8..bytes.len());
            if let Some(b) = bytes.get_mut(at) {
                *b ^= 1 << rng.u8(0..8);
            }
        }
        // A second dex defining the same classes: duplicates and cross-dex references.
        let blobs = vec![
            Blob {
                name: "classes.dex".into(),
                bytes,
            },
            Blob {
                name: "classes2.dex".into(),
                bytes: original.clone(),
            },
        ];
        let md = Multidex::from_blobs("mutant", &blobs, ParseOptions::default());
        // The mutant itself opened (not only the intact second file).
        let parsed = md.dexes.len() == 2;
        let cg = CallGraph::build(&md, None);
        let nodes = cg.graph.node_count();
        for e in cg.graph.raw_edges() {
            assert!(e.source().index() < nodes && e.target().index() < nodes);
        }
        built += usize::from(parsed);
    }
    assert!(built > 100, "only {built} mutants reached the graph");
}
