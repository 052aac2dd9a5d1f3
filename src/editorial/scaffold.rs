//! `wegweiser new offer|event|contact|page SLUG`: a new source file with every
//! field of its kind pre-filled and explained, so editors never start blank.

use std::path::{Path, PathBuf};

use crate::content::naming::valid_slug;
use crate::content::{Kind, schema};
use crate::diagnostics::Diagnostic;
use crate::layout::CONTENT_DIR;

/// The text of a new file of `kind`.
pub fn template(kind: Kind) -> String {
    let mut s = String::from(
        "+++\n# Lines starting with # are explanations or examples: remove the # to use a field.\n# Remove `draft = true` when the text is ready to be published.\n\n",
    );
    for f in schema::allowed(kind, false) {
        let required = if f.required { " (required)" } else { "" };
        s.push_str(&format!("# {}{required}\n", f.doc));
        let example = match (kind, f.name) {
            (_, "draft") => "true",
            (Kind::Contact, "title") => "\"Vorname Nachname\"",
            _ => f.example,
        };
        let needed = f.required
            || matches!(
                (kind, f.name),
                (_, "title" | "draft") | (Kind::Event, "start" | "end")
            );
        if needed {
            s.push_str(&format!("{} = {example}\n\n", f.name));
        } else {
            s.push_str(&format!("# {} = {example}\n\n", f.name));
        }
    }
    s.push_str("+++\n");
    s.push_str(match kind {
        Kind::Offer => "Beschreiben Sie das Angebot in kurzen Sätzen: Was ist es, für wen, wie kommt man hin?\n\n## Anmeldung\n\nSo melden Sie sich an …\n",
        Kind::Event => "Worum geht es bei der Veranstaltung? Wer ist eingeladen?\n",
        Kind::Contact => "Wobei kann diese Stelle helfen?\n",
        _ => "Text der Seite.\n",
    });
    s
}

/// Writes `content/<folder>/<slug>.md` below `root`. Never overwrites.
pub fn create(root: &Path, kind: Kind, slug: &str) -> Result<PathBuf, Diagnostic> {
    if !valid_slug(slug) {
        return Err(Diagnostic::error("new-name-invalid").arg("slug", slug));
    }
    let rel = Path::new(CONTENT_DIR)
        .join(kind.folder())
        .join(format!("{slug}.md"));
    let path = root.join(&rel);
    if path.exists() {
        return Err(Diagnostic::error("new-exists").arg("file", rel.display()));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            Diagnostic::error("cannot-create")
                .arg("file", dir.display())
                .arg("detail", e.to_string())
        })?;
    }
    std::fs::write(&path, template(kind)).map_err(|e| {
        Diagnostic::error("cannot-write")
            .arg("file", rel.display())
            .arg("detail", e.to_string())
    })?;
    Ok(rel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::naming::FileId;
    use crate::content::parse::parse_file;
    use crate::diagnostics::SourceFile;

    #[test]
    fn every_scaffold_parses_and_is_a_draft() {
        for kind in [Kind::Offer, Kind::Event, Kind::Contact, Kind::Page] {
            let text = template(kind);
            let id = FileId {
                kind,
                slug: "neu".into(),
                lang: None,
            };
            let parsed = parse_file(id, SourceFile::new("neu.md", text.clone()))
                .unwrap_or_else(|e| panic!("{kind:?}: {}", e[0].message()));
            assert_eq!(parsed.front.draft, Some(true), "{kind:?}");
            assert!(parsed.front.title.is_some());
            // Every field of the kind is mentioned, so editors see all options.
            for f in schema::allowed(kind, false) {
                assert!(
                    text.contains(&format!("{} = ", f.name)),
                    "{kind:?} lacks {}",
                    f.name
                );
            }
        }
    }
}
