//! File naming: what a content file's path says about it (kind, slug,
//! language), and which names are valid.

use std::path::Path;

use super::Kind;
use crate::toml_input::suggest;

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
pub fn identify(rel: &Path, languages: &[String]) -> Result<FileId, String> {
    let comps: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let Some(name) = comps.last() else {
        return Err("empty path".into());
    };
    let Some(stem) = name.strip_suffix(".md") else {
        return Err("not a Markdown file".into());
    };
    let (base, lang) = match stem.rsplit_once('.') {
        Some((b, l)) => {
            if !languages.iter().any(|k| k == l) {
                return Err(format!(
                    "`{l}` in `{name}` is not a language of this site; {}",
                    suggest(l, languages.iter().map(String::as_str), "language keys")
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
            return Err(format!(
                "`{name}` is directly in content/: put it into one of the folders offers/, events/, contacts/ or pages/"
            ));
        }
    } else {
        match Kind::from_folder(&comps[0]) {
            Some(k) => k,
            None => {
                return Err(format!(
                    "`{}` is not a content folder; {}",
                    comps[0],
                    suggest(
                        &comps[0],
                        Kind::SECTIONS.iter().map(|k| k.folder()),
                        "folders"
                    )
                ));
            }
        }
    };
    if kind != Kind::Home && !valid_slug(base) {
        return Err(format!(
            "`{base}` is not a valid file name: use only lower-case letters a-z, digits and -, e.g. `{}`",
            slugify(base)
        ));
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

/// A suggestion for a valid slug (only used in help texts).
fn slugify(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn langs() -> Vec<String> {
        vec!["de".into(), "ar".into()]
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
            identify(Path::new("offers/Sprachcafé.md"), &langs())
                .unwrap_err()
                .contains("sprachcaf")
        );
        assert!(
            identify(Path::new("angebote/x.md"), &langs())
                .unwrap_err()
                .contains("not a content folder")
        );
        assert!(
            identify(Path::new("offers/x.xx.md"), &langs())
                .unwrap_err()
                .contains("not a language")
        );
    }
}
