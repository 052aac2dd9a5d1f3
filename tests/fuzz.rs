//! Fuzzing the whole page pipeline (proptest-generated front matter,
//! Markdown and Fluent, pushed through load → render → output of a real site
//! by the incremental pipeline the preview uses), for a bounded time:
//! `WEGWEISER_FUZZ_SECONDS` (default 20; CI sets 60).
//!
//! Properties: nothing panics, hangs or overflows; every problem is a
//! diagnostic; every page built contains no executable markup.
//! A failing input is printed and saved under `target/fuzz-failures/`;
//! inputs that once failed are replayed first by `known_crashes` below.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::TestSite;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use wegweiser::build::Pipeline;
use wegweiser::content::schema::FIELDS;

/// One generated change to a site.
#[derive(Debug, Clone)]
struct Case {
    /// `content/offers/<slug>.md`, `content/events/…`, or a translation.
    path: String,
    file: String,
    /// Appended to `locales/de/main.ftl`.
    ftl: String,
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9äöüß ]{0,12}",
        "[\\u{0600}-\\u{06FF} ]{0,12}", // Arabic and Farsi letters, tashkeel
        "[\\u{0400}-\\u{04FF} ]{0,12}", // Cyrillic
        "[\\u{200E}\\u{200F}\\u{202A}-\\u{202E}\\u{2066}-\\u{2069}]{1,3}", // bidi controls
        "[<>\"'&`=/\\\\{}#*_\\[\\]()!|~-]{1,6}", // markup characters
        any::<String>().prop_map(|s| s.chars().take(10).collect()),
    ]
}

fn toml_value() -> impl Strategy<Value = String> {
    prop_oneof![
        text().prop_map(|s| serde_json::to_string(&s).unwrap()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<bool>().prop_map(|b| b.to_string()),
        (1990i32..2040, 0u8..14, 0u8..33).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        (2025i32..2028, 1u8..13, 1u8..29, 0u8..25, 0u8..61)
            .prop_map(|(y, m, d, h, mi)| format!("{y}-{m:02}-{d:02}T{h:02}:{mi:02}")),
        prop::collection::vec(text(), 0..4).prop_map(|v| serde_json::to_string(&v).unwrap()),
        Just("[\"sprache\", \"frauen\", \"ingelheim\", \"buero\", \"de\", \"ar\"]".to_string()),
        Just("[{ start = 2026-03-01T10:00, end = 2026-03-01T12:00 }]".to_string()),
        Just("{ a = 1 }".to_string()),
        "[^\\n]{0,8}",
    ]
}

fn front_matter() -> impl Strategy<Value = String> {
    let names: Vec<&'static str> = FIELDS.iter().map(|f| f.name).collect();
    prop::collection::vec((prop::sample::select(names), toml_value()), 0..10).prop_map(|kv| {
        kv.into_iter()
            .map(|(k, v)| format!("{k} = {v}\n"))
            .collect()
    })
}

/// Markdown that a build accepts (raw HTML attacks included: they are
/// sanitised, not refused), so that rendering is exercised, not only validation.
fn accepted_markdown() -> impl Strategy<Value = String> {
    let block = prop_oneof![
        text().prop_map(|t| format!("{t}\n\n")),
        (1usize..8, text()).prop_map(|(n, t)| format!("{} {t}\n\n", "#".repeat(n))),
        (1usize..30, text()).prop_map(|(n, t)| format!("{}{t}\n", "- ".repeat(n))),
        (1usize..30, text()).prop_map(|(n, t)| format!("{} {t}\n", ">".repeat(n))),
        text().prop_map(|t| format!("<a href=\"{t}\" onclick=\"{t}\">{t}</a>\n")),
        text().prop_map(|t| format!("<script>{t}</script><img src=x onerror={t}>\n")),
        text().prop_map(|t| format!("<p style=\"{t}\"><b>{t}</p></b><iframe>{t}\n")),
        text().prop_map(|t| format!("| a | {t} |\n|---|:-:|\n| {t} | b |\n\n")),
        text().prop_map(|t| format!("```\n{t}\n```\n")),
        text().prop_map(|t| format!("*{t}* **{t}** `{t}` ~~{t}~~\n")),
        text().prop_map(|t| format!("# {t} {{#x onclick=x}}\n")),
        text().prop_map(|t| format!("[{t}](https://example.org/{t})\n")),
    ];
    prop::collection::vec(block, 0..12).prop_map(|v| v.concat())
}

fn markdown() -> impl Strategy<Value = String> {
    let block = prop_oneof![
        text().prop_map(|t| format!("{t}\n\n")),
        (1usize..8, text()).prop_map(|(n, t)| format!("{} {t}\n\n", "#".repeat(n))),
        (1usize..40, text()).prop_map(|(n, t)| format!("{}{t}\n", "- ".repeat(n))),
        (1usize..40, text()).prop_map(|(n, t)| format!("{} {t}\n", ">".repeat(n))),
        text().prop_map(|t| format!("[{t}](offers/sprachcafe.md#{t})\n")),
        text().prop_map(|t| format!("[x](javascript:{t}) ![y](data:{t})\n")),
        text().prop_map(|t| format!("<a href=\"{t}\" onclick=\"{t}\">{t}</a>\n")),
        text().prop_map(|t| format!("<script>{t}</script><img src=x onerror={t}>\n")),
        text().prop_map(|t| format!("| a | {t} |\n|---|:-:|\n| {t} | b |\n\n")),
        text().prop_map(|t| format!("```\n{t}\n```\n")),
        text().prop_map(|t| format!("# {t} {{#{t} onclick=x}}\n")),
        text().prop_map(|t| format!("[^{t}]\n\n[^{t}]: {t}\n")),
        "[^\\u{0}]{0,20}",
    ];
    prop::collection::vec(block, 0..12).prop_map(|v| v.concat())
}

fn ftl() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        text().prop_map(|t| format!("fuzz-msg = {t}\n")),
        text().prop_map(|t| format!(
            "nav-offers = {{ $count ->\n    [one] {t}\n   *[other] {{ $count }} {t}\n}}\n"
        )),
        "[^\\u{0}]{0,30}".prop_map(|t| format!("{t}\n")),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    let path = prop_oneof![
        Just("content/offers/fuzz.md"),
        Just("content/events/fuzz.md"),
        Just("content/contacts/fuzz.md"),
        Just("content/pages/fuzz.md"),
        Just("content/offers/sprachcafe.ar.md"),
        Just("content/_index.en.md"),
    ];
    let ftl = prop_oneof![3 => Just(String::new()), 1 => ftl()];
    (
        path,
        front_matter(),
        markdown(),
        accepted_markdown(),
        text(),
        ftl,
        0u8..8,
    )
        .prop_map(|(path, fm, md, good_md, title, ftl, shape)| {
            let title = serde_json::to_string(&title).unwrap();
            let file = match shape {
                0..4 => format!("+++\ntitle = {title}\nsummary = {title}\n+++\n{good_md}"),
                4 => format!("+++\ntitle = \"Fuzz\"\n{fm}+++\n{md}"),
                5 => format!("+++\n{fm}+++\n{md}"),
                6 => format!("+++\ntitle = \"Fuzz\"\n{fm}{md}"), // unclosed front matter
                _ => md,
            };
            Case {
                path: path.to_string(),
                file,
                ftl,
            }
        })
}

struct Harness {
    site: TestSite,
    pipeline: Pipeline,
    ftl: String,
}

impl Harness {
    fn new() -> Harness {
        let site = TestSite::fixture("site");
        let mut opts = site.options();
        opts.minify = false;
        let mut pipeline = Pipeline::load(&opts).expect("fixture loads");
        pipeline.render(None).expect("fixture renders");
        let ftl = std::fs::read_to_string(site.root.join("locales/de/main.ftl")).unwrap();
        Harness {
            site,
            pipeline,
            ftl,
        }
    }

    /// Applies a case, rebuilds, checks the properties, and undoes the case.
    /// `Ok(true)` if the case built, `Ok(false)` if it ended in diagnostics.
    fn run(&mut self, c: &Case) -> Result<bool, String> {
        let ftl_path = self.site.root.join("locales/de/main.ftl");
        self.site.write(&c.path, &c.file);
        std::fs::write(&ftl_path, format!("{}{}", self.ftl, c.ftl)).unwrap();
        let changed = [PathBuf::from(&c.path), PathBuf::from("locales/de/main.ftl")];
        let result = match self.pipeline.update(&changed) {
            Ok(_) => match self.pipeline.output() {
                Ok((files, _)) => files
                    .iter()
                    .filter(|(k, _)| k.ends_with(".html"))
                    .find_map(|(k, v)| {
                        let doc = scraper::Html::parse_document(&String::from_utf8_lossy(v));
                        let bad = common::executable_markup(&doc);
                        (!bad.is_empty()).then(|| format!("{k}: {bad:?}"))
                    })
                    .map_or(Ok(true), Err),
                Err(ds) => check_diagnostics(&ds).map(|_| false),
            },
            Err(ds) => check_diagnostics(&ds).map(|_| false),
        };
        // Undo: the next case starts from the fixture again.
        let _ = std::fs::remove_file(self.site.root.join(&c.path));
        if c.path.ends_with("sprachcafe.ar.md") || c.path.ends_with("_index.en.md") {
            let orig = common::repo().join("tests/fixtures/site").join(&c.path);
            std::fs::copy(orig, self.site.root.join(&c.path)).unwrap();
        }
        std::fs::write(&ftl_path, &self.ftl).unwrap();
        self.pipeline
            .update(&changed)
            .map_err(|ds| format!("the fixture no longer builds:\n{}", ds.render_short()))?;
        result
    }
}

/// Every error must say what is wrong; rendering it must not panic.
fn check_diagnostics(ds: &wegweiser::diagnostics::Diagnostics) -> Result<(), String> {
    if ds.error_count() == 0 {
        return Err("a failed build without an error".into());
    }
    let _ = ds.render();
    let _ = ds.to_json();
    Ok(())
}

fn save_failure(c: &Case, why: &str) -> PathBuf {
    let dir = common::repo().join("target/fuzz-failures");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(format!("{}.txt", std::process::id()));
    std::fs::write(
        &p,
        format!(
            "{why}\npath: {}\n--- file\n{}\n--- ftl\n{}",
            c.path, c.file, c.ftl
        ),
    )
    .unwrap();
    p
}

#[test]
fn fuzz_the_page_pipeline() {
    let seconds: u64 = std::env::var("WEGWEISER_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut harness = Harness::new();
    let mut runner = TestRunner::default();
    let strategy = case();
    let (mut runs, mut built) = (0u64, 0u64);
    while Instant::now() < deadline {
        let c = strategy.new_tree(&mut runner).unwrap().current();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| harness.run(&c)));
        match outcome {
            Ok(Ok(ok)) => built += u64::from(ok),
            Ok(Err(why)) => {
                let p = save_failure(&c, &why);
                panic!(
                    "fuzz case failed ({why}); input saved to {}:\n{c:#?}",
                    p.display()
                );
            }
            Err(_) => {
                let p = save_failure(&c, "panic");
                panic!(
                    "fuzz case panicked; input saved to {}:\n{c:#?}",
                    p.display()
                );
            }
        }
        runs += 1;
    }
    println!(
        "fuzz: {runs} executions in {seconds} s ({built} built, {} ended in diagnostics), 0 failures",
        runs - built
    );
    assert!(runs > 0);
}

/// Inputs that once broke the pipeline, replayed on every test run.
#[test]
fn known_crashes() {
    let mut harness = Harness::new();
    let cases = [
        // Stack overflow in the renderer before nesting was limited.
        (
            "content/offers/fuzz.md",
            format!("+++\ntitle = \"x\"\n+++\n{}x\n", "- ".repeat(10_000)),
        ),
        (
            "content/offers/fuzz.md",
            format!("+++\ntitle = \"x\"\n+++\n{} x\n", ">".repeat(10_000)),
        ),
        (
            "content/offers/fuzz.md",
            format!("+++\ntitle = \"x\"\n+++\n{} x\n", "1. ".repeat(10_000)),
        ),
    ];
    for (path, file) in cases {
        let c = Case {
            path: path.into(),
            file,
            ftl: String::new(),
        };
        harness.run(&c).unwrap();
    }
}
