//! Reading one content file: refused if too large, not UTF-8 or holding a
//! NUL byte; cleaned as the site holds text (`text::content_as_held`) and
//! parsed (`parse.rs`). Its digest, as read, is noted for the build manifest.

use std::path::{Path, PathBuf};

use super::naming::FileId;
use super::parse::{ParsedFile, parse_file};
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::layout::CONTENT_DIR;

/// A file that could not be parsed: its identity, if its name was valid, and why.
pub(super) type ParseFailure = (Option<FileId>, Vec<Diagnostic>);

/// The digests [`super::load::LoadOptions::digests`] collects (from many threads).
pub type Digests = std::sync::Mutex<Vec<(PathBuf, String)>>;

/// Content files larger than this are refused (a guide's page is a few KB;
/// 10 MB is far beyond any real one and keeps every stage's memory bounded).
pub const MAX_FILE_BYTES: u64 = 10_000_000;

/// Reads and parses the content file `rel`, named as `id`; notes the
/// digest of its bytes in `digests`, if given.
pub(super) fn read_and_parse_identified(
    root: &Path,
    rel: &Path,
    id: FileId,
    digests: Option<&Digests>,
) -> Result<ParsedFile, ParseFailure> {
    let shown = Path::new(CONTENT_DIR).join(rel);
    let fail = |d: Diagnostic| (Some(id.clone()), vec![d]);
    let path = root.join(CONTENT_DIR).join(rel);
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(fail(
            Diagnostic::error("content-file-too-large")
                .arg("size", format!("{:.1}", size as f64 / 1e6))
                .arg("max", MAX_FILE_BYTES / 1_000_000)
                .at_path(&shown),
        ));
    }
    let bytes = std::fs::read(&path).map_err(|e| {
        fail(
            Diagnostic::error("content-file-unreadable")
                .arg("detail", e.to_string())
                .at_path(&shown),
        )
    })?;
    if let Some(d) = digests {
        let digest = crate::digest::digest(&bytes);
        // A poisoned lock: a loading thread panicked; the list is still whole.
        d.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((rel.to_path_buf(), digest));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            // Show where the first bad byte is: the valid part before it is text.
            let good = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let mut shown_text = String::from_utf8_lossy(&bytes[..good]).into_owned();
            shown_text.push('\u{FFFD}');
            let file = SourceFile::new(shown.clone(), shown_text);
            return Err(fail(
                Diagnostic::error("content-not-utf8").at(&file, good..good + 3),
            ));
        }
    };
    if let Some(nul) = text.find('\0') {
        let file = SourceFile::new(shown.clone(), text.clone());
        return Err(fail(
            Diagnostic::error("content-nul").at(&file, nul..nul + 1),
        ));
    }
    let text = crate::text::content_as_held(text);
    parse_file(id.clone(), SourceFile::new(shown, text)).map_err(|ds| (Some(id), ds))
}
