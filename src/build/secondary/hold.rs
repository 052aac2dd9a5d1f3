//! How [`produce`](super::produce) holds the files it made: packed for
//! the preview (a file made again as it was shares the bytes held before),
//! with their digests, from which the changes are told.

use std::collections::BTreeMap;

use super::{Secondary, SecondaryParts};
use crate::build::Change;
use crate::output::{self, Bytes, Packed, PackedFiles, Packer};

/// How [`produce`](super::produce) holds the files it made: packed (unless a file is the
/// one `old` holds: then that is shared), with their digests.
pub(super) struct Holder<'a> {
    pub old: &'a Secondary,
    pub pack: bool,
}

/// Files as a [`Holder`] holds them, with the digests of the files made
/// and the dictionaries made for them.
#[derive(Default)]
pub(super) struct Held {
    pub files: PackedFiles,
    pub digests: BTreeMap<String, u64>,
    pub dictionaries: BTreeMap<String, Bytes>,
}

impl Held {
    /// Adds `other` (its files win).
    pub fn extend(&mut self, other: Held) {
        self.files.extend(other.files);
        self.digests.extend(other.digests);
        self.dictionaries.extend(other.dictionaries);
    }
}

/// How many files of a kind it takes to make a dictionary for them, and
/// how many of them go into it. (The JSON API's item files, some 8 KB
/// each: 2.8× smaller alone, 4.1× with 8 of them as dictionary.)
const DICTIONARY_FROM: usize = 64;
const DICTIONARY_FILES: usize = 8;

impl<'a> Holder<'a> {
    /// Holds `files` of the kind `kind` (packed with its dictionary).
    pub fn hold(&self, kind: &str, files: impl IntoIterator<Item = (String, Bytes)>) -> Held {
        let files: Vec<(String, Bytes)> = files.into_iter().collect();
        let mut held = Held::default();
        let mut packer = self.pack.then(|| {
            let made = self.old.dictionaries.get(kind).cloned().or_else(|| {
                let d = sample(&files)?;
                held.dictionaries.insert(kind.to_string(), d.clone());
                Some(d)
            });
            made.map_or_else(Packer::new, Packer::with_dictionary)
        });
        for (k, bytes) in files {
            self.put(&mut held, packer.as_mut(), (k, &bytes), || bytes.clone());
        }
        held
    }

    /// Holds files of the kind `kind` one at a time, as they are made
    /// ([`Holding::add`]): the plain files of a kind (a language's JSON
    /// API: 100 MB at 10,000 offers) are never all held at once.
    pub fn holding(&self, kind: &str) -> Holding<'_, 'a> {
        let dictionary = self.pack.then(|| self.old.dictionaries.get(kind).cloned());
        Holding {
            holder: self,
            kind: kind.to_string(),
            held: Held::default(),
            // A kept dictionary (or none needed): files are packed at
            // once; else the first ones wait to be sampled for one.
            packer: match dictionary {
                None => Some(None),
                Some(Some(d)) => Some(Some(Packer::with_dictionary(d))),
                Some(None) => None,
            },
            waiting: Vec::new(),
        }
    }

    /// Holds the file `k` (`bytes`) in `held`: the one `old` holds if it
    /// has the same bytes, else packed by `packer`, else as `plain` makes it.
    fn put(
        &self,
        held: &mut Held,
        packer: Option<&mut Packer>,
        (k, bytes): (String, &[u8]),
        plain: impl FnOnce() -> Bytes,
    ) {
        let digest = output::offline::page_digest(&k, bytes);
        let kept = self
            .old
            .winner(&k)
            .filter(|_| self.old.digests.get(&k) == Some(&digest));
        let file = match (kept, packer) {
            (Some(p), _) => p,
            (None, Some(packer)) => packer.pack(bytes),
            (None, None) => Packed::plain(plain()),
        };
        held.digests.insert(k.clone(), digest);
        held.files.insert(k, file);
    }
}

/// Files of one kind being held one at a time ([`Holder::holding`]).
pub(super) struct Holding<'h, 'a> {
    holder: &'h Holder<'a>,
    kind: String,
    held: Held,
    /// How files are held now: `Some(None)` plain, `Some(Some(_))` packed;
    /// `None` while the first files wait for a dictionary to be made.
    packer: Option<Option<Packer>>,
    /// The first files, until they are enough to make a dictionary of
    /// ([`DICTIONARY_FROM`]; then sampled like [`Holder::hold`]'s files).
    waiting: Vec<(String, Bytes)>,
}

impl Holding<'_, '_> {
    /// Holds one more file (a later one at the same path replaces it).
    pub fn add(&mut self, k: String, bytes: &[u8]) {
        match &mut self.packer {
            Some(packer) => self
                .holder
                .put(&mut self.held, packer.as_mut(), (k, bytes), || bytes.into()),
            None => self.wait(k, bytes.into()),
        }
    }

    /// [`Holding::add`] for bytes already shared (held as they are if
    /// not packed).
    pub fn add_bytes(&mut self, k: String, bytes: Bytes) {
        match &mut self.packer {
            Some(packer) => self
                .holder
                .put(&mut self.held, packer.as_mut(), (k, &bytes), || {
                    bytes.clone()
                }),
            None => self.wait(k, bytes),
        }
    }

    /// Keeps one of the first files until there are enough of them.
    fn wait(&mut self, k: String, bytes: Bytes) {
        self.waiting.push((k, bytes));
        if self.waiting.len() >= DICTIONARY_FROM {
            self.start_packing();
        }
    }

    /// Makes the packer (with a dictionary sampled from the waiting files,
    /// if they are enough) and holds the waiting files with it.
    fn start_packing(&mut self) {
        let mut packer = match sample(&self.waiting) {
            Some(d) => {
                self.held.dictionaries.insert(self.kind.clone(), d.clone());
                Packer::with_dictionary(d)
            }
            None => Packer::new(),
        };
        for (k, bytes) in std::mem::take(&mut self.waiting) {
            self.holder
                .put(&mut self.held, Some(&mut packer), (k, &bytes), || {
                    bytes.clone()
                });
        }
        self.packer = Some(Some(packer));
    }

    /// The files held (with their digests and the dictionary made).
    pub fn finish(mut self) -> Held {
        if self.packer.is_none() {
            self.start_packing();
        }
        self.held
    }
}

/// Some of `files`, spread over them, as a dictionary to pack them with;
/// `None` if they are too few to need one.
fn sample(files: &[(String, Bytes)]) -> Option<Bytes> {
    if files.len() < DICTIONARY_FROM {
        return None;
    }
    // (Of a large file, such as the sitemap, its beginning.)
    const MAX_PER_FILE: usize = 16 * 1024;
    let step = files.len() / DICTIONARY_FILES;
    let mut sample = Vec::new();
    for (_, bytes) in files.iter().step_by(step).take(DICTIONARY_FILES) {
        sample.extend_from_slice(&bytes[..bytes.len().min(MAX_PER_FILE)]);
    }
    Some(sample.into())
}

/// The digests of the files [`produce`](super::produce) made, by part.
#[derive(Default)]
pub(super) struct Fresh {
    pub site: BTreeMap<String, u64>,
    pub statics: BTreeMap<String, u64>,
    pub reader: BTreeMap<String, u64>,
}

/// The digest of every file of `new` (but the service worker), the parts
/// taken in the order of [`Secondary::merged`]: of a file made now from
/// `fresh`; of a file that is the one `old` served under its path (kept,
/// or an image variant taken from the cache), `old`'s; of any other
/// computed.
pub(super) fn digests(old: &Secondary, new: &Secondary, fresh: &Fresh) -> BTreeMap<String, u64> {
    let kept = |k: &String, file: &Packed| {
        old.winner(k)
            .filter(|o| o.shares(file))
            .and_then(|_| old.digests.get(k).copied())
            .unwrap_or_else(|| output::offline::page_digest(k, &file.unpack()))
    };
    let images: PackedFiles = new
        .images
        .iter()
        .map(|(k, v)| (k.clone(), Packed::plain(v.clone())))
        .collect();
    let none = BTreeMap::new();
    let mut digests = BTreeMap::new();
    for (part, made) in [
        (&new.site, &fresh.site),
        (&images, &none),
        (&new.statics, &fresh.statics),
        (&new.reader, &fresh.reader),
    ] {
        for (k, file) in part {
            let d = made.get(k).copied().unwrap_or_else(|| kept(k, file));
            digests.insert(k.clone(), d);
        }
    }
    digests
}

/// The files of the produced `parts` that differ between `old` and `new`
/// (by their digests).
pub(super) fn changes(
    old: &Secondary,
    new: &Secondary,
    parts: SecondaryParts,
) -> Vec<Change<Packed>> {
    let differs = |k: &String| old.digests.get(k) != new.digests.get(k);
    let mut changes = Vec::new();
    // Parts are disjoint, but a file can move between them when all are
    // produced again (a site's robots.txt deleted: the generated one
    // returns): then the whole of them is compared at once.
    if parts.all() {
        for (k, file) in new.merged() {
            if differs(&k) {
                changes.push((k, Some(file)));
            }
        }
        let gone = old.digests.keys().filter(|k| !new.digests.contains_key(*k));
        changes.extend(gone.map(|k| (k.clone(), None)));
        return changes;
    }
    for (k, b) in &new.images {
        if differs(k) {
            changes.push((k.clone(), Some(Packed::plain(b.clone()))));
        }
    }
    let gone = old.images.keys().filter(|k| !new.images.contains_key(*k));
    changes.extend(gone.map(|k| (k.clone(), None)));
    for (on, before, after) in [
        (parts.site, &old.site, &new.site),
        (parts.reader, &old.reader, &new.reader),
    ] {
        if on {
            for (k, file) in after {
                if differs(k) {
                    changes.push((k.clone(), Some(file.clone())));
                }
            }
            let gone = before.keys().filter(|k| !after.contains_key(*k));
            changes.extend(gone.map(|k| (k.clone(), None)));
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api_files(changed: usize) -> Vec<(String, Bytes)> {
        (0..100)
            .map(|i| {
                let body = if i == changed {
                    "geändert"
                } else {
                    "wie immer"
                };
                let json = format!(
                    "{{\"slug\":\"angebot-{i}\",\"title\":\"Angebot {i}\",\"body\":\"{body}\"}}"
                )
                .repeat(4);
                (
                    format!("api/v1/de/offers/angebot-{i}.json"),
                    json.into_bytes().into(),
                )
            })
            .collect()
    }

    /// Other files whose reader part is `held`.
    fn as_reader_part(held: &Held) -> Secondary {
        Secondary {
            reader: held.files.clone(),
            digests: held.digests.clone(),
            dictionaries: held.dictionaries.clone(),
            ..Secondary::default()
        }
    }

    #[test]
    fn files_made_again_as_they_were_share_what_was_held() {
        let old = Secondary::default();
        let first = Holder {
            old: &old,
            pack: true,
        }
        .hold("api/de", api_files(usize::MAX));
        assert!(first.dictionaries.contains_key("api/de"));
        let old = as_reader_part(&first);
        let again = Holder {
            old: &old,
            pack: true,
        }
        .hold("api/de", api_files(7));
        assert!(again.dictionaries.is_empty(), "the dictionary is kept");
        for (k, bytes) in api_files(7) {
            let (before, now) = (&first.files[&k], &again.files[&k]);
            assert_eq!(&*now.unpack(), &*bytes, "{k}");
            let changed = k.ends_with("angebot-7.json");
            assert_eq!(now.shares(before), !changed, "{k}");
            assert_eq!(first.digests[&k] != again.digests[&k], changed, "{k}");
        }
        // The one-off build's holder does not pack.
        let plain = Holder {
            old: &Secondary::default(),
            pack: false,
        }
        .hold("api/de", api_files(7));
        let (k, bytes) = &api_files(7)[3];
        assert_eq!(plain.files[k].held_len(), bytes.len());
        assert!(plain.dictionaries.is_empty());
    }

    /// Files held one at a time are held as `hold` holds them all at once:
    /// the same bytes and digests, a dictionary made of the first ones
    /// (or the one kept), files made again as they were shared.
    #[test]
    fn files_held_one_at_a_time_are_held_alike() {
        let stream = |holder: &Holder<'_>, files: &[(String, Bytes)]| {
            let mut holding = holder.holding("api/de");
            for (k, bytes) in files {
                holding.add(k.clone(), bytes);
            }
            holding.finish()
        };
        let old = Secondary::default();
        let holder = Holder {
            old: &old,
            pack: true,
        };
        let files = api_files(usize::MAX);
        let first = stream(&holder, &files);
        let all_at_once = holder.hold("api/de", files.clone());
        assert_eq!(first.digests, all_at_once.digests);
        assert!(first.dictionaries.contains_key("api/de"));
        for (k, bytes) in &files {
            assert_eq!(&*first.files[k].unpack(), &**bytes, "{k}");
            assert!(first.files[k].held_len() * 3 < bytes.len(), "{k} packed");
        }
        // Too few files for a dictionary: packed without one.
        let few = stream(&holder, &files[..DICTIONARY_FROM - 1]);
        assert!(few.dictionaries.is_empty());
        assert_eq!(few.files.len(), DICTIONARY_FROM - 1);
        assert_eq!(&*few.files[&files[5].0].unpack(), &*files[5].1);
        // Made again with one file changed: the others are shared, the
        // dictionary kept.
        let old = as_reader_part(&first);
        let holder = Holder {
            old: &old,
            pack: true,
        };
        let again = stream(&holder, &api_files(7));
        assert!(again.dictionaries.is_empty(), "the dictionary is kept");
        for (k, bytes) in api_files(7) {
            let changed = k.ends_with("angebot-7.json");
            assert_eq!(again.files[&k].shares(&first.files[&k]), !changed, "{k}");
            assert_eq!(&*again.files[&k].unpack(), &*bytes, "{k}");
        }
        // Not packing: held as made.
        let plain = stream(
            &Holder {
                old: &Secondary::default(),
                pack: false,
            },
            &files,
        );
        assert!(plain.dictionaries.is_empty());
        assert_eq!(plain.files[&files[3].0].held_len(), files[3].1.len());
    }
}
