//! Helpers for whole-site tests: copy a site into a temporary folder, build
//! it, and read what was produced.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use wegweiser::diagnostics::Diagnostics;
use wegweiser::{BuildOptions, BuildReport};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A site in a temporary folder.
pub struct TestSite {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

impl TestSite {
    /// `tests/fixtures/<name>`, with the repository's theme and interface
    /// text added where the fixture has none of its own.
    pub fn fixture(name: &str) -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        copy_dir(&repo().join("tests/fixtures").join(name), &root);
        for shared in ["themes", "locales"] {
            if !root.join(shared).exists() {
                copy_dir(&repo().join(shared), &root.join(shared));
            }
        }
        TestSite { _dir: dir, root }
    }

    /// The repository's example site.
    pub fn example() -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(&root).unwrap();
        for d in ["content", "locales", "themes", "static"] {
            if repo().join(d).exists() {
                copy_dir(&repo().join(d), &root.join(d));
            }
        }
        std::fs::copy(repo().join("site.toml"), root.join("site.toml")).unwrap();
        TestSite { _dir: dir, root }
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.root.join(rel)).unwrap();
    }

    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let p = self.root.join(rel);
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        std::fs::write(p, text.replacen(from, to, 1)).unwrap();
    }

    /// Build options with "now" pinned to 1 January 2026, so that what is
    /// upcoming and what is past does not depend on when the tests run.
    pub fn options(&self) -> BuildOptions {
        let mut o = BuildOptions::new(&self.root);
        o.now = Some("2026-01-01T00:00:00Z".parse().unwrap());
        o
    }

    pub fn build(&self) -> Result<BuildReport, Diagnostics> {
        wegweiser::build(&self.options())
    }

    pub fn build_ok(&self) -> BuildReport {
        match self.build() {
            Ok(r) => r,
            Err(ds) => panic!("build failed:\n{}", ds.render()),
        }
    }

    /// What `wegweiser check` finds (errors and warnings).
    pub fn check(&self) -> Diagnostics {
        wegweiser::check::check(&self.options())
    }

    /// The diagnostics of a build that must fail.
    pub fn build_err(&self) -> Diagnostics {
        match self.build() {
            Ok(_) => panic!("the build succeeded but should have failed"),
            Err(ds) => ds,
        }
    }

    pub fn out(&self) -> PathBuf {
        self.root.join("public")
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.out().join(rel).is_file()
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn html(&self, rel: &str) -> scraper::Html {
        scraper::Html::parse_document(&self.read(rel))
    }

    /// Every output file, relative path → bytes.
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        let out = self.out();
        let mut m = BTreeMap::new();
        for e in walkdir::WalkDir::new(&out).sort_by_file_name() {
            let e = e.unwrap();
            if e.file_type().is_file() {
                let rel = e
                    .path()
                    .strip_prefix(&out)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                m.insert(rel, std::fs::read(e.path()).unwrap());
            }
        }
        m
    }

    pub fn html_files(&self) -> Vec<String> {
        self.files()
            .into_keys()
            .filter(|k| k.ends_with(".html"))
            .collect()
    }
}

pub fn sel(s: &str) -> scraper::Selector {
    scraper::Selector::parse(s).unwrap()
}

/// Values of `attr` on every element matching `selector`.
pub fn attrs(doc: &scraper::Html, selector: &str, attr: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

/// `(hreflang, href)` of the page's alternate links.
pub fn alternates(doc: &scraper::Html) -> Vec<(String, String)> {
    doc.select(&sel("link[rel=alternate][hreflang]"))
        .map(|e| {
            (
                e.value().attr("hreflang").unwrap().to_string(),
                e.value().attr("href").unwrap().to_string(),
            )
        })
        .collect()
}

pub fn text(doc: &scraper::Html, selector: &str) -> String {
    doc.select(&sel(selector))
        .map(|e| e.text().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Everything in a page that could run code or load from elsewhere.
pub fn executable_markup(doc: &scraper::Html) -> Vec<String> {
    let mut found = Vec::new();
    for el in doc.select(&sel("*")) {
        let v = el.value();
        let name = v.name();
        match name {
            "script" => {
                let own_file = v.attr("src").is_some_and(|s| s.starts_with("/static/"));
                let data_block = v.attr("type") == Some("application/ld+json");
                if !(own_file || data_block) {
                    found.push(format!("<script> {}", el.html()));
                }
            }
            // The theme's own search form sends to the site itself.
            "form"
                if v.attr("action")
                    .is_some_and(|a| a.starts_with('/') && !a.starts_with("//"))
                    && v.attr("method")
                        .is_none_or(|m| m.eq_ignore_ascii_case("get")) => {}
            "iframe" | "object" | "embed" | "form" | "base" | "style" | "frame" | "frameset" => {
                found.push(format!("<{name}>"))
            }
            "meta" if v.attr("http-equiv").is_some() => found.push("<meta http-equiv>".into()),
            _ => {}
        }
        for (attr, value) in v.attrs() {
            if attr.starts_with("on") {
                found.push(format!("{name} {attr}={value}"));
            }
            if attr == "style" {
                found.push(format!("{name} style={value}"));
            }
            if matches!(
                attr,
                "href" | "src" | "action" | "formaction" | "xlink:href" | "data"
            ) {
                let scheme: String = value
                    .chars()
                    .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if ["javascript:", "data:", "vbscript:"]
                    .iter()
                    .any(|s| scheme.starts_with(s))
                {
                    found.push(format!("{name} {attr}={value}"));
                }
            }
        }
    }
    found
}

/// Runs `wegweiser --lang LANG ARGS…` with "now" at `now` (seconds since
/// 1970); it must succeed. Returns stdout.
pub fn wegweiser_in(lang: &str, args: &[&std::ffi::OsStr], now: i64) -> String {
    stdout_of(
        std::process::Command::new(env!("CARGO_BIN_EXE_wegweiser"))
            .args(["--lang", lang])
            .args(args)
            .env("SOURCE_DATE_EPOCH", now.to_string()),
    )
}

/// Runs a command that must succeed (else the test fails with its error
/// output) and returns what it printed.
#[allow(dead_code)] // not every test binary runs commands
pub fn stdout_of(command: &mut std::process::Command) -> String {
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
