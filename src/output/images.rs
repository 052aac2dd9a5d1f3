//! Encoding the images' variants (planned by [`crate::media`]) with a cache.
//!
//! Each source is decoded once, turned by its EXIF orientation, converted to
//! sRGB when it carries another ICC profile (one in sRGB already is simply
//! dropped), then resized and encoded from the pixels alone: no EXIF, XMP,
//! IPTC or ICC data reaches a variant. WebP (lossy, libwebp) and the
//! fallback (JPEG, or PNG for PNG sources and images with transparency).
//!
//! The cache (`.wegweiser-cache/images/` in the site folder) keeps every
//! variant under the source's content hash, the settings and the encoders'
//! versions: a build encodes only what is not there yet. A cache file is
//! never changed once written (a new one is written under a temporary name
//! and renamed), so the output may hard-link to it ([`Encoded::cached`]).

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, RgbImage, RgbaImage};
use rayon::prelude::*;

use super::{Bytes, OutputFiles};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::media::{Format, Images, Measured, Variant};

/// The cache folder, relative to the site folder.
pub use crate::media::CACHE_DIR;
/// WebP and JPEG quality (0–100).
const QUALITY: u8 = 80;
/// Everything that changes a variant's bytes besides the source: a new
/// value here (settings, encoder versions) makes a new cache entry.
const SETTINGS: &str = "q80-catmullrom-srgb;image-0.25.10;libwebp-sys-0.14;v1";

/// The encoded variants, how many were encoded (not taken from the cache),
/// and the sources that could not be decoded.
#[derive(Debug, Default)]
pub struct Encoded {
    pub files: OutputFiles,
    /// Output file → the cache file with the same bytes, for every variant
    /// the cache holds (the staging folder links to it instead of copying).
    pub cached: BTreeMap<String, PathBuf>,
    pub encoded: usize,
    pub errors: Diagnostics,
}

/// The variants of every image of `images`: from `old` (the previous
/// output) when already there, else from the cache, else encoded (in
/// parallel) and put into the cache.
pub fn produce(root: &Path, images: &Images, old: &OutputFiles) -> Encoded {
    let cache = root.join(CACHE_DIR);
    let encoded = AtomicUsize::new(0);
    let results: Vec<Result<Vec<Made>, Diagnostic>> = images
        .sources()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|m| variants_of(root, &cache, m, old, &encoded))
        .collect();
    let mut out = Encoded::default();
    for r in results {
        match r {
            Ok(made) => {
                for (file, bytes, cached) in made {
                    if let Some(c) = cached {
                        out.cached.insert(file.clone(), c);
                    }
                    out.files.insert(file, bytes);
                }
            }
            Err(d) => out.errors.push(d),
        }
    }
    out.encoded = encoded.into_inner();
    out
}

/// The cache file of a variant.
fn cache_file(cache: &Path, m: &Measured, v: &Variant) -> PathBuf {
    let key = crate::output::offline::combine(&[
        crate::output::offline::page_digest(SETTINGS, m.hash.as_bytes()),
        u64::from(v.width),
    ]);
    cache.join(format!(
        "{}-{key:016x}-{}.{}",
        &m.hash[..16],
        v.width,
        v.format.ext()
    ))
}

/// One variant: output file, bytes, and the cache file holding them (if any).
type Made = (String, Bytes, Option<PathBuf>);

/// The variants of one image.
fn variants_of(
    root: &Path,
    cache: &Path,
    m: &Measured,
    old: &OutputFiles,
    encoded: &AtomicUsize,
) -> Result<Vec<Made>, Diagnostic> {
    let mut files = Vec::with_capacity(m.variants.len());
    let mut missing = Vec::new();
    for v in &m.variants {
        let file = crate::routes::file_for(&v.path);
        let in_cache = cache_file(cache, m, v);
        if let Some(b) = old.get(&file) {
            files.push((file, b.clone(), None));
        } else if let Ok(b) = std::fs::read(&in_cache) {
            files.push((file, b.into(), Some(in_cache)));
        } else {
            missing.push(v);
        }
    }
    if missing.is_empty() {
        return Ok(files);
    }
    let fail = |detail: String| {
        Diagnostic::error("image-corrupt")
            .arg("path", m.source.display().to_string())
            .arg("detail", detail)
            .at(&m.used_at.0, m.used_at.1.clone())
    };
    let bytes = std::fs::read(root.join(&m.source)).map_err(|e| fail(e.to_string()))?;
    let pixels = decode(&bytes).map_err(fail)?;
    // A cache that cannot be written only costs time on the next build.
    let _ = std::fs::create_dir_all(cache);
    let made: Vec<Made> = missing
        .par_iter()
        .map(|v| {
            let b = encode(&pixels, v)?;
            let target = cache_file(cache, m, v);
            let tmp = temporary(&target);
            let stored = std::fs::write(&tmp, &b).is_ok() && std::fs::rename(&tmp, &target).is_ok();
            if !stored {
                let _ = std::fs::remove_file(&tmp);
            }
            encoded.fetch_add(1, Ordering::Relaxed);
            Ok((
                crate::routes::file_for(&v.path),
                b.into(),
                stored.then_some(target),
            ))
        })
        .collect::<Result<_, String>>()
        .map_err(fail)?;
    files.extend(made);
    Ok(files)
}

/// The source's pixels as shown: decoded within the limits, turned by its
/// EXIF orientation, in sRGB, 8 bits per channel.
fn decode(bytes: &[u8]) -> Result<DynamicImage, String> {
    let reader = crate::media::probe::reader(bytes).map_err(|e| e.to_string())?;
    let mut dec = reader.into_decoder().map_err(|e| e.to_string())?;
    let icc = dec.icc_profile().ok().flatten();
    let orientation = dec
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(dec).map_err(|e| e.to_string())?;
    img.apply_orientation(orientation);
    let img = if img.color().has_alpha() {
        DynamicImage::ImageRgba8(img.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(img.into_rgb8())
    };
    Ok(match icc {
        Some(p) => to_srgb(img, &p),
        None => img,
    })
}

/// Pixels in the colour space of ICC profile `icc`, converted to sRGB. A
/// profile that cannot be read is taken for sRGB (what browsers assume of
/// an image without one).
fn to_srgb(img: DynamicImage, icc: &[u8]) -> DynamicImage {
    use moxcms::{ColorProfile, Layout, TransformOptions};
    let Ok(src) = ColorProfile::new_from_slice(icc) else {
        return img;
    };
    let srgb = ColorProfile::new_srgb();
    let layout = if img.color().has_alpha() {
        Layout::Rgba
    } else {
        Layout::Rgb
    };
    let Ok(t) = src.create_transform_8bit(layout, &srgb, layout, TransformOptions::default())
    else {
        return img;
    };
    let mut out = vec![0u8; img.as_bytes().len()];
    if t.transform(img.as_bytes(), &mut out).is_err() {
        return img;
    }
    let (w, h) = (img.width(), img.height());
    let converted = match layout {
        Layout::Rgba => RgbaImage::from_raw(w, h, out).map(DynamicImage::ImageRgba8),
        _ => RgbImage::from_raw(w, h, out).map(DynamicImage::ImageRgb8),
    };
    converted.unwrap_or(img)
}

/// One variant's bytes.
fn encode(img: &DynamicImage, v: &Variant) -> Result<Vec<u8>, String> {
    let resized = if v.width == img.width() && v.height == img.height() {
        img.clone()
    } else {
        img.resize_exact(v.width, v.height, FilterType::CatmullRom)
    };
    let mut out = Vec::new();
    match v.format {
        Format::Webp => {
            let enc = match &resized {
                DynamicImage::ImageRgba8(p) => webp::Encoder::from_rgba(p, v.width, v.height),
                _ => webp::Encoder::from_rgb(resized.as_bytes(), v.width, v.height),
            };
            let mem = enc
                .encode_simple(false, f32::from(QUALITY))
                .map_err(|e| format!("{e:?}"))?;
            out.extend_from_slice(&mem);
        }
        Format::Jpeg => {
            let rgb = resized.to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut Cursor::new(&mut out), QUALITY)
                .encode_image(&rgb)
                .map_err(|e| e.to_string())?;
        }
        Format::Png => {
            resized
                .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(out)
}

/// The name a cache file is written under before it is renamed: the whole
/// name plus a suffix, because the WebP and JPEG variants of one width
/// differ only in their extension and are encoded at the same time.
fn temporary(target: &std::path::Path) -> std::path::PathBuf {
    let mut tmp = target.as_os_str().to_owned();
    tmp.push(format!(".tmp{}", std::process::id()));
    tmp.into()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_variants_of_one_width_are_written_under_different_temporary_names() {
        let webp = super::temporary(std::path::Path::new("c/ab12-320.webp"));
        let jpg = super::temporary(std::path::Path::new("c/ab12-320.jpg"));
        assert_ne!(webp, jpg);
        assert!(webp.to_string_lossy().starts_with("c/ab12-320.webp.tmp"));
    }
}
