//! schema.org data of multi-session events: search engines require
//! `location` on every Event, the sessions (`subEvent`) included.

mod common;

use common::*;

fn jsonld(site: &TestSite, page: &str) -> serde_json::Value {
    let raw = text(&site.html(page), "script[type='application/ld+json']");
    serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{page}: {e}: {raw}"))
}

#[test]
fn every_sub_event_has_the_location_and_attendance_mode_of_its_event() {
    let site = TestSite::fixture("site");
    site.edit(
        "content/events/markt.md",
        "+++\nDrei",
        "location = \"Zukunftswerk\"\naddress = \"Beispielstraße 13, 65183 Wiesbaden\"\ngeo = [50.08, 8.24]\n+++\nDrei",
    );
    site.write(
        "content/events/werkstatt.md",
        "+++\ntitle = \"Werkstatt\"\nsessions = [\n  { start = 2026-06-01T10:00, end = 2026-06-01T12:00 },\n  { start = 2026-06-08T10:00, end = 2026-06-08T12:00 },\n]\nlocation = \"Kreishaus\"\nattendance = \"hybrid\"\nonline_url = \"https://example.org/video\"\n+++\nZweimal.\n",
    );
    site.build_ok();

    let markt = jsonld(&site, "de/events/markt/index.html");
    let subs = markt["subEvent"].as_array().expect("subEvent");
    assert_eq!(subs.len(), 2);
    for s in subs {
        assert_eq!(s["location"], markt["location"], "{s}");
        assert_eq!(s["location"]["name"], "Zukunftswerk");
        assert_eq!(
            s["location"]["address"]["streetAddress"],
            "Beispielstraße 13"
        );
        assert_eq!(
            s["eventAttendanceMode"],
            "https://schema.org/OfflineEventAttendanceMode"
        );
    }
    assert_eq!(subs[1]["startDate"], "2026-11-11T11:00:00+01:00");

    let hybrid = jsonld(&site, "en/events/werkstatt/index.html");
    let subs = hybrid["subEvent"].as_array().expect("subEvent");
    assert_eq!(subs.len(), 2);
    for s in subs {
        let places = s["location"].as_array().expect("place and online address");
        assert_eq!(places[0]["@type"], "Place");
        assert_eq!(places[1]["url"], "https://example.org/video");
        assert_eq!(s["location"], hybrid["location"]);
        assert_eq!(
            s["eventAttendanceMode"],
            "https://schema.org/MixedEventAttendanceMode"
        );
    }
}
