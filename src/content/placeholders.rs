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
    lines_with_markers(&text.file.text, 0, &mut out);
    // A shed text holds its front matter only: its body is read again,
    // unless known from an earlier build (then it has none).
    if text.on_disk.as_ref().is_some_and(|d| !d.is_known()) {
        text.with_body(|body| lines_with_markers(body, text.body.start, &mut out));
    }
    out
}

/// The placeholders of `lines` (which start at byte `offset` of the file).
fn lines_with_markers(lines: &str, mut offset: usize, out: &mut Vec<Range<usize>>) {
    // Every placeholder has the marker: most texts have none, and one
    // search of the whole text is far cheaper than looking at each line.
    if !lines.contains(MARKER) {
        return;
    }
    for line in lines.split_inclusive('\n') {
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
}

/// An error for each placeholder in a published item (a warning in a draft,
/// which readers do not see).
pub fn check(item: &Item, ds: &mut Diagnostics) {
    for text in item.texts.values() {
        let found = find(text);
        if found.is_empty() {
            continue;
        }
        // (A shed body's lines are in the whole file.)
        let file = text.whole_file();
        for at in found {
            let id = if item.draft {
                "placeholder-in-draft"
            } else {
                "placeholder-published"
            };
            let d = if item.draft {
                Diagnostic::warning(id)
            } else {
                Diagnostic::error(id)
            };
            ds.push(d.at(&file, at));
        }
    }
}
