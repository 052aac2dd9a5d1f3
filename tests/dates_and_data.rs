//! Dates and data that used to come out silently wrong: a series "until
//! 9999", times the clocks skip or repeat, sessions given twice, an
//! organisation that belongs to itself, a language key that is a folder of
//! the site, a feedback address that is a script. Each is an error at the
//! offending value, with a fix; the messages are snapshot-tested.

mod common;

use common::TestSite;

/// The same diagnostics as a German-speaking editor sees them (snapshot
/// `<test>@de`): every class of diagnostic in both languages.
macro_rules! in_german {
    ($ds:expr) => {
        insta::with_settings!({ snapshot_suffix => "de" }, {
            insta::assert_snapshot!($ds.render_in(&wegweiser::tool_text::ToolText::new(
                wegweiser::tool_text::Lang::De
            )));
        })
    };
}
use wegweiser::diagnostics::{Diagnostics, Severity};

/// The fixture with `edit` applied: its build must fail with errors at
/// `at` (`file:line:col`, in order), `check` must report the same errors,
/// and neither may write anything.
fn refused(edit: impl FnOnce(&TestSite), at: &[&str]) -> Diagnostics {
    let site = TestSite::fixture("site");
    edit(&site);
    let ds = site.build_err();
    let errors = |ds: &Diagnostics| -> Vec<(Option<String>, String)> {
        ds.iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| (d.location(), d.message()))
            .collect()
    };
    assert_eq!(errors(&site.check()), errors(&ds), "check and build differ");
    assert!(!site.out().exists(), "a refused build writes nothing");
    let locations: Vec<String> = ds.iter().filter_map(|d| d.location()).collect();
    assert_eq!(locations, at, "{}", ds.render_short());
    ds
}

/// [`refused`] with `from` replaced by `to` in the fixture's file `rel`.
fn refused_edit(rel: &str, from: &str, to: &str, at: &[&str]) -> Diagnostics {
    refused(|s| s.edit(rel, from, to), at)
}

/// [`refused`] with a new event `content/events/<slug>.md` (see [`event`]).
fn refused_event(slug: &str, lines: &str, at: &[&str]) -> Diagnostics {
    let write = |s: &TestSite| s.write(&format!("content/events/{slug}.md"), &event(lines));
    refused(write, at)
}

/// A one-language event file with the given front-matter lines.
fn event(lines: &str) -> String {
    format!("+++\ntitle = \"Treffen\"\n{lines}+++\nText.\n")
}

const WEEKLY: &str = "start = 2026-03-17T15:00\nend = 2026-03-17T17:00\nrepeat = \"weekly\"\n";

#[test]
fn a_series_runs_at_most_ten_years_and_every_output_ends_it_alike() {
    let ds = refused_event(
        "treff",
        &format!("{WEEKLY}repeat_until = 9999-12-31\n"),
        &["content/events/treff.md:6:16"],
    );
    insta::assert_snapshot!(ds.render());
    in_german!(ds);

    // One day more than ten years is refused too.
    let ds = refused_event(
        "treff",
        &format!("{WEEKLY}repeat_until = 2036-03-18\n"),
        &["content/events/treff.md:6:16"],
    );
    assert!(
        ds.render_short()
            .contains("at the latest repeat_until = 2036-03-17")
    );

    // The longest series allowed: the page, the JSON-LD schedule and the
    // calendar's UNTIL name the same last day, and the list of dates is
    // complete up to it (the last Tuesday on or before 2036-03-17).
    let site = TestSite::fixture("site");
    site.write(
        "content/events/treff.md",
        &event(&format!("{WEEKLY}repeat_until = 2036-03-17\n")),
    );
    site.build_ok();
    let page = site.read("de/events/treff/index.html");
    assert!(page.contains("bis \u{2068}17. März 2036\u{2069}"), "{page}");
    assert!(page.contains(r#""endDate":"2036-03-17","#), "{page}");
    assert!(
        page.contains(r#""endDate":"2036-03-11T17:00:00+01:00""#),
        "{page}"
    );
    let ics = site.read("de/events/treff.ics");
    assert!(
        ics.contains("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=20360317T225959Z"),
        "{ics}"
    );
}

#[test]
fn a_time_the_clocks_skip_is_refused_with_the_times_around_it() {
    let ds = refused_event(
        "nacht",
        "start = 2027-03-28T02:30\nend = 2027-03-28T04:00\n",
        &["content/events/nacht.md:3:9"],
    );
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn a_time_that_happens_twice_is_refused_with_both_offsets() {
    let ds = refused_edit(
        "content/events/markt.md",
        "{ start = 2026-11-11T11:00, end = 2026-11-11T16:30 }",
        "{ start = 2027-10-31T01:00, end = 2027-10-31T02:30 }",
        &["content/events/markt.md:5:37"],
    );
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn a_series_through_the_clock_changes_lists_the_days_to_leave_out() {
    let series = "start = 2026-03-01T02:30\nend = 2026-03-01T03:30\nrepeat = \"weekly\"\nrepeat_until = 2027-04-30\n";
    let ds = refused_event("nacht", series, &["content/events/nacht.md:3:9"]);
    insta::assert_snapshot!(ds.render());
    in_german!(ds);

    // Leaving the days out, as the help says, is accepted; the calendar
    // excludes them and no page lists them.
    let site = TestSite::fixture("site");
    site.write(
        "content/events/nacht.md",
        &event(&format!(
            "{series}except = [2026-03-29, 2026-10-25, 2027-03-28]\n"
        )),
    );
    site.build_ok();
    let ics = site.read("de/events/nacht.ics");
    for day in ["20260329", "20261025", "20270328"] {
        assert!(
            ics.contains(&format!("EXDATE;TZID=Europe/Berlin:{day}T023000\r\n")),
            "{ics}"
        );
    }
    let page = site.read("de/events/nacht/index.html");
    assert!(page.contains("2026-04-05T02:30") && !page.contains("2026-03-29T02:30"));
}

#[test]
fn sessions_given_twice_or_overlapping_name_both_lines() {
    let twice = |s: &TestSite| {
        s.write(
            "content/events/markt.md",
            "+++\ntitle = \"Mitmachmarkt\"\nsessions = [\n  \
             { start = 2026-11-10T10:00, end = 2026-11-10T15:00 },\n  \
             { start = 2026-11-11T10:00, end = 2026-11-11T15:00 },\n  \
             { start = 2026-11-10T10:00, end = 2026-11-10T15:00 },\n  \
             { start = 2026-11-11T14:30, end = 2026-11-11T16:00 },\n]\n+++\nDrei Tage.\n",
        )
    };
    let ds = refused(
        twice,
        &[
            "content/events/markt.md:6:13",
            "content/events/markt.md:7:13",
        ],
    );
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn dates_of_a_series_may_not_overlap() {
    let ds = refused_event(
        "kurs",
        "start = 2026-03-16T10:00\nend = 2026-03-17T12:00\nrepeat = \"weekly\"\n\
         repeat_on = [\"montag\", \"dienstag\"]\nrepeat_until = 2026-06-30\n",
        &["content/events/kurs.md:4:7"],
    );
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn an_organisation_cannot_belong_to_itself() {
    let cycles = |s: &TestSite| {
        s.edit(
            "content/contacts/verein.md",
            "kind = \"organization\"\n",
            "kind = \"organization\"\norganization = \"verein\"\n",
        );
        for (slug, parent) in [("kreis", "land"), ("land", "bund"), ("bund", "kreis")] {
            s.write(
                &format!("content/contacts/{slug}.md"),
                &format!(
                    "+++\ntitle = \"{slug}\"\nkind = \"organization\"\norganization = \"{parent}\"\n+++\n"
                ),
            );
        }
    };
    let ds = refused(
        cycles,
        &[
            "content/contacts/bund.md:4:16",
            "content/contacts/verein.md:4:16",
        ],
    );
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn a_language_key_cannot_be_a_folder_of_the_site() {
    let ds = refused_edit(
        "site.toml",
        "key = \"fa\"",
        "key = \"search\"",
        &["site.toml:28:7"],
    );
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn every_name_beside_the_language_folders_is_reserved() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let reserved = wegweiser::routes::reserved_language_keys();
    let languages = ["de", "en", "ar", "fa"];
    let mut first_level: Vec<String> = site
        .files()
        .into_keys()
        .map(|f| f.split('/').next().unwrap_or_default().to_string())
        .filter(|f| !languages.contains(&f.as_str()))
        // The marker of an output folder (a dot is never in a language key).
        .filter(|f| f != wegweiser::output::OUTPUT_MARKER)
        .collect();
    first_level.dedup();
    assert!(
        first_level.contains(&"search".to_string()),
        "{first_level:?}"
    );
    for name in &first_level {
        assert!(
            reserved.contains(name),
            "`{name}` is not reserved: {reserved:?}"
        );
    }
    for section in ["offers", "events", "contacts", "pages"] {
        assert!(reserved.iter().any(|r| r == section), "{section}");
    }
}

#[test]
fn the_feedback_address_must_be_an_e_mail_address() {
    let ds = refused_edit(
        "site.toml",
        "feedback = \"feedback@example.org\"",
        "feedback = \"javascript:alert(document.cookie)\"",
        &["site.toml:10:12"],
    );
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}
