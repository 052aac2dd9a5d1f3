//! Watching the site folder with notify, debounced, for the preview.
//!
//! The whole site folder is watched recursively (never single files: editors
//! that save by writing a temporary file and renaming it would end a file
//! watch). Editors' temporary and swap files and the output folder are ignored.
//! Links are not followed: a link out of the site is an error of the build
//! (`site_folder`), and what it points to is neither read nor watched.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, RecommendedCache, new_debouncer_opt};
use tokio::sync::mpsc;

use crate::layout::{CONFIG_FILE, SOURCE_DIRS, is_editor_litter, is_swap_or_backup};

/// Folders and files of a site that affect its build.
fn watched_names() -> impl Iterator<Item = &'static str> {
    SOURCE_DIRS.into_iter().chain([CONFIG_FILE])
}

/// Whether a path lies in a folder (or is a file) whose changes can affect the build.
fn watched(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    rel.components()
        .next()
        .is_some_and(|first| watched_names().any(|w| first.as_os_str() == w))
}

/// Whether a path names a file editors' tools leave behind.
fn litter(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    is_editor_litter(&name)
}

/// Whether a changed path can affect the build.
#[cfg(test)]
fn relevant(root: &Path, path: &Path) -> bool {
    watched(root, path) && !litter(path)
}

/// The paths a batch of changes stands for, relative to `root`.
///
/// Swap and backup files are ignored. A temporary file in a watched folder
/// stands for its folder: editors save
/// by writing one and renaming it over the real file, and should the rename
/// itself reach us under the temporary name only, the folder is rescanned
/// (the build compares every file's size and time, so nothing is missed and
/// nothing unchanged is re-read). An overflowed event queue asks for a rescan
/// of everything watched.
pub fn paths_of_batch(root: &Path, events: &[notify::Event]) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for e in events {
        if e.need_rescan() {
            paths.extend(watched_names().map(PathBuf::from));
            continue;
        }
        let counts = matches!(
            e.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
        ) && !matches!(e.kind, EventKind::Modify(ModifyKind::Metadata(_)));
        if !counts {
            continue;
        }
        for p in &e.paths {
            if !watched(root, p) {
                continue;
            }
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            if is_swap_or_backup(&name) {
                continue;
            }
            let p = if litter(p) {
                match p.parent() {
                    Some(dir) if dir != root => dir,
                    _ => continue,
                }
            } else {
                p.as_path()
            };
            paths.push(p.strip_prefix(root).unwrap_or(p).to_path_buf());
        }
    }
    paths.sort();
    paths.dedup();
    paths
}

/// Starts watching `root`; every debounced batch of relevant paths is sent to `tx`.
/// The returned value must be kept alive for as long as watching should go on.
pub fn start(root: &Path, tx: mpsc::Sender<Vec<PathBuf>>) -> notify::Result<impl Drop> {
    let root_abs = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let filter_root = root_abs.clone();
    let config = notify::Config::default().with_follow_symlinks(false);
    let mut debouncer = new_debouncer_opt::<_, notify::RecommendedWatcher, _>(
        Duration::from_millis(60),
        None,
        move |res: DebounceEventResult| {
            let Ok(events) = res else { return };
            // Only changes count: reading files (as every build does) produces
            // access events, which must not trigger another build.
            let events: Vec<notify::Event> = events.into_iter().map(|e| e.event).collect();
            let paths = paths_of_batch(&filter_root, &events);
            if !paths.is_empty() {
                let _ = tx.blocking_send(paths);
            }
        },
        RecommendedCache::new(),
        config,
    )?;
    debouncer.watch(&root_abs, RecursiveMode::Recursive)?;
    Ok(debouncer)
}

#[cfg(test)]
mod tests {
    use super::{paths_of_batch, relevant};
    use notify::event::{CreateKind, ModifyKind, RenameMode};
    use notify::{Event, EventKind};
    use std::path::{Path, PathBuf};

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

    #[test]
    fn a_batch_names_files_and_the_folders_of_temporary_files() {
        let root = Path::new("/site");
        let ev = |kind, paths: &[&str]| {
            let mut e = Event::new(kind);
            for p in paths {
                e = e.add_path(PathBuf::from(p));
            }
            e
        };
        let batch = [
            ev(
                EventKind::Create(CreateKind::File),
                &["/site/content/offers/a.md.tmp"],
            ),
            ev(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &["/site/content/offers/a.md.tmp", "/site/content/offers/a.md"],
            ),
            ev(
                EventKind::Create(CreateKind::File),
                &["/site/public/x.html"],
            ),
            ev(
                EventKind::Access(notify::event::AccessKind::Any),
                &["/site/locales/de/main.ftl"],
            ),
        ];
        assert_eq!(
            paths_of_batch(root, &batch),
            vec![
                PathBuf::from("content/offers"),
                PathBuf::from("content/offers/a.md")
            ]
        );
        // A lost event queue: everything watched is looked at again.
        let rescan = ev(EventKind::Other, &[]).set_flag(notify::event::Flag::Rescan);
        assert!(paths_of_batch(root, &[rescan]).contains(&PathBuf::from("content")));
    }

    /// Changes behind a link out of the site are not watched; changes in
    /// the site are.
    #[cfg(unix)]
    #[test]
    fn folders_behind_links_out_of_the_site_are_not_watched() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("content/extern")).unwrap();
        let (tx, mut rx) = tokio::sync::mpsc::channel(16);
        let _watch = super::start(&root, tx).unwrap();
        let wait = || std::thread::sleep(std::time::Duration::from_millis(600));
        std::fs::write(outside.join("a.md"), "a").unwrap();
        wait();
        assert_eq!(rx.try_recv().ok(), None, "a change outside the site");
        std::fs::write(root.join("content/b.md"), "b").unwrap();
        wait();
        assert_eq!(
            rx.try_recv().ok(),
            Some(vec![PathBuf::from("content/b.md")])
        );
    }
}
