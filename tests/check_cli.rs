//! `wegweiser check` as CI runs it: exit codes and output formats.

mod common;

use std::process::Command;

use common::TestSite;

/// Runs `wegweiser COMMAND --root SITE ARGS` with "now" pinned and English
/// messages (the fixture's default language is German): exit code, stdout,
/// stderr.
fn run(command: &str, site: &TestSite, args: &[&str]) -> (i32, String, String) {
    run_in(command, site, args, &[("WEGWEISER_LANG", "en")])
}

fn run_in(
    command: &str,
    site: &TestSite,
    args: &[&str],
    env: &[(&str, &str)],
) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .arg(command)
        .arg("--root")
        .arg(&site.root)
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .env_remove("WEGWEISER_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn check(site: &TestSite, args: &[&str]) -> (i32, String, String) {
    run("check", site, args)
}

fn check_in(site: &TestSite, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    run_in("check", site, args, env)
}

#[test]
fn exit_codes_and_formats() {
    let site = TestSite::fixture("site");
    // The fixture has warnings (untranslated pages), no errors.
    let (code, _, err) = check(&site, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("check: 0 error(s)"), "{err}");
    assert!(!site.out().exists(), "check writes nothing");

    let (code, _, err) = check(&site, &["--strict"]);
    assert_eq!(code, 1, "warnings fail under --strict: {err}");

    // One annotation per warning: as many as the library's check finds,
    // as the JSON format lists and as the summary line counts.
    let expected = site.check();
    assert_eq!(expected.error_count(), 0);
    let warnings = expected.warning_count();
    assert!(warnings >= 1, "the fixture has warnings to annotate");
    let (code, out, err) = check(&site, &["--format", "github"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), warnings, "one annotation per warning: {out}");
    assert!(
        lines.iter().all(|l| l.starts_with("::warning ")),
        "only annotations on stdout: {out}"
    );
    assert!(
        err.contains(&format!("check: 0 error(s), {warnings} warning(s)")),
        "{err}"
    );
    let (_, json, _) = check(&site, &["--format", "json"]);
    let listed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(listed.as_array().map(Vec::len), Some(warnings), "{json}");

    site.edit(
        "content/offers/sprachcafe.md",
        "[Beratung](offers/beratung.md#termine)",
        "[Beratung](offers/beratung.md#zeiten)",
    );
    let (code, out, _) = check(&site, &["--format", "github"]);
    assert_eq!(code, 1);
    let errors: Vec<&str> = out.lines().filter(|l| l.starts_with("::error ")).collect();
    assert_eq!(errors.len(), 1, "exactly the one broken anchor: {out}");
    assert_eq!(
        out.lines().count(),
        warnings + 1,
        "the warnings stay annotated beside the error: {out}"
    );
    assert!(
        out.contains("::error file=content/offers/sprachcafe.md,line=16,col=33,title=dangling anchor [anchor-missing]::the anchor `#zeiten` does not exist on /de/offers/beratung/"),
        "{out}"
    );
    let (code, out, _) = check(&site, &["--format", "json"]);
    assert_eq!(code, 1);
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|d| d["severity"] == "error" && d["line"] == 16)
    );

    let (code, _, _) = check(&site, &["--format", "yaml"]);
    assert_eq!(code, 2, "usage errors exit with 2");
}

/// `--lang`, then `WEGWEISER_LANG`, then the locale, then the site's default
/// language choose the language of messages; JSON keeps the stable code.
#[test]
fn the_language_of_messages_is_chosen_by_flag_environment_and_site() {
    let site = TestSite::fixture("site");
    let offer = site.root.join("content/offers/beratung.md");
    let text = std::fs::read_to_string(&offer).unwrap();
    std::fs::write(&offer, text.replacen("+++\n", "+++\ntitel = \"x\"\n", 1)).unwrap();
    let german = "Das Feld „titel“ gibt es für ein Angebot nicht.";
    let english = "unknown field `titel` for an offer";
    let (_, _, err) = check_in(&site, &[], &[("LANG", "de_DE.UTF-8")]);
    assert!(err.contains(german), "{err}");
    assert!(err.contains("Fehler: Das Feld"), "{err}");
    assert!(err.contains("check: 1 Fehler"), "{err}");
    let (_, _, err) = check_in(&site, &["--lang", "en"], &[("LANG", "de_DE.UTF-8")]);
    assert!(err.contains(english), "{err}");
    assert!(err.contains("check: 1 error(s)"), "{err}");
    let (_, _, err) = check_in(
        &site,
        &[],
        &[("WEGWEISER_LANG", "en"), ("LANG", "de_DE.UTF-8")],
    );
    assert!(err.contains(english), "{err}");
    let (_, _, err) = check_in(
        &site,
        &[],
        &[("LC_ALL", "en_US.UTF-8"), ("LANG", "de_DE.UTF-8")],
    );
    assert!(err.contains(english), "{err}");
    // `C` decides nothing: the site's default language (German) does.
    let (_, _, err) = check_in(&site, &[], &[("LANG", "C.UTF-8")]);
    assert!(err.contains(german), "{err}");
    let (_, out, _) = check_in(&site, &["--format", "json", "--lang", "de"], &[]);
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    let d = list
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .unwrap();
    assert_eq!(d["code"], "unknown-field-for-kind");
    assert_eq!(d["message"], german);
    let (_, out, _) = check_in(&site, &["--format", "github", "--lang", "de"], &[]);
    assert!(
        out.contains("title=kein Feld an dieser Stelle [unknown-field-for-kind]::Das Feld „titel“"),
        "{out}"
    );
}

/// The CI that docs/deploy.md documents (`check --strict`) passes on the
/// example as shipped, today and a year from now: what depends on the date
/// (events that are over, review dates) is handled by the example itself
/// (recurring events, events archived on purpose, review dates ahead), and
/// its partial languages are declared so in site.toml.
#[test]
fn strict_check_passes_on_the_example_today_and_a_year_ahead() {
    let site = TestSite::example();
    let strict = |epoch: Option<i64>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_wegweiser"));
        cmd.args([
            "check", "--strict", "--lang", "en", "--format", "short", "--root",
        ])
        .arg(&site.root);
        match epoch {
            Some(s) => cmd.env("SOURCE_DATE_EPOCH", s.to_string()),
            None => cmd.env_remove("SOURCE_DATE_EPOCH"),
        };
        let out = cmd.output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        (out.status.code(), err)
    };
    let (code, err) = strict(None);
    assert_eq!(code, Some(0), "today:\n{err}");
    assert!(err.contains("check: 0 error(s), 0 warning(s)"), "{err}");
    let year_ahead = jiff::Timestamp::now().as_second() + 366 * 24 * 3600;
    let (code, err) = strict(Some(year_ahead));
    assert_eq!(
        code,
        Some(0),
        "a year ahead (if only review dates or events are reported, the example's dates \
         have run out: move its review_by and repeat_until ahead and delete closed periods over for a year, see docs/deploy.md):\n{err}"
    );
    assert!(err.contains("check: 0 error(s), 0 warning(s)"), "{err}");

    // Not silenced for good: a year and a half ahead, the review dates
    // have passed and strict CI asks for them (as warnings).
    let (code, err) = strict(Some(year_ahead + 366 * 24 * 3600));
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("was due for review"), "{err}");
}

fn build(site: &TestSite, args: &[&str]) -> (i32, String) {
    let (code, _, err) = run("build", site, args);
    (code, err)
}

/// `build` shows what `check` finds in the content (review dates, events
/// that are over, …): the number, the first five, all with `--verbose`.
#[test]
fn build_shows_its_warnings() {
    let site = TestSite::fixture("site");
    site.edit(
        "content/offers/sprachcafe.md",
        "updated = 2026-01-15",
        "updated = 2026-01-15\nreview_by = 2025-12-01",
    );
    let expected = site.check();
    assert_eq!(expected.error_count(), 0, "{}", expected.render_short());
    let n = expected.warning_count();
    assert!(n > 5, "the fixture has more warnings than are shown: {n}");
    let warning_lines = |err: &str| err.lines().filter(|l| l.starts_with("warning:")).count();

    let (code, err) = build(&site, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&format!(", {n} warning(s)")), "{err}");
    assert_eq!(warning_lines(&err), 5, "{err}");
    assert!(
        err.contains(&format!(
            "… and {} more warning(s): `wegweiser build --verbose`",
            n - 5
        )),
        "{err}"
    );

    let (code, err) = build(&site, &["--verbose"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(warning_lines(&err), n, "{err}");
    assert!(err.contains("was due for review on 2025-12-01"), "{err}");
    assert!(!err.contains("more warning(s)"), "{err}");

    // Under --strict the warnings are errors: every one is listed.
    let (code, err) = build(&site, &["--strict"]);
    assert_eq!(code, 1, "--strict fails on warnings: {err}");
    assert_eq!(warning_lines(&err), n, "{err}");
}

/// `new` speaks the tool's language: the message and the template's comments.
#[test]
fn new_in_german_and_english() {
    for lang in ["de", "en"] {
        let site = TestSite::fixture("site");
        let env = [("WEGWEISER_LANG", lang)];
        let (code, _, said) = run_in("new", &site, &["offer", "neues-angebot"], &env);
        assert_eq!(code, 0, "{said}");
        let file =
            std::fs::read_to_string(site.root.join("content/offers/neues-angebot.md")).unwrap();
        let head: Vec<&str> = file.lines().take(12).collect();
        insta::assert_snapshot!(
            format!("new_{lang}"),
            format!("{said}\n{}", head.join("\n"))
        );
    }
}
