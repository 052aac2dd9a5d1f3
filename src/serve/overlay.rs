//! What the preview's error overlay shows, in the tool's language: the
//! problems of a failed build and the overlay's own labels (title, the
//! words for error and warning, where a problem is, the close button),
//! sent together as one JSON object to `live.js`.

use serde::Serialize;

use crate::diagnostics::{DiagnosticRecord, Diagnostics};
use crate::tool_text::ToolText;

/// The overlay's own words.
#[derive(Debug, Serialize)]
pub struct Labels {
    /// The language of the labels and of the problems' text.
    pub lang: &'static str,
    pub title: String,
    pub error: String,
    pub warning: String,
    /// `{file}`, `{line}` and `{column}` stand for the place of a problem.
    pub at: String,
    pub close: String,
}

impl Labels {
    pub fn new(t: &ToolText) -> Labels {
        Labels {
            lang: t.lang().key(),
            title: t.say("overlay-title", &[]),
            error: t.say("overlay-error", &[]),
            warning: t.say("overlay-warning", &[]),
            at: t.say(
                "overlay-at",
                &[
                    ("file", "{file}".into()),
                    ("line", "{line}".into()),
                    ("column", "{column}".into()),
                ],
            ),
            close: t.say("overlay-close", &[]),
        }
    }
}

#[derive(Serialize)]
struct Overlay {
    labels: Labels,
    problems: Vec<DiagnosticRecord>,
}

/// The JSON of the `errors` event: `{"labels": {…}, "problems": [{…}]}`.
pub fn json(ds: &Diagnostics, t: &ToolText) -> String {
    let overlay = Overlay {
        labels: Labels::new(t),
        problems: ds.records_in(t),
    };
    // Plain strings and numbers: serialising cannot fail.
    serde_json::to_string(&overlay).unwrap_or_default()
}

/// The page shown for every page while the first build has failed: it
/// loads the live-reload script, which lays the problems over it and
/// reloads once they are fixed.
pub fn broken_page(t: &ToolText) -> String {
    format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
<title>{}</title></head><body><p>{}</p></body></html>",
        t.lang().key(),
        t.say("overlay-broken-title", &[]),
        t.say("overlay-broken-text", &[])
    )
}
