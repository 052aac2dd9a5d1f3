//! Checks of the files items publish and of BITV 2.0 §4: documents over
//! the size limit, and a home page without its explanations in German Sign
//! Language and in Leichte Sprache.
//!
//! What counts for BITV §4 (see docs/content.md):
//! - sign language: the home page has a `sign_language` video;
//! - Leichte Sprache: the site has an easy-read language (key `ls`, or a
//!   language sharing the default language's tag without hreflang), the home
//!   page is written in it (`content/_index.<key>.md`, not a draft), and that
//!   text links to the accessibility statement (`[legal] accessibility`).

use std::path::Path;

use super::content::field_span;
use crate::content::links::content_link;
use crate::content::media::link_key;
use crate::content::{Item, Kind, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::layout::CONFIG_FILE;

/// Documents larger than `[check] max_document_mb`.
pub fn large_documents(site: &Site, ds: &mut Diagnostics) {
    let max = site.config.check.max_document_mb;
    for item in std::iter::once(&site.home).chain(site.items.values()) {
        let text = item.source_text(&site.config);
        let listed = item.media.documents.iter().map(|d| (&d.file, None));
        let linked = item.media.linked.iter().map(|(w, f)| (f, Some(w)));
        for (f, written) in listed.chain(linked) {
            let mb = f.bytes as f64 / 1e6;
            if mb <= max {
                continue;
            }
            // A link in a body: where the first text making it has it.
            let (text, span) = match written {
                Some(w) => std::iter::once(text)
                    .chain(item.texts.values())
                    .find_map(|t| {
                        let (_, at) = t.links.iter().find(|(dest, _)| link_key(dest) == *w)?;
                        Some((t, at.clone()))
                    })
                    .unwrap_or((text, 0..0)),
                None => (text, field_span(text, "documents")),
            };
            ds.push(
                Diagnostic::warning("document-too-large")
                    .arg("file", f.source.display())
                    .arg("size", format!("{mb:.1}"))
                    .arg("max", format!("{max}"))
                    .at(&text.whole_file(), span),
            );
        }
    }
}

/// BITV 2.0 §4 on the home page, unless `[check] bitv = false`.
pub fn bitv(site: &Site, ds: &mut Diagnostics) {
    let config = &site.config;
    if !config.check.bitv {
        return;
    }
    let home = &site.home;
    let source = home.source_text(config);
    if home.media.sign_language.is_none() {
        ds.push(Diagnostic::warning("bitv-sign-language-missing").in_file(&source.file));
    }
    let default_tag = config.default_lang().tag.clone();
    let easy = config.languages.iter().find(|l| l.key == "ls").or_else(|| {
        config
            .languages
            .iter()
            .find(|l| l.key != config.default_language && l.tag == default_tag && !l.hreflang)
    });
    let Some(easy) = easy else {
        ds.push(
            Diagnostic::warning("bitv-easy-read-language-missing").at_path(Path::new(CONFIG_FILE)),
        );
        return;
    };
    if !explains_in(
        home,
        &easy.key,
        &config.legal.accessibility,
        &config.language_keys(),
    ) {
        let d = Diagnostic::warning("bitv-easy-read-missing")
            .arg("lang", easy.key.as_str())
            .arg("statement", config.legal.accessibility.as_str());
        ds.push(match home.texts.get(&easy.key) {
            Some(t) => d.in_file(&t.file),
            None => d.in_file(&source.file),
        });
    }
}

/// Whether `home` has a finished text in `lang` that links to the page `statement`.
fn explains_in(home: &Item, lang: &str, statement: &str, languages: &[String]) -> bool {
    home.texts.get(lang).is_some_and(|t| {
        t.links.iter().any(|(dest, _)| {
            matches!(content_link(dest, languages), Some(Ok(l)) if l.kind == Kind::Page && l.slug == statement)
        })
    })
}
