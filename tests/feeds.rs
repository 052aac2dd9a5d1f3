//! Feeds per topic, audience and place (a calendar and an Atom feed of the
//! upcoming events, in every language) and the Atom feed of all changes.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::*;
use wegweiser::build::Pipeline;

/// The fixture with events on different topics and places, one of them past
/// (now is 1 January 2026) and one translated into Arabic.
fn feed_site() -> TestSite {
    let site = TestSite::fixture("site");
    site.edit(
        "site.toml",
        "places = [\"ingelheim\"]",
        "places = [\"ingelheim\", \"bingen\"]",
    );
    let event = |slug: &str, day: &str, terms: &str| {
        site.write(
            &format!("content/events/{slug}.md"),
            &format!(
                "+++\ntitle = \"{slug}\"\nstart = {day}T18:00\nend = {day}T20:00\n{terms}\n+++\nText.\n"
            ),
        );
    };
    event(
        "kurs-ingelheim",
        "2026-03-02",
        "topics = [\"sprache\"]\nplaces = [\"ingelheim\"]",
    );
    event(
        "beratung-bingen",
        "2026-03-03",
        "topics = [\"beratung\"]\nplaces = [\"bingen\"]\naudiences = [\"frauen\"]",
    );
    event(
        "beides",
        "2026-03-04",
        "topics = [\"sprache\", \"beratung\"]\nplaces = [\"bingen\"]",
    );
    event("vorbei", "2025-06-01", "topics = [\"sprache\"]");
    site.write(
        "content/events/beides.ar.md",
        "+++\ntitle = \"كلاهما\"\n+++\nنص.\n",
    );
    site
}

/// The UIDs of a calendar's events (their slug before the `@`).
fn calendar_slugs(ics: &str) -> BTreeSet<String> {
    ics.replace("\r\n ", "")
        .lines()
        .filter_map(|l| l.strip_prefix("UID:"))
        .map(|u| {
            let uid = u.split('@').next().unwrap_or("");
            // A session's UID is `<slug>-<n>` (no slug here ends in a number).
            match uid.rsplit_once('-') {
                Some((slug, n)) if n.bytes().all(|b| b.is_ascii_digit()) => slug.to_string(),
                _ => uid.to_string(),
            }
        })
        .collect()
}

/// The `<id>`s of a feed's entries (the feed's own id comes first).
fn entry_ids(atom: &str) -> Vec<String> {
    atom.split("<id>")
        .skip(2)
        .filter_map(|s| s.split("</id>").next())
        .map(str::to_string)
        .collect()
}

/// The slug at the end of an item's address.
fn slugs(ids: &[String]) -> BTreeSet<String> {
    ids.iter()
        .map(|i| {
            i.trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect()
}

fn set(xs: &[&str]) -> BTreeSet<String> {
    xs.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_topic_feed_has_exactly_the_upcoming_events_on_the_topic() {
    let site = feed_site();
    site.build_ok();
    // The fixture's own `infoabend` (5 February 2026) is on `sprache`.
    let sprache = set(&["infoabend", "kurs-ingelheim", "beides"]);
    let beratung = set(&["beratung-bingen", "beides"]);
    for lang in ["de", "ar"] {
        let ics = site.read(&format!("{lang}/topics/sprache/events.ics"));
        assert_eq!(calendar_slugs(&ics), sprache, "{lang}: {ics}");
        let atom = site.read(&format!("{lang}/topics/sprache/feed.atom"));
        assert_eq!(slugs(&entry_ids(&atom)), sprache, "{lang}: {atom}");
        assert!(atom.contains(&format!("xml:lang=\"{lang}\"")));
        let ics = site.read(&format!("{lang}/topics/beratung/events.ics"));
        assert_eq!(calendar_slugs(&ics), beratung, "{lang}");
        let atom = site.read(&format!("{lang}/topics/beratung/feed.atom"));
        assert_eq!(slugs(&entry_ids(&atom)), beratung, "{lang}");
    }
    // Arabic text where there is one, and the Arabic page's address.
    let ar = site.read("ar/topics/sprache/feed.atom");
    assert!(ar.contains("كلاهما"), "{ar}");
    assert!(ar.contains("https://guide.example.org/ar/events/beides/"));
    assert!(!ar.contains("/de/events/"));
    let ar_ics = site.read("ar/topics/beratung/events.ics");
    assert!(ar_ics.contains("SUMMARY;LANGUAGE=ar:كلاهما"), "{ar_ics}");
}

#[test]
fn a_place_and_an_audience_feed_have_exactly_their_events() {
    let site = feed_site();
    site.build_ok();
    for lang in ["de", "ar"] {
        let bingen = site.read(&format!("{lang}/places/bingen/events.ics"));
        assert_eq!(calendar_slugs(&bingen), set(&["beratung-bingen", "beides"]));
        let ingelheim = site.read(&format!("{lang}/places/ingelheim/feed.atom"));
        assert_eq!(slugs(&entry_ids(&ingelheim)), set(&["kurs-ingelheim"]));
        let frauen = site.read(&format!("{lang}/audiences/frauen/events.ics"));
        assert_eq!(calendar_slugs(&frauen), set(&["beratung-bingen"]));
    }
}

#[test]
fn every_term_has_feeds_even_without_events_and_its_page_links_them() {
    let site = feed_site();
    site.edit(
        "site.toml",
        "places = [\"ingelheim\", \"bingen\"]",
        "places = [\"ingelheim\", \"bingen\", \"mainz\"]",
    );
    site.build_ok();
    // An empty calendar and feed: a subscription never meets a 404.
    let ics = site.read("de/places/mainz/events.ics");
    assert!(ics.starts_with("BEGIN:VCALENDAR") && !ics.contains("BEGIN:VEVENT"));
    assert!(entry_ids(&site.read("de/places/mainz/feed.atom")).is_empty());
    let page = site.html("ar/places/bingen/index.html");
    let hrefs = attrs(&page, "main a", "href");
    for want in [
        "webcal://guide.example.org/ar/places/bingen/events.ics",
        "/ar/places/bingen/events.ics",
        "/ar/places/bingen/feed.atom",
    ] {
        assert!(hrefs.iter().any(|h| h == want), "{want}: {hrefs:?}");
    }
    assert_eq!(
        attrs(&page, "link[type='application/atom+xml']", "href"),
        vec!["/ar/feed.atom", "/ar/places/bingen/feed.atom"]
    );
}

#[test]
fn the_changes_feed_has_the_newest_hundred_newest_first() {
    let site = TestSite::fixture("site");
    // 120 offers changed on 120 different days, written in a shuffled order.
    for i in 0..120u32 {
        let n = (i * 37) % 120;
        let day = jiff::civil::date(2027, 1, 1) + jiff::Span::new().days(i64::from(n));
        site.write(
            &format!("content/offers/angebot-{n:03}.md"),
            &format!("+++\ntitle = \"Angebot {n}\"\nupdated = {day}\n+++\nText.\n"),
        );
    }
    site.build_ok();
    let atom = site.read("de/changes.atom");
    let ids = entry_ids(&atom);
    assert_eq!(ids.len(), 100, "{atom}");
    let updated: Vec<&str> = atom
        .split("<updated>")
        .skip(2)
        .filter_map(|s| s.split("</updated>").next())
        .collect();
    assert_eq!(updated.len(), 100);
    assert!(updated.windows(2).all(|w| w[0] >= w[1]), "{updated:?}");
    // The feed's own `updated` is its newest entry's.
    assert!(atom.contains(&format!("<updated>{}</updated>\n <author>", updated[0])));
    // Later than every date of the fixture: exactly the newest hundred
    // offers, newest first; the twenty oldest and the fixture's items fall out.
    let want: Vec<String> = (20..120)
        .rev()
        .map(|n| format!("https://guide.example.org/de/offers/angebot-{n:03}/"))
        .collect();
    assert_eq!(ids, want);
    assert!(atom.contains("<category term=\"offers\"/>"));
    let ar = site.read("ar/changes.atom");
    assert_eq!(entry_ids(&ar).len(), 100);
    assert!(entry_ids(&ar)[0].starts_with("https://guide.example.org/ar/"));
    let home = site.html("de/index.html");
    assert!(
        attrs(&home, "link[type='application/atom+xml']", "href")
            .contains(&"/de/changes.atom".to_string())
    );
}

#[test]
fn the_changes_feed_names_every_kind_of_item() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let atom = site.read("en/changes.atom");
    for kind in ["offers", "events", "contacts"] {
        assert!(
            atom.contains(&format!("<category term=\"{kind}\"/>")),
            "{kind}: {atom}"
        );
    }
    // Free pages are not part of it.
    assert!(!atom.contains("/en/impressum/"));
}

#[test]
fn feeds_are_the_same_bytes_on_every_build() {
    let site = feed_site();
    site.build_ok();
    let feeds = |files: std::collections::BTreeMap<String, Vec<u8>>| {
        files
            .into_iter()
            .filter(|(k, _)| k.ends_with(".atom") || k.ends_with("/events.ics"))
            .collect::<Vec<_>>()
    };
    let first = feeds(site.files());
    assert!(first.len() > 40, "{}", first.len());
    site.build_ok();
    assert!(first == feeds(site.files()));
}

#[test]
fn an_update_of_an_event_changes_the_feeds_of_its_old_and_new_terms() {
    let site = feed_site();
    let mut p = Pipeline::load(&site.options()).unwrap();
    p.render(None).unwrap();
    // The files as served before.
    let (before, _) = p.output().unwrap();
    site.edit(
        "content/events/kurs-ingelheim.md",
        "topics = [\"sprache\"]",
        "topics = [\"beratung\"]",
    );
    let u = p
        .update(&[PathBuf::from("content/events/kurs-ingelheim.md")])
        .unwrap_or_else(|ds| panic!("{}", ds.render()));
    // The data files follow the pages in `settle` (the preview runs it
    // after the reload).
    let later = p.settle().unwrap();
    let changed: BTreeSet<&str> = u
        .changes
        .iter()
        .chain(&later)
        .map(|(k, _)| k.as_str())
        .collect();
    for lang in ["de", "en", "ar", "fa"] {
        for file in [
            format!("{lang}/topics/sprache/events.ics"),
            format!("{lang}/topics/beratung/feed.atom"),
        ] {
            assert!(changed.contains(file.as_str()), "{file}: {changed:?}");
        }
        // A term the event never had is untouched.
        let bingen = format!("{lang}/places/bingen/events.ics");
        assert!(!changed.contains(bingen.as_str()) && before.contains_key(&bingen));
    }
    let (files, _) = p.output().unwrap();
    let beratung = String::from_utf8(files["de/topics/beratung/events.ics"].to_vec()).unwrap();
    assert!(calendar_slugs(&beratung).contains("kurs-ingelheim"));
}
