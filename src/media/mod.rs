//! Images: the files content refers to (`image` in front matter, `![alt](x.jpg)`
//! in bodies), found, checked and measured **before** rendering, because a
//! page needs each variant's address, width and height. The variants
//! themselves are encoded on output (`output/images.rs`), from this plan.
//!
//! Flow: [`refs`] collects every reference of the site (and reports images
//! without alt text), [`refs::resolve`] turns a written path into a file of
//! the site (or a diagnostic), [`probe`] reads a file's header only (format,
//! size, EXIF orientation: no pixels are decoded here, so a decompression
//! bomb is refused before it is opened).

pub mod memo;
pub mod probe;
pub mod refs;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::Site;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// The cache of the images' variants and of what was measured of their
/// sources, relative to the site folder (never deployed, ignored by git).
pub const CACHE_DIR: &str = ".wegweiser-cache/images";
/// The widths of the variants (never wider than the source: a smaller
/// source gets the smaller widths and its own).
pub const WIDTHS: [u32; 4] = [320, 640, 960, 1280];
/// The largest image file read (bytes).
pub const MAX_FILE_BYTES: u64 = 30 * 1024 * 1024;
/// The most pixels an image may have (width × height), checked from the header.
pub const MAX_PIXELS: u64 = 50_000_000;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Webp,
    Jpeg,
    Png,
}

impl Format {
    pub fn ext(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Webp => "image/webp",
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
        }
    }
}

/// One variant to publish: its size, format and site path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub format: Format,
    /// Its site path (from [`crate::routes::image_variant`]).
    pub path: String,
}

/// A source image, measured: what pages need to show it and output needs
/// to encode it.
#[derive(Debug, Clone)]
pub struct Measured {
    /// The file, relative to the site folder.
    pub source: PathBuf,
    /// SHA-256 of the file's bytes (hex): the cache key and the variants' name.
    pub hash: String,
    /// Width and height as shown (after the EXIF orientation).
    pub width: u32,
    pub height: u32,
    /// The format browsers without WebP get: PNG for PNG sources, else JPEG.
    pub fallback: Format,
    /// WebP variants first, then the fallback's, each by width.
    pub variants: Vec<Variant>,
    /// Where it is first referred to (encoding errors are reported there).
    pub used_at: (SourceFile, Range<usize>),
}

impl Measured {
    /// The variants of one format, narrowest first.
    pub fn of(&self, format: Format) -> impl Iterator<Item = &Variant> {
        self.variants.iter().filter(move |v| v.format == format)
    }

    /// `srcset` of a format: `/img/x-320.webp 320w, …`.
    pub fn srcset(&self, format: Format) -> String {
        self.of(format)
            .map(|v| format!("{} {}w", v.path, v.width))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The widest variant of a format (the `src` of `<img>`, og:image).
    pub fn widest(&self, format: Format) -> Option<&Variant> {
        self.of(format).last()
    }
}

/// The widths of the variants of an image `width` pixels wide.
pub fn widths(width: u32) -> Vec<u32> {
    let mut v: Vec<u32> = WIDTHS.into_iter().filter(|w| *w < width).collect();
    if width <= WIDTHS[WIDTHS.len() - 1] {
        v.push(width);
    }
    v
}

/// Every measured image of a site, and which reference names which.
#[derive(Debug, Clone, Default)]
pub struct Images {
    /// (content file, path as written) → hash.
    refs: BTreeMap<(PathBuf, String), String>,
    /// hash → the image.
    sources: BTreeMap<String, Arc<Measured>>,
}

impl Images {
    /// No images (for rendering without a site folder: benchmarks, tests).
    pub const fn new() -> Images {
        Images {
            refs: BTreeMap::new(),
            sources: BTreeMap::new(),
        }
    }

    /// The image that `written` in content file `file` (relative to the site) names.
    pub fn get(&self, file: &Path, written: &str) -> Option<&Measured> {
        let hash = self.refs.get(&(file.to_path_buf(), written.to_string()))?;
        self.sources.get(hash).map(|m| &**m)
    }

    /// Every image, by hash.
    pub fn sources(&self) -> impl Iterator<Item = &Arc<Measured>> {
        self.sources.values()
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }
}

/// Finds, checks and measures every image the site's content refers to.
/// Each problem is an error at the reference (front-matter value or
/// Markdown image) with a fix.
pub fn measure(root: &Path, site: &Site) -> (Images, Diagnostics) {
    let mut ds = Diagnostics::new();
    let mut by_path: BTreeMap<PathBuf, Vec<refs::Ref>> = BTreeMap::new();
    for r in refs::collect(site, &mut ds) {
        match refs::resolve(root, &r.file.path, &r.written) {
            Ok(p) => by_path.entry(p).or_default().push(r),
            Err(d) => ds.push(d.arg("path", r.written.as_str()).at(&r.file, r.span)),
        }
    }
    let start = std::time::SystemTime::now();
    let old_memo = memo::Memo::load(root);
    let measured: Vec<(Vec<refs::Ref>, Result<_, Diagnostic>)> = by_path
        .into_par_iter()
        .map(|(path, refs)| {
            let first = &refs[0];
            let used_at = (first.file.clone(), first.span.clone());
            let m = probe::measure_file(root, &path, used_at, &old_memo);
            (refs, m)
        })
        .collect();
    let mut images = Images::new();
    let mut new_memo = memo::Memo::default();
    for (refs, m) in measured {
        match m {
            Ok((m, entry)) => {
                if let Some(e) = entry {
                    new_memo.record(&m.source, e, start);
                }
                for r in &refs {
                    images
                        .refs
                        .insert((r.file.path.clone(), r.written.clone()), m.hash.clone());
                }
                images.sources.insert(m.hash.clone(), Arc::new(m));
            }
            Err(d) => {
                // A Markdown image whose file is missing stays as written:
                // `check` reports it with the body's other missing files.
                let refs = refs
                    .into_iter()
                    .filter(|r| !(r.in_body && d.code() == "image-missing"));
                for r in refs {
                    ds.push(
                        d.clone()
                            .arg("path", r.written.as_str())
                            .at(&r.file, r.span),
                    );
                }
            }
        }
    }
    new_memo.save_if_changed(root, &old_memo);
    (images, ds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_are_never_wider_than_the_source() {
        assert_eq!(widths(4000), vec![320, 640, 960, 1280]);
        assert_eq!(widths(1280), vec![320, 640, 960, 1280]);
        assert_eq!(widths(800), vec![320, 640, 800]);
        assert_eq!(widths(200), vec![200]);
    }
}
