//! The messages the default language must define. Every language falls back
//! to the default one, so a message it lacks has no text anywhere and
//! readers see its id (`site-title`) instead. Required: what the generator
//! itself uses outside the templates, and every message the theme's templates
//! ask for by name (`t(key="…")`), wherever it is asked for.

use std::collections::BTreeMap;
use std::path::Path;

use super::patterns::Patterns;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::site_folder::{self, Walk};

/// Messages the generator uses outside the templates, whatever the theme:
/// the site's name in the web app manifests and the data files.
const USED_BY_THE_GENERATOR: &[&str] = &["site-title"];

/// Reports every required message that `default` (the default language's
/// patterns) lacks, at the first template line that asks for it.
pub(super) fn check(
    root: &Path,
    theme: &str,
    (lang, dir): (&str, &Path),
    default: &Patterns,
    ds: &mut Diagnostics,
) {
    for id in USED_BY_THE_GENERATOR {
        if !default.has_message(id) {
            ds.push(
                Diagnostic::error("ftl-required-missing")
                    .arg("lang", lang)
                    .arg("id", *id)
                    .at_path(dir),
            );
        }
    }
    for (id, (file, at)) in asked_by_theme(root, theme) {
        if !default.has_message(&id) && !USED_BY_THE_GENERATOR.contains(&id.as_str()) {
            ds.push(
                Diagnostic::error("ftl-theme-asks")
                    .arg("lang", lang)
                    .arg("id", id.as_str())
                    .at(&file, at..at + id.len()),
            );
        }
    }
}

/// Message ids written in `t(key="…")` in the theme's templates, each with
/// the first place (in path order) that asks for it.
fn asked_by_theme(root: &Path, theme: &str) -> BTreeMap<String, (SourceFile, usize)> {
    // The folder `render::templates::THEMES_DIR` names (render comes after i18n).
    let templates = Path::new(crate::layout::THEMES_DIR)
        .join(theme)
        .join(crate::layout::TEMPLATES_DIR);
    let mut out = BTreeMap::new();
    // Refused links and unreadable templates are reported when the
    // templates are loaded.
    let walked = site_folder::walk(root, &templates, Walk::EVERYTHING, &mut Diagnostics::new());
    for rel in walked.into_files() {
        let shown = templates.join(rel);
        let Ok(text) = std::fs::read_to_string(root.join(&shown)) else {
            continue;
        };
        let file = SourceFile::new(shown, text.as_str());
        for (id, at) in literal_keys(&text) {
            out.entry(id.to_string())
                .or_insert_with(|| (file.clone(), at));
        }
    }
    out
}

/// `(id, offset)` of every `t(key="id")` (spaces allowed around `(`, `=`)
/// whose key is a plain string, not an expression like `"a-" ~ kind`.
fn literal_keys(text: &str) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    for (call, _) in text.match_indices("t(") {
        // Not the end of another name (`list(`, `format(`).
        let before = text[..call].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &text[call + 2..];
        let Some(rest) = rest.trim_start().strip_prefix("key") else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix('"') else {
            continue;
        };
        let Some(end) = rest.find('"') else { continue };
        let after = rest[end + 1..].trim_start();
        if after.starts_with(',') || after.starts_with(')') {
            let at = text.len() - rest.len();
            out.push((&rest[..end], at));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_keys_of_t_calls() {
        let text = r#"{{ t(key="site-title") }} {{ t( key = "items-count", count=3) }}
{{ t(key="attendance-" ~ e.attendance) }} {{ list(key="no") }} {{ t(key=name) }}"#;
        let keys: Vec<&str> = literal_keys(text).into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["site-title", "items-count"]);
        let (id, at) = literal_keys(text)[1];
        assert_eq!(&text[at..at + id.len()], "items-count");
    }
}
