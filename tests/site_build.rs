//! Whole-site tests on `tests/fixtures/site`: fallback, RTL, hreflang,
//! sitemap, links, determinism, atomic output.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;

#[test]
fn missing_translation_gets_a_fallback_page_with_notice_and_no_hreflang() {
    let site = TestSite::fixture("site");
    site.build_ok();
    // `beratung` exists only in German; the English page still exists.
    let doc = site.html("en/offers/beratung/index.html");
    assert_eq!(attrs(&doc, "html", "lang"), vec!["en"]);
    let notice = text(&doc, ".notice");
    assert!(
        notice.contains("not been translated"),
        "notice in the reader's language: {notice}"
    );
    assert!(
        notice.contains("German") && !notice.contains("Deutsch"),
        "notice names the language shown, in the reader's language: {notice}"
    );
    // The German text is marked as German inside the English page.
    assert_eq!(attrs(&doc, "div.body", "lang"), vec!["de"]);
    assert_eq!(attrs(&doc, "h1", "lang"), vec!["de"]);
    // Navigation stays in English.
    assert!(text(&doc, ".main-nav").contains("Offers"));
    // Not announced as a translation, not indexed.
    assert!(
        alternates(&doc).is_empty(),
        "fallback page must not carry hreflang"
    );
    assert_eq!(attrs(&doc, "meta[name=robots]", "content"), vec!["noindex"]);
    // And the real translations do not point at it.
    let de = site.html("de/offers/beratung/index.html");
    assert!(
        alternates(&de).is_empty(),
        "an item in one language has no alternates"
    );
}

#[test]
fn fallback_follows_the_language_chain() {
    let site = TestSite::fixture("site");
    site.build_ok();
    // fa falls back to en first (site.toml), then to de.
    let doc = site.html("fa/offers/sprachcafe/index.html");
    assert_eq!(attrs(&doc, "div.body", "lang"), vec!["en"]);
    assert_eq!(attrs(&doc, "div.body", "dir"), vec!["ltr"]);
    let doc = site.html("fa/offers/beratung/index.html");
    assert_eq!(attrs(&doc, "div.body", "lang"), vec!["de"]);
    // A translation that lacks a field takes it from the fallback, marked.
    let ar = site.html("ar/offers/sprachcafe/index.html");
    assert!(
        text(&ar, ".facts").contains("Dienstags"),
        "schedule falls back to German"
    );
    assert!(ar.select(&sel(".facts dd[lang=de]")).next().is_some());
}

#[test]
fn right_to_left_pages() {
    let site = TestSite::fixture("site");
    site.build_ok();
    for (page, dir) in [
        ("ar/index.html", "rtl"),
        ("fa/offers/sprachcafe/index.html", "rtl"),
        ("ar/contacts/buero/index.html", "rtl"),
        ("en/index.html", "ltr"),
        ("de/404.html", "ltr"),
        ("ar/404.html", "rtl"),
    ] {
        let doc = site.html(page);
        assert_eq!(attrs(&doc, "html", "dir"), vec![dir], "{page}");
    }
    // Phone and e-mail stay left-to-right inside right-to-left pages.
    let doc = site.html("ar/contacts/buero/index.html");
    let tel: Vec<_> = doc
        .select(&sel("section[aria-labelledby=h-reach] a[href^='tel:']"))
        .collect();
    assert_eq!(tel.len(), 1);
    assert_eq!(tel[0].value().attr("href"), Some("tel:+4961320000100"));
    let number: Vec<_> = tel[0].select(&sel("bdi[dir=ltr]")).collect();
    assert_eq!(number.len(), 1, "{}", tel[0].html());
    let mail: Vec<_> = doc.select(&sel("a[href^='mailto:buero']")).collect();
    assert_eq!(mail[0].value().attr("dir"), Some("ltr"));
}

#[test]
fn language_switcher_links_the_same_page_in_every_language() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let doc = site.html("de/offers/sprachcafe/index.html");
    let entries: Vec<_> = doc.select(&sel(".langs a")).collect();
    let got: Vec<(&str, &str, &str)> = entries
        .iter()
        .map(|a| {
            let v = a.value();
            (
                v.attr("href").unwrap(),
                v.attr("lang").unwrap(),
                v.attr("hreflang").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("/de/offers/sprachcafe/", "de", "de"),
            ("/en/offers/sprachcafe/", "en", "en"),
            ("/ar/offers/sprachcafe/", "ar", "ar"),
            ("/fa/offers/sprachcafe/", "fa", "fa"),
        ]
    );
    assert_eq!(entries[2].text().collect::<String>(), "العربية");
}

#[test]
fn hreflang_is_reciprocal_and_only_between_translations() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let base = "https://guide.example.org/";
    let mut checked = 0;
    for file in site.html_files() {
        let doc = site.html(&file);
        let alts = alternates(&doc);
        if alts.is_empty() {
            continue;
        }
        let url = format!("{base}{}", file.trim_end_matches("index.html"));
        assert!(alts.iter().any(|(_, h)| *h == url), "{file} lists itself");
        assert!(
            alts.iter().any(|(l, _)| l == "x-default"),
            "{file} has x-default"
        );
        let set: BTreeSet<_> = alts.iter().cloned().collect();
        for (lang, href) in &alts {
            let other = href.strip_prefix(base).unwrap();
            let other_doc = site.html(&format!("{other}index.html"));
            let other_set: BTreeSet<_> = alternates(&other_doc).into_iter().collect();
            assert_eq!(set, other_set, "{file} → {lang} {other} is reciprocal");
            if lang != "x-default" {
                assert!(
                    other_doc.select(&sel(".notice")).next().is_none(),
                    "{other} is a real translation, not a fallback"
                );
            }
        }
        checked += 1;
    }
    assert!(checked > 10, "only {checked} pages with alternates");
    // sprachcafe: de, en, ar have text; fa is a fallback and is not announced.
    let doc = site.html("de/offers/sprachcafe/index.html");
    let langs: Vec<_> = alternates(&doc).into_iter().map(|x| x.0).collect();
    assert_eq!(langs, vec!["de", "en", "ar", "x-default"]);
}

#[test]
fn sitemap_lists_translations_with_alternates() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let xml = site.read("sitemap.xml");
    let urls = parse_sitemap(&xml);
    let base = "https://guide.example.org";
    assert!(urls.contains_key(&format!("{base}/ar/offers/sprachcafe/")));
    assert!(
        !urls.contains_key(&format!("{base}/fa/offers/sprachcafe/")),
        "fallback pages are not in the sitemap"
    );
    assert!(!urls.contains_key(&format!("{base}/en/offers/beratung/")));
    assert!(urls.contains_key(&format!("{base}/de/offers/beratung/")));
    // The sitemap's alternates are exactly the page's own.
    for (loc, alts) in &urls {
        let rel = format!(
            "{}index.html",
            loc.strip_prefix(&format!("{base}/")).unwrap()
        );
        let page: BTreeSet<_> = alternates(&site.html(&rel)).into_iter().collect();
        assert_eq!(alts, &page, "{loc}");
    }
    let robots = site.read("robots.txt");
    assert!(robots.contains("Sitemap: https://guide.example.org/sitemap.xml"));
}

#[test]
fn content_links_resolve_in_the_readers_language() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let hrefs = attrs(
        &site.html("ar/offers/sprachcafe/index.html"),
        "div.body a",
        "href",
    );
    assert_eq!(hrefs, vec!["/ar/offers/beratung/"]);
    let hrefs = attrs(
        &site.html("en/offers/sprachcafe/index.html"),
        "div.body a",
        "href",
    );
    assert_eq!(hrefs, vec!["/en/offers/beratung/#termine"]);
    // The anchor exists on the target page.
    let target = site.html("en/offers/beratung/index.html");
    assert_eq!(attrs(&target, "#termine", "id"), vec!["termine"]);
}

#[test]
fn pages_link_each_other_and_carry_the_legal_footer() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let offer = site.html("de/offers/sprachcafe/index.html");
    let hrefs = attrs(&offer, "article a", "href");
    for want in [
        "/de/contacts/buero/",
        "/de/contacts/verein/",
        "/de/topics/sprache/",
        "/de/audiences/frauen/",
        "/de/places/ingelheim/",
    ] {
        assert!(
            hrefs.iter().any(|h| h == want),
            "offer links {want}: {hrefs:?}"
        );
    }
    // Contact pages list what names them.
    let contact = site.html("de/contacts/verein/index.html");
    let hrefs = attrs(&contact, "article a", "href");
    for want in [
        "/de/offers/sprachcafe/",
        "/de/events/infoabend/",
        "/de/contacts/buero/",
    ] {
        assert!(
            hrefs.iter().any(|h| h == want),
            "contact links {want}: {hrefs:?}"
        );
    }
    // Taxonomy pages exist in every language and list their items.
    let term = site.html("ar/topics/sprache/index.html");
    let mut hrefs = attrs(&term, ".cards .card > a", "href");
    hrefs.sort();
    assert_eq!(
        hrefs,
        vec!["/ar/events/infoabend/", "/ar/offers/sprachcafe/"]
    );
    // Every HTML page but the chooser has the four legal links.
    for file in site.html_files() {
        if file == "index.html" {
            continue;
        }
        let doc = site.html(&file);
        let footer = attrs(&doc, "footer a", "href");
        let lang = file.split('/').next().unwrap();
        let lang = if lang == "404.html" { "de" } else { lang };
        for want in [
            format!("/{lang}/impressum/"),
            format!("/{lang}/datenschutz/"),
            format!("/{lang}/barrierefreiheit/"),
            "mailto:feedback@example.org".to_string(),
        ] {
            assert!(
                footer.contains(&want),
                "{file} footer lacks {want}: {footer:?}"
            );
        }
    }
}

#[test]
fn events_show_every_session_in_the_readers_language() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let doc = site.html("de/events/markt/index.html");
    let when = text(&doc, ".when");
    // Expected strings come from ICU4X itself, not typed by hand.
    let de = wegweiser::i18n::LocaleFormatter::new("de", None).unwrap();
    let d = |m, day| jiff::civil::date(2026, m, day);
    let t = |h, m| jiff::civil::time(h, m, 0, 0);
    assert!(
        when.contains(&de.date_long(d(11, 10))) && when.contains(&de.date_long(d(11, 11))),
        "{when}"
    );
    assert!(when.contains(&de.time_range(t(11, 0), t(16, 30))), "{when}");
    assert!(when.contains("10. November 2026"), "{when}");
    let times = attrs(&doc, ".when time", "datetime");
    assert!(times.contains(&"2026-11-10T10:00".to_string()), "{times:?}");
    // Farsi dates are Gregorian (CLDR's default for fa is the Persian calendar).
    let fa = text(&site.html("fa/events/infoabend/index.html"), ".when");
    assert!(fa.contains("۲۰۲۶"), "{fa}");
    assert!(!fa.contains("۱۴۰۴") && !fa.contains("بهمن"), "{fa}");
}

#[test]
fn root_is_a_language_chooser_without_javascript() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let doc = site.html("index.html");
    // The only script is the optional, same-origin language suggestion; the
    // links work without it.
    assert_eq!(attrs(&doc, "script", "src"), vec!["/static/chooser.js"]);
    assert!(doc.select(&sel("script[defer]")).next().is_some());
    let links: Vec<_> = doc.select(&sel(".chooser-list a")).collect();
    assert_eq!(links.len(), 4);
    assert_eq!(links[3].value().attr("href"), Some("/fa/"));
    assert_eq!(links[3].value().attr("lang"), Some("fa"));
    assert_eq!(links[3].value().attr("dir"), Some("rtl"));
    assert_eq!(links[3].text().collect::<String>(), "فارسی");
    // 404 pages in every language, and one at the root for static hosts.
    for l in ["de", "en", "ar", "fa"] {
        assert!(site.exists(&format!("{l}/404.html")));
    }
    assert!(site.exists("404.html"));
}

#[test]
fn two_builds_are_byte_identical() {
    let a = TestSite::fixture("site");
    let b = TestSite::fixture("site");
    a.build_ok();
    b.build_ok();
    let (fa, fb) = (a.files(), b.files());
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (k, v) in &fa {
        assert!(v == &fb[k], "{k} differs between two builds");
    }
    // And a rebuild in place gives the same bytes again.
    a.build_ok();
    assert!(a.files() == fa);
}

#[test]
fn a_failing_build_leaves_the_previous_output_untouched() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let before = site.files();
    site.edit(
        "content/offers/sprachcafe.md",
        "title = \"Sprachcafé\"",
        "titel = \"Sprachcafé\"",
    );
    let ds = site.build_err();
    assert!(ds.has_errors());
    assert!(
        site.files() == before,
        "public/ changed after a failed build"
    );
    // No temporary folders are left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(&site.root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = TestSite::fixture("site");
    site.write(
        "content/offers/entwurf.md",
        "+++\ntitle = \"Entwurf\"\ndraft = true\n+++\nNoch nicht fertig.\n",
    );
    site.build_ok();
    assert!(!site.exists("de/offers/entwurf/index.html"));
    let mut opts = site.options();
    opts.drafts = true;
    wegweiser::build(&opts).unwrap();
    assert!(site.exists("de/offers/entwurf/index.html"));
}

#[test]
fn output_has_no_third_party_requests() {
    let site = TestSite::fixture("site");
    site.build_ok();
    for file in site.html_files() {
        let doc = site.html(&file);
        for (selector, attr) in [
            ("link", "href"),
            ("script", "src"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
        ] {
            for v in attrs(&doc, selector, attr) {
                let external = v.starts_with("//")
                    || (v.contains("://") && !v.starts_with("https://guide.example.org/"));
                assert!(
                    !external,
                    "{file}: <{selector} {attr}={v}> loads from another host"
                );
            }
        }
    }
    let css = site.read("static/style.css");
    assert!(
        !css.contains("url(http") && !css.contains("@import"),
        "stylesheet loads nothing else"
    );
}

/// `<loc>` → set of `(hreflang, href)` of a sitemap.
fn parse_sitemap(xml: &str) -> BTreeMap<String, BTreeSet<(String, String)>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut urls = BTreeMap::new();
    let mut loc = String::new();
    let mut alts = BTreeSet::new();
    let mut in_loc = false;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == b"loc" => in_loc = true,
            Event::Text(t) if in_loc => loc = t.decode().unwrap().into_owned(),
            Event::End(e) if e.name().as_ref() == b"loc" => in_loc = false,
            Event::Empty(e) if e.name().as_ref() == b"xhtml:link" => {
                let get = |k: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == k)
                        .map(|a| a.unescape_value().unwrap().into_owned())
                        .unwrap()
                };
                alts.insert((get(b"hreflang"), get(b"href")));
            }
            Event::End(e) if e.name().as_ref() == b"url" => {
                urls.insert(std::mem::take(&mut loc), std::mem::take(&mut alts));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    urls
}

#[test]
fn new_files_from_the_scaffold_build_as_drafts() {
    let site = TestSite::fixture("site");
    for (kind, name) in [
        (wegweiser::content::Kind::Offer, "neues-angebot"),
        (wegweiser::content::Kind::Event, "neue-veranstaltung"),
        (wegweiser::content::Kind::Contact, "neue-person"),
        (wegweiser::content::Kind::Page, "neue-seite"),
    ] {
        wegweiser::scaffold::create(&site.root, kind, name).unwrap();
        assert!(
            wegweiser::scaffold::create(&site.root, kind, name).is_err(),
            "never overwrites"
        );
    }
    site.build_ok();
    assert!(
        !site.exists("de/offers/neues-angebot/index.html"),
        "drafts stay hidden"
    );
    let mut opts = site.options();
    opts.drafts = true;
    if let Err(ds) = wegweiser::build(&opts) {
        panic!("scaffolded files must build:\n{}", ds.render());
    }
    assert!(site.exists("de/events/neue-veranstaltung/index.html"));
    assert!(site.exists("de/neue-seite/index.html"));
}

/// Filters without JavaScript: topic × place and language pages exist for
/// combinations that have offers (and only those), linked from offer lists.
#[test]
fn filter_pages_for_combinations_with_offers() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let combo = site.html("de/topics/sprache/ingelheim/index.html");
    assert_eq!(
        common::attrs(&combo, ".cards .card > a", "href"),
        vec!["/de/offers/sprachcafe/"]
    );
    let ar = site.html("ar/languages/ar/index.html");
    assert_eq!(
        common::attrs(&ar, ".cards .card > a", "href"),
        vec!["/ar/offers/sprachcafe/"]
    );
    // No page for a combination without offers.
    assert!(!site.exists("de/topics/beratung/ingelheim/index.html"));
    // The offer list links every filter, with counts; a topic page narrows to its places.
    let list = site.html("de/offers/index.html");
    let links = common::attrs(&list, "nav.filters a", "href");
    for want in [
        "/de/topics/sprache/",
        "/de/places/ingelheim/",
        "/de/languages/ar/",
    ] {
        assert!(links.iter().any(|l| l == want), "{want} in {links:?}");
    }
    let topic = site.html("de/topics/sprache/index.html");
    assert!(
        common::attrs(&topic, "nav.filters a", "href")
            .contains(&"/de/topics/sprache/ingelheim/".to_string())
    );
    let current = common::attrs(&combo, "nav.filters a[aria-current=page]", "href");
    assert_eq!(current, vec!["/de/topics/sprache/ingelheim/"]);
}

#[test]
fn the_streaming_build_writes_exactly_the_in_memory_output() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let (memory, _) = wegweiser::build::render_site(&site.options()).unwrap();
    let mut written = site.files();
    // The marker that lets the next build replace the folder.
    assert!(written.remove(".wegweiser-output").is_some());
    assert_eq!(
        written.keys().collect::<Vec<_>>(),
        memory.keys().collect::<Vec<_>>()
    );
    for (k, v) in &memory {
        assert!(written[k] == **v, "{k} differs");
    }
}

/// The fixture with one card per list page.
fn paginated_site() -> TestSite {
    let site = TestSite::fixture("site");
    site.edit(
        "site.toml",
        "time_zone = \"Europe/Berlin\"",
        "time_zone = \"Europe/Berlin\"\npaginate_by = 1",
    );
    site
}

#[test]
fn long_lists_continue_on_further_pages() {
    let site = paginated_site();
    site.build_ok();
    let first = site.html("de/offers/index.html");
    assert_eq!(
        first.select(&sel(".cards > li")).count(),
        1,
        "one card per page"
    );
    assert_eq!(
        text(&first, "main > p.count"),
        "2 Einträge",
        "the count is of the whole list"
    );
    assert_eq!(
        attrs(&first, "nav.pager", "aria-label"),
        vec!["Weitere Seiten dieser Liste"]
    );
    assert_eq!(text(&first, "nav.pager p"), "Seite 1 von 2");
    assert_eq!(
        attrs(&first, "nav.pager a[rel=next]", "href"),
        vec!["/de/offers/page/2/"]
    );
    assert!(attrs(&first, "nav.pager a[rel=prev]", "href").is_empty());
    assert_eq!(
        attrs(&first, "link[rel=next]", "href"),
        vec!["/de/offers/page/2/"]
    );

    let second = site.html("de/offers/page/2/index.html");
    assert_eq!(second.select(&sel(".cards > li")).count(), 1);
    assert_eq!(
        attrs(&second, "nav.pager a[rel=prev]", "href"),
        vec!["/de/offers/"]
    );
    assert!(attrs(&second, "nav.pager a[rel=next]", "href").is_empty());
    assert_eq!(
        attrs(&second, "link[rel=canonical]", "href"),
        vec!["https://guide.example.org/de/offers/page/2/"]
    );
    assert!(!site.exists("de/offers/page/3/index.html"));
    // The two pages together show each offer once.
    let mut cards = attrs(&first, ".cards .card > a", "href");
    cards.extend(attrs(&second, ".cards .card > a", "href"));
    cards.dedup();
    assert_eq!(cards.len(), 2, "{cards:?}");

    // The navigation speaks the reader's language.
    let ar = site.html("ar/offers/index.html");
    assert_eq!(
        attrs(&ar, "nav.pager", "aria-label"),
        vec!["صفحات أخرى من هذه القائمة"]
    );
    assert_eq!(
        attrs(&ar, "nav.pager a[rel=next]", "href"),
        vec!["/ar/offers/page/2/"]
    );

    // Further pages are in the sitemap.
    let sitemap = parse_sitemap(&site.read("sitemap.xml"));
    assert!(
        sitemap.contains_key("https://guide.example.org/de/offers/page/2/"),
        "{:?}",
        sitemap.keys().collect::<Vec<_>>()
    );
}

#[test]
fn filter_pages_are_paginated_too() {
    let site = paginated_site();
    site.edit(
        "content/offers/beratung.md",
        "topics = [\"beratung\"]",
        "topics = [\"beratung\", \"sprache\"]\nplaces = [\"ingelheim\"]\noffered_in = [\"de\"]",
    );
    site.build_ok();
    for first in ["de/topics/sprache/ingelheim/", "de/languages/de/"] {
        let one = site.html(&format!("{first}index.html"));
        let two = site.html(&format!("{first}page/2/index.html"));
        assert!(!site.exists(&format!("{first}page/3/index.html")));
        assert_eq!(one.select(&sel(".cards > li")).count(), 1, "{first}");
        assert_eq!(two.select(&sel(".cards > li")).count(), 1, "{first}");
        assert_eq!(text(&one, "main > p.count"), "2 Einträge", "{first}");
        assert_eq!(
            attrs(&one, "nav.pager a[rel=next]", "href"),
            vec![format!("/{first}page/2/")]
        );
        let mut cards = attrs(&one, ".cards .card > a", "href");
        cards.extend(attrs(&two, ".cards .card > a", "href"));
        cards.sort();
        cards.dedup();
        assert_eq!(cards.len(), 2, "{cards:?}");
        // The second page still marks its filter as the current one.
        assert!(
            attrs(&two, "nav.filters a[aria-current=page]", "href").contains(&format!("/{first}")),
            "{first}: {:?}",
            attrs(&two, "nav.filters a[aria-current=page]", "href")
        );
    }
}

#[test]
fn short_lists_have_no_pager() {
    let site = TestSite::fixture("site");
    site.build_ok();
    let doc = site.html("de/offers/index.html");
    assert!(attrs(&doc, "nav.pager", "aria-label").is_empty());
    assert!(!site.exists("de/offers/page/2/index.html"));
}

#[test]
fn paginate_by_must_be_positive() {
    let site = TestSite::fixture("site");
    site.edit(
        "site.toml",
        "time_zone = \"Europe/Berlin\"",
        "time_zone = \"Europe/Berlin\"\npaginate_by = 0",
    );
    let ds = site.build_err();
    assert!(ds.render().contains("paginate_by"), "{}", ds.render());
}
