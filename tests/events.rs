//! Events and contacts as data: calendars, contact cards, JSON-LD, feeds,
//! upcoming and past.

mod common;

use common::*;

fn at(s: &str) -> jiff::Timestamp {
    s.parse().unwrap()
}

/// The fixture plus events around the switch to summer time (29 March 2026).
fn dst_site() -> TestSite {
    let site = TestSite::fixture("site");
    site.write(
        "content/events/winterabend.md",
        "+++\ntitle = \"Winterabend\"\nstart = 2026-03-28T18:00\nend = 2026-03-28T20:00\nlocation = \"Kreishaus\"\naddress = \"Georg-Rückert-Straße 11, 55218 Ingelheim am Rhein\"\ngeo = [49.97, 8.06]\norganizer = \"verein\"\n+++\nText.\n",
    );
    site.write(
        "content/events/sommerabend.md",
        "+++\ntitle = \"Sommerabend\"\nstart = 2026-03-29T18:00\nend = 2026-03-29T20:00\nattendance = \"online\"\nonline_url = \"https://example.org/video\"\n+++\nText.\n",
    );
    site.write(
        "content/events/sprachtreff.md",
        "+++\ntitle = \"Sprachtreff\"\nstart = 2026-03-17T15:00\nend = 2026-03-17T17:00\nrepeat = \"weekly\"\nrepeat_on = [\"dienstag\"]\nrepeat_until = 2026-04-14\nexcept = [2026-04-07]\n+++\nJede Woche.\n",
    );
    site
}

fn build_at(site: &TestSite, now: &str) {
    let mut opts = site.options();
    opts.now = Some(at(now));
    if let Err(ds) = wegweiser::build(&opts) {
        panic!("{}", ds.render());
    }
}

fn jsonld(doc: &scraper::Html) -> serde_json::Value {
    let raw = text(doc, "script[type='application/ld+json']");
    serde_json::from_str(&raw).unwrap_or_else(|e| panic!("{e}: {raw}"))
}

#[test]
fn winter_and_summer_time_offsets_in_json_ld_and_ics() {
    let site = dst_site();
    build_at(&site, "2026-03-01T00:00:00Z");
    let winter = jsonld(&site.html("de/events/winterabend/index.html"));
    assert_eq!(winter["startDate"], "2026-03-28T18:00:00+01:00");
    assert_eq!(winter["endDate"], "2026-03-28T20:00:00+01:00");
    assert_eq!(winter["@type"], "Event");
    assert_eq!(winter["location"]["address"]["postalCode"], "55218");
    assert_eq!(winter["location"]["geo"]["latitude"], 49.97);
    assert_eq!(winter["organizer"]["name"], "Verein Miteinander");
    assert_eq!(
        winter["eventAttendanceMode"],
        "https://schema.org/OfflineEventAttendanceMode"
    );
    let summer = jsonld(&site.html("en/events/sommerabend/index.html"));
    assert_eq!(summer["startDate"], "2026-03-29T18:00:00+02:00");
    assert_eq!(summer["inLanguage"], "en");
    assert_eq!(
        summer["eventAttendanceMode"],
        "https://schema.org/OnlineEventAttendanceMode"
    );
    assert_eq!(summer["location"]["@type"], "VirtualLocation");

    let ics = site.read("de/events/sommerabend.ics");
    assert!(
        ics.contains("DTSTART;TZID=Europe/Berlin:20260329T180000"),
        "{ics}"
    );
    assert!(
        ics.contains("TZOFFSETTO:+0200") && ics.contains("TZNAME:CEST"),
        "{ics}"
    );
    assert!(!ics.contains("\r\n\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
}

#[test]
fn recurring_event_expands_across_the_switch_to_summer_time() {
    let site = dst_site();
    build_at(&site, "2026-03-01T00:00:00Z");
    let doc = site.html("de/events/sprachtreff/index.html");
    let dates = attrs(&doc, ".when li > time[datetime]", "datetime");
    let starts: Vec<&String> = dates.iter().filter(|d| d.contains('T')).collect();
    // 17, 24, 31 March and 14 April (7 April is an exception), always 15:00 local time.
    assert_eq!(
        starts,
        vec![
            "2026-03-17T15:00",
            "2026-03-24T15:00",
            "2026-03-31T15:00",
            "2026-04-14T15:00"
        ]
    );
    let rule = text(&doc, ".recurrence");
    assert!(
        rule.contains("Jeden Dienstag") && rule.contains("14. April 2026"),
        "{rule}"
    );
    let ics = site.read("de/events/sprachtreff.ics");
    assert!(
        ics.contains("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20260414T215959Z"),
        "{ics}"
    );
    assert!(
        ics.contains("EXDATE;TZID=Europe/Berlin:20260407T150000"),
        "{ics}"
    );
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
    let ld = jsonld(&doc);
    assert_eq!(ld["eventSchedule"]["repeatFrequency"], "P1W");
    assert_eq!(
        ld["eventSchedule"]["byDay"][0],
        "https://schema.org/Tuesday"
    );
    assert_eq!(ld["eventSchedule"]["exceptDate"][0], "2026-04-07");
    // The list shows the next date and how it repeats.
    let list = text(&site.html("de/events/index.html"), ".card-event");
    assert!(list.contains("Jeden Dienstag"), "{list}");
}

#[test]
fn multi_session_event_has_one_vevent_per_session_with_stable_uids() {
    let site = TestSite::fixture("site");
    build_at(&site, "2026-01-01T00:00:00Z");
    let ics = site.read("de/events/markt.ics");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
    assert!(
        ics.contains("UID:markt-1@guide.example.org")
            && ics.contains("UID:markt-2@guide.example.org")
    );
    assert!(ics.contains("DTSTART;TZID=Europe/Berlin:20261111T110000"));
    // Text in the calendar's language; the same UIDs in every language.
    let ar = site.read("ar/events/markt.ics");
    assert!(ar.contains("UID:markt-1@guide.example.org"));
    let ld = jsonld(&site.html("de/events/markt/index.html"));
    assert_eq!(ld["subEvent"].as_array().unwrap().len(), 2);
    assert_eq!(ld["subEvent"][1]["startDate"], "2026-11-11T11:00:00+01:00");
}

#[test]
fn past_events_move_to_the_archive_as_time_goes_on() {
    let site = TestSite::fixture("site");
    build_at(&site, "2026-01-01T00:00:00Z");
    let upcoming = attrs(
        &site.html("de/events/index.html"),
        ".cards .card > a",
        "href",
    );
    assert_eq!(upcoming, vec!["/de/events/infoabend/", "/de/events/markt/"]);
    assert!(
        attrs(
            &site.html("de/archive/index.html"),
            ".cards .card > a",
            "href"
        )
        .is_empty()
    );
    let cal = site.read("de/events.ics");
    assert!(cal.contains("infoabend") && cal.contains("markt"));

    // A later build: the information evening (5 Feb) is over.
    build_at(&site, "2026-03-01T00:00:00Z");
    let upcoming = attrs(
        &site.html("de/events/index.html"),
        ".cards .card > a",
        "href",
    );
    assert_eq!(upcoming, vec!["/de/events/markt/"]);
    let archive = attrs(
        &site.html("de/archive/index.html"),
        ".cards .card > a",
        "href",
    );
    assert_eq!(archive, vec!["/de/events/infoabend/"]);
    let page = site.html("de/events/infoabend/index.html");
    assert!(page.select(&sel(".notice-past")).next().is_some());
    let cal = site.read("de/events.ics");
    assert!(!cal.contains("infoabend") && cal.contains("markt"), "{cal}");
    // The home page shows only what is still to come.
    let home = attrs(&site.html("de/index.html"), ".cards .card > a", "href");
    assert_eq!(home, vec!["/de/events/markt/"]);
}

#[test]
fn same_now_gives_byte_identical_output() {
    let a = TestSite::fixture("site");
    let b = TestSite::fixture("site");
    build_at(&a, "2026-06-01T12:00:00Z");
    build_at(&b, "2026-06-01T12:00:00Z");
    let (fa, fb) = (a.files(), b.files());
    assert!(fa.keys().any(|k| k.ends_with(".ics")) && fa.keys().any(|k| k.ends_with(".vcf")));
    for (k, v) in &fa {
        assert!(v == &fb[k], "{k} differs");
    }
}

#[test]
fn source_date_epoch_sets_now_on_the_command_line() {
    let site = TestSite::fixture("site");
    let run = |epoch: &str| {
        let args = ["build".as_ref(), "--root".as_ref(), site.root.as_os_str()];
        common::wegweiser_in("en", &args, epoch.parse().unwrap());
        attrs(
            &site.html("de/archive/index.html"),
            ".cards .card > a",
            "href",
        )
    };
    assert!(run("1767225600").is_empty(), "2026-01-01: nothing is past");
    assert_eq!(
        run("1772323200"),
        vec!["/de/events/infoabend/"],
        "2026-03-01"
    );
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .args(["build", "--root"])
        .arg(&site.root)
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn contact_cards_and_structured_contact_data() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let vcf = site.read("de/contacts/buero.vcf");
    assert!(vcf.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\n"), "{vcf}");
    assert!(vcf.contains("FN:Integrationsbüro\r\n"));
    assert!(vcf.contains("TEL;TYPE=WORK,VOICE:+4961320000100\r\n"));
    assert!(vcf.contains("ORG:Verein Miteinander\r\n"));
    assert!(vcf.contains("TITLE:Beratung\r\n"));
    let page = site.html("de/contacts/buero/index.html");
    assert_eq!(
        attrs(&page, "a[download]", "href"),
        vec!["/de/contacts/buero.vcf"]
    );
    let ld = jsonld(&page);
    assert_eq!(ld["@type"], "Person");
    assert_eq!(ld["telephone"], "+49 6132 0000-100");
    assert_eq!(ld["worksFor"]["name"], "Verein Miteinander");
    assert_eq!(
        ld["contactPoint"]["availableLanguage"],
        serde_json::json!(["de", "ar"])
    );
    let org = jsonld(&site.html("de/contacts/verein/index.html"));
    assert_eq!(org["@type"], "Organization");
    let offer = jsonld(&site.html("en/offers/sprachcafe/index.html"));
    assert_eq!(offer["@type"], "Service");
    assert_eq!(offer["name"], "Language café");
    assert_eq!(offer["provider"]["name"], "Verein Miteinander");
}

#[test]
fn atom_feed_per_language() {
    let site = TestSite::fixture("site");
    build_at(&site, "2026-01-01T00:00:00Z");
    let feed = site.read("ar/feed.atom");
    assert!(feed.contains(r#"xml:lang="ar""#), "{feed}");
    assert!(feed.contains("<link rel=\"self\" href=\"https://guide.example.org/ar/feed.atom\"/>"));
    assert!(feed.contains("https://guide.example.org/ar/events/markt/"));
    // The offer with `updated` is in; its Arabic title is used.
    assert!(feed.contains("مقهى اللغة"), "{feed}");
    let page = site.html("ar/index.html");
    assert_eq!(
        attrs(&page, "link[type='application/atom+xml']", "href"),
        vec!["/ar/feed.atom", "/ar/changes.atom"]
    );
}

#[test]
fn maps_are_links_not_embeds() {
    let site = dst_site();
    build_at(&site, "2026-03-01T00:00:00Z");
    let doc = site.html("de/events/winterabend/index.html");
    let hrefs = attrs(&doc, "a", "href");
    assert!(hrefs.iter().any(|h| h == "geo:49.97,8.06"), "{hrefs:?}");
    assert!(
        hrefs
            .iter()
            .any(|h| h == "https://www.openstreetmap.org/directions?to=49.97%2C8.06")
    );
    assert!(doc.select(&sel("iframe, img")).next().is_none());
}

#[test]
fn recurrence_mistakes_are_explained() {
    let site = TestSite::fixture("site");
    site.write(
        "content/events/falsch.md",
        "+++\ntitle = \"Falsch\"\nstart = 2026-03-18T15:00\nend = 2026-03-18T17:00\nrepeat = \"weekly\"\nrepeat_on = [\"tuesday\"]\nrepeat_until = 2026-06-30\n+++\n",
    );
    site.write(
        "content/events/ohne-ende.md",
        "+++\ntitle = \"Ohne Ende\"\nstart = 2026-03-17T15:00\nend = 2026-03-17T17:00\nrepeat = \"weekly\"\n+++\n",
    );
    site.write(
        "content/events/tag.md",
        "+++\ntitle = \"Tag\"\nstart = 2026-03-17T15:00\nend = 2026-03-17T17:00\nrepeat = \"weekly\"\nrepeat_on = [\"dienstach\"]\nrepeat_until = 2026-06-30\n+++\n",
    );
    let ds = site.build_err();
    let short = ds.render_short();
    assert!(
        short.contains(
            "content/events/falsch.md:3:9: error: `start` is not a day of the repetition"
        ),
        "{short}"
    );
    assert!(
        short.contains(
            "content/events/ohne-ende.md:5:10: error: a repeating event needs `repeat_until`"
        ),
        "{short}"
    );
    assert!(
        short.contains("content/events/tag.md:6:14: error: `dienstach` is not a weekday"),
        "{short}"
    );
}
