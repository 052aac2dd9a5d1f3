//! `wegweiser import ics|table`: calendars and spreadsheets into content
//! files that build; re-imports update, remove and keep as they should; bad
//! input is reported with its position and writes nothing.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;

use common::{TestSite, repo};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(repo().join("tests/fixtures/import").join(name)).unwrap()
}

/// Runs `wegweiser --lang LANG import ARGS` inside the site (paths relative,
/// so the messages are the same on every machine).
fn import(site: &TestSite, lang: &str, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .current_dir(&site.root)
        .args(["--lang", lang, "import"])
        .args(args)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The files of content/<folder>, name → text.
fn folder(site: &TestSite, folder: &str) -> BTreeMap<String, String> {
    std::fs::read_dir(site.root.join("content").join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The first calendar with organizer, topic and place for every event.
const WITH_OPTIONS: &[&str] = &[
    "ics",
    "partner-v1.ics",
    "--organizer",
    "verein",
    "--topics",
    "sprache",
    "--places",
    "ingelheim",
];

fn event_site() -> TestSite {
    let site = TestSite::fixture("site");
    for f in [
        "partner-v1.ics",
        "partner-v2.ics",
        "bad.ics",
        "malformed.ics",
    ] {
        std::fs::write(site.root.join(f), fixture(f)).unwrap();
    }
    site
}

#[test]
fn a_calendar_imports_into_events_that_build() {
    let site = event_site();
    let before = folder(&site, "events");
    let o = import(&site, "en", WITH_OPTIONS);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("import done: 5 new, 0 updated, 0 removed"),
        "{}",
        stderr(&o)
    );
    let after = folder(&site, "events");
    assert_eq!(after.len(), before.len() + 5);
    let single = &after["elternabend-in-der-kita.md"];
    assert!(
        single.contains("start = 2026-11-05T18:00\nend = 2026-11-05T20:00\n"),
        "{single}"
    );
    assert!(
        single.contains("location = \"Kita Sonnenschein, Ingelheim\""),
        "{single}"
    );
    assert!(
        single.contains("organizer = \"verein\"\ntopics = [\"sprache\"]\nplaces = [\"ingelheim\"]")
    );
    assert!(single.contains("import_uid = \"single-1@partner.example\""));
    assert!(
        single.ends_with("Für alle Eltern.\n\nMit Dolmetscherinnen für Arabisch und Ukrainisch.\n"),
        "{single}"
    );
    // UTC in November (UTC+1): 08:00Z is 09:00 in Berlin; three days.
    let multi = &after["aktionstage-ausbildung.md"];
    assert!(
        multi.contains("start = 2026-11-10T09:00\nend = 2026-11-12T16:00\n"),
        "{multi}"
    );
    // Weekly across the change to winter time (25 October): 18:00 local throughout.
    let weekly = &after["sprachtreff-am-dienstag.md"];
    assert!(
        weekly.contains(
            "start = 2026-10-13T18:00\nend = 2026-10-13T20:00\nrepeat = \"weekly\"\nrepeat_on = [\"tuesday\"]\nrepeat_until = 2026-11-25\nexcept = [2026-10-27, 2026-11-10]\n"
        ),
        "{weekly}"
    );
    // DTEND of a day is exclusive.
    let allday = &after["flohmarkt.md"];
    assert!(
        allday.contains("start = 2026-11-28\nend = 2026-11-29\nall_day = true\n"),
        "{allday}"
    );
    let daily = &after["ferienkurs-deutsch.md"];
    assert!(
        daily.contains("# Aus dem Kalender: RRULE:FREQ=DAILY;COUNT=4"),
        "{daily}"
    );
    assert_eq!(daily.matches("{ start = ").count(), 4, "{daily}");
    assert!(daily.contains("{ start = 2026-10-26T09:00, end = 2026-10-26T12:00 }"));
    site.build_ok();
    // Importing the same calendar again changes nothing.
    let o = import(&site, "en", WITH_OPTIONS);
    assert!(
        stderr(&o).contains("0 new, 0 updated, 0 removed, 0 kept, 5 unchanged"),
        "{}",
        stderr(&o)
    );
    assert_eq!(folder(&site, "events"), after);
}

#[test]
fn a_changed_calendar_updates_removes_and_keeps() {
    let site = event_site();
    let o = import(&site, "en", &["ics", "partner-v1.ics"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // An editor improves one imported file.
    site.edit(
        "content/events/flohmarkt.md",
        "Zwei Tage Flohmarkt.",
        "Zwei Tage Flohmarkt am Rathaus.",
    );
    let v1 = folder(&site, "events");
    let o = import(&site, "en", &["ics", "partner-v2.ics"]);
    // v2 is another file name: another source, so nothing of v1 is touched.
    assert!(
        stderr(&o).contains("4 new, 0 updated, 0 removed"),
        "{}",
        stderr(&o)
    );
    let site = event_site();
    import(&site, "en", &["ics", "partner-v1.ics"]);
    site.edit(
        "content/events/flohmarkt.md",
        "Zwei Tage Flohmarkt.",
        "Zwei Tage Flohmarkt am Rathaus.",
    );
    std::fs::write(site.root.join("partner-v1.ics"), fixture("partner-v2.ics")).unwrap();
    let dry = import(&site, "en", &["ics", "partner-v1.ics", "--dry-run"]);
    assert!(
        String::from_utf8_lossy(&dry.stdout)
            .contains("--- content/events/infoabend-kita-anmeldung.md")
    );
    assert_eq!(folder(&site, "events").len(), v1.len());
    let o = import(&site, "en", &["ics", "partner-v1.ics"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("import done: 1 new, 1 updated, 2 removed, 1 kept, 1 unchanged"),
        "{err}"
    );
    assert!(err.contains("content/events/flohmarkt.md was changed after the last import of partner-v1.ics; it is kept"), "{err}");
    let now = folder(&site, "events");
    assert!(now["flohmarkt.md"].contains("am Rathaus"));
    assert!(now["elternabend-in-der-kita.md"].contains("start = 2026-11-05T18:30"));
    assert_eq!(
        now["sprachtreff-am-dienstag.md"],
        v1["sprachtreff-am-dienstag.md"]
    );
    assert!(!now.contains_key("aktionstage-ausbildung.md"));
    assert!(!now.contains_key("ferienkurs-deutsch.md"));
    assert!(now.contains_key("infoabend-kita-anmeldung.md"));
    assert!(
        now["infoabend-kita-anmeldung.md"]
            .contains("start = 2026-12-01T18:00\nend = 2026-12-01T19:30")
    );
    site.build_ok();
    // --force replaces the edited file.
    let o = import(&site, "en", &["ics", "partner-v1.ics", "--force"]);
    assert!(stderr(&o).contains("0 new, 1 updated"), "{}", stderr(&o));
    assert!(folder(&site, "events")["flohmarkt.md"].contains("mit Kaffee"));
}

#[test]
fn a_bad_calendar_is_reported_with_positions_and_writes_nothing() {
    let site = event_site();
    let before = folder(&site, "events");
    for lang in ["en", "de"] {
        let o = import(&site, lang, &["ics", "bad.ics"]);
        assert!(!o.status.success());
        insta::assert_snapshot!(format!("bad_calendar_{lang}"), stderr(&o));
        let o = import(&site, lang, &["ics", "malformed.ics"]);
        assert!(!o.status.success());
        insta::assert_snapshot!(format!("malformed_calendar_{lang}"), stderr(&o));
    }
    assert_eq!(folder(&site, "events"), before);
}

/// The 200-row offer spreadsheet; `bad`: with five bad cells.
fn spreadsheet(path: &Path, bad: bool) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Angebote").unwrap();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let heads = [
        "Nr.",
        "Titel",
        "Kurzbeschreibung",
        "Themen",
        "Ort",
        "Prüfen bis",
        "Kinderbetreuung",
        "Beschreibung",
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for i in 1..=200u32 {
        let r = i;
        sheet.write_number(r, 0, f64::from(i)).unwrap();
        let title = if bad && i == 120 {
            String::new()
        } else {
            format!("Kurs {i}: Deutsch im Alltag")
        };
        if !title.is_empty() {
            sheet.write_string(r, 1, &title).unwrap();
        }
        sheet
            .write_string(r, 2, format!("Ein Kurs für Anfänger, Gruppe {i}."))
            .unwrap();
        let topics = match (bad, i) {
            (true, 77) => "Deutsch lernenn",
            _ if i % 2 == 0 => "Deutsch lernen, Beratung",
            _ => "sprache",
        };
        sheet.write_string(r, 3, topics).unwrap();
        sheet.write_string(r, 4, "Ingelheim").unwrap();
        match (bad, i) {
            (true, 10) => sheet.write_string(r, 5, "31.02.2027").map(|_| ()),
            // A number where a date belongs.
            (true, 199) => sheet.write_number(r, 5, 12.5).map(|_| ()),
            _ if i % 3 == 0 => sheet.write_string(r, 5, "30.06.2027").map(|_| ()),
            _ => sheet
                .write_datetime_with_format(
                    r,
                    5,
                    ExcelDateTime::from_ymd(2027, 7, 1).unwrap(),
                    &date,
                )
                .map(|_| ()),
        }
        .unwrap();
        match (bad, i) {
            (true, 50) => sheet.write_string(r, 6, "vielleicht").map(|_| ()),
            _ if i % 2 == 0 => sheet.write_string(r, 6, "ja").map(|_| ()),
            _ => sheet.write_boolean(r, 6, false).map(|_| ()),
        }
        .unwrap();
        sheet
            .write_string(r, 7, "Jeden Montag.\n- mit Pause")
            .unwrap();
    }
    book.save(path).unwrap();
}

#[test]
fn a_spreadsheet_with_five_bad_cells_reports_exactly_those_and_writes_nothing() {
    let site = TestSite::fixture("site");
    std::fs::write(site.root.join("angebote.toml"), fixture("angebote.toml")).unwrap();
    spreadsheet(&site.root.join("angebote.xlsx"), true);
    let before = folder(&site, "offers");
    for lang in ["en", "de"] {
        let o = import(
            &site,
            lang,
            &["table", "angebote.xlsx", "--map", "angebote.toml"],
        );
        assert!(!o.status.success());
        let err = stderr(&o);
        insta::assert_snapshot!(format!("bad_spreadsheet_{lang}"), err);
    }
    let o = import(
        &site,
        "en",
        &["table", "angebote.xlsx", "--map", "angebote.toml"],
    );
    let err = stderr(&o);
    assert_eq!(err.matches("error").count(), 5, "{err}");
    for cell in [
        "row 11, column F",
        "row 51, column G",
        "row 78, column D",
        "row 121, column B",
        "row 200, column F",
    ] {
        assert!(err.contains(&format!("Angebote, {cell}:")), "{cell}: {err}");
    }
    assert!(err.contains("it probably means `sprache`"), "{err}");
    assert_eq!(folder(&site, "offers"), before);

    spreadsheet(&site.root.join("angebote.xlsx"), false);
    let o = import(
        &site,
        "en",
        &["table", "angebote.xlsx", "--map", "angebote.toml"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("import done: 200 new"),
        "{}",
        stderr(&o)
    );
    let offers = folder(&site, "offers");
    assert_eq!(offers.len(), before.len() + 200);
    let one = &offers["kurs-2-deutsch-im-alltag.md"];
    assert!(
        one.contains("childcare = true\nplaces = [\"ingelheim\"]\nreview_by = 2027-07-01\nsummary = \"Ein Kurs für Anfänger, Gruppe 2.\"\ntitle = \"Kurs 2: Deutsch im Alltag\"\ntopics = [\"sprache\", \"beratung\"]\n"),
        "{one}"
    );
    assert!(one.contains("import_uid = \"2\""));
    assert!(
        one.ends_with("+++\nJeden Montag.\n\n\\- mit Pause\n"),
        "{one}"
    );
    assert!(offers["kurs-3-deutsch-im-alltag.md"].contains("review_by = 2027-06-30"));
    site.build_ok();
    assert!(
        site.files()
            .keys()
            .any(|k| k.contains("kurs-200-deutsch-im-alltag"))
    );
}

#[test]
fn a_csv_table_with_semicolons_imports() {
    let site = TestSite::fixture("site");
    std::fs::write(
        site.root.join("angebote.toml"),
        fixture("angebote.toml").replace("sheet = \"Angebote\"\n", ""),
    )
    .unwrap();
    std::fs::write(
        site.root.join("angebote.csv"),
        "Nr.;Titel;Kurzbeschreibung;Themen;Ort;Prüfen bis;Kinderbetreuung;Beschreibung\n1;Sprachkurs A1;Kurz.;Deutsch lernen;Ingelheim;30.06.2027;nein;Text\n2;Beratung;Kurz.;Beratung;Ingelheim;2027-06-30;ja;\n",
    )
    .unwrap();
    let o = import(
        &site,
        "en",
        &["table", "angebote.csv", "--map", "angebote.toml"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let offers = folder(&site, "offers");
    assert!(offers["sprachkurs-a1.md"].contains("childcare = false"));
    // "beratung" is taken by the fixture's own offer.
    assert!(offers["beratung-2.md"].contains("import_source = \"angebote.csv\""));
    site.build_ok();
}
