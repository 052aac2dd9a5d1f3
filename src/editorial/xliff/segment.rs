//! Markdown into what a translator sees: blocks of segments with no
//! Markdown syntax in their text.
//!
//! A body splits into top-level blocks (one XLIFF unit each). Inside a
//! block, every run of inline text (a paragraph, a heading's text, a list
//! item's text, a table cell) is one segment; the Markdown around the runs
//! (`## `, `- `, `> `, table pipes, line breaks between list items) is
//! syntax the translator never sees (an `<ignorable>`). Inside a segment,
//! links, emphasis, inline code, HTML and hard breaks are inline codes, and
//! a soft line break is a space ([`Piece::Break`]).

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};

use super::Piece;
use crate::content::links::OPTIONS;

/// A part of a unit: Markdown syntax kept out of the text, or a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Syntax(String),
    Segment(Vec<Piece>),
}

/// What a top-level block is, for the note that tells the translator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
    List,
    Quote,
    Table,
    /// Code, HTML, a rule, link reference definitions: nothing to translate.
    Kept,
}

impl BlockKind {
    /// The note on the unit (English, as XLIFF tools' own text is).
    pub fn note(self) -> String {
        match self {
            BlockKind::Paragraph => "paragraph".to_string(),
            BlockKind::Heading(l) => format!("heading, level {l}"),
            BlockKind::List => "list: one segment per list item".to_string(),
            BlockKind::Quote => "quotation".to_string(),
            BlockKind::Table => "table: one segment per cell".to_string(),
            BlockKind::Kept => "code or markup: nothing to translate".to_string(),
        }
    }
}

/// One top-level block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub parts: Vec<Part>,
}

impl Block {
    /// The block's Markdown exactly as written.
    pub fn markdown(&self) -> String {
        self.parts
            .iter()
            .map(|p| match p {
                Part::Syntax(s) => s.clone(),
                Part::Segment(pieces) => super::join(pieces),
            })
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Code {
    Ph,
    Open,
    Close,
    Break,
}

/// An inline code and where it is in the body.
type CodeSpan = (Range<usize>, Code);

/// A link, image or emphasis whose end has not been seen yet.
struct OpenPair {
    /// The range of the whole element.
    whole: Range<usize>,
    /// Where its first child starts.
    first: Option<usize>,
    /// Where its last child ends so far.
    last: usize,
    /// Kept whole (an autolink or email link): its text is not translated.
    atomic: bool,
}

/// A top-level block as scanned: its range, kind and runs of inline text.
struct Scanned {
    range: Range<usize>,
    kind: BlockKind,
    runs: Vec<Range<usize>>,
}

/// Splits a Markdown body into top-level blocks (and anything between them
/// that is not white space, such as link reference definitions, as a kept
/// block). Joining the blocks' [`Block::markdown`] with blank lines gives
/// the body back.
pub fn blocks(body: &str) -> Vec<Block> {
    let (scanned, codes) = scan(body);
    let kept = outermost(codes);
    spans(body, scanned)
        .into_iter()
        .filter(|b| !b.range.is_empty())
        .map(|b| {
            let mut parts = Vec::new();
            let mut at = b.range.start;
            let end = b.range.end;
            for run in b.runs.iter().filter(|r| r.end <= end) {
                if run.start < at {
                    continue;
                }
                if run.start > at {
                    parts.push(Part::Syntax(body[at..run.start].to_string()));
                }
                parts.push(Part::Segment(pieces(body, run.clone(), &kept)));
                at = run.end;
            }
            if parts.is_empty() {
                // A unit needs a segment: the whole block as one code.
                return Block {
                    kind: BlockKind::Kept,
                    parts: vec![Part::Segment(vec![Piece::Ph(body[b.range].to_string())])],
                };
            }
            if at < b.range.end {
                parts.push(Part::Syntax(body[at..b.range.end].to_string()));
            }
            Block {
                kind: b.kind,
                parts,
            }
        })
        .collect()
}

fn kind_of(tag: &Tag) -> BlockKind {
    match tag {
        Tag::Paragraph => BlockKind::Paragraph,
        Tag::Heading { level, .. } => BlockKind::Heading(*level as u8),
        Tag::List(_) => BlockKind::List,
        Tag::BlockQuote(_) => BlockKind::Quote,
        Tag::Table(_) => BlockKind::Table,
        _ => BlockKind::Kept,
    }
}

/// Whether an event belongs to running text (not to block structure).
fn is_inline(ev: &Event) -> bool {
    match ev {
        Event::Start(t) => matches!(
            t,
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
        ),
        Event::End(t) => matches!(
            t,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::InlineMath(_)
        | Event::SoftBreak
        | Event::HardBreak => true,
        _ => false,
    }
}

/// What [`scan`] keeps between events.
#[derive(Default)]
struct ScanState {
    blocks: Vec<Scanned>,
    codes: Vec<CodeSpan>,
    pairs: Vec<OpenPair>,
    depth: usize,
    /// The run of inline text being read.
    run: Option<Range<usize>>,
    /// Where a soft break started whose end is the next inline event.
    soft: Option<usize>,
    /// Inside a code or HTML block: its text is not running text.
    verbatim: bool,
}

impl ScanState {
    fn flush(&mut self) {
        if let (Some(run), Some(b)) = (self.run.take(), self.blocks.last_mut()) {
            b.runs.push(run);
        }
    }

    fn inline(&mut self, ev: &Event, range: &Range<usize>) {
        if let Some(s) = self.soft.take() {
            self.codes.push((s..range.start, Code::Break));
        }
        let run = self.run.get_or_insert(range.clone());
        run.start = run.start.min(range.start);
        run.end = run.end.max(range.end);
        match ev {
            Event::SoftBreak => self.soft = Some(range.start),
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::HardBreak => self.codes.push((range.clone(), Code::Ph)),
            Event::Start(tag) => self.pairs.push(OpenPair {
                whole: range.clone(),
                first: None,
                last: range.start,
                atomic: matches!(
                    tag,
                    Tag::Link {
                        link_type: LinkType::Autolink | LinkType::Email,
                        ..
                    }
                ),
            }),
            Event::End(_) => {
                if let Some(pair) = self.pairs.pop() {
                    close_pair(pair, &mut self.pairs, &mut self.codes);
                }
            }
            _ => {}
        }
    }
}

/// The top-level blocks of `body` and its inline codes (possibly nested).
fn scan(body: &str) -> (Vec<Scanned>, Vec<CodeSpan>) {
    let mut st = ScanState::default();
    for (ev, range) in Parser::new_ext(body, OPTIONS).into_offset_iter() {
        // Every event inside a pair widens the pair's inner range.
        if !matches!(ev, Event::End(_) if is_inline(&ev))
            && let Some(open) = st.pairs.last_mut()
            && open.whole != range
        {
            open.first.get_or_insert(range.start);
            open.last = open.last.max(range.end);
        }
        if is_inline(&ev) {
            if !st.verbatim {
                st.inline(&ev, &range);
            }
            continue;
        }
        st.flush();
        match &ev {
            Event::Start(tag) => {
                if st.depth == 0 {
                    st.blocks.push(Scanned {
                        range: range.clone(),
                        kind: kind_of(tag),
                        runs: Vec::new(),
                    });
                }
                st.depth += 1;
                if matches!(tag, Tag::CodeBlock(_) | Tag::HtmlBlock) {
                    st.codes.push((range.clone(), Code::Ph));
                    st.verbatim = true;
                }
            }
            Event::End(end) => {
                st.depth = st.depth.saturating_sub(1);
                if matches!(end, TagEnd::CodeBlock | TagEnd::HtmlBlock) {
                    st.verbatim = false;
                }
            }
            Event::Html(_) | Event::DisplayMath(_) => st.codes.push((range.clone(), Code::Ph)),
            _ if st.depth == 0 => st.blocks.push(Scanned {
                // A leaf at the top level (a rule).
                range: range.clone(),
                kind: BlockKind::Kept,
                runs: Vec::new(),
            }),
            _ => {}
        }
    }
    st.flush();
    (st.blocks, st.codes)
}

/// The codes of a pair that ended: a paired code around its text, or one
/// placeholder for the whole if its text cannot be translated apart.
fn close_pair(pair: OpenPair, pairs: &mut [OpenPair], codes: &mut Vec<CodeSpan>) {
    let OpenPair {
        whole,
        first,
        last,
        atomic,
    } = pair;
    match first {
        Some(s) if !atomic && s > whole.start && last < whole.end => {
            codes.push((whole.start..s, Code::Open));
            codes.push((last..whole.end, Code::Close));
        }
        _ => codes.push((whole.clone(), Code::Ph)),
    }
    // The pair's own range counts for the enclosing pair too.
    if let Some(outer) = pairs.last_mut() {
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

/// Blocks (ending where their text ends), plus whatever non-blank text lies
/// between them (link reference definitions) as kept blocks.
fn spans(body: &str, blocks: Vec<Scanned>) -> Vec<Scanned> {
    let mut out: Vec<Scanned> = Vec::new();
    let mut pos = 0usize;
    let kept = |range| Scanned {
        range,
        kind: BlockKind::Kept,
        runs: Vec::new(),
    };
    for mut b in blocks {
        if b.range.start > pos && !body[pos..b.range.start].trim().is_empty() {
            out.push(kept(trim_range(body, pos..b.range.start)));
        }
        // Only the end: an indented code block starts with its indentation.
        b.range.end = b.range.start + body[b.range.clone()].trim_end().len();
        pos = b.range.end.max(pos);
        out.push(b);
    }
    if pos < body.len() && !body[pos..].trim().is_empty() {
        out.push(kept(trim_range(body, pos..body.len())));
    }
    out
}

/// The pieces of one run: its text between the codes that lie in it.
fn pieces(body: &str, span: Range<usize>, codes: &[CodeSpan]) -> Vec<Piece> {
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
            Code::Break => Piece::Break(s),
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
