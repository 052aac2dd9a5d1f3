//! Every relative link in README.md and docs/**/*.md leads to a file that
//! exists, and a `#anchor` to a heading of that file (GitHub's heading ids).
//! Links inside code (blocks or `inline`) are examples of content files, not
//! links of the documentation, so the Markdown is parsed, not searched.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// README.md and every Markdown file under docs/, sorted.
fn documentation_files() -> Vec<PathBuf> {
    let mut files = vec![root().join("README.md")];
    for entry in walkdir::WalkDir::new(root().join("docs")).sort_by_file_name() {
        let entry = entry.unwrap_or_else(|e| panic!("reading docs/: {e}"));
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "md") {
            files.push(entry.into_path());
        }
    }
    files
}

/// A link of the documentation: its target and the line it is on.
struct Link {
    target: String,
    line: usize,
}

fn parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, Options::ENABLE_TABLES)
}

fn links(text: &str) -> Vec<Link> {
    let mut found = Vec::new();
    for (event, range) in parser(text).into_offset_iter() {
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
            let line = text[..range.start].matches('\n').count() + 1;
            found.push(Link {
                target: dest_url.to_string(),
                line,
            });
        }
    }
    found
}

/// The ids GitHub gives the headings of a Markdown file: the heading's text
/// in lower case, without punctuation, spaces as `-`; a repeated id gets
/// `-1`, `-2`, …
fn anchors(text: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut heading: Option<String> = None;
    for event in parser(text) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(words) = heading.as_mut() {
                    words.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(words) = heading.take() {
                    let base = github_id(&words);
                    let mut id = base.clone();
                    let mut n = 0;
                    while ids.contains(&id) {
                        n += 1;
                        id = format!("{base}-{n}");
                    }
                    ids.insert(id);
                }
            }
            _ => {}
        }
    }
    ids
}

fn github_id(words: &str) -> String {
    words
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// A target with a scheme (`https:`, `mailto:` …) leaves the repository.
fn is_external(target: &str) -> bool {
    match target.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

/// What is wrong with one relative link of `file`, if anything.
fn problem(file: &Path, target: &str) -> Option<String> {
    let (path, anchor) = match target.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (target, None),
    };
    let path = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?
        .into_owned();
    let resolved = if path.is_empty() {
        file.to_path_buf()
    } else if let Some(from_root) = path.strip_prefix('/') {
        root().join(from_root)
    } else {
        file.parent().unwrap_or(Path::new(".")).join(&path)
    };
    if !resolved.exists() {
        return Some(format!("`{target}`: {} does not exist", resolved.display()));
    }
    let anchor = anchor.filter(|a| !a.is_empty())?;
    if resolved.extension().is_none_or(|e| e != "md") {
        return Some(format!(
            "`{target}`: an anchor into a file that is not Markdown"
        ));
    }
    let text = std::fs::read_to_string(&resolved).ok()?;
    let ids = anchors(&text);
    if ids.contains(anchor) {
        None
    } else {
        Some(format!(
            "`{target}`: no heading with the id `{anchor}` in {} (ids: {})",
            resolved.display(),
            ids.into_iter().collect::<Vec<_>>().join(", ")
        ))
    }
}

#[test]
fn every_relative_link_in_the_documentation_resolves() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in documentation_files() {
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("reading {}: {e}", file.display()));
        for link in links(&text) {
            if is_external(&link.target) {
                continue;
            }
            checked += 1;
            if let Some(p) = problem(&file, &link.target) {
                let name = file.strip_prefix(root()).unwrap_or(&file);
                problems.push(format!("{}:{}: {p}", name.display(), link.line));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "broken links:\n{}",
        problems.join("\n")
    );
    // The README alone links a dozen documents: a parser that found nothing
    // would pass the loop above without checking anything.
    assert!(checked > 20, "only {checked} relative links found");
}

#[test]
fn the_editors_handbook_is_linked_from_the_readme() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    assert!(
        links(&readme)
            .iter()
            .any(|l| l.target.starts_with("docs/de/")),
        "README.md does not link docs/de/"
    );
}

#[test]
fn the_checker_finds_what_is_broken() {
    let file = root().join("README.md");
    assert!(problem(&file, "docs/content.md").is_none());
    assert!(problem(&file, "docs/no-such-file.md").is_some());
    assert!(problem(&file, "docs/config.md#security").is_none());
    assert!(problem(&file, "docs/config.md#no-such-heading").is_some());
    assert!(problem(&file, "docs/examples/").is_none());
    assert!(is_external("https://example.org/x.md"));
    assert!(is_external("mailto:a@example.org"));
    assert!(!is_external("docs/content.md#a:b"));
}

#[test]
fn heading_ids_follow_github() {
    let text = "# Über `site.toml`\n\n## Preview\n\n## Preview\n\n## Fehler: Datum 30.06.2027!\n";
    let ids = anchors(text);
    let expected: BTreeSet<String> = [
        "über-sitetoml",
        "preview",
        "preview-1",
        "fehler-datum-30062027",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(ids, expected);
    // Links inside code are examples, not links.
    let found = links("`[a](x.md)`\n\n```\n[b](y.md)\n```\n\n[c](z.md)\n");
    let targets: Vec<&str> = found.iter().map(|l| l.target.as_str()).collect();
    assert_eq!(targets, ["z.md"]);
    assert_eq!(found[0].line, 7);
}
