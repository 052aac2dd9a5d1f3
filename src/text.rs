//! The one rule for characters no output may contain, and where it is applied.
//!
//! Control characters (C0 except TAB, LF and CR; DEL; C1) and the two
//! noncharacters U+FFFE and U+FFFF have no meaning in a guide's text. They are
//! invalid in XML 1.0 (Atom), HTML reports them as parse errors, and in
//! line-based formats (iCalendar, vCard) some parsers treat them as line
//! breaks or reject the file.
//!
//! Text reaches the outputs from three sources only: content files (front
//! matter and Markdown), Fluent messages and `site.toml`. Each source removes
//! the characters once when it is loaded: the raw text of a content file, the
//! string values of parsed TOML (escapes like `"\u001B"` only exist after
//! parsing) and every formatted Fluent message. The writers of the
//! line-based and XML formats apply the rule again, so their output is safe
//! whatever a caller passes in.
//!
//! This module is at the bottom of the module graph: it uses no other module
//! of the crate.

use std::borrow::Cow;

/// Whether `c` is removed from all text: C0 controls except TAB, LF and CR,
/// DEL, C1 controls, U+FFFE and U+FFFF.
pub fn is_removed(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}' => true,
        _ => false,
    }
}

/// Whether `s` holds a character of [`is_removed`]. It reads bytes, not
/// characters: every content file's whole text passes here (312 MB at
/// 10,000 offers). In UTF-8, a byte below 0x80 is an ASCII character and a
/// lead byte is never a continuation byte (0x80–0xBF), so the C1 controls
/// (U+0080–U+009F) are exactly the pairs 0xC2 0x80–0x9F, and U+FFFE/U+FFFF
/// exactly 0xEF 0xBF 0xBE/0xBF.
fn has_removed(s: &str) -> bool {
    // A cheap test that holds for every byte starting a removed character
    // (and for few others: a line break is the common exception, so it is
    // left out and only the other control bytes count).
    let suspect = |b: u8| (b < 0x20 && b != b'\n') || b == 0x7f || b == 0xc2 || b == 0xef;
    let bytes = s.as_bytes();
    // Chunks without a suspect byte are passed over without branching per
    // byte (the compiler vectorises the fold); a suspect chunk is looked at
    // character by character.
    const CHUNK: usize = 64;
    let mut start = 0;
    while start < bytes.len() {
        let end = (start + CHUNK).min(bytes.len());
        if bytes[start..end]
            .iter()
            .fold(false, |any, &b| any | suspect(b))
        {
            // The chunk may start inside a character: look from its
            // character boundary (at most three bytes back) to the end of
            // the character the chunk ends in.
            let from = (0..=start.min(3))
                .map(|back| start - back)
                .find(|&i| s.is_char_boundary(i))
                .unwrap_or(0);
            let to = (end..=bytes.len())
                .find(|&i| s.is_char_boundary(i))
                .unwrap_or(bytes.len());
            if s[from..to].chars().any(is_removed) {
                return true;
            }
        }
        start = end;
    }
    false
}

/// A content file's text as the site holds it, from the text as read:
/// `\r\n` made `\n` (positions and Markdown behave the same on every
/// system) and the characters of [`is_removed`] taken out. The loader and a
/// body read again (`content::shed`) both go through it.
pub fn content_as_held(text: String) -> String {
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    };
    strip_controls_owned(text)
}

/// `s` without the characters of [`is_removed`]; borrowed when it has none.
pub fn strip_controls(s: &str) -> Cow<'_, str> {
    if has_removed(s) {
        Cow::Owned(s.chars().filter(|c| !is_removed(*c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// [`strip_controls`] for an owned string (no copy when there is nothing to remove).
pub fn strip_controls_owned(s: String) -> String {
    match strip_controls(&s) {
        Cow::Borrowed(_) => s,
        Cow::Owned(clean) => clean,
    }
}

/// Removes the characters of [`is_removed`] from every string value of a
/// parsed TOML table, nested tables and arrays included. (Keys need no
/// cleaning: every key is checked against a schema.)
pub fn strip_controls_toml(table: &mut toml::de::DeTable<'_>) {
    use toml::de::DeValue;
    fn value(v: &mut DeValue<'_>) {
        match v {
            DeValue::String(s) => {
                if let Cow::Owned(clean) = strip_controls(s) {
                    *s = Cow::Owned(clean);
                }
            }
            DeValue::Array(items) => items.iter_mut().for_each(|i| value(i.get_mut())),
            DeValue::Table(t) => strip_controls_toml(t),
            _ => {}
        }
    }
    table.iter_mut().for_each(|(_, v)| value(v.get_mut()));
}

/// A URI for a format that writes URIs unescaped (iCalendar `URL`, vCard
/// `URL`): a URI has no whitespace or control character (RFC 3986), and a
/// line break would end the content line.
pub fn uri(s: &str) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() || c.is_whitespace() || is_removed(c);
    if s.chars().any(bad) {
        Cow::Owned(s.chars().filter(|c| !bad(*c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_c0_del_c1_and_keeps_tab_newlines_and_text() {
        let s = "a\u{7}b\u{c}c\u{1b}[31md\u{b}e\u{7f}f\u{85}g\u{9f}h\u{ffff}\t\n\r ä中😀";
        assert_eq!(strip_controls(s), "abc[31mdefgh\t\n\r ä中😀");
        assert!(matches!(strip_controls("plain ä"), Cow::Borrowed(_)));
        for c in ['\u{0}', '\u{8}', '\u{e}', '\u{1f}', '\u{80}', '\u{fffe}'] {
            assert!(is_removed(c), "{c:?}");
        }
        for c in ['\t', '\n', '\r', ' ', '\u{a0}', '\u{200f}', '\u{fffd}'] {
            assert!(!is_removed(c), "{c:?}");
        }
        assert_eq!(strip_controls_owned("x\u{1}y".into()), "xy");
    }

    #[test]
    fn the_byte_scan_finds_what_the_character_scan_finds() {
        // Every removed character and every kept one that shares a lead
        // byte with one, at every position around the 64-byte chunks.
        let probes = [
            '\u{1}', '\u{7f}', '\u{80}', '\u{9f}', '\u{fffe}', '\u{ffff}', '\t', '\n', '\r',
            '\u{a0}', '\u{ab}', '\u{f000}', '\u{fffd}', 'ä', '😀',
        ];
        for filler in ["a", "ä", "中", "😀"] {
            for len in [0, 1, 30, 62, 63, 64, 65, 127, 128, 200] {
                let base = filler.repeat(len);
                for &c in &probes {
                    for at in (0..=base.len()).filter(|i| base.is_char_boundary(*i)) {
                        let mut s = base.clone();
                        s.insert(at, c);
                        assert_eq!(
                            has_removed(&s),
                            is_removed(c),
                            "{c:?} at {at} in {len}×{filler}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn cleans_nested_toml_strings_written_as_escapes() {
        let text =
            "title = \"In\\u0007fo\"\nlist = [\"a\\u001Bb\"]\n[t]\ns = \"\\u0085x\"\nn = 3\n";
        let mut table = toml::de::DeTable::parse(text).unwrap();
        strip_controls_toml(table.get_mut());
        let v: toml::Table =
            serde::Deserialize::deserialize(toml::de::Deserializer::from(table)).unwrap();
        assert_eq!(v["title"].as_str(), Some("Info"));
        assert_eq!(v["list"][0].as_str(), Some("ab"));
        assert_eq!(v["t"]["s"].as_str(), Some("x"));
        assert_eq!(v["t"]["n"].as_integer(), Some(3));
    }

    #[test]
    fn uris_lose_line_breaks_and_spaces() {
        assert_eq!(
            uri("https://a.example/x\r\nEND:VCARD\u{7} y"),
            "https://a.example/xEND:VCARDy"
        );
        assert!(matches!(
            uri("https://a.example/?a=1,2;b"),
            Cow::Borrowed(_)
        ));
    }
}
