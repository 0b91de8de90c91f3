//! What the detector looks at: the code inventory, the manifest and the native libraries
//! of one app, borrowed from whoever parsed them (`Cow` so tests can build one from owned
//! strings and the dex parser can lend its buffers).

use std::borrow::Cow;

use crate::manifest::Manifest;
use crate::native::NativeLib;

/// A class defined in the app's code.
#[derive(Debug, Clone)]
pub struct ClassRef<'a> {
    /// Type descriptor (`Lcn/jpush/android/api/JPushInterface;`).
    pub descriptor: Cow<'a, str>,
    /// Index into [`Subject::code_files`]: the dex (or jar) entry that defines it.
    pub file: u32,
}

/// A string constant of the code, with where it is used.
#[derive(Debug, Clone)]
pub struct CodeString<'a> {
    /// The string.
    pub value: Cow<'a, str>,
    /// Where: a method (`Lcom/x/Y;->m()V`) or a dex entry name.
    pub location: Cow<'a, str>,
}

/// A static field with a constant string value (version constants, BuildConfig fields).
#[derive(Debug, Clone)]
pub struct StaticField<'a> {
    /// The declaring class descriptor (`Lcom/tencent/bugly/crashreport/BuildConfig;`).
    pub class: Cow<'a, str>,
    /// The field name (`VERSION_NAME`).
    pub field: Cow<'a, str>,
    /// Its constant value (`4.1.9`).
    pub value: Cow<'a, str>,
}

/// A native library of the app.
#[derive(Debug, Clone, Default)]
pub struct NativeLibInput<'a> {
    /// The entry path (`lib/arm64-v8a/libjcore322.so`).
    pub path: Cow<'a, str>,
    /// The file name (`libjcore322.so`).
    pub file_name: Cow<'a, str>,
    /// Exported dynamic symbols (JNI exports start with `Java_`).
    pub symbols: Vec<Cow<'a, str>>,
    /// Printable strings of its read-only data (host names live there).
    pub strings: Vec<Cow<'a, str>>,
    /// The library's folder names an ABI its ELF header contradicts (32-bit ARM under
    /// `arm64-v8a/`): what the header really is, e.g. `32-bit arm`. See `docs/native.md`.
    pub abi_mismatch: Option<AbiMismatch<'a>>,
}

/// A library whose ABI folder lies about its ELF header.
#[derive(Debug, Clone)]
pub struct AbiMismatch<'a> {
    /// The folder it sits in (`arm64-v8a`).
    pub folder: Cow<'a, str>,
    /// What the header says: class and machine (`32-bit arm`).
    pub header: String,
}

impl<'a> NativeLibInput<'a> {
    /// The detector's view of a library the native inspector read ([`crate::native`]):
    /// its `Java_` exports, the URLs and host names of its read-only data, and whether its
    /// ABI folder lies. Borrows from `lib`: one ELF parse serves `inspect` and detection.
    pub fn from_native(lib: &'a NativeLib) -> NativeLibInput<'a> {
        let file_name = lib.name.rsplit(['/', '!']).next().unwrap_or_default();
        NativeLibInput {
            path: Cow::Borrowed(&lib.name),
            file_name: Cow::Borrowed(file_name),
            symbols: lib
                .jni_methods
                .iter()
                .map(|m| Cow::Borrowed(m.symbol.as_str()))
                .collect(),
            strings: native_strings(lib).map(Cow::Borrowed).collect(),
            abi_mismatch: abi_mismatch(lib),
        }
    }

    /// [`NativeLibInput::from_native`], taking ownership (no copy of the strings).
    pub fn from_native_owned(lib: NativeLib) -> NativeLibInput<'static> {
        let abi_mismatch = abi_mismatch(&lib).map(|m| AbiMismatch {
            folder: Cow::Owned(m.folder.into_owned()),
            header: m.header,
        });
        let file_name = lib
            .name
            .rsplit(['/', '!'])
            .next()
            .unwrap_or_default()
            .to_string();
        let strings = lib.strings;
        NativeLibInput {
            path: Cow::Owned(lib.name),
            file_name: Cow::Owned(file_name),
            symbols: lib
                .jni_methods
                .into_iter()
                .map(|m| Cow::Owned(m.symbol))
                .collect(),
            strings: strings
                .urls
                .into_iter()
                .chain(strings.hosts)
                .map(Cow::Owned)
                .collect(),
            abi_mismatch,
        }
    }
}

/// The read-only strings that can name a host: URLs and bare host names.
fn native_strings(lib: &NativeLib) -> impl Iterator<Item = &str> {
    lib.strings
        .urls
        .iter()
        .chain(&lib.strings.hosts)
        .map(String::as_str)
}

fn abi_mismatch(lib: &NativeLib) -> Option<AbiMismatch<'_>> {
    if !lib.abi_mismatch {
        return None;
    }
    Some(AbiMismatch {
        folder: Cow::Borrowed(lib.abi_folder.as_deref().unwrap_or_default()),
        header: format!("{}-bit {}", lib.bits, lib.machine),
    })
}

/// Everything the detector matches for one app.
#[derive(Debug, Clone, Default)]
pub struct Subject<'a> {
    /// The app's own package (`manifest/@package`); its subtree is the app's code, not an
    /// SDK's. Taken from `manifest` when `None`.
    pub app_package: Option<Cow<'a, str>>,
    /// Names of the files classes come from (`classes.dex`, `classes2.dex`, `libs/x.jar`).
    pub code_files: Vec<Cow<'a, str>>,
    /// Every class defined in the app.
    pub classes: Vec<ClassRef<'a>>,
    /// String constants of the code.
    pub strings: Vec<CodeString<'a>>,
    /// Static string fields with constant values.
    pub static_fields: Vec<StaticField<'a>>,
    /// The decoded manifest, when there is one.
    pub manifest: Option<&'a Manifest>,
    /// The native libraries.
    pub native_libs: Vec<NativeLibInput<'a>>,
    /// The input file (`app.apk`), for the location of problems the detector reports.
    pub source: Option<Cow<'a, str>>,
    /// Problems met while reading the inputs (a dex that does not open, a class whose data
    /// does not decode): the detections come from what was readable.
    pub problems: Vec<crate::apk::Problem>,
    /// Every entry path of the input archive (`assets/libjiagu.so`): packers hide their
    /// libraries outside `lib/`.
    pub files: Vec<Cow<'a, str>>,
    /// Some code could not be read (a dex or class that does not decode): an SDK without
    /// code evidence may then have lost it, so it is not called a leftover.
    pub code_incomplete: bool,
}

impl<'a> Subject<'a> {
    /// Add classes from one code file, given as descriptors or dotted/slashed class names
    /// (`cn.jpush.android.api.JPushInterface`, `cn/jpush/android/api/JPushInterface.class`).
    pub fn add_classes<I, S>(&mut self, file: impl Into<Cow<'a, str>>, classes: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let index = u32::try_from(self.code_files.len()).unwrap_or(u32::MAX);
        self.code_files.push(file.into());
        for class in classes {
            if let Some(descriptor) = to_descriptor(class.as_ref()) {
                self.classes.push(ClassRef {
                    descriptor: Cow::Owned(descriptor),
                    file: index,
                });
            }
        }
    }

    /// Add a native library known only by its entry path (no symbols or strings).
    pub fn add_native_lib(&mut self, path: impl Into<Cow<'a, str>>) {
        let path = path.into();
        let file_name = path.rsplit('/').next().unwrap_or_default().to_string();
        self.native_libs.push(NativeLibInput {
            path,
            file_name: Cow::Owned(file_name),
            ..NativeLibInput::default()
        });
    }

    /// The app package: the explicit one, else the manifest's.
    pub fn effective_app_package(&self) -> Option<&str> {
        match &self.app_package {
            Some(p) if !p.is_empty() => Some(p.as_ref()),
            _ => self
                .manifest
                .map(|m| m.package.as_str())
                .filter(|p| !p.is_empty()),
        }
    }
}

/// `cn.jpush.X`, `cn/jpush/X.class` or `Lcn/jpush/X;` → `Lcn/jpush/X;`. `None` for array
/// and primitive descriptors and for names with characters no class name has.
pub fn to_descriptor(name: &str) -> Option<String> {
    if name.starts_with('L') && name.ends_with(';') && name.len() > 2 {
        return Some(name.to_string());
    }
    let name = name.strip_suffix(".class").unwrap_or(name);
    if name.is_empty() || name.contains([';', '[', ' ']) {
        return None;
    }
    Some(format!("L{};", name.replace('.', "/")))
}

/// `Lcn/jpush/X;` → `cn/jpush/X`.
pub(crate) fn internal_name(descriptor: &str) -> Option<&str> {
    descriptor.strip_prefix('L')?.strip_suffix(';')
}
