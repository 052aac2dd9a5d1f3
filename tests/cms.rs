//! `wegweiser cms`: the editor UI configuration follows the content schema.
//! (scripts/validate-cms also checks it against Sveltia CMS's own JSON Schema.)

mod common;

use std::collections::BTreeSet;

use common::TestSite;
use serde_json::Value;
use wegweiser::cms::{self, Backend};
use wegweiser::content::Kind;
use wegweiser::content::schema::{FIELDS, Scope};

fn generate(site: &TestSite) -> (Value, String) {
    let backend = Backend {
        name: "github".into(),
        repo: "amt/wegweiser".into(),
        branch: "main".into(),
    };
    let files = cms::write(&site.root, std::path::Path::new("static/admin"), &backend).unwrap();
    assert_eq!(files.len(), 3);
    let yml = std::fs::read_to_string(site.root.join("static/admin/config.yml")).unwrap();
    let json: String = yml
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let html = std::fs::read_to_string(site.root.join("static/admin/index.html")).unwrap();
    (serde_json::from_str(&json).unwrap(), html)
}

fn collection<'a>(c: &'a Value, name: &str) -> &'a Value {
    c["collections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == name)
        .unwrap()
}

fn field<'a>(col: &'a Value, name: &str) -> &'a Value {
    col["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("no field {name}"))
}

/// Widgets Sveltia CMS knows (types/public.d.ts, BuiltInFieldType).
const WIDGETS: &[&str] = &[
    "boolean", "code", "color", "compute", "datetime", "file", "hidden", "image", "keyvalue",
    "list", "map", "markdown", "number", "object", "relation", "richtext", "select", "string",
    "text", "uuid",
];

#[test]
fn collections_and_i18n_match_the_content_contract() {
    let site = TestSite::example();
    let (c, html) = generate(&site);
    assert_eq!(c["backend"]["name"], "github");
    assert_eq!(c["backend"]["repo"], "amt/wegweiser");
    let i18n = &c["i18n"];
    assert_eq!(i18n["structure"], "multiple_files");
    assert_eq!(i18n["default_locale"], "de");
    assert_eq!(i18n["omit_default_locale_from_file_path"], true);
    let locales: Vec<&str> = i18n["locales"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(locales, ["de", "ls", "en", "ar", "uk", "fa", "tr", "ru"]);

    let names: Vec<&str> = c["collections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["offers", "events", "contacts", "pages", "locations"]
    );
    for kind in Kind::SECTIONS {
        let col = collection(&c, kind.folder());
        assert_eq!(col["folder"], format!("content/{}", kind.folder()));
        assert_eq!(col["format"], "toml-frontmatter");
        assert_eq!(col["extension"], "md");
        assert_eq!(col["i18n"], true);
        // Exactly the schema's fields for the kind (bookkeeping left out), plus the body.
        let got: BTreeSet<&str> = col["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        // Every schema field of the kind (the translations' bookkeeping as hidden
        // fields, so the CMS keeps it), plus the body.
        let mut want: BTreeSet<&str> = FIELDS
            .iter()
            .filter(|f| f.kinds.contains(&kind))
            .map(|f| f.name)
            .collect();
        want.insert("body");
        assert_eq!(got, want, "{}", kind.folder());
        for f in col["fields"].as_array().unwrap() {
            let name = f["name"].as_str().unwrap();
            assert!(
                WIDGETS.contains(&f["widget"].as_str().unwrap()),
                "{name}: {}",
                f["widget"]
            );
            // Translatable fields are edited per language; every other field
            // stays in the German file only (never duplicated into translations).
            let translatable = name == "body"
                || FIELDS
                    .iter()
                    .any(|s| s.name == name && s.scope != Scope::Source);
            assert_eq!(
                f.get("i18n") == Some(&Value::Bool(true)),
                translatable,
                "{name}"
            );
            assert!(f.get("i18n").is_none() || f["i18n"] == true, "{name}");
            let bookkeeping = FIELDS
                .iter()
                .any(|s| s.name == name && s.scope == Scope::Translation);
            if bookkeeping {
                assert_eq!(f["widget"], "hidden", "{name}");
            }
            // Sveltia's schema allows no `required` on a hidden widget (the
            // import bookkeeping fields); every visible field says whether it
            // is required.
            if f["widget"] == "hidden" {
                assert!(f.get("required").is_none(), "{name}");
            } else {
                assert!(f["required"].is_boolean(), "{name}");
            }
        }
        assert_eq!(field(col, "title")["required"], true);
        assert_eq!(field(col, "body")["widget"], "markdown");
    }

    let offers = collection(&c, "offers");
    // Taxonomy keys as choices with their German labels from locales/de.
    let topics = field(offers, "topics");
    assert_eq!(topics["widget"], "select");
    assert_eq!(topics["multiple"], true);
    assert_eq!(topics["options"][0]["value"], "sprache-bildung");
    assert_eq!(topics["options"][0]["label"], "Sprache und Bildung");
    assert_eq!(
        field(offers, "places")["options"][0]["label"],
        "Ingelheim am Rhein"
    );
    assert_eq!(
        field(offers, "offered_in")["options"][2]["label"],
        "Englisch"
    );
    // Contact references are relations.
    let contacts = field(offers, "contacts");
    assert_eq!(contacts["widget"], "relation");
    assert_eq!(contacts["collection"], "contacts");
    assert_eq!(contacts["multiple"], true);
    assert_eq!(field(offers, "provider")["multiple"], false);
    assert_eq!(field(offers, "review_by")["type"], "date");
    assert_eq!(field(offers, "childcare")["widget"], "boolean");
    assert_eq!(field(offers, "summary")["widget"], "text");
    let geo = field(offers, "geo");
    assert_eq!(
        (
            geo["widget"].as_str(),
            geo["min"].as_u64(),
            geo["max"].as_u64()
        ),
        (Some("list"), Some(2), Some(2))
    );
    assert_eq!(geo["field"]["value_type"], "float");

    let events = collection(&c, "events");
    assert_eq!(field(events, "start")["format"], "YYYY-MM-DDTHH:mm");
    let sessions = field(events, "sessions");
    assert_eq!(sessions["widget"], "list");
    let sub: Vec<&str> = sessions["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(sub, ["start", "end"]);
    assert_eq!(sessions["fields"][0]["widget"], "datetime");
    assert_eq!(field(events, "repeat_on")["multiple"], true);
    assert_eq!(field(events, "repeat_week")["value_type"], "int");
    assert_eq!(field(events, "except")["field"]["type"], "date");
    assert_eq!(
        field(collection(&c, "contacts"), "kind")["options"][1]["value"],
        "organization"
    );
    // A location's kind is its own choice (not the contact's), optional.
    let place_kind = field(collection(&c, "locations"), "kind");
    assert_eq!(place_kind["widget"], "select");
    assert_eq!(place_kind["required"], false);
    let values: Vec<&str> = place_kind["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        values,
        wegweiser::content::location::LocationKind::VALUES,
        "{place_kind}"
    );

    // The admin page loads the CMS from its own folder only.
    assert!(html.contains("<script src=\"sveltia-cms.js\"></script>"));
    assert!(html.contains("<script src=\"wegweiser-cms.js\"></script>"));
    assert_eq!(c["i18n"]["initial_locales"], "default");
    // The one third-party address is the import map's key, which sends
    // Immutable.js to the same folder instead.
    assert!(html.contains(&format!(
        "<script type=\"importmap\">{}</script>",
        cms::IMPORT_MAP
    )));
    assert!(cms::IMPORT_MAP.ends_with(r#":"./immutable.es.js"}}"#));
    assert!(!html.replace(cms::IMPORT_MAP, "").contains("://"), "{html}");
}

#[test]
fn cli_writes_the_admin_folder_deterministically() {
    let site = TestSite::fixture("site");
    let run = || {
        common::stdout_of(
            std::process::Command::new(env!("CARGO_BIN_EXE_wegweiser"))
                .args(["cms", "--root"])
                .arg(&site.root)
                .args(["--repo", "amt/wegweiser"]),
        );
        std::fs::read(site.root.join("static/admin/config.yml")).unwrap()
    };
    assert_eq!(run(), run());
    // The fixture has no labels for its topics: the keys show.
    let (c, _) = generate(&site);
    let topics = field(collection(&c, "offers"), "topics");
    assert_eq!(
        topics["options"][0],
        serde_json::json!({"label": "sprache", "value": "sprache"})
    );
}
