//! Internationalisation in depth: plurals, dates, collation, digits,
//! translation status, machine-translation labels, easy-read German.

mod common;

use common::*;
use fluent_bundle::{FluentArgs, FluentValue};
use wegweiser::config::SiteConfig;
use wegweiser::content::status::{self, State};
use wegweiser::i18n::{LocaleFormatter, Messages};
use wegweiser::translate::{self, Action};

fn example_messages() -> Messages {
    let root = repo();
    let config = SiteConfig::load(&root).unwrap();
    let (m, ds) = Messages::load(&root, &config);
    assert!(!ds.has_errors(), "{}", ds.render());
    m
}

fn count(m: &Messages, lang: &str, id: &str, n: i64) -> String {
    let mut args = FluentArgs::new();
    args.set("count", FluentValue::from(n));
    m.format(lang, id, Some(&args)).unwrap()
}

#[test]
fn arabic_plurals_use_all_six_cldr_categories() {
    let m = example_messages();
    let got: Vec<String> = [0, 1, 2, 3, 11, 100]
        .iter()
        .map(|n| count(&m, "ar", "items-count", *n))
        .collect();
    assert_eq!(
        got,
        vec![
            "لا توجد إدخالات", // zero
            "إدخال واحد",    // one
            "إدخالان",        // two
            "3 إدخالات",      // few
            "11 إدخالًا",      // many
            "100 إدخال",     // other
        ]
    );
    // The categories agree with ICU4X's plural rules.
    let ar = LocaleFormatter::new("ar", None).unwrap();
    let cats: Vec<&str> = [0, 1, 2, 3, 11, 100]
        .iter()
        .map(|n| ar.plural_category(*n))
        .collect();
    assert_eq!(cats, ["zero", "one", "two", "few", "many", "other"]);
}

#[test]
fn ukrainian_plurals() {
    let m = example_messages();
    let got: Vec<String> = [1, 2, 5, 21]
        .iter()
        .map(|n| count(&m, "uk", "items-count", *n))
        .collect();
    assert_eq!(got, vec!["1 запис", "2 записи", "5 записів", "21 запис"]);
    let uk = LocaleFormatter::new("uk", None).unwrap();
    let cats: Vec<&str> = [1, 2, 5, 21]
        .iter()
        .map(|n| uk.plural_category(*n))
        .collect();
    assert_eq!(cats, ["one", "few", "many", "one"]);
}

#[test]
fn interface_numbers_use_the_languages_digits() {
    let m = example_messages();
    // Farsi counts in Persian digits (ICU4X's default numbering for fa).
    assert_eq!(
        count(&m, "fa", "items-count", 12),
        format!(
            "{} {}",
            LocaleFormatter::new("fa", None).unwrap().integer(12),
            "مورد"
        )
    );
    // A numbering system set in site.toml reaches Fluent numbers too.
    let site = TestSite::fixture("site");
    site.edit(
        "site.toml",
        "key = \"ar\"\ntag = \"ar\"\nname = \"العربية\"",
        "key = \"ar\"\ntag = \"ar\"\nname = \"العربية\"\nnumbering = \"arab\"",
    );
    for n in 1..=3 {
        site.write(
            &format!("content/offers/extra-{n}.md"),
            &format!("+++\ntitle = \"Extra {n}\"\n+++\n"),
        );
    }
    site.build_ok();
    // Five offers: Arabic "few" form with the number in Arabic-Indic digits.
    let doc = site.html("ar/offers/index.html");
    let counts = text(&doc, "main > p.count");
    assert!(counts.contains('٥'), "Arabic-Indic digits: {counts}");
    assert!(!counts.chars().any(|c| c.is_ascii_digit()), "{counts}");
    let dates = text(&site.html("ar/events/infoabend/index.html"), ".when");
    assert!(dates.contains("٢٠٢٦"), "{dates}");
}

#[test]
fn dates_follow_each_locale_and_the_gregorian_calendar() {
    let site = TestSite::example();
    site.build_ok();
    let day = jiff::civil::date(2026, 2, 5);
    let (from, to) = (
        jiff::civil::time(18, 0, 0, 0),
        jiff::civil::time(20, 0, 0, 0),
    );
    for lang in ["de", "en", "ar", "fa", "uk", "tr", "ru", "ls"] {
        let tag = if lang == "ls" { "de" } else { lang };
        let f = LocaleFormatter::new(tag, None).unwrap();
        let when = text(
            &site.html(&format!(
                "{lang}/events/podiumsdiskussion-zugewanderte-frauen/index.html"
            )),
            ".when",
        );
        assert!(
            when.contains(&f.date_long(day)),
            "{lang}: {when} lacks {}",
            f.date_long(day)
        );
        assert!(when.contains(&f.time_range(from, to)), "{lang}: {when}");
    }
    // Farsi: Gregorian month and year, not the Persian solar calendar.
    let fa = text(
        &site.html("fa/events/podiumsdiskussion-zugewanderte-frauen/index.html"),
        ".when",
    );
    assert!(fa.contains("فوریه") && fa.contains("۲۰۲۶"), "{fa}");
    assert!(!fa.contains("بهمن") && !fa.contains("۱۴۰۴"), "{fa}");
    // Ukrainian genitive month name, German day-first order.
    assert!(
        text(
            &site.html("uk/events/podiumsdiskussion-zugewanderte-frauen/index.html"),
            ".when"
        )
        .contains("5 лютого 2026")
    );
    assert!(
        text(
            &site.html("de/events/podiumsdiskussion-zugewanderte-frauen/index.html"),
            ".when"
        )
        .contains("5. Februar 2026")
    );
}

#[test]
fn lists_are_sorted_by_the_readers_collation() {
    let site = TestSite::example();
    site.build_ok();
    for lang in ["de", "uk", "ar"] {
        let f = LocaleFormatter::new(lang, None).unwrap();
        let doc = site.html(&format!("{lang}/contacts/index.html"));
        let titles: Vec<String> = doc
            .select(&sel(".card > a"))
            .map(|a| a.text().collect())
            .collect();
        let mut sorted = titles.clone();
        sorted.sort_by(|a, b| f.compare(a, b));
        assert_eq!(titles, sorted, "{lang} contacts in collation order");
    }
    // German: "AWO" after "Ausländerbehörde" (byte order would put it first).
    let de: Vec<String> = site
        .html("de/contacts/index.html")
        .select(&sel(".card > a"))
        .map(|a| a.text().collect())
        .collect();
    let pos = |p: &str| de.iter().position(|t| t.starts_with(p)).unwrap();
    assert!(pos("Ausländerbehörde") < pos("AWO"), "{de:?}");
    // Collation with umlauts and Ukrainian letters, straight from ICU4X.
    let de = LocaleFormatter::new("de", None).unwrap();
    let mut words = vec![
        "Beratung",
        "Ärzte",
        "Apotheke",
        "Zahnarzt",
        "Öffnungszeiten",
        "Ort",
    ];
    words.sort_by(|a, b| de.compare(a, b));
    assert_eq!(
        words,
        [
            "Apotheke",
            "Ärzte",
            "Beratung",
            "Öffnungszeiten",
            "Ort",
            "Zahnarzt"
        ]
    );
    let uk = LocaleFormatter::new("uk", None).unwrap();
    let mut words = vec!["Дім", "Ґанок", "Город", "Єва", "Євген", "Яблуко", "Іван"];
    words.sort_by(|a, b| uk.compare(a, b));
    assert_eq!(
        words,
        ["Город", "Ґанок", "Дім", "Єва", "Євген", "Іван", "Яблуко"]
    );
}

#[test]
fn outdated_translation_is_reported_and_shown() {
    let site = TestSite::fixture("site");
    let load = || translate::load(&site.root).unwrap();
    let s = load();
    // Record the current source in every translation of the offer.
    let item = translate::find(&s, "offers/sprachcafe").unwrap();
    translate::run(&site.root, &s, item, &Action::Minor).unwrap();
    let s = load();
    let item = translate::find(&s, "offers/sprachcafe").unwrap();
    assert_eq!(item.status(&s.config, "ar").state, State::Current);
    assert_eq!(item.status(&s.config, "fa").state, State::Missing);
    site.build_ok();
    assert!(
        site.html("ar/offers/sprachcafe/index.html")
            .select(&sel(".notice"))
            .next()
            .is_none()
    );

    // The editor changes the German text: both translations are now outdated.
    site.edit(
        "content/offers/sprachcafe.md",
        "Kommen Sie vorbei.",
        "Kommen Sie jeden Dienstag vorbei.",
    );
    let s = load();
    let report = status::report(&s);
    assert_eq!(report.counts["ar"].outdated, 1);
    assert_eq!(report.counts["en"].outdated, 1);
    let table = report.table(&s);
    assert!(
        table.contains("ar outdated (1): offers/sprachcafe"),
        "{table}"
    );
    assert!(
        report
            .csv()
            .contains("ar,offers/sprachcafe,outdated,false,false")
    );
    site.build_ok();
    let doc = site.html("ar/offers/sprachcafe/index.html");
    let notice = text(&doc, ".notice-outdated");
    assert!(
        notice.contains("الألمانية") && !notice.contains("Deutsch"),
        "outdated notice in Arabic naming the source in Arabic: {notice}"
    );
    // Outdated translations are still translations: announced, not fallback.
    assert!(!alternates(&doc).is_empty());

    // The translator checks the Arabic text and confirms it; English stays outdated.
    let item = translate::find(&s, "offers/sprachcafe").unwrap();
    translate::run(&site.root, &s, item, &Action::Confirm { lang: "ar".into() }).unwrap();
    let s = load();
    let item = translate::find(&s, "offers/sprachcafe").unwrap();
    assert_eq!(item.status(&s.config, "ar").state, State::Current);
    assert_eq!(item.status(&s.config, "en").state, State::Outdated);

    // A typo fix marked as minor keeps every translation current.
    site.edit(
        "content/offers/sprachcafe.md",
        "jeden Dienstag",
        "jeden Dienstag,",
    );
    let s = load();
    let item = translate::find(&s, "offers/sprachcafe").unwrap();
    translate::run(&site.root, &s, item, &Action::Minor).unwrap();
    let s = load();
    let report = status::report(&s);
    assert_eq!(
        report.counts["ar"].outdated + report.counts["en"].outdated,
        0
    );
}

#[test]
fn a_started_translation_stays_hidden_until_finished() {
    let site = TestSite::fixture("site");
    let s = translate::load(&site.root).unwrap();
    let item = translate::find(&s, "offers/beratung").unwrap();
    let files = translate::run(
        &site.root,
        &s,
        item,
        &Action::Start {
            lang: "ar".into(),
            machine: true,
        },
    )
    .unwrap();
    assert_eq!(
        files,
        vec![std::path::PathBuf::from("content/offers/beratung.ar.md")]
    );
    let s = translate::load(&site.root).unwrap();
    let item = translate::find(&s, "offers/beratung").unwrap();
    assert_eq!(item.status(&s.config, "ar").state, State::InProgress);
    site.build_ok();
    let doc = site.html("ar/offers/beratung/index.html");
    assert!(
        doc.select(&sel(".notice-fallback")).next().is_some(),
        "draft translation is not shown"
    );

    // The translator finishes (here: pretends to) and removes the draft line.
    site.edit("content/offers/beratung.ar.md", "draft = true\n", "");
    site.edit(
        "content/offers/beratung.ar.md",
        "title = \"Migrationsberatung\"",
        "title = \"استشارة الهجرة\"",
    );
    site.build_ok();
    let doc = site.html("ar/offers/beratung/index.html");
    assert!(doc.select(&sel(".notice-fallback")).next().is_none());
    let machine = text(&doc, ".notice-machine");
    assert!(
        machine.contains("آليًا"),
        "machine-translation label in Arabic: {machine}"
    );
    let s = translate::load(&site.root).unwrap();
    let report = status::report(&s);
    assert_eq!(report.counts["ar"].machine, 1);
    assert_eq!(report.counts["ar"].machine_unreviewed, 1);
    // The fingerprint written when starting still matches: current.
    assert_eq!(
        translate::find(&s, "offers/beratung")
            .unwrap()
            .status(&s.config, "ar")
            .state,
        State::Current
    );
}

#[test]
fn easy_read_german_is_linked_from_german_pages_but_not_an_hreflang_alternate() {
    let site = TestSite::example();
    site.build_ok();
    for page in [
        "index.html",
        "ueber-uns/index.html",
        "offers/integrationskurs-allgemein/index.html",
        "offers/sprachcafe-ingelheim/index.html",
        "offers/migrationsberatung-awo/index.html",
    ] {
        let ls = site.html(&format!("ls/{page}"));
        assert_eq!(
            attrs(&ls, "html", "lang"),
            vec!["de"],
            "{page}: easy-read German is German"
        );
        assert!(
            ls.select(&sel(".notice-fallback")).next().is_none(),
            "ls/{page} is translated"
        );
        assert!(alternates(&ls).is_empty(), "ls/{page} is not announced");
        let de = site.html(&format!("de/{page}"));
        let variant = attrs(&de, ".variants a", "href");
        assert_eq!(
            variant,
            vec![format!("/ls/{}", page.trim_end_matches("index.html"))],
            "de/{page} links its easy-read version"
        );
        for (hreflang, href) in alternates(&de) {
            assert!(
                !href.contains("/ls/"),
                "de/{page} announces {hreflang} {href}"
            );
        }
    }
    let sitemap = site.read("sitemap.xml");
    assert!(!sitemap.contains("hreflang=\"de\" href=\"https://integration.example.org/ls/"));
}

#[test]
fn every_plural_message_has_every_cldr_category_of_its_language() {
    let root = repo();
    let config = SiteConfig::load(&root).unwrap();
    for lang in &config.languages {
        let f = LocaleFormatter::new(&lang.tag_str(), None).unwrap();
        let needed: std::collections::BTreeSet<&str> =
            (0..200).map(|n| f.plural_category(n)).collect();
        let text =
            std::fs::read_to_string(root.join("locales").join(&lang.key).join("main.ftl")).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str()).unwrap();
        for entry in &resource.body {
            let fluent_syntax::ast::Entry::Message(msg) = entry else {
                continue;
            };
            let Some(value) = &msg.value else { continue };
            for el in &value.elements {
                let fluent_syntax::ast::PatternElement::Placeable {
                    expression: fluent_syntax::ast::Expression::Select { variants, .. },
                } = el
                else {
                    continue;
                };
                let keys: std::collections::BTreeSet<&str> = variants
                    .iter()
                    .filter_map(|v| match &v.key {
                        fluent_syntax::ast::VariantKey::Identifier { name } => Some(*name),
                        _ => None,
                    })
                    .collect();
                // Only plural selectors (with category keys) need every category;
                // selectors on exact numbers (`[1]`, `[-1]`) do not.
                if keys.iter().all(|k| *k == "other") {
                    continue;
                }
                for cat in &needed {
                    assert!(
                        keys.contains(cat),
                        "{}: {} lacks [{cat}]",
                        lang.key,
                        msg.id.name
                    );
                }
            }
        }
    }
}

#[test]
fn a_missing_message_falls_back_along_the_chain_and_is_reported() {
    let site = TestSite::fixture("site");
    // fa falls back to en, then de (site.toml of the fixture).
    let fa = std::fs::read_to_string(site.root.join("locales/fa/main.ftl")).unwrap();
    let fa: String = fa
        .lines()
        .filter(|l| !l.starts_with("nav-events ="))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write("locales/fa/main.ftl", &fa);
    let report = site.build_ok();
    let warnings = report.warnings.render_short();
    assert!(
        warnings.contains("missing in `fa`") && warnings.contains("nav-events"),
        "{warnings}"
    );
    let nav = text(&site.html("fa/index.html"), ".main-nav");
    assert!(
        nav.contains("Events"),
        "English is next in fa's chain: {nav}"
    );
    // --strict turns such warnings into a failure for CI.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .args(["build", "--strict", "--format", "short", "--root"])
        .arg(&site.root)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("nav-events"));
}

#[test]
fn fluent_variables_and_functions_work_in_templates() {
    let site = TestSite::fixture("site");
    site.write(
        "locales/de/extra.ftl",
        "price = Preis: { NUMBER($amount, minimumFractionDigits: 2) } Euro\ngreeting = Hallo { $name }!\n",
    );
    site.write(
        "themes/default/templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<p id=\"p\">{{ t(key=\"price\", amount=3) }}</p><p id=\"g\">{{ t(key=\"greeting\", name=\"Ali\") }}</p>{% endblock main %}",
    );
    site.build_ok();
    let doc = site.html("de/404.html");
    assert_eq!(text(&doc, "#p"), "Preis: 3.00 Euro");
    // No isolation marks in the output: direction is set in markup instead.
    assert_eq!(text(&doc, "#g"), "Hallo Ali!");
}

#[test]
fn the_theme_uses_logical_css_properties_only() {
    let css = std::fs::read_to_string(repo().join("themes/default/static/style.css")).unwrap();
    for physical in [
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "border-left",
        "border-right",
        "text-align: left",
        "text-align: right",
        "float: left",
        "float: right",
        " left:",
        " right:",
        "text-align: justify",
        "letter-spacing: 0.",
    ] {
        assert!(!css.contains(physical), "style.css uses `{physical}`");
    }
}

#[test]
fn a_site_may_add_self_hosted_fonts() {
    let site = TestSite::fixture("site");
    site.write(
        "static/site.css",
        "@font-face { font-family: Vazirmatn; src: url(/fonts/vazirmatn.woff2) format(\"woff2\"); unicode-range: U+0600-06FF; }\n:lang(fa) { font-family: Vazirmatn, system-ui, sans-serif; }\n",
    );
    site.write("static/fonts/vazirmatn.woff2", "not really a font");
    site.build_ok();
    assert!(site.exists("site.css") && site.exists("fonts/vazirmatn.woff2"));
    let links = attrs(&site.html("fa/index.html"), "link[rel=stylesheet]", "href");
    assert_eq!(links, vec!["/static/style.css", "/site.css"]);
}

#[test]
fn translate_and_status_on_the_command_line() {
    let site = TestSite::fixture("site");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_wegweiser"))
            .args(args)
            .arg("--root")
            .arg(&site.root)
            .output()
            .unwrap()
    };
    let out = run(&["translate", "--all", "--confirm", "en"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&[
        "status",
        "--csv",
        site.root.join("status.csv").to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("en ") && l.split_whitespace().nth(2) == Some("2")),
        "{table}"
    );
    let csv = std::fs::read_to_string(site.root.join("status.csv")).unwrap();
    assert!(
        csv.contains("en,offers/sprachcafe,current,false,false"),
        "{csv}"
    );
    assert!(
        csv.contains("ar,offers/sprachcafe,unconfirmed,false,false"),
        "{csv}"
    );
    // Wrong use is a usage error (exit 2) with a hint, not a panic.
    assert_eq!(
        run(&["translate", "offers/sprachcafe"]).status.code(),
        Some(2)
    );
    let out = run(&["translate", "offers/nope", "ar"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no offer `nope`"));
}
