//! Interned strings in one text arena: each string is its bytes in a shared `String`, a
//! 4-byte end offset and a 4-byte hash-chain link, plus one hash-table entry (hash → last
//! id), instead of its own reference-counted allocation held by a vector and a map.

use std::collections::HashMap;
use std::hash::BuildHasher;

use foldhash::fast::RandomState;

/// No id (end of a hash chain).
const NONE: u32 = u32::MAX;

/// Strings by dense id (0, 1, 2, ... in order of first interning).
#[derive(Debug, Default)]
pub(super) struct Interner {
    /// Every string, concatenated.
    text: String,
    /// End of each string in `text` (its start is the previous string's end).
    ends: Vec<u32>,
    /// Previous id whose string has the same hash (`NONE`: none).
    next: Vec<u32>,
    /// Hash of a string → the last id interned with that hash.
    heads: HashMap<u64, u32, RandomState>,
    hasher: RandomState,
}

impl Interner {
    /// The id of `s`, if interned.
    pub(super) fn get(&self, s: &str) -> Option<u32> {
        let mut id = *self.heads.get(&self.hasher.hash_one(s))?;
        while id != NONE {
            if self.resolve(id) == s {
                return Some(id);
            }
            id = self.next.get(id as usize).copied().unwrap_or(NONE);
        }
        None
    }

    /// The id of `s`, interning it on first sight.
    pub(super) fn intern(&mut self, s: &str) -> u32 {
        if let Some(id) = self.get(s) {
            return id;
        }
        let id = self.ends.len() as u32;
        self.text.push_str(s);
        // The interned names come from dex files whose size the loader bounds far below
        // 4 GiB; past that a string would read back truncated, never out of bounds.
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
        let previous = self.heads.insert(self.hasher.hash_one(s), id);
        self.next.push(previous.unwrap_or(NONE));
        id
    }

    /// The string of `id` (empty for an unknown id).
    pub(super) fn resolve(&self, id: u32) -> &str {
        let i = id as usize;
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = match i.checked_sub(1) {
            Some(p) => self.ends.get(p).copied().unwrap_or(0),
            None => 0,
        };
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// Number of strings.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Release spare capacity (once interning is done).
    pub(super) fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.next.shrink_to_fit();
        self.heads.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::Interner;

    #[test]
    fn ids_are_dense_stable_and_resolve_to_their_string() {
        let mut i = Interner::default();
        let words = ["Lcom/a/B;", "", "run()V", "Lcom/a/B;", "a", "run()V", "b"];
        let ids: Vec<u32> = words.iter().map(|w| i.intern(w)).collect();
        assert_eq!(ids, [0, 1, 2, 0, 3, 2, 4]);
        assert_eq!(i.len(), 5);
        for (w, id) in words.iter().zip(&ids) {
            assert_eq!(i.resolve(*id), *w);
            assert_eq!(i.get(w), Some(*id));
        }
        assert_eq!(i.get("missing"), None);
        assert_eq!(i.resolve(99), "");
    }

    #[test]
    fn many_strings_keep_their_ids() {
        let mut i = Interner::default();
        let words: Vec<String> = (0..20_000).map(|n| format!("m{n}()V")).collect();
        for (n, w) in words.iter().enumerate() {
            assert_eq!(i.intern(w), n as u32);
        }
        for (n, w) in words.iter().enumerate() {
            assert_eq!(i.get(w), Some(n as u32));
            assert_eq!(i.resolve(n as u32), w);
        }
    }
}
