//! Filters keep their context: on a topic's page every filter narrows within
//! the topic (place, audience, language), leads to a pre-rendered page that
//! has as many offers as the link says, and the page has one group of places.

mod common;

use common::{TestSite, sel, text};

#[test]
fn filters_on_a_topic_page_narrow_within_the_topic() {
    let site = TestSite::example();
    site.build_ok();
    let topics = [
        "sprache-bildung",
        "gesundheit-beratung",
        "ausbildung-arbeit",
    ];
    for topic in topics {
        let here = format!("/de/topics/{topic}/");
        let doc = site.html(&format!("de/topics/{topic}/index.html"));
        let groups: Vec<String> = doc
            .select(&sel("nav.filters summary"))
            .map(|s| s.text().collect::<String>())
            .collect();
        assert_eq!(
            groups,
            ["Wo?", "Für wen?", "In welcher Sprache?", "Themen"],
            "{topic}"
        );
        let mut narrowing = 0;
        for group in doc.select(&sel("nav.filters details")) {
            let heading = group.select(&sel("summary")).next().unwrap();
            let is_topics = heading.text().collect::<String>() == "Themen";
            for a in group.select(&sel("a")) {
                let href = a.value().attr("href").unwrap();
                if is_topics {
                    assert!(href.starts_with("/de/topics/"), "{href}");
                    continue;
                }
                // Every other filter keeps the topic.
                assert!(href.starts_with(&here) && href != here, "{topic}: {href}");
                let said = text(&scraper::Html::parse_fragment(&a.html()), ".count");
                let said: usize = said.trim_matches(['(', ')']).parse().unwrap();
                let list = site.html(&format!("{}index.html", href.trim_start_matches('/')));
                let cards = list.select(&sel("ul.cards > li")).count();
                assert!(said > 0);
                assert_eq!(cards, said, "{href}");
                // The narrowed page marks its own filter link.
                assert_eq!(
                    list.select(&sel("nav.filters a[aria-current=page]"))
                        .count(),
                    1,
                    "{href}"
                );
                narrowing += 1;
            }
        }
        assert!(narrowing >= 6, "{topic}: {narrowing} narrowing filters");
    }
}

#[test]
fn a_topic_with_an_audience_lists_only_offers_for_both() {
    let site = TestSite::example();
    site.build_ok();
    let doc = site.html("de/topics/sprache-bildung/audiences/frauen/index.html");
    assert_eq!(text(&doc, "h1"), "Sprache und Bildung – Frauen");
    let all_women = site.html("de/audiences/frauen/index.html");
    let in_topic = site.html("de/topics/sprache-bildung/index.html");
    let links = |d: &scraper::Html| -> Vec<String> {
        d.select(&sel("ul.cards > li a"))
            .filter_map(|a| a.value().attr("href").map(str::to_string))
            .filter(|h| h.starts_with("/de/offers/"))
            .collect()
    };
    let combo = links(&doc);
    assert!(!combo.is_empty());
    assert!(combo.len() < links(&all_women).len());
    for offer in &combo {
        assert!(links(&all_women).contains(offer), "{offer}");
        assert!(links(&in_topic).contains(offer), "{offer}");
    }
}
