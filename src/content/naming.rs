//! File naming: what a content file's path says about it (kind, slug,
//! language), and which names are valid.

use std::collections::BTreeMap;
use std::path::Path;

use super::Kind;
use crate::toml_input::suggest;
use crate::tool_text::Msg;

/// What a file's path says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileId {
    pub kind: Kind,
    pub slug: String,
    /// `Some(key)` for a translation `<slug>.<key>.md`.
    pub lang: Option<String>,
}

/// Reads kind, slug and language from a path relative to `content/`.
/// Sections may have sub-folders; only the file name makes the slug.
pub fn identify(rel: &Path, languages: &[String]) -> Result<FileId, Msg> {
    let comps: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let Some(name) = comps.last() else {
        return Err(Msg::new("path-empty"));
    };
    let Some(stem) = name.strip_suffix(".md") else {
        return Err(Msg::new("path-not-markdown"));
    };
    let (base, lang) = match stem.rsplit_once('.') {
        Some((b, l)) => {
            if !languages.iter().any(|k| k == l) {
                return Err(Msg::new("path-language-unknown")
                    .arg("lang", l)
                    .arg("name", name.as_str())
                    .arg(
                        "suggestion",
                        suggest(
                            l,
                            languages.iter().map(String::as_str),
                            "what-language-keys",
                        ),
                    ));
            }
            (b, Some(l.to_string()))
        }
        None => (stem, None),
    };
    let kind = if comps.len() == 1 {
        if base == "_index" {
            Kind::Home
        } else {
            return Err(Msg::new("path-directly-in-content").arg("name", name.as_str()));
        }
    } else {
        match Kind::from_folder(&comps[0]) {
            Some(k) => k,
            None => {
                return Err(Msg::new("path-folder-unknown")
                    .arg("folder", comps[0].as_str())
                    .arg(
                        "suggestion",
                        suggest(
                            &comps[0],
                            Kind::SECTIONS.iter().map(|k| k.folder()),
                            "what-folders",
                        ),
                    ));
            }
        }
    };
    if kind != Kind::Home && !valid_slug(base) {
        return Err(Msg::new("path-name-invalid")
            .arg("base", base)
            .arg("example", slugify(base)));
    }
    Ok(FileId {
        kind,
        slug: if kind == Kind::Home {
            String::new()
        } else {
            base.to_string()
        },
        lang,
    })
}

pub fn valid_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A valid slug made from a title or name (help texts, imported files' names).
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'a'..='z' | '0'..='9' => out.push(c),
            _ if !out.ends_with('-') => out.push('-'),
            _ => {}
        }
    }
    out.trim_matches('-').to_string()
}

/// Text folded for comparing what an editor typed with a key or a label:
/// as a slug ([`slugify`]: lower case, ä → ae, ß → ss), but keeping the
/// letters of other scripts (labels in Arabic, Ukrainian, … are compared
/// too), with "und"/"and" left out ("Sprache und Bildung" →
/// "sprache-bildung").
fn fold(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' | 'ö' | 'ü' | 'ß' | 'a'..='z' | '0'..='9' => {
                slug.push_str(&slugify(&c.to_string()))
            }
            c if c.is_alphanumeric() && !c.is_ascii() => slug.push(c),
            _ if !slug.ends_with('-') => slug.push('-'),
            _ => {}
        }
    }
    slug.split('-')
        .filter(|w| !w.is_empty() && !matches!(*w, "und" | "and"))
        .collect::<Vec<_>>()
        .join("-")
}

/// The labels of each taxonomy's terms in every language of the site (from
/// the interface text, e.g. `topics-sprache-bildung`), so that a label
/// typed where the key belongs is recognised in any language. Content does
/// not read interface text: the build passes these in.
#[derive(Debug, Default, Clone)]
pub struct TermLabels(BTreeMap<String, BTreeMap<String, Vec<String>>>);

impl TermLabels {
    /// No labels (editorial commands, which do not load interface text).
    pub const NONE: &'static TermLabels = &TermLabels(BTreeMap::new());

    pub fn add(&mut self, taxonomy: &str, term: &str, label: String) {
        let labels = self
            .0
            .entry(taxonomy.to_string())
            .or_default()
            .entry(term.to_string())
            .or_default();
        if !labels.contains(&label) {
            labels.push(label);
        }
    }

    /// The labels of `term` of `taxonomy`, in every language that has one.
    pub fn of(&self, taxonomy: &str, term: &str) -> Vec<&str> {
        self.0
            .get(taxonomy)
            .and_then(|terms| terms.get(term))
            .map(|l| l.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }
}

/// The key among `candidates` (key, and texts that name it, such as its
/// label) that `typed` most likely means: its folded form equals a key or a
/// text's, differs from one by at most two letters, or has every word of a
/// key at the start of one of its words ("Behördenzusammenarbeit,
/// interkulturelle Öffnung" → `behoerden-oeffnung`).
pub fn meant<'a>(typed: &str, candidates: &[(&'a str, Vec<&str>)]) -> Option<&'a str> {
    let typed = fold(typed);
    if typed.is_empty() {
        return None;
    }
    let words: Vec<&str> = typed.split('-').collect();
    let close = |other: &str| strsim::levenshtein(&typed, &fold(other)) <= 2.min(typed.len() / 4);
    candidates
        .iter()
        .find(|(key, texts)| close(key) || texts.iter().any(|t| close(t)))
        .or_else(|| {
            candidates.iter().find(|(key, _)| {
                key.split('-')
                    .all(|k| words.iter().any(|w| w.starts_with(k)))
            })
        })
        .map(|(key, _)| *key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs() -> Vec<String> {
        vec!["de".into(), "ar".into()]
    }

    fn en(m: Msg) -> String {
        crate::tool_text::ToolText::new(crate::tool_text::Lang::En).get(&m)
    }

    #[test]
    fn identifies_paths() {
        let id = identify(Path::new("offers/sprache/sprachcafe.ar.md"), &langs()).unwrap();
        assert_eq!(
            id,
            FileId {
                kind: Kind::Offer,
                slug: "sprachcafe".into(),
                lang: Some("ar".into())
            }
        );
        assert_eq!(
            identify(Path::new("_index.md"), &langs()).unwrap().kind,
            Kind::Home
        );
        assert!(
            en(identify(Path::new("offers/Sprachcafé.md"), &langs()).unwrap_err())
                .contains("sprachcaf")
        );
        assert!(
            en(identify(Path::new("angebote/x.md"), &langs()).unwrap_err())
                .contains("not a content folder")
        );
        assert!(
            en(identify(Path::new("offers/x.xx.md"), &langs()).unwrap_err())
                .contains("not a language")
        );
    }

    #[test]
    fn meant_keys_are_found_from_labels_and_near_misses() {
        let keys = [
            ("sprache-bildung", vec![]),
            ("behoerden-oeffnung", vec![]),
            ("gefluechtete", vec![]),
            ("linda-blessing", vec!["Linda Blessing"]),
        ];
        for (typed, want) in [
            ("Sprache und Bildung", Some("sprache-bildung")),
            ("Sprache-Bildung", Some("sprache-bildung")),
            ("sprache_bildung", Some("sprache-bildung")),
            (
                "Behördenzusammenarbeit, interkulturelle Öffnung",
                Some("behoerden-oeffnung"),
            ),
            ("Geflüchtete", Some("gefluechtete")),
            ("gefluchtete", Some("gefluechtete")),
            ("Linda Blessing", Some("linda-blessing")),
            ("L. Blessing", None),
            ("Gesundheit", None),
        ] {
            assert_eq!(meant(typed, &keys), want, "{typed}");
        }
    }
}
