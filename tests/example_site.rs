//! The repository's example guide (content/, locales/, themes/default) builds
//! cleanly and shows what the guide promises its readers.

mod common;

use std::collections::BTreeSet;

use common::*;
use wegweiser::config::SiteConfig;

/// The slugs of a content folder's source files (`x.md`, not `x.ar.md`).
fn sources(site: &TestSite, dir: &str) -> BTreeSet<String> {
    std::fs::read_dir(site.root.join("content").join(dir))
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".md")?;
            (!stem.contains('.') && !stem.starts_with('_')).then(|| stem.to_string())
        })
        .collect()
}

/// The names of the folders (or, with `ext`, the stems of the files with
/// that extension) directly in an output folder.
fn built(site: &TestSite, dir: &str, ext: Option<&str>) -> BTreeSet<String> {
    std::fs::read_dir(site.out().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            match ext {
                // `page/` holds a long list's further pages (paginate_by).
                None => (e.path().is_dir() && name != "page").then_some(name),
                Some(ext) => name.strip_suffix(ext).map(str::to_string),
            }
        })
        .collect()
}

#[test]
fn example_site_builds_completely() {
    let site = TestSite::example();
    let report = site.build_ok();
    // Interface text is complete in every language: no missing-message warnings.
    let warnings = report.warnings.render_short();
    assert!(report.warnings.is_empty(), "warnings:\n{warnings}");

    // Every language of site.toml, easy-read German included.
    let config = SiteConfig::load(&site.root).unwrap();
    let langs: Vec<String> = config.language_keys();
    assert!(langs.iter().any(|l| l == "ls"), "{langs:?}");
    assert_eq!(
        report.per_language.keys().collect::<Vec<_>>(),
        langs
            .iter()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>(),
        "pages are built for exactly the configured languages"
    );
    let per_lang: BTreeSet<usize> = report.per_language.values().copied().collect();
    assert_eq!(
        per_lang.len(),
        1,
        "every language has the same pages: {:?}",
        report.per_language
    );

    let offers = sources(&site, "offers");
    let events = sources(&site, "events");
    let contacts = sources(&site, "contacts");
    let pages = sources(&site, "pages");
    assert!(!offers.is_empty() && !events.is_empty() && !contacts.is_empty() && !pages.is_empty());
    for lang in &langs {
        // Exactly the items of the content folder: none missing, none extra.
        for (kind, items) in [
            ("offers", &offers),
            ("events", &events),
            ("contacts", &contacts),
        ] {
            assert_eq!(
                &built(&site, &format!("{lang}/{kind}"), None),
                items,
                "{lang}/{kind}: every item exists in every language"
            );
            for slug in items {
                assert!(
                    site.exists(&format!("{lang}/{kind}/{slug}/index.html")),
                    "{lang}/{kind}/{slug}"
                );
            }
        }
        assert_eq!(
            &built(&site, &format!("{lang}/events"), Some(".ics")),
            &events,
            "{lang}: a calendar file per event"
        );
        assert_eq!(
            &built(&site, &format!("{lang}/contacts"), Some(".vcf")),
            &contacts,
            "{lang}: a contact card per contact"
        );
        for page in &pages {
            assert!(
                site.exists(&format!("{lang}/{page}/index.html")),
                "{lang}/{page}"
            );
        }
        assert!(site.exists(&format!("{lang}/index.html")), "{lang}/");
    }
    println!(
        "example site: {} offers, {} events, {} contacts, {} pages in {} languages; \
         {} pages, {} files, {} KiB",
        offers.len(),
        events.len(),
        contacts.len(),
        pages.len(),
        langs.len(),
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

/// Search engines and link previews show a page's description, and a
/// browser asks for `/favicon.ico` (a 404 in the console) unless a page names
/// its icon: every page but the "not found" ones has a description, and
/// every page names the theme's icon.
#[test]
fn every_page_has_a_description_and_an_icon() {
    let site = TestSite::example();
    site.build_ok();
    for file in site.html_files() {
        let doc = site.html(&file);
        assert_eq!(
            attrs(&doc, "link[rel=icon]", "href"),
            vec!["/static/icon.svg"],
            "{file}"
        );
        if file.ends_with("404.html") {
            continue;
        }
        let description = attrs(&doc, "meta[name=description]", "content");
        assert_eq!(description.len(), 1, "{file}: {description:?}");
        assert!(
            description[0].chars().count() > 10,
            "{file}: {description:?}"
        );
    }
    // A list page names its heading, then what it lists, in the page's
    // language; a long list is cut at a word after about 160 characters.
    let doc = site.html("de/offers/index.html");
    let description = attrs(&doc, "meta[name=description]", "content").remove(0);
    assert!(description.starts_with("Angebote: "), "{description}");
    let titles = text(&doc, "ul.cards > li.card > a");
    let first = titles.lines().next().unwrap_or_default().trim();
    assert!(
        !first.is_empty() && description.contains(first),
        "{description} lacks {first}"
    );
    assert!(
        description.chars().count() <= 162 && description.ends_with(" …"),
        "{description}"
    );
}

/// A reader on a phone downloads a page with its stylesheet: every page of
/// the example stays under 30 KB of HTML and CSS together (uncompressed).
#[test]
fn every_page_with_its_stylesheet_stays_under_30_kb() {
    let site = TestSite::example();
    site.build_ok();
    let css = std::fs::metadata(site.out().join("static/style.css"))
        .unwrap()
        .len();
    // The search page needs its script to do its work: it counts too.
    let js = std::fs::metadata(site.out().join("static/wegweiser.js"))
        .unwrap()
        .len();
    let mut heaviest = (0, String::new());
    for page in site.html_files() {
        let script = if page.contains("/search/") { js } else { 0 };
        let size = std::fs::metadata(site.out().join(&page)).unwrap().len() + css + script;
        if size > heaviest.0 {
            heaviest = (size, page);
        }
    }
    assert!(heaviest.0 > css, "pages were found");
    assert!(
        heaviest.0 <= 30 * 1024,
        "{} with style.css (and a search page with wegweiser.js) is {} bytes (budget 30 KB)",
        heaviest.1,
        heaviest.0
    );
}

/// The search index carries the facts of the cards: an event's weekday,
/// date and time, where an offer is, what it costs and whom to call.
#[test]
fn search_index_carries_the_card_facts() {
    let site = TestSite::example();
    site.build_ok();
    // The documents of the index, from all its document files.
    let index: serde_json::Value = serde_json::from_str(
        &site.read(wegweiser::routes::search_index("de").trim_start_matches('/')),
    )
    .unwrap();
    let files = index["n"]
        .as_u64()
        .unwrap()
        .div_ceil(index["dn"].as_u64().unwrap());
    let mut docs = Vec::new();
    for n in 0..files as usize {
        let path = wegweiser::routes::search_shard("de", 'd', n);
        let file: serde_json::Value =
            serde_json::from_str(&site.read(path.trim_start_matches('/'))).unwrap();
        docs.extend(file.as_array().unwrap().iter().cloned());
    }
    let docs = &docs;
    let of = |section: &str| {
        docs.iter()
            .filter(move |d| d["u"].as_str().unwrap().contains(section))
            .collect::<Vec<_>>()
    };
    let events = of("/events/");
    assert!(!events.is_empty());
    for e in &events {
        let iso = e["wd"].as_str().unwrap_or_else(|| panic!("no date: {e}"));
        assert_eq!(iso.len(), 10, "{e}");
        // The date with its weekday, as on the card ("Dienstag, 3. März 2026").
        assert!(e["w"].as_str().unwrap().contains(", "), "{e}");
        if let Some(t) = e["h"].as_str() {
            assert!(t.contains(':'), "{e}");
            assert!(e["hd"].as_str().unwrap().starts_with(iso), "{e}");
        }
    }
    assert!(
        events
            .iter()
            .any(|e| e["h"].is_string() && e["p"].is_string())
    );
    let offers = of("/offers/");
    assert!(
        offers
            .iter()
            .any(|o| o["p"].is_string() && o["k"].is_string())
    );
    let phoned = offers.iter().find(|o| o["n"].is_string()).unwrap();
    assert!(phoned["nh"].as_str().unwrap().starts_with("tel:"));
    // Only present facts, short keys: no nulls, no card field names.
    let text = serde_json::Value::from(docs.clone()).to_string();
    assert!(
        !text.contains("null") && !text.contains("\"cost\""),
        "{text}"
    );
    // Pages and contacts carry no card facts.
    assert!(of("/contacts/").iter().all(|c| c.get("p").is_none()));
}
