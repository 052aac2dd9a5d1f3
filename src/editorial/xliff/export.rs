//! `wegweiser xliff export --lang LANG`: the items missing or outdated in a
//! language as one XLIFF 2.0 file.

use std::io::Cursor;
use std::path::Path;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::segment::{Part, blocks};
use super::{MDA_NS, META_CATEGORY, Piece, XLIFF_NS, file_hash, file_id};
use crate::config::SiteConfig;
use crate::content::status::State;
use crate::content::{Item, ItemData, Site, Text, schema};
use crate::diagnostics::Diagnostic;
use crate::editorial::translate::translation_path;

/// The value of a translatable field of a text, by its schema name.
pub fn text_value<'a>(text: &'a Text, name: &str) -> Option<&'a str> {
    match name {
        "title" => Some(text.title.as_str()),
        "summary" => text.summary.as_deref(),
        "schedule" => text.schedule.as_deref(),
        "cost" => text.cost.as_deref(),
        "role" => text.role.as_deref(),
        "office_hours" => text.office_hours.as_deref(),
        "transit" => text.transit.as_deref(),
        "accessibility_note" => text.accessibility_note.as_deref(),
        _ => None,
    }
}

/// What an export holds.
#[derive(Debug, Clone)]
pub struct Export {
    /// The XLIFF document.
    pub xml: String,
    /// Item paths exported, with their state in the language.
    pub items: Vec<(String, State)>,
    pub units: usize,
}

/// One unit to write: its id, a note saying what it is, its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSource {
    pub id: String,
    pub note: Option<String>,
    pub parts: Vec<Part>,
}

/// Unit id prefix of a closure reason: `closed-1` is the first period's.
pub const CLOSED_UNIT: &str = "closed-";

/// The units of one item: text fields first (in schema order), a
/// location's closure reasons, then the body's blocks.
pub fn units(site: &Site, item: &Item) -> Vec<UnitSource> {
    let src = item.source_text(&site.config);
    let mut out: Vec<UnitSource> = schema::text_fields()
        .filter(|f| f.kinds.contains(&item.kind))
        .filter_map(|f| {
            text_value(src, f.name)
                .filter(|v| !v.trim().is_empty())
                .map(|v| UnitSource {
                    id: f.name.to_string(),
                    note: None,
                    parts: vec![Part::Segment(vec![Piece::Text(v.trim().to_string())])],
                })
        })
        .collect();
    // A location's closure reasons: text inside the `closed` list, one unit
    // per period (`closed-2`: the second), where the period has a reason.
    let periods = match &item.data {
        ItemData::Location(l) => l.closed.as_slice(),
        _ => &[],
    };
    for (i, reason) in src.closed_reasons.iter().enumerate() {
        if reason.trim().is_empty() {
            continue;
        }
        let note = periods.get(i).map_or_else(
            || "why the location is closed".to_string(),
            |c| format!("why the location is closed from {} to {}", c.from, c.to),
        );
        out.push(UnitSource {
            id: format!("{CLOSED_UNIT}{}", i + 1),
            note: Some(note),
            parts: vec![Part::Segment(vec![Piece::Text(reason.trim().to_string())])],
        });
    }
    for (i, block) in src.with_body(blocks).into_iter().enumerate() {
        out.push(UnitSource {
            id: format!("body-{}", i + 1),
            note: Some(block.kind.note()),
            parts: block.parts,
        });
    }
    out
}

type W = Writer<Cursor<Vec<u8>>>;

fn io(e: std::io::Error) -> Diagnostic {
    Diagnostic::error("xliff-unwritable").arg("detail", e.to_string())
}

fn start(w: &mut W, name: &str, attrs: &[(&str, &str)]) -> Result<(), Diagnostic> {
    let el = BytesStart::new(name).with_attributes(attrs.iter().copied());
    w.write_event(Event::Start(el)).map_err(io)
}

fn end(w: &mut W, name: &str) -> Result<(), Diagnostic> {
    w.write_event(Event::End(BytesEnd::new(name))).map_err(io)
}

fn text(w: &mut W, s: &str) -> Result<(), Diagnostic> {
    w.write_event(Event::Text(BytesText::new(s))).map_err(io)
}

/// An element holding only text: `<name attrs>text</name>`.
fn leaf(w: &mut W, name: &str, attrs: &[(&str, &str)], s: &str) -> Result<(), Diagnostic> {
    start(w, name, attrs)?;
    text(w, s)?;
    end(w, name)
}

/// Writes the XLIFF for every item missing or outdated in `lang`.
pub fn export(root: &Path, site: &Site, lang: &str) -> Result<Export, Diagnostic> {
    let cfg = &site.config;
    check_target_language(cfg, lang)?;
    let src_tag = cfg.default_lang().tag_str();
    let trg_tag = cfg.language(lang).map(|l| l.tag_str()).unwrap_or_default();

    let mut w = Writer::new(Cursor::new(Vec::new()));
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(io)?;
    text(&mut w, "\n")?;
    start(
        &mut w,
        "xliff",
        &[
            ("xmlns", XLIFF_NS),
            ("xmlns:mda", MDA_NS),
            ("version", "2.0"),
            ("srcLang", src_tag.as_str()),
            ("trgLang", trg_tag.as_str()),
        ],
    )?;
    let mut items = Vec::new();
    let mut unit_count = 0;
    for item in std::iter::once(&site.home).chain(site.items.values()) {
        let state = item.status(cfg, lang).state;
        if !matches!(state, State::Missing | State::Outdated) {
            continue;
        }
        unit_count += file(&mut w, root, site, item, lang, state)?;
        items.push((item.path(), state));
    }
    text(&mut w, "\n")?;
    end(&mut w, "xliff")?;
    text(&mut w, "\n")?;
    let bytes = w.into_inner().into_inner();
    Ok(Export {
        // quick-xml wrote only the &str values it was given: valid UTF-8.
        xml: String::from_utf8_lossy(&bytes).into_owned(),
        items,
        units: unit_count,
    })
}

/// An error unless `lang` is a language of the site other than the source language.
fn check_target_language(cfg: &SiteConfig, lang: &str) -> Result<(), Diagnostic> {
    if lang == cfg.default_language {
        return Err(Diagnostic::error("lang-is-source")
            .arg("lang", lang)
            .help("xliff-lang-help"));
    }
    if !cfg.is_language(lang) {
        return Err(Diagnostic::error("lang-unknown").arg("lang", lang).help(
            crate::toml_input::suggest(
                lang,
                cfg.languages.iter().map(|l| l.key.as_str()),
                "what-languages",
            ),
        ));
    }
    Ok(())
}

/// One `<file>`: an item's metadata, a note where it goes, and its units.
/// Returns how many units it wrote.
fn file(
    w: &mut W,
    root: &Path,
    site: &Site,
    item: &Item,
    lang: &str,
    state: State,
) -> Result<usize, Diagnostic> {
    let path = item.path();
    let src_file = item
        .source_text(&site.config)
        .file
        .path
        .display()
        .to_string();
    let target_rel = translation_path(site, item, lang);
    let existing = std::fs::read(root.join(&target_rel)).ok();
    let target_hash = file_hash(existing.as_deref());
    let id = file_id(&path);
    text(w, "\n  ")?;
    start(
        w,
        "file",
        &[("id", id.as_str()), ("original", src_file.as_str())],
    )?;
    text(w, "\n    ")?;
    start(w, "mda:metadata", &[])?;
    start(w, "mda:metaGroup", &[("category", META_CATEGORY)])?;
    for (k, v) in [
        ("item", path.as_str()),
        ("lang", lang),
        ("source_hash", item.fingerprint.as_str()),
        ("target_hash", target_hash.as_str()),
        ("state", state.as_str()),
    ] {
        leaf(w, "mda:meta", &[("type", k)], v)?;
    }
    end(w, "mda:metaGroup")?;
    end(w, "mda:metadata")?;
    text(w, "\n    ")?;
    start(w, "notes", &[])?;
    leaf(
        w,
        "note",
        &[("category", "location")],
        &format!("{src_file} → {}", target_rel.display()),
    )?;
    end(w, "notes")?;
    let mut count = 0;
    for u in units(site, item) {
        unit(w, &u)?;
        count += 1;
    }
    text(w, "\n  ")?;
    end(w, "file")?;
    Ok(count)
}

/// One `<unit>`: a note on what it is, the original data of its codes, then
/// its parts: syntax as `<ignorable>`, text as `<segment>` with `<ph>`/`<pc>`.
fn unit(w: &mut W, u: &UnitSource) -> Result<(), Diagnostic> {
    // Data ids in order over the whole unit.
    let data: Vec<&str> = u
        .parts
        .iter()
        .filter_map(|p| match p {
            Part::Segment(pieces) => Some(pieces),
            Part::Syntax(_) => None,
        })
        .flatten()
        .filter_map(|p| match p {
            Piece::Ph(s) | Piece::Open(s) | Piece::Close(s) => Some(s.as_str()),
            Piece::Text(_) | Piece::Break(_) => None,
        })
        .collect();
    text(w, "\n    ")?;
    start(w, "unit", &[("id", u.id.as_str())])?;
    if let Some(note) = &u.note {
        text(w, "\n      ")?;
        start(w, "notes", &[])?;
        leaf(w, "note", &[("category", "format")], note)?;
        end(w, "notes")?;
    }
    if !data.is_empty() {
        text(w, "\n      ")?;
        start(w, "originalData", &[])?;
        for (i, s) in data.iter().enumerate() {
            text(w, "\n        ")?;
            leaf(w, "data", &[("id", format!("d{}", i + 1).as_str())], s)?;
        }
        text(w, "\n      ")?;
        end(w, "originalData")?;
    }
    // Code and data numbers run on over the unit's segments.
    let mut numbers = (0usize, 0usize);
    for p in &u.parts {
        text(w, "\n      ")?;
        match p {
            Part::Syntax(s) => {
                start(w, "ignorable", &[])?;
                leaf(w, "source", &[("xml:space", "preserve")], s)?;
                end(w, "ignorable")?;
            }
            Part::Segment(pieces) => {
                start(w, "segment", &[])?;
                start(w, "source", &[("xml:space", "preserve")])?;
                segment_source(w, pieces, &mut numbers)?;
                end(w, "source")?;
                end(w, "segment")?;
            }
        }
    }
    text(w, "\n    ")?;
    end(w, "unit")
}

/// The content of a segment's `<source>`: text, and codes numbered on from
/// `numbers` (the last code id and the last data id of the unit so far).
fn segment_source(
    w: &mut W,
    pieces: &[Piece],
    numbers: &mut (usize, usize),
) -> Result<(), Diagnostic> {
    // Data ids: one per code piece; a closing piece's id is found for its
    // opening by matching the nesting.
    let mut data_id: Vec<usize> = vec![0; pieces.len()];
    let mut n = numbers.1;
    for (i, p) in pieces.iter().enumerate() {
        if matches!(p, Piece::Ph(_) | Piece::Open(_) | Piece::Close(_)) {
            n += 1;
            data_id[i] = n;
        }
    }
    let mut close_of: Vec<usize> = vec![0; pieces.len()];
    let mut stack = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        match p {
            Piece::Open(_) => stack.push(i),
            Piece::Close(_) => {
                if let Some(o) = stack.pop() {
                    close_of[o] = data_id[i];
                }
            }
            _ => {}
        }
    }
    let mut id = numbers.0;
    for (i, p) in pieces.iter().enumerate() {
        match p {
            Piece::Text(s) => text(w, s)?,
            Piece::Break(_) => text(w, " ")?,
            Piece::Ph(_) => {
                id += 1;
                let el = BytesStart::new("ph").with_attributes([
                    ("id", id.to_string().as_str()),
                    ("dataRef", format!("d{}", data_id[i]).as_str()),
                ]);
                w.write_event(Event::Empty(el)).map_err(io)?;
            }
            Piece::Open(_) => {
                id += 1;
                start(
                    w,
                    "pc",
                    &[
                        ("id", id.to_string().as_str()),
                        ("dataRefStart", format!("d{}", data_id[i]).as_str()),
                        ("dataRefEnd", format!("d{}", close_of[i]).as_str()),
                    ],
                )?;
            }
            Piece::Close(_) => end(w, "pc")?,
        }
    }
    *numbers = (id, n);
    Ok(())
}
