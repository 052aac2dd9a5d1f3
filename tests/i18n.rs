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
    // The example writes Arabic numbers in Arabic-Indic digits (`numbering`).
    assert_eq!(
        got,
        vec![
            "لا توجد إدخالات", // zero
            "إدخال واحد",    // one
            "إدخالان",        // two
            "٣ إدخالات",      // few
            "١١ إدخالًا",      // many
            "١٠٠ إدخال",     // other
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
    // Farsi counts in Persian digits (CLDR's default numbering for fa).
    assert_eq!(count(&m, "fa", "items-count", 12), "۱۲ مورد");
    assert_eq!(count(&m, "fa", "items-count", 1234), "۱٬۲۳۴ مورد");
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
    assert!(counts.contains("٥ إدخالات"), "Arabic-Indic digits: {counts}");
    assert!(!counts.chars().any(|c| c.is_ascii_digit()), "{counts}");
    let dates = text(&site.html("ar/events/infoabend/index.html"), ".when");
    assert!(dates.contains("٢٠٢٦"), "{dates}");
}

/// CLDR's long date (with weekday) and time range for Thursday, 5 February
/// 2026, 18:00 to 20:00, written out by hand: what readers of each language
/// expect to see, not what the build's own formatter returns.
const EVENT_DATES: [(&str, &str, &str); 8] = [
    ("de", "Donnerstag, 5. Februar 2026", "18:00–20:00"),
    // Easy-read German shares German's formats.
    ("ls", "Donnerstag, 5. Februar 2026", "18:00–20:00"),
    (
        "en",
        "Thursday, February 5, 2026",
        "6:00\u{2009}–\u{2009}8:00\u{202f}PM",
    ),
    // Arabic-Indic digits (the example's site.toml sets numbering = "arab"), 12-hour clock.
    ("ar", "الخميس، ٥ فبراير ٢٠٢٦", "٦:٠٠–٨:٠٠ م"),
    // Persian digits; Gregorian month (فوریه), not the solar Hijri calendar.
    ("fa", "پنجشنبه ۵ فوریه ۲۰۲۶", "۱۸:۰۰ تا ۲۰:۰۰"),
    // Genitive month name and the abbreviated year word after a narrow space.
    ("uk", "четвер, 5 лютого 2026\u{202f}р.", "18:00–20:00"),
    ("tr", "5 Şubat 2026 Perşembe", "18:00–20:00"),
    ("ru", "четверг, 5 февраля 2026\u{202f}г.", "18:00–20:00"),
];

#[test]
fn dates_follow_each_locale_and_the_gregorian_calendar() {
    let site = TestSite::example();
    site.build_ok();
    for (lang, date, range) in EVENT_DATES {
        let when = text(
            &site.html(&format!(
                "{lang}/events/podiumsdiskussion-zugewanderte-frauen/index.html"
            )),
            ".when",
        );
        assert!(when.contains(date), "{lang}: {when:?} lacks {date:?}");
        assert!(when.contains(range), "{lang}: {when:?} lacks {range:?}");
    }
    // Farsi: not the Persian solar calendar (Bahman 1404).
    let fa = text(
        &site.html("fa/events/podiumsdiskussion-zugewanderte-frauen/index.html"),
        ".when",
    );
    assert!(!fa.contains("بهمن") && !fa.contains("۱۴۰۴"), "{fa}");
    // Without `numbering`, Arabic pages keep the locale's default (Latin) digits.
    let latn = TestSite::example();
    latn.edit("site.toml", "numbering = \"arab\"\n", "");
    latn.build_ok();
    let ar = text(
        &latn.html("ar/events/podiumsdiskussion-zugewanderte-frauen/index.html"),
        ".when",
    );
    assert!(ar.contains("الخميس، 5 فبراير 2026"), "{ar:?}");
}

/// Sorts `words` with the collation of `lang`.
fn collated<'a>(lang: &str, words: &[&'a str]) -> Vec<&'a str> {
    let f = LocaleFormatter::new(lang, None).unwrap();
    let mut v = words.to_vec();
    v.sort_by(|a, b| f.compare(a, b));
    v
}

/// The titles of a language's contact list, in page order (over all of
/// its pages: the example paginates lists).
fn contact_titles(site: &TestSite, lang: &str) -> Vec<String> {
    let mut titles = Vec::new();
    let mut file = format!("{lang}/contacts/index.html");
    for n in 2.. {
        titles.extend(
            site.html(&file)
                .select(&sel(".card > a"))
                .map(|a| a.text().collect::<String>()),
        );
        file = format!("{lang}/contacts/page/{n}/index.html");
        if !site.exists(&file) {
            break;
        }
    }
    titles
}

#[test]
fn lists_are_sorted_by_the_readers_collation() {
    let site = TestSite::example();
    site.build_ok();
    // German: case and umlauts are no primary difference ("AWO" after
    // "Ausländerbehörde", "Janine Göthling" before "Jobcenter"); byte order
    // would put "AWO" first.
    let german = [
        "Amt für Zuwanderung und Integration Wiesbaden",
        "Ausländerbehörde Mainz-Bingen",
        "AWO Migrationsberatung Mainz-Bingen",
        "Beratungsstelle Anerkennung und Qualifizierung",
        "Caritas im Landkreis Mainz-Bingen",
        "Diakonie im Landkreis Mainz-Bingen",
        "Janine Göthling",
        "Jobcenter Mainz-Bingen",
        "Kreisverwaltung Mainz-Bingen",
        "Linda Blessing",
        "Volkshochschule Ingelheim",
    ];
    assert_eq!(contact_titles(&site, "de"), german);
    assert_eq!(contact_titles(&site, "tr"), german, "tr: German fallbacks");
    // Ukrainian: Cyrillic in alphabetical order first, then Latin.
    assert_eq!(
        contact_titles(&site, "uk"),
        [
            "Адміністрація району Майнц-Бінген (Kreisverwaltung Mainz-Bingen)",
            "Відомство у справах іноземців Майнц-Бінген (Ausländerbehörde Mainz-Bingen)",
            "Джобцентр Майнц-Бінген (Jobcenter Mainz-Bingen)",
            "Консультаційний центр з визнання та кваліфікації (Beratungsstelle Anerkennung und Qualifizierung)",
            "Лінда Блессінг (Linda Blessing)",
            "Міграційна консультація AWO Майнц-Бінген (AWO Migrationsberatung Mainz-Bingen)",
            "Народний університет Інгельгайма (Volkshochschule Ingelheim)",
            "Управління з питань міграції та інтеграції Вісбадена (Amt für Zuwanderung und Integration Wiesbaden)",
            "Яніне Гетлінг (Janine Göthling)",
            "Caritas у районі Майнц-Бінген (Caritas im Landkreis Mainz-Bingen)",
            "Diakonie у районі Майнц-Бінген (Diakonie im Landkreis Mainz-Bingen)",
        ]
    );
    // Arabic: Arabic script first; alef with hamza (إ) sorts with alef.
    assert_eq!(
        contact_titles(&site, "ar"),
        [
            "إدارة دائرة ماينتس-بينغن (Kreisverwaltung Mainz-Bingen)",
            "استشارة الهجرة لدى AWO في ماينتس-بينغن (AWO Migrationsberatung Mainz-Bingen)",
            "الجامعة الشعبية في إنغلهايم (Volkshochschule Ingelheim)",
            "دائرة شؤون الأجانب في ماينتس-بينغن (Ausländerbehörde Mainz-Bingen)",
            "دياكوني في دائرة ماينتس-بينغن (Diakonie)",
            "كاريتاس في دائرة ماينتس-بينغن (Caritas)",
            "مركز استشارات الاعتراف والتأهيل (Beratungsstelle Anerkennung und Qualifizierung)",
            "مركز العمل ماينتس-بينغن (Jobcenter Mainz-Bingen)",
            "مكتب الهجرة والاندماج في فيسبادن (Amt für Zuwanderung und Integration Wiesbaden)",
            "Janine Göthling",
            "Linda Blessing",
        ]
    );
    // Farsi and Russian: the one translated name (own script) before the
    // German fallbacks.
    for (lang, own) in [
        ("fa", "لیندا بلسینگ (Linda Blessing)"),
        ("ru", "Линда Блессинг (Linda Blessing)"),
    ] {
        let mut want = vec![own];
        want.extend(german.iter().filter(|t| **t != "Linda Blessing"));
        assert_eq!(contact_titles(&site, lang), want, "{lang}");
    }
}

#[test]
fn collation_follows_cldr_for_each_language() {
    // German: umlauts sort with their base letter.
    assert_eq!(
        collated(
            "de",
            &[
                "Beratung",
                "Ärzte",
                "Apotheke",
                "Zahnarzt",
                "Öffnungszeiten",
                "Ort"
            ]
        ),
        [
            "Apotheke",
            "Ärzte",
            "Beratung",
            "Öffnungszeiten",
            "Ort",
            "Zahnarzt"
        ]
    );
    // Ukrainian: Ґ after Г, Є after Е, І after И; Latin after Cyrillic.
    assert_eq!(
        collated(
            "uk",
            &[
                "Дім",
                "Ґанок",
                "Город",
                "Єва",
                "Євген",
                "Яблуко",
                "Іван",
                "Apfel",
                "Ирій"
            ]
        ),
        [
            "Город",
            "Ґанок",
            "Дім",
            "Єва",
            "Євген",
            "Ирій",
            "Іван",
            "Яблуко",
            "Apfel"
        ]
    );
    // Russian: Ё is Е with a secondary difference (byte order would put it
    // before А); Latin after Cyrillic.
    assert_eq!(
        collated(
            "ru",
            &[
                "Яблоко",
                "Ель",
                "Ёлка",
                "Еда",
                "Apfel",
                "Жук",
                "Борщ",
                "Азбука"
            ]
        ),
        [
            "Азбука",
            "Борщ",
            "Еда",
            "Ёлка",
            "Ель",
            "Жук",
            "Яблоко",
            "Apfel"
        ]
    );
    // Turkish: Ç, Ğ, I (dotless), Ö, Ş, Ü are letters of their own.
    assert_eq!(
        collated(
            "tr",
            &[
                "Üzüm", "Uzun", "Çay", "Cuma", "İbadet", "Ilık", "Ödev", "Oyun", "Şehir", "Sabah",
                "Ağız", "Agora",
            ]
        ),
        [
            "Agora", "Ağız", "Cuma", "Çay", "Ilık", "İbadet", "Oyun", "Ödev", "Sabah", "Şehir",
            "Uzun", "Üzüm",
        ]
    );
    // Arabic (CLDR's tailoring): alef and the hamza forms أ إ are one letter
    // with secondary differences, and آ counts as hamza + alef, so آمنة comes
    // first; byte order would give آمنة, أحمد, إبراهيم, ابن. Latin after Arabic.
    assert_eq!(
        collated(
            "ar",
            &[
                "ياسمين",
                "آمنة",
                "أحمد",
                "إبراهيم",
                "ابن",
                "وردة",
                "باب",
                "هدى",
                "Zaid",
                "ثوب",
                "جمل"
            ]
        ),
        [
            "آمنة",
            "إبراهيم",
            "ابن",
            "أحمد",
            "باب",
            "ثوب",
            "جمل",
            "هدى",
            "وردة",
            "ياسمين",
            "Zaid"
        ]
    );
    // Farsi: Persian letters in their places (پ after ب, چ after ج, ژ after ز,
    // گ after ک) and و before ه (Arabic order has ه first).
    assert_eq!(
        collated(
            "fa",
            &[
                "هوا", "وام", "گل", "کتاب", "چای", "جوان", "پدر", "بابا", "ژاله", "زمان", "یار",
                "اسب"
            ]
        ),
        [
            "اسب", "بابا", "پدر", "جوان", "چای", "زمان", "ژاله", "کتاب", "گل", "وام", "هوا", "یار"
        ]
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

/// One token of a stylesheet, as far as the physical-property check needs:
/// comments are dropped, strings and `url(…)` kept whole, identifiers
/// (with hyphens, digits and escapes) are one token, and every other
/// character is a token of its own.
#[derive(Debug, PartialEq)]
enum CssToken {
    Ident(String),
    Str,
    Delim(char),
    Space,
}

fn css_tokens(css: &str) -> Vec<CssToken> {
    let chars: Vec<char> = css.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let is_ident = |c: char| c.is_alphanumeric() || c == '-' || c == '_' || c == '\\' || c == '.';
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && chars.get(i + 1) == Some(&'*') {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                i += 1;
            }
            i += 2;
            out.push(CssToken::Space);
        } else if c == '"' || c == '\'' {
            i += 1;
            while i < chars.len() && chars[i] != c {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push(CssToken::Str);
        } else if c.is_whitespace() {
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            out.push(CssToken::Space);
        } else if is_ident(c) {
            let mut word = String::new();
            while i < chars.len() && is_ident(chars[i]) {
                if chars[i] == '\\' {
                    // An escaped character is part of the identifier.
                    i += 1;
                }
                if let Some(&ch) = chars.get(i) {
                    word.push(ch.to_ascii_lowercase());
                }
                i += 1;
            }
            if word == "url" && chars.get(i) == Some(&'(') {
                while i < chars.len() && chars[i] != ')' {
                    i += 1;
                }
                i += 1;
                out.push(CssToken::Str);
            } else {
                out.push(CssToken::Ident(word));
            }
        } else {
            out.push(CssToken::Delim(c));
            i += 1;
        }
    }
    out
}

/// Every declaration of a stylesheet as `(property, value tokens)`: the
/// tokens between `{`/`;` and `;`/`}` that do not open a block (those are
/// selectors and at-rule preludes).
fn css_declarations(css: &str) -> Vec<(String, Vec<CssToken>)> {
    let mut out = Vec::new();
    let mut current: Vec<CssToken> = Vec::new();
    for t in css_tokens(css) {
        match t {
            CssToken::Delim('{') => current.clear(),
            CssToken::Delim(';') | CssToken::Delim('}') => {
                let mut it = std::mem::take(&mut current)
                    .into_iter()
                    .skip_while(|t| *t == CssToken::Space);
                if let Some(CssToken::Ident(property)) = it.next() {
                    let mut rest = it.skip_while(|t| *t == CssToken::Space);
                    if rest.next() == Some(CssToken::Delim(':')) {
                        out.push((property, rest.collect()));
                    }
                }
            }
            t => current.push(t),
        }
    }
    out
}

/// What in a stylesheet depends on the writing direction, or breaks
/// Arabic script: physical properties (`margin-left`, `right`,
/// `border-top-right-radius`, …), `left`/`right` as values (`float`,
/// `text-align`, `clear`, positions), shorthands whose left and right
/// sides differ, justified text and letter-spacing other than zero.
fn physical_css(css: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (property, value) in css_declarations(css) {
        let idents: Vec<&str> = value
            .iter()
            .filter_map(|t| match t {
                CssToken::Ident(w) => Some(w.as_str()),
                _ => None,
            })
            .collect();
        // The value's components: separated by spaces, a function call
        // (`var(--radius)`) is one component.
        let mut parts: Vec<String> = vec![String::new()];
        let mut depth = 0usize;
        for t in &value {
            match t {
                CssToken::Space if depth == 0 => parts.push(String::new()),
                CssToken::Space => {}
                CssToken::Ident(w) => parts.last_mut().unwrap().push_str(w),
                CssToken::Str => parts.last_mut().unwrap().push('"'),
                CssToken::Delim(c) => {
                    match c {
                        '(' => depth += 1,
                        ')' => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    parts.last_mut().unwrap().push(*c);
                }
            }
        }
        parts.retain(|p| !p.is_empty() && p != "!important");
        let shown = format!("{property}: {}", parts.join(" "));
        if property
            .split('-')
            .any(|part| part == "left" || part == "right")
        {
            found.push(shown);
            continue;
        }
        if idents.iter().any(|w| *w == "left" || *w == "right") {
            found.push(shown);
            continue;
        }
        let four_sided = [
            "margin",
            "padding",
            "inset",
            "border-width",
            "border-style",
            "border-color",
            "scroll-margin",
            "scroll-padding",
        ];
        // `top right bottom left`: the two sides differ only with four values.
        if four_sided.contains(&property.as_str()) && parts.len() == 4 && parts[1] != parts[3] {
            found.push(shown);
            continue;
        }
        // Corners: any difference between them is a difference between sides.
        if property == "border-radius" && parts.iter().any(|p| *p != parts[0]) {
            found.push(shown);
            continue;
        }
        if (property == "text-align" || property == "text-align-last") && parts == ["justify"] {
            found.push(shown);
            continue;
        }
        if property == "letter-spacing"
            && !matches!(parts.as_slice(), [p] if ["normal", "0", "inherit", "initial"].contains(&p.as_str()))
        {
            found.push(shown);
        }
    }
    found
}

#[test]
fn the_physical_property_check_sees_every_spelling() {
    // Each rule once, written the ways a substring check misses: no space
    // before the property, upper case, comments, inside @media, escapes.
    let caught = [
        "a{left:0}",
        "a { RIGHT : 0 }",
        "a{margin-left:1rem}",
        "a{padding-right:1rem}",
        "a{border-left:1px solid}",
        "a{border-right-color:red}",
        "a{border-top-left-radius:2px}",
        "@media (min-width: 40rem) { a { float:left } }",
        "a{float:/*x*/right}",
        "a{clear:left}",
        "a{text-align:right}",
        "a{text-align-last:left}",
        "a{background-position:left top}",
        "a{margin:0 1rem 0 2rem}",
        "a{padding:0 0 0 4px}",
        "a{border-radius:4px 0 0 4px}",
        "a{margin:0 var(--gap) 0 0}",
        "a{text-align:justify}",
        "a{letter-spacing:0.1em}",
        "a{marg\\in-left:1rem}",
    ];
    for css in caught {
        assert_eq!(physical_css(css).len(), 1, "{css}: {:?}", physical_css(css));
    }
    let fine = [
        "a:hover{margin-inline-start:1rem}",
        "a[href$=\"left\"]{inset-inline-end:0}",
        "a::before{content:\"right: 0; float: left\"}",
        "/* margin-left: 0 */ a{padding-inline:1rem}",
        "a{margin:0 1rem}",
        "a{margin:1rem 2rem 3rem 2rem}",
        "a{border-radius:4px}",
        "a{border-radius:var(--radius) !important}",
        "a{margin:0 var(--gap) 0 var(--gap)}",
        "a{text-align:start;letter-spacing:0}",
        "a{background:url(left.png)}",
        ".left-col{display:block}",
    ];
    for css in fine {
        assert_eq!(physical_css(css), Vec::<String>::new(), "{css}");
    }
}

#[test]
fn the_theme_uses_logical_css_properties_only() {
    let css = std::fs::read_to_string(repo().join("themes/default/static/style.css")).unwrap();
    let declarations = css_declarations(&css);
    assert!(
        declarations.len() > 100,
        "the stylesheet was read: {} declarations",
        declarations.len()
    );
    assert_eq!(physical_css(&css), Vec::<String>::new(), "style.css");
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
            .env("WEGWEISER_LANG", "en")
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
