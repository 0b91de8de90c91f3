//! `ResTable_header` and the table it heads: the global value string pool and the
//! packages. [`ResourceTable`] resolves references for the default configuration.

use super::res_table_entry::ResTableEntry;
use super::res_table_package::ResTablePackage;
use super::res_table_type::ResTableType;
use crate::axml::{
    Naming, ResChunkHeader, ResError, ResErrorKind, ResValue, StringPool, chunk_type, data_type,
};

/// Chunk header + `packageCount`.
const HEADER_SIZE: usize = ResChunkHeader::SIZE + 4;
/// Most reference hops followed (`@string/a` → `@string/b` → ...), against cycles.
const MAX_HOPS: usize = 8;

/// A parsed `resources.arsc`, borrowing the file's bytes.
#[derive(Debug, Clone)]
pub struct ResourceTable<'a> {
    data: &'a [u8],
    strings: StringPool<'a>,
    packages: Vec<ResTablePackage<'a>>,
}

/// A resource's value after following references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A string (also file paths: `res/xml/network_security_config.xml`).
    String(String),
    /// Any other simple value.
    Value(ResValue),
    /// A bag (style, array, plurals): not a simple value.
    Bag,
}

impl Resolved {
    /// The value as text: strings as they are, other values coerced
    /// ([`ResValue::coerce_to_string`]), bags `None`.
    pub fn to_text(&self) -> Option<String> {
        match self {
            Resolved::String(s) => Some(s.clone()),
            Resolved::Value(v) => v.coerce_to_string(),
            Resolved::Bag => None,
        }
    }
}

/// The parts of a resource's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceName {
    /// The package name.
    pub package: String,
    /// The package id.
    pub package_id: u32,
    /// The type (`string`, `xml`).
    pub type_name: String,
    /// The entry name (`app_name`).
    pub key: String,
}

impl<'a> ResourceTable<'a> {
    /// Parse a `resources.arsc`.
    pub fn parse(data: &'a [u8]) -> Result<Self, ResError> {
        let header = ResChunkHeader::parse(data, 0, data.len(), HEADER_SIZE)?;
        if header.chunk_type != chunk_type::TABLE {
            return Err(ResError::new(
                0,
                ResErrorKind::WrongFileType {
                    expected: "resource table",
                    found: header.chunk_type,
                },
            ));
        }
        let mut strings = None;
        let mut packages = Vec::new();
        let mut pos = header.body();
        while pos < header.end() {
            let chunk = ResChunkHeader::parse(data, pos, header.end(), ResChunkHeader::SIZE)?;
            match chunk.chunk_type {
                chunk_type::STRING_POOL if strings.is_none() => {
                    strings = Some(StringPool::parse(data, &chunk)?);
                }
                chunk_type::TABLE_PACKAGE => packages.push(ResTablePackage::parse(data, chunk)?),
                _ => {}
            }
            pos = chunk.end();
        }
        Ok(ResourceTable {
            data,
            strings: strings.unwrap_or_else(StringPool::empty),
            packages,
        })
    }

    /// The packages, in file order.
    pub fn packages(&self) -> &[ResTablePackage<'a>] {
        &self.packages
    }

    fn package(&self, id: u32) -> Option<&ResTablePackage<'a>> {
        self.packages.iter().find(|p| p.id == id >> 24)
    }

    /// The type chunk and entry offset of `id` in the best configuration: the default
    /// configuration first, else the first without a locale, else the first that has it.
    fn locate(&self, id: u32) -> Option<(&ResTableType, usize)> {
        let pkg = self.package(id)?;
        let type_id = ((id >> 16) & 0xff) as u8;
        let index = (id & 0xffff) as u16;
        let mut best: Option<(u8, &ResTableType, usize)> = None;
        for t in pkg.types.iter().filter(|t| t.id == type_id) {
            let Some(at) = t.entry_offset(self.data, index) else {
                continue;
            };
            let rank = match (t.config.is_default, t.config.has_locale) {
                (true, _) => 0,
                (false, false) => 1,
                (false, true) => 2,
            };
            if best.is_none_or(|(r, _, _)| rank < r) {
                best = Some((rank, t, at));
            }
        }
        best.map(|(_, t, at)| (t, at))
    }

    /// The entry of `id` in the best configuration, without following references.
    pub fn entry(&self, id: u32) -> Option<ResTableEntry> {
        let (t, at) = self.locate(id)?;
        ResTableEntry::parse(self.data, at, t.chunk.end()).ok()
    }

    /// The value of `id`, following references (at most a few hops).
    pub fn resolve(&self, id: u32) -> Option<Resolved> {
        let mut id = id;
        for _ in 0..MAX_HOPS {
            let value = match self.entry(id)?.value {
                Some(v) => v,
                None => return Some(Resolved::Bag),
            };
            match value.data_type {
                data_type::REFERENCE | data_type::DYNAMIC_REFERENCE if value.data != 0 => {
                    id = value.data;
                }
                data_type::STRING => {
                    return self
                        .strings
                        .get(value.data)
                        .ok()
                        .map(|s| Resolved::String(s.into_owned()));
                }
                _ => return Some(Resolved::Value(value)),
            }
        }
        None
    }

    /// The value of `id` as text (see [`Resolved::to_text`]).
    pub fn resolve_text(&self, id: u32) -> Option<String> {
        self.resolve(id)?.to_text()
    }

    /// The name of `id`.
    pub fn name(&self, id: u32) -> Option<ResourceName> {
        let pkg = self.package(id)?;
        let type_id = (id >> 16) & 0xff;
        let type_name = pkg.type_strings.get(type_id.checked_sub(1)?).ok()?;
        let key = pkg.key_strings.get(self.entry(id)?.key).ok()?;
        Some(ResourceName {
            package: pkg.name.clone(),
            package_id: pkg.id,
            type_name: type_name.into_owned(),
            key: key.into_owned(),
        })
    }

    /// The id of the resource `type_name/key` (in `package`, or in any package), for text
    /// manifests that name resources (`@string/app_name`).
    pub fn find(&self, package: Option<&str>, type_name: &str, key: &str) -> Option<u32> {
        for pkg in &self.packages {
            if package.is_some_and(|p| p != pkg.name) {
                continue;
            }
            let type_index = (0..pkg.type_strings.len())
                .find(|i| pkg.type_strings.get(*i).is_ok_and(|s| s == type_name))?;
            let type_id = u8::try_from(type_index + 1).ok()?;
            for t in pkg.types.iter().filter(|t| t.id == type_id) {
                for index in t.indexes(self.data) {
                    let Some(at) = t.entry_offset(self.data, index) else {
                        continue;
                    };
                    let Ok(entry) = ResTableEntry::parse(self.data, at, t.chunk.end()) else {
                        continue;
                    };
                    if pkg.key_strings.get(entry.key).is_ok_and(|k| k == key) {
                        return Some(
                            (pkg.id << 24) | (u32::from(type_id) << 16) | u32::from(index),
                        );
                    }
                }
            }
        }
        None
    }

    /// Parse a reference as a source file writes it (`@string/app_name`,
    /// `@com.example:xml/paths`, `@0x7f0b0001`) and return its id.
    pub fn parse_reference(&self, text: &str) -> Option<u32> {
        let rest = text.strip_prefix('@')?;
        let rest = rest.strip_prefix('+').unwrap_or(rest);
        if let Some(hex) = rest.strip_prefix("0x") {
            return u32::from_str_radix(hex, 16).ok();
        }
        let (package, rest) = match rest.split_once(':') {
            Some((p, r)) => (Some(p), r),
            None => (None, rest),
        };
        let (type_name, key) = rest.split_once('/')?;
        self.find(package, type_name, key)
    }
}

impl Naming for ResourceTable<'_> {
    fn reference_name(&self, id: u32) -> Option<String> {
        let name = self.name(id)?;
        if name.package_id == 0x7f {
            Some(format!("@{}/{}", name.type_name, name.key))
        } else {
            Some(format!("@{}:{}/{}", name.package, name.type_name, name.key))
        }
    }
}
