//! Translator exchange in XLIFF 2.0: `wegweiser xliff export` and `import`.
//!
//! One XLIFF file per target language. Each item that is missing or outdated
//! in that language becomes one `<file>` (id: the item path with `:` for `/`,
//! e.g. `offers:sprachcafe`), holding one `<unit>` per translatable field
//! (schema scope Text, e.g. `title`, `summary`) and one per top-level
//! Markdown block of the body (`body-1`, `body-2`, …).
//!
//! **How Markdown is protected.** The text of a block stays Markdown text in
//! `<source>` (emphasis, headings and list markers are text the translator
//! keeps), but everything that must not change is an XLIFF inline code whose
//! original data sits in `<originalData>`: the link syntax around a link's
//! text (`[` … `](offers/beratung.md#termine)`) is a `<pc>` whose
//! `dataRefStart`/`dataRefEnd` hold the brackets and the target, so the link
//! text is translated while the target cannot be broken; inline code,
//! inline HTML, autolinks, footnote references, code blocks and HTML blocks are
//! `<ph>`. CAT tools show these codes as tags to be placed, not as text to be
//! edited; import rebuilds the Markdown from the codes' data, so a target can
//! only move a link, never change where it points.
//!
//! **Fingerprints.** Each `<file>` carries, in the Metadata module
//! (`mda:meta`), the source fingerprint the units were made from
//! (`source_hash`, the same one `wegweiser translate` stamps) and a hash of
//! the translation file as it was at export (`target_hash`, `none` if there
//! was none). Import refuses an item whose source changed since the export
//! and, unless forced, one whose translation file was changed after it.

pub mod export;
pub mod import;

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Parser, Tag};
use sha2::{Digest, Sha256};

use crate::content::links::OPTIONS;

pub const XLIFF_NS: &str = "urn:oasis:names:tc:xliff:document:2.0";
pub const MDA_NS: &str = "urn:oasis:names:tc:xliff:metadata:2.0";
/// `mda:metaGroup` category of Wegweiser's own metadata.
pub const META_CATEGORY: &str = "wegweiser";

/// A piece of a translatable string: text, or an inline code holding
/// Markdown that must come back unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// A standalone code (`<ph>`): inline code, HTML, an autolink, a code block.
    Ph(String),
    /// The opening part of a paired code (`<pc>`): `[` or `![` of a link or image.
    Open(String),
    /// The closing part: `](target)`.
    Close(String),
}

/// The Markdown a list of pieces stands for.
pub fn join(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text(s) | Piece::Ph(s) | Piece::Open(s) | Piece::Close(s) => s.as_str(),
        })
        .collect()
}

/// Whether the pieces hold any text to translate (not just codes and white space).
pub fn has_text(pieces: &[Piece]) -> bool {
    pieces
        .iter()
        .any(|p| matches!(p, Piece::Text(t) if !t.trim().is_empty()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Code {
    Ph,
    Open,
    Close,
}

/// Splits a Markdown body into top-level blocks (and anything between them
/// that is not white space, such as link reference definitions), each as
/// pieces with links, code and HTML protected. Joining each block with
/// [`join`] and the blocks with blank lines gives the body back.
pub fn segment_markdown(body: &str) -> Vec<Vec<Piece>> {
    let (blocks, codes) = scan(body);
    let kept = outermost(codes);
    spans(body, blocks)
        .into_iter()
        .filter(|(s, _)| !s.is_empty())
        .map(|(span, gap)| {
            if gap {
                vec![Piece::Ph(body[span].to_string())]
            } else {
                block_pieces(body, span, &kept)
            }
        })
        .collect()
}

/// An inline code and where it is in the body.
type CodeSpan = (Range<usize>, Code);

/// A link (or image) whose end has not been seen yet.
struct OpenLink {
    /// The range of the whole link.
    whole: Range<usize>,
    /// Where its first child starts.
    first: Option<usize>,
    /// Where its last child ends so far.
    last: usize,
    /// Kept whole (an autolink or email link): its text is not translated.
    atomic: bool,
}

/// The top-level blocks of `body` and its inline codes (possibly nested).
fn scan(body: &str) -> (Vec<Range<usize>>, Vec<CodeSpan>) {
    let mut blocks: Vec<Range<usize>> = Vec::new();
    let mut codes: Vec<CodeSpan> = Vec::new();
    let mut links: Vec<OpenLink> = Vec::new();
    let mut depth = 0usize;
    let mut block_start = 0usize;
    for (ev, range) in Parser::new_ext(body, OPTIONS).into_offset_iter() {
        // Every event inside a link widens the link text's range.
        if !matches!(
            ev,
            Event::End(pulldown_cmark::TagEnd::Link | pulldown_cmark::TagEnd::Image)
        ) && let Some(open) = links.last_mut()
            && open.whole != range
        {
            open.first.get_or_insert(range.start);
            open.last = open.last.max(range.end);
        }
        match &ev {
            Event::Start(tag) => {
                if depth == 0 {
                    block_start = range.start;
                }
                depth += 1;
                match tag {
                    Tag::CodeBlock(_) | Tag::HtmlBlock => codes.push((range.clone(), Code::Ph)),
                    Tag::Link { link_type, .. } | Tag::Image { link_type, .. } => {
                        links.push(OpenLink {
                            whole: range.clone(),
                            first: None,
                            last: range.start,
                            atomic: matches!(link_type, LinkType::Autolink | LinkType::Email),
                        });
                    }
                    _ => {}
                }
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                if matches!(
                    end,
                    pulldown_cmark::TagEnd::Link | pulldown_cmark::TagEnd::Image
                ) && let Some(link) = links.pop()
                {
                    close_link(link, &mut links, &mut codes);
                }
                if depth == 0 {
                    blocks.push(block_start..range.end);
                }
            }
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::Html(_)
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => codes.push((range.clone(), Code::Ph)),
            _ => {
                if depth == 0 {
                    // A leaf at the top level (a rule).
                    blocks.push(range.clone());
                }
            }
        }
    }
    (blocks, codes)
}

/// The codes of a link that ended: a paired code around its text, or one
/// placeholder for the whole link if its text cannot be translated apart.
fn close_link(link: OpenLink, links: &mut [OpenLink], codes: &mut Vec<CodeSpan>) {
    let OpenLink {
        whole,
        first,
        last,
        atomic,
    } = link;
    match first {
        Some(s) if !atomic && s > whole.start && last < whole.end => {
            codes.push((whole.start..s, Code::Open));
            codes.push((last..whole.end, Code::Close));
        }
        _ => codes.push((whole.clone(), Code::Ph)),
    }
    // The link's own range counts for the enclosing link too.
    if let Some(outer) = links.last_mut() {
        outer.first.get_or_insert(whole.start);
        outer.last = outer.last.max(whole.end);
    }
}

/// Only the outermost codes, in order (a code inside a code block is part of it).
fn outermost(mut codes: Vec<CodeSpan>) -> Vec<CodeSpan> {
    codes.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<CodeSpan> = Vec::new();
    let mut cursor = 0usize;
    for (r, c) in codes {
        if r.start >= cursor && !r.is_empty() {
            cursor = r.end;
            kept.push((r, c));
        }
    }
    kept
}

/// Blocks, plus whatever non-blank text lies between them (link
/// reference definitions): that is kept whole, as a code (`true`).
fn spans(body: &str, blocks: Vec<Range<usize>>) -> Vec<(Range<usize>, bool)> {
    let mut spans: Vec<(Range<usize>, bool)> = Vec::new();
    let mut pos = 0usize;
    for b in blocks {
        if b.start > pos && !body[pos..b.start].trim().is_empty() {
            spans.push((trim_range(body, pos..b.start), true));
        }
        // Only the end: an indented code block starts with its indentation.
        let end = b.start + body[b.clone()].trim_end().len();
        let b = b.start..end;
        pos = b.end.max(pos);
        spans.push((b, false));
    }
    if pos < body.len() && !body[pos..].trim().is_empty() {
        spans.push((trim_range(body, pos..body.len()), true));
    }
    spans
}

/// The pieces of one block: its text between the codes that lie in it.
fn block_pieces(body: &str, span: Range<usize>, codes: &[CodeSpan]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut at = span.start;
    for (r, c) in codes
        .iter()
        .filter(|(r, _)| r.start >= span.start && r.end <= span.end)
    {
        if r.start > at {
            pieces.push(Piece::Text(body[at..r.start].to_string()));
        }
        let s = body[r.clone()].to_string();
        pieces.push(match c {
            Code::Ph => Piece::Ph(s),
            Code::Open => Piece::Open(s),
            Code::Close => Piece::Close(s),
        });
        at = r.end;
    }
    if at < span.end {
        pieces.push(Piece::Text(body[at..span.end].to_string()));
    }
    pieces
}

/// `r` without leading and trailing white space (blocks keep their inner line breaks).
fn trim_range(s: &str, r: Range<usize>) -> Range<usize> {
    let t = &s[r.clone()];
    let start = r.start + (t.len() - t.trim_start().len());
    let end = r.end - (t.len() - t.trim_end().len());
    start..end.max(start)
}

/// The body rebuilt from its blocks: separated by blank lines, ending in a newline.
pub fn join_blocks<S: AsRef<str>>(blocks: &[S]) -> String {
    let mut out = blocks
        .iter()
        .map(|b| b.as_ref().trim_end())
        .collect::<Vec<_>>()
        .join("\n\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Hash of a translation file's bytes (12 hex digits), or `none`.
pub fn file_hash(bytes: Option<&[u8]>) -> String {
    match bytes {
        None => "none".to_string(),
        Some(b) => {
            let d = Sha256::digest(b);
            d[..6].iter().map(|b| format!("{b:02x}")).collect()
        }
    }
}

/// XLIFF `id` of an item (an NMTOKEN: no `/`): `offers:sprachcafe`, `_index`.
pub fn file_id(item_path: &str) -> String {
    item_path.replace('/', ":")
}

/// The item path back from a `<file>` id.
pub fn item_path(file_id: &str) -> String {
    file_id.replace(':', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(body: &str) -> Vec<Vec<Piece>> {
        let blocks = segment_markdown(body);
        let joined: Vec<String> = blocks.iter().map(|b| join(b)).collect();
        assert_eq!(
            join_blocks(&joined),
            format!("{}\n", body.trim_end()),
            "{blocks:#?}"
        );
        blocks
    }

    #[test]
    fn links_are_paired_codes_around_their_text() {
        let b = round_trip("Mehr bei der [Beratung](offers/beratung.md#termine).\n");
        assert_eq!(
            b,
            [vec![
                Piece::Text("Mehr bei der ".into()),
                Piece::Open("[".into()),
                Piece::Text("Beratung".into()),
                Piece::Close("](offers/beratung.md#termine)".into()),
                Piece::Text(".".into()),
            ]]
        );
    }

    #[test]
    fn code_html_autolinks_and_code_blocks_are_placeholders() {
        let b = round_trip(
            "## Termine\n\nRufen Sie `0800` an, <br> oder <https://example.org>.\n\n```\ncode\n\nmore\n```\n\n- a *b*\n- [![Bild](/x.png)](https://example.org)\n\n[ref]: https://example.org\n",
        );
        assert_eq!(b.len(), 5, "{b:#?}");
        assert_eq!(b[0], [Piece::Text("## Termine".into())]);
        assert!(b[1].contains(&Piece::Ph("`0800`".into())));
        assert!(b[1].contains(&Piece::Ph("<br>".into())));
        assert!(b[1].contains(&Piece::Ph("<https://example.org>".into())));
        assert_eq!(b[2], [Piece::Ph("```\ncode\n\nmore\n```".into())]);
        assert!(!has_text(&b[2]));
        assert!(b[3].contains(&Piece::Open("[".into())));
        assert!(b[3].contains(&Piece::Open("![".into())));
        assert!(b[3].contains(&Piece::Close("](/x.png)".into())));
        assert_eq!(b[4], [Piece::Ph("[ref]: https://example.org".into())]);
    }
}
