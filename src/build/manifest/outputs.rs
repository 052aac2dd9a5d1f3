//! The record of the output folder a build leaves, and the next build's
//! check against it that nothing changed in the folder since: every
//! file's size and time and every folder's time, in a file of its own
//! beside the manifest (`.wegweiser-cache/<out>.outputs`, bound to the
//! manifest by its digest), so that the check reads it on a thread of its
//! own while the manifest is read.
//!
//! Why folder times: a folder's modification time changes whenever an
//! entry is added to it, removed from it or renamed in it (POSIX), so a
//! folder with its recorded time holds the recorded entries, and a file
//! with its recorded size and time was not written since. The check
//! states every recorded folder and file (`statx`, relative to the
//! nearest folder that holds folders, which alone are opened) and reads
//! no folder: at 10,000 offers 175,000 calls to the system instead of the
//! 400,000 of reading every folder (`openat`, `getdents`, `close`), which
//! were the largest part of a one-edit rebuild's CPU time.
//!
//! A folder changed in the same tick of the file system's clock as it was
//! stated may change again and keep its time (git's "racily clean"
//! entries): a folder whose time is not before that of a file created
//! just before the stating (the record's own temporary file, on the
//! output folder's side) is recorded as doubtful, and the check reads its
//! entries instead.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use rustix::fd::OwnedFd;
use rustix::fs::{AtFlags, FileType, OFlags, RawDir, StatxFlags};

use super::Stamp;

/// What a record file starts with (then the files and the folder times in
/// postcard's form).
const MAGIC: &[u8] = b"wegweiser-outputs\n";

/// The time recorded for a doubtful folder: its entries are read.
const DOUBTFUL: u64 = 0;

/// How a folder is opened (a link is not followed).
const FOLDER: OFlags = OFlags::RDONLY
    .union(OFlags::DIRECTORY)
    .union(OFlags::CLOEXEC)
    .union(OFlags::NOFOLLOW);

/// Where the record of the output folder `out` lives: beside its manifest.
pub(super) fn path_for(out: &Path) -> PathBuf {
    super::path_for(out).with_extension("outputs")
}

/// Where the record of the previous output kept beside `out` lives (the
/// record of the output folder that was, kept when it became the previous
/// one: its folders' times are those of the folder the next build brings
/// up to date).
fn previous_path_for(out: &Path) -> PathBuf {
    super::path_for(out).with_extension("outputs.previous")
}

/// The folders' times of the record of the previous output kept beside
/// `out` (each folder's path with its '/', in path order), with the
/// record's digest; `None` if there is none or it cannot be read.
fn previous_times(out: &Path) -> Option<(u128, FolderList)> {
    let bytes = std::fs::read(previous_path_for(out)).ok()?;
    let digest = xxhash_rust::xxh3::xxh3_128(&bytes);
    let (files, times): (Vec<(String, Stamp)>, Vec<u64>) =
        postcard::from_bytes(bytes.strip_prefix(MAGIC)?).ok()?;
    let sorted: Vec<(&str, &Stamp)> = files.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let mut folders = vec![""];
    folders_below(0, &sorted, &mut folders);
    if folders.len() != times.len() {
        return None;
    }
    let mut pairs: Vec<(String, u64)> = folders.into_iter().map(String::from).zip(times).collect();
    pairs.sort_unstable();
    Some((digest, pairs))
}

/// The paths (with their '/') of the folders below the one whose path is
/// `p` bytes long that hold files of `files`, in the order of
/// [`folder_times`].
fn folders_below<'a>(p: usize, files: &[(&'a str, &'a Stamp)], found: &mut Vec<&'a str>) {
    for e in entries(p, files) {
        if let Entry::Folder(name, below, _) = e {
            let q = p + name.len() + 1;
            found.push(&below[0].0[..q]);
            folders_below(q, below, found);
        }
    }
}

/// Folders' times by path (with its '/'), in path order.
pub(crate) type FolderList = Vec<(String, u64)>;

/// Where the folders' times of a new record come from.
#[derive(Debug, Clone, Default)]
pub(crate) enum FolderTimes {
    /// Every folder of the output folder is stated (a full build, or a
    /// staging folder made anew).
    #[default]
    Stated,
    /// The output folder is the previous one brought up to date: its
    /// folders have the times of its record (`previous`, each folder's path
    /// with its '/', in path order) but for the folders `touched` (those of
    /// every file linked, written or removed, and the folders above them),
    /// which are recorded as doubtful, as is the output folder itself.
    /// A folder changed behind the build's back since its record shows
    /// at the next check all the same: not stated now, it keeps its
    /// recorded time, which is no longer its own.
    Kept {
        previous: FolderList,
        touched: std::collections::BTreeSet<String>,
    },
}

/// Writes the record of the output folder `out`, whose files are `files`
/// (as the build made them), with its folders' times from `times`;
/// returns its digest, which the manifest keeps. With `keep_previous` the
/// record there was (of the folder that is now the previous output) is
/// kept as the previous one ([`previous_path_for`]). A folder that cannot
/// be stated leaves a record no check passes (the next build is a full
/// one).
pub(super) fn write(
    out: &Path,
    files: &BTreeMap<String, Stamp>,
    times: &FolderTimes,
    keep_previous: bool,
) -> std::io::Result<u128> {
    let path = path_for(out);
    let kept = keep_previous && std::fs::rename(&path, previous_path_for(out)).is_ok();
    if !kept {
        match std::fs::remove_file(previous_path_for(out)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    let mut tmp = path.clone().into_os_string();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    // Created anew: its time is the file system's "now" before the
    // folders are stated.
    let _ = std::fs::remove_file(&tmp);
    let mut file = std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(&tmp)?;
    let racy_from = rustix::fs::statx(&file, "", AtFlags::EMPTY_PATH, StatxFlags::MTIME)
        .map(|st| time(&st))
        .map_err(std::io::Error::from)?;
    let sorted: Vec<(&str, &Stamp)> = files.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let times = match times {
        FolderTimes::Stated => folder_times(out, &sorted, racy_from).unwrap_or_default(),
        FolderTimes::Kept { previous, touched } => {
            let mut folders = vec![""];
            folders_below(0, &sorted, &mut folders);
            let was = |f: &str| {
                previous
                    .binary_search_by(|(p, _)| p.as_str().cmp(f))
                    .map_or(DOUBTFUL, |i| previous[i].1)
            };
            folders
                .iter()
                .map(|f| match f.is_empty() || touched.contains(*f) {
                    true => DOUBTFUL,
                    false => was(f),
                })
                .collect()
        }
    };
    let mut bytes = MAGIC.to_vec();
    postcard::to_io(&(files, &times), &mut bytes).map_err(std::io::Error::other)?;
    file.write_all(&bytes)?;
    drop(file);
    std::fs::rename(&tmp, &path)?;
    Ok(xxhash_rust::xxh3::xxh3_128(&bytes))
}

/// The output folder's files as recorded, with the digest of the record
/// of `out`, if the folder holds exactly those files, each with its
/// recorded size and time, and the recorded folders with their times;
/// `None` at any doubt (no record, a file or folder changed, added or
/// removed since). Whether the record is the manifest's is for the caller
/// to tell by the digest.
pub(super) fn unchanged(out: &Path) -> Option<Checked> {
    let bytes = std::fs::read(path_for(out)).ok()?;
    let digest = xxhash_rust::xxh3::xxh3_128(&bytes);
    let (files, times): (Vec<(String, Stamp)>, Vec<u64>) =
        postcard::from_bytes(bytes.strip_prefix(MAGIC)?).ok()?;
    drop(bytes);
    let sorted: Vec<(&str, &Stamp)> = files.iter().map(|(k, v)| (k.as_str(), v)).collect();
    // Recorded in path order (a map's); anything else is no record of ours.
    if !sorted.windows(2).all(|w| w[0].0 < w[1].0) {
        return None;
    }
    let root = rustix::fs::openat(rustix::fs::CWD, out, FOLDER, rustix::fs::Mode::empty()).ok()?;
    let mut times = times.iter();
    let recorded = *times.next()?;
    let mut buf = Vec::new();
    let same = folder_same(&root, recorded, 0, &sorted, &mut times, &mut buf, true);
    // Every recorded time used: the same folders as recorded.
    let same = same && times.next().is_none();
    drop(sorted);
    same.then(|| Checked {
        digest,
        files: files.into_iter().collect(),
        previous: previous_times(out),
    })
}

/// What [`unchanged`] found: the record's digest and files, and the
/// folders' times of the previous output's record with its digest.
pub(super) struct Checked {
    pub digest: u128,
    pub files: BTreeMap<String, Stamp>,
    pub previous: Option<(u128, FolderList)>,
}

/// An entry of a folder, from the paths of the files below it.
enum Entry<'s, 'a> {
    /// A file: its name and stamp.
    File(&'a str, &'a Stamp),
    /// A folder: its name, the files below it, and whether it holds
    /// files only.
    Folder(&'a str, &'s [(&'a str, &'a Stamp)], bool),
}

/// The entries of the folder whose path (with its '/') is `p` bytes long,
/// from `files`, the paths below it in path order (those below one folder
/// follow each other: they share its path as a prefix).
fn entries<'s, 'a>(
    p: usize,
    files: &'s [(&'a str, &'a Stamp)],
) -> impl Iterator<Item = Entry<'s, 'a>> {
    let mut i = 0;
    std::iter::from_fn(move || {
        let &(path, stamp) = files.get(i)?;
        let rest = path.get(p..).unwrap_or("");
        let Some((name, _)) = rest.split_once('/') else {
            i += 1;
            return Some(Entry::File(rest, stamp));
        };
        let q = p + name.len() + 1;
        let start = i;
        while files.get(i).is_some_and(|(f, _)| {
            f.len() > q && f.as_bytes()[q - 1] == b'/' && f[p..].starts_with(name)
        }) {
            i += 1;
        }
        let below = &files[start..i];
        let leaf = below.iter().all(|(f, _)| !f[q..].contains('/'));
        Some(Entry::Folder(name, below, leaf))
    })
}

/// The modification time of a `statx` result, in nanoseconds since 1970.
fn time(st: &rustix::fs::Statx) -> u64 {
    let (secs, nsec) = (st.stx_mtime.tv_sec, st.stx_mtime.tv_nsec);
    let since = u64::try_from(secs)
        .ok()
        .map(|s| std::time::Duration::new(s, nsec));
    // The same conversion as `mtime_of`'s.
    super::nanos(since.and_then(|d| std::time::UNIX_EPOCH.checked_add(d)))
}

/// The time of `name` in the folder `dir` (`""`: of `dir` itself).
fn time_of(dir: &OwnedFd, name: &str) -> Option<u64> {
    let flags = match name.is_empty() {
        true => AtFlags::EMPTY_PATH,
        false => AtFlags::SYMLINK_NOFOLLOW,
    };
    rustix::fs::statx(dir, name, flags, StatxFlags::MTIME)
        .ok()
        .map(|st| time(&st))
}

/// Whether the file `rel` (relative to `dir`) has the size and time of `stamp`.
fn file_same(dir: &OwnedFd, rel: &str, stamp: &Stamp) -> bool {
    let wanted = StatxFlags::SIZE | StatxFlags::MTIME;
    rustix::fs::statx(dir, rel, AtFlags::SYMLINK_NOFOLLOW, wanted)
        .is_ok_and(|st| st.stx_size == stamp.size && time(&st) == stamp.mtime)
}

/// Whether the folder `dir` (its path `p` bytes long) is as recorded: its
/// time `recorded` (or, doubtful, its entries those of `files`), its files'
/// stamps, and below it the same, the folders' times taken from `times`
/// in the order [`folder_times`] recorded them. The output folder itself
/// (`root`) also holds the output marker.
fn folder_same(
    dir: &OwnedFd,
    recorded: u64,
    p: usize,
    files: &[(&str, &Stamp)],
    times: &mut std::slice::Iter<u64>,
    buf: &mut Vec<u8>,
    root: bool,
) -> bool {
    let own = match recorded {
        DOUBTFUL => same_names(dir, p, files, buf, root),
        t => time_of(dir, "") == Some(t),
    };
    own && entries(p, files).all(|e| match e {
        Entry::File(name, stamp) => file_same(dir, name, stamp),
        Entry::Folder(name, below, leaf) => {
            let Some(&recorded) = times.next() else {
                return false;
            };
            // A folder of files only is stated through this one, never opened.
            if leaf && recorded != DOUBTFUL {
                return time_of(dir, name) == Some(recorded)
                    && below
                        .iter()
                        .all(|(f, stamp)| file_same(dir, &f[p..], stamp));
            }
            match rustix::fs::openat(dir, name, FOLDER, rustix::fs::Mode::empty()) {
                Ok(fd) => {
                    let q = p + name.len() + 1;
                    folder_same(&fd, recorded, q, below, times, buf, false)
                }
                Err(_) => false,
            }
        }
    })
}

/// Whether the folder `dir` holds exactly the entries of `files` (and,
/// for the output folder, its marker).
fn same_names(
    dir: &OwnedFd,
    p: usize,
    files: &[(&str, &Stamp)],
    buf: &mut Vec<u8>,
    root: bool,
) -> bool {
    let mut expected: Vec<String> = entries(p, files)
        .map(|e| match e {
            Entry::File(name, _) => name.to_string(),
            Entry::Folder(name, _, _) => format!("{name}/"),
        })
        .collect();
    if root {
        expected.push(crate::output::OUTPUT_MARKER.to_string());
    }
    expected.sort_unstable();
    let Some(mut found) = names(dir, buf) else {
        return false;
    };
    found.sort_unstable();
    found == expected
}

/// The entries of the folder `dir` (but `.` and `..`), a folder's name
/// followed by '/'; `None` if the folder could not be read whole.
fn names(dir: &OwnedFd, buf: &mut Vec<u8>) -> Option<Vec<String>> {
    if buf.capacity() < 16 * 1024 {
        buf.reserve(16 * 1024);
    }
    let mut names = Vec::new();
    let mut it = RawDir::new(dir, buf.spare_capacity_mut());
    while let Some(e) = it.next() {
        let e = e.ok()?;
        let bytes = e.file_name().to_bytes();
        if bytes == b"." || bytes == b".." {
            continue;
        }
        // A name that is not UTF-8 is never one a build wrote: taken as
        // read (lossy), it matches no recorded one.
        let name = String::from_utf8_lossy(bytes).into_owned();
        let is_dir = match e.file_type() {
            FileType::Directory => true,
            // A file system that does not say: stated.
            FileType::Unknown => rustix::fs::statat(dir, bytes, AtFlags::SYMLINK_NOFOLLOW)
                .is_ok_and(|s| FileType::from_raw_mode(s.st_mode) == FileType::Directory),
            _ => false,
        };
        names.push(match is_dir {
            true => name + "/",
            false => name,
        });
    }
    Some(names)
}

/// The times of the output folder `out` and of every folder below it that
/// holds files of `files`, in the order the check takes them (a folder
/// before the folders below it, each folder's in the order of its
/// entries); a time from `racy_from` on is recorded as doubtful. `None`
/// if a folder cannot be stated.
fn folder_times(out: &Path, files: &[(&str, &Stamp)], racy_from: u64) -> Option<Vec<u64>> {
    let root = rustix::fs::openat(rustix::fs::CWD, out, FOLDER, rustix::fs::Mode::empty()).ok()?;
    let mut times = Vec::new();
    let sure = |t: u64| if t < racy_from { t } else { DOUBTFUL };
    times.push(sure(time_of(&root, "")?));
    times_below(&root, 0, files, &mut times, &sure)?;
    Some(times)
}

/// [`folder_times`] of the folders below `dir` (its path `p` bytes long).
fn times_below(
    dir: &OwnedFd,
    p: usize,
    files: &[(&str, &Stamp)],
    times: &mut Vec<u64>,
    sure: &impl Fn(u64) -> u64,
) -> Option<()> {
    for e in entries(p, files) {
        let Entry::Folder(name, below, leaf) = e else {
            continue;
        };
        if leaf {
            times.push(sure(time_of(dir, name)?));
            continue;
        }
        let fd = rustix::fs::openat(dir, name, FOLDER, rustix::fs::Mode::empty()).ok()?;
        times.push(sure(time_of(&fd, "")?));
        times_below(&fd, p + name.len() + 1, below, times, sure)?;
    }
    Some(())
}

#[cfg(test)]
mod tests;
