//! `wegweiser cms`: a configuration for Sveltia CMS (a Git-based editor UI
//! that runs as one static page), generated from the content schema
//! ([`crate::content::schema::FIELDS`]) and site.toml.
//!
//! - One folder collection per kind (offers, events, contacts, pages), files
//!   `content/<kind>/<slug>.md` with TOML front matter between `+++` lines
//!   (`format: toml-frontmatter`).
//! - Translations: `i18n.structure: multiple_files` (`<slug>.<lang>.md`) with
//!   `omit_default_locale_from_file_path`, so the German source stays
//!   `<slug>.md`. Translatable fields (schema scope Text/Both, and the body)
//!   have `i18n: true`; all other fields have no `i18n` option, so the CMS keeps
//!   them in the source file only — a translation holding them is an error in
//!   Wegweiser. The bookkeeping fields of translations (`source_hash`,
//!   `machine_translated`, `reviewed`) are hidden fields, so the CMS keeps
//!   them; `wegweiser-cms.js` stamps `source_hash` on a translation saved
//!   without one (see that file). `i18n.initial_locales: default`: a new
//!   entry starts in German only; the editor adds languages one by one.
//! - `wegweiser-cms.js` (beside the admin page) also writes the files in
//!   Wegweiser's TOML: dates unquoted, all-day events with dates only.
//! - Widgets are derived from each field's example value (text, yes/no, date,
//!   date and time, number, list), with choices for taxonomy keys (labelled
//!   from `locales/<default>/*.ftl`), languages, and fixed values, and
//!   relations for contact references.
//!
//! The configuration is JSON, which every YAML parser reads (YAML 1.2 is a
//! superset of JSON), written to `config.yml` beside an `index.html` that
//! loads the CMS script from the same folder — no third-party request.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::config::{SiteConfig, Taxonomy};
use crate::content::Kind;
use crate::content::schema::{self, FieldSpec, Scope};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::messages::Messages;
use crate::layout::{CONTENT_DIR, STATIC_DIR};

/// The Sveltia CMS release the configuration is written and tested for.
pub const SVELTIA_VERSION: &str = "0.221.1";
/// File name of the CMS script beside `index.html`, installed from npm by
/// `scripts/install-editor` (pinned in `editor/package.json`).
pub const SCRIPT: &str = "sveltia-cms.js";
/// File name of Wegweiser's additions to the CMS, written by [`write`].
pub const HELPER: &str = "wegweiser-cms.js";
/// File name of Immutable.js beside `index.html`, copied from the CMS's own
/// npm dependency by `scripts/install-editor`.
pub const IMMUTABLE: &str = "immutable.es.js";
/// The admin page's import map: Sveltia CMS loads Immutable.js (which its
/// event hooks, and so [`HELPER`]'s `preSave` hook, need) from unpkg.com at
/// this address; the map serves it from the same folder instead, so the
/// editor makes no third-party request for it. The address changes with
/// the Sveltia release ([`SVELTIA_VERSION`]); the admin page's CSP
/// (`output::headers::ADMIN_CSP`) allows this inline script by its SHA-256,
/// which the CMS browser test (tests/browser/cms.test.js) checks.
pub const IMPORT_MAP: &str =
    r#"{"imports":{"https://unpkg.com/immutable@5.1.9/dist/immutable.es.js":"./immutable.es.js"}}"#;

/// Where `wegweiser cms` writes unless told otherwise (relative to the site
/// folder): `static/admin`, so every build publishes the editor at `/admin/`.
pub fn default_out() -> PathBuf {
    Path::new(STATIC_DIR).join("admin")
}

/// Where the editor stores its changes.
#[derive(Debug, Clone)]
pub struct Backend {
    /// `github`, `gitlab`, `gitea` or `test-repo`.
    pub name: String,
    /// `owner/name` of the repository.
    pub repo: String,
    pub branch: String,
}

/// German labels of the fields, for the editors. Fields not listed here show
/// their name.
const LABELS: &[(&str, &str)] = &[
    ("title", "Titel"),
    ("summary", "Kurzbeschreibung"),
    ("draft", "Entwurf (nicht veröffentlichen)"),
    ("updated", "Zuletzt geändert"),
    ("topics", "Themen"),
    ("audiences", "Zielgruppen"),
    ("places", "Orte"),
    ("offered_in", "Angeboten in den Sprachen"),
    ("contacts", "Ansprechpersonen"),
    ("provider", "Träger"),
    ("organizer", "Veranstalter"),
    ("address", "Adresse"),
    ("geo", "Koordinaten (Breite, Länge)"),
    ("schedule", "Zeiten"),
    ("cost", "Kosten"),
    ("childcare", "Kinderbetreuung"),
    ("accessible", "Barrierefrei"),
    ("registration_url", "Anmeldung (Webadresse)"),
    ("website", "Webseite"),
    ("review_by", "Prüfen bis"),
    ("start", "Beginn"),
    ("end", "Ende"),
    ("all_day", "Ganztägig"),
    ("sessions", "Termine mit eigenen Zeiten"),
    ("repeat", "Wiederholung"),
    ("repeat_on", "Wochentage"),
    ("repeat_week", "Woche im Monat"),
    ("repeat_interval", "Abstand"),
    ("repeat_until", "Wiederholen bis"),
    ("except", "Ausfalltage"),
    ("online_url", "Online-Treffen (Webadresse)"),
    ("attendance", "Teilnahme"),
    ("location", "Ort (Name)"),
    ("kind", "Art"),
    ("role", "Funktion"),
    ("organization", "Organisation"),
    ("phone", "Telefon"),
    ("email", "E-Mail"),
    ("office_hours", "Sprechzeiten"),
    ("opening_hours", "Öffnungszeiten"),
    ("archived", "Archiviert (bewusst im Archiv behalten)"),
    (
        "source_hash",
        "Fassung des deutschen Textes (wird automatisch gesetzt)",
    ),
    ("machine_translated", "Maschinell übersetzt"),
    ("reviewed", "Übersetzung geprüft"),
    ("languages", "Gesprochene Sprachen"),
    ("at", "Ort (aus den Orten)"),
    ("opening_hours", "Öffnungszeiten"),
    ("closed", "Geschlossen (Zeiträume)"),
    ("appointment_url", "Terminbuchung (Webadresse)"),
    ("appointment_only", "Nur mit Termin"),
    ("accessibility", "Barrierefreiheit"),
    ("accessibility_note", "Hinweis zur Barrierefreiheit"),
    ("transit", "Anfahrt mit Bus und Bahn"),
    ("image", "Bild (Datei)"),
    ("image_alt", "Bildbeschreibung (Alternativtext)"),
    ("image_decorative", "Bild schmückt nur"),
    ("image_credit", "Bildnachweis"),
    ("documents", "Dokumente zum Herunterladen"),
    ("sign_language", "Erklärung in Gebärdensprache (Video)"),
    ("import_source", "Übernommen aus (wird automatisch gesetzt)"),
    (
        "import_uid",
        "Kennung in der Quelle (wird automatisch gesetzt)",
    ),
    (
        "import_hash",
        "Fassung beim Import (wird automatisch gesetzt)",
    ),
];

/// Values of a field with their German labels: `[(value, label)]`.
type Options = &'static [(&'static str, &'static str)];

/// Fixed choices of some fields: `(field, kind of content, options)` (a
/// contact's `kind` and a location's `kind` differ).
const CHOICES: &[(&str, Kind, Options)] = &[
    (
        "kind",
        Kind::Contact,
        &[("person", "Person"), ("organization", "Organisation")],
    ),
    (
        "kind",
        Kind::Location,
        &[
            ("place", "Ort (allgemein)"),
            ("office", "Dienststelle einer Behörde"),
            ("school", "Schule oder Volkshochschule"),
        ],
    ),
    (
        "repeat",
        Kind::Event,
        &[("weekly", "wöchentlich"), ("monthly", "monatlich")],
    ),
    (
        "attendance",
        Kind::Event,
        &[
            ("in-person", "vor Ort"),
            ("online", "online"),
            ("hybrid", "vor Ort und online"),
        ],
    ),
    (
        "repeat_on",
        Kind::Event,
        &[
            ("monday", "Montag"),
            ("tuesday", "Dienstag"),
            ("wednesday", "Mittwoch"),
            ("thursday", "Donnerstag"),
            ("friday", "Freitag"),
            ("saturday", "Samstag"),
            ("sunday", "Sonntag"),
        ],
    ),
];

/// Fields that name contacts.
const CONTACT_REFS: &[&str] = &["contacts", "provider", "organizer", "organization"];

fn collection_label(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Offer => ("Angebote", "Angebot"),
        Kind::Event => ("Veranstaltungen", "Veranstaltung"),
        Kind::Contact => ("Kontakte", "Kontakt"),
        Kind::Page => ("Seiten", "Seite"),
        Kind::Location => ("Orte", "Ort"),
        Kind::Home => ("Startseite", "Startseite"),
    }
}

fn options(pairs: impl IntoIterator<Item = (String, String)>) -> Value {
    Value::Array(
        pairs
            .into_iter()
            .map(|(value, label)| json!({ "label": label, "value": value }))
            .collect(),
    )
}

/// The kind of TOML value a field's example holds.
enum Example {
    String,
    Bool,
    Integer,
    Float,
    Date,
    DateTime,
    Strings,
    Floats,
    Dates,
    /// An array of tables: the keys of the first, with their examples.
    Tables(Vec<(String, Example)>),
}

/// `src`: the example as written, to keep the keys of tables in its order.
fn example_kind(v: &toml::Value, src: &str) -> Example {
    match v {
        toml::Value::String(_) => Example::String,
        toml::Value::Boolean(_) => Example::Bool,
        toml::Value::Integer(_) => Example::Integer,
        toml::Value::Float(_) => Example::Float,
        toml::Value::Datetime(d) if d.time.is_none() => Example::Date,
        toml::Value::Datetime(_) => Example::DateTime,
        toml::Value::Array(a) => match a.first() {
            Some(toml::Value::Float(_)) => Example::Floats,
            Some(toml::Value::Datetime(_)) => Example::Dates,
            Some(toml::Value::Table(t)) => {
                let mut keys: Vec<(String, Example)> = t
                    .iter()
                    .map(|(k, v)| (k.clone(), example_kind(v, src)))
                    .collect();
                keys.sort_by_key(|(k, _)| src.find(&format!("{k} =")).unwrap_or(usize::MAX));
                Example::Tables(keys)
            }
            _ => Example::Strings,
        },
        toml::Value::Table(_) => Example::Strings,
    }
}

/// Reads a field's example (`"\"x\""`, `2026-02-05T18:00`, `[…]`) as TOML.
fn parse_example(spec: &FieldSpec) -> Option<toml::Value> {
    let t: toml::Table = toml::from_str(&format!("v = {}", spec.example)).ok()?;
    t.get("v").cloned()
}

/// Widget settings for an example kind (without name, label and i18n).
fn widget_for(example: &Example, name: &str) -> Value {
    match example {
        Example::String if name == "summary" => json!({ "widget": "text" }),
        Example::String if name.ends_with("url") || name == "website" => {
            json!({ "widget": "string", "type": "url" })
        }
        Example::String if name == "email" => json!({ "widget": "string", "type": "email" }),
        Example::String => json!({ "widget": "string" }),
        Example::Bool => json!({ "widget": "boolean" }),
        Example::Integer => json!({ "widget": "number", "value_type": "int" }),
        Example::Float => json!({ "widget": "number", "value_type": "float" }),
        Example::Date => json!({ "widget": "datetime", "type": "date", "format": "YYYY-MM-DD" }),
        Example::DateTime => json!({
            "widget": "datetime",
            "type": "datetime-local",
            "format": "YYYY-MM-DDTHH:mm",
        }),
        Example::Strings => json!({ "widget": "list" }),
        Example::Floats => json!({
            "widget": "list",
            "field": { "name": "value", "label": "Wert", "widget": "number", "value_type": "float" },
            "min": 2,
            "max": 2,
        }),
        Example::Dates => json!({
            "widget": "list",
            "field": { "name": "day", "label": "Tag", "widget": "datetime", "type": "date", "format": "YYYY-MM-DD" },
        }),
        Example::Tables(keys) => json!({
            "widget": "list",
            "fields": keys
                .iter()
                .map(|(k, ex)| {
                    let mut f = widget_for(ex, k);
                    if let Value::Object(m) = &mut f {
                        m.insert("name".into(), json!(k));
                        m.insert("label".into(), json!(label(k)));
                    }
                    f
                })
                .collect::<Vec<_>>(),
        }),
    }
}

fn label(name: &str) -> String {
    LABELS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or_else(|| name.to_string(), |(_, l)| l.to_string())
}

/// The CMS field for one schema field.
pub fn field(spec: &FieldSpec, config: &SiteConfig, messages: &Messages) -> Value {
    let lang = config.default_language.as_str();
    let msg = |id: String, key: &str| {
        messages
            .format(lang, &id, None)
            .unwrap_or_else(|| key.to_string())
    };
    let taxonomy = Taxonomy::ALL.into_iter().find(|t| t.key() == spec.name);
    let mut f = if let Some(t) = taxonomy {
        json!({
            "widget": "select",
            "multiple": true,
            "options": options(config.taxonomies.terms(t).iter().map(|k| {
                (k.clone(), msg(format!("{}-{k}", t.key()), k))
            })),
        })
    } else if spec.name == "offered_in" || spec.name == "languages" {
        json!({
            "widget": "select",
            "multiple": true,
            "options": options(config.languages.iter().map(|l| {
                (l.key.clone(), msg(format!("language-{}", l.key), &l.name))
            })),
        })
    } else if CONTACT_REFS.contains(&spec.name) {
        json!({
            "widget": "relation",
            "collection": "contacts",
            "value_field": "{{slug}}",
            "search_fields": ["title"],
            "display_fields": ["title"],
            "multiple": spec.name == "contacts",
        })
    } else if spec.name == "at" {
        json!({
            "widget": "relation",
            "collection": Kind::Location.folder(),
            "value_field": "{{slug}}",
            "search_fields": ["title"],
            "display_fields": ["title"],
            "multiple": false,
        })
    } else if let Some((_, _, choices)) = CHOICES
        .iter()
        .find(|(n, k, _)| *n == spec.name && spec.kinds.contains(k))
    {
        let multiple = matches!(parse_example(spec), Some(toml::Value::Array(_)));
        json!({
            "widget": "select",
            "multiple": multiple,
            "options": options(choices.iter().map(|(v, l)| (v.to_string(), l.to_string()))),
        })
    } else {
        let example =
            parse_example(spec).map_or(Example::String, |v| example_kind(&v, spec.example));
        widget_for(&example, spec.name)
    };
    if let Value::Object(m) = &mut f {
        m.insert("name".into(), json!(spec.name));
        m.insert("label".into(), json!(label(spec.name)));
        m.insert("hint".into(), json!(spec.doc_de));
        m.insert("required".into(), json!(spec.required));
        if matches!(spec.scope, Scope::Text | Scope::Both) {
            m.insert("i18n".into(), json!(true));
        }
    }
    f
}

/// A translation's bookkeeping field: hidden (kept as the file has it),
/// per language.
fn bookkeeping_field(spec: &FieldSpec) -> Value {
    json!({ "name": spec.name, "widget": "hidden", "i18n": true })
}

/// The names of fields holding dates, date-times and decimal numbers (also
/// inside lists of tables such as `sessions`), and the text fields whose
/// fingerprint is `source_hash`: the data `wegweiser-cms.js` works with.
fn helper_data(config: &SiteConfig) -> Value {
    fn sort(name: &str, ex: &Example, out: &mut [std::collections::BTreeSet<String>; 3]) {
        match ex {
            Example::Date | Example::Dates => out[0].insert(name.to_string()),
            Example::DateTime => out[1].insert(name.to_string()),
            Example::Float | Example::Floats => out[2].insert(name.to_string()),
            Example::Tables(keys) => {
                keys.iter().for_each(|(k, e)| sort(k, e, out));
                true
            }
            _ => false,
        };
    }
    let mut out: [std::collections::BTreeSet<String>; 3] = Default::default();
    for spec in schema::FIELDS {
        if let Some(v) = parse_example(spec) {
            sort(spec.name, &example_kind(&v, spec.example), &mut out);
        }
    }
    let [dates, datetimes, floats] = out;
    json!({
        "dates": dates,
        "datetimes": datetimes,
        "floats": floats,
        "textFields": schema::text_fields().map(|f| f.name).collect::<Vec<_>>(),
        "defaultLocale": config.default_language,
    })
}

/// `wegweiser-cms.js`: its data, then its code (`cms/wegweiser-cms.js`).
pub fn helper_js(config: &SiteConfig) -> String {
    format!(
        "window.WEGWEISER = {};\n{}",
        helper_data(config),
        include_str!("cms/wegweiser-cms.js")
    )
}

/// The whole configuration.
pub fn config(config: &SiteConfig, messages: &Messages, backend: &Backend) -> Value {
    let locales: Vec<&str> = config.languages.iter().map(|l| l.key.as_str()).collect();
    let collections: Vec<Value> = Kind::SECTIONS
        .into_iter()
        .map(|kind| {
            let (label, singular) = collection_label(kind);
            let mut fields: Vec<Value> = schema::FIELDS
                .iter()
                .filter(|f| f.kinds.contains(&kind))
                .map(|f| match f.scope {
                    Scope::Translation => bookkeeping_field(f),
                    // Written by `wegweiser import`: kept as the file has it.
                    _ if f.name.starts_with("import_") => {
                        json!({ "name": f.name, "widget": "hidden" })
                    }
                    _ => field(f, config, messages),
                })
                .collect();
            fields.push(json!({
                "name": "body",
                "label": "Text",
                "widget": "markdown",
                "required": false,
                "i18n": true,
                "hint": "Links auf andere Einträge: [Text](offers/datei.md); Bilder und Dateien aus static/.",
            }));
            json!({
                "name": kind.folder(),
                "label": label,
                "label_singular": singular,
                "folder": format!("{CONTENT_DIR}/{}", kind.folder()),
                "create": true,
                "extension": "md",
                "format": "toml-frontmatter",
                "slug": "{{slug}}",
                "identifier_field": "title",
                "summary": "{{title}}",
                "i18n": true,
                "fields": fields,
            })
        })
        .collect();
    json!({
        "backend": {
            "name": backend.name,
            "repo": backend.repo,
            "branch": backend.branch,
        },
        "site_url": config.base_url,
        "media_folder": format!("{STATIC_DIR}/bilder"),
        "public_folder": "/bilder",
        "slug": { "encoding": "ascii", "clean_accents": true },
        "i18n": {
            "structure": "multiple_files",
            "locales": locales,
            "default_locale": config.default_language,
            "omit_default_locale_from_file_path": true,
            "initial_locales": "default",
        },
        "collections": collections,
    })
}

/// The admin page: loads the CMS script (and, by the import map, the
/// Immutable.js it fetches) from the same folder.
pub fn index_html() -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Redaktion</title>\n\
         <link href=\"config.yml\" type=\"application/yaml\" rel=\"cms-config-url\">\n\
         </head>\n<body>\n\
         <!-- Sveltia CMS {SVELTIA_VERSION}: scripts/install-editor puts {SCRIPT} here (see docs/cms.md). -->\n\
         <script type=\"importmap\">{IMPORT_MAP}</script>\n\
         <script src=\"{SCRIPT}\"></script>\n<script src=\"{HELPER}\"></script>\n</body>\n</html>\n"
    )
}

/// Writes `index.html`, `config.yml` and `wegweiser-cms.js` into `out` (relative to `root` unless absolute).
pub fn write(root: &Path, out: &Path, backend: &Backend) -> Result<Vec<PathBuf>, Diagnostics> {
    let cfg = SiteConfig::load(root)?;
    let (messages, _) = Messages::load(root, &cfg);
    let value = config(&cfg, &messages, backend);
    let json = serde_json::to_string_pretty(&value).map_err(|e| {
        let mut ds = Diagnostics::new();
        ds.push(Diagnostic::error("cms-config-unwritable").arg("detail", e.to_string()));
        ds
    })?;
    let yml = format!(
        "# Sveltia CMS configuration, written by `wegweiser cms` from site.toml and the\n\
         # content schema. Do not edit: run `wegweiser cms` again after changing site.toml.\n\
         # (JSON is valid YAML.)\n{json}\n"
    );
    let dir = root.join(out);
    let io = |p: &Path, e: std::io::Error| {
        let mut ds = Diagnostics::new();
        ds.push(
            Diagnostic::error("cannot-write")
                .arg("file", p.display())
                .arg("detail", e.to_string())
                .help("cms-out-writable"),
        );
        ds
    };
    std::fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
    let mut written = Vec::new();
    let files = [
        ("config.yml", yml),
        ("index.html", index_html()),
        (HELPER, helper_js(&cfg)),
    ];
    for (name, text) in files {
        let p = dir.join(name);
        std::fs::write(&p, text).map_err(|e| io(&p, e))?;
        written.push(out.join(name));
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The editors read German: every field of the schema has a German
    /// label in the form (a new field without one would show its key).
    #[test]
    fn every_field_has_a_german_label() {
        let missing: Vec<&str> = schema::FIELDS
            .iter()
            .map(|f| f.name)
            .filter(|n| !LABELS.iter().any(|(l, _)| l == n))
            .collect();
        assert!(missing.is_empty(), "fields without a label: {missing:?}");
    }
}
