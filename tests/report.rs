//! `wegweiser report`: the fixture's gap report, counted by hand.

mod common;

use std::process::Command;

use common::TestSite;
use wegweiser::report::{self, Table};

/// 15 January 2026, 12:00 UTC.
const NOW: i64 = 1_768_478_400;

fn fixture() -> TestSite {
    let site = TestSite::fixture("site");
    // An offer past its review date, a contact nobody names, and one only a
    // text links to.
    site.edit(
        "content/offers/beratung.md",
        "contacts = [\"buero\"]",
        "contacts = [\"buero\"]\nreview_by = 2026-01-10",
    );
    site.edit(
        "content/offers/beratung.md",
        "Nach Vereinbarung.",
        "Nach Vereinbarung mit [Frau Link](contacts/nur-verlinkt.md).",
    );
    site.write(
        "content/contacts/niemand.md",
        "+++\ntitle = \"Niemand\"\nkind = \"person\"\n+++\n",
    );
    site.write(
        "content/contacts/nur-verlinkt.md",
        "+++\ntitle = \"Frau Link\"\nkind = \"person\"\n+++\n",
    );
    site
}

fn rows(t: &Table) -> Vec<(String, Vec<usize>)> {
    t.rows
        .iter()
        .map(|r| (r.label.clone(), r.cells.clone()))
        .collect()
}

fn columns(t: &Table) -> Vec<&str> {
    t.columns.iter().map(|c| c.label.as_str()).collect()
}

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn fixture_report_matches_hand_counted_tables() {
    let site = fixture();
    let now = jiff::Timestamp::from_second(NOW).unwrap();
    let r = report::load_and_report(&site.root, now).unwrap();
    assert_eq!(r.offers, 2);
    // infoabend (5 Feb) is within 90 days; the market (10/11 Nov) is not.
    assert_eq!(r.events_ahead, 1);
    let ids: Vec<&str> = r.tables.iter().map(|t| t.id).collect();
    assert_eq!(
        ids,
        [
            "angebote-thema-ort",
            "angebote-zielgruppe-thema",
            "angebote-sprache-ort",
            "veranstaltungen-ort"
        ]
    );

    // Topic × place: the Sprachcafé (sprache, Ingelheim); the counselling has no place.
    // Labels come from locales/de; `sprache` and `beratung` have none, so their keys show.
    let t = &r.tables[0];
    assert_eq!(columns(t), ["Ingelheim am Rhein"]);
    assert_eq!(rows(t), [(s("beratung"), vec![0]), (s("sprache"), vec![1])]);
    assert_eq!(t.cell("sprache", "ingelheim"), Some(1));

    // Audience × topic: only the Sprachcafé has an audience; the empty column comes first.
    let t = &r.tables[1];
    assert_eq!(columns(t), ["beratung", "sprache"]);
    assert_eq!(rows(t), [(s("Frauen"), vec![0, 1])]);

    // Language × place: the Sprachcafé is held in German and Arabic in Ingelheim.
    let t = &r.tables[2];
    assert_eq!(columns(t), ["Ingelheim am Rhein"]);
    assert_eq!(
        rows(t),
        [
            (s("Englisch"), vec![0]),
            (s("Farsi"), vec![0]),
            (s("Deutsch"), vec![1]),
            (s("Arabisch"), vec![1]),
        ]
    );

    // Events ahead per place: none in Ingelheim; the info evening has no place.
    let t = &r.tables[3];
    assert_eq!(columns(t), ["Veranstaltungen", "Termine"]);
    assert_eq!(
        rows(t),
        [
            (s("Ingelheim am Rhein"), vec![0, 0]),
            (s("(ohne Ort)"), vec![1, 1])
        ]
    );

    let overdue: Vec<(&str, String)> = r
        .review_overdue
        .iter()
        .map(|e| (e.item.as_str(), e.date.unwrap().to_string()))
        .collect();
    assert_eq!(overdue, [("offers/beratung", s("2026-01-10"))]);
    // buero is named by offers, verein by a provider, an organizer and buero;
    // nur-verlinkt by a link in a text; niemand by nothing.
    let lonely: Vec<&str> = r
        .unreferenced_contacts
        .iter()
        .map(|e| e.item.as_str())
        .collect();
    assert_eq!(lonely, ["contacts/niemand"]);
}

#[test]
fn events_window_follows_now_and_counts_sessions() {
    let site = fixture();
    site.edit(
        "content/events/markt.md",
        "+++\ntitle",
        "+++\nplaces = [\"ingelheim\"]\ntitle",
    );
    // 1 October 2026: the market's two sessions (10 and 11 Nov) are within 90 days.
    let now = "2026-10-01T00:00:00Z".parse().unwrap();
    let r = report::load_and_report(&site.root, now).unwrap();
    assert_eq!(r.events_ahead, 1);
    assert_eq!(rows(&r.tables[3]), [(s("Ingelheim am Rhein"), vec![1, 2])]);
    // By then the counselling's review date has long passed.
    assert_eq!(r.review_overdue.len(), 1);
}

#[test]
fn cli_writes_deterministic_html_and_csv() {
    let site = fixture();
    let run = |out: &str| {
        let st = Command::new(env!("CARGO_BIN_EXE_wegweiser"))
            .args(["report", "--root"])
            .arg(&site.root)
            .args([
                "--csv",
                &format!("{out}-csv"),
                "--out",
                &format!("{out}.html"),
            ])
            .current_dir(&site.root)
            .env("SOURCE_DATE_EPOCH", NOW.to_string())
            .output()
            .unwrap();
        assert!(
            st.status.success(),
            "{}",
            String::from_utf8_lossy(&st.stderr)
        );
        String::from_utf8(st.stdout).unwrap()
    };
    let text1 = run("a");
    let text2 = run("b");
    assert_eq!(text1, text2);
    assert!(text1.contains("Stand 2026-01-15: 2 Angebote, 1 Veranstaltungen"));
    let read = |p: &str| std::fs::read_to_string(site.root.join(p)).unwrap();
    assert_eq!(read("a.html"), read("b.html"));
    let html = scraper::Html::parse_document(&read("a.html"));
    // Every empty cell is marked; the topic × place table has one.
    let gaps = common::text(&html, "#angebote-thema-ort td.gap");
    assert_eq!(gaps, "0");
    assert_eq!(
        common::text(&html, "#kontakte tbody th"),
        "content/contacts/niemand.md"
    );
    let csv = read("a-csv/angebote-sprache-ort.csv");
    assert_eq!(
        csv,
        "key,Sprache,ingelheim,total\nen,Englisch,0,0\nfa,Farsi,0,0\nde,Deutsch,1,1\nar,Arabisch,1,1\n"
    );
    assert_eq!(
        read("a-csv/pruefdatum-ueberschritten.csv"),
        "item,title,review_by\noffers/beratung,Migrationsberatung,2026-01-10\n"
    );
    for f in [
        "angebote-thema-ort",
        "angebote-zielgruppe-thema",
        "veranstaltungen-ort",
        "kontakte-ohne-verweis",
    ] {
        assert_eq!(
            read(&format!("a-csv/{f}.csv")),
            read(&format!("b-csv/{f}.csv"))
        );
    }
}

#[test]
fn example_site_gaps_come_first() {
    let site = TestSite::example();
    // 22 November 2026, as scripts/validate-html builds the example.
    let now = jiff::Timestamp::from_second(1_795_305_600).unwrap();
    let r = report::load_and_report(&site.root, now).unwrap();
    assert_eq!(r.offers, 17);
    let langs = &r.tables[2];
    // Easy-read German has no `language-ls` message: its own name shows; no
    // offer is held in it, so it is the first row.
    assert_eq!(langs.rows[0].label, "Leichte Sprache");
    assert_eq!(langs.rows[0].total(), 0);
    // Rows are ordered by number of gaps, most first.
    for t in &r.tables {
        let gaps: Vec<usize> = t.rows.iter().map(|r| r.gaps()).collect();
        assert!(gaps.windows(2).all(|w| w[0] >= w[1]), "{}: {gaps:?}", t.id);
    }
}
