//! Every kind of editor mistake ends in a diagnostic that names the file,
//! line and column and says how to fix it. The messages are snapshot-tested:
//! they are the editors' interface.

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

/// `(location, message)` of the errors, for comparing build and check.
fn errors(ds: &Diagnostics) -> Vec<(Option<String>, String)> {
    ds.iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.location(), d.message()))
        .collect()
}

/// Builds the fixture, breaks it, and returns the failed build's diagnostics
/// after checking that the previous output is intact and that `check`
/// reports the same errors.
fn broken(edit: impl FnOnce(&TestSite)) -> Diagnostics {
    let site = TestSite::fixture("site");
    site.build_ok();
    let before = site.files();
    edit(&site);
    let ds = site.build_err();
    assert!(
        site.files() == before,
        "a failed build must not touch public/"
    );
    let checked = site.check();
    assert_eq!(
        errors(&checked),
        errors(&ds),
        "check must report what build reports:\n{}",
        checked.render_short()
    );
    assert!(site.files() == before, "check must not touch public/");
    ds
}

/// Like [`broken`] for problems only `check` finds: the build succeeds.
fn check_finds(edit: impl FnOnce(&TestSite)) -> Diagnostics {
    let site = TestSite::fixture("site");
    edit(&site);
    site.build_ok();
    let before = site.files();
    let ds = site.check();
    assert!(site.files() == before, "check must not touch public/");
    ds
}

/// Every diagnostic, one line each (check also reports the fixture's
/// untranslated pages and the like: those are part of what editors see).
/// Only what differs between machines is redacted: the temporary folder.
/// Checks that each diagnostic is exactly one line.
fn every_line(ds: &Diagnostics) -> String {
    let tmp = std::env::temp_dir();
    let shown = ds
        .render_short()
        .replace(&*tmp.to_string_lossy(), "TMP")
        .trim_end()
        .to_string();
    assert_eq!(
        shown.lines().count(),
        ds.iter().count(),
        "one line per diagnostic:\n{shown}"
    );
    shown
}

/// How many warnings `check` finds in the untouched fixture.
fn fixture_warnings() -> usize {
    let ds = TestSite::fixture("site").check();
    assert_eq!(ds.error_count(), 0, "{}", ds.render_short());
    ds.warning_count()
}

/// The first error's `file:line:col`.
fn location(ds: &Diagnostics) -> String {
    ds.iter()
        .next()
        .and_then(|d| d.location())
        .unwrap_or_default()
}

#[test]
fn unknown_field_suggests_the_right_one() {
    let ds = broken(|s| s.edit("content/offers/sprachcafe.md", "schedule =", "shedule ="));
    assert_eq!(location(&ds), "content/offers/sprachcafe.md:10:1");
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn missing_required_field() {
    let ds = broken(|s| {
        s.edit(
            "content/offers/beratung.md",
            "title = \"Migrationsberatung\"\n",
            "",
        )
    });
    assert_eq!(location(&ds), "content/offers/beratung.md:2:1");
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn wrong_type_names_the_field_and_shows_an_example() {
    let ds = broken(|s| {
        s.edit(
            "content/offers/sprachcafe.md",
            "childcare = true",
            "childcare = \"ja\"",
        )
    });
    assert_eq!(location(&ds), "content/offers/sprachcafe.md:12:13");
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn invalid_date() {
    let ds = broken(|s| {
        s.edit(
            "content/offers/sprachcafe.md",
            "updated = 2026-01-15",
            "updated = 2026-02-30",
        )
    });
    assert!(
        location(&ds).starts_with("content/offers/sprachcafe.md:14:"),
        "{}",
        location(&ds)
    );
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn event_time_mistakes() {
    let ds = broken(|s| {
        s.edit(
            "content/events/infoabend.md",
            "end = 2026-02-05T20:00",
            "end = 2026-02-05T17:00",
        );
        s.edit(
            "content/events/markt.md",
            "end = 2026-11-11T16:30",
            "end = 2026-11-11",
        );
    });
    assert_eq!(ds.error_count(), 2, "{}", ds.render());
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn unknown_taxonomy_key() {
    let ds = broken(|s| {
        s.edit(
            "content/offers/sprachcafe.md",
            "topics = [\"sprache\"]",
            "topics = [\"sprach\"]",
        )
    });
    assert_eq!(location(&ds), "content/offers/sprachcafe.md:4:11");
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn reference_to_a_missing_contact() {
    let ds = broken(|s| {
        s.edit(
            "content/offers/sprachcafe.md",
            "contacts = [\"buero\"]",
            "contacts = [\"bureau\"]",
        )
    });
    assert_eq!(location(&ds), "content/offers/sprachcafe.md:8:13");
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn duplicate_slug_in_two_folders() {
    let ds = broken(|s| {
        s.write(
            "content/offers/alt/beratung.md",
            "+++\ntitle = \"Doppelt\"\n+++\n",
        )
    });
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn dangling_content_link() {
    let ds = broken(|s| {
        s.edit(
            "content/offers/sprachcafe.en.md",
            "offers/beratung.md",
            "offers/beratungen.md",
        )
    });
    assert_eq!(location(&ds), "content/offers/sprachcafe.en.md:7:22");
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn translation_may_not_set_shared_fields() {
    let ds = broken(|s| {
        s.edit(
            "content/offers/sprachcafe.ar.md",
            "+++\n",
            "+++\nchildcare = false\n",
        )
    });
    assert_eq!(location(&ds), "content/offers/sprachcafe.ar.md:2:1");
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn translation_without_source_and_unknown_language() {
    let ds = broken(|s| {
        s.write(
            "content/offers/sprachkurs.en.md",
            "+++\ntitle = \"Course\"\n+++\n",
        );
        s.write(
            "content/offers/sprachcafe.xx.md",
            "+++\ntitle = \"?\"\n+++\n",
        );
    });
    assert_eq!(ds.error_count(), 2);
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn fluent_syntax_error() {
    let ds = broken(|s| {
        s.write(
            "locales/de/extra.ftl",
            "gut = Gut\nkaputt Nachricht ohne Gleichheitszeichen\n",
        )
    });
    assert_eq!(location(&ds), "locales/de/extra.ftl:2:1");
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn template_syntax_error_names_template_and_line() {
    let ds = broken(|s| {
        s.write(
            "themes/default/templates/partials/extra.html",
            "<p>\n{% if %}</p>\n",
        )
    });
    assert_eq!(
        location(&ds),
        "themes/default/templates/partials/extra.html:2:7"
    );
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn template_render_error_names_template_and_line() {
    let ds = broken(|s| {
        s.write(
            "themes/default/templates/404.html",
            "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ page.missing }}</p>\n{% endblock main %}\n",
        )
    });
    assert!(
        location(&ds).starts_with("themes/default/templates/404.html:3:"),
        "{}",
        ds.render()
    );
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn bad_site_toml() {
    let ds = broken(|s| {
        s.edit(
            "site.toml",
            "time_zone = \"Europe/Berlin\"",
            "time_zone = \"Europe/Berln\"",
        )
    });
    assert_eq!(location(&ds), "site.toml:4:1");
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn all_errors_of_a_build_are_reported_together() {
    let ds = broken(|s| {
        s.edit("content/offers/sprachcafe.md", "schedule =", "shedule =");
        s.edit(
            "content/offers/beratung.md",
            "topics = [\"beratung\"]",
            "topics = [\"berating\"]",
        );
        s.edit(
            "content/contacts/buero.md",
            "kind = \"person\"",
            "kind = \"persn\"",
        );
        s.write("locales/en/extra.ftl", "= no id\n");
    });
    assert_eq!(ds.error_count(), 4, "{}", ds.render());
    insta::assert_snapshot!(ds.render_short());
}

/// Odd files never panic the build; each gives a diagnostic with its path.
#[test]
fn no_panic_on_odd_input() {
    let cases: &[(&str, &[u8])] = &[
        ("content/offers/leer.md", b""),
        ("content/offers/nur-plus.md", b"+++"),
        ("content/offers/offen.md", b"+++\ntitle = \"x\"\n"),
        ("content/offers/binaer.md", &[0xff, 0xfe, 0x00, 0x80, 0x2b]),
        ("content/offers/verschachtelt.md", b"+++\ntitle = \"x\"\n[a.b.c]\nd = [[[[1]]]]\n+++\n"),
        ("content/offers/kein-toml.md", b"+++\n\"\"\"\n+++\n"),
        ("content/offers/geo.md", b"+++\ntitle = \"x\"\ngeo = [1000.0, 2.0, 3.0]\n+++\n"),
        ("content/events/leer.md", b"+++\ntitle = \"x\"\nsessions = []\n+++\n"),
        ("content/contacts/tel.md", b"+++\ntitle = \"x\"\nkind = \"person\"\nphone = \"ruf mich an\"\nemail = \"nope\"\n+++\n"),
        ("content/Gross.md", b"+++\ntitle = \"x\"\n+++\n"),
        ("content/offers/UPPER.md", b"+++\ntitle = \"x\"\n+++\n"),
    ];
    for (path, bytes) in cases {
        let site = TestSite::fixture("site");
        let p = site.root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        let ds = site.build_err();
        let shown = ds.render_short();
        assert!(
            shown.contains(path),
            "{path}: diagnostics do not name the file:\n{shown}"
        );
    }
}

#[test]
fn unsafe_link_schemes() {
    let ds = broken(|s| {
        s.edit(
            "content/offers/sprachcafe.md",
            "Kommen Sie vorbei.",
            "Kommen Sie [vorbei](javascript:alert(1)). ![Bild](data:image/png;base64,AAAA)",
        )
    });
    assert_eq!(location(&ds), "content/offers/sprachcafe.md:16:12");
    assert_eq!(ds.error_count(), 2);
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn invalid_utf8_shows_where() {
    let ds = broken(|s| {
        let mut bytes = b"+++\ntitle = \"Caf".to_vec();
        bytes.push(0xe9); // é in Latin-1
        bytes.extend_from_slice(b"\"\n+++\nText.\n");
        std::fs::write(s.root.join("content/offers/latin1.md"), bytes).unwrap();
    });
    assert_eq!(location(&ds), "content/offers/latin1.md:2:13");
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn nul_byte() {
    let ds = broken(|s| {
        s.write(
            "content/offers/nul.md",
            "+++\ntitle = \"Nul\"\n+++\nText \u{0} mehr.\n",
        )
    });
    assert_eq!(location(&ds), "content/offers/nul.md:4:6");
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn a_50_mb_markdown_file() {
    let ds = broken(|s| {
        let mut text = String::from("+++\ntitle = \"Riesig\"\n+++\n");
        let para = "Deutsch lernen im Sprachcafé. ".repeat(30) + "\n\n";
        while text.len() < 50_000_000 {
            text.push_str(&para);
        }
        s.write("content/offers/riesig.md", &text);
    });
    assert_eq!(location(&ds), "content/offers/riesig.md");
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
}

#[test]
fn ten_thousand_nested_list_levels() {
    let ds = broken(|s| {
        s.write(
            "content/offers/tief.md",
            &format!("+++\ntitle = \"Tief\"\n+++\n{}Text\n", "- ".repeat(10_000)),
        );
        s.write(
            "content/offers/zitat.md",
            &format!("+++\ntitle = \"Zitat\"\n+++\n{} Text\n", ">".repeat(10_000)),
        );
    });
    assert_eq!(ds.error_count(), 2, "{}", ds.render());
    // Deep but allowed nesting still makes a page.
    let site = TestSite::fixture("site");
    let nested: String = (0..20)
        .map(|i| format!("{}- Ebene {i}\n", "  ".repeat(i)))
        .collect();
    site.write(
        "content/offers/tief.md",
        &format!("+++\ntitle = \"Tief\"\n+++\n{nested}"),
    );
    site.build_ok();
    assert!(site.read("de/offers/tief/index.html").contains("Ebene 19"));
    insta::assert_snapshot!(ds.render_short());
}

#[test]
fn a_front_matter_of_one_megabyte() {
    let ds = broken(|s| {
        let long = "x".repeat(1_000_000);
        s.write(
            "content/offers/gross.md",
            &format!("+++\ntitle = \"Groß\"\nsummary = \"{long}\"\n+++\nText.\n"),
        );
    });
    assert_eq!(location(&ds), "content/offers/gross.md:2:1");
    insta::assert_snapshot!(ds.render_short());
}

#[cfg(unix)]
#[test]
fn symlink_out_of_the_site() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("geheim.md"),
        "+++\ntitle = \"x\"\n+++\n",
    )
    .unwrap();
    let ds = broken(|s| {
        std::os::unix::fs::symlink(
            outside.path().join("geheim.md"),
            s.root.join("content/offers/geheim.md"),
        )
        .unwrap();
    });
    assert_eq!(location(&ds), "content/offers/geheim.md");
    // The message names where the link points: the temporary folder.
    let shown = ds.render_short();
    insta::assert_snapshot!(shown.replace(&*outside.path().to_string_lossy(), "OUTSIDE"));
}

#[test]
fn output_folders_that_are_refused() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let mut shown = String::new();
    let foreign = site.root.with_file_name("fremd");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("wichtig.txt"), "nicht löschen").unwrap();
    for (name, out) in [
        ("site root", site.root.clone()),
        ("content", site.root.join("content")),
        ("inside content", site.root.join("content/public")),
        ("parent", site.root.parent().unwrap().to_path_buf()),
        ("filesystem root", std::path::PathBuf::from("/")),
        ("foreign folder", foreign.clone()),
    ] {
        let mut o = site.options();
        o.out = out;
        let ds = wegweiser::build(&o).expect_err(name);
        shown.push_str(&format!(
            "{name}: {}\n",
            ds.render_short()
                .replace(&*site.root.parent().unwrap().to_string_lossy(), "TMP")
                .trim()
        ));
    }
    assert_eq!(
        std::fs::read_to_string(foreign.join("wichtig.txt")).unwrap(),
        "nicht löschen"
    );
    assert!(
        site.exists("de/index.html"),
        "the site's own output is intact"
    );
    insta::assert_snapshot!(shown);
}

#[test]
fn dangling_anchor_and_missing_files() {
    let ds = check_finds(|s| {
        s.edit(
            "content/offers/sprachcafe.md",
            "Kommen Sie vorbei.",
            "Kommen Sie vorbei.\n\n## Termine\n\nSiehe [oben](#termin), [Flyer](/flyer.pdf) \
             und ![Plakat](bilder/plakat.jpg) und ![Karte](https://maps.example.org/k.png) \
             und [hier](#termine).",
        )
    });
    let shown = every_line(&ds);
    // The wrong anchor and the two missing files are errors; the image from
    // another website is a warning beside the fixture's own.
    assert_eq!(ds.error_count(), 3, "{shown}");
    assert_eq!(ds.warning_count(), fixture_warnings() + 1, "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn check_warns_about_review_dates_finished_events_and_duplicates() {
    let ds = check_finds(|s| {
        s.edit(
            "content/offers/sprachcafe.md",
            "updated = 2026-01-15",
            "updated = 2026-01-15\nreview_by = 2025-12-01",
        );
        s.edit(
            "content/offers/beratung.md",
            "title = \"Migrationsberatung\"",
            "title = \"Sprachcafé\"",
        );
        s.write(
            "content/events/vorbei.md",
            "+++\ntitle = \"Vorbei\"\nstart = 2025-05-01T10:00\nend = 2025-05-01T12:00\n+++\n",
        );
    });
    let shown = every_line(&ds);
    assert_eq!(ds.error_count(), 0, "{shown}");
    // The fixture's own warnings, the overdue review, the finished event and
    // the duplicate title.
    assert_eq!(ds.warning_count(), fixture_warnings() + 3, "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn check_reports_outdated_translations_and_interface_text() {
    let ds = check_finds(|s| {
        s.write(
            "content/offers/beratung.en.md",
            "+++\ntitle = \"Migration advice\"\nsource_hash = \"0123456789ab\"\n+++\n\
             ## Appointments {#termine}\n\nText.\n",
        );
        s.write(
            "locales/de/extra.ftl",
            "nie-benutzt = Niemand fragt nach mir\n",
        );
    });
    let shown = every_line(&ds);
    assert_eq!(ds.error_count(), 0, "{shown}");
    // The outdated translation, the unused message and the three languages
    // that lack it, beside the fixture's own warnings.
    assert_eq!(ds.warning_count(), fixture_warnings() + 5, "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn archived_events_and_partial_languages() {
    let site = TestSite::fixture("site");
    let not_translated = |ds: &Diagnostics, lang: &str| {
        ds.iter().any(|d| {
            d.message().ends_with(&format!(
                "not translated into `{lang}`: readers see the fallback language"
            ))
        })
    };
    assert!(not_translated(&site.check(), "fa"));
    let ds = check_finds(|s| {
        // Over and archived on purpose: nothing to report.
        s.write(
            "content/events/vorbei.md",
            "+++\ntitle = \"Vorbei\"\nstart = 2025-05-01T10:00\nend = 2025-05-01T12:00\narchived = true\n+++\n",
        );
        // Archived, but its date is ahead: the mark is a mistake.
        s.write(
            "content/events/bald.md",
            "+++\ntitle = \"Bald\"\nstart = 2026-05-01T10:00\nend = 2026-05-01T12:00\narchived = true\n+++\n",
        );
        s.edit(
            "site.toml",
            "fallback = [\"en\"]",
            "fallback = [\"en\"]\npartial = true",
        );
    });
    let shown = every_line(&ds);
    assert_eq!(ds.error_count(), 0, "{shown}");
    assert!(!shown.contains("vorbei.md"), "{shown}");
    assert!(!not_translated(&ds, "fa"), "{shown}");
    assert!(not_translated(&ds, "ar"), "{shown}");
    let archived: Vec<&str> = shown.lines().filter(|l| l.contains("bald.md")).collect();
    insta::assert_snapshot!(archived.join("\n"));
}

#[test]
fn german_dates_get_the_right_form() {
    // Unquoted, TOML itself cannot read it ("invalid float").
    let ds = broken(|s| {
        s.edit(
            "content/offers/sprachcafe.md",
            "updated = 2026-01-15",
            "updated = 15.01.2026",
        );
    });
    assert_eq!(location(&ds), "content/offers/sprachcafe.md:14:11");
    insta::assert_snapshot!("german_date_unquoted", ds.render());
    // Unquoted with a time.
    let ds = broken(|s| {
        s.edit(
            "content/events/infoabend.md",
            "start = 2026-02-05T18:00",
            "start = 5.2.2026 18:00",
        );
    });
    assert_eq!(location(&ds), "content/events/infoabend.md:3:9");
    insta::assert_snapshot!("german_date_time_unquoted", ds.render_short());
    // Quoted, in a list: every one is reported.
    let ds = broken(|s| {
        s.edit(
            "content/events/infoabend.md",
            "end = 2026-02-05T20:00",
            "end = \"05.02.2026 20:00\"\nrepeat = \"weekly\"\nrepeat_until = \"26.02.2026\"\nexcept = [2026-02-12, \"19.02.2026\"]",
        );
    });
    assert_eq!(ds.error_count(), 3, "{}", ds.render_short());
    insta::assert_snapshot!("german_dates_quoted", ds.render_short());
}

#[test]
fn quoted_iso_dates_are_dates() {
    // What a browser editor writes: quoted dates, date-times with seconds
    // and an offset (an instant, read in the site's time zone).
    let site = TestSite::fixture("site");
    site.edit(
        "content/offers/sprachcafe.md",
        "updated = 2026-01-15",
        "updated = \"2026-01-15\"\nreview_by = \"2026-06-30\"",
    );
    site.edit(
        "content/events/infoabend.md",
        "start = 2026-02-05T18:00\nend = 2026-02-05T20:00",
        "start = \"2026-02-05T17:00:00Z\"\nend = \"2026-02-05T20:00\"",
    );
    site.build_ok();
    let ics = site.read("de/events/infoabend.ics");
    assert!(
        ics.contains("DTSTART;TZID=Europe/Berlin:20260205T180000"),
        "{ics}"
    );
    assert!(
        ics.contains("DTEND;TZID=Europe/Berlin:20260205T200000"),
        "{ics}"
    );
    // Written by hand without quotes, an offset is still refused.
    site.edit(
        "content/events/infoabend.md",
        "start = \"2026-02-05T17:00:00Z\"",
        "start = 2026-02-05T17:00:00Z",
    );
    let ds = site.build_err();
    assert!(
        ds.render_short().contains("must be local time"),
        "{}",
        ds.render_short()
    );
}

#[test]
fn a_new_file_with_placeholders_is_not_published() {
    let site = TestSite::fixture("site");
    let rel =
        wegweiser::scaffold::create(&site.root, wegweiser::content::Kind::Offer, "neu").unwrap();
    let rel = rel.to_string_lossy().into_owned();
    // As a draft it builds (the placeholders are warnings with --drafts).
    site.build_ok();
    let mut opts = site.options();
    opts.drafts = true;
    let ds = wegweiser::check::check(&opts);
    assert_eq!(ds.error_count(), 0, "{}", ds.render_short());
    assert!(
        ds.render_short()
            .contains("this draft still contains placeholder text")
    );
    // Published with its placeholders: an error for each, at its line.
    site.edit(&rel, "draft = true\n", "");
    let ds = site.build_err();
    assert_eq!(
        ds.error_count(),
        3,
        "title and the two body lines: {}",
        ds.render_short()
    );
    insta::assert_snapshot!(every_line(&ds));
    // With the text written and every example uncommented, it builds: the
    // examples name the fixture's own keys and contacts.
    let text = std::fs::read_to_string(site.root.join(&rel)).unwrap();
    let written: String = text
        .lines()
        .map(|l| {
            let l = l.replace("TODO: ", "");
            match l.strip_prefix("# ") {
                Some(field)
                    if [
                        "topics",
                        "audiences",
                        "places",
                        "offered_in",
                        "contacts",
                        "provider",
                    ]
                    .iter()
                    .any(|f| {
                        field.starts_with(&format!("{f} = ["))
                            || field.starts_with(&format!("{f} = \""))
                    }) =>
                {
                    field.to_string()
                }
                _ => l,
            }
        })
        .map(|l| l + "\n")
        .collect();
    site.write(&rel, &written);
    site.build_ok();
    assert!(site.exists("de/offers/neu/index.html"));
}

#[test]
fn a_label_or_a_name_where_a_key_belongs_suggests_the_key() {
    let ds = broken(|s| {
        s.edit(
            "content/offers/sprachcafe.md",
            "topics = [\"sprache\"]",
            "topics = [\"Sprache\"]",
        );
        s.edit(
            "content/offers/sprachcafe.md",
            "audiences = [\"frauen\"]",
            "audiences = [\"Frauen und Mädchen\"]",
        );
        s.edit(
            "content/offers/sprachcafe.md",
            "provider = \"verein\"",
            "provider = \"Verein Miteinander\"",
        );
    });
    assert_eq!(ds.error_count(), 3, "{}", ds.render_short());
    insta::assert_snapshot!(every_line(&ds));
}

#[test]
fn opening_hours_that_cannot_be_read_point_at_the_mistake() {
    let ds = broken(|s| {
        s.edit(
            "content/contacts/buero.md",
            "office_hours = \"Mo–Do 9–12 Uhr\"",
            "opening_hours = \"Mo-Fr 09:00-12:00; Xy 14:00-16:00\"",
        )
    });
    // Line 8, the value starts in column 18; `Xy` is 19 characters into it.
    assert_eq!(location(&ds), "content/contacts/buero.md:8:37");
    insta::assert_snapshot!(ds.render());
}

#[test]
fn an_unknown_region_is_refused_with_the_known_ones() {
    let ds = broken(|s| {
        s.edit(
            "site.toml",
            "time_zone = \"Europe/Berlin\"",
            "time_zone = \"Europe/Berlin\"\nregion = \"DE-PR\"",
        )
    });
    assert_eq!(location(&ds), "site.toml:5:1");
    insta::assert_snapshot!(ds.render());
}

#[test]
fn check_warns_on_hours_open_on_public_holidays_without_a_ph_rule() {
    let ds = check_finds(|s| {
        s.edit(
            "site.toml",
            "time_zone = \"Europe/Berlin\"",
            "time_zone = \"Europe/Berlin\"\nregion = \"DE-RP\"",
        );
        s.edit(
            "content/contacts/buero.md",
            "office_hours = \"Mo–Do 9–12 Uhr\"",
            "opening_hours = \"Mo-Su 09:00-12:00\"",
        );
    });
    let warning = ds
        .iter()
        .find(|d| d.code() == "hours-open-on-holiday")
        .expect("a warning about public holidays");
    assert_eq!(
        warning.location().as_deref(),
        Some("content/contacts/buero.md:8:1")
    );
    let english = wegweiser::tool_text::ToolText::new(wegweiser::tool_text::Lang::En);
    assert!(
        warning
            .help_in(&english)
            .unwrap_or_default()
            .contains("PH off")
    );
    assert!(
        !ds.iter()
            .any(|d| d.code() == "hours-open-on-holiday" && d.location() != warning.location())
    );
}

/// A topic's label in any of the site's languages, typed where its key
/// belongs, is recognised from the interface text: the hint names the key.
#[test]
fn a_label_in_any_language_suggests_the_key() {
    let english = wegweiser::tool_text::ToolText::new(wegweiser::tool_text::Lang::En);
    for label in [
        "اللغة والتعليم",
        "Мова та освіта",
        "Language and education",
        "زبان و آموزش",
    ] {
        let site = TestSite::example();
        site.edit(
            "content/offers/sprachcafe-ingelheim.md",
            "topics = [\"sprache-bildung\", ",
            &format!("topics = [\"{label}\", "),
        );
        let ds = site.build_err();
        let d = ds
            .iter()
            .find(|d| d.code() == "unknown-taxonomy-key")
            .unwrap_or_else(|| panic!("{label}: {}", ds.render_short()));
        assert_eq!(
            d.help_in(&english).unwrap_or_default(),
            "write the key, not the label: `sprache-bildung` (keys are listed in site.toml under [taxonomies])",
            "{label}"
        );
        assert_eq!(
            d.location().as_deref(),
            Some("content/offers/sprachcafe-ingelheim.md:4:11"),
            "{label}"
        );
    }
}

/// An organisation that says neither `opening_hours` nor `office_hours` gets
/// a hint at its `kind`; a person does not, nor an organisation with either.
#[test]
fn check_hints_at_an_organisation_without_opening_hours() {
    let hints = |ds: &Diagnostics| -> Diagnostics {
        let mut only = Diagnostics::new();
        for d in ds.iter().filter(|d| d.code() == "contact-without-hours") {
            only.push(d.clone());
        }
        only
    };
    // The fixture's association has no hours; the office (a person) loses its.
    let ds = hints(&check_finds(|s| {
        s.edit(
            "content/contacts/buero.md",
            "office_hours = \"Mo–Do 9–12 Uhr\"\n",
            "",
        )
    }));
    assert_eq!(ds.iter().count(), 1, "{}", ds.render());
    let hint = ds.iter().next().cloned();
    assert_eq!(
        hint.and_then(|d| d.location()).as_deref(),
        Some("content/contacts/verein.md:3:1")
    );
    assert!(ds.iter().all(|d| d.severity == Severity::Warning));
    insta::assert_snapshot!(ds.render());
    in_german!(ds);
    for hours in [
        "office_hours = \"nach Vereinbarung\"",
        "opening_hours = \"Mo-Fr 09:00-12:00; PH off\"",
    ] {
        let ds = hints(&check_finds(|s| {
            s.edit(
                "content/contacts/verein.md",
                "kind = \"organization\"",
                &format!("kind = \"organization\"\n{hours}"),
            )
        }));
        assert_eq!(ds.iter().count(), 0, "{hours}: {}", ds.render());
    }
}
