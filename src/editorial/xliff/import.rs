//! `wegweiser xliff import FILE`: translated XLIFF back into
//! `content/<kind>/<slug>.<lang>.md`, stamped with the source fingerprint.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use super::export::CLOSED_UNIT;
use super::segment::{Block, blocks};
use super::{META_CATEGORY, file_hash, item_path, join_blocks};
use crate::content::{Site, schema};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::editorial::translate::{find, translation_path};

/// One `<unit>` as read: the Markdown of its source and of its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: String,
    /// Byte range of the `<unit>` start tag in the XLIFF file.
    pub span: Range<usize>,
    pub source: String,
    /// `None` if no segment had a `<target>` (or it was empty).
    pub target: Option<String>,
    /// Whether the source holds text to translate, not only codes.
    pub source_has_text: bool,
}

/// One `<file>`: an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub id: String,
    pub span: Range<usize>,
    /// `mda:meta` values of Wegweiser's metaGroup (`item`, `source_hash`, `target_hash`).
    pub meta: BTreeMap<String, String>,
    pub units: Vec<Unit>,
}

/// A parsed XLIFF document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub src_lang: String,
    pub trg_lang: String,
    pub files: Vec<File>,
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Source,
    Target,
}

fn xml_err(file: &SourceFile, pos: u64, e: &dyn std::fmt::Display) -> Diagnostic {
    let p = pos as usize;
    Diagnostic::error("xliff-not-xml")
        .arg("detail", e.to_string())
        .at(file, p..p + 1)
}

/// Parses an XLIFF 2.0 document as written by [`super::export`] (and as CAT
/// tools return it: with `<target>`s, possibly split into several segments).
pub fn parse(file: &SourceFile) -> Result<Document, Diagnostic> {
    let mut reader = Reader::from_str(&file.text);
    let mut state = ParseState {
        unit_complete: true,
        ..ParseState::default()
    };
    loop {
        let pos = reader.buffer_position();
        let ev = reader.read_event().map_err(|e| xml_err(file, pos, &e))?;
        let here = pos as usize..reader.buffer_position() as usize;
        match ev {
            Event::Start(e) => state.start(file, &e, here, false)?,
            Event::Empty(e) => state.start(file, &e, here, true)?,
            Event::End(e) => state.end(&String::from_utf8_lossy(e.local_name().as_ref())),
            Event::Text(t) => {
                let s = t.xml10_content().map_err(|e| xml_err(file, pos, &e))?;
                state.push_text(&s);
            }
            Event::CData(t) => {
                let s = t.xml10_content().map_err(|e| xml_err(file, pos, &e))?;
                state.push_text(&s);
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|e| xml_err(file, pos, &e))? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().map_err(|e| xml_err(file, pos, &e))?;
                        resolve_predefined_entity(&name)
                            .ok_or_else(|| xml_err(file, pos, &format!("unknown entity &{name};")))?
                            .to_string()
                    }
                };
                state.push_text(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !state.saw_root {
        return Err(Diagnostic::error("xliff-not-xliff").in_file(file));
    }
    Ok(state.doc)
}

/// What [`parse`] keeps between XML events.
#[derive(Default)]
struct ParseState {
    doc: Document,
    saw_root: bool,
    /// The `mda:meta` being read: its type and text so far.
    meta_type: Option<(String, String)>,
    in_wegweiser_group: bool,
    /// `<originalData>` of the current unit, by id.
    data: BTreeMap<String, String>,
    /// The `<data>` being read: its id and text so far.
    data_id: Option<(String, String)>,
    /// The `<source>` or `<target>` being read, as Markdown so far.
    part: Option<(Part, String)>,
    /// dataRefEnd of each open <pc>.
    pc_stack: Vec<String>,
    segment_target: Option<String>,
    unit_complete: bool,
    segment_source_has_text: bool,
    /// Where the current segment's source starts in its unit's source.
    segment_start: usize,
    has_target: bool,
}

impl ParseState {
    fn current_unit(&mut self) -> Option<&mut Unit> {
        self.doc.files.last_mut().and_then(|f| f.units.last_mut())
    }

    /// A start tag (or an empty element: `empty`) at `here`.
    fn start(
        &mut self,
        file: &SourceFile,
        e: &BytesStart,
        here: Range<usize>,
        empty: bool,
    ) -> Result<(), Diagnostic> {
        let local = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
        match local.as_str() {
            "xliff" => {
                self.saw_root = true;
                if attr(e, "version").as_deref() != Some("2.0") {
                    return Err(Diagnostic::error("xliff-not-2").at(file, here));
                }
                self.doc.src_lang = attr(e, "srcLang").unwrap_or_default();
                self.doc.trg_lang = attr(e, "trgLang").unwrap_or_default();
            }
            "file" => self.doc.files.push(File {
                id: attr(e, "id").unwrap_or_default(),
                span: here,
                meta: BTreeMap::new(),
                units: Vec::new(),
            }),
            "metaGroup" => {
                self.in_wegweiser_group = attr(e, "category").as_deref() == Some(META_CATEGORY);
            }
            "meta" if self.in_wegweiser_group => {
                self.meta_type = Some((attr(e, "type").unwrap_or_default(), String::new()));
            }
            "unit" => self.start_unit(e, here),
            "data" => self.data_id = Some((attr(e, "id").unwrap_or_default(), String::new())),
            "segment" | "ignorable" => {
                self.segment_target = None;
                self.segment_source_has_text = false;
                self.segment_start = self.current_unit().map_or(0, |u| u.source.len());
            }
            "source" if !empty => self.part = Some((Part::Source, String::new())),
            "target" if !empty => self.part = Some((Part::Target, String::new())),
            "ph" | "pc" => self.start_code(e, &local, empty),
            _ => {}
        }
        Ok(())
    }

    fn start_unit(&mut self, e: &BytesStart, here: Range<usize>) {
        self.data.clear();
        self.unit_complete = true;
        self.has_target = false;
        if let Some(f) = self.doc.files.last_mut() {
            f.units.push(Unit {
                id: attr(e, "id").unwrap_or_default(),
                span: here,
                source: String::new(),
                target: None,
                source_has_text: false,
            });
        }
    }

    /// An inline code (`ph`, or the start of a `pc`): its original data
    /// goes into the Markdown being read.
    fn start_code(&mut self, e: &BytesStart, local: &str, empty: bool) {
        let Some((_, buf)) = self.part.as_mut() else {
            return;
        };
        if local == "ph" {
            let r = attr(e, "dataRef").unwrap_or_default();
            buf.push_str(self.data.get(&r).map_or("", String::as_str));
            return;
        }
        let s = attr(e, "dataRefStart").unwrap_or_default();
        let end = attr(e, "dataRefEnd").unwrap_or_default();
        buf.push_str(self.data.get(&s).map_or("", String::as_str));
        if empty {
            buf.push_str(self.data.get(&end).map_or("", String::as_str));
        } else {
            self.pc_stack.push(end);
        }
    }

    /// An end tag named `local`.
    fn end(&mut self, local: &str) {
        match local {
            "meta" => {
                if let (Some((k, v)), Some(f)) = (self.meta_type.take(), self.doc.files.last_mut())
                {
                    f.meta.insert(k, v);
                }
            }
            "metaGroup" => self.in_wegweiser_group = false,
            "data" => {
                if let Some((k, v)) = self.data_id.take() {
                    self.data.insert(k, v);
                }
            }
            "pc" => {
                if let Some((_, buf)) = self.part.as_mut()
                    && let Some(end) = self.pc_stack.pop()
                {
                    buf.push_str(self.data.get(&end).map_or("", String::as_str));
                }
            }
            "source" | "target" => {
                if let Some((which, buf)) = self.part.take()
                    && let Some(u) = self.doc.files.last_mut().and_then(|f| f.units.last_mut())
                {
                    match which {
                        Part::Source => u.source.push_str(&buf),
                        Part::Target => self.segment_target = Some(buf),
                    }
                }
            }
            "segment" | "ignorable" => self.end_segment(local == "ignorable"),
            "unit" => {
                let (complete, has_target) = (self.unit_complete, self.has_target);
                if let Some(u) = self.current_unit()
                    && (!complete || (!has_target && u.source_has_text))
                {
                    u.target = None;
                }
            }
            _ => {}
        }
    }

    /// The end of a segment: its target (or, if it has nothing to
    /// translate, its source) is added to the unit's target.
    fn end_segment(&mut self, ignorable: bool) {
        let target = self.segment_target.take();
        let source_has_text = self.segment_source_has_text;
        let start = self.segment_start;
        let Some(u) = self.doc.files.last_mut().and_then(|f| f.units.last_mut()) else {
            return;
        };
        match target {
            // Syntax is not the translator's: an ignorable's source stands.
            Some(t) if !ignorable && !t.trim().is_empty() => {
                self.has_target = true;
                u.target.get_or_insert_with(String::new).push_str(&t);
            }
            _ if ignorable || !source_has_text => {
                // Markdown syntax, or only codes or white space: nothing
                // to translate; the source stands.
                let src = u.source.get(start..).unwrap_or_default().to_string();
                u.target.get_or_insert_with(String::new).push_str(&src);
            }
            _ => self.unit_complete = false,
        }
        u.source_has_text |= source_has_text && !ignorable;
    }

    fn push_text(&mut self, s: &str) {
        if let Some((_, v)) = self.meta_type.as_mut() {
            v.push_str(s);
        } else if let Some((_, v)) = self.data_id.as_mut() {
            v.push_str(s);
        } else if let Some((which, buf)) = self.part.as_mut() {
            if *which == Part::Source && !s.trim().is_empty() {
                self.segment_source_has_text = true;
            }
            buf.push_str(s);
        }
    }
}

/// What an import did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Translation files written (relative to the site root).
    pub written: Vec<PathBuf>,
    /// Problems: items refused (errors) and items skipped (warnings).
    pub diagnostics: Diagnostics,
}

/// Options of an import.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Overwrite translation files that changed after the export.
    pub force: bool,
    /// Mark the translations as machine-made (`machine_translated = true`).
    pub machine: bool,
}

/// Imports every completely translated item of `xliff` into the site at
/// `root`. Items whose source changed since the export, or whose translation
/// file changed after it (unless forced), are refused with an error; items
/// with untranslated units are skipped with a warning. The rest are written.
pub fn import(root: &Path, site: &Site, xliff: &SourceFile, opts: ImportOptions) -> Outcome {
    let mut out = Outcome::default();
    let doc = match parse(xliff) {
        Ok(d) => d,
        Err(d) => {
            out.diagnostics.push(d);
            return out;
        }
    };
    let cfg = &site.config;
    // The language key: written by the export (easy-read German shares its
    // tag with German), else the key or tag in `trgLang`.
    let named = doc.files.iter().find_map(|f| f.meta.get("lang").cloned());
    let lang = named
        .filter(|k| cfg.is_language(k))
        .or_else(|| {
            cfg.languages
                .iter()
                .find(|l| l.key == doc.trg_lang)
                .or_else(|| {
                    cfg.languages
                        .iter()
                        .find(|l| l.key != cfg.default_language && l.tag_str() == doc.trg_lang)
                })
                .map(|l| l.key.clone())
        })
        .filter(|k| *k != cfg.default_language);
    let Some(lang) = lang else {
        out.diagnostics.push(
            Diagnostic::error("xliff-target-language")
                .arg("lang", doc.trg_lang.as_str())
                .in_file(xliff),
        );
        return out;
    };
    for f in &doc.files {
        match import_file(root, site, xliff, f, &lang, opts) {
            Ok(Some(path)) => out.written.push(path),
            Ok(None) => {}
            Err(d) => out.diagnostics.push(d),
        }
    }
    out
}

fn import_file(
    root: &Path,
    site: &Site,
    xliff: &SourceFile,
    f: &File,
    lang: &str,
    opts: ImportOptions,
) -> Result<Option<PathBuf>, Diagnostic> {
    let path = f
        .meta
        .get("item")
        .cloned()
        .unwrap_or_else(|| item_path(&f.id));
    let item = find(site, &path).map_err(|d| {
        Diagnostic::error("xliff-item-gone")
            .arg("path", path.as_str())
            .arg("detail", d.text)
            .at(xliff, f.span.clone())
    })?;
    let exported = f.meta.get("source_hash").map_or("", String::as_str);
    if exported != item.fingerprint {
        return Err(Diagnostic::error("xliff-source-changed")
            .arg("path", path)
            .arg("exported", exported)
            .arg("now", item.fingerprint.as_str())
            .arg("lang", lang)
            .at(xliff, f.span.clone()));
    }
    let rel = translation_path(site, item, lang);
    let now = std::fs::read(root.join(&rel)).ok();
    let exported_target = f.meta.get("target_hash").map_or("", String::as_str);
    if file_hash(now.as_deref()) != exported_target && !opts.force {
        return Err(Diagnostic::error("xliff-file-changed")
            .arg("file", rel.display())
            .arg("xliff", xliff.path.display())
            .at(xliff, f.span.clone()));
    }
    check_complete(xliff, f, &path)?;
    // A unit left as it was gets the German block back as written.
    let original: Vec<String> = item
        .source_text(&site.config)
        .with_body(blocks)
        .iter()
        .map(Block::markdown)
        .collect();
    let closures = item.source_text(&site.config).closed_reasons.len();
    let source = Source {
        path: &path,
        original: &original,
        closures,
        fingerprint: &item.fingerprint,
    };
    let text = translation_text(xliff, f, &source, opts.machine)?;
    write(&root.join(&rel), &text).map_err(|e| {
        Diagnostic::error("cannot-write")
            .arg("file", rel.display())
            .arg("detail", e.to_string())
            .help("content-writable")
    })?;
    Ok(Some(rel))
}

/// A warning if some unit of the item `path` has no translation (an item
/// is imported only whole).
fn check_complete(xliff: &SourceFile, f: &File, path: &str) -> Result<(), Diagnostic> {
    let missing: Vec<&str> = f
        .units
        .iter()
        .filter(|u| u.target.is_none())
        .map(|u| u.id.as_str())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let first = f
        .units
        .iter()
        .find(|u| u.target.is_none())
        .map_or(f.span.clone(), |u| u.span.clone());
    Err(Diagnostic::warning("xliff-incomplete")
        .arg("path", path)
        .arg("n", missing.len())
        .arg("units", missing.join(", "))
        .at(xliff, first))
}

/// What the translation file is made from besides the units.
struct Source<'a> {
    /// The item's path (`locations/vhs-ingelheim`).
    path: &'a str,
    /// The source's body blocks as written.
    original: &'a [String],
    /// How many `closed` periods the source has.
    closures: usize,
    fingerprint: &'a str,
}

/// The translation file of an item made from its units' targets: the
/// translated fields as front matter (a location's closure reasons as its
/// `closed` list, one entry per period of the source, in order), stamped
/// with the fingerprint, then the body's blocks.
fn translation_text(
    xliff: &SourceFile,
    f: &File,
    src: &Source,
    machine: bool,
) -> Result<String, Diagnostic> {
    let (path, original) = (src.path, src.original);
    let mut fields = String::new();
    let mut blocks: Vec<&str> = Vec::new();
    let mut reasons: BTreeMap<usize, String> = BTreeMap::new();
    for u in &f.units {
        let target = u.target.as_deref().unwrap_or_default();
        let closure =
            u.id.strip_prefix(CLOSED_UNIT)
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| (1..=src.closures).contains(n));
        if let Some(n) = closure {
            reasons.insert(n, target.trim().to_string());
        } else if let Some(n) = u.id.strip_prefix("body-") {
            let unchanged = n
                .parse::<usize>()
                .ok()
                .and_then(|n| original.get(n.wrapping_sub(1)))
                .filter(|_| target == u.source);
            blocks.push(unchanged.map_or(target, String::as_str));
        } else if let Some(spec) = schema::field(&u.id).filter(|s| s.scope == schema::Scope::Text) {
            let q = toml::Value::String(target.trim().to_string()).to_string();
            fields.push_str(&format!("{} = {q}\n", spec.name));
        } else {
            return Err(Diagnostic::error("xliff-unit-unknown")
                .arg("path", path)
                .arg("unit", u.id.as_str())
                .at(xliff, u.span.clone()));
        }
    }
    if !reasons.is_empty() {
        let entries: Vec<String> = (1..=src.closures)
            .map(|n| match reasons.get(&n) {
                Some(r) => format!("{{ reason = {} }}", toml::Value::String(r.clone())),
                None => "{}".to_string(),
            })
            .collect();
        fields.push_str(&format!("closed = [{}]\n", entries.join(", ")));
    }
    let mut text = String::from("+++\n");
    text.push_str(&fields);
    if machine {
        text.push_str("machine_translated = true\nreviewed = false\n");
    }
    text.push_str(&format!("source_hash = \"{}\"\n+++\n", src.fingerprint));
    text.push_str(&join_blocks(&blocks));
    Ok(text)
}

/// Writes through a temporary file and a rename.
fn write(path: &Path, text: &str) -> std::io::Result<()> {
    let tmp = path.with_extension("md.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}
