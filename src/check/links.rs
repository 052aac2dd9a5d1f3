//! Links in content checked against the built site: `#anchors`, files and
//! images that must exist, and resources that would load from a third party.

use crate::content::media::link_key;
use std::collections::BTreeMap;

use percent_encoding::percent_decode_str;

use crate::content::links::{content_link, scheme};
use crate::content::{Item, Site, Text};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::OutputFiles;
use crate::routes;

/// The `id`s of an HTML page (quoted or, as minified pages have them, not),
/// with the name of the element that has each.
pub fn ids_of(html: &str) -> BTreeMap<String, String> {
    let mut ids = BTreeMap::new();
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(pos) = html[from..].find("id=") {
        let at = from + pos;
        from = at + 3;
        // Only a whole attribute name: `id=`, not `data-id=` or `grid=`.
        if at == 0 || !bytes[at - 1].is_ascii_whitespace() {
            continue;
        }
        let rest = &html[from..];
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
            _ => rest
                .split(|c: char| c.is_ascii_whitespace() || c == '>')
                .next()
                .unwrap_or(""),
        };
        let tag = html[..at]
            .rfind('<')
            .map(|lt| {
                html[lt + 1..at]
                    .split(|c: char| c.is_ascii_whitespace())
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase()
            })
            .unwrap_or_default();
        ids.insert(html_unescape(value), tag);
    }
    ids
}

fn html_unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The output file a site path names, if there is one.
fn output_file<'a>(files: &'a OutputFiles, path: &str) -> Option<(&'a str, &'a [u8])> {
    let path = percent_decode_str(path).decode_utf8_lossy();
    let path = path.trim_start_matches('/');
    let candidates = if path.is_empty() || path.ends_with('/') {
        vec![routes::file_for(path)]
    } else {
        vec![path.to_string(), routes::index_file_of(path)]
    };
    candidates
        .into_iter()
        .find_map(|c| files.get_key_value(c.as_str()))
        .map(|(k, v)| (k.as_str(), &v[..]))
}

/// Where a text's page is: its item's page in the text's own language.
fn page_of(item: &Item, text: &Text) -> String {
    match item.kind {
        crate::content::Kind::Home => routes::home(&text.lang),
        k => routes::item(&text.lang, k, &item.slug),
    }
}

pub fn check(site: &Site, files: &OutputFiles, ds: &mut Diagnostics) {
    let langs = site.config.language_keys();
    for item in std::iter::once(&site.home).chain(site.items.values()) {
        for text in item.texts.values() {
            let here = page_of(item, text);
            for (dest, span) in text.links.iter() {
                // A document the item publishes (content::media): its link
                // goes to the published copy, which must be in the output.
                if let Some(f) = item.media.linked.get(&link_key(dest)) {
                    let url = routes::media_file(item.kind, &item.slug, &f.name);
                    if output_file(files, &url).is_none() {
                        ds.push(
                            Diagnostic::error("link-not-in-site")
                                .arg("dest", dest.to_string())
                                .arg("url", url)
                                .at(&text.file, span.clone())
                                .label("label-missing-file"),
                        );
                    }
                    continue;
                }
                let link = LinkAt {
                    text,
                    dest,
                    span: span.clone(),
                    is_image: text.file.text[span.start..].starts_with('!'),
                };
                if let Some((target, Some(fragment))) = link_target(&link, &here, &langs, files, ds)
                {
                    check_anchor(&link, &target, &fragment, files, ds);
                }
            }
        }
    }
}

/// A link as written in a text.
struct LinkAt<'a> {
    text: &'a Text,
    dest: &'a str,
    span: std::ops::Range<usize>,
    is_image: bool,
}

/// The site path a link on the page `here` goes to and its fragment; `None`
/// for links that leave the site (a warning for third-party images), links
/// that are build errors already and files that do not exist (an error).
fn link_target(
    link: &LinkAt,
    here: &str,
    langs: &[String],
    files: &OutputFiles,
    ds: &mut Diagnostics,
) -> Option<(String, Option<String>)> {
    let (text, dest) = (link.text, link.dest);
    if let Some(s) = scheme(dest) {
        if link.is_image && (s == "http" || s == "https") {
            ds.push(Diagnostic::warning("image-third-party").at(&text.file, link.span.clone()));
        }
        return None;
    }
    match content_link(dest, langs) {
        Some(Ok(link)) => {
            let url = match link.kind {
                crate::content::Kind::Home => routes::home(&text.lang),
                k => routes::item(&text.lang, k, &link.slug),
            };
            Some((url, link.fragment))
        }
        // Invalid content links are build errors already.
        Some(Err(_)) => None,
        None => {
            let (path, fragment) = match dest.split_once('#') {
                Some((p, f)) => (p, Some(f.to_string())),
                None => (dest, None),
            };
            let path = path.split('?').next().unwrap_or("");
            if path.is_empty() {
                return Some((here.to_string(), fragment));
            }
            let url = routes::resolve(here, path);
            if output_file(files, &url).is_none() {
                ds.push(
                    Diagnostic::error("link-not-in-site")
                        .arg("dest", dest.to_string())
                        .arg("url", url.clone())
                        .at(&text.file, link.span.clone())
                        .label(if link.is_image {
                            "label-missing-image"
                        } else {
                            "label-missing-file"
                        }),
                );
                return None;
            }
            Some((url, fragment))
        }
    }
}

/// An error if the page `target` (when it is one of the site's pages) has
/// no element with the id `fragment` (percent-encoded as written).
fn check_anchor(
    link: &LinkAt,
    target: &str,
    fragment: &str,
    files: &OutputFiles,
    ds: &mut Diagnostics,
) {
    let fragment = percent_decode_str(fragment)
        .decode_utf8_lossy()
        .into_owned();
    if fragment.is_empty() {
        return;
    }
    let Some(ids) = output_file(files, target).map(|(_, b)| ids_of(&String::from_utf8_lossy(b)))
    else {
        return;
    };
    if ids.contains_key(&fragment) {
        return;
    }
    // Suggest headings (what editors link to), not form fields.
    let headings: Vec<&str> = ids
        .iter()
        .filter(|(_, tag)| {
            matches!(
                tag.as_str(),
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "section"
            )
        })
        .map(|(id, _)| id.as_str())
        .collect();
    ds.push(
        Diagnostic::error("anchor-missing")
            .arg("fragment", fragment.to_string())
            .arg("target", target.to_string())
            .at(&link.text.file, link.span.clone())
            .help(crate::tool_text::Msg::new("anchor-link-heading").arg(
                "suggestion",
                crate::toml_input::suggest(&fragment, headings.iter().copied(), "what-anchors"),
            )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::resolve;

    #[test]
    fn ids_quoted_and_bare() {
        let ids = ids_of(r#"<h2 id="über-uns">x</h2><div id=main><p data-id=x grid=y id='a b'>"#);
        let pairs: Vec<(&str, &str)> = ids.iter().map(|(i, t)| (i.as_str(), t.as_str())).collect();
        assert_eq!(
            pairs,
            vec![("a b", "p"), ("main", "div"), ("über-uns", "h2")]
        );
    }

    #[test]
    fn relative_links_resolve_against_the_page() {
        assert_eq!(
            resolve("/de/offers/a/", "flyer.pdf"),
            "/de/offers/a/flyer.pdf"
        );
        assert_eq!(resolve("/de/offers/a/", "../b/"), "/de/offers/b/");
        assert_eq!(resolve("/de/offers/a/", "/flyer.pdf"), "/flyer.pdf");
    }
}
