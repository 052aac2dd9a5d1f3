//! Atom feed (RFC 4287) of a language: upcoming events and recently updated offers.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

/// One entry of the feed.
pub struct Entry {
    pub title: String,
    pub url: String,
    /// RFC 3339 timestamp.
    pub updated: String,
    pub summary: Option<String>,
    /// Language of the entry's text if it differs from the feed's (fallback).
    pub lang: Option<String>,
}

pub struct Feed<'a> {
    pub title: &'a str,
    /// `xml:lang` of the feed (BCP 47).
    pub lang: &'a str,
    /// Absolute URL of the feed itself and of the site's home in this language.
    pub self_url: &'a str,
    pub home_url: &'a str,
    pub updated: String,
    pub entries: Vec<Entry>,
}

pub fn atom(feed: &Feed) -> Vec<u8> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    // Writing into a Vec<u8> cannot fail.
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)));
    let _ = w
        .create_element("feed")
        .with_attribute(("xmlns", "http://www.w3.org/2005/Atom"))
        .with_attribute(("xml:lang", feed.lang))
        .write_inner_content(|w| {
            w.create_element("title")
                .write_text_content(BytesText::new(feed.title))?;
            w.create_element("id")
                .write_text_content(BytesText::new(feed.self_url))?;
            w.create_element("link")
                .with_attribute(("rel", "self"))
                .with_attribute(("href", feed.self_url))
                .write_empty()?;
            w.create_element("link")
                .with_attribute(("href", feed.home_url))
                .write_empty()?;
            w.create_element("updated")
                .write_text_content(BytesText::new(&feed.updated))?;
            w.create_element("author").write_inner_content(|w| {
                w.create_element("name")
                    .write_text_content(BytesText::new(feed.title))?;
                Ok(())
            })?;
            for e in &feed.entries {
                let mut el = w.create_element("entry");
                if let Some(l) = &e.lang {
                    el = el.with_attribute(("xml:lang", l.as_str()));
                }
                el.write_inner_content(|w| {
                    w.create_element("title")
                        .write_text_content(BytesText::new(&e.title))?;
                    w.create_element("id")
                        .write_text_content(BytesText::new(&e.url))?;
                    w.create_element("link")
                        .with_attribute(("href", e.url.as_str()))
                        .write_empty()?;
                    w.create_element("updated")
                        .write_text_content(BytesText::new(&e.updated))?;
                    if let Some(s) = &e.summary {
                        w.create_element("summary")
                            .write_text_content(BytesText::new(s))?;
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
