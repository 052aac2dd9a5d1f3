//! Reading a site's input folders (`content/`, `locales/`, `themes/`,
//! `static/`), with one rule for symbolic links, defined here for every
//! stage and for the preview:
//!
//! - a link whose target (resolved) lies inside the site folder is followed,
//!   to a file or to a folder, like the file or folder it points to;
//! - a link that leaves the site folder, leads into a hidden part of it
//!   (`.git`, `.env`), points to nothing, or leads in a circle is an error
//!   naming the link (relative to the site) and where it points. Its target
//!   is never read, so no file from elsewhere on the machine, and no tool's
//!   data (a build server's `.git/config` may hold credentials), can end up
//!   in a message or in the output.
//!
//! A site is one folder in a repository: links inside it change nothing of
//! what the repository holds, links out of it would publish (or quote in an
//! error) whatever the machine that builds it has there.

use std::ffi::OsString;
use std::fs::FileType;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::tool_text::Msg;

/// Which entries of a folder a walk visits.
#[derive(Debug, Clone, Copy)]
pub struct Walk {
    /// Into sub-folders too (else only the folder's own files).
    pub recursive: bool,
    /// Names (of files and folders) left out without looking at them.
    pub skip: fn(&str) -> bool,
}

impl Walk {
    /// Every file, in every sub-folder.
    pub const EVERYTHING: Walk = Walk {
        recursive: true,
        skip: |_| false,
    };
    /// The folder's own files.
    pub const FLAT: Walk = Walk {
        recursive: false,
        skip: |_| false,
    };
}

/// What a walk of an input folder found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Folder {
    /// There is no such folder (or it is a file).
    Missing,
    /// The folder is (or lies behind) a link the rule refuses: reported.
    Refused,
    /// The files below it, relative to it, in name order (a folder's files
    /// right after its name, as `walkdir`'s `sort_by_file_name` has them).
    Files(Vec<PathBuf>),
}

impl Folder {
    /// The files found (none if the folder is missing or refused).
    pub fn into_files(self) -> Vec<PathBuf> {
        match self {
            Folder::Files(files) => files,
            Folder::Missing | Folder::Refused => Vec::new(),
        }
    }
}

/// What a link that may be followed points to.
enum Target {
    File,
    /// A folder, with its resolved path.
    Folder(PathBuf),
    /// Neither (a device, a pipe): left out, as such files are.
    Other,
}

/// The files below `folder` (relative to the site root `root`), following
/// links by the module's rule; every refused link and unreadable folder is
/// reported in `ds` (by its path relative to `root`) and left out.
pub fn walk(root: &Path, folder: &Path, walk: Walk, ds: &mut Diagnostics) -> Folder {
    if let Err(d) = check_path(root, folder) {
        ds.push(d);
        return Folder::Refused;
    }
    let start = root.join(folder);
    let (Ok(site), Ok(resolved)) = (std::fs::canonicalize(root), std::fs::canonicalize(&start))
    else {
        return Folder::Missing;
    };
    if !resolved.is_dir() {
        return Folder::Missing;
    }
    let mut walker = Walker {
        site,
        shown: folder.to_path_buf(),
        walk,
        files: Vec::new(),
        open: Vec::new(),
    };
    walker.open(start, PathBuf::new(), resolved, ds);
    walker.run(ds);
    Folder::Files(walker.files)
}

/// Checks the way to `rel` (relative to the site root `root`) by the rule:
/// every link on it, `rel` itself included, must lead to something inside
/// the site folder. The error names the first link that does not. A way
/// that ends at something that does not exist (without a link) is no error.
pub fn check_path(root: &Path, rel: &Path) -> Result<(), Diagnostic> {
    let Ok(site) = std::fs::canonicalize(root) else {
        return Ok(());
    };
    let mut on_the_way = PathBuf::new();
    for part in rel.components() {
        on_the_way.push(part);
        let path = root.join(&on_the_way);
        match std::fs::symlink_metadata(&path) {
            Err(_) => return Ok(()),
            Ok(m) if m.file_type().is_symlink() => {
                follow(&path, &on_the_way, &site)?;
            }
            Ok(_) => {}
        }
    }
    Ok(())
}

/// Whether `rel` (relative to `root`) is reached without passing through a
/// link: then it is read as what it is, with no need for the rule. Parts of
/// the path that do not exist (a file just removed) are no links.
pub fn without_links(root: &Path, rel: &Path) -> bool {
    let mut path = root.to_path_buf();
    rel.components().all(|part| {
        path.push(part);
        std::fs::symlink_metadata(&path).map_or(true, |m| !m.file_type().is_symlink())
    })
}

/// A folder being walked.
struct Open {
    /// Its entries not visited yet, in name order.
    entries: std::vec::IntoIter<(OsString, FileType)>,
    /// Its path (through links, as the walk reached it).
    path: PathBuf,
    /// Its path relative to the walked folder.
    rel: PathBuf,
    /// Its resolved path (for finding circles).
    resolved: PathBuf,
}

/// A walk in progress: depth first, without recursion (folders may nest
/// deeper than a thread's stack allows).
struct Walker {
    /// The site folder, resolved.
    site: PathBuf,
    /// The walked folder, relative to the site root.
    shown: PathBuf,
    walk: Walk,
    files: Vec<PathBuf>,
    /// The folders from the walked one down to the current one.
    open: Vec<Open>,
}

impl Walker {
    /// Starts walking the folder `path`; an unreadable one is reported.
    fn open(&mut self, path: PathBuf, rel: PathBuf, resolved: PathBuf, ds: &mut Diagnostics) {
        let entries = match std::fs::read_dir(&path) {
            Ok(entries) => entries,
            Err(e) => {
                ds.push(
                    Diagnostic::error("folder-unreadable")
                        .arg("detail", e.to_string())
                        .at_path(&self.shown.join(&rel)),
                );
                return;
            }
        };
        let mut list = Vec::new();
        for entry in entries {
            match entry.and_then(|e| Ok((e.file_name(), e.file_type()?))) {
                Ok((name, _)) if (self.walk.skip)(&name.to_string_lossy()) => {}
                Ok(named) => list.push(named),
                Err(e) => ds.push(
                    Diagnostic::error("folder-unreadable")
                        .arg("detail", e.to_string())
                        .at_path(&self.shown.join(&rel)),
                ),
            }
        }
        list.sort_by(|a, b| a.0.cmp(&b.0));
        self.open.push(Open {
            entries: list.into_iter(),
            path,
            rel,
            resolved,
        });
    }

    fn run(&mut self, ds: &mut Diagnostics) {
        while let Some(top) = self.open.last_mut() {
            let Some((name, kind)) = top.entries.next() else {
                self.open.pop();
                continue;
            };
            let path = top.path.join(&name);
            let rel = top.rel.join(&name);
            let resolved = top.resolved.join(&name);
            if kind.is_file() {
                self.files.push(rel);
            } else if kind.is_dir() {
                if self.walk.recursive {
                    self.open(path, rel, resolved, ds);
                }
            } else if kind.is_symlink() {
                let shown = self.shown.join(&rel);
                match follow(&path, &shown, &self.site) {
                    Ok(Target::File) => self.files.push(rel),
                    Ok(Target::Folder(target)) if self.walk.recursive => {
                        // A link to a folder the walk is in would be walked forever.
                        if self.open.iter().any(|o| o.resolved.starts_with(&target)) {
                            ds.push(circle(&path, &shown));
                        } else {
                            self.open(path, rel, target, ds);
                        }
                    }
                    Ok(_) => {}
                    Err(d) => ds.push(d),
                }
            }
        }
    }
}

/// Where the link `path` (shown as `shown`) points, if the rule allows
/// following it; else the error that says why not. Only the link and the
/// folders on the way to its target are looked at, never the target's content.
fn follow(path: &Path, shown: &Path, site: &Path) -> Result<Target, Diagnostic> {
    let points = pointee(path);
    let target = std::fs::canonicalize(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Diagnostic::error("link-target-missing")
                .arg("points", points.clone())
                .at_path(shown)
        } else {
            // A link to itself, or links pointing to each other in a circle.
            Diagnostic::error("link-unfollowable")
                .arg("points", points.clone())
                .arg("detail", e.to_string())
                .at_path(shown)
        }
    })?;
    let Ok(inside) = target.strip_prefix(site) else {
        return Err(Diagnostic::error("link-outside-site")
            .arg("points", points)
            .at_path(shown));
    };
    if let Some(hidden) = inside.components().find(|c| is_hidden(c.as_os_str())) {
        return Err(Diagnostic::error("link-into-hidden")
            .arg("points", points)
            .arg("hidden", hidden.as_os_str().to_string_lossy())
            .at_path(shown));
    }
    Ok(match std::fs::metadata(&target) {
        Ok(m) if m.is_dir() => Target::Folder(target),
        Ok(m) if m.is_file() => Target::File,
        _ => Target::Other,
    })
}

/// Whether a name is hidden (`.git`, `.env`): what such files and folders
/// of the site folder hold is tools' data, not the site's (on a build
/// server, `.git/config` may hold the credentials of the checkout).
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

/// Where a link points, as written in it, for messages (on one line,
/// without control characters: they would act in a terminal).
fn pointee(link: &Path) -> Msg {
    match std::fs::read_link(link) {
        Ok(to) => {
            let to = to.display().to_string();
            let to = crate::text::strip_controls(&to).replace(['\n', '\r', '\t'], " ");
            Msg::new("link-points-to").arg("to", to)
        }
        Err(_) => Msg::new("link-points-unreadable"),
    }
}

/// The error for a link to a folder that contains it.
fn circle(path: &Path, shown: &Path) -> Diagnostic {
    Diagnostic::error("link-circle")
        .arg("points", pointee(path))
        .at_path(shown)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    /// A site folder with `content/` and a folder beside the site.
    fn site() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(root.join("content/b")).unwrap();
        std::fs::create_dir_all(root.join("shared")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(root.join("content/a.md"), "a").unwrap();
        std::fs::write(root.join("content/b/c.md"), "c").unwrap();
        std::fs::write(root.join("shared/s.md"), "s").unwrap();
        std::fs::write(outside.join("secret.md"), "secret").unwrap();
        (dir, root, outside)
    }

    fn files(root: &Path, folder: &str, walk: Walk) -> (Folder, String) {
        let mut ds = Diagnostics::new();
        let found = super::walk(root, Path::new(folder), walk, &mut ds);
        (found, ds.render_short())
    }

    fn paths(list: &[&str]) -> Folder {
        Folder::Files(list.iter().map(PathBuf::from).collect())
    }

    #[test]
    fn files_in_name_order_folders_included_or_not() {
        let (_d, root, _) = site();
        assert_eq!(
            files(&root, "content", Walk::EVERYTHING),
            (paths(&["a.md", "b/c.md"]), String::new())
        );
        assert_eq!(
            files(&root, "content", Walk::FLAT),
            (paths(&["a.md"]), String::new())
        );
        let skip_b = Walk {
            recursive: true,
            skip: |n| n == "b",
        };
        assert_eq!(files(&root, "content", skip_b).0, paths(&["a.md"]));
        assert_eq!(files(&root, "nothing", Walk::EVERYTHING).0, Folder::Missing);
        assert_eq!(
            files(&root, "content/a.md", Walk::EVERYTHING).0,
            Folder::Missing
        );
    }

    #[test]
    fn links_inside_the_site_are_followed() {
        let (_d, root, _) = site();
        symlink("../shared/s.md", root.join("content/s.md")).unwrap();
        symlink(root.join("shared"), root.join("content/z")).unwrap();
        assert_eq!(
            files(&root, "content", Walk::EVERYTHING),
            (paths(&["a.md", "b/c.md", "s.md", "z/s.md"]), String::new())
        );
        assert!(!without_links(&root, Path::new("content/z/s.md")));
        assert!(without_links(&root, Path::new("content/b/c.md")));
        assert!(without_links(&root, Path::new("content/b/gone.md")));
    }

    #[test]
    fn links_out_of_the_site_dangling_or_in_circles_are_errors() {
        let (_d, root, outside) = site();
        symlink(outside.join("secret.md"), root.join("content/out.md")).unwrap();
        symlink(&outside, root.join("content/out-folder")).unwrap();
        symlink("nowhere.md", root.join("content/b/dangling.md")).unwrap();
        symlink("self.md", root.join("content/self.md")).unwrap();
        symlink("..", root.join("content/b/up")).unwrap();
        let (found, shown) = files(&root, "content", Walk::EVERYTHING);
        assert_eq!(found, paths(&["a.md", "b/c.md"]));
        let outside = outside.display();
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines.len(), 5, "{shown}");
        assert!(
            lines[0].starts_with(
                "content/b/dangling.md: error: this is a link to `nowhere.md`, which does not exist"
            ),
            "{shown}"
        );
        assert!(
            lines[1].starts_with("content/b/up: error: this is a link to `..`, a folder it is in"),
            "{shown}"
        );
        assert!(
            lines[2].starts_with(&format!(
                "content/out-folder: error: this is a link to `{outside}`, outside the site folder"
            )),
            "{shown}"
        );
        assert!(lines[3].starts_with(&format!("content/out.md: error: this is a link to `{outside}/secret.md`, outside the site folder")), "{shown}");
        assert!(
            lines[4].starts_with("content/self.md: error: cannot follow this link to `self.md`"),
            "{shown}"
        );
        assert!(!shown.contains("secret\n") && !shown.contains(": secret"));
    }

    #[test]
    fn links_in_circles_through_two_folders_are_errors() {
        let (_d, root, _) = site();
        symlink("../../shared", root.join("content/b/to-shared")).unwrap();
        symlink("../content/b", root.join("shared/to-b")).unwrap();
        let (found, shown) = files(&root, "content", Walk::EVERYTHING);
        assert_eq!(found, paths(&["a.md", "b/c.md", "b/to-shared/s.md"]));
        assert!(
            shown.starts_with("content/b/to-shared/to-b: error: this is a link to `../content/b`, a folder it is in"),
            "{shown}"
        );
    }

    #[test]
    fn the_folder_itself_and_the_way_to_it_follow_the_rule() {
        let (_d, root, outside) = site();
        std::fs::create_dir_all(root.join("themes")).unwrap();
        symlink(&outside, root.join("themes/fremd")).unwrap();
        symlink("../shared", root.join("themes/eigen")).unwrap();
        let (found, shown) = files(&root, "themes/fremd/static", Walk::EVERYTHING);
        assert_eq!(found, Folder::Refused);
        assert!(
            shown.starts_with("themes/fremd: error: this is a link to"),
            "{shown}"
        );
        assert_eq!(
            files(&root, "themes/eigen", Walk::EVERYTHING),
            (paths(&["s.md"]), String::new())
        );
    }

    #[test]
    fn where_a_link_points_is_shown_on_one_line_without_controls() {
        let (_d, root, _) = site();
        symlink("/\u{1b}[2Jweg\nerror: alles gut", root.join("content/x.md")).unwrap();
        let (_, shown) = files(&root, "content", Walk::EVERYTHING);
        assert!(
            shown.starts_with("content/x.md: error: this is a link to `/[2Jweg error: alles gut`, which does not exist"),
            "{shown:?}"
        );
        assert_eq!(shown.lines().count(), 1, "{shown:?}");
    }

    #[test]
    fn links_into_hidden_parts_of_the_site_are_errors() {
        let (_d, root, _) = site();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join(".git/config"), "secret").unwrap();
        symlink("../.git/config", root.join("content/config.md")).unwrap();
        symlink("../.git", root.join("content/git")).unwrap();
        let (found, shown) = files(&root, "content", Walk::EVERYTHING);
        assert_eq!(found, paths(&["a.md", "b/c.md"]));
        let lines: Vec<&str> = shown.lines().collect();
        assert!(lines[0].starts_with("content/config.md: error: this is a link to `../.git/config`, into `.git`, a hidden part of the site folder"), "{shown}");
        assert!(
            lines[1].starts_with("content/git: error: this is a link to `../.git`, into `.git`"),
            "{shown}"
        );
        assert_eq!(lines.len(), 2, "{shown}");
    }

    #[test]
    fn one_path_is_checked_by_the_same_rule() {
        let (_d, root, outside) = site();
        symlink(outside.join("secret.md"), root.join("site.toml")).unwrap();
        symlink("shared", root.join("geteilt")).unwrap();
        let refused = check_path(&root, Path::new("site.toml")).unwrap_err();
        assert_eq!(refused.location().as_deref(), Some("site.toml"));
        assert!(refused.message().contains("outside the site folder"));
        assert!(check_path(&root, Path::new("geteilt/s.md")).is_ok());
        assert!(check_path(&root, Path::new("content/a.md")).is_ok());
        assert!(check_path(&root, Path::new("content/gone.md")).is_ok());
    }
}
