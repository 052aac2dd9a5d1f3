//! Fuzzing the whole page pipeline: proptest-generated front matter,
//! Markdown and Fluent are written into a real site, which is rebuilt by the
//! incremental pipeline the preview uses and by a full build, for a bounded
//! time: `WEGWEISER_FUZZ_SECONDS` (default 20; CI sets 60).
//!
//! Properties checked after every case:
//! - nothing panics, hangs (each case has a time limit) or overflows;
//! - the incremental result (`Pipeline::update`) equals a full build with
//!   minification on, as `wegweiser build` runs it: the same files and the
//!   same warnings, or, when the input is refused, errors that the full
//!   build reports too (the update stops at the first stage that fails);
//! - every problem is a diagnostic that names its file, and the line where
//!   the file has lines;
//! - no page built contains executable markup;
//! - the data files parse: calendars (.ics: one VCALENDAR, BEGIN/END
//!   balanced, folded lines, no control characters), contact cards (.vcf),
//!   JSON (search indexes, offline lists, manifests, JSON-LD) and XML
//!   (Atom feeds, sitemap; well-formed, XML 1.0 characters only);
//! - undoing the case gives back the fixture's output exactly.
//!
//! Cases come from a seed: the run's seed is printed (default: a fixed one,
//! so CI runs are reproducible) and `WEGWEISER_FUZZ_SEED` sets another (a
//! number, or `random`). Each case has a seed of its own, printed on failure;
//! setting `WEGWEISER_FUZZ_SEED` to it replays that case first. A failing
//! input is shrunk, printed and saved under `target/fuzz-failures/`; inputs
//! that once failed are replayed on every test run by `known_crashes`.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::TestSite;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use wegweiser::build::Pipeline;
use wegweiser::content::schema::FIELDS;
use wegweiser::diagnostics::{Diagnostics, Severity};
use wegweiser::output::OutputFiles;

/// The seed of a run unless `WEGWEISER_FUZZ_SEED` says otherwise.
const DEFAULT_SEED: u64 = 0x5745_4757_4549_5345;
/// How long one case may take (two builds of the fixture and the checks;
/// a few hundred milliseconds on a quiet machine, in a debug build).
const CASE_LIMIT: Duration = Duration::from_secs(60);
/// How long a failing case is shrunk before it is reported.
const SHRINK_LIMIT: Duration = Duration::from_secs(30);
/// The share of cases that must build completely, so that a generator
/// producing only input the site refuses fails the test.
const MIN_RENDERED_SHARE: f64 = 0.3;
/// Fewer cases than this say nothing about the share.
const MIN_CASES: u64 = 10;

/// One generated change to a site.
#[derive(Debug, Clone)]
struct Case {
    /// `content/offers/<slug>.md`, `content/events/…`, or a translation.
    path: String,
    file: String,
    /// Appended to `locales/de/main.ftl`.
    ftl: String,
    /// Replaces the German site title (in every page's header, the feeds'
    /// titles and the web app manifests), as a Fluent string literal.
    site_title: Option<String>,
}

const PATHS: [&str; 6] = [
    "content/offers/fuzz.md",
    "content/events/fuzz.md",
    "content/contacts/fuzz.md",
    "content/pages/fuzz.md",
    "content/offers/sprachcafe.ar.md",
    "content/_index.en.md",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9äöüß ]{0,12}",
        "[\\u{0600}-\\u{06FF} ]{0,12}", // Arabic and Farsi letters, tashkeel
        "[\\u{0400}-\\u{04FF} ]{0,12}", // Cyrillic
        "[\\u{200E}\\u{200F}\\u{202A}-\\u{202E}\\u{2066}-\\u{2069}]{1,3}", // bidi controls
        "[<>\"'&`=/\\\\{}#*_\\[\\]()!|~;:,-]{1,6}", // markup and data-file delimiters
        "[\\u{0}-\\u{1F}\\u{7F}\\u{FFFE}\\u{FFFF}]{1,3}", // control characters, non-characters
        "[a-zA-Z ]{70,90}",             // longer than a folded calendar line
        any::<String>().prop_map(|s| s.chars().take(10).collect()),
    ]
}

/// A TOML basic string holding `s`.
fn toml_string(s: &str) -> String {
    quoted(s)
}

/// `s` in double quotes with `"`, `\` and control characters escaped: a
/// TOML basic string, and a Fluent string literal.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn toml_value() -> impl Strategy<Value = String> {
    prop_oneof![
        text().prop_map(|s| toml_string(&s)),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<bool>().prop_map(|b| b.to_string()),
        (1990i32..2040, 0u8..14, 0u8..33).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        (2025i32..2028, 1u8..13, 1u8..29, 0u8..25, 0u8..61)
            .prop_map(|(y, m, d, h, mi)| format!("{y}-{m:02}-{d:02}T{h:02}:{mi:02}")),
        prop::collection::vec(text(), 0..4).prop_map(|v| {
            format!(
                "[{}]",
                v.iter()
                    .map(|s| toml_string(s))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }),
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

/// A date and time between 2025 and 2027, with a later end on the same day.
fn event_times() -> impl Strategy<Value = String> {
    (2025i32..2028, 1u8..13, 1u8..29, 0u8..20, 0u8..60, 1u8..4).prop_map(
        |(y, m, d, h, mi, hours)| {
            format!(
                "start = {y}-{m:02}-{d:02}T{h:02}:{mi:02}\nend = {y}-{m:02}-{d:02}T{:02}:{mi:02}\n",
                h + hours
            )
        },
    )
}

/// Front matter a build accepts for each path, with generated text in every
/// field that reaches a page, a calendar, a contact card or a feed.
fn accepted_front_matter(path: &'static str) -> BoxedStrategy<String> {
    let t = || text().prop_map(|s| toml_string(&s));
    // A title needs a visible character: generated text may be empty, or
    // only spaces, marks and control characters.
    let title = (text(), "[a-zA-Zа-яا-ي]{1,3}").prop_map(|(t, w)| toml_string(&format!("{t}{w}")));
    let head =
        (title, t()).prop_map(|(title, summary)| format!("title = {title}\nsummary = {summary}\n"));
    match path {
        "content/offers/fuzz.md" => (head, t(), t(), t(), any::<bool>())
            .prop_map(|(head, schedule, cost, address, childcare)| {
                format!(
                    "{head}schedule = {schedule}\ncost = {cost}\naddress = {address}\n\
                     childcare = {childcare}\ntopics = [\"sprache\"]\nplaces = [\"ingelheim\"]\n\
                     contacts = [\"buero\"]\nprovider = \"verein\"\n"
                )
            })
            .boxed(),
        "content/events/fuzz.md" => (head, event_times(), t(), t(), 0u8..3)
            .prop_map(|(head, times, location, address, repeat)| {
                let repeat = match repeat {
                    0 => "",
                    1 => "repeat = \"weekly\"\nrepeat_until = 2027-03-31\n",
                    _ => "repeat = \"monthly\"\nrepeat_until = 2027-12-31\n",
                };
                format!(
                    "{head}{times}{repeat}location = {location}\naddress = {address}\n\
                     organizer = \"verein\"\ntopics = [\"sprache\"]\n"
                )
            })
            .boxed(),
        "content/contacts/fuzz.md" => (head, t(), t(), t(), prop::bool::ANY)
            .prop_map(|(head, role, hours, address, person)| {
                let kind = if person { "person" } else { "organization" };
                format!(
                    "{head}kind = \"{kind}\"\nrole = {role}\noffice_hours = {hours}\n\
                     address = {address}\nphone = \"+49 6132 0000-1\"\n\
                     email = \"fuzz@example.org\"\nlanguages = [\"de\", \"ar\"]\n"
                )
            })
            .boxed(),
        _ => head.boxed(),
    }
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
            "fuzz-count = {{ $count ->\n    [one] {t}\n   *[other] {{ $count }} {t}\n}}\n"
        )),
        "[^\\u{0}]{0,30}".prop_map(|t| format!("{t}\n")),
    ]
}

/// Interface text a build accepts: a new message, or none.
fn accepted_ftl() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(String::new()),
        1 => text().prop_map(|t| format!("fuzz-msg = {{ {} }}\n", quoted(&t))),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    let ftl = prop_oneof![3 => Just(String::new()), 1 => ftl()];
    prop::sample::select(PATHS.to_vec()).prop_flat_map(move |path| {
        (
            Just(path),
            (
                accepted_front_matter(path),
                accepted_markdown(),
                accepted_ftl(),
            ),
            (front_matter(), markdown(), ftl.clone()),
            prop::option::of(text()),
            0u8..8,
        )
            .prop_map(|(path, good, bad, site_title, shape)| {
                let (good_fm, good_md, good_ftl) = good;
                let (fm, md, bad_ftl) = bad;
                let (file, ftl) = match shape {
                    0..4 => (format!("+++\n{good_fm}+++\n{good_md}"), good_ftl),
                    4 => (format!("+++\ntitle = \"Fuzz\"\n{fm}+++\n{md}"), bad_ftl),
                    5 => (format!("+++\n{fm}+++\n{md}"), bad_ftl),
                    // Unclosed front matter.
                    6 => (format!("+++\ntitle = \"Fuzz\"\n{fm}{md}"), bad_ftl),
                    _ => (md, bad_ftl),
                };
                Case {
                    path: path.to_string(),
                    file,
                    ftl,
                    site_title,
                }
            })
    })
}

/// The German interface text of a case: the fixture's, with the case's
/// site title and additions.
fn german_ftl(base: &str, c: &Case) -> String {
    let mut out: String = base
        .lines()
        .map(|l| match (&c.site_title, l.starts_with("site-title =")) {
            (Some(t), true) => format!("site-title = {{ {} }}\n", quoted(t)),
            _ => format!("{l}\n"),
        })
        .collect();
    out.push_str(&c.ftl);
    out
}

/// The next seed of a run (SplitMix64), so that every case has a seed of its own.
fn next_seed(s: u64) -> u64 {
    let mut z = s.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The value tree of the case with this seed (shrinkable).
fn case_tree(seed: u64) -> impl ValueTree<Value = Case> {
    let mut bytes = [0u8; 32];
    let mut s = seed;
    for chunk in bytes.chunks_mut(8) {
        chunk.copy_from_slice(&s.to_le_bytes());
        s = next_seed(s);
    }
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    case()
        .new_tree(&mut runner)
        .unwrap_or_else(|e| panic!("no case from seed {seed}: {e}"))
}

/// How a case ended, if its properties held.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    /// Both builds succeeded and agree.
    Rendered,
    /// Both builds refused the input with the same errors.
    Refused,
}

struct Harness {
    site: TestSite,
    pipeline: Pipeline,
    ftl: String,
    /// The untouched fixture's output.
    baseline: OutputFiles,
}

impl Harness {
    fn new() -> Harness {
        let site = TestSite::fixture("site");
        // As `wegweiser build` runs: minified.
        let opts = site.options();
        assert!(opts.minify);
        let mut pipeline = Pipeline::load(&opts).expect("fixture loads");
        pipeline.render(None).expect("fixture renders");
        let (baseline, _) = pipeline.output().expect("fixture builds");
        let ftl = std::fs::read_to_string(site.root.join("locales/de/main.ftl")).unwrap();
        Harness {
            site,
            pipeline,
            ftl,
            baseline,
        }
    }

    /// Applies a case, rebuilds, checks the properties, and undoes the case.
    fn run(&mut self, c: &Case) -> Result<Outcome, String> {
        let ftl_path = self.site.root.join("locales/de/main.ftl");
        self.site.write(&c.path, &c.file);
        std::fs::write(&ftl_path, german_ftl(&self.ftl, c)).unwrap();
        let changed = [PathBuf::from(&c.path), PathBuf::from("locales/de/main.ftl")];
        let result = self.check(&changed);
        // Undo: the next case starts from the fixture again.
        let _ = std::fs::remove_file(self.site.root.join(&c.path));
        let orig = common::repo().join("tests/fixtures/site").join(&c.path);
        if orig.exists() {
            std::fs::copy(orig, self.site.root.join(&c.path)).unwrap();
        }
        std::fs::write(&ftl_path, &self.ftl).unwrap();
        self.pipeline
            .update(&changed)
            .map_err(|ds| format!("the fixture no longer builds:\n{}", ds.render_short()))?;
        let (after, _) = self
            .pipeline
            .output()
            .map_err(|ds| format!("the fixture no longer builds:\n{}", ds.render_short()))?;
        if after != self.baseline {
            return Err(format!(
                "after undoing the case the output differs from the fixture's: {:?}",
                differing(&after, &self.baseline)
            ));
        }
        result
    }

    /// The incremental update against a full build, and the checks of both.
    fn check(&mut self, changed: &[PathBuf]) -> Result<Outcome, String> {
        let incremental = self.pipeline.update(changed);
        let full = wegweiser::build(&self.site.options());
        match (incremental, full) {
            (Ok(_), Ok(report)) => {
                let (files, warnings) = self.pipeline.output().map_err(|ds| {
                    format!(
                        "the update succeeded, its output fails:\n{}",
                        ds.render_short()
                    )
                })?;
                let built = output_files(&self.site);
                if files != built {
                    return Err(format!(
                        "the incremental output differs from a full build in {:?}",
                        differing(&files, &built)
                    ));
                }
                if warnings.render_short() != report.warnings.render_short() {
                    return Err(format!(
                        "incremental warnings:\n{}\nfull build's warnings:\n{}",
                        warnings.render_short(),
                        report.warnings.render_short()
                    ));
                }
                located(&warnings)?;
                check_files(&built)?;
                Ok(Outcome::Rendered)
            }
            (Err(inc), Err(full)) => {
                if inc.error_count() == 0 {
                    return Err("a failed update without an error".into());
                }
                located(&inc)?;
                located(&full)?;
                // Rendering must not panic.
                let _ = inc.render();
                let _ = inc.to_json();
                // The update reports what a full build reports: interface
                // text and content errors alike.
                if errors(&inc) != errors(&full) {
                    return Err(format!(
                        "the update and a full build report different errors:\nupdate:\n{}\nbuild:\n{}",
                        inc.render_short(),
                        full.render_short()
                    ));
                }
                Ok(Outcome::Refused)
            }
            (Ok(_), Err(full)) => Err(format!(
                "the update succeeded, a full build fails:\n{}",
                full.render_short()
            )),
            (Err(inc), Ok(_)) => Err(format!(
                "the update fails, a full build succeeds:\n{}",
                inc.render_short()
            )),
        }
    }
}

/// Everything a full build wrote into `public/`, as the pipeline holds it.
/// (Without the marker by which a build recognises its own output folder.)
fn output_files(site: &TestSite) -> OutputFiles {
    site.files()
        .into_iter()
        .filter(|(k, _)| k != wegweiser::output::OUTPUT_MARKER)
        .map(|(k, v)| (k, v.into()))
        .collect()
}

/// Paths whose bytes differ, or that only one side has (at most ten).
fn differing(a: &OutputFiles, b: &OutputFiles) -> Vec<String> {
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .take(10)
        .cloned()
        .collect()
}

/// The errors as `(location, message)`, in order.
fn errors(ds: &Diagnostics) -> Vec<(Option<String>, String)> {
    ds.iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.location(), d.message()))
        .collect()
}

/// Every diagnostic names a file, and a line wherever that file has text
/// (a file named without text is one that is missing or not read).
fn located(ds: &Diagnostics) -> Result<(), String> {
    for d in ds.iter() {
        let Some(file) = &d.file else {
            return Err(format!(
                "a diagnostic without a file: {:?}: {}",
                d.severity,
                d.message()
            ));
        };
        if !file.text.is_empty() && d.line_col().is_none() {
            return Err(format!(
                "a diagnostic in {} without a line: {}",
                file.path.display(),
                d.message()
            ));
        }
    }
    Ok(())
}

/// Checks every built file: pages and data files.
fn check_files(files: &OutputFiles) -> Result<(), String> {
    for (path, bytes) in files {
        let text = || std::str::from_utf8(bytes).map_err(|e| format!("{path} is not UTF-8: {e}"));
        let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
        let checked = match ext {
            "html" => check_page(text()?),
            "ics" => check_ics(text()?),
            "vcf" => check_vcf(text()?),
            "json" | "webmanifest" => serde_json::from_str::<serde_json::Value>(text()?)
                .map(|_| ())
                .map_err(|e| e.to_string()),
            "atom" | "xml" => check_xml(text()?),
            _ => Ok(()),
        };
        checked.map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(())
}

/// No executable markup, and every JSON-LD block parses.
fn check_page(html: &str) -> Result<(), String> {
    let doc = scraper::Html::parse_document(html);
    let bad = common::executable_markup(&doc);
    if !bad.is_empty() {
        return Err(format!("executable markup: {bad:?}"));
    }
    for block in doc.select(&common::sel("script[type='application/ld+json']")) {
        let json: String = block.text().collect();
        serde_json::from_str::<serde_json::Value>(&json)
            .map_err(|e| format!("JSON-LD does not parse ({e}): {json}"))?;
    }
    Ok(())
}

/// Lines of an RFC 5545/6350 file: CRLF-terminated, at most 75 octets, no
/// control characters but tab; BEGIN/END balanced. Returns the components
/// opened at the top level.
fn content_lines(text: &str) -> Result<Vec<String>, String> {
    let body = text.strip_suffix("\r\n").ok_or("does not end with CRLF")?;
    let mut stack: Vec<String> = Vec::new();
    let mut top = Vec::new();
    for (n, line) in body.split("\r\n").enumerate() {
        let n = n + 1;
        if line.len() > 75 {
            return Err(format!("line {n} has {} octets (not folded)", line.len()));
        }
        if let Some(c) = line
            .chars()
            .find(|c| (c.is_control() && *c != '\t') || *c == '\u{7f}')
        {
            return Err(format!("line {n} contains {c:?}: {line:?}"));
        }
        if line.starts_with([' ', '\t']) {
            continue; // a folded continuation
        }
        if let Some(name) = line.strip_prefix("BEGIN:") {
            if stack.is_empty() {
                top.push(name.to_string());
            }
            stack.push(name.to_string());
        } else if let Some(name) = line.strip_prefix("END:") {
            match stack.pop() {
                Some(open) if open == name => {}
                open => return Err(format!("line {n}: END:{name} closes {open:?}")),
            }
        } else if stack.is_empty() {
            return Err(format!("line {n} outside any component: {line:?}"));
        }
    }
    if !stack.is_empty() {
        return Err(format!("unclosed: {stack:?}"));
    }
    Ok(top)
}

fn check_ics(text: &str) -> Result<(), String> {
    let top = content_lines(text)?;
    if top != ["VCALENDAR"] {
        return Err(format!("expected one VCALENDAR, found {top:?}"));
    }
    if !text.contains("\r\nVERSION:2.0\r\n") || !text.contains("\r\nPRODID:") {
        return Err("VCALENDAR without VERSION:2.0 or PRODID".into());
    }
    Ok(())
}

fn check_vcf(text: &str) -> Result<(), String> {
    let top = content_lines(text)?;
    if top != ["VCARD"] {
        return Err(format!("expected one VCARD, found {top:?}"));
    }
    if !text.contains("\r\nFN:") && !text.contains("\r\nFN;") {
        return Err("a VCARD without FN".into());
    }
    Ok(())
}

/// Well-formed XML 1.0: one root element, tags balanced, entity and
/// character references valid, only characters XML allows.
fn check_xml(text: &str) -> Result<(), String> {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
    if let Some(c) = text.chars().find(|c| !allowed(*c)) {
        return Err(format!("contains {c:?}, which XML 1.0 does not allow"));
    }
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let (mut depth, mut roots) = (0usize, 0usize);
    loop {
        match reader.read_event() {
            Err(e) => return Err(format!("at byte {}: {e}", reader.error_position())),
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                roots += usize::from(depth == 0);
                depth += 1;
                for a in e.attributes() {
                    let a = a.map_err(|e| e.to_string())?;
                    a.unescape_value().map_err(|e| e.to_string())?;
                }
            }
            Ok(Event::Empty(e)) => {
                roots += usize::from(depth == 0);
                for a in e.attributes() {
                    let a = a.map_err(|e| e.to_string())?;
                    a.unescape_value().map_err(|e| e.to_string())?;
                }
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::GeneralRef(r)) => {
                let name = r.decode().map_err(|e| e.to_string())?;
                let predefined = ["lt", "gt", "amp", "quot", "apos"].contains(&&*name);
                if !predefined && r.resolve_char_ref().map_err(|e| e.to_string())?.is_none() {
                    return Err(format!("undefined entity &{name};"));
                }
            }
            Ok(Event::Text(t)) if depth == 0 && !t.iter().all(u8::is_ascii_whitespace) => {
                return Err("text outside the root element".into());
            }
            Ok(_) => {}
        }
    }
    if depth != 0 || roots != 1 {
        return Err(format!("{roots} root element(s), {depth} left open"));
    }
    Ok(())
}

/// Saves a failing case (with its seed) and returns where.
fn save_failure(c: &Case, seed: u64, why: &str) -> PathBuf {
    let dir = common::repo().join("target/fuzz-failures");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(format!("{seed}.txt"));
    std::fs::write(
        &p,
        format!(
            "{why}\nreplay: WEGWEISER_FUZZ_SEED={seed} cargo test --test fuzz fuzz_the_page_pipeline\n\
             path: {}\n--- file\n{}\n--- ftl\n{}\n--- site title\n{:?}",
            c.path, c.file, c.ftl, c.site_title
        ),
    )
    .unwrap();
    p
}

/// Runs a case on a fresh harness, catching panics.
fn run_fresh(c: &Case) -> Result<Outcome, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| Harness::new().run(c)))
        .unwrap_or_else(|_| Err("panic".into()))
}

/// Shrinks a failing case (for at most `budget`): simpler inputs that still
/// fail replace it. Returns the simplest failing case found and its failure.
fn shrink(mut tree: impl ValueTree<Value = Case>, why: String, budget: Duration) -> (Case, String) {
    let deadline = Instant::now() + budget;
    let mut best = (tree.current(), why);
    while Instant::now() < deadline && tree.simplify() {
        loop {
            let c = tree.current();
            match run_fresh(&c) {
                Err(why) => {
                    best = (c, why);
                    break;
                }
                Ok(_) => {
                    if Instant::now() >= deadline || !tree.complicate() {
                        return best;
                    }
                }
            }
        }
    }
    best
}

/// What the worker thread reports for a case.
enum Report {
    Done(Outcome),
    Failed { case: Case, why: String },
}

/// The run's seed: `WEGWEISER_FUZZ_SEED` (a number, `0x…`, or `random`),
/// else [`DEFAULT_SEED`].
fn run_seed() -> u64 {
    match std::env::var("WEGWEISER_FUZZ_SEED")
        .ok()
        .as_deref()
        .map(str::trim)
    {
        None | Some("") => DEFAULT_SEED,
        Some("random") => {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64);
            next_seed(t ^ u64::from(std::process::id()))
        }
        Some(s) => s
            .strip_prefix("0x")
            .map_or_else(|| s.parse(), |h| u64::from_str_radix(h, 16))
            .unwrap_or_else(|e| panic!("WEGWEISER_FUZZ_SEED={s}: {e}")),
    }
}

/// Starts the thread that runs the cases it is sent (by seed) and reports
/// each; a failing case is shrunk before it is reported, and ends the thread.
/// Before each case its seed is written to `current`, so that a case that
/// kills the process (stack overflow, abort) can still be replayed.
fn spawn_worker(
    jobs: mpsc::Receiver<u64>,
    reports: mpsc::Sender<(u64, Report)>,
    current: PathBuf,
) -> std::thread::JoinHandle<()> {
    std::thread::Builder::new()
        .name("fuzz-worker".into())
        .stack_size(8 << 20)
        .spawn(move || {
            let mut harness = Harness::new();
            for seed in jobs {
                let tree = case_tree(seed);
                let c = tree.current();
                let _ = std::fs::write(&current, format!("WEGWEISER_FUZZ_SEED={seed}\n{c:#?}\n"));
                let outcome =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| harness.run(&c)))
                        .unwrap_or_else(|_| Err("panic".into()));
                let report = match outcome {
                    Ok(o) => Report::Done(o),
                    Err(why) => {
                        let (case, why) = shrink(tree, why, SHRINK_LIMIT);
                        Report::Failed { case, why }
                    }
                };
                let failed = matches!(report, Report::Failed { .. });
                if reports.send((seed, report)).is_err() || failed {
                    return;
                }
            }
        })
        .expect("a worker thread")
}

#[test]
fn fuzz_the_page_pipeline() {
    let seconds: u64 = std::env::var("WEGWEISER_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let seed = run_seed();
    println!("fuzz: seed {seed} (replay with WEGWEISER_FUZZ_SEED={seed}), {seconds} s");
    let deadline = Instant::now() + Duration::from_secs(seconds);
    // The cases run on a worker thread, so that one that hangs is reported
    // (this thread waits a limited time) instead of blocking CI.
    let (to_worker, jobs) = mpsc::channel::<u64>();
    let (to_main, reports) = mpsc::channel::<(u64, Report)>();
    let current = common::repo().join("target/fuzz-failures/current.txt");
    std::fs::create_dir_all(current.parent().unwrap()).unwrap();
    let worker = spawn_worker(jobs, to_main, current.clone());
    let (mut runs, mut rendered) = (0u64, 0u64);
    let mut case_seed = seed;
    while Instant::now() < deadline {
        to_worker.send(case_seed).expect("the worker takes cases");
        match reports.recv_timeout(CASE_LIMIT + SHRINK_LIMIT) {
            Ok((_, Report::Done(outcome))) => {
                rendered += u64::from(outcome == Outcome::Rendered);
            }
            Ok((s, Report::Failed { case, why })) => {
                let p = save_failure(&case, s, &why);
                panic!(
                    "fuzz case {runs} failed: {why}\nseed {s}: replay with \
                     WEGWEISER_FUZZ_SEED={s}; shrunk input saved to {}:\n{case:#?}",
                    p.display()
                );
            }
            Err(_) => {
                let c = case_tree(case_seed).current();
                let p = save_failure(&c, case_seed, "time limit exceeded");
                panic!(
                    "fuzz case {runs} took longer than {CASE_LIMIT:?} (seed {case_seed}: replay \
                     with WEGWEISER_FUZZ_SEED={case_seed}); input saved to {}:\n{c:#?}",
                    p.display()
                );
            }
        }
        runs += 1;
        case_seed = next_seed(case_seed);
    }
    drop(to_worker);
    worker.join().expect("the worker ends");
    let _ = std::fs::remove_file(&current);
    let share = rendered as f64 / runs.max(1) as f64;
    println!(
        "fuzz: {runs} executions in {seconds} s, {rendered} reached a full render ({:.0} %), \
         {} refused with diagnostics, 0 failures",
        share * 100.0,
        runs - rendered
    );
    assert!(
        runs >= MIN_CASES,
        "only {runs} cases in {seconds} s: too few to say anything"
    );
    assert!(
        share >= MIN_RENDERED_SHARE,
        "only {rendered} of {runs} cases built: the generator produces mostly refused input"
    );
}

#[test]
fn the_checks_of_data_files_can_fail() {
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//DE\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    assert_eq!(check_ics(ics), Ok(()));
    for bad in [
        ics.replace("END:VEVENT\r\n", ""),
        ics.replace("\r\n", "\n"),
        format!("{ics}{ics}"),
        ics.replace("UID:1", &format!("UID:{}", "x".repeat(80))),
        ics.replace("UID:1", "UID:1\u{1}"),
    ] {
        assert!(check_ics(&bad).is_err(), "{bad:?}");
    }
    let vcf = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n";
    assert_eq!(check_vcf(vcf), Ok(()));
    assert!(check_vcf(&vcf.replace("FN:A\r\n", "")).is_err());
    let atom = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>a &amp; b &#x41;</title></feed>";
    assert_eq!(check_xml(atom), Ok(()));
    for bad in [
        atom.replace("</title>", ""),
        atom.replace("&amp;", "&nbsp;"),
        atom.replace("a &amp;", "a \u{1}"),
        format!("{atom}<feed/>"),
        atom.replace("</feed>", ""),
    ] {
        assert!(check_xml(&bad).is_err(), "{bad:?}");
    }
    assert!(check_page("<p onclick=x>").is_err());
    assert!(check_page("<script type=application/ld+json>{</script>").is_err());
}

#[test]
fn the_same_seed_gives_the_same_cases() {
    let a: Vec<String> = (0..5)
        .scan(DEFAULT_SEED, |s, _| {
            let c = case_tree(*s).current();
            *s = next_seed(*s);
            Some(format!("{c:?}"))
        })
        .collect();
    let b: Vec<String> = (0..5)
        .scan(DEFAULT_SEED, |s, _| {
            let c = case_tree(*s).current();
            *s = next_seed(*s);
            Some(format!("{c:?}"))
        })
        .collect();
    assert_eq!(a, b);
    assert_eq!(a.iter().collect::<BTreeSet<_>>().len(), 5, "{a:#?}");
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
            site_title: None,
        };
        harness.run(&c).unwrap();
    }
}
