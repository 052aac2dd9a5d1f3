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

/// The fixture's report at [`NOW`].
fn report_now(site: &TestSite) -> report::Report {
    let now = jiff::Timestamp::from_second(NOW).unwrap();
    report::load_and_report(&site.root, now).unwrap()
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
    let r = report_now(&site);
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
        common::stdout_of(
            Command::new(env!("CARGO_BIN_EXE_wegweiser"))
                .args(["report", "--root"])
                .arg(&site.root)
                .args([
                    "--csv",
                    &format!("{out}-csv"),
                    "--out",
                    &format!("{out}.html"),
                ])
                .current_dir(&site.root)
                .env("SOURCE_DATE_EPOCH", NOW.to_string()),
        )
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
    // Easy-read German is a variant of `de` that `offered_in` cannot name:
    // no row of zeros, but the note says why it is missing.
    assert!(
        langs.rows.iter().all(|r| r.key != "ls"),
        "{:?}",
        rows(langs)
    );
    assert!(
        langs
            .note
            .contains("kein Angebot in dieser Sprache stattfindet: Leichte Sprache."),
        "{}",
        langs.note
    );
    // Rows are ordered by number of gaps, most first.
    for t in &r.tables {
        let gaps: Vec<usize> = t.rows.iter().map(|r| r.gaps()).collect();
        assert!(gaps.windows(2).all(|w| w[0] >= w[1]), "{}: {gaps:?}", t.id);
    }
}

/// The offers of the example that carry `topic`, as the topic's list counts them.
fn offers_with_topic(site: &TestSite, now: jiff::Timestamp, topic: &str) -> usize {
    let s = wegweiser::translate::load(&site.root).unwrap();
    let now = now.to_zoned(s.config.time_zone.clone()).datetime();
    s.counted(wegweiser::content::Kind::Offer, now)
        .filter(|o| !o.draft)
        .filter_map(|o| o.data.listing())
        .filter(|l| l.topics.iter().any(|t| t == topic))
        .count()
}

#[test]
fn sums_count_each_offer_once() {
    let site = fixture();
    // The Sprachcafé now meets in two places: two cells, one offer.
    site.edit(
        "site.toml",
        "places = [\"ingelheim\"]",
        "places = [\"ingelheim\", \"bingen\"]",
    );
    site.edit(
        "content/offers/sprachcafe.md",
        "places = [\"ingelheim\"]",
        "places = [\"ingelheim\", \"bingen\"]",
    );
    let r = report_now(&site);
    let t = &r.tables[0];
    assert_eq!(t.cell("sprache", "ingelheim"), Some(1));
    assert_eq!(t.cell("sprache", "bingen"), Some(1));
    let total = |t: &Table, key: &str| t.rows.iter().find(|r| r.key == key).unwrap().total();
    assert_eq!(total(t, "sprache"), 1);
    // The counselling has no place: no cell, but it is an offer of its topic.
    assert_eq!(total(t, "beratung"), 1);
    // German: one offer in two places.
    assert_eq!(total(&r.tables[2], "de"), 1);
    assert_eq!(
        report::csv::table(&r.tables[2]).unwrap().lines().nth(3),
        Some("de,Deutsch,1,1,1")
    );
    // The events table has no sum: events and their dates do not add up.
    assert!(!r.tables[3].has_total);

    // The example: every topic's sum is the number of offers its list shows.
    let site = TestSite::example();
    let now = jiff::Timestamp::from_second(1_795_305_600).unwrap();
    let r = report::load_and_report(&site.root, now).unwrap();
    let t = &r.tables[0];
    assert_eq!(total(t, "gesundheit-beratung"), 9);
    for row in &t.rows {
        assert_eq!(
            row.total(),
            offers_with_topic(&site, now, &row.key),
            "{}",
            row.key
        );
    }
}

#[test]
fn places_outside_the_area_are_shown_apart() {
    let site = TestSite::example();
    let now = jiff::Timestamp::from_second(1_795_305_600).unwrap();
    let r = report::load_and_report(&site.root, now).unwrap();
    for t in [&r.tables[0], &r.tables[2]] {
        let inside: Vec<&str> = t.columns.iter().map(|c| c.key.as_str()).collect();
        assert!(!inside.contains(&"wiesbaden"), "{}: {inside:?}", t.id);
        let outside: Vec<&str> = t.outside_columns.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(outside, ["wiesbaden"], "{}", t.id);
        assert!(t.note.contains("Außerhalb") || t.note.contains("außerhalb"));
    }
    // Events per place: Wiesbaden is the last row, apart, and no gap.
    let ev = &r.tables[3];
    let last = ev.rows.last().unwrap();
    assert_eq!(
        (last.key.as_str(), last.outside, last.gaps()),
        ("wiesbaden", true, 0)
    );
    assert!(ev.rows[..ev.rows.len() - 1].iter().all(|r| !r.outside));

    // In the HTML page no cell of Wiesbaden is marked as a gap.
    let out = site.root.join("bericht.html");
    let text = common::stdout_of(
        Command::new(env!("CARGO_BIN_EXE_wegweiser"))
            .args(["report", "--root"])
            .arg(&site.root)
            .arg("--out")
            .arg(&out)
            .env("SOURCE_DATE_EPOCH", "1795305600"),
    );
    assert!(text.contains("‖ Wiesbaden"), "{text}");
    let html = scraper::Html::parse_document(&std::fs::read_to_string(&out).unwrap());
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    assert_eq!(
        common::text(&html, "#angebote-thema-ort th[scope=colgroup]"),
        "Außerhalb des Kreises"
    );
    assert!(
        html.select(&sel("td.outside.gap, tbody.outside td.gap"))
            .next()
            .is_none()
    );
    assert_eq!(
        html.select(&sel("#veranstaltungen-ort tbody.outside th[scope=row]"))
            .map(|e| e.text().collect::<String>())
            .collect::<Vec<_>>(),
        ["Wiesbaden"]
    );
}

#[test]
fn outside_places_must_be_places_of_the_site() {
    let site = fixture();
    site.edit(
        "site.toml",
        "places = [\"ingelheim\"]",
        "places = [\"ingelheim\"]\noutside_places = [\"wiesbaden\"]",
    );
    let now = jiff::Timestamp::from_second(NOW).unwrap();
    let err = report::load_and_report(&site.root, now).unwrap_err();
    assert!(
        err.render_short()
            .contains("outside_places names `wiesbaden`"),
        "{}",
        err.render_short()
    );
}

#[test]
fn wording_matches_the_cells() {
    let site = fixture();
    let r = report_now(&site);
    let text = report::text(&r);
    // The cells show 0, and the notes say so; no "empty cells" that are not empty.
    assert!(!text.contains('–'), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("beratung ") && l.ends_with(" 0 |     1")),
        "{text}"
    );
    for t in r.all_tables() {
        assert!(!t.note.contains("Leere Zellen"), "{}", t.note);
    }
    assert!(r.tables[0].note.contains("Eine 0 heißt: kein Angebot."));
}

/// The report follows the tool's language: the terminal text in German
/// and English (snapshots), the HTML page's language and headings too.
/// Terms (topics, places) keep the labels of the site's default language.
#[test]
fn report_in_german_and_english() {
    let site = fixture();
    for (lang, heading) in [
        ("de", "Kontakte, auf die nichts verweist"),
        ("en", "Contacts nothing refers to"),
    ] {
        let html = site.root.with_file_name(format!("report-{lang}.html"));
        let args = [
            "report".as_ref(),
            "--root".as_ref(),
            site.root.as_os_str(),
            "--out".as_ref(),
            html.as_os_str(),
        ];
        let text = common::wegweiser_in(lang, &args, NOW);
        insta::assert_snapshot!(format!("report_{lang}"), text);
        let page = std::fs::read_to_string(&html).unwrap();
        assert!(page.contains(&format!("<html lang=\"{lang}\">")), "{page}");
        assert!(page.contains(&format!("<h2>{heading} (1)</h2>")), "{page}");
    }
}
