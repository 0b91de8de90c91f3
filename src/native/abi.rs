//! Android ABI folders and the ELF machines they stand for. The folder name is only a
//! convention of the packager; the device loads by the ELF header, so a library whose
//! header contradicts its folder is worth reporting (a real-world trap: a 32-bit ARM or
//! x86 library shipped under `lib/arm64-v8a/`).

/// `EM_386`.
pub const EM_386: u16 = 3;
/// `EM_MIPS`.
pub const EM_MIPS: u16 = 8;
/// `EM_ARM`.
pub const EM_ARM: u16 = 40;
/// `EM_X86_64`.
pub const EM_X86_64: u16 = 62;
/// `EM_AARCH64`.
pub const EM_AARCH64: u16 = 183;
/// `EM_RISCV`.
pub const EM_RISCV: u16 = 243;

/// A short name for an ELF machine number.
pub fn machine_name(machine: u16) -> String {
    match machine {
        EM_386 => "x86".into(),
        EM_MIPS => "mips".into(),
        EM_ARM => "arm".into(),
        EM_X86_64 => "x86_64".into(),
        EM_AARCH64 => "aarch64".into(),
        EM_RISCV => "riscv".into(),
        other => format!("machine-{other}"),
    }
}

/// The Android ABI an ELF machine and class mean (`armeabi-v7a` for 32-bit ARM: the
/// older `armeabi` folder holds the same machine).
pub fn elf_abi(machine: u16, bits: u8) -> Option<&'static str> {
    match (machine, bits) {
        (EM_AARCH64, 64) => Some("arm64-v8a"),
        (EM_ARM, 32) => Some("armeabi-v7a"),
        (EM_386, 32) => Some("x86"),
        (EM_X86_64, 64) => Some("x86_64"),
        (EM_MIPS, 32) => Some("mips"),
        (EM_MIPS, 64) => Some("mips64"),
        (EM_RISCV, 64) => Some("riscv64"),
        _ => None,
    }
}

/// The machine and class an ABI folder promises; `None` for a folder name Android does not
/// define (nothing to contradict).
pub fn folder_expects(folder: &str) -> Option<(u16, u8)> {
    match folder {
        "arm64-v8a" => Some((EM_AARCH64, 64)),
        "armeabi-v7a" | "armeabi" => Some((EM_ARM, 32)),
        "x86" => Some((EM_386, 32)),
        "x86_64" => Some((EM_X86_64, 64)),
        "mips" => Some((EM_MIPS, 32)),
        "mips64" => Some((EM_MIPS, 64)),
        "riscv64" => Some((EM_RISCV, 64)),
        _ => None,
    }
}

/// Whether the header contradicts the folder.
pub fn contradicts(folder: &str, machine: u16, bits: u8) -> bool {
    folder_expects(folder).is_some_and(|expected| expected != (machine, bits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_machines() {
        assert!(!contradicts("arm64-v8a", EM_AARCH64, 64));
        assert!(contradicts("arm64-v8a", EM_ARM, 32));
        assert!(contradicts("arm64-v8a", EM_386, 32));
        assert!(!contradicts("armeabi", EM_ARM, 32));
        assert!(!contradicts("some-custom-dir", EM_386, 32));
        assert_eq!(elf_abi(EM_X86_64, 64), Some("x86_64"));
        assert_eq!(elf_abi(EM_X86_64, 32), None);
        assert_eq!(machine_name(EM_AARCH64), "aarch64");
    }
}
