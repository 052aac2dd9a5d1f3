//! `wegweiser new offer|event|contact|page SLUG`: a new source file with every
//! field of its kind explained, so editors never start blank.
//!
//! The file is a draft (`draft = true`). What the editor still has to write
//! is marked `TODO: …` ([`placeholders::MARKER`]); a page that is published
//! with such a placeholder is an error. Example values that name something
//! (topics, places, languages, contacts) are taken from the site, so that
//! removing the `#` gives a value that exists; where the site has none, the
//! line says so.

use std::path::{Path, PathBuf};

use crate::config::{SiteConfig, Taxonomy};
use crate::content::naming::valid_slug;
use crate::content::placeholders;
use crate::content::{Kind, schema};
use crate::diagnostics::Diagnostic;
use crate::layout::CONTENT_DIR;

/// The language of a template's comments and placeholders.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TemplateLang {
    /// German, the editors' language (the default).
    #[default]
    De,
    En,
}

/// What a template's examples may name: the site's keys and contacts.
#[derive(Debug, Clone, Default)]
pub struct SiteRefs {
    pub topics: Vec<String>,
    pub audiences: Vec<String>,
    pub places: Vec<String>,
    pub languages: Vec<String>,
    /// Contact slugs (source files in content/contacts/), sorted.
    pub contacts: Vec<String>,
    /// The contacts among them that are organisations.
    pub organizations: Vec<String>,
}

impl SiteRefs {
    /// Reads the site in `root`: keys from site.toml (none if it cannot be
    /// read: then the examples are left out), contacts from their files.
    pub fn read(root: &Path) -> SiteRefs {
        let mut refs = SiteRefs::default();
        if let Ok(config) = SiteConfig::load(root) {
            refs.topics = config.taxonomies.terms(Taxonomy::Topics).to_vec();
            refs.audiences = config.taxonomies.terms(Taxonomy::Audiences).to_vec();
            refs.places = config.taxonomies.terms(Taxonomy::Places).to_vec();
            refs.languages = config.language_keys();
        }
        let dir = root.join(CONTENT_DIR).join(Kind::Contact.folder());
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(slug) = name.strip_suffix(".md").filter(|s| valid_slug(s)) else {
                continue;
            };
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            if text.contains("kind = \"organization\"") {
                refs.organizations.push(slug.to_string());
            }
            refs.contacts.push(slug.to_string());
        }
        refs.contacts.sort();
        refs.organizations.sort();
        refs
    }

    /// The example value of a field that names something, as TOML, or why
    /// there is none; `None` for other fields.
    fn example(&self, field: &str, lang: TemplateLang) -> Option<Result<String, &'static str>> {
        let quoted = |v: &String| format!("\"{v}\"");
        let list = |items: &[String], n: usize, none: [&'static str; 2]| match items {
            [] => Err(pick(lang, none)),
            _ => Ok(format!(
                "[{}]",
                items
                    .iter()
                    .take(n)
                    .map(quoted)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        };
        const NO_KEYS: [&str; 2] = [
            "site.toml nennt noch keine solchen Schlüssel: zuerst dort unter [taxonomies] eintragen",
            "site.toml declares no such keys yet: add them under [taxonomies] first",
        ];
        const NO_CONTACTS: [&str; 2] = [
            "es gibt noch keine Kontakte: zuerst mit `wegweiser new contact NAME` anlegen",
            "there are no contacts yet: create one first with `wegweiser new contact NAME`",
        ];
        // An organisation where there is one, else any contact.
        let orgs = if self.organizations.is_empty() {
            &self.contacts
        } else {
            &self.organizations
        };
        Some(match field {
            "topics" => list(&self.topics, 1, NO_KEYS),
            "audiences" => list(&self.audiences, 1, NO_KEYS),
            "places" => list(&self.places, 1, NO_KEYS),
            "offered_in" | "languages" => list(&self.languages, 2, NO_KEYS),
            "contacts" => list(&self.contacts, 1, NO_CONTACTS),
            "provider" | "organizer" | "organization" => {
                orgs.first().map(quoted).ok_or(pick(lang, NO_CONTACTS))
            }
            _ => return None,
        })
    }
}

/// The German or the English one of two texts.
fn pick(lang: TemplateLang, [de, en]: [&'static str; 2]) -> &'static str {
    match lang {
        TemplateLang::De => de,
        TemplateLang::En => en,
    }
}

/// The placeholder title of a new file of `kind`.
fn title(kind: Kind, lang: TemplateLang) -> String {
    let what = pick(
        lang,
        match kind {
            Kind::Offer => ["Name des Angebots", "name of the offer"],
            Kind::Event => ["Name der Veranstaltung", "name of the event"],
            Kind::Contact => [
                "Vorname Nachname oder Name der Stelle",
                "first and last name, or the name of the organisation",
            ],
            Kind::Location => [
                "Name des Gebäudes oder Raums",
                "name of the building or room",
            ],
            _ => ["Überschrift der Seite", "heading of the page"],
        },
    );
    format!("\"{} {what}\"", placeholders::MARKER)
}

/// The placeholder body of a new file of `kind`.
fn body(kind: Kind, lang: TemplateLang) -> String {
    let text = pick(
        lang,
        match kind {
            Kind::Offer => [
                "Beschreiben Sie das Angebot in kurzen Sätzen: Was ist es, für wen, wie kommt man hin?\n\n## Anmeldung\n\nTODO: So melden Sie sich an …",
                "Describe the offer in short sentences: what it is, for whom, how to get there.\n\n## Registration\n\nTODO: How to register …",
            ],
            Kind::Event => [
                "Worum geht es bei der Veranstaltung? Wer ist eingeladen?",
                "What is the event about? Who is invited?",
            ],
            Kind::Contact => [
                "Wobei kann diese Stelle helfen?",
                "What can this contact help with?",
            ],
            Kind::Location => [
                "Was ist hier? Wie findet man den Eingang?",
                "What is here? How does one find the entrance?",
            ],
            _ => ["Text der Seite.", "The text of the page."],
        },
    );
    format!("{} {text}\n", placeholders::MARKER)
}

/// The text of a new file of `kind`, its comments in `lang`, its examples
/// naming what `refs` holds.
pub fn template(kind: Kind, lang: TemplateLang, refs: &SiteRefs) -> String {
    let mut s = String::from("+++\n");
    s.push_str(pick(lang, [
        "# Zeilen mit # am Anfang sind Erklärungen oder Beispiele: # entfernen, um ein Feld zu nutzen.\n# Alles mit „TODO:“ ist ein Platzhalter: durch den echten Text ersetzen.\n# Wenn der Text fertig ist, `draft = true` entfernen (mit Platzhaltern bricht der Build ab).\n\n",
        "# Lines starting with # are explanations or examples: remove the # to use a field.\n# Everything marked \"TODO:\" is a placeholder: replace it with the real text.\n# Remove `draft = true` when the text is ready (with placeholders left, the build stops).\n\n",
    ]));
    for f in schema::editable(kind, false) {
        let required = match (f.required, lang) {
            (false, _) => "",
            (true, TemplateLang::De) => " (Pflicht)",
            (true, TemplateLang::En) => " (required)",
        };
        let doc = pick(lang, [f.doc_de, f.doc]);
        s.push_str(&format!("# {doc}{required}\n"));
        let example = match (kind, f.name) {
            (_, "draft") => Ok("true".to_string()),
            (_, "title") => Ok(title(kind, lang)),
            _ => refs
                .example(f.name, lang)
                .unwrap_or_else(|| Ok(f.example.to_string())),
        };
        let needed = f.required
            || matches!(
                (kind, f.name),
                (_, "title" | "draft") | (Kind::Event, "start" | "end")
            );
        match example {
            Ok(v) if needed => s.push_str(&format!("{} = {v}\n\n", f.name)),
            Ok(v) => s.push_str(&format!("# {} = {v}\n\n", f.name)),
            Err(why) => s.push_str(&format!("# {} = …   ({why})\n\n", f.name)),
        }
    }
    s.push_str("+++\n");
    s.push_str(&body(kind, lang));
    s
}

/// Writes `content/<folder>/<slug>.md` below `root`, with German comments.
/// Never overwrites.
pub fn create(root: &Path, kind: Kind, slug: &str) -> Result<PathBuf, Diagnostic> {
    create_in(root, kind, slug, TemplateLang::default())
}

/// [`create`] with the template's comments in `lang`.
pub fn create_in(
    root: &Path,
    kind: Kind,
    slug: &str,
    lang: TemplateLang,
) -> Result<PathBuf, Diagnostic> {
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
    let text = template(kind, lang, &SiteRefs::read(root));
    std::fs::write(&path, text).map_err(|e| {
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
        let example = SiteRefs::read(Path::new(env!("CARGO_MANIFEST_DIR")));
        assert!(!example.contacts.is_empty() && !example.organizations.is_empty());
        for refs in [&example, &SiteRefs::default()] {
            for lang in [TemplateLang::De, TemplateLang::En] {
                for kind in Kind::SECTIONS {
                    let text = template(kind, lang, refs);
                    let id = FileId {
                        kind,
                        slug: "neu".into(),
                        lang: None,
                    };
                    let parsed = parse_file(id, SourceFile::new("neu.md", text.clone()))
                        .unwrap_or_else(|e| panic!("{kind:?}: {}", e[0].message()));
                    assert_eq!(parsed.front.draft, Some(true), "{kind:?}");
                    let title = parsed
                        .front
                        .title
                        .map(|t| t.into_inner())
                        .unwrap_or_default();
                    assert!(title.starts_with(placeholders::MARKER), "{title}");
                    // Every field of the kind is mentioned, so editors see all options.
                    for f in schema::editable(kind, false) {
                        assert!(
                            text.contains(&format!("{} = ", f.name)),
                            "{kind:?} lacks {}",
                            f.name
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn examples_name_what_the_site_has_or_say_why_not() {
        let refs = SiteRefs {
            topics: vec!["sprache".into()],
            languages: vec!["de".into(), "ar".into(), "en".into()],
            contacts: vec!["anna".into(), "verein".into()],
            organizations: vec!["verein".into()],
            ..SiteRefs::default()
        };
        let text = template(Kind::Offer, TemplateLang::De, &refs);
        for line in [
            "# topics = [\"sprache\"]",
            "# offered_in = [\"de\", \"ar\"]",
            "# contacts = [\"anna\"]",
            "# provider = \"verein\"",
            "# Kontakt der Organisation, die das Angebot macht",
        ] {
            assert!(text.contains(line), "{line}\n{text}");
        }
        assert!(
            text.contains("# places = …   (site.toml nennt noch keine"),
            "{text}"
        );
        assert!(!text.contains("caritas"), "{text}");
        let text = template(Kind::Event, TemplateLang::En, &SiteRefs::default());
        assert!(
            text.contains("# organizer = …   (there are no contacts yet"),
            "{text}"
        );
    }
}
