//! Opening hours on the example site: the weekly table in the reader's
//! language and digits, the Rhineland-Palatinate holiday closures, the open
//! intervals the badge reads, and the JSON-LD.

mod common;

use common::TestSite;

/// The example built on Monday 21 December 2026, 10:30 in Mainz: Christmas
/// Day (Friday) and New Year's Day are ahead.
fn built() -> TestSite {
    let site = TestSite::example();
    // Arabic with Arabic-Indic digits (the example itself uses Latin ones).
    site.edit(
        "site.toml",
        "tag = \"ar\"\n",
        "tag = \"ar\"\nnumbering = \"arab\"\n",
    );
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
