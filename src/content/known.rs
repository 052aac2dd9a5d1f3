//! Content files known from an earlier `wegweiser build`: what loading
//! found in each file (its front matter as held, where its body is, the
//! body's links, digest and image syntax, and the item's fingerprint), so
//! that a rebuild reads no file that did not change since. The build keeps
//! it in its manifest (build/manifest.rs) and passes it in only for files
//! whose size, modification time and digest are the ones recorded
//! ([`super::load::LoadOptions::known`]); the loader then takes the front
//! matter as parsed then, in binary form (`super::spanned`), with its text
//! for diagnostics (what an item is made of comes from the same code as
//! for a file read) and leaves the body on disk, as a one-off build sheds every body
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
use super::frontmatter;
use super::naming::FileId;
use super::parse::{ParsedFile, RawFront, parse_file};
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
    /// The front matter as parsed, in binary form ([`super::spanned`]):
    /// not parsed again.
    #[serde(with = "shared_bytes")]
    pub parsed: Arc<[u8]>,
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
    // The front matter as parsed before (the file is the one parsed then);
    // parsed again only if its binary form cannot be read (it always can
    // when this binary wrote it).
    let front: Option<RawFront> = postcard::from_bytes(&known.parsed).ok();
    let offset = frontmatter::split(&file)
        .ok()
        .map(|parts| parts.front.start);
    let mut p = match (front, offset) {
        (Some(front), Some(front_offset)) => ParsedFile {
            id: id.clone(),
            file,
            front,
            front_offset,
            body: 0..0,
            links: Vec::new().into(),
            on_disk: None,
            front_form: Some(known.parsed.clone()),
        },
        _ => match parse_file(id.clone(), file) {
            Ok(p) => p,
            Err(ds) => return Some(Err((Some(id.clone()), ds))),
        },
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
        let Some(parsed) = t.front_form.clone() else {
            continue;
        };
        let file = KnownFile {
            hash: hash.to_string(),
            front: t.file.text.clone(),
            parsed,
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

/// Shared bytes written and read as bytes (not a list of numbers).
mod shared_bytes {
    use std::sync::Arc;

    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &Arc<[u8]>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<[u8]>, D::Error> {
        struct Bytes;
        impl serde::de::Visitor<'_> for Bytes {
            type Value = Arc<[u8]>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Arc<[u8]>, E> {
                Ok(v.into())
            }
        }
        d.deserialize_bytes(Bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Kind;

    fn known_of(front: &str, parsed: &[u8]) -> Known {
        let file = KnownFile {
            hash: "h".into(),
            front: Arc::new(front.to_string()),
            parsed: Arc::from(parsed),
            body: front.len()..front.len() + 5,
            links: Vec::new(),
            body_digest: 1,
            images: false,
            fingerprint: None,
        };
        [("content/offers/a.md".to_string(), file)].into()
    }

    fn recalled(known: &Known) -> ParsedFile {
        let id = FileId {
            kind: Kind::Offer,
            slug: "a".into(),
            lang: None,
        };
        let shed = Shed::new(Path::new("."));
        recall(Some(known), Path::new("offers/a.md"), &id, Some(&shed))
            .expect("known")
            .expect("recalled")
    }

    #[test]
    fn the_front_matter_comes_as_parsed_before_and_is_parsed_again_only_if_unreadable() {
        let text = "+++\ntitle = \"Kurs\"\ntopics = [\"sprache\"]\n+++\n";
        let id = FileId {
            kind: Kind::Offer,
            slug: "a".into(),
            lang: None,
        };
        let parsed = parse_file(id, SourceFile::new("content/offers/a.md", text)).unwrap();
        // Held in binary form: taken as it is (a title other than the
        // text's shows it was not parsed again), with its spans.
        let mut other = parsed.front.clone();
        other.title = Some(crate::content::spanned::Spanned::new(
            4..10,
            "Anders".into(),
        ));
        let form = postcard::to_allocvec(&other).unwrap();
        let p = recalled(&known_of(text, &form));
        assert_eq!(p.front.title.as_ref().unwrap().get_ref(), "Anders");
        assert_eq!(p.front.title.as_ref().unwrap().span(), 4..10);
        assert_eq!(p.front_offset, parsed.front_offset);
        assert_eq!(p.body, text.len()..text.len() + 5);
        assert_eq!(p.front_form.as_deref(), Some(&form[..]));
        // The form as parsed from the text reads back the same.
        let form = parsed.front_form().unwrap();
        let p = recalled(&known_of(text, &form));
        let topics = p.front.topics.unwrap();
        assert_eq!(topics[0].get_ref(), "sprache");
        assert_eq!(&text[p.front_offset..][topics[0].span()], "\"sprache\"");
        // Unreadable: the text is parsed.
        let p = recalled(&known_of(text, b"\xff\xff"));
        assert_eq!(p.front.title.unwrap().get_ref(), "Kurs");
    }
}
