//! Reading one ELF shared library with goblin, bounding every table against the file
//! before goblin sees it.
//!
//! goblin's all-in-one `Elf::parse` also parses every relocation and trusts virtual
//! addresses that map nowhere (they become file offset 0), so this module calls goblin's
//! per-structure parsers instead: the header, program headers, section headers, the
//! `PT_DYNAMIC` entries and the dynamic symbol table, each after checking its offset,
//! entry size and count against the file. String tables are read here, byte-wise and
//! lossily, because goblin's `Strtab::parse` rejects a whole table for one non-UTF-8 name.
//!
//! What readelf treats as fatal (no ELF magic, bad class, program headers outside the
//! file) is fatal here; what it only warns about (a section table or symbol table cut
//! short, a name offset out of range) becomes a [`NativeWarning`] and the rest is read.

use goblin::container::{Container, Ctx, Endian};
use goblin::elf::dynamic::{
    DT_GNU_HASH, DT_HASH, DT_NEEDED, DT_NULL, DT_SONAME, DT_STRSZ, DT_STRTAB, DT_SYMTAB, Dyn,
    Dynamic,
};
use goblin::elf::program_header::{PF_W, PF_X, PT_LOAD, ProgramHeader};
use goblin::elf::section_header::{SHT_DYNSYM, SHT_NOBITS, SectionHeader};
use goblin::elf::sym::{Sym, Symtab};
use goblin::elf::{Elf, Header};

use super::error::ElfError;
use super::model::{Binding, Export, NativeWarning, SymbolKind};

/// Longest symbol or library name kept; longer ones are cut (C++ names can be long, but
/// not this long in a real library).
const MAX_NAME_LEN: usize = 4096;

/// `STB_GLOBAL`, `STB_WEAK`, `STB_GNU_UNIQUE`.
const STB_GLOBAL: u8 = 1;
const STB_WEAK: u8 = 2;
const STB_GNU_UNIQUE: u8 = 10;
/// `STT_OBJECT`, `STT_FUNC`, `STT_COMMON`, `STT_TLS`, `STT_GNU_IFUNC`.
const STT_OBJECT: u8 = 1;
const STT_FUNC: u8 = 2;
const STT_COMMON: u8 = 5;
const STT_TLS: u8 = 6;
const STT_GNU_IFUNC: u8 = 10;
/// `STV_DEFAULT`, `STV_PROTECTED`.
const STV_DEFAULT: u8 = 0;
const STV_PROTECTED: u8 = 3;

/// The facts [`read`] extracts from one ELF file, borrowing nothing.
#[derive(Debug, Default)]
pub struct ElfFacts {
    /// 32 or 64.
    pub bits: u8,
    /// `e_machine`.
    pub machine: u16,
    /// `DT_SONAME`.
    pub soname: Option<String>,
    /// `DT_NEEDED`, in order.
    pub needed: Vec<String>,
    /// Defined, exported function and object symbols.
    pub exports: Vec<Export>,
    /// File ranges of read-only data (`.rodata*` sections, or read-only segments).
    pub rodata: Vec<(usize, usize)>,
    /// Non-fatal inconsistencies.
    pub warnings: Vec<NativeWarning>,
}

impl ElfFacts {
    fn warn(&mut self, offset: u64, message: impl Into<String>) {
        self.warnings.push(NativeWarning {
            offset,
            message: message.into(),
        });
    }
}

/// Read the header, dynamic section and dynamic symbols of an ELF file.
pub fn read(bytes: &[u8]) -> Result<ElfFacts, ElfError> {
    let len = bytes.len() as u64;
    if bytes.get(..4) != Some(b"\x7fELF".as_slice()) {
        return Err(ElfError::NotElf { offset: 0 });
    }
    let container = match bytes.get(4) {
        Some(1) => Container::Little,
        Some(2) => Container::Big,
        Some(&value) => {
            return Err(ElfError::BadIdent {
                offset: 4,
                what: "class",
                value,
            });
        }
        None => {
            return Err(ElfError::Truncated {
                offset: 0,
                what: "ELF header",
                len,
            });
        }
    };
    let endian = match bytes.get(5) {
        Some(1) => Endian::Little,
        Some(2) => Endian::Big,
        Some(&value) => {
            return Err(ElfError::BadIdent {
                offset: 5,
                what: "data encoding",
                value,
            });
        }
        None => {
            return Err(ElfError::Truncated {
                offset: 0,
                what: "ELF header",
                len,
            });
        }
    };
    let ctx = Ctx::new(container, endian);
    let header = Elf::parse_header(bytes).map_err(|e| ElfError::Goblin {
        offset: 0,
        what: "ELF header",
        message: e.to_string(),
    })?;

    let mut facts = ElfFacts {
        bits: if container == Container::Big { 64 } else { 32 },
        machine: header.e_machine,
        ..ElfFacts::default()
    };

    let phdrs = program_headers(bytes, &header, ctx)?;
    let sections = section_headers(bytes, &header, ctx, &mut facts);
    let named: Vec<(String, &SectionHeader)> = section_names(bytes, &header, &sections, &mut facts);

    let dyns = dynamic_entries(bytes, &phdrs, ctx, &mut facts);
    let dynstr = dynamic_strtab(bytes, &phdrs, &dyns, &mut facts);
    if let Some((strtab_off, strtab)) = dynstr {
        for d in &dyns {
            if d.d_tag == DT_NEEDED || d.d_tag == DT_SONAME {
                match cstr(strtab, d.d_val) {
                    Some(name) if d.d_tag == DT_NEEDED => facts.needed.push(name),
                    Some(name) => facts.soname = Some(name),
                    None => facts.warn(
                        strtab_off,
                        format!(
                            "dynamic entry name offset {:#x} is outside .dynstr",
                            d.d_val
                        ),
                    ),
                }
            }
        }
    } else if dyns
        .iter()
        .any(|d| d.d_tag == DT_NEEDED || d.d_tag == DT_SONAME)
    {
        facts.warn(0, "library names unreadable: no usable DT_STRTAB");
    }

    dynamic_symbols(bytes, ctx, &phdrs, &sections, &dyns, dynstr, &mut facts);
    facts.rodata = rodata_ranges(bytes.len(), &named, &phdrs);
    Ok(facts)
}

fn program_headers(
    bytes: &[u8],
    header: &Header,
    ctx: Ctx,
) -> Result<Vec<ProgramHeader>, ElfError> {
    let count = usize::from(header.e_phnum);
    if count == 0 {
        return Ok(Vec::new());
    }
    let size = ProgramHeader::size(ctx);
    if usize::from(header.e_phentsize) != size {
        return Err(ElfError::BadEntrySize {
            offset: header.e_phoff,
            what: "program header",
            expected: size as u64,
            actual: u64::from(header.e_phentsize),
        });
    }
    table_range(bytes.len(), header.e_phoff, count, size).ok_or(ElfError::Truncated {
        offset: header.e_phoff,
        what: "program header table",
        len: bytes.len() as u64,
    })?;
    ProgramHeader::parse(bytes, header.e_phoff as usize, count, ctx).map_err(|e| ElfError::Goblin {
        offset: header.e_phoff,
        what: "program headers",
        message: e.to_string(),
    })
}

/// The section table, or none (with a warning) when it is unusable: Android's loader
/// never reads sections, so a broken table must not hide the rest of the library.
fn section_headers(
    bytes: &[u8],
    header: &Header,
    ctx: Ctx,
    facts: &mut ElfFacts,
) -> Vec<SectionHeader> {
    if header.e_shoff == 0 {
        return Vec::new();
    }
    let size = SectionHeader::size(ctx);
    if usize::from(header.e_shentsize) != size {
        facts.warn(
            header.e_shoff,
            format!(
                "section header entry size is {}, expected {size}; sections ignored",
                header.e_shentsize
            ),
        );
        return Vec::new();
    }
    let mut count = usize::from(header.e_shnum);
    if count == 0 {
        // More than SHN_LORESERVE sections: the count is in the null section's sh_size.
        match SectionHeader::parse(bytes, header.e_shoff as usize, 1, ctx) {
            Ok(first) => {
                count = first
                    .first()
                    .map_or(0, |s| usize::try_from(s.sh_size).unwrap_or(usize::MAX))
            }
            Err(_) => count = usize::MAX,
        }
        if count == 0 {
            return Vec::new();
        }
    }
    if table_range(bytes.len(), header.e_shoff, count, size).is_none() {
        facts.warn(
            header.e_shoff,
            format!("section header table ({count} entries) runs past the end of the file; sections ignored"),
        );
        return Vec::new();
    }
    match SectionHeader::parse(bytes, header.e_shoff as usize, count, ctx) {
        Ok(sections) => sections,
        Err(e) => {
            facts.warn(
                header.e_shoff,
                format!("section headers: {e}; sections ignored"),
            );
            Vec::new()
        }
    }
}

fn section_names<'s>(
    bytes: &[u8],
    header: &Header,
    sections: &'s [SectionHeader],
    facts: &mut ElfFacts,
) -> Vec<(String, &'s SectionHeader)> {
    let strtab = sections
        .get(usize::from(header.e_shstrndx))
        .and_then(|s| file_slice(bytes, s.sh_offset, s.sh_size));
    if strtab.is_none() && !sections.is_empty() {
        facts.warn(header.e_shoff, "section name table unreadable");
    }
    sections
        .iter()
        .map(|s| {
            let name = strtab
                .and_then(|t| cstr(t, s.sh_name as u64))
                .unwrap_or_default();
            (name, s)
        })
        .collect()
}

fn dynamic_entries(
    bytes: &[u8],
    phdrs: &[ProgramHeader],
    ctx: Ctx,
    facts: &mut ElfFacts,
) -> Vec<Dyn> {
    match Dynamic::parse(bytes, phdrs, ctx) {
        Ok(Some(dynamic)) => dynamic
            .dyns
            .into_iter()
            .take_while(|d| d.d_tag != DT_NULL)
            .collect(),
        Ok(None) => Vec::new(),
        Err(e) => {
            let offset = phdrs
                .iter()
                .find(|p| p.p_type == goblin::elf::program_header::PT_DYNAMIC)
                .map_or(0, |p| p.p_offset);
            facts.warn(offset, format!("dynamic section unreadable: {e}"));
            Vec::new()
        }
    }
}

fn dyn_value(dyns: &[Dyn], tag: u64) -> Option<u64> {
    dyns.iter().find(|d| d.d_tag == tag).map(|d| d.d_val)
}

/// The file offset a virtual address maps to through a `PT_LOAD` segment's file bytes.
fn vm_to_offset(phdrs: &[ProgramHeader], addr: u64) -> Option<u64> {
    phdrs
        .iter()
        .filter(|p| p.p_type == PT_LOAD)
        .find(|p| addr >= p.p_vaddr && addr - p.p_vaddr < p.p_filesz)
        .and_then(|p| p.p_offset.checked_add(addr - p.p_vaddr))
}

/// `DT_STRTAB`/`DT_STRSZ` as a file slice, with its offset.
fn dynamic_strtab<'a>(
    bytes: &'a [u8],
    phdrs: &[ProgramHeader],
    dyns: &[Dyn],
    facts: &mut ElfFacts,
) -> Option<(u64, &'a [u8])> {
    let addr = dyn_value(dyns, DT_STRTAB)?;
    let size = dyn_value(dyns, DT_STRSZ).unwrap_or(0);
    let Some(offset) = vm_to_offset(phdrs, addr) else {
        facts.warn(
            0,
            format!("DT_STRTAB address {addr:#x} is in no loaded segment"),
        );
        return None;
    };
    match file_slice(bytes, offset, size) {
        Some(slice) => Some((offset, slice)),
        None => {
            facts.warn(
                offset,
                format!("dynamic string table ({size} bytes) runs past the end of the file"),
            );
            None
        }
    }
}

/// Where the dynamic symbols are: the `SHT_DYNSYM` section when there is one (as readelf
/// prints them), else `DT_SYMTAB` with the count from the hash tables.
fn dynamic_symbols(
    bytes: &[u8],
    ctx: Ctx,
    phdrs: &[ProgramHeader],
    sections: &[SectionHeader],
    dyns: &[Dyn],
    dynstr: Option<(u64, &[u8])>,
    facts: &mut ElfFacts,
) {
    let sym_size = Sym::size(ctx.container);
    let table = if let Some(dynsym) = sections.iter().find(|s| s.sh_type == SHT_DYNSYM) {
        if dynsym.sh_entsize != 0 && dynsym.sh_entsize != sym_size as u64 {
            facts.warn(
                dynsym.sh_offset,
                format!(
                    "dynamic symbol entry size is {}, expected {sym_size}",
                    dynsym.sh_entsize
                ),
            );
            return;
        }
        let strtab = sections
            .get(dynsym.sh_link as usize)
            .and_then(|s| file_slice(bytes, s.sh_offset, s.sh_size))
            .map(|slice| (dynsym.sh_offset, slice))
            .or(dynstr);
        Some((dynsym.sh_offset, dynsym.sh_size / sym_size as u64, strtab))
    } else if let Some(addr) = dyn_value(dyns, DT_SYMTAB) {
        match vm_to_offset(phdrs, addr) {
            Some(offset) => {
                let count = hash_symbol_count(bytes, phdrs, dyns, ctx).unwrap_or_else(|| {
                    facts.warn(
                        offset,
                        "no readable hash table: dynamic symbol count unknown",
                    );
                    0
                });
                Some((offset, count, dynstr))
            }
            None => {
                facts.warn(
                    0,
                    format!("DT_SYMTAB address {addr:#x} is in no loaded segment"),
                );
                None
            }
        }
    } else {
        None
    };
    let Some((offset, mut count, strtab)) = table else {
        return;
    };
    let room = (bytes.len() as u64).saturating_sub(offset) / sym_size as u64;
    if count > room {
        facts.warn(
            offset,
            format!("dynamic symbol table claims {count} entries, the file holds {room}"),
        );
        count = room;
    }
    if count == 0 {
        return;
    }
    let Some((_, strtab)) = strtab else {
        facts.warn(offset, "dynamic symbol names unreadable: no string table");
        return;
    };
    let symtab = match Symtab::parse(bytes, offset as usize, count as usize, ctx) {
        Ok(t) => t,
        Err(e) => {
            facts.warn(offset, format!("dynamic symbols: {e}"));
            return;
        }
    };
    let mut bad_names = 0usize;
    for sym in symtab.iter() {
        let Some((kind, binding)) = exported(&sym) else {
            continue;
        };
        let Some(name) = cstr(strtab, sym.st_name as u64) else {
            bad_names += 1;
            continue;
        };
        facts.exports.push(Export {
            name,
            kind,
            binding,
            address: sym.st_value,
            size: sym.st_size,
        });
    }
    if bad_names > 0 {
        facts.warn(
            offset,
            format!("{bad_names} exported symbols have a name outside the string table"),
        );
    }
}

/// Kind and binding of a defined, visible, global or weak function or object symbol.
fn exported(sym: &Sym) -> Option<(SymbolKind, Binding)> {
    if sym.st_shndx == 0 {
        return None;
    }
    if !matches!(sym.st_visibility(), STV_DEFAULT | STV_PROTECTED) {
        return None;
    }
    let binding = match sym.st_bind() {
        STB_GLOBAL => Binding::Global,
        STB_WEAK => Binding::Weak,
        STB_GNU_UNIQUE => Binding::Unique,
        _ => return None,
    };
    let kind = match sym.st_type() {
        STT_FUNC | STT_GNU_IFUNC => SymbolKind::Func,
        STT_OBJECT | STT_COMMON | STT_TLS => SymbolKind::Object,
        _ => return None,
    };
    Some((kind, binding))
}

/// The number of dynamic symbols from `DT_HASH` (its `nchain`) or `DT_GNU_HASH` (one past
/// the last symbol of the longest chain), as the dynamic linker sees them.
fn hash_symbol_count(bytes: &[u8], phdrs: &[ProgramHeader], dyns: &[Dyn], ctx: Ctx) -> Option<u64> {
    let big = ctx.is_big();
    let le = ctx.is_little_endian();
    let u32_at = |off: u64| -> Option<u32> {
        let start = usize::try_from(off).ok()?;
        let raw: [u8; 4] = bytes.get(start..start.checked_add(4)?)?.try_into().ok()?;
        Some(if le {
            u32::from_le_bytes(raw)
        } else {
            u32::from_be_bytes(raw)
        })
    };
    if let Some(hash) = dyn_value(dyns, DT_HASH).and_then(|a| vm_to_offset(phdrs, a)) {
        // nbucket, nchain: the chain array has one entry per symbol. (s390x and Alpha use
        // 64-bit entries, but Android runs on neither.)
        return u32_at(hash.checked_add(4)?).map(u64::from);
    }
    let gnu = vm_to_offset(phdrs, dyn_value(dyns, DT_GNU_HASH)?)?;
    let nbuckets = u64::from(u32_at(gnu)?);
    let symoffset = u64::from(u32_at(gnu.checked_add(4)?)?);
    let bloom_size = u64::from(u32_at(gnu.checked_add(8)?)?);
    let word = if big { 8 } else { 4 };
    let buckets = gnu
        .checked_add(16)?
        .checked_add(bloom_size.checked_mul(word)?)?;
    let chains = buckets.checked_add(nbuckets.checked_mul(4)?)?;
    if chains > bytes.len() as u64 {
        return None;
    }
    let mut max_bucket = 0u64;
    for i in 0..nbuckets {
        max_bucket = max_bucket.max(u64::from(u32_at(buckets + i * 4)?));
    }
    if max_bucket < symoffset {
        return Some(symoffset);
    }
    // Walk the last chain to its end marker (low bit set); every step reads 4 more bytes
    // of the file, so the walk ends at the end of the file at the latest.
    let mut index = max_bucket;
    loop {
        let value = u32_at(chains.checked_add(index.checked_sub(symoffset)?.checked_mul(4)?)?)?;
        if value & 1 == 1 {
            return Some(index + 1);
        }
        index += 1;
    }
}

/// `.rodata*` sections, or when the file has none (sections stripped, or merged into one
/// segment by an old linker), its read-only segments: non-executable ones first, and the
/// executable ones only when nothing else is read-only.
fn rodata_ranges(
    len: usize,
    named: &[(String, &SectionHeader)],
    phdrs: &[ProgramHeader],
) -> Vec<(usize, usize)> {
    let in_file = |offset: u64, size: u64| -> Option<(usize, usize)> {
        let start = usize::try_from(offset).ok()?;
        let end = start.checked_add(usize::try_from(size).ok()?)?;
        (end <= len && start < end).then_some((start, end))
    };
    let sections: Vec<(usize, usize)> = named
        .iter()
        .filter(|(name, s)| name.starts_with(".rodata") && s.sh_type != SHT_NOBITS)
        .filter_map(|(_, s)| in_file(s.sh_offset, s.sh_size))
        .collect();
    if !sections.is_empty() {
        return sections;
    }
    let loads = |want_exec: bool| -> Vec<(usize, usize)> {
        phdrs
            .iter()
            .filter(|p| {
                p.p_type == PT_LOAD && p.p_flags & PF_W == 0 && (p.p_flags & PF_X != 0) == want_exec
            })
            .filter_map(|p| in_file(p.p_offset, p.p_filesz))
            .collect()
    };
    let read_only = loads(false);
    if read_only.is_empty() {
        loads(true)
    } else {
        read_only
    }
}

/// `offset..offset+size` as a slice of `bytes`, when it lies inside.
fn file_slice(bytes: &[u8], offset: u64, size: u64) -> Option<&[u8]> {
    let start = usize::try_from(offset).ok()?;
    let end = start.checked_add(usize::try_from(size).ok()?)?;
    bytes.get(start..end)
}

/// Whether `count` entries of `size` bytes at `offset` fit in a file of `len` bytes.
fn table_range(len: usize, offset: u64, count: usize, size: usize) -> Option<(usize, usize)> {
    let start = usize::try_from(offset).ok()?;
    let end = start.checked_add(count.checked_mul(size)?)?;
    (end <= len).then_some((start, end))
}

/// The NUL-terminated string at `offset` of a string table, decoded lossily and cut at
/// [`MAX_NAME_LEN`]; `None` when `offset` is outside the table. A string running to the
/// end of the table without a NUL is taken as it is.
fn cstr(table: &[u8], offset: u64) -> Option<String> {
    let rest = table.get(usize::try_from(offset).ok()?..)?;
    let end = memchr::memchr(0, rest)
        .unwrap_or(rest.len())
        .min(MAX_NAME_LEN);
    let raw = rest.get(..end)?;
    Some(String::from_utf8_lossy(raw).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_what_is_not_elf() {
        assert_eq!(read(b"").unwrap_err(), ElfError::NotElf { offset: 0 });
        assert_eq!(
            read(b"PK\x03\x04").unwrap_err(),
            ElfError::NotElf { offset: 0 }
        );
        assert!(matches!(
            read(b"\x7fELF\x03\x01").unwrap_err(),
            ElfError::BadIdent { offset: 4, .. }
        ));
        assert!(matches!(
            read(b"\x7fELF\x02\x01\x01").unwrap_err(),
            ElfError::Goblin { .. }
        ));
    }

    #[test]
    fn string_tables_are_read_bounded() {
        assert_eq!(cstr(b"\0libc.so\0", 1).as_deref(), Some("libc.so"));
        assert_eq!(cstr(b"\0libc.so", 1).as_deref(), Some("libc.so"));
        assert_eq!(cstr(b"\0abc\0", 5).as_deref(), Some(""));
        assert_eq!(cstr(b"\0abc\0", 6), None);
        assert_eq!(cstr(b"\xff\0", 0).as_deref(), Some("\u{fffd}"));
        assert_eq!(table_range(100, 90, 2, 8), None);
        assert_eq!(table_range(100, 84, 2, 8), Some((84, 100)));
        assert_eq!(table_range(100, u64::MAX, 2, 8), None);
    }
}
