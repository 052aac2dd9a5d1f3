//! `wegweiser import table FILE.xlsx|.csv --map MAPPING.toml`: the rows of
//! an offer (contact, location) spreadsheet into content files.
//!
//! The mapping names the kind, the sheet, the header row, which column
//! (by its heading or its letters) fills which front-matter field (`body`:
//! the text below it; `id`: the row's id for later imports), and how
//! labels become taxonomy keys. Every cell is checked before anything is
//! written; each bad cell is an error naming sheet, row and column.

pub mod read;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::{Entry, Plan, is_field, plain_to_markdown, quoted, quoted_list, reconcile};
use crate::config::Taxonomy;
use crate::content::naming::{TermLabels, meant};
use crate::content::{Kind, Site, schema};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::toml_input::{explain_toml_error, german_date, suggest};
use crate::tool_text::Msg;
use read::{Cell, Sheet, column_letters};

/// The mapping file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// `offer`, `contact` or `location`.
    pub kind: String,
    /// The sheet of an XLSX file (default: the first).
    pub sheet: Option<String>,
    /// The row holding the headings (default 1).
    #[serde(default = "one")]
    pub header_row: usize,
    /// The name later imports of the same data use (default: the file's name).
    pub source: Option<String>,
    /// Field → column heading (or letters: `"B"`); `body` and `id` too.
    pub columns: BTreeMap<String, String>,
    /// Taxonomy → label in the sheet → key.
    #[serde(default)]
    pub labels: BTreeMap<String, BTreeMap<String, String>>,
}

fn one() -> usize {
    1
}

/// What a field holds, read from its schema example.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldType {
    Text,
    Texts,
    Numbers,
    Day,
    Flag,
    Number,
}

fn field_type(name: &str) -> Option<FieldType> {
    let spec = schema::field(name)?;
    let v: toml::Table = format!("x = {}", spec.example).parse().ok()?;
    Some(match v.get("x")? {
        toml::Value::String(_) => FieldType::Text,
        toml::Value::Array(a) if a.iter().all(toml::Value::is_str) => FieldType::Texts,
        toml::Value::Array(a) if a.iter().all(|x| x.is_float() || x.is_integer()) => {
            FieldType::Numbers
        }
        toml::Value::Datetime(d) if d.time.is_none() => FieldType::Day,
        toml::Value::Boolean(_) => FieldType::Flag,
        toml::Value::Integer(_) => FieldType::Number,
        _ => return None,
    })
}

/// The input of a table import.
pub struct TableInput<'a> {
    /// The spreadsheet file (for diagnostics and the source's name).
    pub path: &'a Path,
    pub sheet: Sheet,
    pub mapping: &'a Mapping,
    pub mapping_file: &'a SourceFile,
}

/// Reads the mapping file.
pub fn mapping(file: &SourceFile) -> Result<Mapping, Diagnostic> {
    toml::from_str(&file.text).map_err(|e| explain_toml_error(&e, file, 0, |_| None))
}

/// Plans the import of `input` into the site at `root` (nothing is
/// written: see [`super::commit`]). `labels`: the terms' labels in every
/// language, for "did you mean" hints.
pub fn plan(
    root: &Path,
    site: &Site,
    input: &TableInput,
    labels: &TermLabels,
    force: bool,
) -> Plan {
    let mut ds = Diagnostics::new();
    let entries = match Columns::new(input) {
        Ok(cols) => rows(site, input, &cols, labels, &mut ds),
        Err(d) => {
            ds.push(d);
            Vec::new()
        }
    };
    if ds.has_errors() {
        return Plan {
            diagnostics: ds,
            ..Plan::default()
        };
    }
    let source = input.mapping.source.clone().unwrap_or_else(|| {
        input
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let kind = kind_of(&input.mapping.kind).unwrap_or(Kind::Offer);
    reconcile(root, kind, &source, entries, force, input.path)
}

fn kind_of(s: &str) -> Option<Kind> {
    match s {
        "offer" => Some(Kind::Offer),
        "contact" => Some(Kind::Contact),
        "location" => Some(Kind::Location),
        _ => None,
    }
}

/// The mapping checked against the schema and the sheet's headings.
struct Columns {
    /// Field, its type (None: `body`, `id`) and its column index in a row.
    fields: Vec<(String, Option<FieldType>, usize)>,
    /// Index of the heading row in `sheet.rows`.
    header: usize,
}

impl Columns {
    fn new(input: &TableInput) -> Result<Columns, Diagnostic> {
        let m = input.mapping;
        let mf = input.mapping_file;
        let at = |key: &str| {
            let i = mf.text.find(key).unwrap_or(0);
            i..i + key.len()
        };
        let kind = kind_of(&m.kind).ok_or_else(|| {
            Diagnostic::error("import-map-kind")
                .arg("kind", m.kind.as_str())
                .at(mf, at(&m.kind))
        })?;
        let header = m.header_row.saturating_sub(input.sheet.first_row);
        let headings: Vec<String> = input
            .sheet
            .rows
            .get(header)
            .map(|r| r.iter().map(|c| text(c).unwrap_or_default()).collect())
            .unwrap_or_default();
        let mut fields = Vec::new();
        for (field, column) in &m.columns {
            let ty = match field.as_str() {
                "body" | "id" => None,
                f if is_field(kind, f) => Some(field_type(f).ok_or_else(|| {
                    Diagnostic::error("import-map-field-unsupported")
                        .arg("field", f)
                        .at(mf, at(f))
                })?),
                f => {
                    let names = schema::allowed(kind, false).map(|s| s.name);
                    return Err(Diagnostic::error("import-map-field-unknown")
                        .arg("field", f)
                        .arg("kind", m.kind.as_str())
                        .help(suggest(f, names, "what-fields"))
                        .at(mf, at(f)));
                }
            };
            let index = headings.iter().position(|h| h == column).or_else(|| {
                let letters = (0..headings.len().max(1) + 26)
                    .find(|i| column_letters(input.sheet.first_col + i) == *column)?;
                Some(letters)
            });
            let Some(index) = index else {
                return Err(Diagnostic::error("import-map-column-unknown")
                    .arg("column", column.as_str())
                    .arg("sheet", input.sheet.name.as_str())
                    .help(suggest(
                        column,
                        headings.iter().map(String::as_str),
                        "what-columns",
                    ))
                    .at(mf, at(column)));
            };
            fields.push((field.clone(), ty, index));
        }
        if !fields.iter().any(|(f, _, _)| f == "title") {
            return Err(Diagnostic::error("import-map-title-missing").in_file(mf));
        }
        Ok(Columns { fields, header })
    }
}

fn text(c: &Cell) -> Option<String> {
    match c {
        Cell::Empty => None,
        Cell::Text(s) => Some(s.clone()),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{}", *n as i64)),
        Cell::Number(n) => Some(n.to_string()),
        Cell::Bool(b) => Some(b.to_string()),
        Cell::Date(d) => Some(d.to_string()),
    }
}

/// Where a cell is, for its diagnostics.
struct At<'a> {
    input: &'a TableInput<'a>,
    row: usize,
    col: usize,
}

impl At<'_> {
    fn error(&self, code: &'static str) -> Diagnostic {
        Diagnostic::error(code)
            .arg("sheet", self.input.sheet.name.as_str())
            .arg("row", self.input.sheet.first_row + self.row)
            .arg(
                "column",
                column_letters(self.input.sheet.first_col + self.col),
            )
            .at_path(self.input.path)
    }
}

fn rows(
    site: &Site,
    input: &TableInput,
    cols: &Columns,
    labels: &TermLabels,
    ds: &mut Diagnostics,
) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    for (i, row) in input.sheet.rows.iter().enumerate().skip(cols.header + 1) {
        if row.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        let (mut front, mut body, mut id, mut title) = (String::new(), String::new(), None, None);
        let errors = ds.error_count();
        for (field, ty, col) in &cols.fields {
            let at = At {
                input,
                row: i,
                col: *col,
            };
            let c = row.get(*col).unwrap_or(&Cell::Empty);
            let Some(ty) = ty else {
                match (field.as_str(), text(c)) {
                    ("body", Some(t)) => body = plain_to_markdown(&t),
                    ("id", t) => id = t,
                    _ => {}
                }
                continue;
            };
            if field == "title" {
                title = text(c);
                if title.is_none() {
                    ds.push(at.error("import-cell-empty").arg("field", "title"));
                    continue;
                }
            }
            match value(site, input.mapping, field, *ty, c, labels) {
                Ok(Some(v)) => front.push_str(&format!("{field} = {v}\n")),
                Ok(None) => {}
                Err(d) => ds.push(d_at(d, &at)),
            }
        }
        let (Some(title), true) = (title, ds.error_count() == errors) else {
            continue;
        };
        let uid = id.unwrap_or_else(|| crate::content::naming::slugify(&title));
        let row_no = input.sheet.first_row + i;
        if let Some(first) = ids.insert(uid.clone(), row_no) {
            let col = cols.fields.iter().find(|f| f.0 == "id").map_or(0, |f| f.2);
            ds.push(
                At { input, row: i, col }
                    .error("import-row-duplicate")
                    .arg("uid", uid.as_str())
                    .arg("first", first),
            );
            continue;
        }
        out.push(Entry {
            uid,
            slug: title,
            front,
            body,
        });
    }
    out
}

/// A problem with a cell's value, before its position is known.
struct Bad(Msg, Option<Msg>);

fn d_at(bad: Bad, at: &At) -> Diagnostic {
    let mut d = at.error("import-cell-bad");
    d.text = d.text.arg("problem", bad.0);
    match bad.1 {
        Some(h) => d.help(h),
        None => d,
    }
}

/// The TOML value of `field` from cell `c` (`None`: empty, left out).
fn value(
    site: &Site,
    mapping: &Mapping,
    field: &str,
    ty: FieldType,
    c: &Cell,
    labels: &TermLabels,
) -> Result<Option<String>, Bad> {
    let Some(t) = text(c) else {
        return Ok(None);
    };
    let shown = || {
        Msg::new("import-cell-value")
            .arg("field", field)
            .arg("value", t.as_str())
    };
    let kind = kind_of(&mapping.kind).unwrap_or(Kind::Offer);
    let hint = || schema::hint(kind, field);
    Ok(Some(match ty {
        FieldType::Text => quoted(&t),
        FieldType::Number => match t.parse::<i64>() {
            Ok(n) => n.to_string(),
            Err(_) => return Err(Bad(shown().arg("want", "number"), hint())),
        },
        FieldType::Flag => match (c, t.to_lowercase().as_str()) {
            (Cell::Bool(b), _) => b.to_string(),
            (_, "ja" | "yes" | "true" | "wahr" | "x" | "1") => "true".into(),
            (_, "nein" | "no" | "false" | "falsch" | "0") => "false".into(),
            _ => return Err(Bad(shown().arg("want", "yes-no"), hint())),
        },
        FieldType::Day => match c {
            Cell::Date(d) => d.to_string(),
            Cell::Text(s) => match german_date(s)
                .or_else(|| s.parse::<jiff::civil::Date>().ok().map(|d| d.to_string()))
            {
                Some(iso) if iso.len() == 10 && iso.parse::<jiff::civil::Date>().is_ok() => iso,
                _ => return Err(Bad(shown().arg("want", "date"), hint())),
            },
            _ => return Err(Bad(shown().arg("want", "date"), hint())),
        },
        FieldType::Numbers => {
            let parts: Result<Vec<f64>, _> = t
                .split([',', ';', ' '])
                .filter(|s| !s.is_empty())
                .map(str::parse)
                .collect();
            match parts {
                Ok(p) if !p.is_empty() => {
                    format!(
                        "[{}]",
                        p.iter().map(f64::to_string).collect::<Vec<_>>().join(", ")
                    )
                }
                _ => return Err(Bad(shown().arg("want", "numbers"), hint())),
            }
        }
        FieldType::Texts => {
            let items: Vec<String> = t
                .split([',', ';', '\n'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            let items = match Taxonomy::ALL.into_iter().find(|x| x.key() == field) {
                Some(tax) => items
                    .iter()
                    .map(|l| term_key(site, mapping, tax, l, labels))
                    .collect::<Result<Vec<_>, _>>()?,
                None => items,
            };
            quoted_list(&items)
        }
    }))
}

/// The key of taxonomy `tax` a label in the sheet stands for: the
/// mapping's `[labels.<taxonomy>]`, else a declared key written as is.
fn term_key(
    site: &Site,
    mapping: &Mapping,
    tax: Taxonomy,
    label: &str,
    labels: &TermLabels,
) -> Result<String, Bad> {
    if let Some(k) = mapping.labels.get(tax.key()).and_then(|m| m.get(label)) {
        return Ok(k.clone());
    }
    let declared = site.config.taxonomies.terms(tax);
    if declared.iter().any(|k| k == label) {
        return Ok(label.to_string());
    }
    // The key's labels in every language, and the mapping's labels for it.
    let own = mapping.labels.get(tax.key());
    let keys: Vec<(&str, Vec<&str>)> = declared
        .iter()
        .map(|k| {
            let mut texts = labels.of(tax.key(), k);
            texts.extend(
                own.iter()
                    .flat_map(|m| m.iter())
                    .filter(|(_, v)| *v == k)
                    .map(|(l, _)| l.as_str()),
            );
            (k.as_str(), texts)
        })
        .collect();
    let help = match meant(label, &keys) {
        Some(key) => Msg::new("import-label-meant")
            .arg("key", key)
            .arg("label", label)
            .arg("taxonomy", tax.key()),
        None => Msg::new("taxonomy-key-add").arg(
            "suggestion",
            suggest(label, declared.iter().map(String::as_str), "what-keys"),
        ),
    };
    Err(Bad(
        Msg::new("import-label-unknown")
            .arg("taxonomy", tax.key())
            .arg("label", label),
        Some(help),
    ))
}
