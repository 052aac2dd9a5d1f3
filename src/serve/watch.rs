//! Watching the site folder with notify, debounced, for the preview.
//!
//! The whole site folder is watched recursively (never single files: editors
//! that save by writing a temporary file and renaming it would end a file
//! watch). Editors' temporary and swap files and the output folder are ignored.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use tokio::sync::mpsc;

/// Folders and files of a site that affect its build.
const WATCHED: &[&str] = &["content", "locales", "themes", "static", "site.toml"];

/// Whether a changed path can affect the build.
pub fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let Some(first) = rel.components().next() else {
        return false;
    };
    if !WATCHED.iter().any(|w| first.as_os_str() == *w) {
        return false;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    !(name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
        || name.starts_with(".goutputstream-"))
}

/// Starts watching `root`; every debounced batch of relevant paths is sent to `tx`.
/// The returned value must be kept alive for as long as watching should go on.
pub fn start(root: &Path, tx: mpsc::Sender<Vec<PathBuf>>) -> notify::Result<impl Drop> {
    let root_abs = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let filter_root = root_abs.clone();
    let mut debouncer = new_debouncer(
        Duration::from_millis(60),
        None,
        move |res: DebounceEventResult| {
            let Ok(events) = res else { return };
            // Only changes count: reading files (as every build does) produces
            // access events, which must not trigger another build.
            let mut paths: Vec<PathBuf> = events
                .iter()
                .filter(|e| {
                    matches!(
                        e.kind,
                        EventKind::Create(_)
                            | EventKind::Modify(_)
                            | EventKind::Remove(_)
                            | EventKind::Any
                    ) && !matches!(e.kind, EventKind::Modify(ModifyKind::Metadata(_)))
                })
                .flat_map(|e| e.paths.iter().cloned())
                .filter(|p| relevant(&filter_root, p))
                .map(|p| {
                    p.strip_prefix(&filter_root)
                        .map(Path::to_path_buf)
                        .unwrap_or(p)
                })
                .collect();
            paths.sort();
            paths.dedup();
            if !paths.is_empty() {
                let _ = tx.blocking_send(paths);
            }
        },
    )?;
    debouncer.watch(&root_abs, RecursiveMode::Recursive)?;
    Ok(debouncer)
}

#[cfg(test)]
mod tests {
    use super::relevant;
    use std::path::Path;

    #[test]
    fn ignores_output_and_editor_litter() {
        let root = Path::new("/site");
        assert!(relevant(root, Path::new("/site/content/offers/a.md")));
        assert!(relevant(root, Path::new("/site/site.toml")));
        assert!(!relevant(root, Path::new("/site/public/de/index.html")));
        assert!(!relevant(root, Path::new("/site/content/offers/.a.md.swp")));
        assert!(!relevant(root, Path::new("/site/content/offers/a.md~")));
        assert!(!relevant(root, Path::new("/site/content/4913")));
        assert!(!relevant(root, Path::new("/elsewhere/content/a.md")));
    }
}
