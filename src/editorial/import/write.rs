//! Writing a [`Plan`] all at once: every new text to a temporary file
//! beside its place, then all renamed, then the removals.

use std::path::{Path, PathBuf};

use super::{Change, Plan};
use crate::diagnostics::Diagnostic;

/// The temporary name of `path` while an import writes it.
fn temporary(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.import-tmp"))
}

fn unwritable(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error("cannot-write")
        .arg("file", path.display())
        .arg("detail", e.to_string())
        .help("content-writable")
}

/// Writes the plan's changes into the site at `root`. Nothing is written if
/// the plan holds an error; if a file cannot be written, the temporary files
/// are deleted and nothing is changed. (Only a failing rename or removal,
/// after every text is on disk, can leave part of the plan undone; the
/// error names the file.)
pub fn commit(root: &Path, plan: &Plan) -> Result<(), Diagnostic> {
    if plan.diagnostics.has_errors() {
        return Ok(());
    }
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    let stage = |path: &Path, text: &str| -> std::io::Result<PathBuf> {
        let target = root.join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = temporary(&target);
        std::fs::write(&tmp, text)?;
        Ok(tmp)
    };
    for (path, change) in &plan.changes {
        let text = match change {
            Change::Create(t) | Change::Update(t) => t,
            Change::Remove => continue,
        };
        match stage(path, text) {
            Ok(tmp) => staged.push((tmp, root.join(path))),
            Err(e) => {
                for (tmp, _) in &staged {
                    let _ = std::fs::remove_file(tmp);
                }
                let _ = std::fs::remove_file(temporary(&root.join(path)));
                return Err(unwritable(path, &e));
            }
        }
    }
    for (tmp, target) in &staged {
        std::fs::rename(tmp, target).map_err(|e| unwritable(target, &e))?;
    }
    for (path, change) in &plan.changes {
        if *change == Change::Remove {
            std::fs::remove_file(root.join(path)).map_err(|e| unwritable(path, &e))?;
        }
    }
    Ok(())
}
