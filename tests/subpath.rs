//! A site published below a path (GitHub Pages project sites): every link in
//! every page works under that path, and nothing else changes.

mod common;

use common::TestSite;

#[test]
fn every_internal_link_works_under_a_subpath() {
    let site = TestSite::fixture("site");
    let mut opts = site.options();
    opts.base_url = Some("https://office.github.io/wegweiser/".into());
    wegweiser::build(&opts).unwrap_or_else(|ds| panic!("{}", ds.render()));
    let files = site.files();
    let resolves = |url: &str| -> bool {
        let path = url.split(['#', '?']).next().unwrap_or("");
        let Some(rest) = path.strip_prefix("/wegweiser/") else {
            return false;
        };
        let rest = percent_decode(rest);
        if rest.is_empty() || rest.ends_with('/') {
            files.contains_key(&format!("{rest}index.html"))
        } else {
            files.contains_key(&rest)
        }
    };
    let mut checked = 0;
    for page in site.html_files() {
        let doc = site.html(&page);
        assert_eq!(
            common::attrs(&doc, "html", "data-base"),
            vec!["/wegweiser"],
            "{page}"
        );
        for (sel, attr) in [
            ("a[href]", "href"),
            ("link[href]", "href"),
            ("script[src]", "src"),
            ("img[src]", "src"),
            ("form[action]", "action"),
        ] {
            for url in common::attrs(&doc, sel, attr) {
                if url.starts_with('/') && !url.starts_with("//") {
                    assert!(
                        resolves(&url),
                        "{page}: {url} does not resolve under /wegweiser/"
                    );
                    checked += 1;
                } else if let Some(rest) = url.strip_prefix("https://office.github.io") {
                    assert!(resolves(rest), "{page}: {url}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 1000, "checked {checked} links");
    // What the browser and crawlers read outside HTML.
    let manifest: serde_json::Value =
        serde_json::from_str(&site.read("ar/manifest.webmanifest")).unwrap();
    assert_eq!(manifest["start_url"], "/wegweiser/ar/");
    let keep: Vec<String> = serde_json::from_str(&site.read("de/offline.json")).unwrap();
    assert!(keep.iter().all(|u| resolves(u)), "{keep:?}");
    assert!(
        site.read("sitemap.xml")
            .contains("<loc>https://office.github.io/wegweiser/de/offers/sprachcafe/</loc>")
    );
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}
