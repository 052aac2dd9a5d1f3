//! Splitting a content file into TOML front matter and Markdown body.

use std::ops::Range;

use crate::diagnostics::{Diagnostic, SourceFile};

/// Byte ranges of the two parts of a content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterSplit {
    /// The TOML between the `+++` lines.
    pub front: Range<usize>,
    /// Everything after the closing `+++` line.
    pub body: Range<usize>,
}

/// Finds the `+++` delimited front matter at the start of `file`.
pub fn split(file: &SourceFile) -> Result<FrontMatterSplit, Diagnostic> {
    let text = &*file.text;
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first_line_end = text[start..]
        .find('\n')
        .map_or(text.len(), |i| start + i + 1);
    if text[start..first_line_end].trim_end() != "+++" {
        return Err(Diagnostic::error("front-matter-missing")
            .at(file, start..first_line_end.max(start).min(text.len())));
    }
    let front_start = first_line_end;
    let mut offset = front_start;
    for line in text[front_start..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Ok(FrontMatterSplit {
                front: front_start..offset,
                body: offset + line.len()..text.len(),
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error("front-matter-unclosed").at(file, start..first_line_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_and_body() {
        let f = SourceFile::new("a.md", "+++\ntitle = \"x\"\n+++\nHallo\n");
        let p = split(&f).unwrap();
        assert_eq!(&f.text[p.front], "title = \"x\"\n");
        assert_eq!(&f.text[p.body], "Hallo\n");
    }

    #[test]
    fn crlf_and_missing_closing_line() {
        let f = SourceFile::new("a.md", "+++\r\ntitle = \"x\"\r\n+++\r\nB");
        let p = split(&f).unwrap();
        assert_eq!(&f.text[p.body], "B");
        let f = SourceFile::new("a.md", "+++\ntitle = \"x\"\n");
        assert!(split(&f).unwrap_err().message().contains("never closed"));
        let f = SourceFile::new("a.md", "title = \"x\"\n");
        assert!(split(&f).unwrap_err().message().contains("does not start"));
    }
}
