//! Turning TOML and serde errors into editor-friendly diagnostics.

use std::ops::Range;

use crate::diagnostics::{Diagnostic, SourceFile};
use crate::tool_text::{Arg, Msg};

/// "did you mean `x`?" for a misspelt key, plus the list of allowed keys.
/// `what` is the id of the word for the candidates (`what-fields`, …).
pub fn suggest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    what: &'static str,
) -> Msg {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let best = candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let list = Arg::Names(candidates.iter().map(|c| c.to_string()).collect());
    match best {
        Some((_, c)) => Msg::new("suggest-did-you-mean")
            .arg("best", c)
            .arg("what", Msg::new(what))
            .arg("list", list),
        None if candidates.is_empty() => Msg::new("suggest-none").arg("what", Msg::new(what)),
        None => Msg::new("suggest-allowed")
            .arg("what", Msg::new(what))
            .arg("list", list),
    }
}

/// A date written the German way — `30.06.2027`, `1.7.2027`, with or
/// without a time `30.06.2027 18:00` — in the form TOML and Wegweiser need
/// (`2027-06-30`, `2027-06-30T18:00`). `None` for anything else.
pub fn german_date(text: &str) -> Option<String> {
    let text = text.trim().trim_matches('"').trim();
    let (date, time) = match text.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t.trim().trim_end_matches(" Uhr"))),
        None => (text, None),
    };
    let mut parts = date.split('.');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (d, m, y) = (
        number(day, 1..=2)?,
        number(month, 1..=2)?,
        number(year, 4..=4)?,
    );
    if parts.next().is_some() || !(1..=31).contains(&d) || !(1..=12).contains(&m) {
        return None;
    }
    let iso = format!("{y:04}-{m:02}-{d:02}");
    match time {
        None => Some(iso),
        Some(t) => {
            let (h, min) = t.split_once([':', '.'])?;
            let (h, min) = (number(h, 1..=2)?, number(min, 2..=2)?);
            (h < 24 && min < 60).then(|| format!("{iso}T{h:02}:{min:02}"))
        }
    }
}

/// The error for a date written the German way (see [`german_date`]).
/// `field`: the key the date is assigned to, for the example in the help.
pub fn german_date_error(
    iso: &str,
    field: &str,
    file: &SourceFile,
    span: Range<usize>,
) -> Diagnostic {
    let example = if field == "except" {
        format!("{field} = [{iso}]")
    } else {
        format!("{field} = {iso}")
    };
    Diagnostic::error("date-german")
        .arg("iso", iso)
        .arg("example", example)
        .at(file, span)
}

/// The value assigned on the line that contains `offset` (`key = value`,
/// without a trailing comment), with its byte range in `text`.
fn value_at(text: &str, offset: usize) -> Option<(&str, Range<usize>)> {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let eq = line.find('=')?;
    let value = &line[eq + 1..];
    let value = value.split_once(" #").map_or(value, |v| v.0);
    let begin = start + eq + 1 + (value.len() - value.trim_start().len());
    let value = value.trim();
    Some((value, begin..begin + value.len()))
}

/// Parses serde's "unknown field `x`, expected one of `a`, `b`" message.
fn unknown_field(msg: &str) -> Option<(String, Vec<String>)> {
    let rest = msg.strip_prefix("unknown field `")?;
    let (name, rest) = rest.split_once('`')?;
    let expected = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    Some((name.to_string(), expected))
}

/// Converts a TOML parse or deserialisation error into a diagnostic.
///
/// `offset` is where the TOML text starts inside `file` (front matter starts
/// after the opening `+++`). `hint` gives a help text for a field by name,
/// used when the error is a wrong type for that field.
pub fn explain_toml_error(
    err: &toml::de::Error,
    file: &SourceFile,
    offset: usize,
    hint: impl Fn(&str) -> Option<Msg>,
) -> Diagnostic {
    let msg = err.message().trim().to_string();
    let span = err
        .span()
        .map(|s| s.start + offset..s.end + offset)
        .unwrap_or(offset..offset);
    if let Some((name, expected)) = unknown_field(&msg) {
        let help = suggest(&name, expected.iter().map(String::as_str), "what-fields");
        return Diagnostic::error("unknown-field")
            .arg("name", name)
            .at(file, span)
            .help(help);
    }
    if let Some(field) = msg
        .strip_prefix("missing field `")
        .and_then(|r| r.split_once('`'))
        .map(|x| x.0.to_string())
    {
        let help = hint(&field)
            .unwrap_or_else(|| Msg::new("missing-field-add").arg("field", field.as_str()));
        return Diagnostic::error("missing-field")
            .arg("field", field)
            .at(file, span)
            .help(help);
    }
    if let Some((value, at)) = value_at(&file.text, span.start)
        && let Some(iso) = german_date(value)
    {
        let field = field_at(&file.text, span.start);
        let field = field.as_deref().unwrap_or(if iso.contains('T') {
            "start"
        } else {
            "review_by"
        });
        return german_date_error(&iso, field, file, at);
    }
    let field = field_at(&file.text, span.start);
    let d = match &field {
        Some(f) => Diagnostic::error("wrong-value")
            .arg("field", f.as_str())
            .arg("detail", msg),
        // Without a field the `.help` attribute explains TOML.
        None => Diagnostic::error("invalid-toml").arg("detail", msg),
    }
    .at(file, span);
    match field.as_deref().and_then(&hint) {
        Some(h) => d.help(h),
        None => d,
    }
}

/// The key assigned on the line that contains `offset` (`key = …`).
fn field_at(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    if !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        Some(key.to_string())
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestion_finds_close_key() {
        let en = crate::tool_text::ToolText::new(crate::tool_text::Lang::En);
        let s = en.get(&suggest("titel", ["title", "summary"], "what-fields"));
        assert!(s.starts_with("did you mean `title`?"), "{s}");
        let s = en.get(&suggest("zzz", ["title"], "what-fields"));
        assert_eq!(s, "allowed fields: `title`");
    }

    #[test]
    fn german_dates_are_recognised() {
        assert_eq!(german_date("30.06.2027").as_deref(), Some("2027-06-30"));
        assert_eq!(german_date("\"1.7.2027\"").as_deref(), Some("2027-07-01"));
        assert_eq!(
            german_date("30.06.2027 18:00").as_deref(),
            Some("2027-06-30T18:00")
        );
        assert_eq!(
            german_date("5.2.2026 9.30 Uhr").as_deref(),
            Some("2026-02-05T09:30")
        );
        for not in [
            "2027-06-30",
            "30.06.27",
            "32.01.2027",
            "1.13.2027",
            "3.14",
            "a.b.cdef",
        ] {
            assert_eq!(german_date(not), None, "{not}");
        }
    }

    #[test]
    fn parses_serde_unknown_field_message() {
        let (n, e) =
            unknown_field("unknown field `titel`, expected one of `title`, `draft`").unwrap();
        assert_eq!(n, "titel");
        assert_eq!(e, vec!["title", "draft"]);
        let (n, e) = unknown_field("unknown field `x`, expected `key`").unwrap();
        assert_eq!((n.as_str(), e), ("x", vec!["key".to_string()]));
    }
}
