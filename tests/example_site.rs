//! The repository's example guide (content/, locales/, themes/default) builds
//! cleanly and shows what the guide promises its readers.

mod common;

use common::*;

const LANGS: [&str; 7] = ["de", "en", "ar", "uk", "fa", "tr", "ru"];

#[test]
fn example_site_builds_completely() {
    let site = TestSite::example();
    let report = site.build_ok();
    // Interface text is complete in every language: no missing-message warnings.
    let warnings = report.warnings.render_short();
    assert!(report.warnings.is_empty(), "warnings:\n{warnings}");

    let sources = |dir: &str| {
        std::fs::read_dir(site.root.join("content").join(dir))
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().matches('.').count() == 1)
            .count()
    };
    let (offers, events, contacts, pages) = (
        sources("offers"),
        sources("events"),
        sources("contacts"),
        sources("pages"),
    );
    assert!(offers >= 12 && events >= 6 && contacts >= 8 && pages >= 4);
    for lang in LANGS {
        for kind in ["offers", "events", "contacts"] {
            let dir = site.out().join(lang).join(kind);
            let n = std::fs::read_dir(&dir)
                .unwrap()
                .flatten()
                .filter(|e| e.path().is_dir())
                .count();
            let want = match kind {
                "offers" => offers,
                "events" => events,
                _ => contacts,
            };
            assert_eq!(
                n, want,
                "{lang}/{kind}: every item exists in every language"
            );
        }
        for page in ["ueber-uns", "impressum", "datenschutz", "barrierefreiheit"] {
            assert!(
                site.exists(&format!("{lang}/{page}/index.html")),
                "{lang}/{page}"
            );
        }
    }
    println!(
        "example site: {} pages, {} files, {} KiB",
        report.pages,
        report.files,
        report.bytes / 1024
    );
}

#[test]
fn example_site_translations_and_fallbacks() {
    let site = TestSite::example();
    site.build_ok();
    // English, Arabic and Ukrainian are complete: no fallback notice anywhere.
    for lang in ["en", "ar", "uk"] {
        for file in site
            .html_files()
            .into_iter()
            .filter(|f| f.starts_with(&format!("{lang}/")))
        {
            let doc = site.html(&file);
            assert!(
                doc.select(&sel(".notice-fallback")).next().is_none(),
                "{file} shows a fallback notice"
            );
        }
    }
    // Farsi, Turkish and Russian have a few translated items; the rest falls back visibly.
    for lang in ["fa", "tr", "ru"] {
        let translated = site.html(&format!("{lang}/offers/sprachcafe-ingelheim/index.html"));
        assert!(
            translated.select(&sel(".notice-fallback")).next().is_none(),
            "{lang}: sprachcafe is translated"
        );
        // The example's translations were made by machine, and say so.
        assert!(
            translated.select(&sel(".notice-machine")).next().is_some(),
            "{lang}: machine-translation label"
        );
        let fallback = site.html(&format!("{lang}/offers/wohnraumberatung/index.html"));
        assert!(
            fallback.select(&sel(".notice-fallback")).next().is_some(),
            "{lang}: fallback notice"
        );
        assert!(
            fallback.select(&sel(".notice-machine")).next().is_none(),
            "{lang}: the fallback text is the German original"
        );
        assert_eq!(attrs(&fallback, "div.body", "lang"), vec!["de"]);
        assert!(alternates(&fallback).is_empty());
    }
    // Right-to-left where it belongs.
    for (lang, dir) in [("ar", "rtl"), ("fa", "rtl"), ("uk", "ltr"), ("de", "ltr")] {
        let doc = site.html(&format!("{lang}/index.html"));
        assert_eq!(attrs(&doc, "html", "dir"), vec![dir]);
        assert_eq!(attrs(&doc, "html", "lang"), vec![lang]);
    }
}

#[test]
fn example_site_attributes_carry_no_isolation_marks() {
    let site = TestSite::example();
    site.build_ok();
    for file in site.html_files() {
        let doc = site.html(&file);
        for el in doc.select(&sel("*")) {
            for (name, value) in el.value().attrs() {
                assert!(
                    !value.contains('\u{2068}') && !value.contains('\u{2069}'),
                    "{file}: attribute {name} contains FSI/PDI: {value:?}"
                );
            }
        }
        let title = text(&doc, "title");
        assert!(!title.contains('\u{2068}'), "{file}: <title> contains FSI");
    }
}
