use std::collections::BTreeMap;
use std::path::Path;

use super::super::{Stamp, mtime_of};
use super::{FolderTimes, unchanged, write};

/// An output folder `public` (with its marker) in a fresh folder.
fn site() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    for (rel, text) in [
        ("index.html", "a"),
        ("a-b/index.html", "bb"),
        ("a/index.html", "ccc"),
        ("a/page/2/index.html", "dddd"),
        ("a/page/3/index.html", "eeeee"),
        ("b.json", ""),
        (crate::output::OUTPUT_MARKER, ""),
    ] {
        let p = out.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
    }
    std::fs::create_dir_all(dir.path().join(super::super::CACHE_DIR)).unwrap();
    (dir, out)
}

/// The stamps of the output folder's files (the marker left out).
fn files(out: &Path) -> BTreeMap<String, Stamp> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap();
            let m = e.metadata().unwrap();
            let stamp = Stamp {
                size: m.len(),
                mtime: mtime_of(&m),
                hash: String::new(),
            };
            (rel.to_string_lossy().replace('\\', "/"), stamp)
        })
        .filter(|(rel, _)| rel != crate::output::OUTPUT_MARKER)
        .collect()
}

/// Sets the time of every folder of `out` to `secs` from now.
fn folders_at(out: &Path, secs: i64) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let at = rustix::fs::Timespec {
        tv_sec: now + secs,
        tv_nsec: 0,
    };
    let times = rustix::fs::Timestamps {
        last_access: at,
        last_modification: at,
    };
    for e in walkdir::WalkDir::new(out).contents_first(true) {
        let e = e.unwrap();
        if e.file_type().is_dir() {
            rustix::fs::utimensat(
                rustix::fs::CWD,
                e.path(),
                &times,
                rustix::fs::AtFlags::empty(),
            )
            .unwrap();
        }
    }
}

/// Records `out` as it is, its folders' times stated.
fn record(out: &Path) -> (u128, BTreeMap<String, Stamp>) {
    let files = files(out);
    let digest = write(out, &files, &FolderTimes::Stated, false).unwrap();
    (digest, files)
}

/// Whether the check finds `out` as recorded (with `digest`), giving back
/// the recorded files.
fn same(out: &Path, digest: u128, files: &BTreeMap<String, Stamp>) -> bool {
    match unchanged(out) {
        Some(c) => {
            assert_eq!(c.digest, digest);
            assert_eq!(&c.files, files);
            true
        }
        None => false,
    }
}

#[test]
fn an_untouched_folder_checks_as_recorded() {
    let (_dir, out) = site();
    folders_at(&out, -3600);
    let (digest, files) = record(&out);
    assert!(same(&out, digest, &files));
    // No previous record was kept.
    assert!(unchanged(&out).unwrap().previous.is_none());
}

#[test]
fn what_changed_behind_the_build_shows() {
    // Each change to the folders as recorded (their times an hour ago:
    // sure, so told by the folders' times and the files' stamps alone).
    type Change = (&'static str, fn(&Path));
    let changes: [Change; 7] = [
        ("a file added", |o| {
            std::fs::write(o.join("a/page/2/x.html"), "x").unwrap()
        }),
        ("a file added at the top", |o| {
            std::fs::write(o.join("x.html"), "x").unwrap()
        }),
        ("a folder added", |o| {
            std::fs::create_dir(o.join("a/page/4")).unwrap()
        }),
        ("a file removed", |o| {
            std::fs::remove_file(o.join("a-b/index.html")).unwrap()
        }),
        ("a file renamed", |o| {
            std::fs::rename(o.join("a/page/3/index.html"), o.join("a/page/3/y.html")).unwrap()
        }),
        ("a file rewritten", |o| {
            std::thread::sleep(std::time::Duration::from_millis(20));
            std::fs::write(o.join("a/index.html"), "CCC").unwrap()
        }),
        ("a folder removed", |o| {
            std::fs::remove_dir_all(o.join("a/page/3")).unwrap()
        }),
    ];
    for (what, change) in changes {
        let (_dir, out) = site();
        folders_at(&out, -3600);
        let (digest, files) = record(&out);
        change(&out);
        assert!(!same(&out, digest, &files), "{what}");
    }
}

#[test]
fn a_doubtful_folder_is_read() {
    // Folders with times from the record's own on are doubtful (they may
    // change again within the same tick of the clock): their entries are
    // read, and what changed shows all the same.
    for change in [true, false] {
        let (_dir, out) = site();
        folders_at(&out, 3600);
        let (digest, files) = record(&out);
        let record = std::fs::read(super::path_for(&out)).unwrap();
        let (_, times): (Vec<(String, Stamp)>, Vec<u64>) =
            postcard::from_bytes(record.strip_prefix(super::MAGIC).unwrap()).unwrap();
        // The output folder and a, a-b, a/page, a/page/2, a/page/3.
        assert_eq!(times, [super::DOUBTFUL; 6]);
        if change {
            std::fs::write(out.join("a/page/x.html"), "x").unwrap();
            // Its time as before: only reading the folder tells.
            folders_at(&out, 3600);
        }
        assert_eq!(same(&out, digest, &files), !change);
    }
}

#[test]
fn a_kept_record_takes_the_previous_times_but_where_touched() {
    let (_dir, out) = site();
    folders_at(&out, -3600);
    let (_, files) = record(&out);
    // Kept as the previous record by the next one.
    let touched = ["".to_string(), "a/".to_string()].into();
    let previous = {
        let c = unchanged(&out).unwrap();
        assert!(c.previous.is_none());
        let first = write(&out, &files, &FolderTimes::Stated, false).unwrap();
        assert_eq!(c.digest, first);
        write(&out, &files, &FolderTimes::Stated, true).unwrap();
        let (d, times) = unchanged(&out).unwrap().previous.unwrap();
        assert_eq!(d, first);
        times
    };
    let names: Vec<&str> = previous.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        names,
        ["", "a-b/", "a/", "a/page/", "a/page/2/", "a/page/3/"]
    );
    let digest = write(
        &out,
        &files,
        &FolderTimes::Kept { previous, touched },
        false,
    )
    .unwrap();
    let record = std::fs::read(super::path_for(&out)).unwrap();
    let (_, times): (Vec<(String, Stamp)>, Vec<u64>) =
        postcard::from_bytes(record.strip_prefix(super::MAGIC).unwrap()).unwrap();
    let page = mtime_of(&std::fs::metadata(out.join("a/page")).unwrap());
    // "", a-b/, a/, a/page/, a/page/2/, a/page/3/: the output folder and
    // a/ doubtful, the others as before.
    assert_eq!(times[0], super::DOUBTFUL);
    assert_eq!(times[2], super::DOUBTFUL);
    assert_eq!(times[3], page);
    assert!(same(&out, digest, &files));
    // A file added to a folder not touched: its time is no longer the one kept.
    std::fs::write(out.join("a/page/x.html"), "x").unwrap();
    assert!(!same(&out, digest, &files));
    std::fs::remove_file(out.join("a/page/x.html")).unwrap();
    // And to a touched one: read.
    folders_at(&out, -3600);
    let digest = write(
        &out,
        &files,
        &FolderTimes::Kept {
            previous: Vec::new(),
            touched: ["".to_string()].into(),
        },
        false,
    )
    .unwrap();
    // (No previous times: every folder doubtful, each read.)
    assert!(same(&out, digest, &files));
    std::fs::write(out.join("a/x.html"), "x").unwrap();
    assert!(!same(&out, digest, &files));
}

#[test]
fn a_missing_folder_or_record_is_no_match() {
    let (dir, out) = site();
    let (digest, files) = record(&out);
    assert!(same(&out, digest, &files));
    std::fs::rename(&out, dir.path().join("elsewhere")).unwrap();
    assert!(unchanged(&out).is_none());
    std::fs::rename(dir.path().join("elsewhere"), &out).unwrap();
    std::fs::remove_file(super::path_for(&out)).unwrap();
    assert!(unchanged(&out).is_none());
}
