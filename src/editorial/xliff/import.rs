//! `wegweiser xliff import FILE`: translated XLIFF back into
//! `content/<kind>/<slug>.<lang>.md`, stamped with the source fingerprint.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

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
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// Parses an XLIFF 2.0 document as written by [`super::export`] (and as CAT
/// tools return it: with `<target>`s, possibly split into several segments).
pub fn parse(file: &SourceFile) -> Result<Document, Diagnostic> {
    let mut reader = Reader::from_str(&file.text);
    let xml_err = |pos: u64, e: &dyn std::fmt::Display| {
        let p = pos as usize;
        Diagnostic::error(format!("this is not well-formed XML: {e}"))
            .at(file, p..p + 1)
            .help("the translation tool must return the XLIFF file as it was, with <target> elements added")
    };
    let mut doc = Document {
        src_lang: String::new(),
        trg_lang: String::new(),
        files: Vec::new(),
    };
    let mut saw_root = false;
    let mut meta_type: Option<(String, String)> = None;
    let mut in_wegweiser_group = false;
    let mut data: BTreeMap<String, String> = BTreeMap::new();
    let mut data_id: Option<(String, String)> = None;
    let mut part: Option<(Part, String)> = None;
    // dataRefEnd of each open <pc>.
    let mut pc_stack: Vec<String> = Vec::new();
    let mut segment_target: Option<String> = None;
    let mut unit_complete = true;
    let mut segment_source_has_text = false;
    // Where the current segment's source starts in its unit's source.
    let mut segment_start = 0usize;
    let mut has_target = false;

    loop {
        let pos = reader.buffer_position();
        let ev = reader.read_event().map_err(|e| xml_err(pos, &e))?;
        let after = reader.buffer_position() as usize;
        let here = pos as usize..after;
        let empty = matches!(ev, Event::Empty(_));
        match ev {
            Event::Start(e) | Event::Empty(e) => {
                let local = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                match local.as_str() {
                    "xliff" => {
                        saw_root = true;
                        if attr(&e, "version").as_deref() != Some("2.0") {
                            return Err(Diagnostic::error("this is not an XLIFF 2.0 file")
                                .at(file, here)
                                .help("export it with `wegweiser xliff export` and keep the format (XLIFF 2.0) in the translation tool"));
                        }
                        doc.src_lang = attr(&e, "srcLang").unwrap_or_default();
                        doc.trg_lang = attr(&e, "trgLang").unwrap_or_default();
                    }
                    "file" => doc.files.push(File {
                        id: attr(&e, "id").unwrap_or_default(),
                        span: here,
                        meta: BTreeMap::new(),
                        units: Vec::new(),
                    }),
                    "metaGroup" => {
                        in_wegweiser_group = attr(&e, "category").as_deref() == Some(META_CATEGORY);
                    }
                    "meta" if in_wegweiser_group => {
                        meta_type = Some((attr(&e, "type").unwrap_or_default(), String::new()));
                    }
                    "unit" => {
                        data.clear();
                        unit_complete = true;
                        has_target = false;
                        if let Some(f) = doc.files.last_mut() {
                            f.units.push(Unit {
                                id: attr(&e, "id").unwrap_or_default(),
                                span: here,
                                source: String::new(),
                                target: None,
                                source_has_text: false,
                            });
                        }
                    }
                    "data" => data_id = Some((attr(&e, "id").unwrap_or_default(), String::new())),
                    "segment" | "ignorable" => {
                        segment_target = None;
                        segment_source_has_text = false;
                        segment_start = doc
                            .files
                            .last()
                            .and_then(|f| f.units.last())
                            .map_or(0, |u| u.source.len());
                    }
                    "source" if !empty => part = Some((Part::Source, String::new())),
                    "target" if !empty => part = Some((Part::Target, String::new())),
                    "ph" => {
                        if let Some((_, buf)) = part.as_mut() {
                            let r = attr(&e, "dataRef").unwrap_or_default();
                            buf.push_str(data.get(&r).map_or("", String::as_str));
                        }
                    }
                    "pc" => {
                        if let Some((_, buf)) = part.as_mut() {
                            let s = attr(&e, "dataRefStart").unwrap_or_default();
                            let end = attr(&e, "dataRefEnd").unwrap_or_default();
                            buf.push_str(data.get(&s).map_or("", String::as_str));
                            if empty {
                                buf.push_str(data.get(&end).map_or("", String::as_str));
                            } else {
                                pc_stack.push(end);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) => {
                let local = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                match local.as_str() {
                    "meta" => {
                        if let (Some((k, v)), Some(f)) = (meta_type.take(), doc.files.last_mut()) {
                            f.meta.insert(k, v);
                        }
                    }
                    "metaGroup" => in_wegweiser_group = false,
                    "data" => {
                        if let Some((k, v)) = data_id.take() {
                            data.insert(k, v);
                        }
                    }
                    "pc" => {
                        if let Some((_, buf)) = part.as_mut()
                            && let Some(end) = pc_stack.pop()
                        {
                            buf.push_str(data.get(&end).map_or("", String::as_str));
                        }
                    }
                    "source" | "target" => {
                        if let Some((which, buf)) = part.take()
                            && let Some(u) = doc.files.last_mut().and_then(|f| f.units.last_mut())
                        {
                            match which {
                                Part::Source => {
                                    u.source.push_str(&buf);
                                }
                                Part::Target => segment_target = Some(buf),
                            }
                        }
                    }
                    "segment" | "ignorable" => {
                        let ignorable = local == "ignorable";
                        if let Some(u) = doc.files.last_mut().and_then(|f| f.units.last_mut()) {
                            match segment_target.take() {
                                Some(t) if !t.trim().is_empty() || ignorable => {
                                    has_target = true;
                                    u.target.get_or_insert_with(String::new).push_str(&t);
                                }
                                _ if !segment_source_has_text => {
                                    // Only codes or white space: nothing to translate; the source stands.
                                    let src = u
                                        .source
                                        .get(segment_start..)
                                        .unwrap_or_default()
                                        .to_string();
                                    u.target.get_or_insert_with(String::new).push_str(&src);
                                }
                                _ => unit_complete = false,
                            }
                            u.source_has_text |= segment_source_has_text;
                        }
                    }
                    "unit" => {
                        if let Some(u) = doc.files.last_mut().and_then(|f| f.units.last_mut())
                            && (!unit_complete || (!has_target && u.source_has_text))
                        {
                            u.target = None;
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                let s = t.xml10_content().map_err(|e| xml_err(pos, &e))?;
                push_text(
                    &s,
                    &mut meta_type,
                    &mut data_id,
                    &mut part,
                    &mut segment_source_has_text,
                );
            }
            Event::CData(t) => {
                let s = t.xml10_content().map_err(|e| xml_err(pos, &e))?;
                push_text(
                    &s,
                    &mut meta_type,
                    &mut data_id,
                    &mut part,
                    &mut segment_source_has_text,
                );
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|e| xml_err(pos, &e))? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().map_err(|e| xml_err(pos, &e))?;
                        resolve_predefined_entity(&name)
                            .ok_or_else(|| xml_err(pos, &format!("unknown entity &{name};")))?
                            .to_string()
                    }
                };
                push_text(
                    &resolved,
                    &mut meta_type,
                    &mut data_id,
                    &mut part,
                    &mut segment_source_has_text,
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(Diagnostic::error("this is not an XLIFF file")
            .in_file(file)
            .help("give the file that `wegweiser xliff export` wrote, with the translations filled in"));
    }
    Ok(doc)
}

fn push_text(
    s: &str,
    meta: &mut Option<(String, String)>,
    data: &mut Option<(String, String)>,
    part: &mut Option<(Part, String)>,
    source_has_text: &mut bool,
) {
    if let Some((_, v)) = meta.as_mut() {
        v.push_str(s);
    } else if let Some((_, v)) = data.as_mut() {
        v.push_str(s);
    } else if let Some((which, buf)) = part.as_mut() {
        if *which == Part::Source && !s.trim().is_empty() {
            *source_has_text = true;
        }
        buf.push_str(s);
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
            Diagnostic::error(format!(
                "the target language `{}` is not a translation language of this site",
                doc.trg_lang
            ))
            .in_file(xliff)
            .help("export the file again with `wegweiser xliff export --lang LANG`"),
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
        Diagnostic::error(format!("{path}: {}", d.message))
            .at(xliff, f.span.clone())
            .help("the item was renamed or removed since the export; export again")
    })?;
    let exported = f.meta.get("source_hash").map_or("", String::as_str);
    if exported != item.fingerprint {
        return Err(Diagnostic::error(format!(
            "{path}: the German source changed since the export (exported from {exported}, now {})",
            item.fingerprint
        ))
        .at(xliff, f.span.clone())
        .label("this item was not imported")
        .help(format!(
            "export again with `wegweiser xliff export --lang {lang}` and translate the new source; the other items were imported"
        )));
    }
    let rel = translation_path(site, item, lang);
    let now = std::fs::read(root.join(&rel)).ok();
    let exported_target = f.meta.get("target_hash").map_or("", String::as_str);
    if file_hash(now.as_deref()) != exported_target && !opts.force {
        return Err(Diagnostic::error(format!(
            "{}: was changed after the export; importing would overwrite that change",
            rel.display()
        ))
        .at(xliff, f.span.clone())
        .label("this item was not imported")
        .help(format!(
            "compare the file with the translation in the XLIFF; to replace it anyway run `wegweiser xliff import {} --force`",
            xliff.path.display()
        )));
    }
    let missing: Vec<&str> = f
        .units
        .iter()
        .filter(|u| u.target.is_none())
        .map(|u| u.id.as_str())
        .collect();
    if !missing.is_empty() {
        let first = f
            .units
            .iter()
            .find(|u| u.target.is_none())
            .map_or(f.span.clone(), |u| u.span.clone());
        return Err(Diagnostic::warning(format!(
            "{path}: not imported, {} unit(s) have no translation: {}",
            missing.len(),
            missing.join(", ")
        ))
        .at(xliff, first)
        .help("fill in every <target> of the item (or leave the item out); an item is imported only whole"));
    }

    let mut fields = String::new();
    let mut blocks: Vec<&str> = Vec::new();
    for u in &f.units {
        let target = u.target.as_deref().unwrap_or_default();
        if u.id.starts_with("body-") {
            blocks.push(target);
        } else if let Some(spec) = schema::field(&u.id).filter(|s| s.scope == schema::Scope::Text) {
            let q = toml::Value::String(target.trim().to_string()).to_string();
            fields.push_str(&format!("{} = {q}\n", spec.name));
        } else {
            return Err(Diagnostic::error(format!(
                "{path}: unit `{}` is not a translatable field",
                u.id
            ))
            .at(xliff, u.span.clone())
            .help("keep the unit ids as `wegweiser xliff export` wrote them"));
        }
    }
    let mut text = String::from("+++\n");
    text.push_str(&fields);
    if opts.machine {
        text.push_str("machine_translated = true\nreviewed = false\n");
    }
    text.push_str(&format!("source_hash = \"{}\"\n+++\n", item.fingerprint));
    text.push_str(&join_blocks(&blocks));
    write(&root.join(&rel), &text).map_err(|e| {
        Diagnostic::error(format!("cannot write {}: {e}", rel.display()))
            .help("check that the content folder is writable")
    })?;
    Ok(Some(rel))
}

/// Writes through a temporary file and a rename.
fn write(path: &Path, text: &str) -> std::io::Result<()> {
    let tmp = path.with_extension("md.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}
