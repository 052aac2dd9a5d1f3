//! Reading one `.ftl` file: the text checks (UTF-8, byte-order mark, line
//! ends) and Fluent's syntax, each problem with its file, line and column.

use std::path::{Path, PathBuf};

use fluent_bundle::FluentResource;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::site_folder::{self, Folder, Walk};

/// The byte-order mark some Windows editors put at the start of UTF-8 files.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A parsed `.ftl` file and its text (without byte-order mark, with `\n` line ends).
pub(super) struct FtlFile {
    pub file: SourceFile,
    pub resource: FluentResource,
}

/// Reads and parses `path`, shown to editors as `shown`. `None` if the file
/// cannot be used at all (unreadable, not UTF-8); syntax errors leave the
/// entries that did parse.
pub(super) fn read(path: &Path, shown: PathBuf, ds: &mut Diagnostics) -> Option<FtlFile> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            ds.push(
                Diagnostic::error("file-unreadable")
                    .arg("detail", e.to_string())
                    .at_path(&shown),
            );
            return None;
        }
    };
    let bytes = bytes.strip_prefix(BOM).unwrap_or(&bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.replace("\r\n", "\n"),
        Err(e) => {
            // Everything before the first bad byte is text, so its line and
            // column are those of the lossily decoded file.
            let bad = e.valid_up_to();
            let file = SourceFile::new(shown, String::from_utf8_lossy(bytes).into_owned());
            ds.push(Diagnostic::error("ftl-not-utf8").at(&file, bad..bad + 1));
            return None;
        }
    };
    let file = SourceFile::new(shown, text.as_str());
    let resource = match FluentResource::try_new(text) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                let span = e.slice.clone().unwrap_or(e.pos.clone());
                ds.push(
                    Diagnostic::error("ftl-syntax")
                        .arg("detail", e.kind.to_string())
                        .at(&file, span),
                );
            }
            r
        }
    };
    Some(FtlFile { file, resource })
}

/// Byte offset of `part` in `source`. Every name in a resource's AST is a
/// slice of the resource's text (`FluentResource::source`), so this is
/// where the parser found it; 0 for a string from elsewhere.
pub(super) fn offset_in(source: &str, part: &str) -> usize {
    let start = source.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    if at >= start && at + part.len() <= start + source.len() {
        at - start
    } else {
        0
    }
}

/// The `.ftl` files of one language's folder `dir` (relative to the site
/// root `root`), sorted: none if it does not exist, `None` if it is a link
/// the rule of [`crate::site_folder`] refuses (reported in `ds`, as are
/// refused links to files in it).
pub(super) fn ftl_files(root: &Path, dir: &Path, ds: &mut Diagnostics) -> Option<Vec<PathBuf>> {
    match site_folder::walk(root, dir, Walk::FLAT, ds) {
        Folder::Refused => None,
        found => Some(
            found
                .into_files()
                .into_iter()
                .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                .map(|p| root.join(dir).join(p))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_bytes(bytes: &[u8]) -> (Option<FtlFile>, Diagnostics) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("main.ftl");
        std::fs::write(&path, bytes).unwrap();
        let mut ds = Diagnostics::new();
        let f = read(&path, PathBuf::from("locales/de/main.ftl"), &mut ds);
        (f, ds)
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let (f, ds) = read_bytes(b"\xEF\xBB\xBFhello = Hallo\r\nbye = Tsch\xC3\xBCss\r\n");
        assert!(ds.is_empty(), "{}", ds.render());
        let f = f.unwrap();
        assert_eq!(&*f.file.text, "hello = Hallo\nbye = Tschüss\n");
        assert_eq!(f.resource.entries().count(), 2);
    }

    #[test]
    fn latin1_is_reported_at_the_first_bad_byte() {
        let (f, ds) = read_bytes(b"hello = Hallo\nbye = Tsch\xFCss\n");
        assert!(f.is_none());
        let d = ds.iter().next().unwrap();
        assert_eq!(d.location().unwrap(), "locales/de/main.ftl:2:11");
    }

    #[test]
    fn offsets_of_names_are_where_the_parser_found_them() {
        let r = FluentResource::try_new("a = A\nsecond = { a }\n".to_string()).unwrap();
        let ids: Vec<usize> = r
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(offset_in(r.source(), m.id.name)),
                _ => None,
            })
            .collect();
        assert_eq!(ids, [0, 6]);
        assert_eq!(offset_in(r.source(), "elsewhere"), 0);
    }
}
