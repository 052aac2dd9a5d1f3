//! `sitemap.xml` with per-language alternates, and `robots.txt`.

use std::sync::Arc;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::render::views::Alternate;
use crate::routes;

/// One URL of the sitemap with its language alternates (including itself).
#[derive(Debug, Clone)]
pub struct SitemapEntry {
    pub loc: String,
    /// Shared with the page they were made for (a preview's settling takes
    /// some 50,000 of them at 10,000 offers).
    pub alternates: Arc<[Alternate]>,
}

/// Writes a sitemap in the format search engines read for multilingual sites
/// (`xhtml:link rel="alternate" hreflang`).
pub fn sitemap(entries: &[SitemapEntry]) -> Vec<u8> {
    // Room for the whole file at once (see `sitemap_under`).
    let size: usize = entries
        .iter()
        .map(|e| url_size(e.loc.len(), &e.alternates))
        .sum();
    write_urls(
        Vec::with_capacity(size + 256),
        entries.iter().map(|e| (e.loc.as_str(), &e.alternates[..])),
    )
}

/// [`sitemap`] of pages given by site path (sorted) and alternates, each
/// page's address made as it is written: a full build passes what its page
/// records hold, so the alternates are not copied into entries (at 10,000
/// offers the sitemap has some 50,000 URLs with four alternates each).
pub fn sitemap_under(base_url: &str, pages: &[(&str, &[Alternate])]) -> Vec<u8> {
    // Room for the whole file at once: every URL's and alternate's markup
    // around its addresses (no doubling of a 30 MB buffer as it grows).
    let size: usize = pages
        .iter()
        .map(|(path, alts)| url_size(base_url.len() + path.len(), alts))
        .sum();
    write_urls(
        Vec::with_capacity(size + 256),
        pages
            .iter()
            .map(|(path, alts)| (routes::under(base_url, path), *alts)),
    )
}

/// About the size of one URL's markup: its address (`loc` bytes) and
/// alternates, with the markup around them.
fn url_size(loc: usize, alternates: &[Alternate]) -> usize {
    let links: usize = alternates
        .iter()
        .map(|a| a.hreflang.len() + a.href.len() + 64)
        .sum();
    loc + 48 + links
}

/// The sitemap's XML of `urls` (address, alternates) into `out`.
fn write_urls<'a, L: AsRef<str>>(
    out: Vec<u8>,
    urls: impl Iterator<Item = (L, &'a [Alternate])>,
) -> Vec<u8> {
    let mut w = Writer::new_with_indent(out, b' ', 1);
    // Writing into a Vec<u8> cannot fail: every `?`-less result is infallible here.
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let _ = w
        .create_element("urlset")
        .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
        .with_attribute(("xmlns:xhtml", "http://www.w3.org/1999/xhtml"))
        .write_inner_content(|w| {
            for (loc, alternates) in urls {
                w.create_element("url").write_inner_content(|w| {
                    w.create_element("loc")
                        .write_text_content(BytesText::new(loc.as_ref()))?;
                    for a in alternates {
                        w.create_element("xhtml:link")
                            .with_attribute(("rel", "alternate"))
                            .with_attribute(("hreflang", a.hreflang.as_str()))
                            .with_attribute(("href", a.href.as_str()))
                            .write_empty()?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        });
    let mut out = w.into_inner();
    out.push(b'\n');
    out
}

pub fn robots(base_url: &str) -> Vec<u8> {
    let sitemap = routes::under(base_url, routes::SITEMAP);
    format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_lists_alternates() {
        let xml = sitemap(&[SitemapEntry {
            loc: "https://x.org/de/a&b/".into(),
            alternates: vec![Alternate {
                hreflang: "ar".into(),
                href: "https://x.org/ar/a/".into(),
            }]
            .into(),
        }]);
        let s = String::from_utf8(xml).unwrap();
        assert!(s.contains("<loc>https://x.org/de/a&amp;b/</loc>"), "{s}");
        assert!(
            s.contains(r#"<xhtml:link rel="alternate" hreflang="ar" href="https://x.org/ar/a/"/>"#),
            "{s}"
        );
    }

    #[test]
    fn pages_by_path_make_the_sitemap_of_their_entries() {
        let alts = |lang: &str, page: &str| {
            vec![Alternate {
                hreflang: lang.into(),
                href: format!("https://x.org/{lang}/{page}/"),
            }]
        };
        let (a, b) = (alts("de", "a"), alts("uk", "b&c"));
        let by_path = sitemap_under("https://x.org", &[("/de/a/", &a), ("/uk/b&c/", &b)]);
        let entries = [
            SitemapEntry {
                loc: "https://x.org/de/a/".into(),
                alternates: a.clone().into(),
            },
            SitemapEntry {
                loc: "https://x.org/uk/b&c/".into(),
                alternates: b.clone().into(),
            },
        ];
        assert_eq!(
            String::from_utf8(by_path).unwrap(),
            String::from_utf8(sitemap(&entries)).unwrap()
        );
    }
}
