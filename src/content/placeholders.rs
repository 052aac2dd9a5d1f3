//! Placeholders: `wegweiser new` writes the text an editor still has to
//! fill in as `TODO: …` (in quoted front-matter values and at the start of
//! body lines). A published page may not contain one; a draft may.

use std::ops::Range;

use super::{Item, Text};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// What marks a placeholder (docs/content.md).
pub const MARKER: &str = "TODO:";

/// Byte ranges of the placeholders in `text`'s file: a front-matter value
/// `key = "TODO: …"` or a line that begins with `TODO:`. Comments
/// (`# …`) are not placeholders.
fn find(text: &Text) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.file.text.split_inclusive('\n') {
        let t = line.trim();
        let value = t
            .split_once('=')
            .map_or(t, |(_, v)| v.trim_start().trim_start_matches('"'));
        if !t.starts_with('#') && (t.starts_with(MARKER) || value.starts_with(MARKER)) {
            let start = offset + (line.len() - line.trim_start().len());
            out.push(start..start + t.len());
        }
        offset += line.len();
    }
    out
}

/// An error for each placeholder in a published item (a warning in a draft,
/// which readers do not see).
pub fn check(item: &Item, ds: &mut Diagnostics) {
    for text in item.texts.values() {
        for at in find(text) {
            ds.push(if item.draft {
                // de: Dieser Entwurf enthält noch Platzhaltertext („TODO: …“)
                Diagnostic::warning("this draft still contains placeholder text (`TODO: …`)")
                    .at(&text.file, at)
                    // de: Platzhalter
                    .label("placeholder")
                    // de: Ersetzen Sie den Platzhalter durch den echten Text, bevor Sie `draft = true` entfernen
                    .help("replace the placeholder with the real text before removing `draft = true`")
            } else {
                // de: Platzhaltertext („TODO: …“) würde veröffentlicht
                Diagnostic::error("placeholder text (`TODO: …`) would be published")
                    .at(&text.file, at)
                    // de: Platzhalter
                    .label("placeholder")
                    // de: Schreiben Sie hier den echten Text, oder setzen Sie `draft = true`, solange die Seite nicht fertig ist
                    .help("write the real text here, or set `draft = true` while the page is not ready")
            });
        }
    }
}
