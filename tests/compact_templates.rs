//! Builds minify the theme's templates once instead of every page
//! (src/render/compact.rs). These tests show that this changes nothing a
//! browser sees: every page rendered from the minified templates, once run
//! through minify-html, is byte for byte the page rendered from the
//! templates as written and run through minify-html (keeping closing tags,
//! whose omission depends on neighbouring white space) — on the example site
//! (7 languages, two of them right to left, every kind of page), on the
//! test fixture, and on the example site below a path.

mod common;

use common::*;
use wegweiser::build::render_site;

/// minify-html's normal form of a page, with closing tags kept: whether it
/// leaves out `</p>` depends on white space after it, which the minified
/// templates no longer have.
fn minify(html: &[u8]) -> String {
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        ..minify_html::Cfg::default()
    };
    String::from_utf8(minify_html::minify(html, &cfg)).unwrap()
}

fn assert_equivalent(site: &TestSite) {
    let mut compact = site.options();
    compact.minify = true;
    let mut as_written = site.options();
    as_written.minify = false;
    let (a, _) = render_site(&compact).expect("builds with minified templates");
    let (b, _) = render_site(&as_written).expect("builds with the templates as written");
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "the same files"
    );
    let mut pages = 0;
    let (mut compact_bytes, mut written_bytes) = (0, 0);
    for (path, bytes) in &a {
        if !path.ends_with(".html") {
            // The service worker's version is a hash of the pages' bytes;
            // stylesheets and the theme's scripts are minified too, to the
            // same rules.
            let minify: Option<fn(&str) -> Option<String>> = if path.ends_with(".css") {
                Some(wegweiser::output::css::minified)
            } else if path.ends_with(".js") && path != "sw.js" {
                Some(wegweiser::output::script::minified)
            } else {
                None
            };
            let same_minified = minify.is_some_and(|m| {
                std::str::from_utf8(&b[path])
                    .ok()
                    .and_then(m)
                    .is_some_and(|small| small.as_bytes() == &bytes[..])
            });
            assert!(
                path == "sw.js" || bytes == &b[path] || same_minified,
                "{path}: a data file differs"
            );
            continue;
        }
        pages += 1;
        compact_bytes += bytes.len();
        written_bytes += b[path].len();
        let (left, right) = (minify(bytes), minify(&b[path]));
        if left != right {
            let at = left
                .bytes()
                .zip(right.bytes())
                .position(|(x, y)| x != y)
                .unwrap_or(left.len().min(right.len()));
            let from = at.saturating_sub(120);
            panic!(
                "{path} differs at byte {at}:\n compact:    …{}…\n as written: …{}…",
                left.get(from..(at + 120).min(left.len())).unwrap_or(""),
                right.get(from..(at + 120).min(right.len())).unwrap_or(""),
            );
        }
    }
    assert!(pages > 10, "{pages} pages compared");
    // Minifying the templates pays: the pages are smaller than as written.
    assert!(
        compact_bytes * 100 < written_bytes * 97,
        "minified templates give {compact_bytes} bytes of pages, as written {written_bytes}"
    );
}

#[test]
fn example_site_pages_are_the_same_with_minified_templates() {
    let site = TestSite::example();
    let opts = site.options();
    let p = wegweiser::build::Pipeline::load(&opts).unwrap();
    assert!(
        p.templates_are_compact(),
        "the default theme's templates can all be minified"
    );
    assert_equivalent(&site);
}

#[test]
fn fixture_site_pages_are_the_same_with_minified_templates() {
    assert_equivalent(&TestSite::fixture("site"));
}

#[test]
fn site_below_a_path_pages_are_the_same_with_minified_templates() {
    let site = TestSite::example();
    site.edit(
        "site.toml",
        "base_url = \"https://integration.example.org\"",
        "base_url = \"https://integration.example.org/guide\"",
    );
    assert_equivalent(&site);
}

#[test]
fn a_template_that_cannot_be_minified_is_used_as_written() {
    let site = TestSite::example();
    // Tera code inside an HTML comment: the minifier drops the comment, so
    // this template cannot be minified; the build renders it as written.
    site.edit(
        "themes/default/templates/404.html",
        "{% block main %}",
        "{% block main %}<!-- {{ lang_key }} -->",
    );
    let p = wegweiser::build::Pipeline::load(&site.options()).unwrap();
    assert!(!p.templates_are_compact());
    let report = site.build_ok();
    assert!(report.warnings.is_empty());
    assert!(site.read("de/404.html").contains("<!-- de -->"));
}
