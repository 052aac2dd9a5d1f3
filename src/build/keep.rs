//! How an incremental build (rebuild.rs) puts its files in place: which
//! files keep the output folder's bytes (compared by digest with the
//! manifest, not by reading the old file), and the folder that becomes the
//! new output: the previous output kept beside it, brought up to date
//! (output/previous.rs: only the files that differ are touched), or where
//! there is none, a fresh staging folder with every unchanged file
//! hard-linked. Either way a file with unchanged bytes is the output
//! folder's file (same inode, same time), and a changed one a new file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;

use super::errors_only;
use super::manifest::{self, Manifest, Stamp};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::previous::{self, Step};
use crate::output::{OutputFiles, Staging};

/// The new output against the current one.
pub(super) struct Plan<'a> {
    /// Files whose bytes are the output folder's.
    pub keep: Vec<&'a str>,
    /// Files with new bytes (or new files), with their digests.
    pub write: Vec<(&'a str, &'a [u8], String)>,
    /// Files of the output folder that are no longer made.
    pub gone: Vec<&'a str>,
    /// Every file of the new output, in path order.
    made: Vec<&'a str>,
}

impl Plan<'_> {
    /// Whether the new output has the file `rel`.
    fn makes(&self, rel: &str) -> bool {
        self.made.binary_search(&rel).is_ok()
    }
}

/// Compares `files` (new bytes) with the output folder `out` by digest
/// (where the manifest has none: by reading the file); the files `kept`
/// (in path order, none of them among `files`) keep theirs. `None` if a
/// file to keep is not in the output folder (a part was recorded wrongly:
/// the caller builds in full). The sets are walked side by side in path
/// order: at 10,000 offers a one-edit rebuild keeps some 120,000 files,
/// and sets of them cost more than the rest of the plan.
pub(super) fn plan<'a>(
    out: &Path,
    files: &'a OutputFiles,
    kept: Vec<&'a str>,
    old: &'a Manifest,
) -> Option<Plan<'a>> {
    let compared: Vec<(&str, &[u8], String, bool)> = files
        .par_iter()
        .map(|(rel, b)| {
            let digest = manifest::digest(b);
            let same = old.outputs.get(rel).is_some_and(|s| {
                s.size == b.len() as u64
                    && match s.hash.is_empty() {
                        false => s.hash == digest,
                        true => std::fs::read(out.join(rel)).is_ok_and(|o| o == **b),
                    }
            });
            (rel.as_str(), &**b, digest, same)
        })
        .collect();
    let made = merged(files.keys().map(String::as_str), kept.iter().copied());
    let mut plan = Plan {
        keep: Vec::with_capacity(kept.len() + files.len()),
        write: Vec::new(),
        gone: Vec::new(),
        made,
    };
    for (rel, b, digest, same) in compared {
        match same {
            true => plan.keep.push(rel),
            false => plan.write.push((rel, b, digest)),
        }
    }
    plan.keep.extend(kept);
    // The output folder's files against the new output's, side by side.
    let mut had = old.outputs.keys().map(String::as_str).peekable();
    for &rel in &plan.made {
        while let Some(f) = had.next_if(|f| *f < rel) {
            plan.gone.push(f);
        }
        if had.next_if_eq(&rel).is_none() && !files.contains_key(rel) {
            return None;
        }
    }
    plan.gone.extend(had);
    Some(plan)
}

/// Two sequences in path order merged into one (a path in both once).
pub(super) fn merged<'a>(
    a: impl Iterator<Item = &'a str>,
    b: impl Iterator<Item = &'a str>,
) -> Vec<&'a str> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    let mut all = Vec::with_capacity(a.size_hint().0 + b.size_hint().0);
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x <= y => {
                let x = *x;
                b.next_if_eq(&x);
                a.next()
            }
            (Some(_), Some(_)) | (None, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => break,
        };
        all.extend(next);
    }
    all
}

/// The folder to exchange with the output folder, the stamps of its files,
/// and, if it is the previous output brought up to date, the folders that
/// took a step (each path with its '/', the folders above included, the
/// output folder's own as "").
pub(super) type Staged = (Staging, BTreeMap<String, Stamp>, Option<BTreeSet<String>>);

/// The folder to exchange with the output folder, holding the new output,
/// and the stamps of its files; `Ok(None)` if a file could not be linked
/// (no hard links there): the output folder is as it was, the caller
/// builds in full. The previous output kept beside the output folder is
/// used if the manifest describes it; any doubt (missing, foreign, a step
/// failing) removes it and stages afresh.
pub(super) fn stage(
    out: &Path,
    plan: &Plan<'_>,
    old: &Manifest,
) -> Result<Option<Staged>, Diagnostics> {
    let staging = match &old.previous {
        Some(delta) if previous::is_there(out) => {
            // From here on the previous folder is in flux: a build stopped
            // now must not trust the manifest's account of it.
            Manifest::invalidate(out).map_err(|e| cannot_write(out, e))?;
            // A failed step leaves it half done: removed below.
            let steps = steps(plan, delta);
            previous::update(out, &steps)
                .ok()
                .map(|s| (s, Some(touched(&steps))))
        }
        _ => None,
    };
    let (staging, touched) = match staging {
        Some(s) => s,
        None => {
            previous::remove(out);
            match link_all(out, plan)? {
                Some(s) => (s, None),
                None => return Ok(None),
            }
        }
    };
    let stamps = stamps(&staging, plan, old)?;
    Ok(Some((staging, stamps, touched)))
}

/// The folders the steps touch: each one's folder and those above it.
fn touched(steps: &[Step<'_>]) -> BTreeSet<String> {
    let mut folders = BTreeSet::from([String::new()]);
    for step in steps {
        let (Step::Link(rel) | Step::Write(rel, _) | Step::Remove(rel)) = step;
        for (i, _) in rel.match_indices('/') {
            if !folders.contains(&rel[..=i]) {
                folders.insert(rel[..=i].to_string());
            }
        }
    }
    folders
}

/// What turns the previous folder (the output folder but for `delta`)
/// into the new output.
fn steps<'a>(plan: &Plan<'a>, delta: &'a BTreeMap<String, bool>) -> Vec<Step<'a>> {
    let mut steps: Vec<Step> = plan
        .keep
        .iter()
        .filter(|f| delta.contains_key(**f))
        .map(|f| Step::Link(f))
        .collect();
    steps.extend(plan.write.iter().map(|(f, b, _)| Step::Write(f, b)));
    // Its files are the output folder's (unless it has its own or none
    // there) and its own ones; of the output folder's, those no longer
    // made are gone.
    steps.extend(
        plan.gone
            .iter()
            .filter(|f| !delta.contains_key(**f))
            .map(|f| Step::Remove(f)),
    );
    steps.extend(
        delta
            .iter()
            .filter(|(f, own)| **own && !plan.makes(f))
            .map(|(f, _)| Step::Remove(f)),
    );
    steps
}

/// A fresh staging folder: unchanged files hard-linked to the output
/// folder's, the others written; `Ok(None)` if a link failed.
fn link_all(out: &Path, plan: &Plan<'_>) -> Result<Option<Staging>, Diagnostics> {
    let staging = Staging::new(out)?;
    let all = plan
        .keep
        .iter()
        .copied()
        .chain(plan.write.iter().map(|(f, _, _)| *f));
    staging.create_dirs_for(all)?;
    plan.write
        .par_iter()
        .try_for_each(|(rel, b, _)| staging.write(rel, b))?;
    let linked = plan.keep.par_iter().try_for_each(|rel| staging.keep(rel));
    Ok(linked.is_ok().then_some(staging))
}

/// The stamps of the new output: the output folder's for the files kept,
/// those of the new files as written.
fn stamps(
    staging: &Staging,
    plan: &Plan<'_>,
    old: &Manifest,
) -> Result<BTreeMap<String, Stamp>, Diagnostics> {
    let written: Vec<Result<(String, Stamp), Diagnostic>> = plan
        .write
        .par_iter()
        .map(|(rel, _, digest)| {
            let path = staging.path().join(rel);
            let m = std::fs::metadata(&path).map_err(|e| {
                Diagnostic::error("cannot-read")
                    .arg("file", path.display().to_string())
                    .arg("detail", e.to_string())
            })?;
            let stamp = Stamp {
                size: m.len(),
                mtime: manifest::mtime_of(&m),
                hash: digest.clone(),
            };
            Ok((rel.to_string(), stamp))
        })
        .collect();
    let mut stamps = Vec::with_capacity(plan.keep.len() + written.len());
    let mut ds = Diagnostics::new();
    for w in written {
        match w {
            Ok(stamp) => stamps.push(stamp),
            Err(d) => ds.push(d),
        }
    }
    errors_only(ds)?;
    stamps.extend(
        plan.keep
            .iter()
            .filter_map(|rel| Some((rel.to_string(), old.outputs.get(*rel)?.clone()))),
    );
    // Collected at once (sorted, then built), not inserted one by one.
    Ok(stamps.into_iter().collect())
}

/// Where the previous folder will not be the new output folder's file
/// once the new output is in place: written files (its own file if the
/// output folder had one) and files no longer made.
pub(super) fn delta(plan: &Plan<'_>, old: &Manifest) -> BTreeMap<String, bool> {
    plan.write
        .iter()
        .map(|(f, _, _)| (f.to_string(), old.outputs.contains_key(*f)))
        .chain(plan.gone.iter().map(|f| (f.to_string(), true)))
        .collect()
}

/// The error of a manifest that cannot be written or removed.
pub(super) fn cannot_write(out: &Path, e: std::io::Error) -> Diagnostics {
    Diagnostics::from(
        Diagnostic::error("cannot-write")
            .arg("file", manifest::path_for(out).display().to_string())
            .arg("detail", e.to_string()),
    )
}
