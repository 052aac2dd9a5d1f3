//! Opening hours on the example site: the weekly table in the reader's
//! language and digits, the Rhineland-Palatinate holiday closures, the open
//! intervals the badge reads, and the JSON-LD.

mod common;

use common::TestSite;

/// The example built on Monday 21 December 2026, 10:30 in Mainz: Christmas
/// Day (Friday) and New Year's Day are ahead.
fn built() -> TestSite {
    // The example's Arabic pages use Arabic-Indic digits, its Farsi pages
    // Persian ones (`numbering` in site.toml).
    let site = TestSite::example();
    let mut o = site.options();
    o.now = Some("2026-12-21T09:30:00Z".parse().unwrap());
    if let Err(ds) = wegweiser::build(&o) {
        panic!("build failed:\n{}", ds.render());
    }
    site
}

fn rows(site: &TestSite, rel: &str) -> Vec<(String, String)> {
    let html = site.html(rel);
    let tr = scraper::Selector::parse(".hours-week tr").unwrap();
    let cell = scraper::Selector::parse("th, td").unwrap();
    html.select(&tr)
        .map(|r| {
            let c: Vec<String> = r
                .select(&cell)
                .map(|c| c.text().collect::<String>().trim().to_string())
                .collect();
            (c[0].clone(), c[1].clone())
        })
        .collect()
}

#[test]
fn the_week_holidays_badge_data_and_jsonld_of_a_contact() {
    let site = built();
    let page = "contacts/kreisverwaltung-mainz-bingen/index.html";
    let de = rows(&site, &format!("de/{page}"));
    assert_eq!(de.len(), 7);
    assert_eq!(
        de[0],
        ("Montag".into(), "08:00\u{2009}–\u{2009}12:00".into())
    );
    assert_eq!(
        de[3],
        (
            "Donnerstag".into(),
            "08:00\u{2009}–\u{2009}12:00 und 14:00–17:00".into()
        )
    );
    assert_eq!(de[5], ("Samstag".into(), "geschlossen".into()));
    let ar = rows(&site, &format!("ar/{page}"));
    assert_eq!(ar[0].0, "الاثنين");
    assert!(
        ar[0].1.contains("٨:٠٠") && ar[0].1.contains("١٢:٠٠"),
        "{:?}",
        ar[0]
    );
    let fa = rows(&site, &format!("fa/{page}"));
    assert_eq!(fa[0], ("دوشنبه".into(), "۸:۰۰ تا ۱۲:۰۰".into()));
    let uk = rows(&site, &format!("uk/{page}"));
    assert_eq!(uk[0], ("понеділок".into(), "08:00 – 12:00".into()));

    // Christmas Day, a public holiday in Rhineland-Palatinate, is closed.
    let html = site.read(&format!("de/{page}"));
    assert!(
        html.contains("25. Dezember 2026 (1. Weihnachtstag)"),
        "holiday closure listed"
    );
    let doc = site.html(&format!("de/{page}"));
    let hours = doc
        .select(&scraper::Selector::parse("[data-hours]").unwrap())
        .next()
        .expect("the badge's data");
    let list: Vec<i64> = hours
        .value()
        .attr("data-hours")
        .unwrap()
        .split(',')
        .map(|n| n.parse().unwrap())
        .collect();
    // Now (09:30 UTC) is inside the first interval, which ends at 12:00 local.
    let now = 1_797_845_400 / 60; // 2026-12-21T09:30Z
    assert_eq!(&list[..2], &[now, now + 90]);
    let christmas = 1_798_153_200 / 60; // 2026-12-25T00:00+01:00 = 2026-12-24T23:00Z
    assert!(
        !list
            .chunks(2)
            .any(|p| p[0] < christmas + 24 * 60 && p[1] > christmas),
        "no open interval on Christmas Day"
    );
    assert_eq!(hours.value().attr("data-tz"), Some("Europe/Berlin"));
    assert!(html.len() < 30_000, "page is {} bytes", html.len());
    assert!(html.contains("\"openingHoursSpecification\""));
    assert!(html.contains("\"validFrom\":\"2026-12-25\""));
}

/// Cards and the home page's office box carry the badge's intervals of the
/// next two weeks (the same as the item page's, only shorter), and the page
/// the labels, time zone and digits once.
#[test]
fn cards_and_the_office_box_carry_a_compact_badge() {
    let site = built();
    let intervals = |doc: &scraper::Html, sel: &str| -> Vec<i64> {
        let s = scraper::Selector::parse(sel).unwrap();
        doc.select(&s)
            .next()
            .unwrap_or_else(|| panic!("no {sel}"))
            .value()
            .attr("data-hours")
            .unwrap()
            .split(',')
            .map(|n| n.parse().unwrap())
            .collect()
    };
    let item = site.html("ar/contacts/kreisverwaltung-mainz-bingen/index.html");
    let full = intervals(&item, ".hours[data-hours]");
    let list = site.html("ar/contacts/index.html");
    let card = intervals(
        &list,
        "li.card:has(a[href$=\"/kreisverwaltung-mainz-bingen/\"]) .hours-badge",
    );
    let now = 1_797_845_400 / 60; // 2026-12-21T09:30Z
    assert_eq!(
        card[0], now,
        "open now: the first interval began at the build"
    );
    assert!(card.len() < full.len(), "{} vs {}", card.len(), full.len());
    // The same intervals as the item page's, up to the end of the two weeks
    // (where the last one may be cut off).
    let n = card.len();
    assert_eq!(
        card[..n - 1],
        full[..n - 1],
        "a prefix of the item page's list"
    );
    assert!(card[n - 1] <= full[n - 1] && card[n - 1] <= now + 14 * 24 * 60);
    assert!(full[card.len()] >= now + 14 * 24 * 60 - 24 * 60);
    let labels = scraper::Selector::parse("ul.cards[data-open-label]").unwrap();
    let ul = list
        .select(&labels)
        .next()
        .expect("the list carries the labels");
    assert_eq!(ul.value().attr("data-locale"), Some("ar-u-nu-arab"));
    assert_eq!(ul.value().attr("data-tz"), Some("Europe/Berlin"));
    // A list without opening hours (events) carries neither.
    assert!(
        !site
            .read("ar/events/index.html")
            .contains("data-open-label")
    );

    let home = site.html("fa/index.html");
    let office = scraper::Selector::parse("section.office[data-open-label]").unwrap();
    let section = home
        .select(&office)
        .next()
        .expect("the office box's labels");
    assert_eq!(section.value().attr("data-locale"), Some("fa-u-nu-arabext"));
    assert_eq!(intervals(&home, "section.office .hours-badge"), card);
}
