//! Translator exchange in XLIFF 2.0: `wegweiser xliff export` and `import`.
//!
//! One XLIFF file per target language. Each item that is missing or outdated
//! in that language becomes one `<file>` (id: the item path with `:` for `/`,
//! e.g. `offers:sprachcafe`), holding one `<unit>` per translatable field
//! (schema scope Text, e.g. `title`, `summary`), one per reason of a
//! location's `closed` periods (`closed-1` for the first period; import
//! writes them back as the translation's `closed = [{ reason = … }, …]`) and
//! one per top-level Markdown block of the body (`body-1`, `body-2`, …).
//!
//! **No Markdown in the text.** A block's Markdown structure is not text to
//! translate ([`segment`]): each paragraph, heading text, list item or table
//! cell is its own `<segment>`, and the syntax around them (`## `, `- `,
//! `> `, table pipes, the line breaks between items) is an `<ignorable>` the
//! translator does not see; a note on the unit says what the block is
//! ("heading, level 2", "list: one segment per list item"). Inside a
//! segment everything that is markup is an XLIFF inline code whose original
//! data sits in `<originalData>`: links and emphasis are `<pc>` around their
//! text (`dataRefStart`/`dataRefEnd` hold `[` and `](offers/beratung.md)`,
//! or `**` and `**`), so the text is translated while a link target cannot
//! be broken; inline code, inline HTML, hard line breaks, autolinks,
//! footnote references, code blocks and HTML blocks are `<ph>`. A soft line
//! break inside a paragraph is a space. Import rebuilds the Markdown from
//! the codes' data and the ignorables; a unit whose target is its source
//! unchanged gets the German block back byte for byte.
//!
//! **Fingerprints.** Each `<file>` carries, in the Metadata module
//! (`mda:meta`), the source fingerprint the units were made from
//! (`source_hash`, the same one `wegweiser translate` stamps) and a hash of
//! the translation file as it was at export (`target_hash`, `none` if there
//! was none). Import refuses an item whose source changed since the export
//! and, unless forced, one whose translation file was changed after it.

pub mod export;
pub mod import;
pub mod segment;

use sha2::{Digest, Sha256};

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
    /// A soft line break inside a paragraph (the line break and the next
    /// line's indentation or quote marker): a space in the segment.
    Break(String),
}

/// The Markdown a list of pieces stands for.
pub fn join(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text(s) | Piece::Ph(s) | Piece::Open(s) | Piece::Close(s) | Piece::Break(s) => {
                s.as_str()
            }
        })
        .collect()
}

/// Whether the pieces hold any text to translate (not just codes and white space).
pub fn has_text(pieces: &[Piece]) -> bool {
    pieces
        .iter()
        .any(|p| matches!(p, Piece::Text(t) if !t.trim().is_empty()))
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
    use super::segment::{Block, BlockKind, Part, blocks};
    use super::*;

    fn round_trip(body: &str) -> Vec<Block> {
        let b = blocks(body);
        let joined: Vec<String> = b.iter().map(Block::markdown).collect();
        assert_eq!(
            join_blocks(&joined),
            format!("{}\n", body.trim_end()),
            "{b:#?}"
        );
        b
    }

    /// The segments of a block, each as its pieces.
    fn segments(b: &Block) -> Vec<&Vec<Piece>> {
        b.parts
            .iter()
            .filter_map(|p| match p {
                Part::Segment(s) => Some(s),
                Part::Syntax(_) => None,
            })
            .collect()
    }

    /// The text a translator sees in each segment, codes as `{…}`.
    fn seen(b: &Block) -> Vec<String> {
        segments(b)
            .into_iter()
            .map(|s| {
                s.iter()
                    .map(|p| match p {
                        Piece::Text(t) => t.clone(),
                        Piece::Break(_) => " ".into(),
                        Piece::Ph(d) | Piece::Open(d) | Piece::Close(d) => format!("{{{d}}}"),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn links_are_paired_codes_around_their_text() {
        let b = round_trip("Mehr bei der [Beratung](offers/beratung.md#termine).\n");
        assert_eq!(
            segments(&b[0]),
            [&vec![
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
        assert_eq!(b[0].kind, BlockKind::Heading(2));
        assert_eq!(
            b[0].parts,
            [
                Part::Syntax("## ".into()),
                Part::Segment(vec![Piece::Text("Termine".into())])
            ]
        );
        let s1 = segments(&b[1]);
        assert!(s1[0].contains(&Piece::Ph("`0800`".into())));
        assert!(s1[0].contains(&Piece::Ph("<br>".into())));
        assert!(s1[0].contains(&Piece::Ph("<https://example.org>".into())));
        assert_eq!(b[2].kind, BlockKind::Kept);
        assert_eq!(
            segments(&b[2]),
            [&vec![Piece::Ph("```\ncode\n\nmore\n```".into())]]
        );
        assert!(!has_text(segments(&b[2])[0]));
        assert_eq!(b[3].kind, BlockKind::List);
        assert_eq!(
            seen(&b[3]),
            [
                "a {*}b{*}",
                "{[}{![}Bild{](/x.png)}{](https://example.org)}"
            ]
        );
        assert_eq!(
            segments(&b[4]),
            [&vec![Piece::Ph("[ref]: https://example.org".into())]]
        );
    }

    #[test]
    fn segments_hold_no_markdown_syntax_and_no_line_breaks() {
        let body = "# Anmeldung\n\nBitte **rechtzeitig**\nanmelden, _gern_ auch\n  per ~~Fax~~ Mail.\\\nDanke.\n\n> Zitat über\n> zwei Zeilen\n\n1. erstens\n2. zweitens\n   - innen\n\n| A | B |\n|---|---|\n| eins | zwei |\n";
        let b = round_trip(body);
        let seen: Vec<Vec<String>> = b.iter().map(seen).collect();
        assert_eq!(
            seen,
            [
                vec!["Anmeldung".to_string()],
                vec!["Bitte {**}rechtzeitig{**} anmelden, {_}gern{_} auch per {~~}Fax{~~} Mail.{\\\n}Danke.".to_string()],
                vec!["Zitat über zwei Zeilen".to_string()],
                vec!["erstens".to_string(), "zweitens".to_string(), "innen".to_string()],
                vec!["A".to_string(), "B".to_string(), "eins".to_string(), "zwei".to_string()],
            ]
        );
        for block in &b {
            for s in segments(block) {
                for p in s {
                    if let Piece::Text(t) = p {
                        assert!(
                            !t.contains('\n') && !t.contains('#') && !t.contains('*'),
                            "{t:?}"
                        );
                    }
                }
            }
        }
        assert_eq!(b[3].kind, BlockKind::List);
        assert_eq!(b[4].kind, BlockKind::Table);
    }
}
