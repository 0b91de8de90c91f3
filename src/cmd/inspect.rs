//! `sdkflow inspect`: the container summary of an input, as text for people or JSON.

use std::fmt::Write as _;

use sdkflow::apk::summary::{KindTotals, Summary};
use sdkflow::inspect::Inspection;
use sdkflow::report::sanitize::shown;
use sdkflow::{Error, Limits};

use super::output::{TextOrJson, emit, json};

/// Arguments of `sdkflow inspect`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// APK, split-APK directory, .apks/.xapk bundle, .dex, or AndroidManifest.xml.
    pub input: std::path::PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    /// List every class descriptor (text: one per line after the summary).
    #[arg(long)]
    pub classes: bool,
}

/// Run the subcommand: exit 0 when the input was read (problems are listed, not fatal).
pub fn run(args: Args) -> Result<u8, Error> {
    let app = sdkflow::apk::load(&args.input, &Limits::default())?;
    let inspection = sdkflow::inspect::inspect(&app, args.classes);
    let text = match args.format {
        TextOrJson::Json => json(&inspection)?,
        TextOrJson::Text => render_inspection(&inspection),
    };
    emit(&text, None)?;
    Ok(0)
}

fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

fn totals_line(out: &mut String, label: &str, t: &KindTotals) {
    let _ = writeln!(
        out,
        "  {label:<16} {:>6}  {:>10}  ({} stored)",
        t.count,
        size(t.size),
        size(t.compressed_size)
    );
}

/// The text rendering of a full inspection: the container summary with per-dex counts,
/// code totals, native libraries and, when asked, the class list.
pub fn render_inspection(i: &Inspection) -> String {
    let mut out = render_text(&i.summary);
    let c = &i.code;
    let _ = writeln!(
        out,
        "\ncode\n  {} classes, {} methods, {} instructions, {} invokes",
        c.classes, c.methods, c.instructions, c.invokes
    );
    if !i.duplicate_classes.is_empty() {
        let _ = writeln!(
            out,
            "  {} duplicate class definitions",
            i.duplicate_classes.len()
        );
    }
    if !i.native.is_empty() {
        let _ = writeln!(out, "\nnative details");
        for lib in &i.native {
            let mismatch = if lib.abi_mismatch {
                "  ABI MISMATCH"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "  {:<44} {:<8} {:>4} exports {:>3} JNI{}{}",
                shown(&lib.name),
                shown(&lib.machine),
                lib.exports.len(),
                lib.jni_methods.len(),
                if lib.jni_onload { " JNI_OnLoad" } else { "" },
                mismatch
            );
            if !lib.needed.is_empty() {
                let _ = writeln!(out, "      needs {}", shown(&lib.needed.join(" ")));
            }
        }
    }
    if let Some(classes) = &i.classes {
        let _ = writeln!(out, "\nclasses ({})", classes.len());
        for class in classes {
            let _ = writeln!(out, "  {}", shown(class));
        }
    }
    out
}

/// The text rendering: one block per topic, names left, numbers right-aligned.
pub fn render_text(s: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  ({})",
        shown(&s.input),
        shown(&s.input_kind.to_string())
    );
    let manifest = if s.has_manifest { "yes" } else { "no" };
    let _ = writeln!(
        out,
        "  manifest: {manifest}, split manifests: {}",
        s.split_manifests
    );
    if s.archives.len() > 1 {
        let _ = writeln!(out, "\narchives");
        for a in &s.archives {
            let role = format!("{:?}", a.role).to_lowercase();
            let _ = writeln!(
                out,
                "  {:<40} {:<8} {:>6} entries  {:>10}",
                shown(&a.name),
                role,
                a.entries,
                size(a.size)
            );
        }
    }
    if s.entries.total.count > 0 {
        let _ = writeln!(out, "\nentries");
        for (kind, t) in &s.entries.by_kind {
            totals_line(&mut out, &shown(kind).to_string(), t);
        }
        totals_line(&mut out, "total", &s.entries.total);
    }
    if !s.dex.is_empty() {
        let _ = writeln!(out, "\ndex ({})", s.dex.len());
        for d in &s.dex {
            match &d.counts {
                Some(c) => {
                    let _ = writeln!(
                        out,
                        "  {:<40} {:>10}  v{:03}  {:>6} classes {:>7} methods {:>8} invokes {:>7} strings",
                        shown(&d.name),
                        size(d.size),
                        c.version,
                        c.classes,
                        c.methods,
                        c.invokes,
                        c.strings
                    );
                }
                None => {
                    let _ = writeln!(out, "  {:<40} {:>10}", shown(&d.name), size(d.size));
                }
            }
        }
    }
    if !s.native_libs.is_empty() {
        let _ = writeln!(out, "\nnative libraries");
        for abi in &s.native_libs {
            let names: Vec<&str> = abi
                .libs
                .iter()
                .map(|l| l.name.rsplit('/').next().unwrap_or(&l.name))
                .collect();
            let _ = writeln!(
                out,
                "  {:<12} {:>3}  {}",
                shown(&abi.abi),
                abi.libs.len(),
                shown(&names.join(" "))
            );
        }
    }
    if !s.nested.is_empty() {
        let _ = writeln!(out, "\nnested");
        for n in &s.nested {
            let format = format!("{:?}", n.format).to_lowercase();
            let _ = writeln!(
                out,
                "  {:<40} {:<8} {:>10}  {} dex",
                shown(&n.name),
                format,
                size(n.size),
                n.dex.len()
            );
        }
    }
    let sig = &s.signing;
    if !sig.v1_files.is_empty() || !sig.block_ids.is_empty() {
        let _ = writeln!(out, "\nsigning");
        let schemes = if sig.schemes.is_empty() {
            "none".to_string()
        } else {
            sig.schemes.join(" ")
        };
        let _ = writeln!(out, "  schemes   {}", shown(&schemes));
        if !sig.v1_files.is_empty() {
            let _ = writeln!(out, "  v1 files  {}", shown(&sig.v1_files.join(" ")));
        }
        if !sig.block_ids.is_empty() {
            let _ = writeln!(out, "  block     {}", shown(&sig.block_ids.join(", ")));
        }
    } else if s.entries.total.count > 0 {
        let _ = writeln!(
            out,
            "\nsigning\n  unsigned (no v1 files, no APK Signing Block)"
        );
    }
    if !s.problems.is_empty() {
        let _ = writeln!(out, "\nproblems ({})", s.problems.len());
        for p in &s.problems {
            let _ = writeln!(out, "  {}: {}", shown(&p.at.to_string()), shown(&p.message));
        }
    }
    out
}
