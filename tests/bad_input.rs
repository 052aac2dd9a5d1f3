//! Every kind of editor mistake ends in a diagnostic that names the file,
//! line and column and says how to fix it. The messages are snapshot-tested:
//! they are the editors' interface.

mod common;

use common::TestSite;
use wegweiser::diagnostics::Diagnostics;

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
    ds
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
