//! Hostile content produces no executable markup, and the default theme
//! satisfies the strict Content-Security-Policy shipped in `_headers`.
//! Asserted by parsing every produced page, not by searching strings.

mod common;

use common::{TestSite, executable_markup};
use scraper::Selector;

const SCRIPTY_TITLE: &str = "Café </script><script>alert(1)</script>";
const ATTR_TITLE: &str = "\"><img src=x onerror=alert(2)>";

fn hostile_site() -> TestSite {
    let site = TestSite::fixture("site");
    // A title used in JSON-LD that tries to close the <script>, a title that
    // tries to leave its attribute, and a body full of raw HTML attacks.
    site.edit(
        "content/events/infoabend.md",
        "title = \"Infoabend\"",
        &format!("title = {}", toml_string(SCRIPTY_TITLE)),
    );
    site.edit(
        "content/offers/sprachcafe.md",
        "title = \"Sprachcafé\"",
        &format!("title = {}", toml_string(ATTR_TITLE)),
    );
    site.edit(
        "content/offers/beratung.md",
        "Nach Vereinbarung.",
        "Nach Vereinbarung.\n\n\
         <script>alert(3)</script>\n\n\
         <p onclick=\"alert(4)\" onmouseover='alert(5)' style=\"position:fixed\">Hallo</p>\n\n\
         <a href=\"javascript:alert(6)\">x</a> <a href=\" JaVaScRiPt:alert(7)\">y</a>\n\n\
         <img src=\"data:image/svg+xml,<svg onload=alert(8)>\" onerror=\"alert(9)\">\n\n\
         <iframe src=\"https://tracker.example/\"></iframe><object data=\"x.swf\"></object>\n\n\
         <form action=\"https://evil.example/\"><input name=q></form>\n\n\
         <svg><script>alert(10)</script></svg><math><mi xlink:href=\"javascript:alert(11)\">m</mi></math>\n\n\
         <style>body{display:none}</style><base href=\"https://evil.example/\">\n\n\
         <meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">\n\n\
         # Kopf {onclick=alert(12)}\n",
    );
    site.edit(
        "content/contacts/buero.md",
        "role = \"Beratung\"",
        "role = \"<script>alert(13)</script>\"",
    );
    site
}

fn toml_string(s: &str) -> String {
    // A JSON string is a valid TOML basic string.
    serde_json::to_string(s).unwrap()
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

#[test]
fn hostile_content_yields_no_executable_markup() {
    let site = hostile_site();
    site.build_ok();
    let pages = site.html_files();
    assert!(pages.len() > 50);
    for page in &pages {
        let doc = site.html(page);
        let bad = executable_markup(&doc);
        assert!(bad.is_empty(), "{page}: {bad:#?}");
    }
    // The hostile titles are shown as text, intact.
    let doc = site.html("de/offers/sprachcafe/index.html");
    assert_eq!(common::text(&doc, "h1").trim(), ATTR_TITLE);
    // JSON-LD still parses and holds the title exactly: escaped, not mangled.
    let doc = site.html("de/events/infoabend/index.html");
    let ld: Vec<serde_json::Value> = doc
        .select(&sel("script[type='application/ld+json']"))
        .map(|s| serde_json::from_str(&s.inner_html()).expect("valid JSON-LD"))
        .collect();
    assert!(
        ld.iter().any(|v| v["name"] == SCRIPTY_TITLE),
        "event name in JSON-LD: {ld:#?}"
    );
    // What is harmless in the raw HTML survives the sanitiser.
    let doc = site.html("de/offers/beratung/index.html");
    assert!(common::text(&doc, "main").contains("Hallo"));
}

#[test]
fn the_theme_satisfies_the_content_security_policy() {
    let site = TestSite::example();
    site.build_ok();
    let headers = site.read("_headers");
    assert!(headers.contains(
        "Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'"
    ));
    assert!(headers.contains("X-Content-Type-Options: nosniff"));
    assert!(headers.contains("Referrer-Policy: no-referrer"));
    let pages = site.html_files();
    assert!(pages.len() > 500, "{}", pages.len());
    for page in &pages {
        let doc = site.html(page);
        // Under script-src 'self' only files from the site run; inline code
        // and inline styles would be blocked (and are absent).
        let bad = executable_markup(&doc);
        assert!(bad.is_empty(), "{page}: {bad:#?}");
        for el in doc.select(&sel("script[src], link[href], img[src]")) {
            let url = el
                .value()
                .attr("src")
                .or_else(|| el.value().attr("href"))
                .unwrap_or_default();
            let rel = el.value().attr("rel").unwrap_or_default();
            // Alternate and canonical links name pages; everything loaded must be local.
            if ["alternate", "canonical"].contains(&rel) {
                continue;
            }
            assert!(
                url.starts_with('/') && !url.starts_with("//"),
                "{page} loads {url} from elsewhere"
            );
        }
    }
}
