//! `wegweiser status`: what is to be translated, in the order readers need it.

mod common;

use common::TestSite;
use wegweiser::content::status;

/// 1 March 2026, 12:00 UTC: the info evening (5 Feb) is over, the market
/// (10 Nov) is ahead.
const NOW: i64 = 1_772_366_400;

fn fixture() -> TestSite {
    let site = TestSite::fixture("site");
    // An event sooner than the market, and a draft offer.
    site.write(
        "content/events/sprechstunde.md",
        "+++\ntitle = \"Sprechstunde\"\nsessions = [\n  { start = 2026-04-02T10:00, end = 2026-04-02T12:00 },\n]\n+++\nOffen.\n",
    );
    site.write(
        "content/offers/entwurf.md",
        "+++\ntitle = \"Entwurf\"\ndraft = true\nsummary = \"Noch nicht fertig.\"\n+++\nText.\n",
    );
    site
}

fn status_at(site: &TestSite, now: i64) -> String {
    status_in(site, now, "en")
}

/// The table in the tool's language `lang` (de, en).
fn status_in(site: &TestSite, now: i64, lang: &str) -> String {
    let args = ["status".as_ref(), "--root".as_ref(), site.root.as_os_str()];
    common::wegweiser_in(lang, &args, now)
}

fn line<'a>(table: &'a str, start: &str) -> &'a str {
    table
        .lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line `{start}`:\n{table}"))
}

#[test]
fn missing_is_ordered_by_what_readers_need_and_past_events_are_apart() {
    let site = fixture();
    let table = status_at(&site, NOW);
    assert_eq!(
        line(&table, "fa missing"),
        "fa missing (10): events/sprechstunde, events/markt, offers/beratung, offers/sprachcafe, \
         contacts/buero, contacts/verein, pages/barrierefreiheit, pages/datenschutz, \
         pages/impressum, offers/entwurf"
    );
    assert_eq!(
        line(&table, "fa past events"),
        "fa past events, not counted (1): events/infoabend"
    );
    // The count of missing translations leaves the past event out: 11 items
    // have no Farsi file, one of them is over.
    let counts: Vec<&str> = line(&table, "fa ").split_whitespace().collect();
    assert_eq!(counts[6], "10", "{table}");
    assert!(table.contains("Past events are not counted as missing."));

    // Two days later the Sprechstunde is over too; in December every event is.
    let later = status_at(&site, NOW + 33 * 86_400);
    assert_eq!(
        line(&later, "fa past events"),
        "fa past events, not counted (2): events/infoabend, events/sprechstunde"
    );
    let december = status_at(&site, 1_796_083_200);
    assert!(
        line(&december, "fa missing").starts_with("fa missing (8): offers/beratung"),
        "{december}"
    );
}

#[test]
fn a_table_without_a_date_counts_no_event_as_past() {
    let site = fixture();
    let s = wegweiser::translate::load(&site.root).unwrap();
    let report = status::report(&s);
    let table = report.table(&s);
    assert!(!table.contains("past events"), "{table}");
    assert!(
        line(&table, "fa missing")
            .starts_with("fa missing (11): events/infoabend, events/sprechstunde"),
        "{table}"
    );
}

/// The whole table in German and in English: headings, state names, the
/// past events and the sentence on the order.
#[test]
fn status_in_german_and_english() {
    let site = fixture();
    for lang in ["de", "en"] {
        insta::assert_snapshot!(format!("status_{lang}"), status_in(&site, NOW, lang));
    }
}
