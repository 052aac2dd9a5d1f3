//! `sitemap.xml` with per-language alternates, and `robots.txt`.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::render::views::Alternate;
use crate::routes;

/// One URL of the sitemap with its language alternates (including itself).
#[derive(Debug, Clone)]
pub struct SitemapEntry {
    pub loc: String,
    pub alternates: Vec<Alternate>,
}

/// Writes a sitemap in the format search engines read for multilingual sites
/// (`xhtml:link rel="alternate" hreflang`).
pub fn sitemap(entries: &[SitemapEntry]) -> Vec<u8> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    // Writing into a Vec<u8> cannot fail: every `?`-less result is infallible here.
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let _ = w
        .create_element("urlset")
        .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
        .with_attribute(("xmlns:xhtml", "http://www.w3.org/1999/xhtml"))
        .write_inner_content(|w| {
            for e in entries {
                w.create_element("url").write_inner_content(|w| {
                    w.create_element("loc")
                        .write_text_content(BytesText::new(&e.loc))?;
                    for a in &e.alternates {
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
            }],
        }]);
        let s = String::from_utf8(xml).unwrap();
        assert!(s.contains("<loc>https://x.org/de/a&amp;b/</loc>"), "{s}");
        assert!(
            s.contains(r#"<xhtml:link rel="alternate" hreflang="ar" href="https://x.org/ar/a/"/>"#),
            "{s}"
        );
    }
}
