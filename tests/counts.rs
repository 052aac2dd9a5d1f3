//! One count per topic: the home page, the topic's own page, the filter
//! link on the offers list and the gap report give the same number (offers
//! while published, events while upcoming), on days when some events are
//! past and others still to come.

mod common;

use common::{TestSite, sel};
use wegweiser::BuildOptions;
use wegweiser::report;

/// The first whole number in `s` ("8 Einträge", "(6)").
fn number(s: &str) -> usize {
    let digits: String = s
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no number in {s:?}"))
}

/// The text of the `.count` inside the link to `href` on a page, if any.
fn count_at(doc: &scraper::Html, scope: &str, href: &str) -> Option<usize> {
    let link = sel(&format!("{scope} a[href=\"{href}\"] .count"));
    doc.select(&link)
        .next()
        .map(|e| number(&e.text().collect::<String>()))
}

/// How many cards a list has over all its pages.
fn cards_on_list(site: &TestSite, first: &str) -> usize {
    let mut n = 0;
    let mut url = Some(first.to_string());
    while let Some(u) = url {
        let doc = site.html(&format!("{}index.html", u.trim_start_matches('/')));
        n += doc.select(&sel("ul.cards > li")).count();
        url = doc
            .select(&sel("a[rel=next]"))
            .next()
            .and_then(|a| a.value().attr("href").map(str::to_string));
    }
    n
}

fn counts_agree_on(day: &str) {
    let site = TestSite::example();
    let now: jiff::Timestamp = format!("{day}T10:00:00Z").parse().unwrap();
    let mut opts = BuildOptions::new(&site.root);
    opts.now = Some(now);
    if let Err(ds) = wegweiser::build(&opts) {
        panic!("build failed:\n{}", ds.render());
    }
    let home = site.html("de/index.html");
    let offers = site.html("de/offers/index.html");
    let r = report::load_and_report(&site.root, now).unwrap();
    assert!(!r.per_topic.rows.is_empty());
    let mut with_events = 0;
    for row in &r.per_topic.rows {
        let url = format!("/de/topics/{}/", row.key);
        let on_home = count_at(&home, ".tiles", &url).unwrap_or_else(|| panic!("home: {url}"));
        let page = site.html(&format!("de/topics/{}/index.html", row.key));
        let on_page = page
            .select(&sel("p.count"))
            .next()
            .map_or(0, |e| number(&e.text().collect::<String>()));
        let cards = cards_on_list(&site, &url);
        // Topics without anything have no filter link.
        let in_filter = count_at(&offers, "nav.filters", &url).unwrap_or(0);
        let reported = row.total();
        assert_eq!(
            (on_home, on_page, cards, in_filter),
            (reported, reported, reported, reported),
            "{day}, topic {}: home, topic page, its cards, filter, report",
            row.key
        );
        with_events += usize::from(row.cells[1] > 0);
    }
    assert!(with_events > 0, "{day}: no topic has upcoming events");
}

#[test]
fn every_topic_has_one_count_while_some_events_are_past() {
    // The MitMachMarkt (Nov 2025) and the spring events of 2026 are past.
    counts_agree_on("2026-11-29");
}
#[test]
fn every_topic_has_one_count_a_year_later() {
    counts_agree_on("2027-09-01");
}

/// The example guide looks alive: on any day until the end of 2028 it has
/// upcoming events (recurring counselling hours, the language meet-up, the
/// women's breakfast, the yearly MitMachMarkt).
#[test]
fn the_example_has_upcoming_events_every_week_until_the_end_of_2028() {
    use wegweiser::content::Kind;
    let root = common::repo();
    let config = wegweiser::config::SiteConfig::load(&root).unwrap();
    let opts = BuildOptions::new(&root);
    let (site, ds) = wegweiser::content::load_site(&root, &config, opts.load_options());
    let site = site.unwrap_or_else(|| panic!("{}", ds.render()));
    let mut day = jiff::civil::date(2026, 11, 29).at(12, 0, 0, 0);
    let end = jiff::civil::date(2028, 12, 10).at(0, 0, 0, 0);
    while day < end {
        let n = site.counted(Kind::Event, day).count();
        assert!(n >= 2, "{day}: {n} upcoming events");
        day = day.checked_add(jiff::Span::new().days(7)).unwrap();
    }
}
