//! Reading the APKs of an input into a [`LoadedApp`]: one archive at a time, only the
//! entries the analyses need (manifest, resources, dex, native libraries, nested archives),
//! each checked against the [`Limits`] before a byte is inflated.

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;

use super::zip::{self, Archive, CentralEntry, EntryError, Extracted, ZipError};
use super::{
    ArchiveInfo, ArchiveRole, Blob, Entry, EntryKind, LoadedApp, ManifestSource, NativeLibBlob,
    NestedFormat, NestedInfo, Problem, Signing, bundle, classify, dex_index, is_root_dex, signing,
};
use crate::{Error, Format, Limits, Location};

/// The bytes of one entry, or why it could not be read.
type EntryBytes<'a> = Result<Cow<'a, [u8]>, EntryError>;

/// `outer!inner`, or `inner` at the top.
pub fn join(prefix: Option<&str>, name: &str) -> String {
    match prefix {
        Some(p) => format!("{p}!{name}"),
        None => name.to_string(),
    }
}

/// State while reading one input.
pub struct Loader<'l> {
    /// The input as the user named it.
    pub file: String,
    limits: &'l Limits,
    /// Bytes inflated (or copied) so far, counted by declared size before reading.
    inflated: u64,
    /// What has been read.
    pub app: LoadedApp,
}

impl<'l> Loader<'l> {
    /// A loader for the input `file`.
    pub fn new(file: &str, input_kind: &str, limits: &'l Limits) -> Self {
        Loader {
            file: file.to_string(),
            limits,
            inflated: 0,
            app: LoadedApp {
                source: file.to_string(),
                input_kind: input_kind.to_string(),
                ..LoadedApp::default()
            },
        }
    }

    fn at_archive(&self, prefix: Option<&str>) -> Location {
        match prefix {
            Some(p) => Location::entry(&self.file, p),
            None => Location::file(&self.file),
        }
    }

    fn at_entry(&self, prefix: Option<&str>, name: &str) -> Location {
        Location::entry(&self.file, join(prefix, name))
    }

    fn problem(&mut self, at: Location, message: impl Into<String>) {
        self.app.problems.push(Problem {
            at,
            message: message.into(),
        });
    }

    /// Open an archive; a limit is an [`Error::Limit`], anything else [`Error::Malformed`].
    pub fn open<'a>(&self, bytes: &'a [u8], prefix: Option<&str>) -> Result<Archive<'a>, Error> {
        Archive::open(bytes, self.limits.max_entries as u64).map_err(|e| self.zip_error(e, prefix))
    }

    /// Turn a [`ZipError`] of the archive at `prefix` into an [`Error`].
    pub fn zip_error(&self, e: ZipError, prefix: Option<&str>) -> Error {
        let at = self.at_archive(prefix).at(e.offset());
        match e {
            ZipError::TooManyEntries { count, limit, .. } => Error::Limit {
                at,
                what: "entry count".into(),
                limit,
                actual: count,
            },
            other => Error::malformed(at, Format::Zip, other.to_string()),
        }
    }

    /// Reserve the declared size of `entry` against the limits, before reading it.
    fn reserve(&mut self, entry: &CentralEntry<'_>, prefix: Option<&str>) -> Result<(), Error> {
        let limits = self.limits;
        let at = || self.at_entry(prefix, &entry.name);
        if entry.size > limits.max_entry_size {
            return Err(Error::Limit {
                at: at(),
                what: "declared inflated size".into(),
                limit: limits.max_entry_size,
                actual: entry.size,
            });
        }
        if entry.method != zip::STORED && entry.size > limits.ratio_threshold {
            let ratio = entry.size / entry.compressed_size.max(1);
            if ratio > limits.max_ratio {
                return Err(Error::Limit {
                    at: at(),
                    what: "compression ratio".into(),
                    limit: limits.max_ratio,
                    actual: ratio,
                });
            }
        }
        let total = self.inflated.saturating_add(entry.size);
        if total > limits.max_total_size {
            return Err(Error::Limit {
                at: at(),
                what: "total inflated size".into(),
                limit: limits.max_total_size,
                actual: total,
            });
        }
        self.inflated = total;
        Ok(())
    }

    /// Read the entries `wanted` (indices into the archive), in parallel, after checking
    /// all of them against the limits. Notes become problems; the caller handles errors.
    fn extract<'a>(
        &mut self,
        archive: &Archive<'a>,
        wanted: &[usize],
        prefix: Option<&str>,
    ) -> Result<Vec<EntryBytes<'a>>, Error> {
        for &i in wanted {
            if let Some(entry) = archive.entries.get(i) {
                self.reserve(entry, prefix)?;
            }
        }
        let results: Vec<(usize, Result<Extracted<'a>, EntryError>)> = wanted
            .par_iter()
            .filter_map(|&i| archive.entries.get(i).map(|e| (i, archive.read(e))))
            .collect();
        let mut out = Vec::with_capacity(results.len());
        for (i, result) in results {
            let name = archive
                .entries
                .get(i)
                .map(|e| e.name.as_ref())
                .unwrap_or("");
            let at = self.at_entry(prefix, name);
            out.push(result.map(|extracted| {
                for note in &extracted.notes {
                    self.problem(at.clone(), note.to_string());
                }
                extracted.bytes
            }));
        }
        Ok(out)
    }

    fn entry_failed(&mut self, prefix: Option<&str>, name: &str, e: &EntryError) {
        let at = self.at_entry(prefix, name);
        self.problem(at, format!("not read: {e}"));
    }

    /// Problems of the archive as a whole (Android would refuse these files) and flags on
    /// entries we do not read.
    fn archive_problems(&mut self, archive: &Archive<'_>, prefix: Option<&str>) {
        let at = self.at_archive(prefix);
        if archive.leading > 0 {
            self.problem(
                at.clone().at(0),
                format!(
                    "{} bytes before the first local header; Android's installer refuses such a file",
                    archive.leading
                ),
            );
        }
        if archive.located.trailing > 0 {
            self.problem(
                at.clone().at(archive.data().len() as u64 - archive.located.trailing),
                format!(
                    "{} bytes after the end of the central directory; Android's installer refuses such a file",
                    archive.located.trailing
                ),
            );
        }
        let dups = archive.duplicate_names();
        if !dups.is_empty() {
            let message = format!(
                "duplicate entry names ({}); Android's installer refuses such a file, every copy is read",
                dups.join(", ")
            );
            self.problem(at.clone(), message);
        }
        let bad_names = archive
            .entries
            .iter()
            .filter(|e| matches!(e.name, Cow::Owned(_)))
            .count();
        if bad_names > 0 {
            self.problem(
                at.clone(),
                format!("{bad_names} entry names are not valid UTF-8; Android refuses such a file"),
            );
        }
        // Entries we read get their own note; count the others here.
        let unread = || {
            archive.entries.iter().filter(|e| {
                !matches!(
                    classify(&e.name),
                    EntryKind::Manifest
                        | EntryKind::Resources
                        | EntryKind::Dex
                        | EntryKind::NativeLib { .. }
                )
            })
        };
        let encrypted = unread()
            .filter(|e| e.flags & zip::FLAG_ENCRYPTED != 0)
            .count();
        if encrypted > 0 {
            self.problem(
                at.clone(),
                format!(
                    "{encrypted} other entries have the encrypted flag set; Android ignores it (anti-analysis trick)"
                ),
            );
        }
        let unknown = unread()
            .filter(|e| e.method != zip::STORED && e.method != zip::DEFLATED)
            .count();
        if unknown > 0 {
            self.problem(
                at,
                format!(
                    "{unknown} other entries declare an unknown compression method; Android inflates them as deflate (anti-analysis trick)"
                ),
            );
        }
    }

    /// Read one APK (or a jar/zip of dex files) that is already open.
    pub fn read_apk(
        &mut self,
        archive: &Archive<'_>,
        prefix: Option<&str>,
        role: ArchiveRole,
        depth: u32,
    ) -> Result<(), Error> {
        self.archive_problems(archive, prefix);
        let signing = self.signing(archive, prefix);
        if matches!(role, ArchiveRole::Base | ArchiveRole::DexContainer) {
            self.app.signing = signing.clone();
        }
        self.app.archives.push(ArchiveInfo {
            name: prefix.unwrap_or(&self.file).to_string(),
            role,
            size: archive.data().len() as u64,
            entries: archive.entries.len(),
            leading_bytes: archive.leading,
            trailing_bytes: archive.located.trailing,
            signing,
        });

        let mut wanted = Vec::new();
        let mut nested = Vec::new();
        let mut manifest_seen = false;
        let mut resources_seen = false;
        for (i, e) in archive.entries.iter().enumerate() {
            let kind = classify(&e.name);
            self.app.entries.push(Entry {
                name: join(prefix, &e.name),
                kind: kind.clone(),
                compressed_size: e.compressed_size,
                size: e.size,
                method: e.method,
            });
            let want = match kind {
                EntryKind::Manifest => !std::mem::replace(&mut manifest_seen, true),
                EntryKind::Resources => {
                    role == ArchiveRole::Base && !std::mem::replace(&mut resources_seen, true)
                }
                EntryKind::Dex | EntryKind::NativeLib { .. } => true,
                EntryKind::NestedArchive => {
                    nested.push(i);
                    false
                }
                _ => false,
            };
            if want {
                wanted.push(i);
            }
        }

        let results = self.extract(archive, &wanted, prefix)?;
        let mut dex = Vec::new();
        let mut seen: HashMap<String, u32> = HashMap::new();
        for (&i, result) in wanted.iter().zip(results) {
            let Some(e) = archive.entries.get(i) else {
                continue;
            };
            let bytes = match result {
                Ok(bytes) => bytes.into_owned(),
                Err(err)
                    if classify(&e.name) == EntryKind::Manifest && role == ArchiveRole::Base =>
                {
                    return Err(Error::malformed(
                        self.at_entry(prefix, &e.name),
                        Format::Zip,
                        format!("cannot read the manifest: {err}"),
                    ));
                }
                Err(err) => {
                    self.entry_failed(prefix, &e.name, &err);
                    continue;
                }
            };
            // Later copies of a duplicated name get `#2`, `#3`, ... so every blob is distinct.
            let copy = seen.entry(e.name.to_string()).or_insert(0);
            *copy += 1;
            let mut name = join(prefix, &e.name);
            if *copy > 1 {
                name = format!("{name}#{copy}");
            }
            let blob = Blob { name, bytes };
            match classify(&e.name) {
                EntryKind::Manifest => {
                    let source = ManifestSource::Binary(blob);
                    match role {
                        ArchiveRole::Base | ArchiveRole::DexContainer => {
                            self.app.manifest = Some(source)
                        }
                        _ => self.app.split_manifests.push(source),
                    }
                }
                EntryKind::Resources => self.app.resources = Some(blob),
                EntryKind::Dex => dex.push((dex_index(&e.name), blob)),
                EntryKind::NativeLib { abi } => {
                    let file_name = e.name.rsplit('/').next().unwrap_or_default().to_string();
                    self.app.native_libs.push(NativeLibBlob {
                        abi,
                        file_name,
                        blob,
                    });
                }
                _ => {}
            }
        }
        // Install order: classes.dex, classes2.dex, ... (stable for duplicates).
        dex.sort_by_key(|(index, _)| *index);
        self.app.dex.extend(dex.into_iter().map(|(_, b)| b));

        self.read_nested_entries(archive, &nested, prefix, depth)
    }

    fn signing(&mut self, archive: &Archive<'_>, prefix: Option<&str>) -> Signing {
        let v1_files = archive
            .entries
            .iter()
            .filter(|e| signing::is_v1_signature_file(&e.name))
            .map(|e| e.name.to_string())
            .collect();
        let cd = archive.central_directory_start();
        let (has_block, ids) = match signing::signing_block_ids(archive.data(), cd) {
            Ok(ids) => (!ids.is_empty(), ids),
            Err((offset, reason)) => {
                let at = self.at_archive(prefix).at(offset);
                self.problem(at, format!("malformed APK Signing Block: {reason}"));
                (true, Vec::new())
            }
        };
        Signing {
            v1_files,
            signing_block_ids: ids.into_iter().map(signing::describe_block_id).collect(),
            has_signing_block: has_block,
        }
    }

    /// Nested `.dex`/`.jar`/`.apk`/`.zip` entries of an archive at `depth`.
    fn read_nested_entries(
        &mut self,
        archive: &Archive<'_>,
        nested: &[usize],
        prefix: Option<&str>,
        depth: u32,
    ) -> Result<(), Error> {
        let inner_depth = depth + 1;
        if inner_depth > self.limits.max_nesting {
            for &i in nested {
                if let Some(e) = archive.entries.get(i) {
                    self.app.nested.push(NestedInfo {
                        name: join(prefix, &e.name),
                        format: NestedFormat::TooDeep,
                        size: e.size,
                        depth: inner_depth,
                        entries: 0,
                        dex: Vec::new(),
                    });
                }
            }
            return Ok(());
        }
        // One at a time: a nested archive may itself be large.
        for &i in nested {
            let Some(e) = archive.entries.get(i) else {
                continue;
            };
            let name = join(prefix, &e.name);
            let result = self.extract(archive, &[i], prefix)?.pop();
            match result {
                Some(Ok(bytes)) => self.read_nested(&bytes, &name, inner_depth)?,
                Some(Err(err)) => self.entry_failed(prefix, &e.name, &err),
                None => {}
            }
        }
        Ok(())
    }

    /// One nested entry's bytes: a dex, or a zip whose root dex files we take.
    fn read_nested(&mut self, bytes: &[u8], name: &str, depth: u32) -> Result<(), Error> {
        let mut info = NestedInfo {
            name: name.to_string(),
            format: NestedFormat::Unknown,
            size: bytes.len() as u64,
            depth,
            entries: 0,
            dex: Vec::new(),
        };
        if bytes.starts_with(b"dex\n") {
            info.format = NestedFormat::Dex;
            info.dex.push(name.to_string());
            self.app.nested_dex.push(Blob {
                name: name.to_string(),
                bytes: bytes.to_vec(),
            });
            self.app.nested.push(info);
            return Ok(());
        }
        let archive = match Archive::open(bytes, self.limits.max_entries as u64) {
            Ok(a) => a,
            Err(e @ ZipError::TooManyEntries { .. }) => return Err(self.zip_error(e, Some(name))),
            Err(e) => {
                let at = Location::entry(&self.file, name);
                self.problem(
                    at,
                    format!("named like an archive but is neither dex nor zip (encrypted or packed?): {e}"),
                );
                self.app.nested.push(info);
                return Ok(());
            }
        };
        info.format = NestedFormat::Zip;
        info.entries = archive.entries.len();
        self.archive_problems(&archive, Some(name));
        let mut wanted: Vec<usize> = Vec::new();
        let mut nested = Vec::new();
        for (i, e) in archive.entries.iter().enumerate() {
            if is_root_dex(&e.name) {
                wanted.push(i);
            } else if classify(&e.name) == EntryKind::NestedArchive {
                nested.push(i);
            }
        }
        wanted.sort_by_key(|&i| archive.entries.get(i).map(|e| dex_index(&e.name)));
        let results = self.extract(&archive, &wanted, Some(name))?;
        for (&i, result) in wanted.iter().zip(results) {
            let Some(e) = archive.entries.get(i) else {
                continue;
            };
            match result {
                Ok(bytes) => {
                    let blob_name = join(Some(name), &e.name);
                    info.dex.push(blob_name.clone());
                    self.app.nested_dex.push(Blob {
                        name: blob_name,
                        bytes: bytes.into_owned(),
                    });
                }
                Err(err) => self.entry_failed(Some(name), &e.name, &err),
            }
        }
        self.app.nested.push(info);
        self.read_nested_entries(&archive, &nested, Some(name), depth)
    }

    /// Read an `.apks`, `.xapk` or zipped split set: the planned APKs inside it.
    pub fn read_bundle(&mut self, archive: &Archive<'_>, plan: &bundle::Plan) -> Result<(), Error> {
        self.archive_problems(archive, None);
        for e in &archive.entries {
            self.app.entries.push(Entry {
                name: e.name.to_string(),
                kind: classify(&e.name),
                compressed_size: e.compressed_size,
                size: e.size,
                method: e.method,
            });
        }
        self.app.archives.push(ArchiveInfo {
            name: self.file.clone(),
            role: ArchiveRole::Bundle,
            size: archive.data().len() as u64,
            entries: archive.entries.len(),
            leading_bytes: archive.leading,
            trailing_bytes: archive.located.trailing,
            signing: Signing::default(),
        });
        let find = |name: &str| archive.entries.iter().position(|e| e.name == name);
        let jobs = std::iter::once((&plan.base, ArchiveRole::Base))
            .chain(plan.splits.iter().map(|s| (s, ArchiveRole::Split)));
        for (name, role) in jobs {
            let Some(i) = find(name) else { continue };
            let bytes = match self.extract(archive, &[i], None)?.pop() {
                Some(Ok(bytes)) => bytes,
                Some(Err(err)) if role == ArchiveRole::Base => {
                    return Err(Error::malformed(
                        Location::entry(&self.file, name.as_str()),
                        Format::Zip,
                        format!("cannot read the base APK: {err}"),
                    ));
                }
                Some(Err(err)) => {
                    self.entry_failed(None, name, &err);
                    continue;
                }
                None => continue,
            };
            let inner = match self.open(&bytes, Some(name)) {
                Ok(inner) => inner,
                Err(err) if role == ArchiveRole::Base || matches!(err, Error::Limit { .. }) => {
                    return Err(err);
                }
                Err(err) => {
                    let at = Location::entry(&self.file, name.as_str());
                    self.problem(at, format!("split not read: {err}"));
                    continue;
                }
            };
            self.read_apk(&inner, Some(name), role, 1)?;
        }
        for skipped in &plan.skipped {
            let at = Location::entry(&self.file, skipped.as_str());
            let message = format!(
                "not read: a standalone APK, an alternative of the {} read",
                plan.base
            );
            self.problem(at, message);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_nested_names() {
        assert_eq!(join(None, "classes.dex"), "classes.dex");
        assert_eq!(
            join(Some("base.apk"), "classes.dex"),
            "base.apk!classes.dex"
        );
    }

    #[test]
    fn entry_notes_read_as_sentences() {
        assert!(zip::EntryNote::UnknownMethod(76).to_string().contains("76"));
    }
}
