//! Writing the built site: all files go to a fresh folder next to the output
//! folder, which replaces the old output only when everything was written.

pub mod base_path;
pub mod content_lines;
pub mod data;
pub mod feed;
pub mod headers;
pub mod ical;
pub mod offline;
pub mod search;
pub mod sitemap;
pub mod vcard;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::layout::{OUTPUT_DIR, SOURCE_DIRS};

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
        return Err(Diagnostic::error(format!(
            "the output folder {} contains the site itself",
            out.display()
        ))
        .help("choose a separate output folder, e.g. --out public"));
    }
    for source in SOURCE_DIRS {
        if out_abs.starts_with(abs(&root.join(source))) {
            return Err(Diagnostic::error(format!(
                "the output folder {} is inside the site's {source}/ folder",
                out.display()
            ))
            .help("choose a separate output folder, e.g. --out public"));
        }
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
        && out_abs == abs(Path::new(&home))
    {
        return Err(Diagnostic::error(format!(
            "the output folder {} is your home folder",
            out.display()
        ))
        .help("choose a separate output folder, e.g. --out public"));
    }
    if out.is_dir() {
        let mut entries = std::fs::read_dir(out)
            .map_err(|e| Diagnostic::error(format!("cannot read {}: {e}", out.display())))?;
        let empty = entries.next().is_none();
        let ours = out.join(OUTPUT_MARKER).is_file();
        if !empty && !ours {
            return Err(Diagnostic::error(format!(
                "refusing to replace {}: it is not empty and was not built by Wegweiser",
                out.display()
            ))
            .help("choose an empty or new output folder, or remove this one yourself"));
        }
    } else if out.exists() {
        return Err(
            Diagnostic::error(format!("{} exists and is not a folder", out.display()))
                .help("choose another output folder with --out"),
        );
    }
    Ok(())
}

fn sibling(out: &Path, tag: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| OUTPUT_DIR.into());
    out.with_file_name(format!(".{name}.{tag}-{}", std::process::id()))
}

fn io_error(what: &str, p: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot {what} {}: {e}", p.display()))
        .help("check that the output folder's parent exists and is writable")
}

/// A fresh folder next to the output folder that files are written into
/// (from many threads at once) and that replaces the output folder on
/// [`Staging::commit`]. Dropped without a commit, it is removed again, so a
/// failed build leaves the previous output untouched.
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates the (empty) staging folder for `out`.
    pub fn new(out: &Path) -> Result<Staging, Diagnostic> {
        if let Some(parent) = out.parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent).map_err(|e| io_error("create", parent, e))?;
        }
        let tmp = sibling(out, "new");
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp).map_err(|e| io_error("remove", &tmp, e))?;
        }
        std::fs::create_dir_all(&tmp).map_err(|e| io_error("create", &tmp, e))?;
        let marker = tmp.join(OUTPUT_MARKER);
        std::fs::write(
            &marker,
            "This folder was built by Wegweiser; the next build replaces it.\n",
        )
        .map_err(|e| io_error("write", &marker, e))?;
        Ok(Staging {
            out: out.to_path_buf(),
            tmp,
            committed: false,
        })
    }

    /// Creates the folders of the given relative file paths (and their
    /// parents), each once, shallow ones first, each level in parallel.
    pub fn create_dirs_for<'f>(
        &self,
        files: impl IntoIterator<Item = &'f str>,
    ) -> Result<(), Diagnostic> {
        let mut by_depth: BTreeMap<usize, std::collections::BTreeSet<&str>> = BTreeMap::new();
        for f in files {
            let mut rel = f;
            while let Some(cut) = rel.rfind('/') {
                rel = &rel[..cut];
                let depth = rel.matches('/').count();
                if !by_depth.entry(depth).or_default().insert(rel) {
                    break; // its parents are in already
                }
            }
        }
        for dirs in by_depth.values() {
            dirs.par_iter().try_for_each(|d| {
                let path = self.tmp.join(d);
                match std::fs::create_dir(&path) {
                    Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                        Err(io_error("create", &path, e))
                    }
                    _ => Ok(()),
                }
            })?;
        }
        Ok(())
    }

    /// Writes one file; its folder must exist ([`Staging::create_dirs_for`]).
    /// One `write` call for the whole file.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        if !safe_relative(rel) {
            return Err(Diagnostic::error(format!(
                "refusing to write `{rel}`: it would land outside the output folder"
            )));
        }
        let path = self.tmp.join(rel);
        std::fs::write(&path, bytes).map_err(|e| io_error("write", &path, e))
    }

    /// Creates the folders of `files` and writes them in parallel.
    pub fn write_all(&self, files: &OutputFiles) -> Result<(), Diagnostic> {
        self.create_dirs_for(files.keys().map(String::as_str))?;
        files
            .par_iter()
            .try_for_each(|(rel, bytes)| self.write(rel, bytes))
    }

    /// Replaces the output folder with the staging folder.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        self.committed = true;
        let (out, tmp) = (&self.out, &self.tmp);
        let old = sibling(out, "old");
        if out.exists() {
            std::fs::rename(out, &old).map_err(|e| {
                let _ = std::fs::remove_dir_all(tmp);
                io_error("move away", out, e)
            })?;
        }
        if let Err(e) = std::fs::rename(tmp, out) {
            // Put the previous output back.
            let _ = std::fs::rename(&old, out);
            let _ = std::fs::remove_dir_all(tmp);
            return Err(io_error("move into place", out, e));
        }
        if old.exists() {
            std::fs::remove_dir_all(&old).map_err(|e| io_error("remove", &old, e))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.tmp);
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

/// Adds every file below `dir` to `files` under `prefix`, in sorted order.
pub fn add_static_dir(dir: &Path, prefix: &str, files: &mut OutputFiles) -> Result<(), Diagnostic> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry =
            entry.map_err(|e| Diagnostic::error(format!("cannot read {}: {e}", dir.display())))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let key = format!("{prefix}{}", rel.to_string_lossy().replace('\\', "/"));
        let bytes = std::fs::read(entry.path()).map_err(|e| {
            Diagnostic::error(format!("cannot read {}: {e}", entry.path().display()))
        })?;
        files.insert(key, bytes.into());
    }
    Ok(())
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
}
