//! The staging folder a build writes into, and the one step that puts it in
//! place of the output folder.
//!
//! A build writes every file into `.<out>.new-<pid>` next to the output
//! folder `<out>`, then exchanges the two folders in one atomic step
//! (`renameat2(RENAME_EXCHANGE)` on Linux): whoever reads the output folder
//! sees the previous build or the new one, never a mix and never nothing.
//! Where the system cannot exchange, two renames do it and the output
//! folder is missing for a moment (the previous build waits as
//! `.<out>.old-<pid>`). The previous build is then removed, its marker file
//! ([`OUTPUT_MARKER`]) last, so that whatever an interrupted build leaves
//! still carries the marker: the next build removes such folders, and only
//! such folders. An incremental build keeps the replaced output instead, as
//! the previous folder it brings up to date next time (`commit_keeping`,
//! output/previous.rs).
//!
//! Over 600 lines with its tests (about 140, which kill builds between the
//! steps); the code itself is under 600.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{OUTPUT_MARKER, OutputFiles, safe_relative};
use crate::diagnostics::Diagnostic;

/// A fresh folder next to the output folder that files are written into
/// (from many threads at once) and that replaces the output folder on
/// [`Staging::commit`]. Dropped without a commit, it is removed again, so a
/// failed build leaves the previous output untouched.
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    committed: bool,
    /// Every file written, if asked for ([`Staging::recording`]).
    written: Option<std::sync::Mutex<Vec<(String, WrittenFile)>>>,
}

/// What the build manifest keeps of a file written into the staging
/// folder: what a walk of the output folder would find after the commit
/// (the folder is renamed as a whole, its files keep their times), and the
/// digest of its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenFile {
    pub size: u64,
    /// Its modification time (`None` where the system has none).
    pub modified: Option<std::time::SystemTime>,
    /// XXH3-128 of its bytes, hex.
    pub digest: String,
}

impl Staging {
    /// Creates the (empty, marked) staging folder for `out`, after removing
    /// what interrupted builds left next to it.
    pub fn new(out: &Path) -> Result<Staging, Diagnostic> {
        if let Some(parent) = out.parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent).map_err(|e| unchanged(out, "create", parent, e))?;
        }
        clean_leftovers(out);
        let tmp = sibling(out, "new");
        std::fs::create_dir(&tmp).map_err(|e| unchanged(out, "create", &tmp, e))?;
        let staging = Staging {
            out: out.to_path_buf(),
            tmp,
            committed: false,
            written: None,
        };
        let marker = staging.tmp.join(OUTPUT_MARKER);
        std::fs::write(
            &marker,
            "This folder was built by Wegweiser; the next build replaces it.\n",
        )
        .map_err(|e| unchanged(out, "write", &marker, e))?;
        Ok(staging)
    }

    /// The output's previous folder `folder` (output/previous.rs), marked
    /// and brought up to date by the caller, as the folder to put in place
    /// of the output folder. Dropped without a commit, it is removed.
    pub(super) fn reuse(out: &Path, folder: PathBuf) -> Staging {
        Staging {
            out: out.to_path_buf(),
            tmp: folder,
            committed: false,
            written: None,
        }
    }

    /// Records every file written from now on, for [`Staging::take_written`]
    /// (the build manifest keeps them: no walk of the output afterwards).
    pub fn recording(mut self) -> Staging {
        self.written = Some(std::sync::Mutex::new(Vec::new()));
        self
    }

    /// The files recorded so far, by file (relative path).
    pub fn take_written(&self) -> BTreeMap<String, WrittenFile> {
        let Some(w) = &self.written else {
            return BTreeMap::new();
        };
        // A poisoned lock: a writing thread panicked; its list is still whole.
        let mut w = w.lock().unwrap_or_else(|e| e.into_inner());
        std::mem::take(&mut *w).into_iter().collect()
    }

    /// Notes the file `rel` just written with `bytes`, if recording.
    fn note(&self, rel: &str, bytes: &[u8], m: &std::fs::Metadata) {
        if let Some(w) = &self.written {
            let file = WrittenFile {
                size: m.len(),
                modified: m.modified().ok(),
                digest: crate::digest::digest(bytes),
            };
            w.lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((rel.to_string(), file));
        }
    }

    /// Where the staging folder is.
    pub fn path(&self) -> &Path {
        &self.tmp
    }

    /// Creates the folders of the given relative file paths (and their
    /// parents), each once, shallow ones first, each level in parallel.
    pub fn create_dirs_for<'f>(
        &self,
        files: impl IntoIterator<Item = &'f str>,
    ) -> Result<(), Diagnostic> {
        let mut by_depth: std::collections::BTreeMap<usize, std::collections::BTreeSet<&str>> =
            std::collections::BTreeMap::new();
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
                    Err(e) if e.kind() != io::ErrorKind::AlreadyExists => {
                        Err(unchanged(&self.out, "create", &path, e))
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
            return Err(Diagnostic::error("write-outside-output").arg("path", rel));
        }
        let path = self.tmp.join(rel);
        let failed = |e| unchanged(&self.out, "write", &path, e);
        let mut file = std::fs::File::create(&path).map_err(failed)?;
        io::Write::write_all(&mut file, bytes).map_err(failed)?;
        if self.written.is_some() {
            // The time of the open file: no second look-up of its path.
            self.note(rel, bytes, &file.metadata().map_err(failed)?);
        }
        Ok(())
    }

    /// Takes the output folder's file `rel` into the staging folder as it
    /// is: a hard link, the same file with the same time, never written to
    /// (an incremental build keeps its unchanged files this way). Its folder
    /// must exist. An error (a file system without hard links) leaves the
    /// output folder as it was; the caller builds in full instead.
    pub fn keep(&self, rel: &str) -> io::Result<()> {
        if !safe_relative(rel) {
            return Err(io::Error::other(format!("{rel} is outside the output")));
        }
        std::fs::hard_link(self.out.join(rel), self.tmp.join(rel))
    }

    /// Creates the folders of `files` and writes them in parallel.
    pub fn write_all(&self, files: &OutputFiles) -> Result<(), Diagnostic> {
        self.write_all_linking(files, &BTreeMap::new())
    }

    /// [`Staging::write_all`], but a file that `links` names a file for
    /// (one holding the same bytes and never changed in place: the image
    /// cache) becomes a hard link to that file instead of a copy.
    pub fn write_all_linking(
        &self,
        files: &OutputFiles,
        links: &BTreeMap<String, PathBuf>,
    ) -> Result<(), Diagnostic> {
        self.create_dirs_for(files.keys().map(String::as_str))?;
        files
            .par_iter()
            .try_for_each(|(rel, bytes)| match links.get(rel) {
                Some(from) => self.link(rel, from, bytes),
                None => self.write(rel, bytes),
            })
    }

    /// Makes `rel` a hard link to `from`; where the system cannot link
    /// (another file system, no permission) writes `bytes` (the same bytes)
    /// instead, into a new file: never into `from` through a link.
    pub fn link(&self, rel: &str, from: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        if !safe_relative(rel) {
            return Err(Diagnostic::error("write-outside-output").arg("path", rel));
        }
        let path = self.tmp.join(rel);
        if std::fs::hard_link(from, &path).is_ok() {
            if self.written.is_some() {
                let m = std::fs::metadata(&path)
                    .map_err(|e| unchanged(&self.out, "write", &path, e))?;
                self.note(rel, bytes, &m);
            }
            return Ok(());
        }
        let _ = std::fs::remove_file(&path);
        self.write(rel, bytes)
    }

    /// Puts the staging folder in place of the output folder and removes
    /// the previous output. On an error the message says what state the
    /// output folder is in.
    pub fn commit(self) -> Result<(), Diagnostic> {
        let out = self.out.clone();
        let Some(previous) = self.swap()? else {
            return Ok(());
        };
        remove_marked(&previous).map_err(|e| {
            Diagnostic::error("previous-build-not-removed")
                .arg("out", folder(&out))
                .arg("previous", previous.display())
                .arg("detail", e.to_string())
        })
    }

    /// Puts the staging folder in place of the output folder and keeps the
    /// previous output as `keep` (output/previous.rs), where nothing may be
    /// (a folder there is replaced). Returns whether the previous output is
    /// there now (not if there was none, or it could not be moved: then it
    /// is removed, and the new output is in place either way).
    pub fn commit_keeping(self, keep: &Path) -> Result<bool, Diagnostic> {
        let Some(previous) = self.swap()? else {
            return Ok(false);
        };
        if previous == keep {
            return Ok(true);
        }
        // Only Wegweiser's own folder is replaced (the marker says so).
        if is_marked(keep) {
            let _ = remove_marked(keep);
        }
        if std::fs::rename(&previous, keep).is_ok() {
            return Ok(true);
        }
        let _ = remove_marked(&previous);
        Ok(false)
    }

    /// The exchange of the staging folder with the output folder (or the
    /// move into its place if there is none): where the previous output
    /// is now, if there was one.
    fn swap(mut self) -> Result<Option<PathBuf>, Diagnostic> {
        let out = self.out.clone();
        if std::fs::symlink_metadata(&out).is_err() {
            std::fs::rename(&self.tmp, &out).map_err(|e| unchanged(&out, "move-to", &out, e))?;
            self.committed = true;
            return Ok(None);
        }
        let previous = match exchange(&self.tmp, &out) {
            Ok(true) => self.tmp.clone(),
            Ok(false) => self.swap_by_renames()?,
            Err(e) => return Err(unchanged(&out, "swap", &out, e)),
        };
        self.committed = true;
        Ok(Some(previous))
    }

    /// The exchange in two renames, for systems that cannot exchange two
    /// folders in one step: returns where the previous output now is.
    fn swap_by_renames(&self) -> Result<PathBuf, Diagnostic> {
        let (out, tmp) = (&self.out, &self.tmp);
        let old = sibling(out, "old");
        std::fs::rename(out, &old).map_err(|e| unchanged(out, "move-away", out, e))?;
        if let Err(e) = std::fs::rename(tmp, out) {
            return Err(match std::fs::rename(&old, out) {
                Ok(()) => unchanged(out, "move-to", out, e),
                Err(_) => Diagnostic::error("new-build-not-moved")
                    .arg("out", folder(out))
                    .arg("detail", e.to_string())
                    .arg("previous", old.display()),
            });
        }
        Ok(old)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_marked(&self.tmp);
        }
    }
}

/// `.<out>.<tag>-<pid>-<start>` next to `out`: the process that owns it,
/// by its id and (where the system tells) the time it started, so that a
/// later process that happens to get the same id is not taken for the owner
/// (process ids are reused: `pid_max` is often only 32768).
fn sibling(out: &Path, tag: &str) -> PathBuf {
    let pid = std::process::id();
    let owner = match start_time(pid) {
        Some(start) => format!("{pid}-{start}"),
        None => pid.to_string(),
    };
    out.with_file_name(format!(".{}.{tag}-{owner}", out_name(out)))
}

/// Which process a staging folder belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Owner {
    pid: u32,
    /// When the process started (clock ticks since boot, Linux), if known.
    start: Option<u64>,
}

impl Owner {
    /// Whether the owner is still running (then its folder is in use).
    fn is_running(self) -> bool {
        if self.pid == std::process::id() && self.start == start_time(self.pid) {
            return false; // left by an earlier process that had our id
        }
        running(self.pid) && (self.start.is_none() || start_time(self.pid) == self.start)
    }
}

/// The start time of a running process (field 22 of `/proc/<pid>/stat`,
/// after the command name in parentheses, which may hold spaces).
#[cfg(target_os = "linux")]
fn start_time(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 1..];
    after_name.split_whitespace().nth(19)?.parse().ok()
}

#[cfg(not(target_os = "linux"))]
fn start_time(_pid: u32) -> Option<u64> {
    None
}

pub(super) fn out_name(out: &Path) -> String {
    out.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| crate::layout::OUTPUT_DIR.into())
}

/// `public/` for the output folder `public`, as messages name it.
fn folder(out: &Path) -> String {
    format!("{}/", out.display())
}

/// An error after which the output folder is as it was.
fn unchanged(out: &Path, what: &str, path: &Path, e: io::Error) -> Diagnostic {
    let state = if std::fs::symlink_metadata(out).is_ok() {
        "unchanged"
    } else {
        "not-created"
    };
    Diagnostic::error("output-step-failed")
        .arg("what", what)
        .arg("path", path.display())
        .arg("detail", e.to_string())
        .arg("out", folder(out))
        .arg("state", state)
}

/// The tag (`new`, `old`) and process id of a staging folder's name
/// `.<out>.<tag>-<pid>`; `None` for any other name.
fn staging_name<'n>(name: &'n str, out_name: &str) -> Option<(&'n str, Owner)> {
    let rest = name
        .strip_prefix('.')?
        .strip_prefix(out_name)?
        .strip_prefix('.')?;
    let (tag, owner) = rest.split_once('-')?;
    let (pid, start) = match owner.split_once('-') {
        Some((pid, start)) => (pid, Some(start)),
        None => (owner, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(pid) || !start.is_none_or(digits) || !matches!(tag, "new" | "old") {
        return None;
    }
    let start = match start {
        Some(s) => Some(s.parse().ok()?),
        None => None,
    };
    Some((
        tag,
        Owner {
            pid: pid.parse().ok()?,
            start,
        },
    ))
}

/// A real folder (not a link) with nothing in it.
fn is_empty_folder(dir: &Path) -> bool {
    std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
        && std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

/// A real folder (not a link) with the marker file in it.
pub(super) fn is_marked(dir: &Path) -> bool {
    std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
        && std::fs::symlink_metadata(dir.join(OUTPUT_MARKER)).is_ok_and(|m| m.is_file())
}

/// Removes the marked staging folders of earlier builds next to `out` that
/// are no longer running. If `out` is missing because a build was
/// interrupted between the two renames of [`Staging::swap_by_renames`], the
/// previous build it left is put back first. Best effort: what cannot be
/// removed now is tried again by the next build.
pub(super) fn clean_leftovers(out: &Path) {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let name = out_name(out);
    let mut found: Vec<(bool, PathBuf)> = entries
        .filter_map(|e| {
            let e = e.ok()?;
            let file_name = e.file_name();
            let (tag, owner) = staging_name(file_name.to_str()?, &name)?;
            let finished = !owner.is_running();
            // Empty: killed between creating it and writing its marker
            // (removing an empty folder loses nothing, whoever made it).
            let ours = is_marked(&e.path()) || is_empty_folder(&e.path());
            (finished && ours).then(|| (tag == "old", e.path()))
        })
        .collect();
    if std::fs::symlink_metadata(out).is_err() {
        // The newest previous build, if there are several.
        let newest = found
            .iter()
            .enumerate()
            .filter(|(_, (old, _))| *old)
            .max_by_key(|(_, (_, p))| {
                std::fs::metadata(p.join(OUTPUT_MARKER))
                    .and_then(|m| m.modified())
                    .ok()
            })
            .map(|(i, _)| i);
        if let Some(i) = newest
            && std::fs::rename(&found[i].1, out).is_ok()
        {
            found.remove(i);
        }
    }
    for (_, path) in found {
        let _ = remove_marked(&path);
    }
}

/// Whether a process with this id is running (then its staging folder is
/// in use). Elsewhere than on Unix every process counts as finished.
#[cfg(unix)]
fn running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    // SAFETY: signal 0 sends nothing; kill only checks that the process
    // exists (and that we may signal it: EPERM means it exists).
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn running(_pid: u32) -> bool {
    false
}

/// Exchanges `a` and `b` in one atomic step; `Ok(false)` when this system
/// or file system cannot (then nothing happened).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::os::unix::ffi::OsStrExt;
    let a = std::ffi::CString::new(a.as_os_str().as_bytes())?;
    let b = std::ffi::CString::new(b.as_os_str().as_bytes())?;
    // The system call rather than glibc's wrapper, which needs glibc 2.28.
    // SAFETY: both paths are NUL-terminated strings that live until the
    // call returns; renameat2 only reads them.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        // Kernel before 3.15, or a file system without RENAME_EXCHANGE.
        Some(libc::ENOSYS | libc::EINVAL | libc::EOPNOTSUPP) => Ok(false),
        _ => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Removes a folder Wegweiser wrote (a previous output or a staging
/// folder), its marker last, so that a removal cut short leaves a folder
/// the next build still recognises. Read-only folders in it are made
/// writable first: the whole folder is being discarded. A link in its
/// place is removed, not followed.
pub(super) fn remove_marked(dir: &Path) -> io::Result<()> {
    if !std::fs::symlink_metadata(dir)?.is_dir() {
        return std::fs::remove_file(dir);
    }
    match remove_contents(dir) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            make_writable(dir)?;
            remove_contents(dir)
        }
        r => r,
    }
}

fn remove_contents(dir: &Path) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name() == OUTPUT_MARKER {
            continue;
        }
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())?;
        } else {
            std::fs::remove_file(entry.path())?;
        }
    }
    match std::fs::remove_file(dir.join(OUTPUT_MARKER)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    std::fs::remove_dir(dir)
}

/// Gives the owner write (and list) permission on `dir` and every folder
/// below it.
fn make_writable(dir: &Path) -> io::Result<()> {
    let mut perms = std::fs::metadata(dir)?.permissions();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        perms.set_mode(perms.mode() | 0o700);
    }
    #[cfg(not(unix))]
    #[allow(clippy::permissions_set_readonly_false)] // only on Windows: the read-only flag
    perms.set_readonly(false);
    std::fs::set_permissions(dir, perms)?;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            make_writable(&entry.path())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_staging_folder_names_only() {
        let owner = |pid, start| Owner { pid, start };
        assert_eq!(
            staging_name(".public.new-42", "public"),
            Some(("new", owner(42, None)))
        );
        assert_eq!(
            staging_name(".public.old-7-123456", "public"),
            Some(("old", owner(7, Some(123456))))
        );
        for other in [
            ".public.new-",
            ".public.new-42-",
            ".public.new-42-x",
            ".public.new-4x",
            ".public.tmp-42",
            ".public2.new-42",
            "public.new-42",
            ".public.new-+42",
        ] {
            assert_eq!(staging_name(other, "public"), None, "{other}");
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_process_that_reuses_an_id_is_not_the_owner() {
        let me = std::process::id();
        let start = start_time(me).expect("Linux tells a process's start time");
        // Another process with this id (started at another time) owned it.
        let earlier = Owner {
            pid: me,
            start: Some(start.saturating_sub(1)),
        };
        assert!(!earlier.is_running());
        // The parent is running and started when it says.
        let parent = std::os::unix::process::parent_id();
        let running_owner = Owner {
            pid: parent,
            start: start_time(parent),
        };
        assert!(running_owner.is_running());
        let reused = Owner {
            pid: parent,
            start: start_time(parent).map(|s| s + 1),
        };
        assert!(!reused.is_running());
    }

    #[test]
    fn swaps_by_two_renames_where_it_cannot_exchange() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("index.html"), "old").unwrap();
        let staging = Staging::new(&out).unwrap();
        staging.write("index.html", b"new").unwrap();
        let previous = staging.swap_by_renames().unwrap();
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"new");
        assert_eq!(std::fs::read(previous.join("index.html")).unwrap(), b"old");
        assert_eq!(previous, sibling(&out, "old"));
        assert!(
            previous
                .to_string_lossy()
                .contains(&format!(".public.old-{}", std::process::id()))
        );
    }

    #[test]
    fn failures_say_what_state_the_output_is_in() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let e = || io::Error::from(io::ErrorKind::PermissionDenied);
        let d = unchanged(&out, "create", &dir.path().join(".public.new-1"), e());
        assert!(
            d.message().ends_with("public/ was not created"),
            "{}",
            d.message()
        );
        std::fs::create_dir(&out).unwrap();
        let d = unchanged(&out, "create", &dir.path().join(".public.new-1"), e());
        assert!(
            d.message().ends_with("public/ was left unchanged"),
            "{}",
            d.message()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_parent_leaves_the_output_unchanged() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let parent = dir.path().join("site");
        let out = parent.join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join(OUTPUT_MARKER), "").unwrap();
        std::fs::set_permissions(&parent, std::fs::Permissions::from_mode(0o555)).unwrap();
        let result = Staging::new(&out);
        std::fs::set_permissions(&parent, std::fs::Permissions::from_mode(0o755)).unwrap();
        match result {
            // Root may write anyway: then there is nothing to check here.
            Ok(staging) => drop(staging),
            Err(d) => assert!(
                d.message().ends_with("public/ was left unchanged"),
                "{}",
                d.message()
            ),
        }
        assert!(out.join(OUTPUT_MARKER).is_file());
    }

    #[test]
    fn removes_marked_folders_and_links_in_their_place() {
        let dir = tempfile::tempdir().unwrap();
        let tree = dir.path().join(".public.new-1");
        std::fs::create_dir_all(tree.join("de")).unwrap();
        std::fs::write(tree.join(OUTPUT_MARKER), "").unwrap();
        std::fs::write(tree.join("de/index.html"), "x").unwrap();
        remove_marked(&tree).unwrap();
        assert!(!tree.exists());
        // A link in the output's place: the link goes, not what it points to.
        let target = dir.path().join("elsewhere");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("keep.txt"), "keep").unwrap();
        #[cfg(unix)]
        {
            let link = dir.path().join(".public.old-1");
            std::os::unix::fs::symlink(&target, &link).unwrap();
            remove_marked(&link).unwrap();
            assert!(!link.exists() && target.join("keep.txt").is_file());
        }
    }
}
