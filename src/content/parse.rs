//! Parsing one content file: text → front matter and body (its path was
//! read by [`super::naming`]).

use std::ops::Range;

use serde::{Deserialize, Serialize};
use toml::value::Datetime;

use super::links::{MAX_NESTING, scan_body};
use super::naming::FileId;
pub use super::spanned::Spanned;
use super::{frontmatter, schema};
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::toml_input::{explain_toml_error, suggest};

/// One session of an event as written in front matter.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSession {
    pub start: Spanned<Datetime>,
    pub end: Spanned<Datetime>,
}

/// One `closed` period of a location as written (a translation gives only
/// the `reason`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawClosure {
    pub from: Option<Spanned<Datetime>>,
    pub to: Option<Spanned<Datetime>>,
    pub reason: Option<String>,
}

/// A location's `accessibility` table as written: each "yes", "no" or "unknown".
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawAccessibility {
    pub step_free: Option<Spanned<String>>,
    pub lift: Option<Spanned<String>>,
    pub toilet: Option<Spanned<String>>,
    pub hearing_loop: Option<Spanned<String>>,
    pub parking: Option<Spanned<String>>,
}

/// One entry of `documents` as written.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub file: Spanned<String>,
    pub title: Spanned<String>,
    pub language: Option<Spanned<String>>,
}

/// The `sign_language` table as written.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSignLanguage {
    pub video: Spanned<String>,
    pub poster: Spanned<String>,
    pub captions: Option<Spanned<String>>,
}

/// Front matter of any kind; which fields are allowed is checked against
/// [`schema`] before this is deserialised.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct RawFront {
    pub title: Option<Spanned<String>>,
    pub summary: Option<String>,
    pub draft: Option<bool>,
    pub updated: Option<Spanned<Datetime>>,
    pub topics: Option<Vec<Spanned<String>>>,
    pub audiences: Option<Vec<Spanned<String>>>,
    pub places: Option<Vec<Spanned<String>>>,
    pub offered_in: Option<Vec<Spanned<String>>>,
    pub contacts: Option<Vec<Spanned<String>>>,
    pub provider: Option<Spanned<String>>,
    pub organizer: Option<Spanned<String>>,
    pub address: Option<String>,
    pub geo: Option<Spanned<Vec<f64>>>,
    pub schedule: Option<String>,
    pub cost: Option<String>,
    pub childcare: Option<bool>,
    pub accessible: Option<bool>,
    pub registration_url: Option<Spanned<String>>,
    pub website: Option<Spanned<String>>,
    pub review_by: Option<Spanned<Datetime>>,
    pub start: Option<Spanned<Datetime>>,
    pub end: Option<Spanned<Datetime>>,
    pub all_day: Option<bool>,
    pub sessions: Option<Spanned<Vec<RawSession>>>,
    pub location: Option<String>,
    pub repeat: Option<Spanned<String>>,
    pub repeat_on: Option<Spanned<Vec<Spanned<String>>>>,
    pub repeat_week: Option<Spanned<i64>>,
    pub repeat_interval: Option<Spanned<i64>>,
    pub repeat_until: Option<Spanned<Datetime>>,
    pub except: Option<Vec<Spanned<Datetime>>>,
    pub archived: Option<bool>,
    pub online_url: Option<Spanned<String>>,
    pub attendance: Option<Spanned<String>>,
    pub kind: Option<Spanned<String>>,
    pub role: Option<String>,
    pub organization: Option<Spanned<String>>,
    pub phone: Option<Spanned<String>>,
    pub email: Option<Spanned<String>>,
    pub office_hours: Option<String>,
    pub opening_hours: Option<Spanned<String>>,
    pub languages: Option<Vec<Spanned<String>>>,
    pub at: Option<Spanned<String>>,
    pub closed: Option<Spanned<Vec<RawClosure>>>,
    pub appointment_url: Option<Spanned<String>>,
    pub appointment_only: Option<bool>,
    pub accessibility: Option<RawAccessibility>,
    pub accessibility_note: Option<String>,
    pub transit: Option<String>,
    pub source_hash: Option<Spanned<String>>,
    pub machine_translated: Option<bool>,
    pub reviewed: Option<bool>,
    pub image: Option<Spanned<String>>,
    pub image_alt: Option<String>,
    pub image_decorative: Option<bool>,
    pub image_credit: Option<String>,
    pub documents: Option<Vec<RawDocument>>,
    pub sign_language: Option<Spanned<RawSignLanguage>>,
}

/// A parsed content file.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    pub id: FileId,
    pub file: SourceFile,
    pub front: RawFront,
    /// Where the front-matter text starts in the file (spans in `front` are relative to it).
    pub front_offset: usize,
    pub body: Range<usize>,
    /// Link targets of the body (see [`scan_body`]).
    pub links: std::sync::Arc<[(String, Range<usize>)]>,
    /// Where the body is read again once the preview shed it (`file` then
    /// holds the front matter only; see [`super::shed`]).
    pub on_disk: Option<super::shed::OnDisk>,
    /// `front` in binary form, if it came so (a file known from an earlier
    /// build, [`super::known`]).
    pub front_form: Option<std::sync::Arc<[u8]>>,
}

impl ParsedFile {
    /// `front` in binary form ([`super::spanned`]): what the next build
    /// knows of it.
    pub fn front_form(&self) -> Option<std::sync::Arc<[u8]>> {
        match &self.front_form {
            Some(f) => Some(f.clone()),
            None => postcard::to_allocvec(&self.front).ok().map(Into::into),
        }
    }
}

impl ParsedFile {
    /// A span from `front` translated into file coordinates.
    pub fn span(&self, r: Range<usize>) -> Range<usize> {
        r.start + self.front_offset..r.end + self.front_offset
    }

    /// An error with the code `code` at `r` (a span inside the front matter).
    pub fn error_at(&self, r: Range<usize>, code: &'static str) -> Diagnostic {
        Diagnostic::error(code).at(&self.file, self.span(r))
    }
}

/// Front matter holds short fields; anything larger is a mistake (a missing
/// closing `+++` is reported separately).
pub const MAX_FRONT_MATTER: usize = 64_000;

/// Parses a content file. Reports every unknown or misplaced field, then the
/// first type error (serde stops there).
pub fn parse_file(id: FileId, file: SourceFile) -> Result<ParsedFile, Vec<Diagnostic>> {
    let parts = frontmatter::split(&file).map_err(|d| vec![d])?;
    let offset = parts.front.start;
    if parts.front.len() > MAX_FRONT_MATTER {
        return Err(vec![
            Diagnostic::error("front-matter-too-large")
                .arg("size", parts.front.len() / 1000)
                .arg("max", MAX_FRONT_MATTER / 1000)
                .at(&file, offset..offset + 3),
        ]);
    }
    let front_text = &file.text[parts.front.clone()];
    let mut table = toml::de::DeTable::parse(front_text).map_err(|e| {
        vec![explain_toml_error(&e, &file, offset, |n| {
            schema::hint(id.kind, n)
        })]
    })?;
    crate::text::strip_controls_toml(table.get_mut()); // escapes like "\u001B" (crate::text)
    let mut errors: Vec<Diagnostic> = table
        .get_ref()
        .iter()
        .filter_map(|(key, _)| {
            let span = key.span().start + offset..key.span().end + offset;
            misplaced_field(&id, &file, key.get_ref(), span)
        })
        .collect();
    errors.extend(super::date_fields::normalise(
        table.get_mut(),
        &file,
        offset,
    ));
    if !errors.is_empty() {
        return Err(errors);
    }
    let front = RawFront::deserialize(toml::de::Deserializer::from(table)).map_err(|e| {
        vec![explain_toml_error(&e, &file, offset, |n| {
            schema::hint(id.kind, n)
        })]
    })?;
    let scan = scan_body(&file.text, parts.body.clone());
    if let Some(span) = scan.too_deep {
        return Err(vec![
            Diagnostic::error("nesting-too-deep")
                .arg("max", MAX_NESTING)
                .at(&file, span),
        ]);
    }
    Ok(ParsedFile {
        id,
        file,
        front,
        front_offset: offset,
        body: parts.body,
        links: scan.links.into(),
        on_disk: None,
        front_form: None,
    })
}

/// The error for a front-matter field `name` (at `span` in the file) that
/// this kind of file may not have, if it may not.
fn misplaced_field(
    id: &FileId,
    file: &SourceFile,
    name: &str,
    span: Range<usize>,
) -> Option<Diagnostic> {
    let translation = id.lang.is_some();
    if schema::allowed(id.kind, translation).any(|f| f.name == name) {
        return None;
    }
    let allowed_in_source = schema::allowed(id.kind, false).any(|f| f.name == name);
    let allowed_in_translation = schema::allowed(id.kind, true).any(|f| f.name == name);
    let d = if translation && allowed_in_source {
        Diagnostic::error("field-not-in-translation")
            .arg("name", name)
            .arg("slug", id.slug.as_str())
            .arg(
                "allowed",
                schema::allowed(id.kind, true)
                    .map(|f| f.name)
                    .collect::<Vec<_>>()
                    .join(", "),
            )
            .at(file, span)
    } else if !translation && allowed_in_translation {
        Diagnostic::error("field-only-in-translation")
            .arg("name", name)
            .at(file, span)
    } else {
        let what = if translation {
            "what-translatable-fields"
        } else {
            "what-fields"
        };
        Diagnostic::error("unknown-field-for-kind")
            .arg("name", name)
            .arg("kind", id.kind.name())
            .at(file, span)
            .help(suggest(
                name,
                schema::editable(id.kind, translation).map(|f| f.name),
                what,
            ))
    };
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Kind;

    #[test]
    fn translation_may_not_set_structural_fields() {
        let id = FileId {
            kind: Kind::Offer,
            slug: "x".into(),
            lang: Some("ar".into()),
        };
        let f = SourceFile::new(
            "offers/x.ar.md",
            "+++\ntitle = \"س\"\nchildcare = true\n+++\n",
        );
        let errs = parse_file(id, f).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert!(errs[0].message().contains("cannot be set in a translation"));
        assert_eq!(errs[0].line_col(), Some((3, 1)));
    }

    #[test]
    fn wrong_type_names_the_field() {
        let id = FileId {
            kind: Kind::Offer,
            slug: "x".into(),
            lang: None,
        };
        let f = SourceFile::new(
            "offers/x.md",
            "+++\ntitle = \"x\"\nchildcare = \"ja\"\n+++\n",
        );
        let errs = parse_file(id, f).unwrap_err();
        assert!(
            errs[0].message().contains("`childcare`"),
            "{}",
            errs[0].message()
        );
        assert_eq!(errs[0].line_col().map(|x| x.0), Some(3));
        assert!(
            errs[0]
                .help_in(&crate::tool_text::ToolText::new(crate::tool_text::Lang::En))
                .unwrap_or_default()
                .contains("childcare = true")
        );
    }
}
