//! Output files held compressed: the preview keeps its whole output in
//! memory (every page, the JSON API, the search shards), and at 10,000
//! offers that is 2 GB of text. Held as zstd frames (level 1, about 3.4×
//! smaller on the pages; 5.8× with a dictionary of a few of the site's own
//! pages, which share their header, navigation and footer) and unpacked
//! when a file is served; a one-off build never packs (it writes files as
//! they are made).

use std::collections::BTreeMap;

use super::{Bytes, OutputFiles};

/// The zstd level: 1 is zstd's fastest regular level (~350 MB/s on one
/// core for the pages, 3.4×); 3 gains 4 % in size for 25 % more time.
const LEVEL: i32 = 1;

/// One output file as the preview holds it: a zstd frame of the file's
/// bytes, or the bytes themselves (when compressing did not make them
/// smaller, or the holder does not pack). Cheap to clone: the bytes are
/// shared.
#[derive(Clone)]
pub struct Packed {
    /// The zstd frame, or the file's bytes if not `compressed`.
    held: Bytes,
    /// The file's length.
    len: usize,
    compressed: bool,
    /// The dictionary the frame was made with (a raw-content one).
    dictionary: Option<Bytes>,
}

/// Output files by relative path, held as [`Packed`].
pub type PackedFiles = BTreeMap<String, Packed>;

/// A compression context, reused for the files packed one after another
/// (a fresh one for each small file costs a quarter of the time), made
/// when the first file is packed (loading a dictionary takes a while, and
/// a preview's update packs only the pages that changed).
pub struct Packer {
    /// `Some(None)` if zstd could not make one: files are held as they are.
    context: Option<Option<zstd::bulk::Compressor<'static>>>,
    dictionary: Option<Bytes>,
}

impl Packer {
    pub fn new() -> Packer {
        Packer {
            context: None,
            dictionary: None,
        }
    }

    /// A packer whose frames refer to `dictionary`: bytes like the files
    /// to pack (a few of them), for files too small to have much to refer
    /// to within themselves.
    pub fn with_dictionary(dictionary: Bytes) -> Packer {
        Packer {
            context: None,
            dictionary: Some(dictionary),
        }
    }

    /// `bytes`, compressed unless that does not make them smaller.
    pub fn pack(&mut self, bytes: &[u8]) -> Packed {
        let dictionary = self.dictionary.as_deref().unwrap_or_default();
        let context = self
            .context
            .get_or_insert_with(|| zstd::bulk::Compressor::with_dictionary(LEVEL, dictionary).ok());
        let frame = context
            .as_mut()
            .and_then(|c| c.compress(bytes).ok())
            .filter(|f| f.len() < bytes.len());
        match frame {
            Some(f) => Packed {
                held: f.into(),
                len: bytes.len(),
                compressed: true,
                dictionary: self.dictionary.clone(),
            },
            None => Packed::plain(bytes.into()),
        }
    }
}

impl Default for Packer {
    fn default() -> Self {
        Packer::new()
    }
}

impl Packed {
    /// `bytes` held as they are (not compressed).
    pub fn plain(bytes: Bytes) -> Packed {
        Packed {
            len: bytes.len(),
            held: bytes,
            compressed: false,
            dictionary: None,
        }
    }

    /// The file's length.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the file is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The bytes held in memory for the file.
    pub fn held_len(&self) -> usize {
        self.held.len()
    }

    /// Whether both hold the same bytes in memory (one was cloned from
    /// the other).
    pub fn shares(&self, other: &Packed) -> bool {
        std::sync::Arc::ptr_eq(&self.held, &other.held)
    }

    /// The file's bytes (shared if held plain).
    pub fn unpack(&self) -> Bytes {
        if self.compressed {
            self.to_vec(0).into()
        } else {
            self.held.clone()
        }
    }

    /// The file's bytes in a new vector with room for `spare` more.
    pub fn to_vec(&self, spare: usize) -> Vec<u8> {
        if !self.compressed {
            let mut v = Vec::with_capacity(self.len + spare);
            v.extend_from_slice(&self.held);
            return v;
        }
        let mut v = vec![0; self.len];
        v.reserve_exact(spare);
        let dictionary = self.dictionary.as_deref().unwrap_or_default();
        // Cannot fail: `held` is the frame zstd made of exactly `len`
        // bytes with `dictionary` (`Packer::pack`), neither changed since
        // (they are shared read-only), and `v` has room for exactly those
        // bytes. (Only a context zstd could not allocate would fail.)
        let n = zstd::bulk::Decompressor::with_dictionary(dictionary)
            .and_then(|mut d| d.decompress_to_buffer(&self.held, v.as_mut_slice()))
            .expect("a frame of our own decompresses to its length");
        debug_assert_eq!(n, self.len);
        v
    }
}

impl PartialEq for Packed {
    /// Whether the files are equal (their frames are, if both are
    /// compressed with the same dictionary: the same bytes packed alike
    /// give the same frame).
    fn eq(&self, other: &Packed) -> bool {
        if self.len != other.len {
            return false;
        }
        let alike = self.compressed == other.compressed
            && match (&self.dictionary, &other.dictionary) {
                (None, None) => true,
                (Some(a), Some(b)) => std::sync::Arc::ptr_eq(a, b),
                _ => false,
            };
        if alike {
            self.held == other.held
        } else {
            self.unpack() == other.unpack()
        }
    }
}

impl std::fmt::Debug for Packed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Packed({} bytes in {})", self.len, self.held.len())
    }
}

/// The plain files of `files`.
pub fn unpack_all(files: &PackedFiles) -> OutputFiles {
    files.iter().map(|(k, v)| (k.clone(), v.unpack())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_and_unpacks_what_it_was_given() {
        let page = "<p>Sprachcafé in Ingelheim</p>\n".repeat(200);
        let mut packer = Packer::new();
        let p = packer.pack(page.as_bytes());
        assert!(p.held_len() * 4 < page.len(), "{p:?}");
        assert_eq!(p.len(), page.len());
        assert_eq!(&*p.unpack(), page.as_bytes());
        let mut v = p.to_vec(7);
        assert!(v.capacity() >= page.len() + 7);
        v.extend_from_slice(b"<script");
        assert!(v.ends_with(b"</p>\n<script"));
        // Equal bytes are equal however they are held; others are not.
        let plain = Packed::plain(page.as_bytes().into());
        assert!(p == plain && plain == packer.pack(page.as_bytes()));
        assert!(p != packer.pack(page.replace("Ingelheim", "Bingen!!!").as_bytes()));
        // Bytes that do not get smaller are held as they are.
        let tiny = packer.pack(b"ab");
        assert_eq!(tiny.held_len(), 2);
        assert_eq!(&*tiny.unpack(), b"ab");
        assert!(packer.pack(b"").is_empty());
        // With a dictionary of similar bytes: smaller, the same file.
        let dictionary: Bytes = page.replace("Ingelheim", "Mainz").as_bytes().into();
        let mut with = Packer::with_dictionary(dictionary);
        let d = with.pack(page.as_bytes());
        assert!(d.held_len() < p.held_len(), "{d:?} {p:?}");
        assert!(d == p && &*d.unpack() == page.as_bytes());
        let files = PackedFiles::from([("a.html".to_string(), p)]);
        assert_eq!(&*unpack_all(&files)["a.html"], page.as_bytes());
    }
}
