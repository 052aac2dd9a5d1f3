//! Content files known from an earlier `wegweiser build`: what loading
//! found in each file (its front matter as held, where its body is, the
//! body's links, digest and image syntax, and the item's fingerprint), so
//! that a rebuild reads no file that did not change since. The build keeps
//! it in its manifest (build/manifest.rs) and passes it in only for files
//! whose size, modification time and digest are the ones recorded
//! ([`super::load::LoadOptions::known`]); the loader then parses the front matter held
//! here (what an item is made of comes from the same code as for a file
//! read) and leaves the body on disk, as a one-off build sheds every body
//! anyway ([`super::shed`]). A body read again is checked by its digest, so
//! a file changed behind the stamps' back fails the build, never mixes.
//!
//! Only texts of published items are recorded: a published item has no
//! placeholder in its bodies (an error, `placeholders::check`), so a known
//! text's body is not read again to look for one.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::Site;
use super::naming::FileId;
use super::parse::{ParsedFile, parse_file};
use super::read::ParseFailure;
use super::shed::{OnDisk, Shed};
use crate::diagnostics::SourceFile;
use crate::layout::CONTENT_DIR;

/// What loading found in one content file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KnownFile {
    /// The digest of the file's bytes ([`crate::digest::digest`]), as the
    /// build manifest records it for the file.
    pub hash: String,
    /// The file's text up to its body, as held (`text::content_as_held`):
    /// once loaded, the same string as the text's (not a copy: the known
    /// files are kept to the end of a build, for the next manifest).
    #[serde(with = "shared_text")]
    pub front: Arc<String>,
    /// Where the body is in the text as held.
    pub body: Range<usize>,
    /// The body's link targets ([`super::links::scan_body`]).
    pub links: Vec<(String, Range<usize>)>,
    /// XXH3-128 of the body as held.
    pub body_digest: u128,
    /// Whether the body has Markdown image syntax.
    pub images: bool,
    /// The item's fingerprint, if this is its source text
    /// ([`super::status::fingerprint`]).
    pub fingerprint: Option<String>,
}

/// Known content files by path as the manifest writes it (`content/…`).
pub type Known = BTreeMap<String, KnownFile>;

/// The key of the content file `rel` (relative to `content/`) in [`Known`].
pub fn key_of(rel: &Path) -> String {
    let mut key = String::from(CONTENT_DIR);
    for c in rel.components() {
        key.push('/');
        key.push_str(&c.as_os_str().to_string_lossy());
    }
    key
}

/// The file `rel` (relative to `content/`) parsed from what is `known`
/// of it, its body left on disk and read through `shed`; `None` if it is
/// not known (or the load does not shed).
pub(super) fn recall(
    known: Option<&Known>,
    rel: &Path,
    id: &FileId,
    shed: Option<&Arc<Shed>>,
) -> Option<Result<ParsedFile, ParseFailure>> {
    let (known, shed) = (known?.get(&key_of(rel))?, shed?);
    let shown = Path::new(CONTENT_DIR).join(rel);
    let file = SourceFile {
        path: shown,
        text: known.front.clone(),
    };
    let mut p = match parse_file(id.clone(), file) {
        Ok(p) => p,
        Err(ds) => return Some(Err((Some(id.clone()), ds))),
    };
    p.body = known.body.clone();
    p.links = known.links.clone().into();
    p.on_disk = Some(OnDisk::known(
        shed.clone(),
        known.body_digest,
        known.images,
        known.fingerprint.clone(),
    ));
    Some(Ok(p))
}

/// What the next build may know of the content files of `site`: each shed
/// text of a published item, with its file's digest from `hashes` (by the
/// key of [`key_of`]); a text without one is left out. A text known
/// already keeps its entry in `before` (moved, not made again). The texts
/// are taken in the order of their keys, beside `before`'s entries: at
/// 10,000 offers some 50,000 entries, which a lookup and an insertion each
/// took 50 ms more.
pub fn of_site<'h>(
    site: &Site,
    default_language: &str,
    hash: impl Fn(&str) -> Option<&'h str>,
    before: Known,
) -> Known {
    let items = std::iter::once(&site.home).chain(site.items.values());
    // Each shed text with its key and where its body is.
    let mut texts: Vec<(String, &super::Item, &str, &super::Text, &OnDisk)> = items
        .filter(|i| !i.draft)
        .flat_map(|item| {
            item.texts.iter().filter_map(move |(lang, t)| {
                let d = t.on_disk.as_ref()?;
                let key = t.file.path.to_string_lossy().replace('\\', "/");
                Some((key, &**item, lang.as_str(), t, d))
            })
        })
        .collect();
    texts.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut before = before.into_iter().peekable();
    let mut known = Vec::with_capacity(texts.len());
    for (key, item, lang, t, d) in texts {
        while before.next_if(|(k, _)| *k < key).is_some() {}
        let kept = before.next_if(|(k, _)| *k == key).map(|(_, k)| k);
        let Some(hash) = hash(&key) else { continue };
        if d.is_known()
            && let Some(k) = kept.filter(|k| k.hash == hash)
        {
            known.push((key, k));
            continue;
        }
        let file = KnownFile {
            hash: hash.to_string(),
            front: t.file.text.clone(),
            body: t.body.clone(),
            links: t.links.to_vec(),
            body_digest: d.digest(),
            images: d.images(),
            fingerprint: (lang == default_language).then(|| item.fingerprint.clone()),
        };
        known.push((key, file));
    }
    // In key order already: built at once. (Two texts of one path would be
    // one item's file twice; the later is kept, as inserting kept it.)
    known.into_iter().collect()
}

/// A shared string written and read as a string.
mod shared_text {
    use std::sync::Arc;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(text: &Arc<String>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<String>, D::Error> {
        String::deserialize(d).map(Arc::new)
    }
}
