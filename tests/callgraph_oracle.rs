//! The call graph against `dexdump -d` on every registry APK of the corpus: one call site
//! per invoke instruction dexdump prints, and for a sample of methods the static and
//! direct edges at each code offset name exactly the method dexdump names there.

mod common;

use std::collections::{HashMap, HashSet};

use petgraph::Direction;
use petgraph::visit::EdgeRef;
use sdkflow::Limits;
use sdkflow::callgraph::{CallGraph, EdgeKind};
use sdkflow::dex::{Multidex, ParseOptions};

/// A static or direct invoke dexdump printed: caller, code offset, target.
struct Site {
    caller: String,
    offset: u32,
    target: String,
}

/// `Lcom/x/Y;.name:(I)V` → `Lcom/x/Y;->name(I)V`.
fn smali_sig(dexdump: &str) -> Option<String> {
    let (class, rest) = dexdump.split_once(";.")?;
    let (name, proto) = rest.split_once(':')?;
    Some(format!("{class};->{name}{proto}"))
}

/// Invoke count (invoke-custom excluded, as the graph skips it) and the static/direct
/// sites of the methods whose position in dexdump's order is a multiple of `every`,
/// first definition of each method only (as on the device).
fn dexdump_sites(dump: &str, every: usize) -> (usize, Vec<Site>) {
    let mut invokes = 0;
    let mut sites = Vec::new();
    let (mut class, mut name, mut caller) = (String::new(), String::new(), None::<String>);
    let mut seen = HashSet::new();
    let mut methods = 0usize;
    for line in dump.lines() {
        let t = line.trim();
        if let Some(c) = t.strip_prefix("#").and_then(|r| r.split_once("(in ")) {
            class = c.1.trim_end_matches(')').to_string();
        } else if let Some(n) = t.strip_prefix("name          : '") {
            name = n.trim_end_matches('\'').to_string();
        } else if let Some(ty) = t.strip_prefix("type          : '") {
            let sig = format!("{class}->{name}{}", ty.trim_end_matches('\''));
            methods += 1;
            caller = (seen.insert(sig.clone()) && methods.is_multiple_of(every)).then_some(sig);
        } else if let Some((_, insn)) = line.split_once('|')
            && let Some((off, text)) = insn.split_once(": ")
            && text.starts_with("invoke-")
        {
            if text.starts_with("invoke-custom") {
                continue;
            }
            invokes += 1;
            let direct = ["invoke-static", "invoke-direct"]
                .iter()
                .any(|k| text.starts_with(k));
            if let (true, Some(caller)) = (direct, &caller) {
                let target = text
                    .split_once("}, ")
                    .and_then(|(_, r)| r.split(" // ").next())
                    .and_then(smali_sig)
                    .expect("dexdump invoke target");
                sites.push(Site {
                    caller: caller.clone(),
                    offset: u32::from_str_radix(off, 16).expect("offset"),
                    target,
                });
            }
        }
    }
    (invokes, sites)
}

fn check(apk: &std::path::Path) -> usize {
    let dumper = {
        let apk = apk.to_path_buf();
        std::thread::spawn(move || common::oracle("dexdump", &["-d"], &apk))
    };
    let app = sdkflow::apk::load(apk, &Limits::default()).expect("load");
    let manifest = sdkflow::manifest::from_app(&app).ok().map(|(m, _)| m);
    let md = Multidex::from_app(&app, ParseOptions::default());
    let cg = CallGraph::build(&md, manifest.as_ref());
    let dump = dumper.join().expect("dexdump thread");
    let (invokes, sites) = dexdump_sites(&dump, 20);
    let name = apk.file_name().unwrap_or_default().to_string_lossy();
    assert_eq!(cg.stats.call_sites, invokes, "{name}: call sites");
    assert!(!sites.is_empty(), "{name}: no static/direct site sampled");
    let mut by_caller: HashMap<&str, Vec<&Site>> = HashMap::new();
    for s in &sites {
        by_caller.entry(s.caller.as_str()).or_default().push(s);
    }
    for (caller, sites) in by_caller {
        let n = cg
            .node(caller)
            .unwrap_or_else(|| panic!("{name}: {caller} not in the graph"));
        let mut ours: HashMap<u32, Vec<String>> = HashMap::new();
        for e in cg.graph.edges_directed(n, Direction::Outgoing) {
            if matches!(e.weight().kind, EdgeKind::Static | EdgeKind::Direct) {
                ours.entry(e.weight().offset)
                    .or_default()
                    .push(cg.signature(e.target()));
            }
        }
        for s in &sites {
            let got = ours.get(&s.offset).cloned().unwrap_or_default();
            // The graph resolves a call to an inherited method to the superclass that
            // defines it; the name and prototype never change.
            let sub = s.target.split_once("->").map(|x| x.1);
            let exact = cg.node(&s.target).is_some();
            assert!(
                got.len() == 1
                    && if exact {
                        got[0] == s.target
                    } else {
                        got[0].split_once("->").map(|x| x.1) == sub
                    },
                "{name}: {caller} @{:#x}: dexdump {} vs ours {got:?}",
                s.offset,
                s.target
            );
        }
    }
    sites.len()
}

#[test]
fn every_registry_apk_agrees_with_dexdump() {
    let dir = common::corpus_dir().join("apk");
    let mut apks: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "missing real inputs in {} ({e}): run `bash .ci/run` first",
                dir.display()
            )
        })
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "apk"))
        .collect();
    apks.sort();
    // The two the issue names must be among them.
    common::appium_settings_apk();
    common::uiautomator2_server_apk();
    assert!(apks.len() >= 10, "only {} registry APKs", apks.len());
    let checked: usize = apks.iter().map(|apk| check(apk)).sum();
    assert!(checked > 1000, "only {checked} sites compared");
}
