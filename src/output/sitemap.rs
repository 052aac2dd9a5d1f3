//! `sitemap.xml` with per-language alternates, and `robots.txt`.

use std::sync::Arc;

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
    write_urls(entries, |e| (e.loc.as_str().into(), &e.alternates[..]))
}

/// [`sitemap`] of pages given by site path (sorted) and alternates, each
/// page's address made as it is written: a full build passes what its page
/// records hold, so the alternates are not copied into entries (at 10,000
/// offers the sitemap has some 50,000 URLs with four alternates each).
pub fn sitemap_under(base_url: &str, pages: &[(&str, &[Alternate])]) -> Vec<u8> {
    write_urls(pages, |(path, alts)| {
        (routes::under(base_url, path).into(), *alts)
    })
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

/// The start of the sitemap, up to its first URL.
const HEAD: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8"?>"#,
    "\n",
    r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"#
);

/// The sitemap's XML of `urls`, each made an address and its alternates by
/// `url`: the bytes quick-xml writes with an indent of one space (the test
/// below compares them), written here in parallel slices of URLs, each
/// URL's markup at once. (Through quick-xml's element writer, one after
/// another, the 50,000 URLs of 10,000 offers took 70 ms.)
fn write_urls<'a, T: Sync>(
    urls: &'a [T],
    url: impl Fn(&'a T) -> (std::borrow::Cow<'a, str>, &'a [Alternate]) + Sync,
) -> Vec<u8> {
    use quick_xml::escape::escape;
    use rayon::prelude::*;
    let slices: Vec<Vec<u8>> = urls
        .par_chunks(2048)
        .map(|slice| {
            let mut out = Vec::new();
            for t in slice {
                let (loc, alternates) = url(t);
                out.reserve(url_size(loc.len(), alternates));
                out.extend_from_slice(b"\n <url>\n  <loc>");
                out.extend_from_slice(escape(&*loc).as_bytes());
                out.extend_from_slice(b"</loc>");
                for a in alternates {
                    out.extend_from_slice(
                        br#"
  <xhtml:link rel="alternate" hreflang=""#,
                    );
                    out.extend_from_slice(escape(a.hreflang.as_str()).as_bytes());
                    out.extend_from_slice(br#"" href=""#);
                    out.extend_from_slice(escape(a.href.as_str()).as_bytes());
                    out.extend_from_slice(br#""/>"#);
                }
                out.extend_from_slice(b"\n </url>");
            }
            out
        })
        .collect();
    let size: usize = slices.iter().map(Vec::len).sum();
    let mut out = Vec::with_capacity(HEAD.len() + size + 12);
    out.extend_from_slice(HEAD.as_bytes());
    for s in slices {
        out.extend_from_slice(&s);
    }
    out.extend_from_slice(b"\n</urlset>\n");
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

    /// The sitemap as quick-xml's element writer writes it (with an
    /// indent of one space): what `write_urls` writes by hand.
    fn by_quick_xml(entries: &[SitemapEntry]) -> Vec<u8> {
        use quick_xml::Writer;
        use quick_xml::events::{BytesDecl, BytesText, Event};
        let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
            .unwrap();
        w.create_element("urlset")
            .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
            .with_attribute(("xmlns:xhtml", "http://www.w3.org/1999/xhtml"))
            .write_inner_content(|w| {
                for e in entries {
                    w.create_element("url").write_inner_content(|w| {
                        w.create_element("loc")
                            .write_text_content(BytesText::new(&e.loc))?;
                        for a in e.alternates.iter() {
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
            })
            .unwrap();
        let mut out = w.into_inner();
        out.push(b'\n');
        out
    }

    #[test]
    fn the_sitemap_is_what_quick_xml_writes() {
        let entry = |loc: &str, alts: &[(&str, &str)]| SitemapEntry {
            loc: loc.into(),
            alternates: alts
                .iter()
                .map(|(h, u)| Alternate {
                    hreflang: (*h).into(),
                    href: (*u).into(),
                })
                .collect::<Vec<_>>()
                .into(),
        };
        let many: Vec<SitemapEntry> = (0..5000)
            .map(|n| {
                entry(
                    &format!("https://x.org/de/{n}/"),
                    &[
                        ("de", "https://x.org/de/a/"),
                        ("x-default", "https://x.org/"),
                    ],
                )
            })
            .collect();
        let cases: [Vec<SitemapEntry>; 4] = [
            vec![],
            vec![entry("https://x.org/", &[])],
            vec![
                entry(
                    "https://x.org/a&b/'\"<>/",
                    &[("d\"e", "https://x.org/?a=1&b='2'<>")],
                ),
                entry("https://x.org/ü/", &[("uk", "https://x.org/uk/ї/")]),
            ],
            many,
        ];
        for entries in &cases {
            assert_eq!(
                String::from_utf8(sitemap(entries)).unwrap(),
                String::from_utf8(by_quick_xml(entries)).unwrap()
            );
        }
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
