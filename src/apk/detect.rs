//! Telling inputs apart by content and layout, not by file extension (`.apk.zip` is still
//! an APK, a `.jar` of dex files is a dex container, an `.apks` renamed `.zip` is a bundle).

/// What the first bytes say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// `dex\n` magic.
    Dex,
    /// Android binary XML (`RES_XML_TYPE` chunk, header size 8).
    BinaryXml,
    /// Text that starts with `<` (after a BOM and whitespace).
    TextXml,
    /// Anything else: tried as a zip (the end record is at the end, not the start).
    Other,
}

/// Sniff the first bytes of an input.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(b"dex\n") {
        return Sniffed::Dex;
    }
    if bytes.starts_with(&[0x03, 0x00, 0x08, 0x00]) {
        return Sniffed::BinaryXml;
    }
    let head = bytes.get(..bytes.len().min(512)).unwrap_or(bytes);
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    if head
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<')
    {
        return Sniffed::TextXml;
    }
    Sniffed::Other
}

/// What a zip holds, from its entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZipLayout {
    /// `AndroidManifest.xml` at the root: an APK.
    Apk,
    /// bundletool's `.apks`: `toc.pb`, `splits/*.apk`, `standalones/*.apk`.
    Apks,
    /// `.xapk`: `manifest.json` and APKs at the root (plus OBB files).
    Xapk,
    /// APKs at the root without `manifest.json` (a zipped split set).
    ApkSet,
    /// `classes*.dex` at the root and no manifest: a jar or zip of dex files.
    DexContainer,
    /// None of these.
    Unknown,
}

/// Decide the layout from the entry names.
pub fn zip_layout<'n>(names: impl Iterator<Item = &'n str> + Clone) -> ZipLayout {
    let has = |pred: &dyn Fn(&str) -> bool| names.clone().any(pred);
    if has(&|n| n == "AndroidManifest.xml") {
        return ZipLayout::Apk;
    }
    if has(&|n| {
        n == "toc.pb"
            || (n.ends_with(".apk") && (n.starts_with("splits/") || n.starts_with("standalones/")))
    }) {
        return ZipLayout::Apks;
    }
    let root_apk = |n: &str| n.ends_with(".apk") && !n.contains('/');
    if has(&root_apk) {
        return if has(&|n| n == "manifest.json") {
            ZipLayout::Xapk
        } else {
            ZipLayout::ApkSet
        };
    }
    if has(&|n| super::is_root_dex(n)) {
        return ZipLayout::DexContainer;
    }
    ZipLayout::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(b"dex\n035\0"), Sniffed::Dex);
        assert_eq!(sniff(&[3, 0, 8, 0, 0x10, 0, 0, 0]), Sniffed::BinaryXml);
        assert_eq!(sniff(b"\xef\xbb\xbf\n  <?xml"), Sniffed::TextXml);
        assert_eq!(sniff(b"PK\x03\x04"), Sniffed::Other);
        assert_eq!(sniff(b""), Sniffed::Other);
    }

    #[test]
    fn layouts() {
        let l = |names: &[&str]| zip_layout(names.iter().copied());
        assert_eq!(l(&["classes.dex", "AndroidManifest.xml"]), ZipLayout::Apk);
        assert_eq!(l(&["toc.pb", "splits/base-master.apk"]), ZipLayout::Apks);
        assert_eq!(l(&["standalones/standalone-x86.apk"]), ZipLayout::Apks);
        assert_eq!(
            l(&["manifest.json", "com.x.apk", "icon.png"]),
            ZipLayout::Xapk
        );
        assert_eq!(
            l(&["base.apk", "split_config.xxhdpi.apk"]),
            ZipLayout::ApkSet
        );
        assert_eq!(
            l(&["classes.dex", "META-INF/MANIFEST.MF"]),
            ZipLayout::DexContainer
        );
        assert_eq!(l(&["a/b.class"]), ZipLayout::Unknown);
    }
}
