//! The build manifest: what the output folder was made from, kept beside it
//! (`.wegweiser-cache/<out>.manifest`, outside the folder, so it is never
//! deployed) for the next `wegweiser build` to rebuild only what changed
//! (rebuild.rs). It records the binary, the build's options, every input
//! file's stamp (size, modification time, content hash), every output
//! file's stamp (in a record of its own with the output folders' times,
//! `manifest/outputs.rs`), what the site parts need of pages that are not rendered
//! again (digest, sitemap alternates) and the dependency knowledge of the
//! previous build (which pages showed each item: `routes::shown_on_all`).
//!
//! Why a file this long (680 lines): 150 of them are its unit tests, and
//! the rest is one format: the fields, their writing in two parts, their
//! reading, and the stamps of inputs and outputs they are compared with.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::layout::{CONFIG_FILE, CONTENT_DIR, LOCALES_DIR, STATIC_DIR, THEMES_DIR};
use crate::render::views::Alternate;

mod form;
mod outputs;
mod titles;
pub(super) use outputs::FolderTimes;
pub(super) use titles::Titles;

/// Bumped whenever the manifest's meaning changes: an older one is ignored.
const FORMAT: u32 = 7;

/// What a manifest file starts with (then its fields in postcard's form).
const MAGIC: &[u8] = b"wegweiser-manifest\n";

/// The folders (and the file) of a site that a build reads.
pub(super) const INPUTS: [&str; 5] = [
    CONFIG_FILE,
    CONTENT_DIR,
    LOCALES_DIR,
    STATIC_DIR,
    THEMES_DIR,
];

/// Size, modification time and (for inputs) content hash of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Stamp {
    pub size: u64,
    /// Nanoseconds since 1970.
    pub mtime: u64,
    /// The XXH3-128 of the bytes ([`digest`]); an output's is compared with
    /// a new build's bytes instead of reading the file. Empty where unknown.
    pub hash: String,
}

/// What the next build needs of a page it does not render again.
#[derive(Debug, Clone)]
pub(super) struct PageRecord {
    /// The page's site path (for its sitemap entry).
    pub path: String,
    /// Of file and bytes (the service worker's version covers it).
    pub digest: u64,
    /// Its sitemap alternates, if it has a sitemap entry (the same for
    /// every language version of a page: shared once read, see [`form::shared_alternates`]).
    pub sitemap: Option<Arc<[Alternate]>>,
}

/// Everything a build leaves for the next one. (Written in two parts,
/// [`Manifest::write`]: the fields up to `fronts` and the rest; the output
/// files in a file of their own.)
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub(super) struct Manifest {
    pub format: u32,
    /// The binary that built (version, size and time of the executable).
    pub binary: String,
    /// The options that shape every file (output folder, base URL, drafts, minify).
    pub options: String,
    /// When the inputs were stamped (nanoseconds since 1970): a file changed
    /// in the same instant is hashed again, whatever its stamp says.
    pub stamped_at: u64,
    /// The build's "now" (pages say "today", "open now"): another one means
    /// a full build.
    pub day: String,
    /// What loading found in each content file of a published item, for
    /// the next build not to read the unchanged ones again
    /// ([`crate::content::known`]).
    #[serde(deserialize_with = "form::sorted_map")]
    pub known: crate::content::known::Known,
    /// Input files by path relative to the site root.
    #[serde(deserialize_with = "form::sorted_map")]
    pub inputs: BTreeMap<String, Stamp>,
    /// Hash of the front matter of every content file (by path): a change
    /// only below it touches no list.
    #[serde(deserialize_with = "form::sorted_map")]
    pub fronts: BTreeMap<String, String>,
    /// Output files by path relative to the output folder: kept in a file
    /// of their own with the folders' times (`outputs.rs`), read and
    /// checked beside the manifest ([`OutputCheck`]).
    #[serde(skip)]
    pub outputs: BTreeMap<String, Stamp>,
    /// The previous output kept beside the output folder
    /// (`.<out>.wegweiser-previous`, output/previous.rs), as far as it is
    /// not the output folder: the paths where it has its own file (`true`)
    /// or none (`false`); every other file of the output folder is the
    /// same file there (a hard link). `None`: no previous folder to update.
    #[serde(default)]
    pub previous: Option<BTreeMap<String, bool>>,
    /// Pages by output file (the language chooser included).
    #[serde(with = "form::shared_alternates")]
    pub pages: BTreeMap<String, PageRecord>,
    /// Route names (`Route`'s debug form) that `shown_on` refers to by index.
    pub routes: Vec<String>,
    /// The pages that showed each item (`"<kind>/<slug>"`), as indexes into `routes`.
    #[serde(deserialize_with = "form::sorted_map")]
    pub shown_on: BTreeMap<String, Vec<u32>>,
    /// What of each event depends on "now" (sessions over, sessions within a week).
    #[serde(deserialize_with = "form::sorted_map")]
    pub timing: BTreeMap<String, String>,
    /// Hash of the filter counts (lists show them).
    pub filter_counts: String,
    /// Hash of the documents and videos every item publishes: the site
    /// part of the secondary files depends on bodies only through them.
    pub media: String,
    /// Hash of each item's data but its texts (`"<kind>/<slug>"`): a
    /// change of texts only keeps the search index of a language whose
    /// readers see none of them.
    #[serde(deserialize_with = "form::sorted_map")]
    pub structure: BTreeMap<String, String>,
    /// Every file each secondary part made that a rebuild may keep (the
    /// site part; each language's search index, web app manifest and
    /// offline list), with its digest, before a later part replaced any.
    #[serde(deserialize_with = "form::sorted_parts")]
    pub parts: super::secondary::Parts,
    /// What rendering noted of the interface text (for the warnings of a
    /// build that renders only some pages).
    pub usage: crate::i18n::messages::Usage,
    /// Each language's title order of the items (long lists are sorted by it).
    pub titles: Titles,
    /// The digest of each language's search memo as this build left it
    /// (`secondary::memo_digests`): the next build tells by it that a memo
    /// is this build's index.
    pub memos: BTreeMap<String, u128>,
    /// The digest of the record of the output folder written with this
    /// manifest ([`outputs::write`]): another record is not this build's.
    pub outputs_record: u128,
    /// The digest of the record of the previous output kept beside the
    /// output folder (the record this build's previous manifest had; 0:
    /// none), whose folders' times the next build takes for the folders it
    /// does not touch.
    pub previous_record: u128,
    /// Where the new record's folders' times come from (not written).
    #[serde(skip)]
    pub folder_times: outputs::FolderTimes,
}

impl Manifest {
    /// A fresh manifest for this binary and these options.
    pub fn new(options: String) -> Manifest {
        Manifest {
            format: FORMAT,
            binary: binary_id(),
            options,
            ..Manifest::default()
        }
    }

    /// The manifest of the output folder `out`, if there is one written by
    /// this binary with these options; `None` for any doubt (missing,
    /// unreadable, corrupt, another binary or other options).
    pub fn read(out: &Path, options: &str) -> Option<Manifest> {
        let bytes = std::fs::read(path_for(out)).ok()?;
        let m: Manifest = postcard::from_bytes(bytes.strip_prefix(MAGIC)?).ok()?;
        (m.format == FORMAT && m.binary == binary_id() && m.options == options).then_some(m)
    }

    /// Writes the manifest beside `out` (a temporary file renamed over the
    /// old one: a reader sees the old manifest or the new one), and before
    /// it the record of the output folder (`outputs`, with the folders'
    /// times as they are now: `out` is committed), whose digest the
    /// manifest keeps (`outputs_record`).
    pub fn write(&self, out: &Path) -> std::io::Result<()> {
        let path = path_for(out);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("tmp");
        // Postcard writes a struct as its fields one after the other: the
        // fields up to `fronts` (most of the bytes) are written as they
        // are serialised, while the record of the output folder is written
        // and the rest serialised beside them into a buffer, written after
        // (at 10,000 offers some 14 MB; the whole manifest some 80 MB,
        // which a buffer would add to the build's peak). A test checks the
        // bytes are `postcard`'s own.
        let file = std::fs::File::create(&tmp)?;
        let (head, rest) = rayon::join(
            || -> std::io::Result<_> {
                let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
                std::io::Write::write_all(&mut w, MAGIC)?;
                self.write_head(&mut w).map_err(std::io::Error::other)?;
                Ok(w)
            },
            || -> std::io::Result<_> {
                let keep_previous = self.previous.is_some() && self.previous_record != 0;
                let record = outputs::write(out, &self.outputs, &self.folder_times, keep_previous)?;
                let mut buf = Vec::new();
                self.write_rest(&mut buf, record)
                    .map_err(std::io::Error::other)?;
                Ok(buf)
            },
        );
        let mut w = head?;
        std::io::Write::write_all(&mut w, &rest?)?;
        std::io::Write::flush(&mut w)?;
        drop(w);
        std::fs::rename(&tmp, &path)
    }

    /// The fields from `format` to `fronts`, in the struct's order.
    fn write_head(&self, w: &mut impl std::io::Write) -> Result<(), postcard::Error> {
        postcard::to_io(&self.format, &mut *w)?;
        postcard::to_io(&self.binary, &mut *w)?;
        postcard::to_io(&self.options, &mut *w)?;
        postcard::to_io(&self.stamped_at, &mut *w)?;
        postcard::to_io(&self.day, &mut *w)?;
        postcard::to_io(&self.known, &mut *w)?;
        postcard::to_io(&self.inputs, &mut *w)?;
        postcard::to_io(&self.fronts, &mut *w)?;
        Ok(())
    }

    /// The fields after `fronts`, in the struct's order (`outputs` is not
    /// written; the digest of its record is `record`).
    fn write_rest(&self, w: &mut impl std::io::Write, record: u128) -> Result<(), postcard::Error> {
        /// The pages in their written form.
        struct Pages<'a>(&'a BTreeMap<String, PageRecord>);
        impl Serialize for Pages<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                form::shared_alternates::serialize(self.0, s)
            }
        }
        postcard::to_io(&self.previous, &mut *w)?;
        postcard::to_io(&Pages(&self.pages), &mut *w)?;
        postcard::to_io(&self.routes, &mut *w)?;
        postcard::to_io(&self.shown_on, &mut *w)?;
        postcard::to_io(&self.timing, &mut *w)?;
        postcard::to_io(&self.filter_counts, &mut *w)?;
        postcard::to_io(&self.media, &mut *w)?;
        postcard::to_io(&self.structure, &mut *w)?;
        postcard::to_io(&self.parts, &mut *w)?;
        postcard::to_io(&self.usage, &mut *w)?;
        postcard::to_io(&self.titles, &mut *w)?;
        postcard::to_io(&self.memos, &mut *w)?;
        postcard::to_io(&record, &mut *w)?;
        postcard::to_io(&self.previous_record, &mut *w)?;
        Ok(())
    }

    /// Removes the manifest of `out`: from now until a new one is written,
    /// the output folder is not trusted (the next build is a full one).
    pub fn invalidate(out: &Path) -> std::io::Result<()> {
        match std::fs::remove_file(path_for(out)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

/// Where the manifest of `out` lives: beside it, in the cache folder
/// `.wegweiser-cache/<name>.manifest` (outside the output folder, and not
/// named like its staging folders `.<name>.new-<pid>`).
pub(super) fn path_for(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    out.with_file_name(CACHE_DIR)
        .join(format!("{name}.manifest"))
}

/// Where the search indexes of the builds of `out` are kept between builds
/// (`output::search::MemoFile`): beside its manifest.
pub(super) fn search_memo_dir(out: &Path) -> PathBuf {
    let mut dir = path_for(out).into_os_string();
    dir.push(".search");
    PathBuf::from(dir)
}

/// The cache folder beside the output folder.
pub const CACHE_DIR: &str = ".wegweiser-cache";

/// This binary: the crate's version and the executable's size and time (a
/// rebuilt or reinstalled binary is another one).
pub(super) fn binary_id() -> String {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| format!("{}:{}", m.len(), mtime_of(&m)))
        .unwrap_or_default();
    format!("{}:{exe}", env!("CARGO_PKG_VERSION"))
}

/// Nanoseconds since 1970 of a file's modification (0 if unknown).
pub(super) fn mtime_of(m: &std::fs::Metadata) -> u64 {
    nanos(m.modified().ok())
}

fn nanos(t: Option<std::time::SystemTime>) -> u64 {
    t.and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// The stamps of the files a full build wrote, as a check of the output
/// folder ([`OutputCheck`]) finds them after the commit, with their digests.
pub(super) fn stamps_of(
    written: BTreeMap<String, crate::output::WrittenFile>,
) -> BTreeMap<String, Stamp> {
    written
        .into_iter()
        .map(|(rel, w)| {
            let stamp = Stamp {
                size: w.size,
                mtime: nanos(w.modified),
                hash: w.digest,
            };
            (rel, stamp)
        })
        .collect()
}

/// Nanoseconds since 1970 now.
pub(super) fn clock_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// The digest the manifest records of a file's bytes, input or output.
pub(crate) use crate::digest::digest;

/// Every file below `dir` (links followed, at most 32 levels) with its
/// metadata, by path relative to the site folder, '/'-separated, under
/// `prefix` (`dir`'s own, with a '/'). Each entry is stated relative to its
/// folder (`DirEntry::metadata`: no walk from the root for each of 50,000
/// files); a link is followed to what it points to.
fn walk(dir: &Path, prefix: &str, depth: usize, found: &mut BTreeMap<String, std::fs::Metadata>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let m = match e.file_type() {
            Ok(t) if t.is_symlink() => std::fs::metadata(e.path()),
            _ => e.metadata(),
        };
        let Ok(m) = m else {
            continue;
        };
        let rel = format!("{prefix}{}", e.file_name().to_string_lossy());
        if m.is_dir() {
            if depth < 32 {
                walk(&e.path(), &format!("{rel}/"), depth + 1, found);
            }
        } else {
            found.insert(rel, m);
        }
    }
}

/// The input files of the site at `root` with their metadata (by path
/// relative to it, '/'-separated): what [`stamp_inputs`] stamps. Needs
/// no manifest, so it runs while the manifest is read.
pub(super) fn scan_inputs(root: &Path) -> BTreeMap<String, std::fs::Metadata> {
    let mut found = BTreeMap::new();
    for name in INPUTS {
        let p = root.join(name);
        match std::fs::metadata(&p) {
            Ok(m) if m.is_file() => {
                found.insert(name.to_string(), m);
            }
            Ok(_) => walk(&p, &format!("{name}/"), 0, &mut found),
            Err(_) => {}
        }
    }
    found
}

/// The input files `found` ([`scan_inputs`]) of the site at `root` with
/// their stamps: a file whose size and time match `previous` (and that did
/// not change in the instant `previous` was stamped) keeps its recorded
/// hash without being read.
///
/// Files for which `read_later` holds are not read: their hash is left
/// empty for [`fill_hashes`].
pub(super) fn stamp_inputs(
    root: &Path,
    found: BTreeMap<String, std::fs::Metadata>,
    previous: Option<&Manifest>,
    read_later: impl Fn(&str) -> bool + Sync,
) -> BTreeMap<String, Stamp> {
    // Matched with the previous stamps on this thread (the thread pool is
    // busy loading meanwhile); only files to hash are read in parallel.
    let mut to_read = Vec::new();
    let mut stamps: Vec<(String, Stamp)> = found
        .into_iter()
        .enumerate()
        .map(|(n, (rel, m))| {
            let (size, mtime) = (m.len(), mtime_of(&m));
            let known = previous.and_then(|p| {
                p.inputs.get(&rel).filter(|s| {
                    s.size == size
                        && s.mtime == mtime
                        && mtime < p.stamped_at.saturating_sub(2_000_000_000)
                })
            });
            // A content file is hashed as the loader reads them; an
            // unchanged one keeps its digest (and may not be read).
            let hash = match known {
                Some(s) => s.hash.clone(),
                None if read_later(&rel) => String::new(),
                None => {
                    to_read.push(n);
                    String::new()
                }
            };
            (rel, Stamp { size, mtime, hash })
        })
        .collect();
    let read: Vec<(usize, String)> = {
        use rayon::prelude::*;
        to_read
            .into_par_iter()
            .map(|n| (n, read_digest(root, &stamps[n].0)))
            .collect()
    };
    for (n, hash) in read {
        stamps[n].1.hash = hash;
    }
    stamps.into_iter().collect()
}

/// The digest of the input file `rel`; empty if it cannot be read.
fn read_digest(root: &Path, rel: &str) -> String {
    std::fs::read(root.join(rel))
        .map(|b| digest(&b))
        .unwrap_or_default()
}

/// The files of `known` whose digest is the one `inputs` has for them:
/// unchanged since they were recorded ([`stamp_inputs`] keeps the digest
/// of a file whose size and time are the recorded ones).
pub(super) fn unchanged_known(
    mut known: crate::content::known::Known,
    inputs: &BTreeMap<String, Stamp>,
) -> crate::content::known::Known {
    known.retain(|k, f| {
        inputs
            .get(k)
            .is_some_and(|s| !s.hash.is_empty() && s.hash == f.hash)
    });
    known
}

/// Whether the input `rel` is a content file the loader reads (and hashes:
/// [`crate::content::load::LoadOptions::digests`]).
pub(super) fn is_content(rel: &str) -> bool {
    rel.strip_prefix(crate::layout::CONTENT_DIR)
        .is_some_and(|r| r.starts_with('/') && r.ends_with(".md"))
}

/// Gives the inputs [`stamp_inputs`] left unread the digests the loader
/// noted (`digests`, by path relative to `content/`); an input the loader
/// did not read (too large, or no content file after all) is read now: its
/// bytes reached no output.
pub(super) fn fill_hashes(
    root: &Path,
    inputs: &mut BTreeMap<String, Stamp>,
    digests: crate::content::load::Digests,
) {
    let digests = digests
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    for (rel, d) in digests {
        let key = Path::new(crate::layout::CONTENT_DIR)
            .join(rel)
            .to_string_lossy()
            .replace('\\', "/");
        if let Some(stamp) = inputs.get_mut(&key) {
            stamp.hash = d;
        }
    }
    for (rel, stamp) in inputs.iter_mut() {
        if stamp.hash.is_empty() && is_content(rel) {
            stamp.hash = read_digest(root, rel);
        }
    }
}

/// Whether the output folder is as the previous build left it
/// ([`outputs::unchanged`]), found on a thread of its own while the build
/// reads its manifest and loads the content (not in the thread pool, where
/// loading's parallel work would wait behind it).
pub(super) struct OutputCheck(Option<std::thread::JoinHandle<Option<outputs::Checked>>>);

impl OutputCheck {
    /// Starts checking the output folder `out` against its record.
    pub fn start(out: &Path) -> OutputCheck {
        let out = out.to_path_buf();
        OutputCheck(Some(std::thread::spawn(move || outputs::unchanged(&out))))
    }

    /// Nothing checked: [`OutputCheck::outputs`] says no.
    pub fn none() -> OutputCheck {
        OutputCheck(None)
    }

    /// The output folder's files, if it is as the record of the previous
    /// manifest `old` has it: no file or folder changed, added or removed
    /// since; `None` if it is not, or was not checked. With them the
    /// folders' times of the previous output's record, if it is the one
    /// `old` names.
    pub fn outputs(
        self,
        old: &Manifest,
    ) -> Option<(BTreeMap<String, Stamp>, Option<outputs::FolderList>)> {
        match self.0.map(std::thread::JoinHandle::join) {
            Some(Ok(Some(c))) if c.digest == old.outputs_record => {
                let previous = c
                    .previous
                    .filter(|(d, _)| old.previous_record != 0 && *d == old.previous_record)
                    .map(|(_, times)| times);
                Some((c.files, previous))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_reads_back_as_written_and_rejects_anything_else() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let alts: Arc<[Alternate]> = Arc::from(vec![
            Alternate {
                hreflang: "de".into(),
                href: "https://example.org/de/a/".into(),
            },
            Alternate {
                hreflang: "en".into(),
                href: "https://example.org/en/a/".into(),
            },
        ]);
        let mut m = Manifest::new("opts".into());
        for (file, lang) in [("de/a/index.html", "de"), ("en/a/index.html", "en")] {
            m.pages.insert(
                file.into(),
                PageRecord {
                    path: format!("/{lang}/a/"),
                    digest: 7,
                    sitemap: Some(alts.clone()),
                },
            );
        }
        m.pages.insert(
            "index.html".into(),
            PageRecord {
                path: "/".into(),
                digest: 8,
                sitemap: None,
            },
        );
        // Written in order; a few keys sharing long prefixes.
        for (i, name) in ["b", "a", "ab", "c"].iter().enumerate() {
            let stamp = Stamp {
                size: i as u64,
                mtime: 1,
                hash: format!("h{i}"),
            };
            m.outputs
                .insert(format!("de/{name}/index.html"), stamp.clone());
            m.inputs.insert(format!("content/{name}.md"), stamp);
        }
        m.parts.insert(
            "site".into(),
            [("x".to_string(), 1u64), ("a".to_string(), 2)].into(),
        );
        // Every field something to tell it from its neighbours.
        m.day = "2026-11-30".into();
        m.stamped_at = 42;
        m.fronts.insert("content/a.md".into(), "f".into());
        m.previous = Some([("de/a/index.html".to_string(), true)].into());
        m.routes.push("Item".into());
        m.shown_on.insert("offer/a".into(), vec![0]);
        m.timing.insert("event/e".into(), "t".into());
        m.filter_counts = "counts".into();
        m.media = "media".into();
        m.memos.insert("de".into(), 7);
        m.structure.insert("offer/a".into(), "s".into());
        m.known.insert(
            "content/a.md".into(),
            crate::content::known::KnownFile {
                hash: "h".into(),
                front: Arc::new("+++\ntitle = \"A\"\n+++\n".into()),
                parsed: Arc::from(&b"front"[..]),
                body: 20..20,
                links: vec![("/de/b/".into(), 1..2)],
                body_digest: 3,
                images: false,
                fingerprint: Some("fp".into()),
            },
        );
        std::fs::create_dir_all(&out).unwrap();
        m.write(&out).unwrap();
        let back = Manifest::read(&out, "opts").expect("read back");
        // The record of the output folder is the one written with it.
        let record = std::fs::read(outputs::path_for(&out)).unwrap();
        assert_eq!(back.outputs_record, xxhash_rust::xxh3::xxh3_128(&record));
        m.outputs_record = back.outputs_record;
        // Written in two parts, the bytes are postcard's of the whole.
        let mut whole = MAGIC.to_vec();
        whole.extend(postcard::to_allocvec(&m).unwrap());
        assert_eq!(std::fs::read(path_for(&out)).unwrap(), whole);
        assert_eq!(back.known.len(), 1);
        assert_eq!(back.shown_on, m.shown_on);
        // The output files are not in the manifest, but in the record.
        assert!(back.outputs.is_empty());
        assert_eq!(back.inputs, m.inputs);
        assert_eq!(back.parts, m.parts);
        assert_eq!(back.pages.len(), 3);
        let (de, en) = (
            &back.pages["de/a/index.html"],
            &back.pages["en/a/index.html"],
        );
        assert_eq!(de.path, "/de/a/");
        assert_eq!(de.sitemap.as_deref(), Some(&alts[..]));
        // The language versions share their alternates once read.
        assert!(Arc::ptr_eq(
            de.sitemap.as_ref().unwrap(),
            en.sitemap.as_ref().unwrap()
        ));
        assert!(back.pages["index.html"].sitemap.is_none());
        // Other options, a JSON manifest of an earlier version, a cut file:
        // none is read (the build is a full one).
        assert!(Manifest::read(&out, "other").is_none());
        let bytes = std::fs::read(path_for(&out)).unwrap();
        std::fs::write(path_for(&out), &bytes[..bytes.len() / 2]).unwrap();
        assert!(Manifest::read(&out, "opts").is_none());
        std::fs::write(path_for(&out), br#"{"format":3}"#).unwrap();
        assert!(Manifest::read(&out, "opts").is_none());
    }

    #[test]
    fn content_files_are_hashed_by_the_loader_and_the_rest_read() {
        assert!(is_content("content/offers/a.md"));
        assert!(is_content("content/_index.md"));
        assert!(!is_content("content/offers/flyer.pdf"));
        assert!(!is_content("contents/a.md"));
        assert!(!is_content("themes/default/templates/item.html"));

        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("content/offers")).unwrap();
        std::fs::write(root.path().join("content/offers/a.md"), "A").unwrap();
        std::fs::write(root.path().join("content/offers/b.md"), "B").unwrap();
        std::fs::write(root.path().join("content/offers/c.pdf"), "C").unwrap();
        std::fs::write(root.path().join("site.toml"), "S").unwrap();
        let mut inputs = stamp_inputs(root.path(), scan_inputs(root.path()), None, is_content);
        assert_eq!(inputs["content/offers/a.md"].hash, "");
        assert_eq!(inputs["content/offers/c.pdf"].hash, digest(b"C"));
        assert_eq!(inputs["site.toml"].hash, digest(b"S"));
        // The loader noted a.md (as it read it); b.md it did not read.
        let noted = crate::content::load::Digests::new(vec![(
            PathBuf::from("offers/a.md"),
            "as-read".to_string(),
        )]);
        fill_hashes(root.path(), &mut inputs, noted);
        assert_eq!(inputs["content/offers/a.md"].hash, "as-read");
        assert_eq!(inputs["content/offers/b.md"].hash, digest(b"B"));
        assert_eq!(inputs["site.toml"].hash, digest(b"S"));
    }
}
