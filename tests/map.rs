//! The optional map page (`[map]` in site.toml): off by default (no page,
//! no Leaflet file, no link, `_headers` as before); on, a page per language
//! that lists every location by place without JavaScript, Leaflet copied
//! from the theme's npm folder with its licence, and a Content-Security-
//! Policy that allows exactly the tile server, on the map pages only.

mod common;

use common::{TestSite, attrs, sel, text};

const MAP: &str = "\n[map]\ntiles = \"https://tiles.example.org/osm/{z}/{x}/{y}.png\"\n\
attribution = \"© OpenStreetMap-Mitwirkende\"\n";

/// Leaflet's files where `scripts/install-map` puts them (stand-ins: the
/// build copies them as they are).
const LEAFLET: [&str; 8] = [
    "dist/leaflet.js",
    "dist/leaflet.css",
    "dist/images/marker-icon.png",
    "dist/images/marker-icon-2x.png",
    "dist/images/marker-shadow.png",
    "dist/images/layers.png",
    "dist/images/layers-2x.png",
    "LICENSE",
];

fn with_map() -> TestSite {
    let site = TestSite::example();
    let toml = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write("site.toml", &format!("{toml}{MAP}"));
    for f in LEAFLET {
        site.write(
            &format!("themes/default/map/node_modules/leaflet/{f}"),
            &format!("/* {f} */\n"),
        );
    }
    site
}

/// The example's languages.
fn languages(site: &TestSite) -> Vec<String> {
    wegweiser::config::SiteConfig::load(&site.root)
        .unwrap()
        .language_keys()
}

#[test]
fn off_by_default_nothing_of_the_map() {
    let site = TestSite::example();
    site.build_ok();
    let files = site.files();
    assert!(!files.keys().any(|f| f.starts_with("map/")), "no map page");
    assert!(
        !files
            .keys()
            .any(|f| f.contains("leaflet") || f == "static/map.js" || f == "static/map.css"),
        "no Leaflet file"
    );
    for (file, bytes) in &files {
        if file.ends_with(".html") {
            let html = String::from_utf8_lossy(bytes);
            assert!(!html.contains("/map/"), "{file} links the map");
            assert!(!html.contains("leaflet"), "{file} loads Leaflet");
        }
    }
    let langs = languages(&site);
    assert_eq!(
        site.read("_headers"),
        wegweiser::output::headers::headers_file(&langs, None)
    );
    assert!(!site.read("_headers").contains("/map/"));
}

#[test]
fn on_a_page_per_language_that_lists_the_locations_by_place() {
    let site = with_map();
    site.build_ok();
    for lang in languages(&site) {
        let doc = site.html(&format!("map/{lang}/index.html"));
        // Without JavaScript: the locations, grouped by place, linked, with addresses.
        let groups: Vec<String> = doc
            .select(&sel("section.map-place h2"))
            .map(|h| h.text().collect::<String>())
            .collect();
        assert_eq!(
            groups.len(),
            2,
            "{lang}: Ingelheim and Wiesbaden: {groups:?}"
        );
        let links = attrs(&doc, ".map-locations li a", "href");
        let mut expected: Vec<String> = [
            "dienstgebaeude-1-ingelheim",
            "vhs-ingelheim",
            "zukunftswerk-wiesbaden",
        ]
        .iter()
        .map(|s| format!("/{lang}/locations/{s}/"))
        .collect();
        let mut sorted = links.clone();
        sorted.sort();
        expected.sort();
        assert_eq!(sorted, expected, "{lang}");
        assert_eq!(
            attrs(&doc, ".map-locations li[data-lat]", "data-lat").len(),
            3
        );
        assert!(attrs(&doc, "li[data-lat]", "data-lon").contains(&"8.24".to_string()));
        assert_eq!(doc.select(&sel(".map-locations .address")).count(), 3);
        // The map itself: hidden until the script shows it, with the tiles.
        let map = doc
            .select(&sel("#map[hidden]"))
            .next()
            .expect("the map box");
        assert_eq!(
            map.attr("data-tiles"),
            Some("https://tiles.example.org/osm/{z}/{x}/{y}.png")
        );
        assert_eq!(
            map.attr("data-attribution"),
            Some("© OpenStreetMap-Mitwirkende")
        );
        assert_eq!(
            attrs(&doc, "script[src]", "src")[1..],
            ["/static/leaflet/leaflet.js", "/static/map.js"]
        );
        assert!(
            attrs(&doc, "link[rel=stylesheet]", "href")
                .contains(&"/static/leaflet/leaflet.css".into())
        );
        assert!(
            doc.select(&sel("script:not([src])"))
                .all(|s| s.attr("type") == Some("application/ld+json")),
            "no inline script"
        );
        // Linked from the locations list, not from the menu.
        let list = site.html(&format!("{lang}/locations/index.html"));
        assert!(attrs(&list, "main a", "href").contains(&format!("/map/{lang}/")));
        assert!(
            !attrs(&list, "nav.main-nav a", "href")
                .iter()
                .any(|h| h.starts_with("/map/"))
        );
    }
    assert_eq!(
        text(&site.html("map/de/index.html"), "h1"),
        "Karte der Orte"
    );
    // Leaflet's files as they came, with its licence.
    for (file, name) in [
        ("dist/leaflet.js", "leaflet.js"),
        ("dist/images/marker-icon.png", "images/marker-icon.png"),
        ("LICENSE", "LICENSE.txt"),
    ] {
        assert_eq!(
            site.read(&format!("static/leaflet/{name}")),
            format!("/* {file} */\n")
        );
    }
    assert!(site.exists("static/map.js") && site.exists("static/map.css"));
}

#[test]
fn on_the_tile_server_is_allowed_on_the_map_pages_only() {
    let site = with_map();
    site.build_ok();
    let headers = site.read("_headers");
    let langs = languages(&site);
    let without = wegweiser::output::headers::headers_file(&langs, None);
    let policy = wegweiser::output::headers::map_csp("https://tiles.example.org");
    // The file without the map is unchanged; the map adds exactly one rule.
    assert_eq!(
        headers,
        without.replace(
            "/*.ics\n",
            &format!("/map/*\n  Content-Security-Policy: {policy}\n/*.ics\n")
        )
    );
    assert!(policy.contains("img-src 'self' https://tiles.example.org;"));
    assert_eq!(
        policy.replace(" https://tiles.example.org", ""),
        wegweiser::output::headers::CSP
    );
    // No other rule matches the map pages (two policies would both apply).
    for rule in headers.lines().filter(|l| l.starts_with('/')) {
        let prefix = rule.trim_end_matches('*');
        let matches_map = rule == "/*" || (rule.ends_with('*') && "/map/de/".starts_with(prefix));
        if matches_map && rule != "/map/*" {
            let block = headers.split(&format!("{rule}\n")).nth(1).unwrap();
            let own: String = block.lines().take_while(|l| l.starts_with("  ")).collect();
            assert!(!own.contains("Content-Security-Policy"), "{rule}");
        }
    }
}

#[test]
fn leaflet_not_installed_names_the_command() {
    let site = TestSite::example();
    let toml = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write("site.toml", &format!("{toml}{MAP}"));
    let _ = std::fs::remove_dir_all(site.root.join("themes/default/map/node_modules"));
    let ds = site.build_err();
    let missing: Vec<_> = ds
        .iter()
        .filter(|d| d.code() == "map-leaflet-missing")
        .collect();
    assert!(!missing.is_empty(), "{}", ds.render());
    let shown = ds.render_in(&wegweiser::tool_text::ToolText::new(
        wegweiser::tool_text::Lang::En,
    ));
    assert!(shown.contains("scripts/install-map"), "{shown}");
}
