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

/// The command line's `--base-url` (what a GitHub Pages workflow runs): the
/// same files as the library builds with that base URL, and everything that
/// a browser reads outside the HTML carries the path.
#[test]
fn the_command_line_base_url_reaches_every_output() {
    let site = TestSite::fixture("site");
    let out = site.root.join("cli-out");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .args([
            "build",
            "--format",
            "short",
            "--base-url",
            "https://example.org/guide/",
        ])
        .arg("--root")
        .arg(&site.root)
        .arg("--out")
        .arg(&out)
        .env("SOURCE_DATE_EPOCH", "1767225600") // the options' "now", 2026-01-01
        .status()
        .unwrap();
    assert!(status.success());
    let mut opts = site.options();
    opts.base_url = Some("https://example.org/guide/".into());
    wegweiser::build(&opts).unwrap_or_else(|ds| panic!("{}", ds.render()));
    let cli = files_in(&out);
    let lib = files_in(&site.out());
    assert_eq!(
        cli.keys().collect::<Vec<_>>(),
        lib.keys().collect::<Vec<_>>()
    );
    for (k, v) in &lib {
        assert!(cli[k] == *v, "{k} differs between the CLI and the library");
    }
    let read = |rel: &str| String::from_utf8(cli[rel].clone()).unwrap();
    // Search: the form is addressed below the path; its index is named by
    // site path, which the script prefixes with `data-base` (as it does the
    // worker: data-base + "/sw.js", scope data-base + "/").
    let doc = scraper::Html::parse_document(&read("de/search/index.html"));
    assert_eq!(
        common::attrs(&doc, "form.search-page", "action"),
        vec!["/guide/de/search/"]
    );
    let index = common::attrs(&doc, "form.search-page", "data-index");
    assert_eq!(index.len(), 1);
    assert!(
        cli.contains_key(index[0].trim_start_matches('/')),
        "{index:?}"
    );
    assert_eq!(common::attrs(&doc, "html", "data-base"), vec!["/guide"]);
    assert!(cli.contains_key("sw.js"));
    let keep: Vec<String> = serde_json::from_str(&read("de/offline.json")).unwrap();
    assert!(!keep.is_empty());
    for u in &keep {
        let rel = u
            .strip_prefix("/guide/")
            .unwrap_or_else(|| panic!("{u} is not below /guide/"));
        let file = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel.to_string()
        };
        assert!(cli.contains_key(&file), "{u}: no {file}");
    }
    let manifest: serde_json::Value =
        serde_json::from_str(&read("de/manifest.webmanifest")).unwrap();
    assert_eq!(manifest["scope"], "/guide/de/");
    assert_eq!(manifest["start_url"], "/guide/de/");
    assert!(read("robots.txt").contains("Sitemap: https://example.org/guide/sitemap.xml"));
}

fn files_in(dir: &std::path::Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .filter(|(k, _)| k != wegweiser::output::OUTPUT_MARKER)
        .collect()
}
