//! `wegweiser check` as CI runs it: exit codes and output formats.

mod common;

use std::process::Command;

use common::TestSite;

/// `check` with English messages (the fixture's default language is German).
fn check(site: &TestSite, args: &[&str]) -> (i32, String, String) {
    check_in(site, args, &[("WEGWEISER_LANG", "en")])
}

fn check_in(site: &TestSite, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_wegweiser"))
        .arg("check")
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
