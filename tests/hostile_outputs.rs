//! A hostile editor and translator: titles, locations, descriptions and a
//! Fluent `site-title` with line breaks that spell out a second calendar, and
//! control characters everywhere. The calendars must stay ONE calendar with
//! exactly the site's events, the text intact; no output file may carry a
//! control character.
//!
//! The Rust assertions always run. The same calendars are then read by an
//! independent parser (Python's `icalendar`, tests/check_hostile_ical.py)
//! when a Python with tests/requirements.txt is found: `$WEGWEISER_PYTHON`
//! (then it is required), else `.venv/bin/python` (scripts/validate-data
//! creates it), else that part is skipped with a message.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::*;

/// What the hostile front matter says, as TOML (escapes included).
const TITLE_TOML: &str = r#"Infoabend\nEND:VCALENDAR\nBEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:Fake appointment\nURL:https://evil.example/phish\nEND:VEVENT\u0007\u000C\u001B\u000B\u007F\u0085 done; really, \\ yes"#;
/// The title as it must arrive: line breaks and `;`, `,`, `\` kept, control
/// characters gone.
const TITLE: &str = "Infoabend\nEND:VCALENDAR\nBEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:Fake appointment\nURL:https://evil.example/phish\nEND:VEVENT done; really, \\ yes";

const LOCATION_TOML: &str = r#"Kreishaus\r\nLOCATION:Evil\u001B[31m; place, \\ end\rEND:VEVENT"#;
/// A CR (alone or before LF) is a line break in a calendar's text.
const LOCATION: &str = "Kreishaus\nLOCATION:Evil[31m; place, \\ end\nEND:VEVENT";

const SUMMARY_TOML: &str = r#"Erster Absatz\nDESCRIPTION:evil\\nEND:VEVENT\u001B[2J\u0008"#;
const SUMMARY: &str = "Erster Absatz\nDESCRIPTION:evil\\nEND:VEVENT[2J";

/// Long, multi-byte and full of characters to escape: folded lines must not
/// split a character.
fn long_title() -> String {
    format!("Mitmachmarkt – {}Ende", "Grüße, 中文; 😀 \\ ".repeat(9))
}

/// The English interface's site title: a multi-line Fluent message with a
/// BEL from a string literal.
const SITE_TITLE_FTL: &str = "site-title = Integration Guide\n    END:VCALENDAR\n    BEGIN:VCALENDAR\n    X-EVIL:{\"\\u0007\"}yes; really\n";
const SITE_TITLE: &str = "Integration Guide\nEND:VCALENDAR\nBEGIN:VCALENDAR\nX-EVIL:yes; really";

const BASE: &str = "https://guide.example.org";

fn hostile_site() -> TestSite {
    let site = TestSite::fixture("site");
    site.write(
        "content/events/infoabend.md",
        &format!(
            "+++\ntitle = \"{TITLE_TOML}\"\nsummary = \"{SUMMARY_TOML}\"\nstart = 2026-02-05T18:00\nend = 2026-02-05T20:00\nlocation = \"{LOCATION_TOML}\"\ntopics = [\"sprache\"]\norganizer = \"verein\"\n+++\nEin Abend\u{7} mit \u{1b}[1mInformationen\u{85}.\n"
        ),
    );
    site.edit(
        "content/events/markt.md",
        "title = \"Mitmachmarkt\"",
        &format!("title = \"{}\"", long_title().replace('\\', "\\\\")),
    );
    site.edit(
        "content/contacts/buero.md",
        "role = \"Beratung\"",
        r#"role = "Beratung\nEND:VCARD\nBEGIN:VCARD\nFN:Evil\u0007; x, y""#,
    );
    let ftl = std::fs::read_to_string(site.root.join("locales/en/main.ftl")).unwrap();
    let line = ftl
        .lines()
        .find(|l| l.starts_with("site-title ="))
        .expect("en has a site-title");
    site.write(
        "locales/en/main.ftl",
        &ftl.replacen(line, SITE_TITLE_FTL.trim_end(), 1),
    );
    site
}

/// The content lines of an iCalendar or vCard file (CRLF-separated).
fn lines(text: &str) -> Vec<&str> {
    assert!(text.ends_with("\r\n"), "does not end with CRLF");
    let body = &text[..text.len() - 2];
    for (i, l) in body.split("\r\n").enumerate() {
        assert!(
            !l.contains(['\r', '\n']),
            "line {i} has a bare CR or LF: {l:?}"
        );
    }
    body.split("\r\n").collect()
}

/// Lines unfolded (RFC 5545 §3.1), checking that each folded line is at
/// most 75 octets.
fn unfolded(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in lines(text) {
        assert!(l.len() <= 75, "line longer than 75 octets: {l:?}");
        match l.strip_prefix(' ') {
            Some(rest) => out
                .last_mut()
                .expect("no line before a fold")
                .push_str(rest),
            None => out.push(l.to_string()),
        }
    }
    out
}

fn count(lines: &[String], exact: &str) -> usize {
    lines.iter().filter(|l| *l == exact).count()
}

fn assert_one_calendar(path: &str, text: &str, events: usize) {
    let u = unfolded(text);
    let begins = u
        .iter()
        .filter(|l| l.starts_with("BEGIN:VCALENDAR"))
        .count();
    assert_eq!(begins, 1, "{path}: {begins} calendars\n{text}");
    assert_eq!(
        u.first().map(String::as_str),
        Some("BEGIN:VCALENDAR"),
        "{path}"
    );
    assert_eq!(
        u.last().map(String::as_str),
        Some("END:VCALENDAR"),
        "{path}"
    );
    assert_eq!(count(&u, "END:VCALENDAR"), 1, "{path}\n{text}");
    assert_eq!(count(&u, "BEGIN:VEVENT"), events, "{path}\n{text}");
    assert_eq!(count(&u, "END:VEVENT"), events, "{path}\n{text}");
    assert_eq!(count(&u, "BEGIN:VTIMEZONE"), 1, "{path}\n{text}");
    // Every line is a BEGIN/END or a property `NAME[;params]:value`.
    for l in &u {
        let name_end = l.find([';', ':']).unwrap_or(0);
        assert!(
            name_end > 0
                && l[..name_end]
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b == b'-'),
            "{path}: not a content line: {l:?}"
        );
    }
    assert!(
        !text.contains("Fake appointment\r\n"),
        "{path}: injected line"
    );
    for l in &u {
        assert!(
            !l.starts_with("SUMMARY:Fake") && !l.starts_with("URL:https://evil"),
            "{path}: injected property {l:?}"
        );
    }
}

/// `\uXXXX` escapes of a removed character (JSON writes control characters so).
fn escaped_controls(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (i, _) in text.match_indices("\\u") {
        let hex = text.get(i + 2..i + 6).unwrap_or("");
        if let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            && wegweiser::text::is_removed(c)
        {
            found.push(text[i..i + 6].to_string());
        }
    }
    found
}

const TEXT_FILES: [&str; 10] = [
    "html",
    "ics",
    "vcf",
    "atom",
    "xml",
    "json",
    "txt",
    "js",
    "css",
    "webmanifest",
];

#[test]
fn no_injected_calendars_and_no_control_characters_in_any_output() {
    let site = hostile_site();
    site.build_ok();
    let files = site.files();
    let mut checked = 0;
    for (path, bytes) in &files {
        let ext = path.rsplit('.').next().unwrap_or("");
        if !TEXT_FILES.contains(&ext) {
            continue;
        }
        let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        let bad: Vec<(usize, char)> = text
            .char_indices()
            .filter(|(_, c)| wegweiser::text::is_removed(*c))
            .collect();
        assert!(bad.is_empty(), "{path}: control characters {bad:?}");
        let esc = escaped_controls(text);
        assert!(esc.is_empty(), "{path}: escaped control characters {esc:?}");
        checked += 1;
    }
    assert!(checked > 50, "only {checked} text files");

    for lang in ["de", "en", "ar", "fa"] {
        let one = format!("{lang}/events/infoabend.ics");
        assert_one_calendar(&one, &site.read(&one), 1);
        let two = format!("{lang}/events/markt.ics");
        assert_one_calendar(&two, &site.read(&two), 2);
        let all = format!("{lang}/events.ics");
        assert_one_calendar(&all, &site.read(&all), 3);
        let card = site.read(&format!("{lang}/contacts/buero.vcf"));
        let u = unfolded(&card);
        assert_eq!(count(&u, "BEGIN:VCARD"), 1, "{card}");
        assert_eq!(count(&u, "END:VCARD"), 1, "{card}");
        assert!(!u.iter().any(|l| l.starts_with("FN:Evil")), "{card}");
    }
    // The escaped text is there: what a parser unescapes is checked below.
    let de = unfolded(&site.read("de/events/infoabend.ics"));
    assert!(
        de.iter()
            .any(|l| l.starts_with("NAME;") && l.ends_with(r"\nEND:VEVENT done\; really\, \\ yes")),
        "{de:?}"
    );
    let en = unfolded(&site.read("en/events.ics"));
    assert!(
        en.iter().any(|l| l.starts_with("NAME;")
            && l.contains(
                r"Integration Guide\nEND:VCALENDAR\nBEGIN:VCALENDAR\nX-EVIL:yes\; really"
            )),
        "{en:?}"
    );
    // HTML titles keep the text and lose the control characters.
    let page = site.html("de/events/infoabend/index.html");
    let title = text(&page, "title");
    assert!(title.contains("done; really, \\ yes"), "{title:?}");
    let body = text(&page, "main");
    assert!(body.contains("Ein Abend mit [1mInformationen."), "{body}");

    python_check(&site);
}

/// Where the expected text of every calendar is written for the Python check.
fn expectations() -> serde_json::Value {
    let url = |lang: &str, slug: &str| format!("{BASE}/{lang}/events/{slug}/");
    let infoabend = |lang: &str| {
        serde_json::json!({
            "summary": TITLE,
            "location": LOCATION,
            "description": format!("{SUMMARY}\n\n{}", url(lang, "infoabend")),
        })
    };
    let markt = |lang: &str| {
        let e = serde_json::json!({
            "summary": long_title(),
            "location": null,
            "description": url(lang, "markt"),
        });
        vec![e.clone(), e]
    };
    let mut files = serde_json::Map::new();
    for lang in ["de", "en"] {
        files.insert(
            format!("{lang}/events/infoabend.ics"),
            serde_json::json!({"name": TITLE, "events": [infoabend(lang)]}),
        );
        files.insert(
            format!("{lang}/events/markt.ics"),
            serde_json::json!({"name": long_title(), "events": markt(lang)}),
        );
        let mut all = vec![infoabend(lang)];
        all.extend(markt(lang));
        let name_prefix = if lang == "en" {
            format!("{SITE_TITLE} – ")
        } else {
            "Integrationswegweiser Mainz-Bingen – ".to_string()
        };
        files.insert(
            format!("{lang}/events.ics"),
            serde_json::json!({"name_prefix": name_prefix, "events": all}),
        );
    }
    serde_json::Value::Object(files)
}

/// The Python to use, or why there is none.
fn python() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("WEGWEISER_PYTHON") {
        return Ok(PathBuf::from(p));
    }
    let venv = repo().join(".venv/bin/python");
    if !venv.is_file() {
        return Err(format!("{} does not exist", venv.display()));
    }
    let has = Command::new(&venv)
        .args(["-c", "import icalendar"])
        .output()
        .is_ok_and(|o| o.status.success());
    if has {
        Ok(venv)
    } else {
        Err(format!("{} has no `icalendar` package", venv.display()))
    }
}

fn python_check(site: &TestSite) {
    let python = match python() {
        Ok(p) => p,
        Err(why) => {
            eprintln!(
                "SKIPPED the independent parser check (tests/check_hostile_ical.py): {why}. \
                 Run scripts/validate-data, or set WEGWEISER_PYTHON to a Python with \
                 tests/requirements.txt installed. The Rust-side checks ran."
            );
            return;
        }
    };
    let expect = site.root.join("expected-calendars.json");
    std::fs::write(&expect, expectations().to_string()).unwrap();
    let out = Command::new(&python)
        .arg(repo().join("tests/check_hostile_ical.py"))
        .arg(site.out())
        .arg(&expect)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", python.display()));
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{report}");
    assert!(
        out.status.success(),
        "check_hostile_ical.py failed:\n{report}"
    );
    assert!(report.contains("hostile calendars: 6 files"), "{report}");
}
