//! Atom feed (RFC 4287) of a language: upcoming events and recently updated offers.
//!
//! quick-xml escapes markup characters but writes control characters as
//! they are, which makes the file invalid XML 1.0; every text and attribute
//! value therefore passes through [`crate::text::strip_controls`] first.

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesStart, BytesText, Event};

use crate::text::strip_controls;

/// Element text as XML 1.0 allows it.
fn text(s: &str) -> BytesText<'_> {
    match strip_controls(s) {
        Cow::Borrowed(b) => BytesText::new(b),
        Cow::Owned(o) => BytesText::from_escaped(quick_xml::escape::escape(o).into_owned()),
    }
}

/// One entry of the feed.
pub struct Entry {
    pub title: String,
    pub url: String,
    /// RFC 3339 timestamp.
    pub updated: String,
    pub summary: Option<String>,
    /// `<category term>`: what kind of item it is (`offers`, `events`, …).
    pub category: Option<String>,
    /// Language of the entry's text if it differs from the feed's (fallback).
    pub lang: Option<String>,
}

/// A feed's own elements; its entries are written apart ([`entry_xml`]).
pub struct Feed<'a> {
    pub title: &'a str,
    /// `xml:lang` of the feed (BCP 47).
    pub lang: &'a str,
    /// Absolute URL of the feed itself and of the site's home in this language.
    pub self_url: &'a str,
    pub home_url: &'a str,
    pub updated: String,
}

/// A writer as the feed uses it: indented by one space per level.
fn writer() -> Writer<Vec<u8>> {
    Writer::new_with_indent(Vec::new(), b' ', 1)
}

/// One entry as it stands in a feed (indented one level, after a line
/// break): written once, its bytes shared by every feed that lists it.
pub fn entry_xml(e: &Entry) -> Vec<u8> {
    let mut w = writer();
    // A scratch parent, so that the entry is indented as inside `<feed>`.
    let _ = w.write_event(Event::Start(BytesStart::new("feed")));
    let start = w.get_ref().len();
    let mut el = w.create_element("entry");
    if let Some(l) = &e.lang {
        el = el.with_attribute(("xml:lang", strip_controls(l).as_ref()));
    }
    // Writing into a Vec<u8> cannot fail.
    let _ = el.write_inner_content(|w| {
        w.create_element("title")
            .write_text_content(text(&e.title))?;
        w.create_element("id").write_text_content(text(&e.url))?;
        w.create_element("link")
            .with_attribute(("href", strip_controls(&e.url).as_ref()))
            .write_empty()?;
        w.create_element("updated")
            .write_text_content(text(&e.updated))?;
        if let Some(s) = &e.summary {
            w.create_element("summary").write_text_content(text(s))?;
        }
        if let Some(c) = &e.category {
            w.create_element("category")
                .with_attribute(("term", strip_controls(c).as_ref()))
                .write_empty()?;
        }
        Ok(())
    });
    w.into_inner().split_off(start)
}

/// The feed with `entries` made by [`entry_xml`], in their order.
pub fn atom(feed: &Feed, entries: &[&[u8]]) -> Vec<u8> {
    let mut w = writer();
    // Writing into a Vec<u8> cannot fail.
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)));
    let _ = w
        .create_element("feed")
        .with_attribute(("xmlns", "http://www.w3.org/2005/Atom"))
        .with_attribute(("xml:lang", strip_controls(feed.lang).as_ref()))
        .write_inner_content(|w| {
            w.create_element("title")
                .write_text_content(text(feed.title))?;
            w.create_element("id")
                .write_text_content(text(feed.self_url))?;
            w.create_element("link")
                .with_attribute(("rel", "self"))
                .with_attribute(("href", strip_controls(feed.self_url).as_ref()))
                .write_empty()?;
            w.create_element("link")
                .with_attribute(("href", strip_controls(feed.home_url).as_ref()))
                .write_empty()?;
            w.create_element("updated")
                .write_text_content(text(&feed.updated))?;
            w.create_element("author").write_inner_content(|w| {
                w.create_element("name")
                    .write_text_content(text(feed.title))?;
                Ok(())
            })?;
            // The writer's indentation is as after `</author>`: `</feed>`
            // goes on a line of its own either way.
            for e in entries {
                w.get_mut().extend_from_slice(e);
            }
            Ok(())
        });
    let mut out = w.into_inner();
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::Reader;

    /// The text content of every `<title>` and `<summary>`, unescaped.
    fn texts(xml: &str) -> Vec<String> {
        let mut r = Reader::from_str(xml);
        let mut out = Vec::new();
        let mut current: Option<String> = None;
        loop {
            match r.read_event().unwrap() {
                Event::Start(e) if matches!(e.name().as_ref(), b"title" | b"summary") => {
                    current = Some(String::new());
                }
                Event::Text(t) => {
                    if let Some(c) = &mut current {
                        c.push_str(&t.decode().unwrap());
                    }
                }
                Event::GeneralRef(g) => {
                    let name = g.decode().unwrap();
                    if let Some(c) = &mut current {
                        c.push_str(quick_xml::escape::resolve_predefined_entity(&name).unwrap());
                    }
                }
                Event::End(_) => out.extend(current.take()),
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    #[test]
    fn control_characters_never_reach_the_xml() {
        let feed = Feed {
            title: "Guide\u{7}\u{1b}[1m & <Co>",
            lang: "de",
            self_url: "https://x.example.org/de/feed.atom",
            home_url: "https://x.example.org/de/",
            updated: "2026-01-01T00:00:00Z".into(),
        };
        let entry = entry_xml(&Entry {
            title: "Abend\u{c}\u{b}\u{85} ]]> \"x\"".into(),
            url: "https://x.example.org/de/events/a/".into(),
            updated: "2026-01-01T00:00:00Z".into(),
            summary: Some("Zeile\u{0}\nzwei\u{ffff}".into()),
            category: Some("events".into()),
            lang: Some("en".into()),
        });
        let xml = String::from_utf8(atom(&feed, &[&entry])).unwrap();
        assert!(!xml.chars().any(crate::text::is_removed), "{xml:?}");
        assert_eq!(
            texts(&xml),
            ["Guide[1m & <Co>", "Abend ]]> \"x\"", "Zeile\nzwei"]
        );
    }
}
