//! A whole build: config → content → i18n → render → output.
//!
//! [`Pipeline`] (pipeline.rs) holds what a build has loaded and the pages it
//! rendered; secondary.rs makes every other output file (the same way for a
//! full build and an update); full.rs writes a one-off build straight to
//! disk; incremental.rs applies changed files to a pipeline (the preview).
//! The entry points here are what the commands call: [`build`] (disk),
//! [`build_in_memory`] (`check`; the preview's `build_packed`), [`render_site`].

mod deps;
mod full;
mod huge_pages;
mod incremental;
mod keep;
mod manifest;
mod pipeline;
mod rebuild;
mod secondary;
mod settle;
mod timings;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostics;
use crate::output::{self, OutputFiles, PackedFiles, Staging};

pub use incremental::Update;
pub use pipeline::Pipeline;
pub use settle::{Settled, Settling};

/// What to build and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holds site.toml).
    pub root: PathBuf,
    /// Output folder; relative paths are relative to `root`.
    pub out: PathBuf,
    /// Overrides `base_url` from site.toml (e.g. for previews).
    pub base_url: Option<String>,
    pub drafts: bool,
    /// Minify the theme's templates once when they are loaded, so every page
    /// comes out minified (render/compact.rs).
    pub minify: bool,
    /// "Now" for upcoming/past events; `None` = the clock. The command line
    /// sets it from `SOURCE_DATE_EPOCH` for reproducible builds.
    pub now: Option<jiff::Timestamp>,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            out: PathBuf::from(crate::layout::OUTPUT_DIR),
            base_url: None,
            drafts: false,
            minify: true,
            now: None,
        }
    }

    /// How content is loaded for this build (drafts, the URL scheme's reserved names).
    /// How the content is loaded; without the labels of taxonomy terms
    /// (the pipeline adds them from the interface text it loaded).
    pub fn load_options(&self) -> crate::content::load::LoadOptions<'static> {
        crate::content::load::LoadOptions {
            drafts: self.drafts,
            reserved_pages: crate::routes::RESERVED_SEGMENTS,
            labels: crate::content::naming::TermLabels::NONE,
            digests: None,
            shed: false,
            known: None,
        }
    }

    pub fn out_dir(&self) -> PathBuf {
        if self.out.is_absolute() {
            self.out.clone()
        } else {
            self.root.join(&self.out)
        }
    }
}

/// The result of a successful build.
#[derive(Debug)]
pub struct BuildReport {
    /// HTML pages per language key.
    pub per_language: BTreeMap<String, usize>,
    /// HTML pages written (all languages, including 404 pages and the chooser).
    pub pages: usize,
    /// All files written.
    pub files: usize,
    pub bytes: usize,
    /// Warnings (missing translations of interface text, ignored files, …).
    pub warnings: Diagnostics,
    /// Image variants encoded (the others came from the cache).
    pub images_encoded: usize,
    /// The parts of the files besides the pages that a build with the
    /// previous output present did not make again but kept, as the change
    /// could not reach them: `site` (data files, sitemap, feeds),
    /// `reader/<language>` (search index, web app manifest, offline list)
    /// and `api/<language>` (the JSON API's files, but those of the items
    /// whose own page changed and the list pages holding them).
    pub kept_parts: Vec<String>,
}

/// One output file that an update changed: its new bytes, or `None` if it
/// is gone. The preview takes them as the pipeline holds them (`B` =
/// [`Packed`](crate::output::Packed)).
pub type Change<B = crate::output::Bytes> = (String, Option<B>);

/// The changes that turn output `old` into `new`.
fn diff<B: PartialEq + Clone>(
    old: &BTreeMap<String, B>,
    new: &BTreeMap<String, B>,
) -> Vec<Change<B>> {
    let mut changes: Vec<Change<B>> = new
        .iter()
        .filter(|(k, v)| old.get(*k) != Some(*v))
        .map(|(k, v)| (k.clone(), Some(v.clone())))
        .collect();
    changes.extend(
        old.keys()
            .filter(|k| !new.contains_key(*k))
            .map(|k| (k.clone(), None)),
    );
    changes
}

/// The changes with the files' bytes (for the public `update` and `settle`).
fn unpacked(changes: Vec<Change<output::Packed>>) -> Vec<Change> {
    changes
        .into_iter()
        .map(|(k, v)| (k, v.map(|p| p.unpack())))
        .collect()
}

/// `ds`, sorted, if none of them is an error; else all of them as the error.
fn errors_only(mut ds: Diagnostics) -> Result<Diagnostics, Diagnostics> {
    ds.sort();
    if ds.has_errors() { Err(ds) } else { Ok(ds) }
}

/// A site built in memory: the pipeline that built it (to update it or to
/// examine it), its output files and its warnings.
pub struct Built {
    /// The loaded site and its rendered pages.
    pub pipeline: Pipeline,
    /// Every output file.
    pub files: OutputFiles,
    /// Warnings of the build.
    pub warnings: Diagnostics,
}

/// Loads, renders and produces the whole site in memory (nothing is
/// written): the preview's first build and `wegweiser check` start here.
/// (Its pipeline holds the pages as they are: `check` reads them all once.)
pub fn build_in_memory(opts: &BuildOptions) -> Result<Built, Diagnostics> {
    let mut pipeline = Pipeline::load_plain(opts)?;
    pipeline.render(None)?;
    let (files, warnings) = pipeline.output()?;
    Ok(Built {
        pipeline,
        files,
        warnings,
    })
}

/// [`build_in_memory`] for the preview: the pipeline holds every output
/// file packed, and so do the files returned (shared with it).
pub(crate) fn build_packed(
    opts: &BuildOptions,
) -> Result<(Pipeline, PackedFiles, Diagnostics), Diagnostics> {
    let mut pipeline = Pipeline::load(opts)?;
    pipeline.render(None)?;
    let (files, warnings) = pipeline.output_packed()?;
    Ok((pipeline, files, warnings))
}

/// Builds the site in memory: everything but writing it.
pub fn render_site(opts: &BuildOptions) -> Result<(OutputFiles, Diagnostics), Diagnostics> {
    let built = build_in_memory(opts)?;
    Ok((built.files, built.warnings))
}

/// Builds the site and replaces the output folder. On any error nothing is
/// written and the previous output stays as it was.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    build_with_progress(opts, &NoProgress)
}

/// Told how a build advances (the command line shows a progress bar on a terminal).
pub trait Progress: Sync {
    /// Rendering starts: `pages` pages to go.
    fn start(&self, pages: u64);
    /// One page is written (called from many threads).
    fn page_done(&self);
    /// All pages are written.
    fn finish(&self);
    /// A phase of the build is over and what it held is dropped (the page
    /// builder with its cards, a part of the other files): the moment for
    /// the binary's allocator to give freed memory back (cli/build.rs).
    fn phase_done(&self) {}
}

/// Progress that nobody watches.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: u64) {}
    fn page_done(&self) {}
    fn finish(&self) {}
}

/// [`build`], reporting progress.
pub fn build_with_progress(
    opts: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildReport, Diagnostics> {
    build_examined(opts, progress, &|_| Diagnostics::new())
}

/// [`build_with_progress`], adding the warnings `examine` finds in the built
/// site to the report (the command line passes `check`'s examination of the
/// content, so that `build` shows review dates and events that are over;
/// `build` itself does not depend on `check`).
pub fn build_examined(
    opts: &BuildOptions,
    progress: &dyn Progress,
    examine: &dyn Fn(&Pipeline) -> Diagnostics,
) -> Result<BuildReport, Diagnostics> {
    let out = opts.out_dir();
    output::check_output_dir(&opts.root, &out)?;
    // A one-off build reloads nothing: no parsed files stay in memory,
    // nor their bodies (`content::shed`).
    let p = Pipeline::load_once(opts, None, None)?;
    // Dropped on error: the staging folder is removed, the old output stays.
    let staging = Staging::new(&out)?;
    let (mut report, mut warnings) = p.build_into(&staging, progress)?;
    // After the build: which messages were used is known once every page
    // is rendered.
    warnings.extend(examine(&p).iter().cloned());
    warnings.sort();
    staging.commit()?;
    report.warnings = warnings;
    Ok(report)
}

/// How [`build_kept`] built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuildMode {
    /// Everything, into a staging folder exchanged with the output folder.
    Full,
    /// Only what changed since the previous build (rebuild.rs): the
    /// unchanged files linked into a staging folder, exchanged with the
    /// output folder in one step like a full build.
    Incremental,
}

/// Puts the output staged by [`build_kept`] in place, the old manifest
/// removed first (it describes the old output: a build stopped between the
/// two leaves none, and the next one is full); notes in `m` the output's
/// files (a full build) or that no previous output is kept beside it.
fn commit_kept(
    out: &Path,
    staging: Staging,
    mode: BuildMode,
    m: &mut manifest::Manifest,
) -> Result<(), Diagnostics> {
    manifest::Manifest::invalidate(out).map_err(|e| keep::cannot_write(out, e))?;
    match mode {
        BuildMode::Full => {
            m.outputs = manifest::stamps_of(staging.take_written());
            staging.commit()?;
        }
        BuildMode::Incremental => {
            // The previous output stays beside the new one, for the next
            // build to bring up to date (output/previous.rs).
            if !staging.commit_keeping(&output::previous::folder_for(out))? {
                m.previous = None;
                m.previous_record = 0;
            }
        }
    }
    Ok(())
}

/// [`build_examined`] keeping a manifest beside the output folder, so that
/// the next build renders and writes only what changed (rebuild.rs);
/// `clean` forces a full build. The output is byte for byte what a full
/// build makes, and either way it replaces the output folder in one step.
/// Why a function this long: it is the one sequence of a kept build (read
/// the manifest, stamp, load, rebuild or build, commit, record), each step a
/// call, with what each passes to the next in plain sight.
pub fn build_kept(
    opts: &BuildOptions,
    clean: bool,
    progress: &dyn Progress,
    examine: &(dyn Fn(&Pipeline) -> Diagnostics + Sync),
) -> Result<(BuildReport, BuildMode), Diagnostics> {
    use manifest::Manifest;
    let out = opts.out_dir();
    output::check_output_dir(&opts.root, &out)?;
    let options = rebuild::options_key(opts, &out);
    let timings = timings::Timings::start();
    // Without its output (removed, or never built) a manifest describes
    // nothing to keep: not read (at 10,000 offers it is some 70 MB).
    let may_rebuild =
        !clean && out.join(output::OUTPUT_MARKER).is_file() && manifest::path_for(&out).is_file();
    huge_pages::allow(!may_rebuild);
    // Whether the output folder changed since is found meanwhile.
    let check = match may_rebuild {
        true => manifest::OutputCheck::start(&out),
        false => manifest::OutputCheck::none(),
    };
    // The inputs are found while the manifest is read (the time taken
    // before they are stated bounds what the manifest may trust).
    let stamped_at = manifest::clock_now();
    let (found, mut previous) = std::thread::scope(|s| {
        let found = s.spawn(|| manifest::scan_inputs(&opts.root));
        let previous = may_rebuild
            .then(|| Manifest::read(&out, &options))
            .flatten();
        timings.mark("manifest read");
        // A panic while scanning is the scan's (resumed here).
        let found = found
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        timings.mark("inputs found");
        (found, previous)
    });
    if previous.is_none() {
        huge_pages::allow(true);
    }
    // The content files are hashed as the loader reads them: the manifest
    // records what this build read (and nothing is read twice).
    let mut inputs =
        manifest::stamp_inputs(&opts.root, found, previous.as_ref(), manifest::is_content);
    timings.mark("inputs stamped");
    // The content files unchanged since the previous build are not read:
    // what loading found in them is in its manifest (content/known.rs).
    let known = previous
        .as_mut()
        .map(|m| manifest::unchanged_known(std::mem::take(&mut m.known), &inputs));
    let digests = crate::content::load::Digests::default();
    let mut p = Pipeline::load_once(opts, Some(&digests), known.as_ref())?;
    p.search_memo = Some(manifest::search_memo_dir(&out));
    timings.mark("content loaded");
    manifest::fill_hashes(&opts.root, &mut inputs, digests);
    // What loading found, for the next build (the files known before keep
    // their entries): worked out beside a rebuild (some 40 ms at 10,000
    // offers that the manifest's writing waited for), after a full build
    // (beside it, it would add to the full build's peak memory: at 50,000
    // offers some 400 MB).
    let next_known = |known: Option<crate::content::known::Known>| {
        crate::content::known::of_site(
            &p.site,
            &p.config.default_language,
            |k| {
                inputs
                    .get(k)
                    .map(|s| s.hash.as_str())
                    .filter(|h| !h.is_empty())
            },
            known.unwrap_or_default(),
        )
    };
    let (built, next_known) = match previous.is_some() {
        true => std::thread::scope(|s| {
            let next_known = s.spawn(|| next_known(known));
            let built = build_or_rebuild(&p, previous, &inputs, &out, check, progress, &timings);
            // A panic there is its own (resumed here).
            let next_known = next_known
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (built, next_known)
        }),
        false => {
            let built = build_or_rebuild(&p, previous, &inputs, &out, check, progress, &timings);
            (built, next_known(known))
        }
    };
    let (staging, mut report, mut warnings, mut m, mode) = built?;
    timings.mark("built");
    // Examined once built: what rendering asked of the interface text is
    // part of it (`check::messages`), so it cannot run beside the build;
    // it runs beside the commit and the manifest's writing, which read the
    // site and nothing examining changes (the manifest's record of the
    // interface text asked for was taken as the build ended).
    let (examined, kept) = std::thread::scope(|s| {
        let examined = s.spawn(|| examine(&p));
        let kept = (|| {
            commit_kept(&out, staging, mode, &mut m)?;
            timings.mark("committed");
            m.stamped_at = stamped_at;
            m.known = next_known;
            m.write(&out).map_err(|e| keep::cannot_write(&out, e))?;
            timings.mark("manifest written");
            Ok::<(), Diagnostics>(())
        })();
        // A panic while examining is the examination's (resumed here).
        let examined = examined
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (examined, kept)
    });
    kept?;
    warnings.extend(examined.iter().cloned());
    warnings.sort();
    timings.mark("examined");
    report.warnings = warnings;
    // What the build held is let go on a thread of its own: the command
    // line's process ends without waiting for it (at 10,000 offers some
    // 50 ms of freeing).
    std::thread::spawn(move || drop((p, m, inputs)));
    Ok((report, mode))
}

/// What [`build_kept`] made: the staging folder to commit, the report, the
/// warnings, the new manifest and the kind of build.
type Made = (
    Staging,
    BuildReport,
    Diagnostics,
    manifest::Manifest,
    BuildMode,
);

/// The output of `p` from the previous build's manifest if it can
/// ([`Pipeline::rebuild`]), else a full build; staged, not committed.
fn build_or_rebuild(
    p: &Pipeline,
    mut previous: Option<manifest::Manifest>,
    inputs: &BTreeMap<String, manifest::Stamp>,
    out: &Path,
    check: manifest::OutputCheck,
    progress: &dyn Progress,
    timings: &timings::Timings,
) -> Result<Made, Diagnostics> {
    let rebuilt = match &mut previous {
        Some(old) => p.rebuild(old, inputs, out, check, progress, timings)?,
        None => None,
    };
    timings.mark("rebuilt (if it could)");
    // The previous manifest (the largest thing a rebuild reads) is let go
    // beside the rest of the build.
    std::thread::spawn(move || drop(previous));
    Ok(match rebuilt {
        Some(r) => (
            r.staging,
            r.report,
            r.warnings,
            r.manifest,
            BuildMode::Incremental,
        ),
        None => {
            huge_pages::allow(true);
            // A full build leaves no previous output: it shares no file
            // with the new one, and may be stale. It trusts no kept search
            // index either: each language's is made from every document
            // (and kept for the next build).
            output::previous::remove(out);
            let _ = std::fs::remove_dir_all(manifest::search_memo_dir(out));
            let staging = Staging::new(out)?.recording();
            let (report, warnings, recorded) = p.build_recorded(&staging, progress)?;
            let options = rebuild::options_key(&p.opts, out);
            let facts = p.site_facts(inputs, rebuild::Worked::default(), &recorded.title_orders);
            let mut m = p.record(options, recorded.pages, recorded.parts, facts);
            // Every language's index was made anew, its memo with it.
            if let Some(dir) = &p.search_memo {
                m.memos = secondary::memo_digests(dir, p.config.languages.iter());
            }
            (staging, report, warnings, m, BuildMode::Full)
        }
    })
}
