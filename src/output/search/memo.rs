//! A language's search index kept between builds (the memo), so that a
//! build after an edit indexes only the documents that changed: at 10,000
//! offers, indexing every German document again (their bodies read from
//! disk and parsed as Markdown, every word normalised) was a quarter of a
//! one-edit build.
//!
//! The memo is the index's [`Collected`] form with each document's
//! fingerprint (its JSON, its text but the body and its body's digest:
//! everything its words and its place depend on). It is a pure cache of
//! "documents → index": whatever build wrote it, an update from it equals
//! what [`collect`] makes of the same documents (the test below checks this
//! for random edits). So it needs no tie to the output folder, only to what
//! else the index depends on: this binary (the words' normalisation, the
//! Markdown parser) and the language (its collation orders the titles),
//! its key. A memo of another key, cut short or unreadable is not used
//! (every document is indexed, as without one).

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::path::PathBuf;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::{Collected, Doc, Indexed, Source, TitleOrder, collect, piece_words, title_words_of};

/// The first bytes of a memo file.
const MAGIC: &[u8] = b"wegweiser-search-memo\n";
/// The memo's format (part of its key).
const FORMAT: u32 = 1;

/// Where a language's memo is kept, and its key.
#[derive(Debug, Clone)]
pub struct MemoFile {
    path: PathBuf,
    key: String,
}

/// A memo as written (borrowing the index) and read.
#[derive(Serialize)]
struct Written<'a> {
    key: &'a str,
    collected: &'a Collected,
}

#[derive(Deserialize)]
struct Read {
    key: String,
    collected: Collected,
}

impl MemoFile {
    /// The memo at `path`, for indexes that depend on `key` besides their
    /// documents (the binary, the language's settings).
    pub fn new(path: PathBuf, key: &str) -> MemoFile {
        MemoFile {
            path,
            key: format!("{FORMAT}\n{key}"),
        }
    }

    /// The index kept, if there is one of this key.
    pub(super) fn read(&self) -> Option<Collected> {
        self.collected(&std::fs::read(&self.path).ok()?)
    }

    /// [`MemoFile::read`], with the digest of the file ([`MemoFile::digest`]).
    pub(super) fn read_digested(&self) -> Option<(Collected, u128)> {
        let bytes = std::fs::read(&self.path).ok()?;
        let collected = self.collected(&bytes)?;
        Some((collected, xxhash_rust::xxh3::xxh3_128(&bytes)))
    }

    /// The index in the memo file's `bytes`, if it is one of this key.
    fn collected(&self, bytes: &[u8]) -> Option<Collected> {
        let read: Read = postcard::from_bytes(bytes.strip_prefix(MAGIC)?).ok()?;
        (read.key == self.key).then_some(read.collected)
    }

    /// XXH3-128 of the memo file as it is (a build records it, so that the
    /// next one can tell the memo is the one that build left).
    pub fn digest(&self) -> Option<u128> {
        std::fs::read(&self.path)
            .ok()
            .map(|b| xxhash_rust::xxh3::xxh3_128(&b))
    }

    /// Keeps `index` for the next build (a temporary file renamed over the
    /// old memo), written as it is serialised (at 50,000 offers a memo is
    /// some 40 MB, which a buffer would add to the build's peak). A memo
    /// that cannot be written costs the next build only time: it indexes
    /// every document.
    pub(super) fn write(&self, index: &Collected) {
        use std::io::Write;
        let written = Written {
            key: &self.key,
            collected: index,
        };
        let tmp = self.path.with_extension("tmp");
        let write = || -> std::io::Result<()> {
            if let Some(dir) = self.path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let mut w = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&tmp)?);
            w.write_all(MAGIC)?;
            postcard::to_io(&written, &mut w).map_err(std::io::Error::other)?;
            w.flush()?;
            drop(w);
            std::fs::rename(&tmp, &self.path)
        };
        if write().is_err() {
            let _ = std::fs::remove_file(&self.path);
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

/// The index of `sources` (in title order by `order`), from the index
/// `old` of an earlier build if there is one, and whether it differs from
/// `old`. Only the documents that are new or whose fingerprint changed are
/// indexed (their bodies read); where those are more than a quarter of all,
/// every document is (that is as fast, and simpler). The merge, the new
/// numbers and the new words are [`apply`]'s; the property tests below
/// check both as a whole against [`collect`].
pub(super) fn update(
    old: Option<Collected>,
    sources: Vec<Source<'_>>,
    order: TitleOrder<'_>,
) -> (Collected, bool) {
    let Some(old) = old else {
        return (collect(sources.into_iter().map(Indexed::of), order), true);
    };
    let (number, old_distinct) = numbered(&old);
    let mut kept = vec![false; old.docs.len()];
    // The sources' documents, and for each whether it is an old one unchanged.
    // (Each document's JSON and fingerprint made in parallel: at 10,000
    // offers, 60 ms of CPU.)
    let made: Vec<(Doc, String)> = {
        use rayon::prelude::*;
        sources.par_iter().map(Doc::of).collect()
    };
    let mut docs: Vec<(Doc, String, bool)> = Vec::with_capacity(sources.len());
    for (doc, text) in made {
        let same = match number.get(doc.url.as_str()) {
            Some(&i) if old.docs[i].fingerprint == doc.fingerprint && !kept[i] => {
                kept[i] = true;
                true
            }
            _ => false,
        };
        docs.push((doc, text, same));
    }
    drop(number);
    let fresh_count = docs.iter().filter(|(_, _, same)| !same).count();
    if fresh_count * 4 > docs.len() || !distinct_urls(&docs) || !old_distinct {
        // Every document indexed (each made once: the documents above).
        let all = docs
            .into_iter()
            .zip(sources)
            .map(|((doc, text, _), s)| Indexed::with_body(doc, text, s));
        return (collect(all, order), true);
    }
    if fresh_count == 0 && kept.iter().all(|&k| k) {
        return (old, false);
    }
    // The new documents with all their text.
    let fresh: Vec<Indexed> = docs
        .into_iter()
        .zip(sources)
        .filter(|((_, _, same), _)| !same)
        .map(|((doc, text, _), s)| Indexed::with_body(doc, text, s))
        .collect();
    (apply(old, &kept, fresh, order), true)
}

/// Each document of `old` by its URL, and whether no URL is there twice
/// (an old index naming one URL twice is not one this module wrote).
fn numbered(old: &Collected) -> (FxHashMap<&str, usize>, bool) {
    let number: FxHashMap<&str, usize> = old
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.url.as_str(), i))
        .collect();
    let distinct = number.len() == old.docs.len();
    (number, distinct)
}

/// [`update`] where only the documents `changed` may differ from `old`'s
/// (every other one is `old`'s as it is): the documents of a change of
/// bodies only, against the memo the previous build left. `Err(old)` if
/// one of them is not `old`'s (it has no document of that URL, or two).
pub(super) fn update_some(
    old: Collected,
    changed: Vec<Source<'_>>,
    order: TitleOrder<'_>,
) -> Result<(Collected, bool), Collected> {
    let (number, distinct) = numbered(&old);
    let mut kept = vec![true; old.docs.len()];
    let mut seen = vec![false; old.docs.len()];
    let mut fresh = Vec::new();
    for s in changed {
        let (doc, text) = Doc::of(&s);
        let Some(&i) = number.get(doc.url.as_str()).filter(|_| distinct) else {
            drop(number);
            return Err(old);
        };
        if std::mem::replace(&mut seen[i], true) {
            drop(number);
            return Err(old);
        }
        if old.docs[i].fingerprint != doc.fingerprint {
            kept[i] = false;
            fresh.push(Indexed::with_body(doc, text, s));
        }
    }
    drop(number);
    if fresh.is_empty() {
        return Ok((old, false));
    }
    Ok((apply(old, &kept, fresh, order), true))
}

/// `old` without the documents not `kept`, with the documents `fresh`
/// (all their text) added in title order by `order`: its documents
/// numbered again, and the new documents' words and title words added.
fn apply(
    mut old: Collected,
    kept: &[bool],
    mut fresh: Vec<Indexed>,
    order: TitleOrder<'_>,
) -> Collected {
    fresh.sort_by(|a, b| a.doc.cmp(&b.doc, order));
    // The old documents kept and the new ones merged in title order; each
    // kept one's new number.
    let mut new_of_old = vec![u32::MAX; kept.len()];
    let mut merged: Vec<Doc> = Vec::with_capacity(kept.len() + fresh.len());
    let mut texts: Vec<(u32, String)> = Vec::with_capacity(fresh.len());
    let mut fresh = fresh.into_iter().peekable();
    for (i, d) in std::mem::take(&mut old.docs).into_iter().enumerate() {
        if !kept[i] {
            continue;
        }
        while let Some(f) = fresh.next_if(|f| f.doc.cmp(&d, order) == Ordering::Less) {
            texts.push((merged.len() as u32, f.text));
            merged.push(f.doc);
        }
        new_of_old[i] = merged.len() as u32;
        merged.push(d);
    }
    for f in fresh {
        texts.push((merged.len() as u32, f.text));
        merged.push(f.doc);
    }
    let renumber = |list: &mut Vec<u32>| {
        list.retain_mut(|d| {
            let n = new_of_old[*d as usize];
            *d = n;
            n != u32::MAX
        });
        !list.is_empty()
    };
    old.words.retain(|_, l| renumber(l));
    old.titles.retain(|_, l| renumber(l));
    for (n, text) in texts {
        for piece in text.split_whitespace() {
            piece_words(piece, |w| add(&mut old.words, w, n));
        }
        let words = &old.words;
        let titles = &mut old.titles;
        title_words_of(&merged[n as usize].title, |w| {
            if words.contains_key(w) {
                add(titles, w, n);
            }
        });
    }
    old.docs = merged;
    old
}

/// Adds document `n` to the word `w`'s list (ascending, once).
fn add(map: &mut BTreeMap<String, Vec<u32>>, w: &str, n: u32) {
    match map.get_mut(w) {
        Some(list) => {
            if let Err(at) = list.binary_search(&n) {
                list.insert(at, n);
            }
        }
        None => {
            map.insert(w.to_string(), vec![n]);
        }
    }
}

/// Whether no two documents have one URL (routes are unique; if they were
/// not, an update could not tell the documents apart).
fn distinct_urls(docs: &[(Doc, String, bool)]) -> bool {
    let mut urls: Vec<&str> = docs.iter().map(|(d, _, _)| d.url.as_str()).collect();
    urls.sort_unstable();
    urls.windows(2).all(|w| w[0] != w[1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn by_title(a: &str, b: &str) -> Ordering {
        a.cmp(b)
    }

    use super::super::test_source as source;

    /// A source whose body must not be read.
    fn unread(url: &str, title: &str, body: &str) -> Source<'static> {
        Source {
            body: Box::new(|| panic!("a body read again")),
            ..source(url, title, body)
        }
    }

    #[test]
    fn an_update_reads_only_the_changed_bodies() {
        let docs = |edited: bool| {
            let mut v: Vec<Source<'static>> = (0..8)
                .map(|i| unread(&format!("/de/a/{i}/"), &format!("T{i}"), "Büro Kurs"))
                .collect();
            v[3] = match edited {
                true => source("/de/a/3/", "T3", "Büro Kurs Frauen"),
                false => unread("/de/a/3/", "T3", "Büro Kurs"),
            };
            v
        };
        let (first, _) = update(
            None,
            (0..8)
                .map(|i| source(&format!("/de/a/{i}/"), &format!("T{i}"), "Büro Kurs"))
                .collect(),
            &by_title,
        );
        let (same, changed) = update(Some(first.clone()), docs(false), &by_title);
        assert!(!changed);
        assert_eq!(same, first);
        let (updated, changed) = update(Some(first), docs(true), &by_title);
        assert!(changed);
        assert_eq!(updated.words["frauen"], vec![3]);
        assert_eq!(updated.words["buero"], (0..8).collect::<Vec<u32>>());
    }

    #[test]
    fn a_memo_of_another_key_or_cut_short_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("de.search");
        let (index, _) = update(None, vec![source("/de/a/", "A", "x y")], &by_title);
        MemoFile::new(path.clone(), "k").write(&index);
        assert_eq!(MemoFile::new(path.clone(), "k").read(), Some(index));
        assert_eq!(MemoFile::new(path.clone(), "other").read(), None);
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        assert_eq!(MemoFile::new(path, "k").read(), None);
    }

    /// A document of the random sites: title word and body words (by number).
    type Spec = (u8, Vec<u8>);

    const WORDS: [&str; 8] = [
        "Büro",
        "Kurs",
        "Frauen",
        "Sprachcafé",
        "Beratung",
        "Kinder",
        "A",
        "x-y",
    ];

    fn sources_of(site: &BTreeMap<u8, Spec>) -> Vec<Source<'static>> {
        site.iter()
            .map(|(slug, (title, body))| {
                let body: Vec<&str> = body.iter().map(|&w| WORDS[w as usize % 8]).collect();
                source(
                    &format!("/de/a/{slug}/"),
                    WORDS[*title as usize % 8],
                    &body.join(" "),
                )
            })
            .collect()
    }

    fn spec() -> impl Strategy<Value = Spec> {
        (0u8..8, proptest::collection::vec(0u8..8, 0..6))
    }

    proptest! {
        /// After any sequence of edits (a document added, removed,
        /// retitled or rewritten; one or two at a time, so that the update
        /// takes the documents it has, or many), the index updated from the
        /// previous one equals the index made from scratch.
        #[test]
        fn an_updated_index_equals_a_fresh_one(
            start in proptest::collection::btree_map(0u8..40, spec(), 0..30),
            edits in proptest::collection::vec(
                proptest::collection::vec((0u8..40, proptest::option::of(spec())), 1..3),
                1..8,
            )
        ) {
            let mut site = start;
            let mut memo = None;
            for edit in std::iter::once(Vec::new()).chain(edits) {
                for (slug, spec) in edit {
                    match spec {
                        Some(spec) => site.insert(slug, spec),
                        None => site.remove(&slug),
                    };
                }
                let (updated, _) = update(memo.take(), sources_of(&site), &by_title);
                let fresh = collect(sources_of(&site).into_iter().map(Indexed::of), &by_title);
                prop_assert_eq!(&updated, &fresh);
                memo = Some(updated);
            }
        }

        /// Where only some documents may have changed (rewritten or
        /// retitled, none added or removed), the index updated from only
        /// those equals the index made from scratch.
        #[test]
        fn an_index_updated_from_the_changed_documents_equals_a_fresh_one(
            start in proptest::collection::btree_map(0u8..40, spec(), 1..30),
            edits in proptest::collection::vec(
                proptest::collection::vec((0usize..40, spec()), 1..4),
                1..6,
            )
        ) {
            let mut site = start;
            let mut memo = collect(sources_of(&site).into_iter().map(Indexed::of), &by_title);
            for edit in edits {
                let slugs: Vec<u8> = site.keys().copied().collect();
                let mut changed = BTreeMap::new();
                for (n, spec) in edit {
                    let slug = slugs[n % slugs.len()];
                    site.insert(slug, spec.clone());
                    changed.insert(slug, spec);
                }
                // (Some "changed" documents may be as they were.)
                let updated = match update_some(memo, sources_of(&changed), &by_title) {
                    Ok((updated, _)) => updated,
                    Err(_) => panic!("every changed document is the index's"),
                };
                let fresh = collect(sources_of(&site).into_iter().map(Indexed::of), &by_title);
                prop_assert_eq!(&updated, &fresh);
                memo = updated;
            }
        }
    }

    #[test]
    fn an_update_from_some_documents_refuses_one_the_index_lacks() {
        let (index, _) = update(None, vec![source("/de/a/", "A", "x")], &by_title);
        let got = update_some(index.clone(), vec![source("/de/b/", "B", "y")], &by_title);
        assert_eq!(got.err(), Some(index));
    }

    #[test]
    fn a_memo_digest_is_its_file_s() {
        let dir = tempfile::tempdir().unwrap();
        let file = MemoFile::new(dir.path().join("de.search"), "k");
        assert_eq!(file.digest(), None);
        let (index, _) = update(None, vec![source("/de/a/", "A", "x y")], &by_title);
        file.write(&index);
        let (read, digest) = file.read_digested().unwrap();
        assert_eq!(read, index);
        assert_eq!(file.digest(), Some(digest));
        assert_eq!(
            digest,
            xxhash_rust::xxh3::xxh3_128(&std::fs::read(dir.path().join("de.search")).unwrap())
        );
    }
}
