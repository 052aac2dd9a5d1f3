//! The previous output, kept beside the output folder after an incremental
//! build's exchange (`.<out>.wegweiser-previous`, A/B folders): the next
//! incremental build brings THAT folder from the state before the current
//! output to the new state (only the files that differ: linked to the
//! output folder's file where the bytes equal it, written anew where they
//! changed, removed where no longer made) and exchanges it with the output
//! folder in one step. So its cost follows what changed, not the size of
//! the site. Files are shared between the two folders by hard links, so a
//! file is never written in place: a changed file is a new file.
//!
//! The build manifest (build/manifest.rs) says where this folder's files
//! are not the output folder's; the caller decides the steps from it.

use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::staging::{clean_leftovers, is_marked, out_name, remove_marked};
use super::{Staging, safe_relative};

/// Where the previous output of `out` is kept: a hidden sibling on the
/// same file system (hard links need one), named so that neither a
/// staging folder's pattern nor a deploy of `out` matches it.
pub fn folder_for(out: &Path) -> PathBuf {
    out.with_file_name(format!(".{}.wegweiser-previous", out_name(out)))
}

/// Whether the previous folder of `out` is there and Wegweiser's (marked).
pub fn is_there(out: &Path) -> bool {
    is_marked(&folder_for(out))
}

/// Removes the previous folder of `out` if it is Wegweiser's (marked);
/// best effort (a full build and `--clean` call it: it is stale then).
pub fn remove(out: &Path) {
    let folder = folder_for(out);
    if is_marked(&folder) {
        let _ = remove_marked(&folder);
    }
}

/// One file of the previous folder to bring to the new state.
pub enum Step<'a> {
    /// Becomes the output folder's file (a hard link): its bytes are the
    /// output folder's and it is not that file yet.
    Link(&'a str),
    /// Becomes a new file with these bytes.
    Write(&'a str, &'a [u8]),
    /// Is no longer made.
    Remove(&'a str),
}

/// Brings the previous folder of `out` to the new state by `steps` (links
/// and writes first, in parallel, then removals with the folders they
/// leave empty) and returns it as the staging folder to exchange with the
/// output folder. An error (no previous folder, a file that cannot be
/// linked or written) leaves it half done: the caller removes it and
/// builds without it.
pub fn update(out: &Path, steps: &[Step<'_>]) -> io::Result<Staging> {
    let folder = folder_for(out);
    if !is_marked(&folder) {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            "no previous output",
        ));
    }
    clean_leftovers(out);
    let target = |rel: &str| -> io::Result<PathBuf> {
        if !safe_relative(rel) {
            return Err(io::Error::other(format!("{rel} is outside the output")));
        }
        Ok(folder.join(rel))
    };
    // Never into an existing file: it may be the output folder's too.
    let fresh = |path: &Path| -> io::Result<()> {
        match std::fs::remove_file(path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            r => r?,
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        Ok(())
    };
    steps.par_iter().try_for_each(|s| match s {
        Step::Link(rel) => {
            let path = target(rel)?;
            fresh(&path)?;
            std::fs::hard_link(out.join(rel), &path)
        }
        Step::Write(rel, bytes) => {
            use std::io::Write;
            let path = target(rel)?;
            fresh(&path)?;
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)?;
            f.write_all(bytes)
        }
        Step::Remove(_) => Ok(()),
    })?;
    steps.par_iter().try_for_each(|s| match s {
        Step::Remove(rel) => {
            let path = target(rel)?;
            match std::fs::remove_file(&path) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                r => r?,
            }
            // The folders it leaves empty go too (a clean build has none).
            let mut dir = path.parent();
            while let Some(d) = dir.filter(|d| *d != folder) {
                if std::fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
            Ok::<(), io::Error>(())
        }
        _ => Ok(()),
    })?;
    Ok(Staging::reuse(out, folder))
}
