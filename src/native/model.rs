//! What native inspection finds in one `lib/<abi>/*.so`. A contract between modules:
//! fields may be added, not renamed or removed.

use serde::Serialize;

/// Everything sdkflow reads from one ELF shared library.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NativeLib {
    /// The entry it came from (`lib/arm64-v8a/libjcore322.so`), or the file name.
    pub name: String,
    /// The ABI folder the library sits in (`arm64-v8a`), when it sits in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abi_folder: Option<String>,
    /// Size of the file in bytes.
    pub size: u64,
    /// 32 or 64, from the ELF header.
    pub bits: u8,
    /// The machine the ELF header names (`aarch64`, `arm`, `x86`, `x86_64`, `mips`, ...).
    pub machine: String,
    /// The Android ABI the header implies (`arm64-v8a`, `armeabi-v7a`, ...); `None` for a
    /// machine Android has no ABI for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub elf_abi: Option<String>,
    /// The ABI folder names an ABI the ELF header contradicts (an x86 library under
    /// `lib/arm64-v8a/`): the device would refuse to load it, or the folder hides what it is.
    pub abi_mismatch: bool,
    /// `DT_SONAME`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub soname: Option<String>,
    /// `DT_NEEDED` libraries, in order.
    pub needed: Vec<String>,
    /// Defined, global or weak, function or object symbols of the dynamic symbol table.
    pub exports: Vec<Export>,
    /// Whether `JNI_OnLoad` is exported (the library registers natives itself, so its JNI
    /// methods need not appear as `Java_...` exports).
    pub jni_onload: bool,
    /// `Java_...` exports decoded back to Java class and method.
    pub jni_methods: Vec<JniMethod>,
    /// Strings of interest found in read-only data.
    pub strings: NativeStrings,
    /// Inconsistencies that did not stop the inspection (a symbol table cut short, a name
    /// offset out of range), each with the offset it was found at.
    pub warnings: Vec<NativeWarning>,
}

/// The kind of an exported symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SymbolKind {
    /// `STT_FUNC` (and `STT_GNU_IFUNC`).
    Func,
    /// `STT_OBJECT` (and `STT_TLS`, `STT_COMMON`).
    Object,
}

/// The binding of an exported symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Binding {
    /// `STB_GLOBAL`.
    Global,
    /// `STB_WEAK`.
    Weak,
    /// `STB_GNU_UNIQUE`.
    Unique,
}

/// One exported dynamic symbol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Export {
    /// The symbol name as stored (C++ names stay mangled).
    pub name: String,
    /// Function or object.
    pub kind: SymbolKind,
    /// Global, weak or unique.
    pub binding: Binding,
    /// `st_value`: the address in the library.
    pub address: u64,
    /// `st_size`.
    pub size: u64,
}

/// A `Java_...` export decoded back to the Java method it implements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JniMethod {
    /// The exported symbol (`Java_com_baidu_location_Jni_ee`).
    pub symbol: String,
    /// The class, dotted (`com.baidu.location.Jni`).
    pub class: String,
    /// The class as a dex type descriptor (`Lcom/baidu/location/Jni;`), to join with dex data.
    pub descriptor: String,
    /// The method name (`ee`).
    pub method: String,
    /// The argument types of an overloaded native (`(Ljava/lang/String;)`), from the part
    /// after `__`; `None` for the short form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub args: Option<String>,
}

/// Printable strings from read-only data, kept only when they look like something an
/// audit cares about. Everything else is dropped.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NativeStrings {
    /// `http(s)://`, `ws(s)://`, `ftp://` URLs.
    pub urls: Vec<String>,
    /// Host names with a known top-level domain (`api.jpush.cn`).
    pub hosts: Vec<String>,
    /// Java package or class names (`com/baidu/location/Jni`, `java.lang.String`).
    pub java_names: Vec<String>,
    /// Bytes of read-only data scanned.
    pub scanned_bytes: u64,
    /// The scan stopped at a limit (bytes scanned or strings kept) before the end.
    pub truncated: bool,
}

/// Something odd in a library that did not stop its inspection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NativeWarning {
    /// Byte offset in the library.
    pub offset: u64,
    /// What is odd.
    pub message: String,
}
