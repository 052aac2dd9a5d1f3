//! The walk of the output folder that [`super::stamp_outputs`] makes: each
//! folder read with `getdents` and its entries stated and opened relative
//! to its descriptor (no path walked from the root for each of the 55,000
//! folders and 120,000 files of 10,000 offers, no path allocated for
//! each), in the order of the paths. A folder or file that cannot be read
//! is stamped as nothing (never equal to a recorded stamp: the build is
//! then a full one).

use rustix::fd::OwnedFd;
use rustix::fs::{AtFlags, FileType, OFlags, RawDir, StatxFlags};

use super::Stamp;

/// How a folder is opened (a link is not followed: stated as a file).
pub(super) const FOLDER: OFlags = OFlags::RDONLY
    .union(OFlags::DIRECTORY)
    .union(OFlags::CLOEXEC)
    .union(OFlags::NOFOLLOW);

/// The stamp of nothing: equal to no file's.
const NOTHING: Stamp = Stamp {
    size: u64::MAX,
    mtime: 0,
    hash: String::new(),
};

/// The entry of what could not be read at `rel`.
pub(super) fn unreadable(rel: &str) -> (String, Stamp) {
    (format!("{rel}\0unreadable"), NOTHING)
}

/// Stamps every file below the folder `dir` (at `prefix`, its path with a
/// '/', or empty for the output folder) into `found`; `buf` is the buffer
/// entries are read into, shared by the whole walk.
pub(super) fn stamp(
    dir: &OwnedFd,
    prefix: &mut String,
    depth: usize,
    buf: &mut Vec<u8>,
    found: &mut Vec<(String, Stamp)>,
) {
    // A folder's name as if followed by '/', so that the whole walk is in
    // path order.
    let Some(mut entries) = names(dir, buf) else {
        found.push(unreadable(prefix));
        return;
    };
    entries.sort_unstable();
    for (name, is_dir) in entries {
        if is_dir {
            if depth >= 32 {
                continue;
            }
            let len = prefix.len();
            prefix.push_str(&name);
            let own = &name[..name.len() - 1];
            match rustix::fs::openat(dir, own, FOLDER, rustix::fs::Mode::empty()) {
                Ok(fd) => stamp(&fd, prefix, depth + 1, buf, found),
                Err(_) => found.push(unreadable(prefix)),
            }
            prefix.truncate(len);
            continue;
        }
        let wanted = StatxFlags::SIZE | StatxFlags::MTIME;
        let stamp = match rustix::fs::statx(dir, name.as_str(), AtFlags::SYMLINK_NOFOLLOW, wanted) {
            Ok(st) => Stamp {
                size: st.stx_size,
                mtime: nanos(st.stx_mtime.tv_sec, st.stx_mtime.tv_nsec),
                hash: String::new(),
            },
            // Gone while walking: stamped as nothing (never equal).
            Err(_) => NOTHING,
        };
        found.push((format!("{prefix}{name}"), stamp));
    }
}

/// The entries of the folder `dir` (but `.` and `..`): each name, a
/// folder's followed by '/', and whether it is a folder; `None` if the
/// folder could not be read whole.
fn names(dir: &OwnedFd, buf: &mut Vec<u8>) -> Option<Vec<(String, bool)>> {
    if buf.capacity() < 16 * 1024 {
        buf.reserve(16 * 1024);
    }
    let mut entries = Vec::new();
    let mut it = RawDir::new(dir, buf.spare_capacity_mut());
    while let Some(e) = it.next() {
        let e = e.ok()?;
        let bytes = e.file_name().to_bytes();
        if bytes == b"." || bytes == b".." {
            continue;
        }
        // A name that is not UTF-8 is never one a build wrote: taken as
        // read (lossy), it matches no recorded path.
        let name = String::from_utf8_lossy(bytes).into_owned();
        let is_dir = match e.file_type() {
            FileType::Directory => true,
            // A file system that does not say: stated.
            FileType::Unknown => rustix::fs::statat(dir, bytes, AtFlags::SYMLINK_NOFOLLOW)
                .is_ok_and(|s| FileType::from_raw_mode(s.st_mode) == FileType::Directory),
            _ => false,
        };
        entries.push(match is_dir {
            true => (name + "/", true),
            false => (name, false),
        });
    }
    Some(entries)
}

/// Nanoseconds since 1970 of a time in seconds and nanoseconds (0 before
/// 1970), as [`super::mtime_of`] gives them (the same conversion).
fn nanos(secs: i64, nsec: u32) -> u64 {
    let since = u64::try_from(secs)
        .ok()
        .map(|s| std::time::Duration::new(s, nsec));
    super::nanos(since.and_then(|d| std::time::UNIX_EPOCH.checked_add(d)))
}

#[cfg(test)]
mod tests {
    use super::super::{mtime_of, stamp_outputs};

    #[test]
    fn the_walk_stamps_as_std_states_in_path_order() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        for (rel, text) in [
            ("index.html", "a"),
            ("a-b/index.html", "bb"),
            ("a/index.html", "ccc"),
            ("a/page/2/index.html", "dddd"),
            ("b.json", ""),
        ] {
            let p = out.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(&p, text).unwrap();
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink("index.html", out.join("link")).unwrap();
        let found = stamp_outputs(out);
        let names: Vec<&str> = found.iter().map(|(r, _)| r.as_str()).collect();
        // "a/" sorts before "a-b/" as a path does ('/' after '-').
        let mut expected = vec![
            "a-b/index.html",
            "a/index.html",
            "a/page/2/index.html",
            "b.json",
            "index.html",
        ];
        if cfg!(unix) {
            expected.push("link");
        }
        expected.sort();
        assert_eq!(names, expected);
        for (rel, stamp) in &found {
            let m = std::fs::symlink_metadata(out.join(rel)).unwrap();
            assert_eq!(stamp.size, m.len(), "{rel}");
            assert_eq!(stamp.mtime, mtime_of(&m), "{rel}");
        }
    }

    #[test]
    fn a_missing_folder_is_stamped_as_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let found = stamp_outputs(&dir.path().join("missing"));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1.size, u64::MAX);
    }
}
