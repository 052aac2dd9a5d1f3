//! Turning TOML and serde errors into editor-friendly diagnostics.

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
    fn parses_serde_unknown_field_message() {
        let (n, e) =
            unknown_field("unknown field `titel`, expected one of `title`, `draft`").unwrap();
        assert_eq!(n, "titel");
        assert_eq!(e, vec!["title", "draft"]);
        let (n, e) = unknown_field("unknown field `x`, expected `key`").unwrap();
        assert_eq!((n.as_str(), e), ("x", vec!["key".to_string()]));
    }
}
