//! A page the site ships as it is (from `static/`, e.g. the browser editor's
//! `admin/index.html`) must not load a script the site does not have: the
//! editor's script is installed from npm (`scripts/install-editor`), not
//! committed, and a build without it would publish an admin page that shows
//! nothing.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};

use super::OutputFiles;

/// The `src` of every `<script src="…">` in `html`, as written.
fn script_sources(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<script") {
        rest = &rest[at + "<script".len()..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(src) = tag.find("src=") {
            let value = &tag[src + "src=".len()..];
            let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'');
            let value = match quote {
                Some(_) => &value[1..],
                None => value,
            };
            let end = value
                .find(|c: char| Some(c) == quote || (quote.is_none() && c.is_whitespace()))
                .unwrap_or(value.len());
            found.push(&value[..end]);
        }
    }
    found
}

/// The output file a relative `src` names from the page `page` (an output
/// key such as `admin/index.html`); `None` for addresses with a scheme, a
/// host or an absolute path, which this check leaves alone.
fn resolve(page: &str, src: &str) -> Option<String> {
    if src.is_empty() || src.contains(':') || src.starts_with('/') {
        return None;
    }
    let src = src.split(['?', '#']).next().unwrap_or(src);
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in src.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// Reports each script that an HTML file among `files` (the static files,
/// from the site folder's `static_dir`) loads from the site but that is not
/// among them.
pub fn check(files: &OutputFiles, static_dir: &Path, ds: &mut Diagnostics) {
    for (key, bytes) in files.iter().filter(|(k, _)| k.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for src in script_sources(&html) {
            let Some(target) = resolve(key, src) else {
                continue;
            };
            if !files.contains_key(&target) {
                ds.push(
                    Diagnostic::error("static-script-missing")
                        .arg("src", src)
                        .arg("folder", static_dir.display().to_string())
                        .at_path(&static_dir.join(key)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> OutputFiles {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec().into()))
            .collect()
    }

    #[test]
    fn a_missing_local_script_is_an_error_naming_the_page() {
        let page = "<script src=\"sveltia-cms.js\"></script><script src='w.js' defer></script>\
                    <script>let x = 1;</script><script src=https://cdn.example/a.js></script>\
                    <script src=\"/abs.js\"></script><script src=\"../up.js?v=1\"></script>";
        assert_eq!(
            script_sources(page),
            [
                "sveltia-cms.js",
                "w.js",
                "https://cdn.example/a.js",
                "/abs.js",
                "../up.js?v=1"
            ]
        );
        let mut ds = Diagnostics::new();
        let fs = files(&[
            ("admin/index.html", page),
            ("admin/w.js", ""),
            ("up.js", ""),
        ]);
        check(&fs, Path::new("static"), &mut ds);
        assert_eq!(ds.error_count(), 1, "{}", ds.render());
        let shown = ds.render();
        assert!(shown.contains("sveltia-cms.js"), "{shown}");
        assert!(shown.contains("admin/index.html"), "{shown}");

        let mut ds = Diagnostics::new();
        let mut fs = fs;
        fs.insert("admin/sveltia-cms.js".into(), b"x".to_vec().into());
        check(&fs, Path::new("static"), &mut ds);
        assert_eq!(ds.error_count(), 0, "{}", ds.render());
    }
}
