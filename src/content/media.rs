//! Files an item offers besides its text: documents (front matter
//! `documents` and Markdown links to `.pdf`, `.docx` … files) and the
//! sign-language video of a page (`sign_language`). [`gather`] finds each
//! file in the site folder (beside the content file, or below `static/`),
//! reads its size and, for a video, its duration, resolution and frame rate.
//! Where a file is published is the URL scheme's business (`routes::media_file`).

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use super::parse::ParsedFile;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::layout::{CONTENT_DIR, STATIC_DIR};

mod video;

pub use video::{VideoInfo, probe};

/// File endings a Markdown link is read as a document by (published with
/// the item and listed with its size).
pub const DOCUMENT_EXTENSIONS: &[&str] = &[
    "pdf", "doc", "docx", "odt", "ods", "odp", "xls", "xlsx", "ppt", "pptx", "rtf", "epub", "zip",
];

/// File endings that may lie in `content/` beside the Markdown files
/// (documents, videos, their posters and captions).
const MEDIA_EXTENSIONS: &[&str] = &["mp4", "m4v", "vtt", "jpg", "jpeg", "png", "webp", "avif"];

/// BITV 2.0 Anlage 2: the least a sign-language video must offer.
pub const BITV_MIN_WIDTH: u32 = 320;
pub const BITV_MIN_HEIGHT: u32 = 240;
pub const BITV_MIN_FPS: f64 = 25.0;

/// One file published with an item.
#[derive(Debug, Clone, PartialEq)]
pub struct MediaFile {
    /// Where it is, relative to the site root (`content/offers/flyer.pdf`).
    pub source: PathBuf,
    /// Its name at its published address.
    pub name: String,
    /// Its size in bytes.
    pub bytes: u64,
}

impl MediaFile {
    /// The file's ending in lower case (`pdf`), empty if it has none.
    pub fn extension(&self) -> String {
        Path::new(&self.name)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default()
    }
}

/// A document listed in front matter.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub file: MediaFile,
    /// The link text, as written in the source file.
    pub title: String,
    /// Language key or BCP 47 code of the document (`ar`), if given.
    pub language: Option<String>,
}

/// A page's explanation in German Sign Language.
#[derive(Debug, Clone, PartialEq)]
pub struct SignLanguage {
    pub video: MediaFile,
    pub poster: MediaFile,
    /// WebVTT captions, if any.
    pub captions: Option<MediaFile>,
    /// What the video file says about itself.
    pub info: VideoInfo,
}

/// Everything an item publishes besides its pages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Media {
    pub documents: Vec<Document>,
    pub sign_language: Option<SignLanguage>,
    /// Files linked from a body, by the address as written (without
    /// `#fragment`): the renderer points those links at the published copy.
    pub linked: BTreeMap<String, MediaFile>,
}

impl Media {
    /// Every file to publish, each once, by name.
    pub fn files(&self) -> BTreeMap<&str, &MediaFile> {
        let mut all = BTreeMap::new();
        let sl = self.sign_language.iter();
        let sign = sl.flat_map(|s| [Some(&s.video), Some(&s.poster), s.captions.as_ref()]);
        for f in self
            .documents
            .iter()
            .map(|d| &d.file)
            .chain(sign.flatten())
            .chain(self.linked.values())
        {
            all.entry(f.name.as_str()).or_insert(f);
        }
        all
    }
}

/// Whether `rel` (a file in `content/`) is a document or media file, which
/// may lie beside the Markdown files.
pub fn is_media_file(rel: &Path) -> bool {
    rel.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| {
            DOCUMENT_EXTENSIONS.contains(&e.as_str()) || MEDIA_EXTENSIONS.contains(&e.as_str())
        })
}

/// Whether a Markdown link address points at a document of the site (a
/// relative or site path ending in one of [`DOCUMENT_EXTENSIONS`]).
pub fn is_document_link(dest: &str) -> bool {
    if super::links::scheme(dest).is_some() || dest.starts_with("//") {
        return false;
    }
    let path = link_path(dest);
    Path::new(&path)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| DOCUMENT_EXTENSIONS.contains(&e.as_str()))
}

/// The path part of a link address: without `#fragment` or `?query`,
/// percent-escapes decoded.
pub fn link_path(dest: &str) -> String {
    let end = dest.find(['#', '?']).unwrap_or(dest.len());
    percent_encoding::percent_decode_str(&dest[..end])
        .decode_utf8_lossy()
        .into_owned()
}

/// Finds and reads the files the item's files (`files`: its source and
/// translations) name. Every problem is reported at the place it is written.
pub fn gather(root: &Path, files: &[ParsedFile], ds: &mut Diagnostics) -> Media {
    let mut media = Media::default();
    let mut names: BTreeMap<String, PathBuf> = BTreeMap::new();
    for p in files {
        let mut find = |written: &str, span: Range<usize>, missing: bool, ds: &mut Diagnostics| {
            let f = find(root, &p.file, written, span.clone(), missing, ds)?;
            match names.get(&f.name) {
                Some(other) if *other != f.source => {
                    ds.push(
                        Diagnostic::error("media-name-clash")
                            .arg("name", f.name.as_str())
                            .arg("other", other.display())
                            .at(&p.file, span),
                    );
                    None
                }
                _ => {
                    names.insert(f.name.clone(), f.source.clone());
                    Some(f)
                }
            }
        };
        for d in p.front.documents.iter().flatten() {
            let language = d.language.as_ref().and_then(|l| {
                let ok = valid_language(l.get_ref());
                if !ok {
                    ds.push(
                        p.error_at(l.span(), "document-language-invalid")
                            .arg("code", l.get_ref().as_str()),
                    );
                }
                ok.then(|| l.get_ref().clone())
            });
            if let Some(file) = find(d.file.get_ref(), p.span(d.file.span()), true, ds) {
                media.documents.push(Document {
                    file,
                    title: d.title.get_ref().trim().to_string(),
                    language,
                });
            }
        }
        if let Some(s) = &p.front.sign_language {
            let s = s.get_ref();
            let video = find(s.video.get_ref(), p.span(s.video.span()), true, ds);
            let poster = find(s.poster.get_ref(), p.span(s.poster.span()), true, ds);
            let captions = s
                .captions
                .as_ref()
                .map(|c| find(c.get_ref(), p.span(c.span()), true, ds));
            let span = p.span(s.video.span());
            let info = video
                .as_ref()
                .and_then(|v| inspect(root, v, &p.file, span, ds));
            // Captions named but not found: reported, and no video shown.
            let captions_ok = !matches!(captions, Some(None));
            if let (Some(video), Some(poster), Some(info), true) =
                (video, poster, info, captions_ok)
            {
                media.sign_language = Some(SignLanguage {
                    video,
                    poster,
                    captions: captions.flatten(),
                    info,
                });
            }
        }
        for (dest, span) in p.links.iter() {
            if is_document_link(dest)
                && !media.linked.contains_key(&link_key(dest))
                // A link to a file that is not there is left to `check`'s
                // link check (an error there, as for any missing file).
                && let Some(f) = find(&link_path(dest), span.clone(), false, ds)
            {
                media.linked.insert(link_key(dest), f);
            }
        }
    }
    media
}

/// The key of a body link in [`Media::linked`]: the address without its fragment.
pub fn link_key(dest: &str) -> String {
    dest.split('#').next().unwrap_or(dest).to_string()
}

/// A language code as BCP 47 writes it: letters, digits and hyphens, starting with two or three letters.
fn valid_language(code: &str) -> bool {
    let first = code.split('-').next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The video's facts, read from the file; a video below what BITV asks for
/// is a warning, one that cannot be read an error.
fn inspect(
    root: &Path,
    video: &MediaFile,
    file: &SourceFile,
    span: Range<usize>,
    ds: &mut Diagnostics,
) -> Option<VideoInfo> {
    match probe(&root.join(&video.source)) {
        Ok(info) => {
            if info.width < BITV_MIN_WIDTH
                || info.height < BITV_MIN_HEIGHT
                || info.frames_per_second + 0.01 < BITV_MIN_FPS
            {
                ds.push(
                    Diagnostic::warning("video-below-bitv")
                        .arg("width", info.width.to_string())
                        .arg("height", info.height.to_string())
                        .arg("fps", format!("{:.0}", info.frames_per_second))
                        .at(file, span),
                );
            }
            Some(info)
        }
        Err(detail) => {
            ds.push(
                Diagnostic::error("video-unreadable")
                    .arg("file", video.source.display())
                    .arg("detail", detail)
                    .at(file, span),
            );
            None
        }
    }
}

/// Finds the file `written` names, relative to the content file `from` (or,
/// written as `/x.pdf` or not found there, in `static/`). A file that is
/// not there is an error if `missing` says so.
fn find(
    root: &Path,
    from: &SourceFile,
    written: &str,
    span: Range<usize>,
    missing: bool,
    ds: &mut Diagnostics,
) -> Option<MediaFile> {
    let written = written.trim();
    if written.contains("://") || written.starts_with("//") {
        ds.push(
            Diagnostic::error("media-not-self-hosted")
                .arg("file", written)
                .at(from, span),
        );
        return None;
    }
    let beside = from.path.parent().unwrap_or(Path::new(CONTENT_DIR));
    let candidates: Vec<Option<PathBuf>> = match written.strip_prefix('/') {
        Some(abs) => vec![normalized(&Path::new(STATIC_DIR).join(abs))],
        None => vec![
            normalized(&beside.join(written)),
            normalized(&Path::new(STATIC_DIR).join(written)),
        ],
    };
    let inside = |p: &PathBuf| p.starts_with(CONTENT_DIR) || p.starts_with(STATIC_DIR);
    if written.is_empty()
        || !candidates
            .first()
            .is_some_and(|c| c.as_ref().is_some_and(inside))
    {
        ds.push(
            Diagnostic::error("media-outside")
                .arg("file", written)
                .at(from, span),
        );
        return None;
    }
    for rel in candidates.into_iter().flatten().filter(inside) {
        if let Err(d) = crate::site_folder::check_path(root, &rel) {
            ds.push(d);
            return None;
        }
        if let Ok(meta) = std::fs::metadata(root.join(&rel))
            && meta.is_file()
        {
            let name = rel
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            return Some(MediaFile {
                source: rel,
                name,
                bytes: meta.len(),
            });
        }
    }
    if !missing {
        return None;
    }
    ds.push(
        Diagnostic::error("media-missing")
            .arg("file", written)
            .arg("folder", beside.display())
            .at(from, span),
    );
    None
}

/// `path` with `.` and `..` resolved without touching the disk; `None` if
/// it climbs above the site folder.
fn normalized(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_links_are_relative_files_with_a_document_ending() {
        assert!(is_document_link("flyer-ar.pdf"));
        assert!(is_document_link("../docs/Antrag%20neu.DOCX#seite=2"));
        assert!(is_document_link("/formulare/antrag.odt"));
        assert!(!is_document_link("https://example.org/flyer.pdf"));
        assert!(!is_document_link("//example.org/flyer.pdf"));
        assert!(!is_document_link("offers/sprachcafe.md"));
        assert!(!is_document_link("mailto:a@b.de"));
        assert_eq!(link_path("Antrag%20neu.pdf#x"), "Antrag neu.pdf");
    }

    #[test]
    fn paths_may_not_climb_out_of_the_site() {
        assert_eq!(
            normalized(Path::new("content/offers/../flyer.pdf")),
            Some(PathBuf::from("content/flyer.pdf"))
        );
        assert_eq!(normalized(Path::new("content/../../etc/passwd")), None);
        assert!(valid_language("ar"));
        assert!(valid_language("fa-AF"));
        assert!(!valid_language("arabisch"));
        assert!(!valid_language("a r"));
    }
}
