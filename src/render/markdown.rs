//! Markdown → HTML with content links resolved for the reader's language.

use std::collections::BTreeMap;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use crate::content::validate::content_link;
use crate::routes;

/// Markdown extensions editors may use.
pub const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// Everything the renderer needs to resolve links.
pub struct LinkContext<'a> {
    /// Language of the page being rendered (links go to this language).
    pub lang: &'a str,
    pub languages: &'a [String],
}

/// Renders a Markdown body to HTML.
///
/// - Links to content files (`offers/x.md#frag`) become links to that item's
///   page in the reader's language. Validation has already rejected dangling ones.
/// - Raw HTML is shown as text: editors write Markdown, and raw HTML could
///   load third-party content or break the page.
/// - Headings are shifted so the body's highest one is `<h2>` (the page
///   title is the only `<h1>`) and get ids for deep links, in the text's own script.
pub fn render(md: &str, ctx: &LinkContext) -> String {
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut events: Vec<Event> = Vec::new();
    let mut heading_text: Option<(usize, String)> = None;
    let mut top = 6;
    for event in Parser::new_ext(md, OPTIONS) {
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: resolve(dest_url, ctx),
                title,
                id,
            }),
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                heading_text = Some((events.len(), String::new()));
                top = top.min(level as usize);
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                })
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((start, text)) = heading_text.take()
                    && let Some(Event::Start(Tag::Heading { id, .. })) = events.get_mut(start)
                    && id.is_none()
                {
                    *id = Some(unique_id(&text, &mut ids).into());
                }
                Event::End(TagEnd::Heading(level))
            }
            Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
            other => other,
        };
        if let (Some((_, buf)), Event::Text(t) | Event::Code(t)) = (&mut heading_text, &event) {
            buf.push_str(t);
        }
        events.push(event);
    }
    // The body's highest heading becomes <h2>: the page title is the only <h1>.
    let shift = 2usize.saturating_sub(top);
    let events = events.into_iter().map(|e| match e {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: shifted(level, shift),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shifted(level, shift))),
        e => e,
    });
    let mut out = String::with_capacity(md.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

fn resolve<'a>(dest: CowStr<'a>, ctx: &LinkContext) -> CowStr<'a> {
    match content_link(&dest, ctx.languages) {
        Some(Ok(link)) => {
            let mut url = routes::item(ctx.lang, link.kind, &link.slug);
            if let Some(f) = link.fragment {
                url.push('#');
                url.push_str(&f);
            }
            url.into()
        }
        _ => dest,
    }
}

fn shifted(level: HeadingLevel, by: usize) -> HeadingLevel {
    match (level as usize + by).min(6) {
        1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// A fragment id from heading text: lower-case, words joined by `-`, letters
/// of every script kept (HTML ids may hold any non-space character).
pub fn heading_id(text: &str) -> String {
    let mut id = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            id.push(c);
        } else if (c.is_whitespace() || c == '-') && !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "abschnitt".into()
    } else {
        id
    }
}

fn unique_id(text: &str, seen: &mut BTreeMap<String, usize>) -> String {
    let base = heading_id(text);
    let n = seen.entry(base.clone()).or_insert(0);
    *n += 1;
    if *n == 1 { base } else { format!("{base}-{n}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> (Vec<String>,) {
        (vec!["de".to_string(), "ar".to_string()],)
    }

    #[test]
    fn content_links_go_to_the_readers_language() {
        let (langs,) = ctx();
        let html = render(
            "Siehe [Café](offers/sprachcafe.md#termine) und [Web](https://example.org).",
            &LinkContext {
                lang: "ar",
                languages: &langs,
            },
        );
        assert!(
            html.contains(r#"href="/ar/offers/sprachcafe/#termine""#),
            "{html}"
        );
        assert!(html.contains(r#"href="https://example.org""#));
    }

    #[test]
    fn raw_html_is_escaped_and_headings_get_ids() {
        let (langs,) = ctx();
        let html = render(
            "# Über uns\n\n<script src=\"https://x\"></script>\n\n## Über uns\n\n## مرحبا بكم\n",
            &LinkContext {
                lang: "de",
                languages: &langs,
            },
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains(r#"<h2 id="über-uns">"#), "{html}");
        assert!(html.contains(r#"<h3 id="über-uns-2">"#), "{html}");
        assert!(html.contains(r#"<h3 id="مرحبا-بكم">"#), "{html}");
        let html = render(
            "## Anmeldung\n\n### Kosten\n",
            &LinkContext {
                lang: "de",
                languages: &langs,
            },
        );
        assert!(
            html.contains(r#"<h2 id="anmeldung">"#) && html.contains("<h3"),
            "{html}"
        );
    }
}
