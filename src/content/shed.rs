//! Bodies a one-off build does not hold: as soon as an item is assembled
//! (and its placeholders found), `wegweiser build` keeps of each content
//! file only the front matter (where the diagnostics after loading point, but
//! for a document link's, which reads its file again: `Text::whole_file`)
//! and reads a body again from disk when a page, the search index or the
//! JSON API needs it (the operating system's page cache answers). At
//! 10,000 offers this is 290 MB less held from loading to the end; at
//! 50,000, 1.5 GB.
//!
//! A body read again is used only if it is the body loaded: its digest is
//! compared with the one taken when it was shed. A file whose body changed
//! (or that was removed) in the meantime gives an empty body and is noted; the build then fails naming it before anything is published
//! ([`Site::bodies_unchanged`]), never writes a mix of two versions.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use super::{Item, Site, Text};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// Where the shed bodies of one site are read from, and which files were
/// found changed when read again.
#[derive(Debug, Default)]
pub struct Shed {
    /// The site folder (a text's file path is relative to it).
    root: PathBuf,
    /// Files whose text differed from the one loaded, by path as shown.
    changed: Mutex<BTreeSet<PathBuf>>,
}

/// A text's body left on disk.
#[derive(Debug, Clone)]
pub struct OnDisk {
    shed: Arc<Shed>,
    /// XXH3-128 of the body as loaded.
    digest: u128,
    /// Whether the body has Markdown image syntax (`![`): images are
    /// measured after shedding, and only such bodies need reading.
    images: bool,
    /// Whether the text was known from an earlier build
    /// ([`super::known`]): its body was never read by this one, and has no
    /// placeholder.
    known: bool,
    /// The item's fingerprint, if the text is its source text and was
    /// known ([`super::status::fingerprint`] without reading the body).
    fingerprint: Option<String>,
}

impl OnDisk {
    /// The body of a text known from an earlier build ([`super::known`]).
    pub(super) fn known(
        shed: Arc<Shed>,
        digest: u128,
        images: bool,
        fingerprint: Option<String>,
    ) -> OnDisk {
        OnDisk {
            shed,
            digest,
            images,
            known: true,
            fingerprint,
        }
    }

    /// XXH3-128 of the body as loaded.
    pub fn digest(&self) -> u128 {
        self.digest
    }

    /// Whether the body has Markdown image syntax (`![`).
    pub fn images(&self) -> bool {
        self.images
    }

    /// Whether the text was known from an earlier build: its body has no
    /// placeholder (see [`super::known`]).
    pub fn is_known(&self) -> bool {
        self.known
    }

    /// The item's fingerprint, if known from an earlier build.
    pub fn fingerprint(&self) -> Option<&str> {
        self.fingerprint.as_deref()
    }

    /// `f` of the body at `body` of the file `shown` (relative to the site
    /// folder), if the file still holds it there; else of "" (and the file
    /// noted). Only the body matters: what was made of the front matter
    /// came from the text loaded.
    fn read<R>(&self, shown: &Path, body: Range<usize>, f: impl FnOnce(&str) -> R) -> R {
        let path = self.shed.root.join(shown);
        // Most files are held as they are on disk: the body's bytes are
        // read where they were (no other byte of the file), and checked as
        // UTF-8 by `simdutf8` (several times faster than the standard
        // library on Arabic or Cyrillic; it was a twentieth of a build).
        let bytes = read_at(&path, &body).filter(|b| self.is_body(b));
        if let Some(text) = bytes
            .as_deref()
            .and_then(|b| simdutf8::basic::from_utf8(b).ok())
        {
            return f(text);
        }
        // Else the file had Windows newlines or control characters (the
        // loader took them out, `crate::text::content_as_held`): read all
        // of it and take them out as the loader did.
        let whole = std::fs::read(&path)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .map(crate::text::content_as_held);
        match whole.as_deref().and_then(|t| t.get(body)) {
            Some(text) if self.is_body(text.as_bytes()) => f(text),
            _ => {
                self.shed
                    .changed
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(shown.to_path_buf());
                f("")
            }
        }
    }

    fn is_body(&self, bytes: &[u8]) -> bool {
        xxhash_rust::xxh3::xxh3_128(bytes) == self.digest
    }
}

/// The bytes of `path` at `range`, if it has them all.
#[cfg(unix)]
fn read_at(path: &Path, range: &Range<usize>) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = vec![0; range.len()];
    file.read_exact_at(&mut bytes, range.start as u64).ok()?;
    Some(bytes)
}

/// The bytes of `path` at `range`, if it has them all.
#[cfg(not(unix))]
fn read_at(path: &Path, range: &Range<usize>) -> Option<Vec<u8>> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = std::fs::File::open(path).ok()?;
    let mut bytes = vec![0; range.len()];
    file.seek(SeekFrom::Start(range.start as u64)).ok()?;
    file.read_exact(&mut bytes).ok()?;
    Some(bytes)
}

impl Text {
    /// `f` of the Markdown body: held, or read again from disk if the site
    /// shed it (then "" if the file changed since loading, which the build
    /// reports, see [`Site::bodies_unchanged`]). A closure, not a
    /// string: a body read again is checked as UTF-8 and lent, not copied.
    pub fn with_body<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        match &self.on_disk {
            Some(d) => d.read(&self.file.path, self.body.clone(), f),
            None => f(&self.file.text[self.body.clone()]),
        }
    }

    /// XXH3-128 of the body (kept when it was shed, else taken now).
    pub fn body_digest(&self) -> u128 {
        match &self.on_disk {
            Some(d) => d.digest,
            None => xxhash_rust::xxh3::xxh3_128(self.file.text[self.body.clone()].as_bytes()),
        }
    }

    /// Whether the body has Markdown image syntax (`![`), without reading
    /// a shed body again.
    pub fn body_has_images(&self) -> bool {
        match &self.on_disk {
            Some(d) => d.images,
            None => self.file.text[self.body.clone()].contains("!["),
        }
    }

    /// The text's whole file, for a diagnostic pointing into its body:
    /// held, or read again if shed (only the front matter if the body
    /// changed since loading: the diagnostic still names the file).
    pub fn whole_file(&self) -> SourceFile {
        let Some(d) = &self.on_disk else {
            return self.file.clone();
        };
        let whole = std::fs::read(d.shed.root.join(&self.file.path))
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .map(crate::text::content_as_held)
            .filter(|t| {
                t.get(self.body.clone())
                    .is_some_and(|b| d.is_body(b.as_bytes()))
            });
        match whole {
            Some(text) => SourceFile::new(self.file.path.clone(), text),
            None => self.file.clone(),
        }
    }

    /// Keeps only the front matter of the text in memory.
    fn shed(&mut self, shed: &Arc<Shed>) {
        if self.on_disk.is_some() {
            return;
        }
        let body = &self.file.text[self.body.clone()];
        let on_disk = OnDisk {
            shed: shed.clone(),
            digest: xxhash_rust::xxh3::xxh3_128(body.as_bytes()),
            images: body.contains("!["),
            known: false,
            fingerprint: None,
        };
        self.file = front_only(&self.file, self.body.start);
        self.on_disk = Some(on_disk);
    }
}

/// `file` up to `end` (where its body starts).
fn front_only(file: &SourceFile, end: usize) -> SourceFile {
    SourceFile {
        path: file.path.clone(),
        text: Arc::new(file.text[..end].to_string()),
    }
}

impl Shed {
    /// Where the bodies of the site in the folder `root` are read again.
    pub fn new(root: &Path) -> Arc<Shed> {
        Arc::new(Shed {
            root: root.to_path_buf(),
            changed: Mutex::default(),
        })
    }
}

impl Item {
    /// Keeps only the front matter of its texts in memory (see the
    /// module's documentation).
    pub fn shed(&mut self, shed: &Arc<Shed>) {
        for text in self.texts.values_mut() {
            text.shed(shed);
        }
        // The image's diagnostics point into the front matter, which the
        // source text keeps: share it rather than the whole file.
        if let Some(image) = &mut self.image
            && let Some(t) = self.texts.values().find(|t| t.file.path == image.file.path)
        {
            image.file = t.file.clone();
        }
    }
}

impl Site {
    /// Sheds the items not shed yet (those assembled since), and tells
    /// `each` every text they shed; the site's bodies are read from `shed`.
    pub fn shed_new(&mut self, shed: &Arc<Shed>, mut each: impl FnMut(&Text)) {
        let items = std::iter::once(&mut self.home).chain(self.items.values_mut());
        for item in items.filter(|i| i.texts.values().any(|t| t.on_disk.is_none())) {
            // Assembled since: no other holder (else it is copied).
            let item = Arc::make_mut(item);
            item.shed(shed);
            item.texts.values().for_each(&mut each);
        }
        self.shed = Some(shed.clone());
    }

    /// Fails, naming them, if content files changed after the site shed
    /// their bodies and before one was read again: what was made of them
    /// mixes two versions and must not be published.
    pub fn bodies_unchanged(&self) -> Result<(), Diagnostics> {
        let Some(shed) = &self.shed else {
            return Ok(());
        };
        let changed = shed.changed.lock().unwrap_or_else(PoisonError::into_inner);
        if changed.is_empty() {
            return Ok(());
        }
        let mut ds = Diagnostics::new();
        ds.extend(
            changed
                .iter()
                .map(|p| Diagnostic::error("content-changed-while-building").at_path(p)),
        );
        Err(ds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(held: &str) -> Text {
        Text::for_test("content/x.md", held)
    }

    fn changed(shed: &Shed) -> Vec<PathBuf> {
        shed.changed.lock().unwrap().iter().cloned().collect()
    }

    #[test]
    fn a_shed_body_is_read_again_as_loaded() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        // On disk with Windows newlines and a control character, which the
        // loader takes out: the body read again is the one it held.
        let on_disk = "+++\r\ntitle = \"x\"\r\n+++\r\nHallo\u{7} Welt\r\n\r\nZwei\r\n";
        std::fs::write(dir.path().join("content/x.md"), on_disk).unwrap();
        let held = crate::text::content_as_held(on_disk.to_string());
        let mut t = text(&held);
        let body = t.with_body(str::to_string);
        assert_eq!(body, "Hallo Welt\n\nZwei\n");
        let shed = Shed::new(dir.path());
        t.shed(&shed);
        assert_eq!(
            &*t.file.text, "+++\ntitle = \"x\"\n+++\n",
            "only the front matter is held"
        );
        assert_eq!(t.with_body(str::to_string), body);
        assert_eq!(t.with_body(str::to_string), body, "read again each time");
        assert!(changed(&shed).is_empty());
    }

    #[test]
    fn a_file_changed_or_gone_after_shedding_gives_no_body_and_is_noted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        let path = dir.path().join("content/x.md");
        let held = "+++\ntitle = \"x\"\n+++\nAlt\n";
        std::fs::write(&path, held).unwrap();
        let shed = Shed::new(dir.path());
        let mut t = text(held);
        t.shed(&shed);
        // Same length, other bytes: the digest tells.
        std::fs::write(&path, "+++\ntitle = \"x\"\n+++\nNeu\n").unwrap();
        assert_eq!(t.with_body(str::to_string), "");
        assert_eq!(changed(&shed), [PathBuf::from("content/x.md")]);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(t.with_body(str::to_string), "");
        assert_eq!(changed(&shed).len(), 1, "noted once");
    }
}
