//! Writing the built site: all files go to a fresh folder next to the output
//! folder, which replaces the old output in one step only when everything
//! was written ([`Staging`]).

pub mod api;
pub mod base_path;
pub mod content_lines;
pub mod css;
pub mod data;
mod data_common;
pub mod dcat;
pub mod feed;
pub mod feeds;
pub mod headers;
pub mod ical;
pub mod images;
pub mod leaflet;
pub mod media;
pub mod offline;
mod packed;
pub mod previous;
pub mod script;
pub mod search;
pub mod sitemap;
mod staging;
pub mod static_scripts;
pub mod vcard;

pub use packed::{Packed, PackedFiles, Packer, unpack_all};
pub use staging::{Staging, WrittenFile};

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::layout::SOURCE_DIRS;
use crate::site_folder::{self, Walk};
use crate::tool_text::Msg;

/// The complete output of a build: relative path → bytes, in sorted order.
/// Bytes are shared (`Arc`), so the preview can assemble a new output from
/// mostly unchanged pages without copying them.
pub type OutputFiles = BTreeMap<String, Bytes>;

/// The bytes of one output file.
pub type Bytes = std::sync::Arc<[u8]>;

/// Files that show a folder is a previous Wegweiser output (and may be replaced).
/// Written into every output folder: only a folder that has it is ever
/// replaced by a build (so a mistyped --out never wipes someone's files).
pub const OUTPUT_MARKER: &str = ".wegweiser-output";

/// Refuses output folders whose replacement would delete something else:
/// the site folder itself, a parent of it, or a non-empty folder that was
/// not written by Wegweiser.
pub fn check_output_dir(root: &Path, out: &Path) -> Result<(), Diagnostic> {
    let abs = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let root_abs = abs(root);
    let out_abs = abs(out);
    if root_abs.starts_with(&out_abs) {
        return Err(Diagnostic::error("out-contains-site").arg("out", out.display()));
    }
    for source in SOURCE_DIRS {
        if out_abs.starts_with(abs(&root.join(source))) {
            return Err(Diagnostic::error("out-inside-source")
                .arg("out", out.display())
                .arg("source", source.to_string()));
        }
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
        && out_abs == abs(Path::new(&home))
    {
        return Err(Diagnostic::error("out-is-home").arg("out", out.display()));
    }
    if out.is_dir() {
        let mut entries = std::fs::read_dir(out).map_err(|e| {
            Diagnostic::error("out-unreadable")
                .arg("out", out.display())
                .arg("detail", e.to_string())
        })?;
        let empty = entries.next().is_none();
        let ours = out.join(OUTPUT_MARKER).is_file();
        if !empty && !ours {
            return Err(Diagnostic::error("out-not-ours").arg("out", out.display()));
        }
    } else if out.exists() {
        return Err(Diagnostic::error("out-not-folder").arg("out", out.display()));
    }
    Ok(())
}

/// Which build an output folder holds. Taken before a build and compared
/// after the build failed, it tells whether the output folder was changed
/// ([`Generation::what_became_of`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generation(Option<FolderId>);

/// Device and inode of the folder: a build puts another folder in place.
#[cfg(unix)]
type FolderId = (u64, u64);

/// The marker file's modification time: every build writes it anew.
#[cfg(not(unix))]
type FolderId = std::time::SystemTime;

impl Generation {
    pub fn of(out: &Path) -> Generation {
        #[cfg(unix)]
        let id = {
            use std::os::unix::fs::MetadataExt;
            std::fs::metadata(out).ok().map(|m| (m.dev(), m.ino()))
        };
        #[cfg(not(unix))]
        let id = std::fs::metadata(out.join(OUTPUT_MARKER))
            .and_then(|m| m.modified())
            .ok();
        Generation(id)
    }

    /// What became of the output folder `out` since this was taken, for
    /// the last line of a failed build.
    pub fn what_became_of(&self, out: &Path) -> Msg {
        let now = Generation::of(out);
        if now == *self {
            Msg::new("output-nothing-written")
        } else if now.0.is_none() {
            Msg::new("output-missing").arg("folder", out.display())
        } else {
            Msg::new("output-new-build").arg("folder", out.display())
        }
    }
}

/// Writes `files` to `out`, atomically replacing its previous content.
pub fn write_atomic(out: &Path, files: &OutputFiles) -> Result<(), Diagnostic> {
    let staging = Staging::new(out)?;
    staging.write_all(files)?;
    staging.commit()
}

/// Whether an output path stays inside the output folder: relative, and made
/// of plain names only (no `..`, no root, no drive prefix).
pub fn safe_relative(rel: &str) -> bool {
    let p = Path::new(rel);
    !rel.is_empty()
        && !rel.contains('\0')
        && p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Replaces every UTF-8 file of `files` named `prefix…suffix` by what
/// `minify` makes of it; a file it returns `None` for stays as written.
/// (The one loop of the stylesheet and script minifiers.)
pub fn minify_text_files(
    files: &mut OutputFiles,
    suffix: &str,
    prefix: &str,
    minify: fn(&str) -> Option<String>,
) {
    for (name, bytes) in files.iter_mut() {
        if !name.ends_with(suffix) || !name.starts_with(prefix) {
            continue;
        }
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        if let Some(small) = minify(text) {
            *bytes = small.into_bytes().into();
        }
    }
}

/// Adds every file below `dir` (relative to the site root `root`) to
/// `files` under `prefix`, in sorted order. Links are followed by the rule
/// of [`crate::site_folder`]: each one it refuses, and each file that cannot
/// be read, is reported in `ds` and left out.
pub fn add_static_dir(
    root: &Path,
    dir: &Path,
    prefix: &str,
    files: &mut OutputFiles,
    ds: &mut Diagnostics,
) {
    for rel in site_folder::walk(root, dir, Walk::EVERYTHING, ds).into_files() {
        let key = crate::routes::static_file(prefix, &rel.to_string_lossy().replace('\\', "/"));
        let shown = dir.join(&rel);
        match std::fs::read(root.join(&shown)) {
            Ok(bytes) => {
                files.insert(key, bytes.into());
            }
            Err(e) => ds.push(
                Diagnostic::error("file-unreadable")
                    .arg("detail", e.to_string())
                    .at_path(&shown),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_output_and_refuses_foreign_folders() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let mut files = OutputFiles::new();
        files.insert("index.html".into(), b"a".as_slice().into());
        files.insert("sitemap.xml".into(), b"s".as_slice().into());
        files.insert("de/index.html".into(), b"b".as_slice().into());
        write_atomic(&out, &files).unwrap();
        assert_eq!(std::fs::read(out.join("de/index.html")).unwrap(), b"b");
        check_output_dir(dir.path().join("site").as_path(), &out).unwrap();
        files.remove("de/index.html");
        write_atomic(&out, &files).unwrap();
        assert!(
            !out.join("de").exists(),
            "stale files are gone after a rebuild"
        );

        let foreign = dir.path().join("docs");
        std::fs::create_dir_all(&foreign).unwrap();
        std::fs::write(foreign.join("notes.txt"), "keep").unwrap();
        assert!(check_output_dir(dir.path(), &foreign).is_err());
        assert!(
            check_output_dir(&foreign, dir.path()).is_err(),
            "output may not contain the site"
        );
    }

    #[test]
    fn tells_whether_a_build_changed_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let files = OutputFiles::from([("index.html".to_string(), b"a".as_slice().into())]);
        let t = crate::tool_text::ToolText::new(crate::tool_text::Lang::En);
        let de = crate::tool_text::ToolText::new(crate::tool_text::Lang::De);
        let none = Generation::of(&out);
        assert_eq!(t.get(&none.what_became_of(&out)), "nothing was written");
        write_atomic(&out, &files).unwrap();
        let first = Generation::of(&out);
        assert_eq!(t.get(&first.what_became_of(&out)), "nothing was written");
        write_atomic(&out, &files).unwrap();
        assert!(
            t.get(&first.what_became_of(&out))
                .ends_with("public/ holds the new build (see above)")
        );
        assert!(
            de.get(&first.what_became_of(&out))
                .ends_with("public/ enthält den neuen Stand (siehe oben)")
        );
        let second = Generation::of(&out);
        std::fs::remove_dir_all(&out).unwrap();
        assert!(
            t.get(&second.what_became_of(&out))
                .ends_with("public/ is missing (see above)")
        );
    }
}
