//! Markdown → HTML with content links resolved for the reader's language.

use std::collections::BTreeMap;

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd, html};

use crate::config::RawHtml;
use crate::content::links::{OPTIONS, SAFE_SCHEMES, content_link, safe_address};
use crate::routes;

/// The allow-list sanitiser for HTML written inside Markdown (ammonia): the
/// elements Markdown itself produces plus a few for mixed-direction text
/// (`bdi`, `bdo`, `dir`), and nothing that runs code, loads a frame, styles
/// the page or sends a form.
pub struct Sanitizer(ammonia::Builder<'static>);

impl Default for Sanitizer {
    fn default() -> Self {
        let mut b = ammonia::Builder::default();
        b.add_tags([
            "bdi",
            "bdo",
            "input",
            "mark",
            "figure",
            "figcaption",
            "time",
            "picture",
            "source",
        ])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("source", ["type", "srcset", "sizes"])
        .add_tag_attributes("img", ["loading", "decoding"])
        .add_tag_attributes("time", ["datetime"])
        .add_generic_attributes(["id", "class", "dir"])
        .url_schemes(HashSet::from(SAFE_SCHEMES))
        .link_rel(Some("noopener noreferrer"));
        Sanitizer(b)
    }
}

impl Sanitizer {
    pub fn clean(&self, html: &str) -> String {
        self.0.clean(html).to_string()
    }
}

/// Everything the renderer needs to resolve links.
pub struct LinkContext<'a> {
    /// Language of the page being rendered (links go to this language).
    pub lang: &'a str,
    pub languages: &'a [String],
    /// What to do with raw HTML (site setting `[markdown] raw_html`).
    pub raw_html: RawHtml,
    pub sanitizer: &'a Sanitizer,
    /// The measured images and the content file the body is from (its
    /// images become `<picture>`s); `None`: images stay as written.
    pub images: Option<(&'a crate::media::Images, &'a std::path::Path)>,
    /// Documents the body links to, by the address as written (without
    /// `#fragment`): where they are published and what follows the link.
    pub files: &'a BTreeMap<String, LinkedFile>,
}

/// A document a body links to.
#[derive(Debug, Clone)]
pub struct LinkedFile {
    /// Its published address.
    pub url: String,
    /// Said after the link's text, e.g. " (PDF, 1,2 MB)".
    pub label: String,
}

/// Renders a Markdown body to HTML.
///
/// - Links to content files (`offers/x.md#frag`) become links to that item's
///   page in the reader's language. Validation has already rejected dangling ones.
/// - Raw HTML is sanitised (the default), shown as text, or kept, as the
///   site says. Links and images with unsafe schemes (`javascript:`, `data:`)
///   lose their address and keep only their text, whatever the setting;
///   validation reports them to the editor.
/// - Heading attributes (`{#id .class}`) keep only id and classes: no
///   `onclick=` or `style=` can be written that way.
/// - Headings are shifted so the body's highest one is `<h2>` (the page
///   title is the only `<h1>`) and get ids for deep links, in the text's own script.
pub fn render(md: &str, ctx: &LinkContext) -> String {
    render_noting(md, ctx, None)
}

/// [`render`], and the body's [`plain_text`] from the same parse (a full
/// build's search index takes it as the page is rendered: the body is
/// neither read nor parsed again).
pub fn render_with_text(md: &str, ctx: &LinkContext) -> (String, String) {
    let mut text = String::with_capacity(md.len());
    let html = render_noting(md, ctx, Some(&mut text));
    (html, text)
}

/// [`render`], adding the body's plain text to `text` if given.
fn render_noting(md: &str, ctx: &LinkContext, mut text: Option<&mut String>) -> String {
    let mut pass = Rewriter::new();
    for event in Parser::new_ext(md, OPTIONS) {
        if let Some(text) = text.as_deref_mut() {
            push_plain(text, &event);
        }
        if pass.picture(&event, ctx) {
            continue;
        }
        if !pass.drops(&event) {
            let event = pass.rewrite(event, ctx);
            let ends_link = matches!(event, Event::End(TagEnd::Link));
            pass.push(event);
            // A document's kind and size follow its link.
            if ends_link && let Some(label) = pass.file_labels.pop().flatten() {
                pass.push(Event::Text(label.into()));
            }
        }
    }
    let (top, has_html) = (pass.top, pass.has_html);
    // The body's highest heading becomes <h2>: the page title is the only <h1>.
    let shift = 2usize.saturating_sub(top);
    let events = pass.events.into_iter().map(|e| match e {
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
    // Only bodies that contain HTML pay for the sanitiser.
    if has_html && ctx.raw_html == RawHtml::Sanitize {
        out = ctx.sanitizer.clean(&out);
    }
    out
}

/// The first pass of [`render`] over a body's events: what goes into the
/// page, and what the second pass needs to know about it.
struct Rewriter<'a> {
    events: Vec<Event<'a>>,
    /// Heading ids given so far, with how often each was asked for.
    ids: BTreeMap<String, usize>,
    /// Inside a heading: the index of its start event and its text so far.
    heading_text: Option<(usize, String)>,
    /// The highest heading level (1 for `#`) seen.
    top: usize,
    has_html: bool,
    /// Inside a link or image whose address was dropped: its end is dropped too.
    dropped_link: bool,
    dropped_image: usize,
    /// Inside an image that becomes a `<picture>`: its address, whether it
    /// is decorative, its alt text so far.
    picture: Option<(String, bool, String)>,
    /// For each open link: what follows it if it is a document.
    file_labels: Vec<Option<String>>,
}

impl<'a> Rewriter<'a> {
    fn new() -> Self {
        Rewriter {
            events: Vec::new(),
            ids: BTreeMap::new(),
            heading_text: None,
            top: 6,
            has_html: false,
            dropped_link: false,
            dropped_image: 0,
            file_labels: Vec::new(),
            picture: None,
        }
    }

    /// Takes the events of a measured image: at its end, one `<picture>`
    /// goes into the page (alt text from the image's text, empty when the
    /// image is marked decorative). Whether `event` was taken.
    fn picture(&mut self, event: &Event<'a>, ctx: &LinkContext) -> bool {
        let Some((images, file)) = ctx.images else {
            return false;
        };
        match (event, &mut self.picture) {
            (
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }),
                None,
            ) => {
                if images.get(file, dest_url).is_none() {
                    return false;
                }
                let decorative = crate::media::refs::DECORATIVE_TITLES.contains(&title.trim());
                self.picture = Some((dest_url.to_string(), decorative, String::new()));
                true
            }
            (Event::End(TagEnd::Image), Some(_)) => {
                if let Some((dest, decorative, alt)) = self.picture.take()
                    && let Some(m) = images.get(file, &dest)
                {
                    let alt = if decorative { "" } else { alt.trim() };
                    let html = crate::render::picture::html(
                        m,
                        alt,
                        crate::render::picture::Placement::Below,
                    );
                    self.events.push(Event::InlineHtml(html.into()));
                }
                true
            }
            (Event::Text(t) | Event::Code(t), Some((_, _, alt))) => {
                alt.push_str(t);
                true
            }
            (_, Some(_)) => true,
            _ => false,
        }
    }

    /// Whether `event` starts or ends a link or image with an unsafe address
    /// (such are left out; the text inside them stays).
    fn drops(&mut self, event: &Event) -> bool {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) if !safe_address(dest_url) => {
                self.dropped_link = true;
                true
            }
            Event::End(TagEnd::Link) if self.dropped_link => {
                self.dropped_link = false;
                true
            }
            Event::Start(Tag::Image { dest_url, .. })
                if self.dropped_image > 0 || !safe_address(dest_url) =>
            {
                self.dropped_image += 1;
                true
            }
            Event::End(TagEnd::Image) if self.dropped_image > 0 => {
                self.dropped_image -= 1;
                true
            }
            _ => false,
        }
    }

    /// An event as it goes into the page: content links resolved, tables
    /// without alignment, headings without attributes but with ids, raw
    /// HTML as the site says.
    fn rewrite(&mut self, event: Event<'a>, ctx: &LinkContext) -> Event<'a> {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let file = ctx
                    .files
                    .get(crate::content::media::link_key(&dest_url).as_str());
                self.file_labels.push(file.map(|f| f.label.clone()));
                let dest_url = match file {
                    Some(f) => match dest_url.split_once('#') {
                        Some((_, frag)) => format!("{}#{frag}", f.url).into(),
                        None => f.url.clone().into(),
                    },
                    None => resolve(dest_url, ctx),
                };
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            // Alignment would need inline styles, which the site's
            // Content-Security-Policy forbids.
            Event::Start(Tag::Table(align)) => Event::Start(Tag::Table(vec![
                    pulldown_cmark::Alignment::None;
                    align.len()
                ])),
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: _,
            }) => {
                self.heading_text = Some((self.events.len(), String::new()));
                self.top = self.top.min(level as usize);
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs: Vec::new(),
                })
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((start, text)) = self.heading_text.take()
                    && let Some(Event::Start(Tag::Heading { id, .. })) = self.events.get_mut(start)
                    && id.is_none()
                {
                    *id = Some(unique_id(&text, &mut self.ids).into());
                }
                Event::End(TagEnd::Heading(level))
            }
            Event::Html(s) | Event::InlineHtml(s) => match ctx.raw_html {
                RawHtml::Escape => Event::Text(s),
                RawHtml::Sanitize | RawHtml::Trusted => {
                    self.has_html = true;
                    Event::Html(s)
                }
            },
            other => other,
        }
    }

    /// Keeps `event` (and, inside a heading, its text for the heading's id).
    fn push(&mut self, event: Event<'a>) {
        if let (Some((_, buf)), Event::Text(t) | Event::Code(t)) = (&mut self.heading_text, &event)
        {
            buf.push_str(t);
        }
        self.events.push(event);
    }
}

/// The text of a Markdown body without markup (for the search index).
pub fn plain_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for event in Parser::new_ext(md, OPTIONS) {
        push_plain(&mut out, &event);
    }
    out
}

/// Adds what `event` has of a body's plain text to `out`.
fn push_plain(out: &mut String, event: &Event) {
    match event {
        Event::Text(t) | Event::Code(t) => {
            out.push_str(t);
            out.push(' ');
        }
        Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push(' '),
        _ => {}
    }
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
    let mut id = String::with_capacity(text.len());
    for c in text.chars() {
        // ASCII (most headings of German text) without Unicode's tables.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                id.push(c.to_ascii_lowercase());
            } else if (c.is_whitespace() || c == '-') && !id.is_empty() && !id.ends_with('-') {
                id.push('-');
            }
            continue;
        }
        for c in c.to_lowercase() {
            if c.is_alphanumeric() {
                id.push(c);
            } else if c.is_whitespace() && !id.is_empty() && !id.ends_with('-') {
                id.push('-');
            }
        }
    }
    id.truncate(id.trim_end_matches('-').len());
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

    /// The ASCII path gives the ids the general one gave (the rule as it
    /// was, for every character: to lower case, letters and digits kept,
    /// white space and `-` one `-`).
    #[test]
    fn heading_ids_are_those_of_the_general_rule() {
        fn general(text: &str) -> String {
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
        for text in [
            "Kurse für Frauen",
            "  Wann? Wo?  Wer -- hilft ",
            "Tab\there\u{b}vertical\u{c}feed\r\nline",
            "\u{a0}Geschützt\u{a0}Leerzeichen\u{2003}em",
            "\u{212a}elvin İstanbul ΣΊΣΥΦΟΣ",
            "دورة اللغة – ١٢٣",
            "Курс 2 (B1)",
            "---",
            "",
            "A_B.c/d",
        ] {
            assert_eq!(heading_id(text), general(text), "{text:?}");
        }
    }

    fn r(md: &str, lang: &str, raw_html: RawHtml) -> String {
        let langs = vec!["de".to_string(), "ar".to_string()];
        render(
            md,
            &LinkContext {
                lang,
                languages: &langs,
                raw_html,
                sanitizer: &Sanitizer::default(),
                images: None,
                files: &BTreeMap::new(),
            },
        )
    }

    /// One parse gives the page's HTML and the search index's text: the
    /// same as the two made apart, whatever the body has (links dropped or
    /// resolved, images, raw HTML, headings, tables, code, breaks).
    #[test]
    fn the_text_made_while_rendering_is_the_plain_text() {
        let langs = vec!["de".to_string(), "ar".to_string()];
        for md in [
            "",
            "Text *betont* und `Code`.\nZweite Zeile  \nnach Umbruch.",
            "# Titel\n\n## Titel\n\n- eins\n- [zwei](../offers/x.md)\n\n> Zitat",
            "[böse](javascript:alert(1)) ![Bild](data:x) ![ok](bild.png \"Titel\")",
            "<b>roh</b> <script>x</script>\n\n| a | b |\n|:--|--:|\n| 1 | 2 |",
            "```\ncode\n```\n\n<https://example.org> Ende[^1]\n\n[^1]: Fußnote",
        ] {
            for raw_html in [RawHtml::Escape, RawHtml::Sanitize, RawHtml::Trusted] {
                let ctx = LinkContext {
                    lang: "ar",
                    languages: &langs,
                    raw_html,
                    sanitizer: &Sanitizer::default(),
                    images: None,
                    files: &BTreeMap::new(),
                };
                let (html, text) = render_with_text(md, &ctx);
                assert_eq!(html, render(md, &ctx), "{md:?}");
                assert_eq!(text, plain_text(md), "{md:?}");
            }
        }
        // Not a trivially equal pair: the text has the words, not the markup.
        let (html, text) = render_with_text(
            "Ein [Link](x.md) *hier*",
            &LinkContext {
                lang: "de",
                languages: &langs,
                raw_html: RawHtml::Escape,
                sanitizer: &Sanitizer::default(),
                images: None,
                files: &BTreeMap::new(),
            },
        );
        assert!(
            html.contains("<a href=") && html.contains("<em>hier</em>"),
            "{html}"
        );
        assert_eq!(
            text.split_whitespace().collect::<Vec<_>>(),
            ["Ein", "Link", "hier"]
        );
    }

    #[test]
    fn content_links_go_to_the_readers_language() {
        let html = r(
            "Siehe [Café](offers/sprachcafe.md#termine) und [Web](https://example.org).",
            "ar",
            RawHtml::Sanitize,
        );
        assert!(
            html.contains(r#"href="/ar/offers/sprachcafe/#termine""#),
            "{html}"
        );
        assert!(html.contains(r#"href="https://example.org""#));
    }

    #[test]
    fn headings_get_ids_in_their_own_script() {
        let html = r(
            "# Über uns\n\n## Über uns\n\n## مرحبا بكم\n",
            "de",
            RawHtml::Sanitize,
        );
        assert!(html.contains(r#"<h2 id="über-uns">"#), "{html}");
        assert!(html.contains(r#"<h3 id="über-uns-2">"#), "{html}");
        assert!(html.contains(r#"<h3 id="مرحبا-بكم">"#), "{html}");
        let html = r("## Anmeldung\n\n### Kosten\n", "de", RawHtml::Sanitize);
        assert!(
            html.contains(r#"<h2 id="anmeldung">"#) && html.contains("<h3"),
            "{html}"
        );
    }

    const HOSTILE: &str = "<script>alert(1)</script>\n\n\
        <p onclick=\"alert(2)\" style=\"color:red\">Hallo <b>fett</b></p>\n\n\
        <iframe src=\"https://tracker.example\"></iframe>\n\n\
        <a href=\"javascript:alert(3)\">a</a> <img src=\"data:image/png;base64,AAAA\" onerror=\"alert(4)\">\n\n\
        [b](javascript:alert(5)) <JaVaScRiPt:alert(6)> ![d](data:text/html,x) <vbscript:x>\n\n\
        # Titel {#t onclick=alert(7) style=x}\n\n\
        <span dir=\"ltr\">+49 6132</span>";

    #[test]
    fn raw_html_is_sanitised_by_default() {
        let html = r(HOSTILE, "de", RawHtml::Sanitize);
        for bad in ["<script", "onclick", "onerror", "style=", "<iframe"] {
            assert!(!html.contains(bad), "{bad} survived: {html}");
        }
        for attr in html.split(['"', '\'']).skip(1).step_by(2) {
            assert!(
                safe_address(attr),
                "unsafe address survived: {attr} in {html}"
            );
        }
        assert!(!html.contains("href=\"JaVa") && !html.contains("href=\"vbscript"));
        // What is harmless stays: text, bold, direction, link text, heading id.
        assert!(html.contains("<b>fett</b>"), "{html}");
        assert!(
            html.contains(r#"<span dir="ltr">+49 6132</span>"#),
            "{html}"
        );
        assert!(html.contains("<p>b "), "{html}");
        assert!(html.contains(r#"id="t""#), "{html}");
    }

    #[test]
    fn raw_html_can_be_shown_as_text_or_trusted() {
        let html = r(HOSTILE, "de", RawHtml::Escape);
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<script"), "{html}");
        // Trusted keeps HTML, but unsafe Markdown link schemes still go.
        let html = r(HOSTILE, "de", RawHtml::Trusted);
        assert!(
            html.contains("<b>fett</b>") && html.contains("<iframe"),
            "{html}"
        );
        assert!(
            !html.contains("alert(5)") && !html.contains("alert(7)"),
            "{html}"
        );
    }
}
