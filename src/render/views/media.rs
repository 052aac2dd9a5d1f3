//! The views of the files an item publishes: its documents and its
//! sign-language video.

use serde::Serialize;

use super::Txt;

/// A document to download, as the item page lists it.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    pub url: String,
    pub title: Txt,
    /// The kind of file in capitals (`PDF`, `DOCX`).
    pub kind: String,
    /// Size in the reader's numbers and units ("1,2 MB", "١٫٢ ميغابايت").
    pub size: String,
    /// BCP 47 tag of the document's language (for `hreflang`), if given.
    pub hreflang: Option<String>,
    /// That language's name in the reader's language.
    pub language_name: Option<String>,
    /// The file name readers' browsers save it as.
    pub file_name: String,
}

/// A page's explanation in German Sign Language.
#[derive(Debug, Clone, Serialize)]
pub struct SignLanguageView {
    pub video_url: String,
    pub poster_url: String,
    pub captions_url: Option<String>,
    /// Video file name, for the download link.
    pub file_name: String,
    /// Size and duration in the reader's numbers and words.
    pub size: String,
    pub duration: String,
    /// Duration as ISO 8601 (`PT3S`), for `<time datetime>`.
    pub duration_iso: String,
    pub width: u32,
    pub height: u32,
}
