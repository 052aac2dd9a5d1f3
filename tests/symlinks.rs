//! One rule for symbolic links in every input folder (`content/`,
//! `locales/`, `static/`, a theme's `templates/` and `static/`), in a build,
//! in `check` and in the preview: a link that stays inside the site folder
//! is followed; a link out of it, or to nothing, is an error naming the link
//! and where it points, and what it points to is never read: it appears in
//! no message (terminal, JSON, GitHub format) and in no output file.
#![cfg(unix)]

mod common;

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use common::TestSite;
use wegweiser::build::Pipeline;
use wegweiser::diagnostics::{Diagnostics, Severity};

/// What the files outside the site hold: it must never be shown or published.
const SECRET: &str = "GEHEIMNIS-4711";

/// A folder outside the site, with one file `name` holding `text`.
fn outside(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, text).unwrap();
    (dir, file)
}

/// Links `link` (relative to the site) to `target`.
fn link(site: &TestSite, link: &str, target: impl AsRef<Path>) {
    let at = site.root.join(link);
    std::fs::create_dir_all(at.parent().unwrap()).unwrap();
    symlink(target, at).unwrap();
}

fn contains(bytes: &[u8], needle: &str) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Every way a list of problems is shown: none may quote the secret.
fn assert_secret_kept(ds: &Diagnostics, when: &str) {
    for (format, text) in [
        ("terminal", ds.render()),
        ("short", ds.render_short()),
        ("JSON", ds.to_json()),
        ("GitHub", ds.render_github()),
    ] {
        assert!(
            !text.contains(SECRET),
            "{when}: the {format} output quotes the file behind the link:\n{text}"
        );
    }
}

/// The error about `link`; it must say where the link points (`points`).
fn error_at(ds: &Diagnostics, link: &str, points: &str) -> String {
    let d = ds
        .iter()
        .find(|d| d.severity == Severity::Error && d.location().as_deref() == Some(link))
        .unwrap_or_else(|| panic!("no error at {link}:\n{}", ds.render_short()));
    assert!(
        d.message().contains(&format!("`{points}`")),
        "the error at {link} does not say where it points ({points}): {}",
        d.message()
    );
    d.message()
}

/// Builds the fixture and prepares the preview, lets `edit` add a link,
/// then checks that the build, `check` and the preview all refuse it with
/// an error at `link` naming `points`, and that the secret is nowhere.
/// Returns the build's diagnostics.
fn refused(link: &str, points: &str, edit: impl FnOnce(&TestSite)) -> Diagnostics {
    refused_after(link, points, edit, &[link])
}

/// Like [`refused`], telling the preview that `changed` changed.
fn refused_after(
    link: &str,
    points: &str,
    edit: impl FnOnce(&TestSite),
    changed: &[&str],
) -> Diagnostics {
    let site = TestSite::fixture("site");
    site.build_ok();
    let before = site.files();
    let mut preview = Pipeline::load(&site.options()).unwrap();
    edit(&site);

    let ds = site.build_err();
    let message = error_at(&ds, link, points);
    assert_secret_kept(&ds, "build");
    assert!(
        site.files() == before,
        "a failed build must not touch public/"
    );
    for (name, bytes) in &before {
        assert!(!contains(bytes, SECRET), "{name} holds the secret");
    }

    let checked = site.check();
    assert_eq!(error_at(&checked, link, points), message);
    assert_secret_kept(&checked, "check");

    let changed: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
    let update = preview.update(&changed);
    let ds_preview = update.expect_err("the preview accepted the link");
    assert_eq!(error_at(&ds_preview, link, points), message);
    assert_secret_kept(&ds_preview, "preview");
    // The preview goes on serving its last good output.
    if let Ok((served, _)) = preview.output() {
        for (name, bytes) in &served {
            assert!(
                !contains(bytes, SECRET),
                "the preview serves {name} with the secret"
            );
        }
    }
    ds
}

/// The rendered diagnostics with the temporary folder's path replaced.
fn redacted(ds: &Diagnostics, dir: &Path) -> String {
    ds.render().replace(&*dir.to_string_lossy(), "OUTSIDE")
}

/// [`refused`] for a link at `at` to a file outside the site holding `text`;
/// returns the build's diagnostics and the outside folder.
fn refused_file(at: &str, text: &str) -> (Diagnostics, tempfile::TempDir) {
    let name = Path::new(at).file_name().unwrap().to_string_lossy();
    let (dir, file) = outside(&name, text);
    let ds = refused(at, &file.display().to_string(), |s| link(s, at, &file));
    (ds, dir)
}

#[test]
fn a_link_in_locales_to_a_file_outside() {
    // Fluent would quote a line it cannot parse, and a message defined twice.
    let text = format!("site-title = {SECRET}\n{SECRET} kaputt\n");
    let (ds, dir) = refused_file("locales/de/geheim.ftl", &text);
    insta::assert_snapshot!(redacted(&ds, dir.path()));
}

#[test]
fn a_link_in_content_to_a_file_outside() {
    let text = format!("+++\ntitle = \"{SECRET}\"\nkaputt\n+++\n{SECRET}\n");
    refused_file("content/offers/geheim.md", &text);
}

#[test]
fn a_link_in_static_to_a_file_outside() {
    refused_file("static/geheim.txt", SECRET);
}

#[test]
fn a_link_in_the_themes_static_folder_to_a_file_outside() {
    refused_file("themes/default/static/geheim.css", SECRET);
}

#[test]
fn a_link_in_the_themes_templates_to_a_file_outside() {
    // Tera would quote a line it cannot parse.
    let text = format!("{{{{ {SECRET} }}\n");
    refused_file("themes/default/templates/geheim.html", &text);
}

#[test]
fn a_theme_that_is_a_link_to_a_folder_outside() {
    let (dir, _) = outside("templates/home.html", SECRET);
    let points = dir.path().display().to_string();
    // Moved away and linked: the preview hears of the folder only.
    let changed = ["themes/default"];
    let edit = |s: &TestSite| {
        std::fs::remove_dir_all(s.root.join("themes/default")).unwrap();
        link(s, "themes/default", dir.path());
    };
    refused_after("themes/default", &points, edit, &changed);
}

#[test]
fn a_locales_folder_that_is_a_link_to_a_folder_outside() {
    let (dir, _) = outside("de/main.ftl", &format!("{SECRET} kaputt\n"));
    let points = dir.path().display().to_string();
    let ds = refused("locales", &points, |s| {
        std::fs::remove_dir_all(s.root.join("locales")).unwrap();
        link(s, "locales", dir.path());
    });
    assert_eq!(ds.error_count(), 1, "{}", ds.render_short());
}

#[test]
fn a_link_to_a_folder_outside_inside_content() {
    let (dir, _) = outside(
        "geheim.md",
        &format!("+++\ntitle = \"{SECRET}\"\n+++\n{SECRET}\n"),
    );
    let points = dir.path().display().to_string();
    refused("content/offers/extern", &points, |s| {
        link(s, "content/offers/extern", dir.path())
    });
}

#[test]
fn a_link_to_the_repositorys_git_config_inside_the_site() {
    // On a build server, the checkout's credentials may be there.
    let ds = refused("static/config.txt", "../.git/config", |s| {
        s.write(
            ".git/config",
            &format!("[http]\n\textraheader = {SECRET}\n"),
        );
        link(s, "static/config.txt", "../.git/config");
    });
    assert!(
        ds.render_short()
            .contains("into `.git`, a hidden part of the site folder"),
        "{}",
        ds.render_short()
    );
}

#[test]
fn a_dangling_link_is_an_error_in_every_folder() {
    for folder in [
        "content/offers",
        "locales/de",
        "static",
        "themes/default/static",
        "themes/default/templates",
    ] {
        let at = format!("{folder}/fehlt.txt");
        let ds = refused(&at, "nirgends.txt", |s| link(s, &at, "nirgends.txt"));
        assert!(
            error_at(&ds, &at, "nirgends.txt").ends_with("which does not exist"),
            "{}",
            ds.render_short()
        );
    }
}

/// Moves `rel` into `shared/` (a folder of the site that Wegweiser does not
/// read) and puts a link in its place.
fn move_and_link(site: &TestSite, rel: &str) {
    let name = rel.replace('/', "-");
    let shared = site.root.join("shared");
    std::fs::create_dir_all(&shared).unwrap();
    std::fs::rename(site.root.join(rel), shared.join(&name)).unwrap();
    let up = "../".repeat(rel.matches('/').count());
    symlink(format!("{up}shared/{name}"), site.root.join(rel)).unwrap();
}

#[test]
fn links_inside_the_site_are_followed_in_every_folder() {
    let plain = TestSite::fixture("site");
    plain.write("static/bilder/plakat.txt", "Plakat");
    let plain_report = plain.build_ok();
    let expected = plain.files();

    let site = TestSite::fixture("site");
    site.write("static/bilder/plakat.txt", "Plakat");
    for rel in [
        "content/offers/sprachcafe.md",
        "locales/de/main.ftl",
        "static/bilder/plakat.txt",
        "themes/default/static/style.css",
        "themes/default/templates/item.html",
        // A whole folder, too.
        "themes/default/templates/partials",
    ] {
        move_and_link(&site, rel);
    }
    let report = site.build_ok();
    assert_eq!(
        report.warnings.render_short(),
        plain_report.warnings.render_short()
    );
    let built = site.files();
    assert_eq!(
        built.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &expected {
        assert!(
            built[name] == *bytes,
            "{name} differs when read through a link"
        );
    }
    assert!(site.check().iter().all(|d| d.severity != Severity::Error));
}

#[test]
fn the_preview_follows_links_inside_the_site() {
    let site = TestSite::fixture("site");
    let mut preview = Pipeline::load(&site.options()).unwrap();
    site.write("shared/neu.txt", "neu");
    link(&site, "static/neu.txt", "../shared/neu.txt");
    let update = preview
        .update(&[PathBuf::from("static/neu.txt")])
        .unwrap_or_else(|ds| panic!("{}", ds.render()));
    assert!(
        update
            .changes
            .iter()
            .any(|(k, v)| k == "neu.txt" && v.as_deref() == Some(b"neu".as_slice())),
        "{:?}",
        update.changes.iter().map(|(k, _)| k).collect::<Vec<_>>()
    );
}

/// `site.toml` itself follows the rule: a link out of the site is refused
/// before it is read.
#[test]
fn a_site_toml_that_links_outside_is_refused_unread() {
    let site = TestSite::fixture("site");
    let text = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    let (_dir, file) = outside("site.toml", &format!("{text}\n# {SECRET}\n[kaputt\n"));
    std::fs::remove_file(site.root.join("site.toml")).unwrap();
    link(&site, "site.toml", &file);
    let ds = site.build_err();
    error_at(&ds, "site.toml", &file.display().to_string());
    assert_secret_kept(&ds, "build");
}
