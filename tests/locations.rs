//! Locations on the example site: a location's page lists what is held
//! there (in German and Arabic), an offer that names one shows its address
//! and hours, the structured data, and a missing reference is a positioned
//! error with a suggestion.

mod common;

use common::{TestSite, attrs, text};

/// The example built on Monday 2 February 2026, 08:00 in Mainz: the
/// information evening at the VHS (3 March) and its summer closure
/// (19 July – 13 August 2027) are ahead.
fn built() -> TestSite {
    let site = TestSite::example();
    let mut o = site.options();
    o.now = Some("2026-02-02T07:00:00Z".parse().unwrap());
    if let Err(ds) = wegweiser::build(&o) {
        panic!("build failed:\n{}", ds.render());
    }
    site
}

/// Snapshots of one diagnostic as printed in English and (suffix `de`) in
/// German; a macro so the snapshots take the test's name.
macro_rules! snapshot_in_en_and_de {
    ($d:expr) => {
        let one = wegweiser::diagnostics::Diagnostics::from($d.clone());
        insta::assert_snapshot!(one.render_in(&wegweiser::tool_text::ToolText::new(
            wegweiser::tool_text::Lang::En
        )));
        insta::with_settings!({ snapshot_suffix => "de" }, {
            insta::assert_snapshot!(one.render_in(&wegweiser::tool_text::ToolText::new(
                wegweiser::tool_text::Lang::De
            )));
        });
    };
}

fn jsonld(site: &TestSite, rel: &str) -> serde_json::Value {
    let doc = site.html(rel);
    let s = text(&doc, "script[type=\"application/ld+json\"]");
    serde_json::from_str(&s).unwrap_or_else(|e| panic!("{rel}: {e}: {s}"))
}

#[test]
fn a_location_page_lists_what_is_held_there_in_german_and_arabic() {
    let site = built();
    for lang in ["de", "ar"] {
        let doc = site.html(&format!("{lang}/locations/vhs-ingelheim/index.html"));
        let links = attrs(&doc, "main .cards a", "href");
        for held in [
            format!("/{lang}/offers/integrationskurs-allgemein/"),
            format!("/{lang}/events/infoabend-integrationskurse/"),
            format!("/{lang}/contacts/vhs-ingelheim/"),
        ] {
            assert!(links.contains(&held), "{lang}: {held} not in {links:?}");
        }
        // Nothing held elsewhere.
        assert!(
            !links.iter().any(|l| l.contains("ehrenamt-unterstuetzung")),
            "{links:?}"
        );
        let main = text(&doc, "main");
        assert!(main.contains("Beispielstraße 7, 55218 Ingelheim am Rhein"));
        assert_eq!(doc.select(&common::sel(".hours-week tr")).count(), 7);
        let ar = lang == "ar";
        // The summer closure with its reason in the reader's language.
        let reason = if ar {
            "العطلة الصيفية"
        } else {
            "Sommerpause"
        };
        assert!(main.contains(reason), "{lang}: {main}");
        assert!(main.contains(if ar {
            "مدخل بدون درج"
        } else {
            "Stufenloser Eingang"
        }));
    }
    // The list of locations, in the sitemap and in the search index.
    let list = site.html("de/locations/index.html");
    let all = attrs(&list, "main .cards a", "href");
    assert_eq!(all.len(), 3, "{all:?}");
    assert!(
        site.read("sitemap.xml")
            .contains("/de/locations/zukunftswerk-wiesbaden/")
    );
}

#[test]
fn an_offer_at_a_location_shows_its_address_hours_and_directions() {
    let site = built();
    let doc = site.html("de/offers/integrationskurs-allgemein/index.html");
    let facts = text(&doc, ".facts");
    assert!(
        facts.contains("Beispielstraße 7, 55218 Ingelheim am Rhein"),
        "{facts}"
    );
    assert!(attrs(&doc, ".facts a", "href").contains(&"/de/locations/vhs-ingelheim/".to_string()));
    assert!(
        attrs(&doc, ".map-links a", "href")
            .iter()
            .any(|h| h.starts_with("https://www.openstreetmap.org/directions?to=49.97"))
    );
    // The location's hours (the offer has none of its own); closed in the summer break.
    let hours = text(&doc, ".hours-week");
    assert!(
        hours.contains("Montag") && hours.contains("14:00–16:00"),
        "{hours}"
    );
    let v = jsonld(&site, "de/offers/integrationskurs-allgemein/index.html");
    let place = &v["availableChannel"]["serviceLocation"];
    assert_eq!(place["@type"], "Place");
    assert_eq!(place["address"]["streetAddress"], "Beispielstraße 7");
    // An event's JSON-LD location is its location's place.
    let e = jsonld(&site, "de/events/infoabend-integrationskurse/index.html");
    assert_eq!(
        e["location"]["url"],
        "https://integration.example.org/de/locations/vhs-ingelheim/"
    );
}

#[test]
fn a_locations_jsonld_has_hours_closures_and_amenities() {
    let site = built();
    let v = jsonld(&site, "de/locations/vhs-ingelheim/index.html");
    assert_eq!(v["@type"], "Place");
    assert_eq!(v["geo"]["latitude"], 49.97);
    let specs = v["openingHoursSpecification"].as_array().unwrap();
    assert!(
        specs
            .iter()
            .any(|s| s["opens"] == "14:00" && s["closes"] == "16:00")
    );
    assert!(
        specs
            .iter()
            .any(|s| s["validFrom"] == "2027-07-19" && s["validThrough"] == "2027-08-13"),
        "{specs:?}"
    );
    let features = v["amenityFeature"].as_array().unwrap();
    assert_eq!(features[0]["@type"], "LocationFeatureSpecification");
    assert_eq!(features[0]["value"], true);
    // Unknown features are left out rather than guessed.
    assert_eq!(features.len(), 1);
}

#[test]
fn a_missing_location_is_a_positioned_error_with_a_suggestion() {
    let site = TestSite::example();
    site.edit(
        "content/offers/integrationskurs-allgemein.md",
        "at = \"vhs-ingelheim\"",
        "at = \"vhs-ingelhiem\"",
    );
    let ds = site.build_err();
    let d = ds
        .iter()
        .find(|d| d.message().contains("vhs-ingelhiem"))
        .unwrap_or_else(|| panic!("{}", ds.render()));
    let at = d.location().unwrap_or_default();
    assert!(
        at.starts_with("content/offers/integrationskurs-allgemein.md:"),
        "{at}"
    );
    snapshot_in_en_and_de!(d);
}

#[test]
fn a_bad_accessibility_value_and_a_reversed_closure_are_errors() {
    let site = TestSite::example();
    site.edit(
        "content/locations/vhs-ingelheim.md",
        "step_free = \"yes\"",
        "step_free = \"ja\"",
    );
    site.edit(
        "content/locations/vhs-ingelheim.md",
        "to = 2027-08-13",
        "to = 2027-06-14",
    );
    let ds = site.build_err();
    let all = ds.render();
    assert!(
        all.contains("`ja` is not a value for accessibility"),
        "{all}"
    );
    assert!(
        all.contains("ends (2027-06-14) before it begins (2027-07-19)"),
        "{all}"
    );
}

#[test]
fn quoted_dates_in_closed_work_and_a_german_one_points_at_the_value() {
    // Quoted ISO dates (what a browser editor saves) are dates.
    let site = TestSite::example();
    site.edit(
        "content/locations/vhs-ingelheim.md",
        "{ from = 2027-07-19, to = 2027-08-13,",
        "{ from = \"2027-07-19\", to = \"2027-08-13\",",
    );
    let mut o = site.options();
    o.now = Some("2026-02-02T07:00:00Z".parse().unwrap());
    if let Err(ds) = wegweiser::build(&o) {
        panic!("build failed:\n{}", ds.render());
    }
    let v = jsonld(&site, "de/locations/vhs-ingelheim/index.html");
    assert!(
        v["openingHoursSpecification"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["validFrom"] == "2027-07-19" && s["validThrough"] == "2027-08-13"),
        "{v}"
    );
    // Written the German way: an error at the value inside the list.
    site.edit(
        "content/locations/vhs-ingelheim.md",
        "to = \"2027-08-13\"",
        "to = \"13.08.2027\"",
    );
    let ds = site.build_err();
    assert_eq!(ds.iter().count(), 1, "{}", ds.render());
    let d = ds.iter().next().unwrap();
    let line = std::fs::read_to_string(site.root.join("content/locations/vhs-ingelheim.md"))
        .unwrap()
        .lines()
        .position(|l| l.contains("13.08.2027"))
        .unwrap()
        + 1;
    let at = d.location().unwrap_or_default();
    assert!(
        at.starts_with(&format!("content/locations/vhs-ingelheim.md:{line}:")),
        "{at}"
    );
    snapshot_in_en_and_de!(d);
}

#[test]
fn a_county_office_is_a_government_office_with_its_closures_as_special_days() {
    // Built on 1 December 2026: Christmas (Friday 25th) and New Year's Day
    // (Friday 1 January) are public holidays of Rhineland-Palatinate on
    // days the office is open, and its own closure between the years
    // (27–31 December 2027) is ahead.
    let site = TestSite::example();
    let mut o = site.options();
    o.now = Some("2026-12-01T08:00:00Z".parse().unwrap());
    if let Err(ds) = wegweiser::build(&o) {
        panic!("build failed:\n{}", ds.render());
    }
    let v = jsonld(&site, "de/locations/dienstgebaeude-1-ingelheim/index.html");
    assert_eq!(v["@type"], "GovernmentOffice", "{v}");
    assert_eq!(v["address"]["streetAddress"], "Georg-Rückert-Straße 11");
    let specs = v["openingHoursSpecification"].as_array().unwrap();
    // The regular week: Thursday afternoon on its own.
    assert!(
        specs.iter().any(|s| s["opens"] == "14:00"
            && s["closes"] == "17:00"
            && s["dayOfWeek"] == serde_json::json!(["https://schema.org/Thursday"])),
        "{specs:?}"
    );
    let closed_days: Vec<(String, String)> = specs
        .iter()
        .filter(|s| s["opens"] == "00:00" && s["closes"] == "00:00")
        .map(|s| {
            (
                s["validFrom"].as_str().unwrap().to_string(),
                s["validThrough"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (from, to) in [
        ("2026-12-25", "2026-12-25"), // PH off: Christmas Day
        ("2027-01-01", "2027-01-01"), // PH off: New Year's Day
        ("2027-12-27", "2027-12-31"), // closed = [...]
    ] {
        assert!(
            closed_days.contains(&(from.to_string(), to.to_string())),
            "{from}–{to} not a special day: {closed_days:?}"
        );
    }
    // Every special day is a closure (opens = closes) with dates; no
    // regular entry has dates.
    for s in specs {
        assert_eq!(s["@type"], "OpeningHoursSpecification");
        assert_eq!(s.get("validFrom").is_some(), s.get("dayOfWeek").is_none());
    }
    // An offer held there names it as a government office too.
    let o = jsonld(&site, "de/offers/ehrenamt-unterstuetzung/index.html");
    assert_eq!(
        o["availableChannel"]["serviceLocation"]["@type"], "GovernmentOffice",
        "{o}"
    );
    // The VHS says nothing about its kind: a Place.
    let vhs = jsonld(&site, "de/locations/vhs-ingelheim/index.html");
    assert_eq!(vhs["@type"], "Place");
}

#[test]
fn an_unknown_kind_of_location_suggests_the_known_ones() {
    let site = TestSite::example();
    site.edit(
        "content/locations/dienstgebaeude-1-ingelheim.md",
        "kind = \"office\"",
        "kind = \"ofice\"",
    );
    let all = site.build_err().render();
    assert!(all.contains("`ofice` is not a kind of location"), "{all}");
    assert!(all.contains("`office`"), "{all}");
    assert!(all.contains("dienstgebaeude-1-ingelheim.md:7:"), "{all}");
}

#[test]
fn check_warns_about_stale_closures_and_appointment_links_without_https() {
    let site = TestSite::example();
    site.edit(
        "content/locations/vhs-ingelheim.md",
        "places = [\"ingelheim\"]",
        "places = [\"ingelheim\"]\nappointment_url = \"http://example.org/termin\"",
    );
    let check_on = |now: &str| {
        let mut o = site.options();
        o.now = Some(now.parse().unwrap());
        let ds = wegweiser::check::check(&o);
        ds.iter()
            .filter(|d| {
                d.message().contains("ended more than a year ago")
                    || d.message().contains("https://")
            })
            .map(|d| format!("{} {}", d.location().unwrap_or_default(), d.message()))
            .collect::<Vec<_>>()
    };
    // A year after the 2027 summer break ended: that period is stale.
    let found = check_on("2028-09-01T08:00:00Z");
    // In the order of the file: the appointment line (added after
    // `places`), then the `to` of the 2027 period.
    assert_eq!(
        found,
        [
            "content/locations/vhs-ingelheim.md:7:1 the appointment address http://example.org/termin does not begin with https://",
            "content/locations/vhs-ingelheim.md:10:24 the closure from 2027-07-19 to 2027-08-13 ended more than a year ago",
        ]
    );
    // Within the year after it ended, the period is not reported yet.
    let found = check_on("2028-08-01T08:00:00Z");
    assert_eq!(found.len(), 1, "{found:?}");
}
