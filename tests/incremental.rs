//! Incremental rebuilds (used by `serve`) give exactly the output of a full
//! build, while rendering only the pages a change affects.

mod common;

use std::path::PathBuf;

use common::TestSite;
use wegweiser::build::{Pipeline, Update, render_site};
use wegweiser::output::OutputFiles;

/// Applies `changed` and checks that the pipeline's output, and the
/// served files patched with the update's changes, equal a full build.
fn check(site: &TestSite, pipeline: &mut Pipeline, changed: &[&str]) -> usize {
    check_update(site, pipeline, changed).rendered
}

fn check_update(site: &TestSite, pipeline: &mut Pipeline, changed: &[&str]) -> Update {
    let paths: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
    let (mut served, _) = pipeline.output().unwrap();
    let update = pipeline
        .update(&paths)
        .unwrap_or_else(|ds| panic!("{}", ds.render()));
    apply(&mut served, &update.changes);
    // The page changes alone: every changed item page is among them.
    let (full, _) = render_site(&site.options()).unwrap();
    for (k, v) in &full {
        if k.ends_with(".html") {
            assert!(served.get(k) == Some(v), "{k} is stale before settle");
        }
    }
    let later = pipeline.settle().unwrap();
    apply(&mut served, &later);
    let mut update = update;
    update.changes.extend(later);
    let (incremental, _) = pipeline.output().unwrap();
    assert!(
        served == full,
        "the served files patched with the update's changes differ from a full build after {changed:?}: {:?}",
        full.iter()
            .filter(|(k, v)| served.get(*k) != Some(*v))
            .map(|(k, _)| k)
            .chain(served.keys().filter(|k| !full.contains_key(*k)))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        incremental.keys().collect::<Vec<_>>(),
        full.keys().collect::<Vec<_>>(),
        "same files after {changed:?}"
    );
    for (k, v) in &full {
        assert!(
            incremental[k] == *v,
            "{k} differs from a full build after {changed:?}"
        );
    }
    update
}

fn apply(served: &mut OutputFiles, changes: &[wegweiser::build::Change]) {
    for (path, bytes) in changes {
        match bytes {
            Some(b) => served.insert(path.clone(), b.clone()),
            None => served.remove(path),
        };
    }
}

/// The files an update changed, without the service worker, search indexes
/// and the JSON API (whose items carry their bodies).
fn changed_pages(update: &Update) -> Vec<String> {
    update
        .changes
        .iter()
        .map(|(k, _)| k.clone())
        .filter(|k| k != "sw.js" && !k.starts_with("search/") && !k.starts_with("api/"))
        .collect()
}

#[test]
fn every_kind_of_change_matches_a_full_build() {
    let site = TestSite::fixture("site");
    let mut p = Pipeline::load(&site.options()).unwrap();
    let total = p.render(None).unwrap();

    let languages = p.site().config.languages.len();

    // An offer's body: its page in every language (and the chooser), the
    // search indexes and the service worker — nothing else.
    site.edit(
        "content/offers/beratung.md",
        "Nach Vereinbarung.",
        "Nach Vereinbarung, auch abends.",
    );
    let u = check_update(&site, &mut p, &["content/offers/beratung.md"]);
    assert_eq!(
        u.rendered,
        languages + 1,
        "one page per language and the chooser"
    );
    let mut pages = changed_pages(&u);
    pages.sort();
    assert!(
        !pages.is_empty() && pages.iter().all(|k| k.contains("/offers/beratung/")),
        "{pages:?}"
    );
    // (The search index of a language is several files: its postings changed.)
    assert!(u.changes.iter().any(|(k, _)| k.starts_with("search/de/p")));
    // The API's item file follows the body (after `settle`); its list page,
    // which leaves bodies out, stays as it was.
    assert!(
        u.changes
            .iter()
            .any(|(k, _)| k == "api/v1/de/offers/beratung.json")
    );
    assert!(
        !u.changes
            .iter()
            .any(|(k, _)| k == "api/v1/de/offers/page/1.json")
    );

    // Its front matter (the summary shows on cards): lists and term pages
    // too — not the whole site.
    site.edit(
        "content/offers/beratung.md",
        "summary = \"Beratung zu allen Fragen.\"",
        "summary = \"Beratung zu allen Fragen des Alltags.\"",
    );
    let n = check(&site, &mut p, &["content/offers/beratung.md"]);
    assert!(
        n > languages + 1 && n < total / 2,
        "rendered {n} of {total} pages for one offer"
    );

    // A static file of the site and one of the theme.
    site.write("static/merkblatt.txt", "Merkblatt\n");
    let u = check_update(&site, &mut p, &["static/merkblatt.txt"]);
    assert_eq!(u.rendered, 1, "no page but the chooser");
    assert!(u.changes.iter().any(|(k, _)| k == "merkblatt.txt"));
    let css = std::fs::read_to_string(site.root.join("themes/default/static/style.css")).unwrap();
    site.write(
        "themes/default/static/style.css",
        &format!("{css}\n.x{{color:red}}\n"),
    );
    check(&site, &mut p, &["themes/default/static/style.css"]);
    site.remove("static/merkblatt.txt");
    let u = check_update(&site, &mut p, &["static/merkblatt.txt"]);
    assert!(u.changes.contains(&("merkblatt.txt".to_string(), None)));
    // A site's own robots.txt stands in for the generated one, and back.
    site.write("static/robots.txt", "User-agent: *\nDisallow: /\n");
    check(&site, &mut p, &["static/robots.txt"]);
    site.remove("static/robots.txt");
    check(&site, &mut p, &["static/robots.txt"]);

    // A contact's name appears on every page that names it.
    site.edit(
        "content/contacts/verein.md",
        "title = \"Verein Miteinander\"",
        "title = \"Verein Miteinander e. V.\"",
    );
    check(&site, &mut p, &["content/contacts/verein.md"]);

    // A new offer with a topic, then a translation of it.
    site.write(
        "content/offers/neu.md",
        "+++\ntitle = \"Neu\"\ntopics = [\"beratung\"]\ncontacts = [\"buero\"]\n+++\nNeu.\n",
    );
    check(&site, &mut p, &["content/offers/neu.md"]);
    site.write(
        "content/offers/neu.ar.md",
        "+++\ntitle = \"جديد\"\n+++\nجديد.\n",
    );
    check(&site, &mut p, &["content/offers/neu.ar.md"]);

    // Topics moved from one term to another.
    site.edit(
        "content/offers/neu.md",
        "topics = [\"beratung\"]",
        "topics = [\"sprache\"]",
    );
    check(&site, &mut p, &["content/offers/neu.md"]);

    // Deleted event and offer.
    site.remove("content/events/infoabend.md");
    site.remove("content/offers/neu.ar.md");
    site.remove("content/offers/neu.md");
    check(
        &site,
        &mut p,
        &[
            "content/events/infoabend.md",
            "content/offers/neu.md",
            "content/offers/neu.ar.md",
        ],
    );

    // The home page text.
    site.edit(
        "content/_index.md",
        "Hier finden Sie Angebote.",
        "Hier finden Sie alle Angebote.",
    );
    let n = check(&site, &mut p, &["content/_index.md"]);
    assert!(n <= 5, "home only: rendered {n}");

    // Interface text of one language: that language (and those falling back to it).
    let ar = std::fs::read_to_string(site.root.join("locales/ar/main.ftl")).unwrap();
    site.write(
        "locales/ar/main.ftl",
        &ar.replace("nav-offers = ", "nav-offers = ✓ "),
    );
    let n = check(&site, &mut p, &["locales/ar/main.ftl"]);
    assert!(n < total / 2, "one language: rendered {n} of {total}");

    // A template: every page.
    let base =
        std::fs::read_to_string(site.root.join("themes/default/templates/base.html")).unwrap();
    site.write(
        "themes/default/templates/base.html",
        &base.replace("<main id=\"main\">", "<main id=\"main\" class=\"changed\">"),
    );
    check(&site, &mut p, &["themes/default/templates/base.html"]);

    // site.toml: everything again.
    site.edit(
        "site.toml",
        "places = [\"ingelheim\"]",
        "places = [\"ingelheim\", \"bingen\"]",
    );
    check(&site, &mut p, &["site.toml"]);
}

#[test]
fn a_broken_change_leaves_the_last_good_state() {
    let site = TestSite::fixture("site");
    let mut p = Pipeline::load(&site.options()).unwrap();
    p.render(None).unwrap();
    let (before, _) = p.output().unwrap();
    site.edit(
        "content/offers/sprachcafe.md",
        "title = \"Sprachcafé\"",
        "titel = \"Sprachcafé\"",
    );
    assert!(
        p.update(&[PathBuf::from("content/offers/sprachcafe.md")])
            .is_err()
    );
    site.write("themes/default/templates/list.html", "{% if %}");
    assert!(
        p.update(&[PathBuf::from("themes/default/templates/list.html")])
            .is_err()
    );
    let (after, _) = p.output().unwrap();
    assert!(before == after, "output unchanged after failed updates");
}

/// A file that is still broken keeps failing the updates that follow, even
/// when they change other files (the incremental loader re-reads only the
/// changed files), and fixing it gives exactly a full build again.
#[test]
fn a_broken_file_stays_reported_until_it_is_fixed() {
    let site = TestSite::fixture("site");
    let mut p = Pipeline::load(&site.options()).unwrap();
    p.render(None).unwrap();
    p.output().unwrap();
    site.edit(
        "content/offers/beratung.md",
        "title = \"Migrationsberatung\"",
        "title = \"Migrationsberatung",
    );
    let err = update_err(&mut p, &["content/offers/beratung.md"]);
    assert!(err.contains("content/offers/beratung.md:2"), "{err}");
    site.edit(
        "content/offers/sprachcafe.md",
        "title = \"Sprachcafé\"",
        "title = \"Sprachcafé am Abend\"",
    );
    let err = update_err(&mut p, &["content/offers/sprachcafe.md"]);
    assert!(err.contains("content/offers/beratung.md:2"), "{err}");
    // A deleted file and a new one in the same batch, while still broken.
    site.remove("content/offers/sprachcafe.ar.md");
    assert!(
        p.update(&[PathBuf::from("content/offers/sprachcafe.ar.md")])
            .is_err()
    );
    site.edit(
        "content/offers/beratung.md",
        "title = \"Migrationsberatung",
        "title = \"Migrationsberatung\"",
    );
    check(&site, &mut p, &["content/offers/beratung.md"]);
    // A link to an item that a later change removes is reported at the link.
    site.edit(
        "content/offers/beratung.md",
        "Nach Vereinbarung.",
        "Nach Vereinbarung. [Sprachcafé](/offers/sprachcafe.md)",
    );
    check(&site, &mut p, &["content/offers/beratung.md"]);
    site.remove("content/offers/sprachcafe.md");
    site.remove("content/offers/sprachcafe.en.md");
    let err = update_err(
        &mut p,
        &[
            "content/offers/sprachcafe.md",
            "content/offers/sprachcafe.en.md",
        ],
    );
    assert!(err.contains("content/offers/beratung.md"), "{err}");
}

/// The problems an update of `changed` reports (it must fail).
fn update_err(p: &mut Pipeline, changed: &[&str]) -> String {
    let changed: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
    p.update(&changed).unwrap_err().render()
}

#[test]
fn paginated_lists_match_a_full_build_as_items_come_and_go() {
    let site = TestSite::fixture("site");
    site.edit(
        "site.toml",
        "time_zone = \"Europe/Berlin\"",
        "time_zone = \"Europe/Berlin\"\npaginate_by = 1",
    );
    let mut p = Pipeline::load(&site.options()).unwrap();
    p.render(None).unwrap();
    // A new offer adds a page to the offer list and moves cards between pages.
    site.write(
        "content/offers/aaa-neu.md",
        "+++\ntitle = \"Aaa neu\"\ntopics = [\"beratung\"]\n+++\nNeu.\n",
    );
    check(&site, &mut p, &["content/offers/aaa-neu.md"]);
    // A new title sorts it elsewhere.
    site.edit(
        "content/offers/aaa-neu.md",
        "title = \"Aaa neu\"",
        "title = \"Zzz neu\"",
    );
    check(&site, &mut p, &["content/offers/aaa-neu.md"]);
    // Removed again: the last page goes away.
    site.remove("content/offers/aaa-neu.md");
    check(&site, &mut p, &["content/offers/aaa-neu.md"]);
}

/// A broken interface text does not hide a content error changed in the
/// same batch: the update reports what a full build reports.
#[test]
fn an_update_reports_interface_text_and_content_errors_together() {
    let site = TestSite::fixture("site");
    let mut p = Pipeline::load(&site.options()).unwrap();
    p.render(None).unwrap();
    p.output().unwrap();
    let ftl = std::fs::read_to_string(site.root.join("locales/de/main.ftl")).unwrap();
    site.write("locales/de/main.ftl", &format!("{ftl}\n{{\n"));
    site.edit(
        "content/offers/sprachcafe.md",
        "title = \"Sprachcafé\"",
        "title = 1",
    );
    let err = update_err(
        &mut p,
        &["locales/de/main.ftl", "content/offers/sprachcafe.md"],
    );
    assert!(err.contains("locales/de/main.ftl"), "{err}");
    assert!(err.contains("content/offers/sprachcafe.md"), "{err}");
    let full = wegweiser::build(&site.options()).unwrap_err();
    assert_eq!(
        full.error_count(),
        p.update(&[
            PathBuf::from("locales/de/main.ftl"),
            PathBuf::from("content/offers/sprachcafe.md")
        ])
        .unwrap_err()
        .error_count(),
        "as many errors as a full build: {}",
        full.render()
    );
}

/// The files of every page of every list of the pipeline's site (up to a
/// generous page count), in every language.
fn list_page_files(p: &Pipeline) -> std::collections::BTreeSet<String> {
    use wegweiser::routes;
    let site = p.site();
    let mut files = std::collections::BTreeSet::new();
    for lang in site.config.language_keys() {
        for first in routes::lists(site) {
            for n in 1..=60 {
                let path = routes::path(&lang, &first.with_page(n));
                files.insert(routes::file_for(&path));
            }
        }
    }
    files
}

/// A title (a card's text) edited: of the lists that show the item, only
/// the pages whose cards or order changed are rendered again — every list
/// page rendered changed — and the output is a fresh build's.
#[test]
fn a_title_edit_renders_only_the_list_pages_that_change() {
    let site = TestSite::example();
    site.edit("site.toml", "paginate_by = 10", "paginate_by = 2");
    let mut p = Pipeline::load(&site.options()).unwrap();
    let total = p.render(None).unwrap();
    let lists = list_page_files(&p);
    let offer = "content/offers/sprachcafe-ingelheim.md";
    // The same place in the title order, and then a move to the front.
    for (from, to) in [
        ("Sprachcafé Ingelheim", "Sprachcafé Ingelheim am Rhein"),
        ("Sprachcafé Ingelheim am Rhein", "Aaa Sprachcafé"),
    ] {
        site.edit(
            offer,
            &format!("title = \"{from}\""),
            &format!("title = \"{to}\""),
        );
        let u = check_update(&site, &mut p, &[offer]);
        let changed: std::collections::BTreeSet<&String> =
            u.changes.iter().map(|(k, _)| k).collect();
        let rendered_lists: Vec<&String> = u
            .rendered_files
            .iter()
            .filter(|f| lists.contains(*f))
            .collect();
        assert!(!rendered_lists.is_empty(), "{to}: the offer's lists");
        let unchanged: Vec<&&String> = rendered_lists
            .iter()
            .filter(|f| !changed.contains(**f))
            .collect();
        assert!(
            unchanged.is_empty(),
            "{to}: list pages rendered though they did not change: {unchanged:?}"
        );
        // In place, the German offer list keeps most of its pages (a move
        // to the front shifts every card before the old place).
        let (out, _) = p.output().unwrap();
        let offer_pages = lists
            .iter()
            .filter(|f| f.starts_with("de/offers/") && out.contains_key(*f))
            .filter(|f| !changed.contains(f))
            .count();
        if to.starts_with("Sprachcafé") {
            assert!(offer_pages > 2, "{to}: untouched pages of the offer list");
        }
        assert!(
            u.rendered < total / 4,
            "{to}: rendered {} of {total} pages",
            u.rendered
        );
    }
}

/// A front-matter edit reloads with its pages alone: the files no page shows
/// (feeds, data files, the JSON API, search indexes, the service worker)
/// follow in `settle`, which makes every one of them a full build's.
#[test]
fn a_title_edit_leaves_the_files_no_page_shows_to_settle() {
    let site = TestSite::example();
    let mut p = Pipeline::load(&site.options()).unwrap();
    p.render(None).unwrap();
    let (before, _) = p.output().unwrap();
    let offer = "content/offers/sprachcafe-ingelheim.md";
    site.edit(
        offer,
        "title = \"Sprachcafé Ingelheim\"",
        "title = \"Sprachcafé Ingelheim am Rhein\"",
    );
    let u = p
        .update(&[PathBuf::from(offer)])
        .unwrap_or_else(|ds| panic!("{}", ds.render()));
    // Pages, and the service worker only where the offer's image moved in
    // its file (its first reference is where an encoding error would show).
    let shown: Vec<&String> = u.changes.iter().map(|(k, _)| k).collect();
    assert!(
        !shown.is_empty()
            && shown
                .iter()
                .all(|k| k.ends_with(".html") || k.as_str() == "sw.js"),
        "the reload brings pages only: {shown:?}"
    );
    let (full, _) = render_site(&site.options()).unwrap();
    let others: Vec<&String> = full
        .iter()
        .filter(|(k, v)| !k.ends_with(".html") && before.get(*k) != Some(*v))
        .map(|(k, _)| k)
        .collect();
    assert!(
        others.iter().any(|k| k.as_str() == "sw.js") && others.len() > 1,
        "{others:?}"
    );
    let later = p.settle().unwrap();
    for k in others {
        let settled = |c: &[wegweiser::build::Change]| {
            c.iter()
                .rev()
                .find(|(l, _)| l == k)
                .is_some_and(|(_, b)| b.as_ref() == full.get(k))
        };
        assert!(
            settled(&later) || (k == "sw.js" && settled(&u.changes)),
            "{k} is settled as a full build has it"
        );
    }
}

#[test]
fn body_edits_around_an_image_match_a_full_build() {
    // A body edit after an item's image keeps the site's measured images
    // (the reference is where it was); one that moves the reference, names
    // another image or adds one measures them again. Each matches a full build.
    let site = TestSite::example();
    let mut p = Pipeline::load(&site.options()).unwrap();
    p.render(None).unwrap();
    let offer = "content/offers/sprachcafe-ingelheim.md";
    let text = std::fs::read_to_string(site.root.join(offer)).unwrap();
    site.write(offer, &format!("{text}\nEin Satz nach dem Bild.\n"));
    check(&site, &mut p, &[offer]);
    site.edit(
        offer,
        "![Kaffeetassen nach dem Sprachcafé](images/tassen.jpg)",
        "Vorher. ![Kaffeetassen nach dem Sprachcafé](images/tassen.jpg)",
    );
    check(&site, &mut p, &[offer]);
    site.edit(offer, "(images/tassen.jpg)", "(images/sprachcafe.jpg)");
    check(&site, &mut p, &[offer]);
    site.write(
        offer,
        &format!(
            "{}\n![Das Zukunftswerk](../locations/images/zukunftswerk.jpg)\n",
            std::fs::read_to_string(site.root.join(offer)).unwrap()
        ),
    );
    check(&site, &mut p, &[offer]);
}

/// Lists longer than 64 items are sorted by each item's place in the
/// language's title order, which an update moves rather than sorts again:
/// titles moved to the front, the end and nowhere, items added and
/// removed, a translated title — each update equal to a full build.
#[test]
fn long_lists_keep_their_title_order_through_updates() {
    let site = TestSite::fixture("site");
    site.edit(
        "site.toml",
        "time_zone = \"Europe/Berlin\"",
        "time_zone = \"Europe/Berlin\"\npaginate_by = 7",
    );
    for n in 0..80 {
        // Titles in another order than the slugs, some equal (ties by slug).
        let title = format!("Kurs {}", (n * 37) % 50);
        site.write(
            &format!("content/offers/kurs-{n:02}.md"),
            &format!("+++\ntitle = \"{title}\"\ntopics = [\"beratung\"]\n+++\nText {n}.\n"),
        );
    }
    let mut p = Pipeline::load(&site.options()).unwrap();
    p.render(None).unwrap();
    let offer = "content/offers/kurs-05.md";
    for (from, to) in [
        ("Kurs 35", "Aaa Kurs"),
        ("Aaa Kurs", "Zzz Kurs"),
        ("Zzz Kurs", "Kurs 12"),
        ("Kurs 12", "Kurs 12 (neu)"),
    ] {
        site.edit(
            offer,
            &format!("title = \"{from}\""),
            &format!("title = \"{to}\""),
        );
        check(&site, &mut p, &[offer]);
    }
    site.write(
        "content/offers/kurs-99.md",
        "+++\ntitle = \"Kurs 3\"\ntopics = [\"beratung\"]\n+++\nNeu.\n",
    );
    site.remove("content/offers/kurs-07.md");
    check(
        &site,
        &mut p,
        &["content/offers/kurs-99.md", "content/offers/kurs-07.md"],
    );
    // A title in Arabic only: the Arabic order changes, the others not.
    site.write(
        "content/offers/kurs-20.ar.md",
        "+++\ntitle = \"دورة\"\n+++\nنص.\n",
    );
    check(&site, &mut p, &["content/offers/kurs-20.ar.md"]);
}

/// The preview holds no bodies (`content::shed`): every text keeps only its
/// front matter, when loaded and after an update re-assembles an item (what
/// it serves is still what a full build makes: `check` compares).
#[test]
fn the_preview_holds_no_bodies() {
    let site = TestSite::fixture("site");
    let mut p = Pipeline::load(&site.options()).unwrap();
    p.render(None).unwrap();
    let all_shed = |p: &Pipeline| {
        let s = p.site();
        std::iter::once(&s.home)
            .chain(s.items.values())
            .flat_map(|i| i.texts.values())
            .all(|t| t.on_disk.is_some() && t.file.text.len() == t.body.start)
    };
    assert!(all_shed(&p));
    site.edit(
        "content/offers/beratung.md",
        "Nach Vereinbarung.",
        "Nach Vereinbarung, auch abends.",
    );
    check(&site, &mut p, &["content/offers/beratung.md"]);
    assert!(all_shed(&p));
}
