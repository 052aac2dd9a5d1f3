//! Cards with facts (where, when, what it costs, whom to call) and item pages
//! that say how to get there and whom to call (issue 16). "Now" is pinned to
//! 1 January 2026, 01:00 in Berlin (see `TestSite::options`).

mod common;

use common::*;

/// The text of the card whose title links to `href`, and the card's element HTML.
fn card(doc: &scraper::Html, href: &str) -> (String, String) {
    let link = sel("li.card > a");
    doc.select(&sel("li.card"))
        .find(|c| {
            c.select(&link)
                .next()
                .is_some_and(|a| a.value().attr("href") == Some(href))
        })
        .map(|c| (c.text().collect::<String>(), c.html()))
        .unwrap_or_else(|| panic!("no card links to {href}"))
}

/// `(label, value)` rows of a card's facts.
fn facts(card_html: &str) -> Vec<(String, String)> {
    let frag = scraper::Html::parse_fragment(card_html);
    let dt: Vec<String> = frag
        .select(&sel(".card-facts dt"))
        .map(|e| e.text().collect())
        .collect();
    let dd: Vec<String> = frag
        .select(&sel(".card-facts dd"))
        // CLDR puts thin spaces around the dash of a time range in some languages.
        .map(|e| e.text().collect::<String>().replace('\u{2009}', ""))
        .collect();
    assert_eq!(dt.len(), dd.len(), "{card_html}");
    dt.into_iter().zip(dd).collect()
}

fn fact<'a>(rows: &'a [(String, String)], label: &str) -> Option<&'a str> {
    rows.iter()
        .find(|(l, _)| l == label)
        .map(|(_, v)| v.as_str())
}

#[test]
fn event_cards_carry_weekday_date_time_and_place() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let doc = site.html("de/events/index.html");
    let (_, html) = card(&doc, "/de/events/infoabend/");
    let rows = facts(&html);
    // 5 February 2026 is a Thursday.
    assert_eq!(
        fact(&rows, "Wann?"),
        Some("Donnerstag, 5. Februar 2026, 18:00–20:00"),
        "{rows:?}"
    );
    assert_eq!(fact(&rows, "Ort"), Some("Kreishaus"), "{rows:?}");
    let frag = scraper::Html::parse_fragment(&html);
    assert_eq!(
        attrs(&frag, "time", "datetime"),
        ["2026-02-05", "2026-02-05T18:00"]
    );

    // A two-day event: its next day, and until when it lasts.
    let (_, html) = card(&doc, "/de/events/markt/");
    let when = facts(&html)
        .into_iter()
        .find(|(l, _)| l == "Wann?")
        .unwrap()
        .1;
    assert_eq!(
        when,
        "Dienstag, 10. November 2026 – Mittwoch, 11. November 2026, 10:00–15:00"
    );

    // In Arabic: the weekday in Arabic, the same machine-readable times.
    let doc = site.html("ar/events/index.html");
    let (text, html) = card(&doc, "/ar/events/infoabend/");
    assert!(text.contains("الخميس"), "{text}");
    assert!(text.contains("Kreishaus"), "{text}");
    let frag = scraper::Html::parse_fragment(&html);
    assert_eq!(
        attrs(&frag, "time", "datetime"),
        ["2026-02-05", "2026-02-05T18:00"]
    );
}

#[test]
fn event_cards_say_today_and_tomorrow_only_when_true() {
    let site = TestSite::fixture("site");
    site.edit(
        "content/events/infoabend.md",
        "start = 2026-02-05T18:00\nend = 2026-02-05T20:00",
        "start = 2026-01-01T18:00\nend = 2026-01-01T20:00",
    );
    site.edit(
        "content/events/markt.md",
        "{ start = 2026-11-10T10:00, end = 2026-11-10T15:00 },\n  { start = 2026-11-11T11:00, end = 2026-11-11T16:30 },",
        "{ start = 2026-01-02T10:00, end = 2026-01-02T15:00 },",
    );
    site.build_ok();
    let doc = site.html("de/events/index.html");
    let today = text(&doc, "li.card .card-facts strong");
    assert_eq!(today, "heute\nmorgen");
    let (text_today, _) = card(&doc, "/de/events/infoabend/");
    assert!(
        text_today.contains("heute Donnerstag, 1. Januar 2026"),
        "{text_today}"
    );
    let en = site.html("en/events/index.html");
    assert_eq!(text(&en, "li.card .card-facts strong"), "today\ntomorrow");

    // A week later neither is true.
    let site = TestSite::fixture("site");
    site.build_ok();
    let doc = site.html("de/events/index.html");
    assert_eq!(text(&doc, "li.card .card-facts strong"), "");
}

#[test]
fn offer_cards_carry_place_schedule_cost_languages_and_a_phone() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let doc = site.html("de/offers/index.html");
    let (_, html) = card(&doc, "/de/offers/sprachcafe/");
    let rows = facts(&html);
    assert_eq!(fact(&rows, "Ort"), Some("Ingelheim am Rhein"), "{rows:?}");
    assert_eq!(
        fact(&rows, "Wann?"),
        Some("Dienstags 15–17 Uhr"),
        "{rows:?}"
    );
    assert_eq!(fact(&rows, "Kosten"), Some("kostenlos"), "{rows:?}");
    assert_eq!(fact(&rows, "Sprachen"), Some("Deutsch und Arabisch"));
    // The first named contact with a phone (the Integrationsbüro), not the provider.
    assert_eq!(fact(&rows, "Telefon"), Some("+49 6132 0000-100"));
    let frag = scraper::Html::parse_fragment(&html);
    assert_eq!(
        attrs(&frag, "a[href^='tel:']", "href"),
        ["tel:+4961320000100"]
    );
    // Phone numbers read left to right inside right-to-left pages.
    let ar = site.html("ar/offers/index.html");
    let (_, html) = card(&ar, "/ar/offers/sprachcafe/");
    let frag = scraper::Html::parse_fragment(&html);
    assert_eq!(
        text(&frag, "a[href^='tel:'] bdi[dir=ltr]"),
        "+49 6132 0000-100"
    );
    assert!(text(&frag, ".card-facts dd").contains("إنغلهايم"), "{html}");
}

#[test]
fn offers_without_a_phone_offer_e_mail_and_contact_lists_show_phones() {
    let site = TestSite::fixture("site");
    site.edit(
        "content/contacts/buero.md",
        "phone = \"+49 6132 0000-100\"\n",
        "",
    );
    site.build_ok();
    let doc = site.html("de/offers/index.html");
    let (_, html) = card(&doc, "/de/offers/beratung/");
    let frag = scraper::Html::parse_fragment(&html);
    assert_eq!(
        attrs(&frag, ".card-facts a", "href"),
        ["mailto:buero@example.org"]
    );

    let site = TestSite::fixture("site");
    site.build_ok();
    let doc = site.html("de/contacts/index.html");
    let (_, html) = card(&doc, "/de/contacts/buero/");
    assert!(html.contains("href=\"tel:+4961320000100\""), "{html}");
    // A contact without phone or e-mail has no empty list of facts.
    let (_, html) = card(&doc, "/de/contacts/verein/");
    assert!(!html.contains("card-facts"), "{html}");
}

#[test]
fn offer_and_event_pages_show_whom_to_call() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let doc = site.html("de/offers/beratung/index.html");
    let reach = sel("section.reach");
    let section = doc.select(&reach).next().expect("a contact block");
    let html = section.html();
    assert!(html.contains("href=\"tel:+4961320000100\""), "{html}");
    assert!(html.contains("href=\"mailto:buero@example.org\""), "{html}");
    assert!(html.contains("href=\"/de/contacts/buero/\""), "{html}");

    // The event's organizer has neither phone nor e-mail: no empty block.
    let doc = site.html("de/events/infoabend/index.html");
    assert!(doc.select(&reach).next().is_none());
}

#[test]
fn past_events_have_no_calendar_button() {
    let site = TestSite::fixture("site");
    site.edit(
        "content/events/infoabend.md",
        "start = 2026-02-05T18:00\nend = 2026-02-05T20:00",
        "start = 2025-02-05T18:00\nend = 2025-02-05T20:00",
    );
    site.build_ok();
    let calendar = |rel: &str| attrs(&site.html(rel), "a[download][href$='.ics']", "href");
    assert_eq!(
        calendar("de/events/infoabend/index.html"),
        Vec::<String>::new()
    );
    assert_eq!(
        calendar("de/events/markt/index.html"),
        ["/de/events/markt.ics"]
    );
    // The archive's card shows the day it took place, without "today".
    let doc = site.html("de/archive/index.html");
    let (text, _) = card(&doc, "/de/events/infoabend/");
    let text = text.replace('\u{2009}', "");
    assert!(
        text.contains("Mittwoch, 5. Februar 2025, 18:00–20:00"),
        "{text}"
    );
}

#[test]
fn example_cards_show_places_and_item_pages_link_directions_and_map_apps() {
    let site = TestSite::example();
    site.build_ok();
    for lang in ["de", "ar", "uk"] {
        for list in ["offers", "events"] {
            let doc = site.html(&format!("{lang}/{list}/index.html"));
            let cards: Vec<_> = doc.select(&sel("ul.cards > li.card")).collect();
            assert!(!cards.is_empty(), "{lang}/{list}");
            for c in cards {
                let rows: Vec<_> = c.select(&sel(".card-facts dt")).collect();
                assert!(
                    rows.len() >= 2,
                    "{lang}/{list}: a card without facts: {}",
                    c.html()
                );
                // Events: the date (with its weekday), and the time unless all day.
                if list == "events" {
                    assert!(
                        c.select(&sel("time[datetime]")).count() >= 1,
                        "{}",
                        c.html()
                    );
                }
            }
        }
    }
    // Every language labels the route planner and the map app differently.
    for lang in ["de", "ls", "en", "ar", "uk", "fa", "tr", "ru"] {
        let doc = site.html(&format!("{lang}/offers/sprachcafe-ingelheim/index.html"));
        let links: Vec<(String, String)> = doc
            .select(&sel(".where .map-links a"))
            .map(|a| {
                (
                    a.value().attr("href").unwrap().to_string(),
                    a.text().collect(),
                )
            })
            .collect();
        assert_eq!(links.len(), 2, "{lang}");
        assert_eq!(
            links[0].0,
            "https://www.openstreetmap.org/directions?to=49.97%2C8.06"
        );
        assert_eq!(links[1].0, "geo:49.97,8.06");
        assert_ne!(links[0].1, links[1].1, "{lang}: two links, one label");
        // The address and its links are one unit.
        assert_eq!(
            text(&doc, ".where bdi.address"),
            "Beispielstraße 12, 55218 Ingelheim am Rhein"
        );
    }
}

/// A theme written before cards were rendered once per item: its `list.html`
/// includes `partials/card.html` for each card itself. It still builds, and
/// its pages are the same bytes as with the current `list.html`.
#[test]
fn a_list_template_that_includes_the_card_partial_still_builds_the_same_pages() {
    let current = TestSite::example();
    current.build_ok();
    let older = TestSite::example();
    older.edit(
        "themes/default/templates/list.html",
        "{{ card | safe }}",
        "{% include \"partials/card.html\" %}",
    );
    older.build_ok();
    let (a, b) = (current.files(), older.files());
    assert_eq!(a.len(), b.len());
    let differing: Vec<&String> = a.keys().filter(|k| a.get(*k) != b.get(*k)).collect();
    // The service worker's version digests the theme's files.
    assert!(
        differing.iter().all(|f| f.ends_with("sw.js")),
        "differ: {differing:?}"
    );
    let list = current.html("de/offers/index.html");
    assert!(list.select(&sel("li.card")).count() > 2);
}
