//! `wegweiser xliff export` / `import`: the translator round trip.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use common::TestSite;
use wegweiser::content::status::State;
use wegweiser::translate;
use wegweiser::xliff::export;

/// Every file under content/, relative path → text.
fn content(root: &Path) -> BTreeMap<String, String> {
    let dir = root.join("content");
    walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(&dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

fn cli(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .args(args)
        .arg("--root")
        .arg(root)
        .env("WEGWEISER_LANG", "en")
        .output()
        .unwrap()
}

/// Writes `xml` as `name` in the site and imports it; the import must succeed.
fn import_ok(site: &TestSite, name: &str, xml: &str) {
    let file = site.root.join(name);
    std::fs::write(&file, xml).unwrap();
    let out = cli(&site.root, &["xliff", "import", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// What a translator does: a `<target>` after every segment's `<source>`,
/// its text marked with ` [ar]`, the inline codes left as they are.
fn fill_targets(xml: &str, mark: &str) -> String {
    const SOURCE: &str = "<segment><source xml:space=\"preserve\">";
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find(SOURCE) {
        let open_end = i + SOURCE.len();
        let close = rest[open_end..].find("</source>").unwrap() + open_end;
        let inner = &rest[open_end..close];
        out.push_str(&rest[..close + "</source>".len()]);
        out.push_str(&format!(
            "<target xml:space=\"preserve\">{inner}{mark}</target>"
        ));
        rest = &rest[close + "</source>".len()..];
    }
    out.push_str(rest);
    out
}

fn export_ar(site: &TestSite) -> String {
    let s = translate::load(&site.root).unwrap();
    export::export(&site.root, &s, "ar").unwrap().xml
}

fn fixture() -> TestSite {
    let site = TestSite::fixture("site");
    // A body with a link, inline code, a character XML must escape, and a list.
    site.edit(
        "content/offers/beratung.md",
        "Nach Vereinbarung.",
        "Nach Vereinbarung im [Sprachcafé](offers/sprachcafe.md) & unter `0800 123`.\n\n- Montag\n- Dienstag <Termin>",
    );
    site
}

#[test]
fn export_holds_missing_and_outdated_items_with_protected_links() {
    let site = fixture();
    let s = translate::load(&site.root).unwrap();
    let ex = export::export(&site.root, &s, "ar").unwrap();
    let items: Vec<&str> = ex.items.iter().map(|(i, _)| i.as_str()).collect();
    // _index and the Sprachcafé have Arabic files (unconfirmed): not exported.
    assert_eq!(
        items,
        [
            "offers/beratung",
            "events/infoabend",
            "events/markt",
            "contacts/buero",
            "contacts/verein",
            "pages/barrierefreiheit",
            "pages/datenschutz",
            "pages/impressum",
        ]
    );
    assert!(ex.items.iter().all(|(_, st)| *st == State::Missing));
    let xml = &ex.xml;
    assert!(xml.contains("srcLang=\"de\" trgLang=\"ar\""));
    let fp = &s
        .get(wegweiser::content::Kind::Offer, "beratung")
        .unwrap()
        .fingerprint;
    assert!(xml.contains(&format!("<mda:meta type=\"source_hash\">{fp}</mda:meta>")));
    assert!(xml.contains("<mda:meta type=\"target_hash\">none</mda:meta>"));
    // The link target is original data of a paired code, the link text is text.
    assert!(xml.contains("<data id=\"d1\">[</data>"));
    assert!(xml.contains("<data id=\"d2\">](offers/sprachcafe.md)</data>"));
    assert!(xml.contains(
        "Nach Vereinbarung im <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">Sprachcafé</pc> &amp; unter <ph id=\"2\" dataRef=\"d3\"/>."
    ));
    // `<Termin>` is inline HTML to Markdown: a code, its data escaped.
    assert!(
        xml.contains("<data id=\"d1\">&lt;Termin&gt;</data>"),
        "{xml}"
    );
    // A list: the markers are ignorable syntax, each item a segment.
    assert!(xml.contains("<note category=\"format\">list: one segment per list item</note>"));
    assert!(xml.contains(
        "<ignorable><source xml:space=\"preserve\">- </source></ignorable>\n      <segment><source xml:space=\"preserve\">Montag</source></segment>"
    ));
    assert!(xml.contains(
        "<segment><source xml:space=\"preserve\">Dienstag <ph id=\"1\" dataRef=\"d1\"/></source></segment>"
    ));
    // A heading: `## ` is not in the segment.
    assert!(xml.contains("<note category=\"format\">heading, level 2</note>"));
    assert!(xml.contains(
        "<ignorable><source xml:space=\"preserve\">## </source></ignorable>\n      <segment><source xml:space=\"preserve\">Termine</source></segment>"
    ));
    // No segment holds Markdown syntax or a line break.
    for seg in xml
        .split("<segment><source xml:space=\"preserve\">")
        .skip(1)
    {
        let text = &seg[..seg.find("</source>").unwrap()];
        assert!(
            !text.contains('\n') && !text.starts_with('#') && !text.starts_with("- "),
            "{text:?}"
        );
    }
    // Text fields of contacts (role, office hours) are units too.
    assert!(xml.contains("<unit id=\"office_hours\">"));
}

#[test]
fn round_trip_writes_exactly_the_translations_and_they_are_current() {
    let site = fixture();
    let before = content(&site.root);
    let xml = fill_targets(&export_ar(&site), " [ar]")
        // The translator translates a link's text; its target is not theirs to change.
        .replace(
            ">Sprachcafé</pc> &amp; unter",
            ">مقهى اللغة</pc> &amp; unter",
        );
    import_ok(&site, "ar.xlf", &xml);

    let after = content(&site.root);
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert_eq!(
        changed,
        [
            "contacts/buero.ar.md",
            "contacts/verein.ar.md",
            "events/infoabend.ar.md",
            "events/markt.ar.md",
            "offers/beratung.ar.md",
            "pages/barrierefreiheit.ar.md",
            "pages/datenschutz.ar.md",
            "pages/impressum.ar.md",
        ]
    );
    assert!(before.keys().all(|k| after.contains_key(k)));

    let s = translate::load(&site.root).unwrap();
    let beratung = s.get(wegweiser::content::Kind::Offer, "beratung").unwrap();
    assert_eq!(
        after["offers/beratung.ar.md"],
        format!(
            "+++\ntitle = \"Migrationsberatung [ar]\"\nsummary = \"Beratung zu allen Fragen. [ar]\"\nsource_hash = \"{}\"\n+++\n\
             ## Termine [ar]\n\nNach Vereinbarung im [مقهى اللغة](offers/sprachcafe.md) & unter `0800 123`. [ar]\n\n- Montag [ar]\n- Dienstag <Termin> [ar]\n",
            beratung.fingerprint
        )
    );
    for item in s.items.values() {
        if item.slug != "sprachcafe" {
            assert_eq!(
                item.status(&s.config, "ar").state,
                State::Current,
                "{}",
                item.path()
            );
        }
    }
    // A second export finds nothing left to do.
    assert!(
        export::export(&site.root, &s, "ar")
            .unwrap()
            .items
            .is_empty()
    );

    // The site builds, and the Arabic page links to the Arabic Sprachcafé.
    site.build_ok();
    let doc = site.html("ar/offers/beratung/index.html");
    assert!(common::text(&doc, "h1").contains("Migrationsberatung [ar]"));
    let hrefs = common::attrs(&doc, "main a", "href");
    assert!(
        hrefs.iter().any(|h| h.ends_with("/ar/offers/sprachcafe/")),
        "{hrefs:?}"
    );
}

#[test]
fn changed_source_is_refused_and_the_rest_imported() {
    let site = fixture();
    let xml = fill_targets(&export_ar(&site), " [ar]");
    site.edit(
        "content/offers/beratung.md",
        "Migrationsberatung",
        "Migrationsberatung für alle",
    );
    let file = site.root.join("ar.xlf");
    std::fs::write(&file, xml).unwrap();
    let out = cli(&site.root, &["xliff", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("offers/beratung: the German source changed since the export"),
        "{err}"
    );
    assert!(err.contains("wegweiser xliff export --lang ar"), "{err}");
    assert!(!site.root.join("content/offers/beratung.ar.md").exists());
    assert!(site.root.join("content/offers/beratung.md").exists());
    assert!(site.root.join("content/contacts/buero.ar.md").exists());
}

#[test]
fn translation_changed_after_export_is_kept_unless_forced() {
    let site = fixture();
    // An outdated English translation: made from an older source.
    site.edit(
        "content/offers/sprachcafe.en.md",
        "cost = \"free\"",
        "cost = \"free\"\nsource_hash = \"000000000000\"",
    );
    let s = translate::load(&site.root).unwrap();
    let ex = export::export(&site.root, &s, "en").unwrap();
    let states: BTreeMap<&str, State> = ex.items.iter().map(|(i, st)| (i.as_str(), *st)).collect();
    assert_eq!(states["offers/sprachcafe"], State::Outdated);
    let file = site.root.join("en.xlf");
    std::fs::write(&file, fill_targets(&ex.xml, " (new)")).unwrap();

    // Someone edits the English file after the export.
    site.edit(
        "content/offers/sprachcafe.en.md",
        "Drop by.",
        "Drop by any time.",
    );
    let edited =
        std::fs::read_to_string(site.root.join("content/offers/sprachcafe.en.md")).unwrap();
    let out = cli(&site.root, &["xliff", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("content/offers/sprachcafe.en.md: was changed after the export"),
        "{err}"
    );
    assert!(err.contains("--force"), "{err}");
    let now = std::fs::read_to_string(site.root.join("content/offers/sprachcafe.en.md")).unwrap();
    assert_eq!(now, edited);

    let out = cli(
        &site.root,
        &[
            "xliff",
            "import",
            file.to_str().unwrap(),
            "--force",
            "--machine",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let now = std::fs::read_to_string(site.root.join("content/offers/sprachcafe.en.md")).unwrap();
    assert!(now.contains("title = \"Sprachcafé (new)\""), "{now}");
    assert!(
        now.contains("machine_translated = true\nreviewed = false\n"),
        "{now}"
    );
    let s = translate::load(&site.root).unwrap();
    let item = s
        .get(wegweiser::content::Kind::Offer, "sprachcafe")
        .unwrap();
    assert_eq!(item.status(&s.config, "en").state, State::Current);
}

#[test]
fn items_with_untranslated_units_are_skipped_with_a_warning() {
    let site = fixture();
    let xml = export_ar(&site);
    // Every unit gets a target except the summary of the first item.
    let filled = fill_targets(&xml, " [ar]");
    let partial = filled.replacen("<unit id=\"summary\">", "<unit id=\"summary\"><!-- -->", 1);
    let partial = {
        // Drop the target of beratung's summary.
        let i = partial.find("<unit id=\"summary\"><!-- -->").unwrap();
        let t = partial[i..].find("<target").unwrap() + i;
        let e = partial[t..].find("</target>").unwrap() + t + "</target>".len();
        format!("{}{}", &partial[..t], &partial[e..])
    };
    let file = site.root.join("ar.xlf");
    std::fs::write(&file, partial).unwrap();
    let out = cli(&site.root, &["xliff", "import", file.to_str().unwrap()]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("offers/beratung: not imported, 1 unit(s) have no translation: summary"),
        "{err}"
    );
    assert!(!site.root.join("content/offers/beratung.ar.md").exists());
    assert!(site.root.join("content/events/markt.ar.md").exists());
}

#[test]
fn export_cli_rejects_the_source_language_and_unknown_ones() {
    let site = fixture();
    let out = cli(&site.root, &["xliff", "export", "--lang", "de"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is the source language"));
    let out = cli(&site.root, &["xliff", "export", "--lang", "xx"]);
    assert_eq!(out.status.code(), Some(2));
    let path = site.root.join("out.xlf");
    let out = cli(
        &site.root,
        &[
            "xliff",
            "export",
            "--lang",
            "fa",
            "--out",
            path.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());
    assert!(
        std::fs::read_to_string(path)
            .unwrap()
            .contains("trgLang=\"fa\"")
    );
}

/// Every body of the example, exported and imported with its targets left
/// as its sources, comes back byte for byte (line breaks included).
#[test]
fn every_example_body_survives_an_unchanged_round_trip() {
    let site = TestSite::example();
    let s = translate::load(&site.root).unwrap();
    // Farsi: most items are missing, so most bodies are exported.
    let ex = export::export(&site.root, &s, "fa").unwrap();
    assert!(ex.items.len() > 20, "{}", ex.items.len());
    let xml = fill_targets(&ex.xml, "");
    import_ok(&site, "fa.xlf", &xml);
    let after = translate::load(&site.root).unwrap();
    let mut checked = 0;
    for (path, _) in &ex.items {
        let item = translate::find(&after, path).unwrap();
        let fa = &item.texts["fa"];
        let de = item.source_text(&after.config);
        assert_eq!(
            fa.with_body(|b| b.trim_end().to_string()),
            de.with_body(|b| b.trim_end().to_string()),
            "{path}: the body did not come back unchanged"
        );
        checked += 1;
    }
    assert_eq!(checked, ex.items.len());
}

/// A translator who moves the codes round (a link and emphasis in another
/// order, as Arabic word order needs) gets them back as Markdown in that
/// order, with the soft break of the source gone.
#[test]
fn translated_codes_moved_round_import_as_markdown() {
    let site = fixture();
    site.edit(
        "content/offers/beratung.md",
        "## Termine",
        "## Termine\n\nBitte **rechtzeitig** beim\n[Büro](contacts/buero.md) melden.",
    );
    let xml = export_ar(&site);
    let unit_source = "Bitte <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">rechtzeitig</pc> beim <pc id=\"2\" dataRefStart=\"d3\" dataRefEnd=\"d4\">Büro</pc> melden.";
    assert!(xml.contains(unit_source), "{xml}");
    let moved = "<pc id=\"2\" dataRefStart=\"d3\" dataRefEnd=\"d4\">المكتب</pc> تواصلوا مع <pc id=\"1\" dataRefStart=\"d1\" dataRefEnd=\"d2\">مبكرًا</pc>.";
    let filled = fill_targets(&xml, " [ar]").replacen(
        &format!("{unit_source} [ar]</target>"),
        &format!("{moved}</target>"),
        1,
    );
    assert!(filled.contains(moved));
    import_ok(&site, "ar.xlf", &filled);
    let ar = std::fs::read_to_string(site.root.join("content/offers/beratung.ar.md")).unwrap();
    assert!(
        ar.contains("\n## Termine [ar]\n\n[المكتب](contacts/buero.md) تواصلوا مع **مبكرًا**.\n\n"),
        "{ar}"
    );
}

#[test]
fn a_locations_closure_reasons_transit_and_accessibility_note_round_trip() {
    let site = TestSite::fixture("site");
    site.write(
        "content/locations/rathaus.md",
        "+++\ntitle = \"Rathaus\"\naddress = \"Markt 1, 55218 Ingelheim am Rhein\"\n\
         closed = [\n  { from = 2026-07-20, to = 2026-08-14, reason = \"Sommerpause\" },\n  \
         { from = 2026-12-28, to = 2026-12-30 },\n  \
         { from = \"2027-07-19\", to = \"2027-08-13\", reason = \"Sommerpause \\\"2027\\\"\" },\n]\n\
         transit = \"Bus 611, Haltestelle Rathaus\"\n\
         accessibility_note = \"Eingang für Rollstühle an der Rückseite.\"\n+++\nIm Erdgeschoss.\n",
    );
    let xml = export_ar(&site);
    let start = xml
        .find("<file id=\"locations:rathaus\"")
        .expect("exported");
    let file = &xml[start..start + xml[start..].find("</file>").unwrap()];
    let units: Vec<&str> = file
        .split("<unit id=\"")
        .skip(1)
        .map(|u| &u[..u.find('"').unwrap()])
        .collect();
    // The second period has no reason: nothing to translate.
    assert_eq!(
        units,
        [
            "title",
            "accessibility_note",
            "transit",
            "closed-1",
            "closed-3",
            "body-1"
        ],
        "{file}"
    );
    assert!(file.contains("why the location is closed from 2026-07-20 to 2026-08-14"));
    assert!(
        file.contains(">Sommerpause &quot;2027&quot;</source>"),
        "{file}"
    );

    import_ok(&site, "ar.xlf", &fill_targets(&xml, " [ar]"));
    let written =
        std::fs::read_to_string(site.root.join("content/locations/rathaus.ar.md")).unwrap();
    let s = translate::load(&site.root).unwrap();
    let rathaus = s
        .get(wegweiser::content::Kind::Location, "rathaus")
        .unwrap();
    assert_eq!(
        written,
        format!(
            "+++\ntitle = \"Rathaus [ar]\"\n\
             accessibility_note = \"Eingang für Rollstühle an der Rückseite. [ar]\"\n\
             transit = \"Bus 611, Haltestelle Rathaus [ar]\"\n\
             closed = [{{ reason = \"Sommerpause [ar]\" }}, {{}}, {{ reason = 'Sommerpause \"2027\" [ar]' }}]\n\
             source_hash = \"{}\"\n+++\nIm Erdgeschoss. [ar]\n",
            rathaus.fingerprint
        )
    );
    assert_eq!(rathaus.status(&s.config, "ar").state, State::Current);

    // The Arabic page shows the translated reasons and notes.
    site.build_ok();
    let main = common::text(&site.html("ar/locations/rathaus/index.html"), "main");
    for shown in [
        "Sommerpause [ar]",
        "Sommerpause \"2027\" [ar]",
        "Haltestelle Rathaus [ar]",
        "Rückseite. [ar]",
    ] {
        assert!(main.contains(shown), "{shown}: {main}");
    }
}
