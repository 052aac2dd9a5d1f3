//! Measuring one image file from its header: format, size in pixels, EXIF
//! orientation. Nothing but the header is decoded, so the limits
//! ([`super::MAX_FILE_BYTES`], [`super::MAX_PIXELS`]) hold before any
//! pixel memory is taken.

use std::io::Cursor;
use std::ops::Range;
use std::path::Path;

use image::{ImageDecoder, ImageFormat, ImageReader, Limits, metadata::Orientation};
use sha2::{Digest, Sha256};

use super::memo::{Entry, Memo, Stamp};
use super::{Format, MAX_FILE_BYTES, MAX_PIXELS, Measured, Variant, widths};
use crate::diagnostics::{Diagnostic, SourceFile};

/// The decoder's limits: the pixel limit plus room for one decoded frame.
pub fn limits() -> Limits {
    let mut l = Limits::default();
    l.max_image_width = Some(50_000);
    l.max_image_height = Some(50_000);
    // 50 megapixels in RGBA, and the decoder's own buffers.
    l.max_alloc = Some(MAX_PIXELS * 4 + 64 * 1024 * 1024);
    l
}

/// An image reader over `bytes` with the format guessed from its content
/// (not the file name) and the limits set.
pub fn reader(bytes: &[u8]) -> std::io::Result<ImageReader<Cursor<&[u8]>>> {
    let mut r = ImageReader::new(Cursor::new(bytes)).with_guessed_format()?;
    r.limits(limits());
    Ok(r)
}

/// Whether an orientation turns the image by a quarter (width and height swap).
pub fn swaps_sides(o: Orientation) -> bool {
    matches!(
        o,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// Reads and measures `rel` (relative to `root`); the error is a diagnostic
/// without path and position (the caller adds them per reference). A file
/// whose stamp `memo` knows is not read: its hash and header facts come
/// from the memo. Returns the memo's entry for the file too (none where the
/// system gives no stamp).
pub fn measure_file(
    root: &Path,
    rel: &Path,
    used_at: (SourceFile, Range<usize>),
    memo: &Memo,
) -> Result<(Measured, Option<Entry>), Diagnostic> {
    let path = root.join(rel);
    let meta = std::fs::metadata(&path).map_err(|_| Diagnostic::error("image-missing"))?;
    if !meta.is_file() {
        return Err(Diagnostic::error("image-missing"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error("image-file-too-large")
            .arg("megabytes", (meta.len() / (1024 * 1024)).to_string()));
    }
    let stamp = Stamp::of(&meta);
    let (hash, (width, height, fallback)) = match memo.get(rel, stamp) {
        Some(e) => (e.hash.clone(), (e.width, e.height, e.fallback)),
        None => {
            let bytes = std::fs::read(&path).map_err(|_| Diagnostic::error("image-missing"))?;
            let facts = header(&bytes)?;
            (format!("{:x}", Sha256::digest(&bytes)), facts)
        }
    };
    let entry = stamp.map(|stamp| Entry {
        stamp,
        hash: hash.clone(),
        width,
        height,
        fallback,
    });
    let short = &hash[..16];
    let mut variants = Vec::new();
    for format in [Format::Webp, fallback] {
        for w in widths(width) {
            // Rounded, at least one pixel high.
            let h = ((u64::from(height) * u64::from(w) + u64::from(width) / 2) / u64::from(width))
                .max(1) as u32;
            variants.push(Variant {
                width: w,
                height: h,
                format,
                path: crate::routes::image_variant(short, w, format.ext()),
            });
        }
    }
    let measured = Measured {
        source: rel.to_path_buf(),
        hash,
        width,
        height,
        fallback,
        variants,
        used_at,
    };
    Ok((measured, entry))
}

/// Width and height as shown, and the fallback format, from the header.
fn header(bytes: &[u8]) -> Result<(u32, u32, Format), Diagnostic> {
    let corrupt =
        |e: &dyn std::fmt::Display| Diagnostic::error("image-corrupt").arg("detail", e.to_string());
    let r = reader(bytes).map_err(|e| corrupt(&e))?;
    let source_format = match r.format() {
        Some(f @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => f,
        _ => return Err(Diagnostic::error("image-unsupported")),
    };
    let mut dec = r.into_decoder().map_err(|e| match e {
        image::ImageError::Limits(_) => too_many_pixels(0, 0),
        e => corrupt(&e),
    })?;
    let (w, h) = dec.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(too_many_pixels(w, h));
    }
    if w == 0 || h == 0 {
        return Err(corrupt(&"0 pixels"));
    }
    let o = dec.orientation().unwrap_or(Orientation::NoTransforms);
    let (w, h) = if swaps_sides(o) { (h, w) } else { (w, h) };
    let fallback = match source_format {
        ImageFormat::Png => Format::Png,
        _ if dec.color_type().has_alpha() => Format::Png,
        _ => Format::Jpeg,
    };
    Ok((w, h, fallback))
}

fn too_many_pixels(w: u32, h: u32) -> Diagnostic {
    Diagnostic::error("image-too-many-pixels")
        .arg("width", w.to_string())
        .arg("height", h.to_string())
}

// The memo's effect on measuring (here, so memo.rs does not depend on probe.rs).
#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use crate::diagnostics::SourceFile;
    use std::path::Path;

    fn used_at() -> (SourceFile, std::ops::Range<usize>) {
        (SourceFile::new("content/a.md", ""), 0..0)
    }

    #[test]
    fn a_file_with_its_stamp_is_not_read_and_a_same_size_edit_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let rel = Path::new("x.jpg");
        // Not an image at all: only the memo can measure it.
        std::fs::write(dir.path().join(rel), b"not an image").unwrap();
        let meta = std::fs::metadata(dir.path().join(rel)).unwrap();
        let stamp = Stamp::of(&meta);
        let entry = Entry {
            stamp: stamp.unwrap(),
            hash: "ab".repeat(32),
            width: 800,
            height: 600,
            fallback: Format::Jpeg,
        };
        let mut memo = Memo::default();
        memo.entries.insert(rel.to_path_buf(), entry.clone());
        let (m, e) = measure_file(dir.path(), rel, used_at(), &memo).unwrap();
        assert_eq!(
            (m.hash.as_str(), m.width, m.height),
            (&*"ab".repeat(32), 800, 600)
        );
        assert_eq!(m.variants.len(), 6, "320, 640, 800 in WebP and JPEG");
        assert_eq!(e, Some(entry));

        // Written again, same size, the old modification time put back.
        std::fs::write(dir.path().join(rel), b"not an imagE").unwrap();
        let f = std::fs::File::options()
            .write(true)
            .open(dir.path().join(rel))
            .unwrap();
        f.set_modified(meta.modified().unwrap()).unwrap();
        drop(f);
        let err = measure_file(dir.path(), rel, used_at(), &memo).unwrap_err();
        assert_eq!(
            err.code(),
            "image-unsupported",
            "read, not taken from the memo"
        );
    }
}
