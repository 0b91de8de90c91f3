//! Evidence a person can read: dex descriptors as Java names
//! (`Lcom/amap/loc/br;->a(Z)V` → `com.amap.loc.br.a(boolean)`) and call paths shortened
//! to their first and last app or SDK frames with the number of calls.
//!
//! Only the text, HTML and Markdown reports use these; JSON and SARIF keep the raw
//! descriptors and every frame.

/// Namespaces of the platform and of plain libraries, skipped when choosing the last
/// frame of a shortened path (the read happens there, but the frame that matters to a
/// reviewer is the app or SDK code that asked for it).
const PLATFORM: &[&str] = &[
    "android.",
    "androidx.",
    "java.",
    "javax.",
    "dalvik.",
    "kotlin.",
    "kotlinx.",
];

/// A field descriptor as a Java type name, classes by simple name (`Landroid/content/Context;`
/// → `Context`, `[I` → `int[]`). Unknown input comes back as it was.
fn type_name(desc: &str) -> String {
    let dims = desc.chars().take_while(|c| *c == '[').count();
    let base = desc.get(dims..).unwrap_or("");
    let name = match base {
        "Z" => "boolean".to_string(),
        "B" => "byte".to_string(),
        "S" => "short".to_string(),
        "C" => "char".to_string(),
        "I" => "int".to_string(),
        "J" => "long".to_string(),
        "F" => "float".to_string(),
        "D" => "double".to_string(),
        "V" => "void".to_string(),
        _ => base
            .strip_prefix('L')
            .and_then(|s| s.strip_suffix(';'))
            .map(|s| s.rsplit('/').next().unwrap_or(s).to_string())
            .unwrap_or_else(|| base.to_string()),
    };
    format!("{name}{}", "[]".repeat(dims))
}

/// The parameter descriptors of `(Landroid/content/Context;IZ)`.
fn params(list: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = list;
    while !rest.is_empty() {
        let dims = rest.chars().take_while(|c| *c == '[').count();
        let after = rest.get(dims..).unwrap_or("");
        let len = if after.starts_with('L') {
            match after.find(';') {
                Some(end) => end + 1,
                None => after.len(),
            }
        } else {
            after.chars().next().map_or(0, char::len_utf8)
        };
        let end = (dims + len).max(1).min(rest.len());
        let (one, tail) = rest.split_at(end);
        out.push(type_name(one));
        rest = tail;
    }
    out
}

/// A class descriptor (`Lcom/x/Y;`) as a dotted name; anything else unchanged.
pub fn class_name(desc: &str) -> String {
    desc.strip_prefix('L')
        .and_then(|s| s.strip_suffix(';'))
        .map(|s| s.replace('/', "."))
        .unwrap_or_else(|| desc.to_string())
}

/// A method signature (`Lcom/amap/loc/br;->a(Z)V`) as Java (`com.amap.loc.br.a(boolean)`).
/// Anything that is not a dex method signature comes back unchanged.
pub fn method_name(sig: &str) -> String {
    let Some((class, rest)) = sig.split_once("->") else {
        return class_name(sig);
    };
    let Some((name, proto)) = rest.split_once('(') else {
        return format!("{}.{rest}", class_name(class));
    };
    let list = proto.split_once(')').map_or(proto, |(l, _)| l);
    format!("{}.{name}({})", class_name(class), params(list).join(", "))
}

/// Whether a frame (dex signature or Java name) is platform or plain-library code.
pub(crate) fn is_platform(frame: &str) -> bool {
    let java = class_name(frame.split("->").next().unwrap_or(frame));
    PLATFORM.iter().any(|p| java.starts_with(p))
}

/// A call path as `first → … → last app/SDK frame (N calls)`, in Java names. Paths of
/// one or two frames are shown whole.
pub fn short_path(path: &[String]) -> String {
    let java: Vec<String> = path.iter().map(|f| method_name(f)).collect();
    match java.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} \u{2192} {b}"),
        [first, .., last] => {
            let last_owned = path
                .iter()
                .rposition(|f| !is_platform(f))
                .filter(|&i| i > 0)
                .and_then(|i| java.get(i))
                .unwrap_or(last);
            format!(
                "{first} \u{2192} \u{2026} \u{2192} {last_owned} ({} calls)",
                path.len()
            )
        }
    }
}

/// How many APK evidence lines the text, HTML and Markdown reports show per finding.
pub const EVIDENCE_LINES: usize = 4;

/// The APK evidence of `f` for a person: at most `max` lines, one of each kind of
/// evidence first, by priority (classes, a call path, a component, a native library, a
/// host, a bundled SDK, the vendor's statement), so that a long list of one kind does not
/// hide the others; shown in the finding's order, then `+N more` when some were left out.
/// JSON and SARIF carry every item.
pub fn apk_evidence_lines(f: &crate::audit::Finding, max: usize) -> Vec<String> {
    let all = &f.apk_evidence;
    let kind = |e: &crate::audit::ApkEvidence| {
        serde_json::to_value(e)
            .ok()
            .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_string))
            .unwrap_or_default()
    };
    // The kinds a reviewer checks first: the code, what it reads, then the manifest,
    // native code, hosts, what ships inside, and the vendor's word last.
    const PRIORITY: [&str; 7] = [
        "classes",
        "call_path",
        "component",
        "native_lib",
        "host",
        "bundled",
        "vendor_statement",
    ];
    let rank = |k: &str| {
        PRIORITY
            .iter()
            .position(|p| *p == k)
            .unwrap_or(PRIORITY.len())
    };
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| all.get(i).map_or(usize::MAX, |e| rank(&kind(e))));
    let mut picked: Vec<usize> = Vec::new();
    let mut kinds = std::collections::BTreeSet::new();
    for i in order {
        if picked.len() < max && all.get(i).is_some_and(|e| kinds.insert(kind(e))) {
            picked.push(i);
        }
    }
    for i in 0..all.len() {
        if picked.len() >= max {
            break;
        }
        if !picked.contains(&i) {
            picked.push(i);
        }
    }
    picked.sort_unstable();
    let mut lines: Vec<String> = picked
        .iter()
        .filter_map(|&i| all.get(i))
        .map(|e| e.describe())
        .collect();
    let more = all.len().saturating_sub(picked.len());
    if more > 0 {
        lines.push(format!(
            "+{more} more (the JSON and SARIF reports list all)"
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_signatures_read_as_java() {
        assert_eq!(
            method_name("Lcom/amap/loc/br;->a(Z)V"),
            "com.amap.loc.br.a(boolean)"
        );
        assert_eq!(
            method_name(
                "Lcom/loc/dp;->a(Landroid/content/Context;[ILjava/lang/String;J)Lcom/amap/api/location/AMapLocation;"
            ),
            "com.loc.dp.a(Context, int[], String, long)"
        );
        assert_eq!(method_name("Lcom/x/Y;-><init>()V"), "com.x.Y.<init>()");
        // Not a signature: unchanged; broken ones never panic.
        assert_eq!(method_name("network"), "network");
        assert_eq!(method_name("Lx;->m(L"), "x.m(L)");
        assert_eq!(method_name("Lx;->m([[[)V"), "x.m([][][])");
    }

    #[test]
    fn long_paths_keep_first_and_last_app_frames() {
        let path: Vec<String> = [
            "Lcom/shop/App;->onCreate()V",
            "Lcom/shop/Loc;->start(Landroid/content/Context;)V",
            "Lcom/amap/api/location/AMapLocationClient;->startLocation()V",
            "Lcom/loc/dp;->a(Landroid/content/Context;)V",
            "Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)Landroid/location/Location;",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            short_path(&path),
            "com.shop.App.onCreate() \u{2192} \u{2026} \u{2192} com.loc.dp.a(Context) (5 calls)"
        );
        assert_eq!(
            short_path(&path[..2]),
            "com.shop.App.onCreate() \u{2192} com.shop.Loc.start(Context)"
        );
    }
}
