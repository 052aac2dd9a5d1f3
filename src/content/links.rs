//! The Markdown rules content is checked against and rendered with: the
//! parser options, which link addresses are safe, what a link to a content
//! file is, and how deeply lists and quotes may nest.

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::Kind;
use super::naming::identify;
use crate::layout::CONTENT_DIR;

/// Markdown extensions editors may use.
pub const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// Address schemes a link may use; everything else (`javascript:`, `data:`,
/// `vbscript:`, `file:` …) is dropped. Addresses without a scheme (site
/// paths, content links, `#anchors`) are fine.
pub const SAFE_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// The scheme of an address, lower-cased, if it has one (`JavaScript:` → `javascript`).
pub fn scheme(dest: &str) -> Option<String> {
    // Browsers ignore ASCII whitespace and control characters inside a scheme.
    let cleaned: String = dest
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take_while(|c| !matches!(c, '/' | '?' | '#'))
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let valid = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Whether a link or image address is safe to put into a page.
pub fn safe_address(dest: &str) -> bool {
    scheme(dest).is_none_or(|s| SAFE_SCHEMES.contains(&s.as_str()))
}

/// What a link in Markdown points to, if it is a link to content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentLink {
    pub kind: Kind,
    pub slug: String,
    pub fragment: Option<String>,
}

/// Reads `offers/sprachcafe.md#termine` as a content link. External
/// addresses, `mailto:`, `tel:`, in-page `#anchors` and site paths are not content links.
pub fn content_link(
    dest: &str,
    languages: &[String],
) -> Option<Result<ContentLink, crate::tool_text::Msg>> {
    if dest.contains("://") || dest.starts_with('#') || dest.contains(':') {
        return None;
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (dest, None),
    };
    if !path.ends_with(".md") {
        return None;
    }
    let path = path.trim_start_matches("./").trim_start_matches('/');
    let path = path
        .strip_prefix(CONTENT_DIR)
        .and_then(|p| p.strip_prefix('/'))
        .unwrap_or(path);
    Some(identify(Path::new(path), languages).map(|id| ContentLink {
        kind: id.kind,
        slug: id.slug,
        fragment,
    }))
}

/// How deeply lists and quotes may nest. Real guides never go past a handful
/// of levels; a limit keeps hostile input from exhausting the stack of every
/// stage that walks the document.
pub const MAX_NESTING: usize = 32;

/// What one pass over a Markdown body finds: every link and image target with
/// its byte range in the file, and where lists or quotes nest too deeply.
/// Done once per file when it is parsed (and cached with it), so re-validating
/// a large site does not re-parse every body.
pub struct BodyScan {
    pub links: Vec<(String, std::ops::Range<usize>)>,
    pub too_deep: Option<std::ops::Range<usize>>,
}

pub fn scan_body(file_text: &str, body: std::ops::Range<usize>) -> BodyScan {
    let text = &file_text[body.clone()];
    let mut links = Vec::new();
    let mut depth = 0usize;
    let at = |r: std::ops::Range<usize>| body.start + r.start..body.start + r.end;
    // Count the nesting before parsing: the parser itself builds its tree
    // recursively for some constructs.
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let markers = line
            .trim_start()
            .split_inclusive(|c: char| c.is_whitespace() || c == '>')
            .take_while(|w| {
                let w = w.trim();
                matches!(w, "-" | "*" | "+" | ">" | "")
                    || w.ends_with('>')
                    || (w.len() > 1
                        && w.ends_with(['.', ')'])
                        && w[..w.len() - 1].bytes().all(|b| b.is_ascii_digit()))
            })
            .count();
        if markers > MAX_NESTING {
            let end = line_start + line.trim_end().len();
            return BodyScan {
                links,
                too_deep: Some(at(line_start..end.min(line_start + 80))),
            };
        }
        line_start += line.len();
    }
    for (event, range) in Parser::new_ext(text, OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                links.push((dest_url.into_string(), at(range)));
            }
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => {
                depth += 1;
                if depth > MAX_NESTING {
                    let end = text[range.start..]
                        .find('\n')
                        .map_or(range.end, |n| range.start + n);
                    return BodyScan {
                        links,
                        too_deep: Some(at(range.start..end)),
                    };
                }
            }
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    BodyScan {
        links,
        too_deep: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_content_links() {
        let l = vec!["de".to_string(), "ar".to_string()];
        assert_eq!(
            content_link("offers/sprachcafe.md#termine", &l),
            Some(Ok(ContentLink {
                kind: Kind::Offer,
                slug: "sprachcafe".into(),
                fragment: Some("termine".into())
            }))
        );
        assert_eq!(content_link("https://example.org/x.md", &l), None);
        assert_eq!(content_link("mailto:a@b.org", &l), None);
        assert_eq!(content_link("#oben", &l), None);
        assert!(matches!(content_link("angebote/x.md", &l), Some(Err(_))));
    }

    #[test]
    fn schemes_are_read_like_browsers_do() {
        assert!(safe_address("https://example.org"));
        assert!(safe_address("offers/a.md#x"));
        assert!(safe_address("/static/flyer.pdf"));
        assert!(safe_address("tel:+4961320"));
        assert!(!safe_address("javascript:alert(1)"));
        assert!(!safe_address(" JAVASCRIPT:alert(1)"));
        assert!(!safe_address("java\nscript:alert(1)"));
        assert!(!safe_address("data:text/html,x"));
        assert!(safe_address("a/b:c"));
    }
}
