//! What earlier builds measured of each source image, kept by the file's
//! stamp, so that a build reads and hashes only images that may have
//! changed: `.wegweiser-cache/images/measured` in the site folder.
//!
//! A stamp is the file's size, modification and change time (nanoseconds)
//! and its device and inode. The change time (ctime) cannot be set back by
//! hand: an edit that keeps the size and restores the modification time
//! (`touch -r`) still changes it, so such a file is hashed again. A file
//! only touched is hashed again too (its stamp changed), keeps its content
//! hash, and so its variants come from the cache, not encoded again.
//!
//! Any doubt hashes: an entry is recorded only for a file whose times lie
//! [`SETTLED`] before the build began (a change in the same clock tick as
//! the reading would otherwise go unseen), a line that does not parse is
//! ignored, and systems without inodes (not Unix) keep no memo at all. The
//! file is written under a temporary name and renamed, and only when it
//! changed.

use std::collections::BTreeMap;
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::{CACHE_DIR, Format};

/// The memo's file name in the cache folder ([`super::CACHE_DIR`]).
pub const MEMO_FILE: &str = "measured";
/// The first line: another one (an older format) is ignored.
const HEADER: &str = "wegweiser-measured-images 1";
/// How long before a build a file must have been changed last to be recorded.
pub const SETTLED: Duration = Duration::from_secs(2);

/// Size, times and identity of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    size: u64,
    mtime: i128,
    ctime: i128,
    dev: u64,
    ino: u64,
}

impl Stamp {
    /// The stamp of `meta` (none where the system has no inodes).
    #[cfg(unix)]
    pub fn of(meta: &Metadata) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
        Some(Stamp {
            size: meta.size(),
            mtime: ns(meta.mtime(), meta.mtime_nsec()),
            ctime: ns(meta.ctime(), meta.ctime_nsec()),
            dev: meta.dev(),
            ino: meta.ino(),
        })
    }

    #[cfg(not(unix))]
    pub fn of(_meta: &Metadata) -> Option<Stamp> {
        None
    }

    /// Whether the file was last changed [`SETTLED`] before `start`.
    fn settled(&self, start: SystemTime) -> bool {
        let Ok(since) = start.duration_since(SystemTime::UNIX_EPOCH) else {
            return false;
        };
        let limit = i128::try_from(since.saturating_sub(SETTLED).as_nanos()).unwrap_or(0);
        self.mtime.max(self.ctime) < limit
    }
}

/// What is kept of one measured file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub stamp: Stamp,
    /// SHA-256 of the bytes (hex).
    pub hash: String,
    /// Width and height as shown.
    pub width: u32,
    pub height: u32,
    pub fallback: Format,
}

/// The entries by file (relative to the site folder).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Memo {
    pub(super) entries: BTreeMap<PathBuf, Entry>,
}

impl Memo {
    /// The memo of the site at `root` (empty if there is none or it is not ours).
    pub fn load(root: &Path) -> Memo {
        let text =
            std::fs::read_to_string(root.join(CACHE_DIR).join(MEMO_FILE)).unwrap_or_default();
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Memo::default();
        }
        Memo {
            entries: lines.filter_map(parse_line).collect(),
        }
    }

    /// The entry of `rel` if the file still has the stamp it had.
    pub fn get(&self, rel: &Path, stamp: Option<Stamp>) -> Option<&Entry> {
        let e = self.entries.get(rel)?;
        (Some(e.stamp) == stamp).then_some(e)
    }

    /// Records `entry` for `rel` if its file had settled when the build began.
    pub fn record(&mut self, rel: &Path, entry: Entry, start: SystemTime) {
        if entry.stamp.settled(start) && line_safe(rel).is_some() {
            self.entries.insert(rel.to_path_buf(), entry);
        }
    }

    /// Writes the memo for the site at `root` if it differs from `old`. A
    /// memo that cannot be written only costs hashing on the next build.
    pub fn save_if_changed(&self, root: &Path, old: &Memo) {
        if self == old {
            return;
        }
        let path = root.join(CACHE_DIR).join(MEMO_FILE);
        let mut text = format!("{HEADER}\n");
        for (rel, e) in &self.entries {
            let Some(rel) = line_safe(rel) else { continue };
            let s = &e.stamp;
            text.push_str(&format!(
                "{rel}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                s.size,
                s.mtime,
                s.ctime,
                s.dev,
                s.ino,
                e.hash,
                e.width,
                e.height,
                e.fallback.ext()
            ));
        }
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        if std::fs::write(&tmp, text).is_ok() && std::fs::rename(&tmp, &path).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

/// The path as one field of a line (none if it cannot be one).
fn line_safe(rel: &Path) -> Option<&str> {
    rel.to_str().filter(|s| !s.contains(['\t', '\n', '\r']))
}

/// One line of the memo, if it is whole.
fn parse_line(line: &str) -> Option<(PathBuf, Entry)> {
    let f: Vec<&str> = line.split('\t').collect();
    let [
        rel,
        size,
        mtime,
        ctime,
        dev,
        ino,
        hash,
        width,
        height,
        fallback,
    ] = f[..]
    else {
        return None;
    };
    let fallback = match fallback {
        "jpg" => Format::Jpeg,
        "png" => Format::Png,
        _ => return None,
    };
    if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let entry = Entry {
        stamp: Stamp {
            size: size.parse().ok()?,
            mtime: mtime.parse().ok()?,
            ctime: ctime.parse().ok()?,
            dev: dev.parse().ok()?,
            ino: ino.parse().ok()?,
        },
        hash: hash.to_string(),
        width: width.parse().ok().filter(|w| *w > 0)?,
        height: height.parse().ok().filter(|h| *h > 0)?,
        fallback,
    };
    Some((PathBuf::from(rel), entry))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    #[test]
    fn the_memo_survives_a_round_trip_and_records_only_settled_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.png"), b"a").unwrap();
        let stamp = Stamp::of(&std::fs::metadata(dir.path().join("a.png")).unwrap()).unwrap();
        let entry = Entry {
            stamp,
            hash: "0f".repeat(32),
            width: 10,
            height: 20,
            fallback: Format::Png,
        };
        let mut memo = Memo::default();
        memo.record(Path::new("a.png"), entry.clone(), SystemTime::now());
        assert_eq!(memo, Memo::default(), "changed just now: not recorded");
        let later = SystemTime::now() + SETTLED + Duration::from_millis(10);
        memo.record(Path::new("a.png"), entry.clone(), later);
        memo.record(Path::new("tab\there.png"), entry.clone(), later);
        memo.save_if_changed(dir.path(), &Memo::default());
        let loaded = Memo::load(dir.path());
        assert_eq!(loaded, memo);
        assert_eq!(loaded.get(Path::new("a.png"), Some(stamp)), Some(&entry));
        assert_eq!(loaded.entries.len(), 1);
        // A memo of another format is ignored.
        let file = dir.path().join(CACHE_DIR).join(MEMO_FILE);
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, text.replace(HEADER, "wegweiser-measured-images 0")).unwrap();
        assert_eq!(Memo::load(dir.path()), Memo::default());
    }
}
