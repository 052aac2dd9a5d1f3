//! Sites published below a path (`https://office.github.io/wegweiser/`):
//! pages are rendered with site paths (`/de/offers/x/`), and every address
//! in the HTML that starts at the site's root is prefixed with the base path
//! on the way out, by an HTML rewriter (lol_html) that touches attribute
//! values only — never text, never addresses of other sites.

use lol_html::{RewriteStrSettings, element, rewrite_str};

use crate::routes;

/// The path part of a base URL, without trailing slash (`/wegweiser`), or
/// empty for a site at the root of its host.
pub fn base_path(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    match rest.find('/') {
        Some(i) => rest[i..].trim_end_matches('/').to_string(),
        None => String::new(),
    }
}

/// `path` with the base path before it, if it is a site path (`/…`, not `//…`).
pub fn prefixed(base: &str, path: &str) -> String {
    if path.starts_with('/') && !path.starts_with("//") {
        routes::under(base, path)
    } else {
        path.to_string()
    }
}

/// Prefixes every site path in `href`, `src`, `action`, `poster`, each
/// address of a `srcset` (pictures' variants) and the page's `data-base`
/// marker. Returns the page unchanged if it cannot be parsed.
pub fn rewrite(html: &str, base: &str) -> String {
    if base.is_empty() {
        return html.to_string();
    }
    let fix = |el: &mut lol_html::html_content::Element, attr: &str| {
        if let Some(v) = el.get_attribute(attr) {
            let new = prefixed(base, &v);
            if new != v {
                el.set_attribute(attr, &new)?;
            }
        }
        Ok(())
    };
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("[href]", |el| fix(el, "href")))
        .append_element_content_handler(element!("[src]", |el| fix(el, "src")))
        .append_element_content_handler(element!("form[action]", |el| fix(el, "action")))
        .append_element_content_handler(element!("video[poster]", |el| fix(el, "poster")))
        .append_element_content_handler(element!("[srcset]", |el| {
            if let Some(v) = el.get_attribute("srcset") {
                let new = srcset_prefixed(base, &v);
                if new != v {
                    el.set_attribute("srcset", &new)?;
                }
            }
            Ok(())
        }))
        .append_element_content_handler(element!("html", |el| {
            el.set_attribute("data-base", base)?;
            Ok(())
        }));
    let result = rewrite_str(html, settings);
    result.unwrap_or_else(|_| html.to_string())
}

/// A `srcset` ("/img/a-320.webp 320w, /img/a-640.webp 640w") with each
/// address prefixed.
fn srcset_prefixed(base: &str, srcset: &str) -> String {
    srcset
        .split(',')
        .map(|candidate| {
            let candidate = candidate.trim();
            match candidate.split_once(char::is_whitespace) {
                Some((url, size)) => format!("{} {}", prefixed(base, url), size.trim()),
                None => prefixed(base, candidate),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_and_videos_below_a_base_path() {
        let html = r#"<html><picture><source srcset="/img/a-320.webp 320w, /img/a-640.webp 640w"><img src="/img/a-320.jpg"></picture><video poster="/files/home/p.jpg"></video></html>"#;
        let out = rewrite(html, "/guide");
        assert!(
            out.contains(r#"srcset="/guide/img/a-320.webp 320w, /guide/img/a-640.webp 640w""#),
            "{out}"
        );
        assert!(out.contains(r#"poster="/guide/files/home/p.jpg""#), "{out}");
        assert!(out.contains(r#"src="/guide/img/a-320.jpg""#), "{out}");
    }

    #[test]
    fn base_paths() {
        assert_eq!(base_path("https://x.github.io/wegweiser/"), "/wegweiser");
        assert_eq!(base_path("https://x.github.io/a/b"), "/a/b");
        assert_eq!(base_path("https://integration.example.org"), "");
        assert_eq!(base_path("https://integration.example.org/"), "");
    }

    #[test]
    fn only_site_paths_in_attributes_change() {
        let html = r##"<html lang=de><a href="/de/offers/">/de/ text</a><a href="https://other.org/x">x</a><a href="//cdn.example/x">y</a><a href="#top">z</a><img src="/static/icon.svg"><form action="/de/search/"></form><script src=/static/wegweiser.js></script></html>"##;
        let out = rewrite(html, "/wegweiser");
        assert!(
            out.contains(r#"href="/wegweiser/de/offers/">/de/ text</a>"#),
            "{out}"
        );
        assert!(out.contains(r#"href="https://other.org/x""#));
        assert!(out.contains(r#"href="//cdn.example/x""#));
        assert!(out.contains(r##"href="#top""##));
        assert!(out.contains(r#"src="/wegweiser/static/icon.svg""#));
        assert!(out.contains(r#"action="/wegweiser/de/search/""#));
        assert!(
            out.contains(r#"src="/wegweiser/static/wegweiser.js""#),
            "{out}"
        );
        assert!(out.contains(r#"data-base="/wegweiser""#), "{out}");
    }
}
