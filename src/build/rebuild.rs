//! `wegweiser build` with the previous output present: with the manifest
//! the previous build left (manifest.rs) it renders again only the pages a
//! change affects (the preview's rule, `routes::affected_by`), produces
//! every other file again, and makes the new output in a staging folder:
//! every file whose bytes did not change is a hard link to the output
//! folder's file (the same file, so it keeps its time), only the others
//! are written. build_kept then exchanges the staging folder with the
//! output folder in one step, as for a full build: a reader sees the
//! previous site or the new one, never a mix. Any doubt means a full build:
//! no or another manifest, another binary or options, output files changed
//! since, site.toml changed, another "now" (opening hours' "open now"
//! intervals depend on the time of day), a file system without hard links.
//!
//! What picking the pages works out of the site (front-matter hashes,
//! filter counts, events' timing, the pages each item is shown on) is what
//! the next manifest records (`Worked`, `rebuild/record.rs`); which
//! secondary parts a change reaches is in `rebuild/reach.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::keep;
use super::manifest::{self, Manifest, PageRecord, Stamp};
use super::pipeline::Pipeline;
use super::secondary::{self, Keep, PageFacts};
use super::{BuildReport, Progress, errors_only};
use crate::content::{ItemKey, Kind};
use crate::diagnostics::Diagnostics;
use crate::layout::{CONFIG_FILE, CONTENT_DIR, LOCALES_DIR, STATIC_DIR, THEMES_DIR};
use crate::output::{OutputFiles, Staging};
use crate::render::pages::PageBuilder;
use crate::routes::Route;

/// A rebuild ready to be put in place: build_kept commits the staging
/// folder (keeping the previous output beside it) and writes the manifest
/// after it.
pub(super) struct Rebuilt {
    pub report: BuildReport,
    pub warnings: Diagnostics,
    pub manifest: Manifest,
    pub staging: Staging,
}

/// What a change re-renders.
struct Picked {
    /// The pages to render again.
    jobs: Vec<(String, Route)>,
    /// Whether only bodies changed (the same items with the same front
    /// matter, nothing that depends on "now" changed).
    bodies_only: bool,
    /// Whether what depends on "now" (events' sessions over, within a
    /// week) is as before, the changed items' included.
    same_timing: bool,
    /// The items whose own page changes (`None`: every item's may).
    items: Option<BTreeSet<ItemKey>>,
    /// What picking worked out that the manifest records too.
    worked: Worked,
}

/// What a rebuild worked out of the site while picking its pages that the
/// next manifest records too ([`Pipeline::site_facts`]), so that it is not
/// worked out twice; each part `None` where it was not.
#[derive(Default)]
pub(super) struct Worked {
    fronts: Option<BTreeMap<String, String>>,
    filter_counts: Option<String>,
    timing: Option<BTreeMap<String, String>>,
    /// The routes and the pages each item is shown on, as the previous
    /// manifest has them: only bodies changed, and what shows an item
    /// depends on its data alone (`routes::shown_on_all`).
    shown_on: Option<ShownOn>,
}

/// The manifest's `routes` and `shown_on` ([`shown_on_by_number`]).
type ShownOn = (Vec<String>, BTreeMap<String, Vec<u32>>);

/// What the changed inputs touch.
#[derive(Default)]
struct Touched {
    /// Every page (templates, theme settings, a file in content/ that is no item's).
    all_pages: bool,
    /// Languages whose interface text changed.
    languages: BTreeSet<String>,
    /// Items whose files changed (added, removed or edited).
    keys: BTreeSet<ItemKey>,
    /// Changed content files (relative to the site root).
    content: Vec<String>,
}

/// The key of an item as the manifest writes it.
fn key_name((kind, slug): &ItemKey) -> String {
    format!("{kind:?}/{slug}")
}

/// The options that shape every output file, as the manifest records them.
pub(super) fn options_key(opts: &super::BuildOptions, out: &Path) -> String {
    format!(
        "out={} base_url={:?} drafts={} minify={}",
        out.display(),
        opts.base_url,
        opts.drafts,
        opts.minify
    )
}

/// The paths whose stamps differ between two sets of inputs.
fn changed_inputs(old: &BTreeMap<String, Stamp>, new: &BTreeMap<String, Stamp>) -> Vec<String> {
    let mut changed: Vec<String> = new
        .iter()
        .filter(|(k, s)| old.get(*k).is_none_or(|o| o.hash != s.hash))
        .map(|(k, _)| k.clone())
        .collect();
    changed.extend(old.keys().filter(|k| !new.contains_key(*k)).cloned());
    changed
}

mod reach;
mod record;
use record::{counts_hash, fronts, timing};

impl Pipeline {
    /// What `changed` touches; `None` if it needs a full build (site.toml).
    fn touched(
        &self,
        changed: &[String],
        old: &Manifest,
        new: &BTreeMap<String, Stamp>,
    ) -> Option<Touched> {
        let languages: Vec<String> = self.config.language_keys();
        let mut t = Touched::default();
        for path in changed {
            let mut parts = path.splitn(3, '/');
            let (first, second) = (parts.next().unwrap_or(""), parts.next());
            let added_or_removed = old.inputs.contains_key(path) != new.contains_key(path);
            match first {
                CONFIG_FILE => return None,
                CONTENT_DIR => {
                    t.content.push(path.clone());
                    let rel = Path::new(path)
                        .strip_prefix(CONTENT_DIR)
                        .unwrap_or(Path::new(path));
                    match crate::content::naming::identify(rel, &languages) {
                        Ok(id) if id.kind == Kind::Home => {
                            t.keys.insert((Kind::Home, String::new()));
                        }
                        Ok(id) => {
                            t.keys.insert((id.kind, id.slug));
                        }
                        Err(_) => t.all_pages = true,
                    }
                }
                // Interface text: every page, so that the build's notes of
                // messages used, missing and absent are a full build's.
                LOCALES_DIR => {
                    t.all_pages = true;
                    if let Some(lang) = second {
                        t.languages.insert(lang.to_string());
                    }
                }
                // Pages link the site's stylesheet if there is one, and a
                // static file may stand in for a generated one: a file
                // added or removed re-renders every page.
                STATIC_DIR => t.all_pages |= added_or_removed,
                THEMES_DIR => {
                    let in_static = path.split('/').nth(2) == Some(STATIC_DIR);
                    t.all_pages |= !in_static || added_or_removed;
                }
                _ => t.all_pages = true,
            }
        }
        Some(t)
    }

    /// The changed items and the events whose sessions over or within a
    /// week changed since `old`; and whether none's did, the changed ones'
    /// included.
    fn timed_keys(
        &self,
        t: &Touched,
        old: &Manifest,
    ) -> (BTreeSet<ItemKey>, bool, BTreeMap<String, String>) {
        let mut keys = t.keys.clone();
        let timing = timing(&self.site, self.now);
        for (k, v) in &timing {
            if old.timing.get(k).is_some_and(|o| o != v)
                && let Some((kind, slug)) = self.site.items.keys().find(|key| key_name(key) == *k)
            {
                keys.insert((*kind, slug.clone()));
            }
        }
        let same = keys == t.keys
            && t.keys.iter().all(|k| {
                let name = key_name(k);
                old.timing.get(&name) == timing.get(&name)
            });
        (keys, same, timing)
    }

    /// The pages to render again for `t`, of all pages `all`. Why a
    /// function this long: it is one decision (which languages, whether only
    /// bodies changed, which pages that reaches), and what it works out is
    /// handed on to the record as a whole (`Worked`).
    fn jobs_for(&self, t: &Touched, old: &Manifest, all: &[(String, Route)]) -> Picked {
        if t.all_pages {
            return Picked {
                jobs: all.to_vec(),
                bodies_only: false,
                same_timing: false,
                items: None,
                worked: Worked::default(),
            };
        }
        // A language's pages change with its text or a language on its fallback chain.
        let languages: BTreeSet<&str> = self
            .config
            .languages
            .iter()
            .filter(|l| {
                t.languages.contains(&l.key) || l.fallback.iter().any(|f| t.languages.contains(f))
            })
            .map(|l| l.key.as_str())
            .collect();
        // (Independent: worked out side by side.)
        let ((keys, same_timing, timing), (filter_counts, fronts)) = rayon::join(
            || self.timed_keys(t, old),
            || rayon::join(|| counts_hash(&self.site, self.now), || fronts(&self.site)),
        );
        let counts_changed = filter_counts != old.filter_counts;
        let bodies_only = !counts_changed
            && keys == t.keys
            && t.content
                .iter()
                .all(|p| old.fronts.get(p).is_some_and(|f| fronts.get(p) == Some(f)));
        let affected: BTreeSet<Route> = if bodies_only {
            keys.iter()
                .map(|(k, s)| match k {
                    Kind::Home => Route::Home,
                    k => Route::Item(*k, s.clone()),
                })
                .collect()
        } else {
            let by_name: BTreeMap<String, Route> = all
                .iter()
                .map(|(_, r)| r.first_page())
                .map(|r| (format!("{r:?}"), r))
                .collect();
            let old_shown = |key: &ItemKey| -> BTreeSet<Route> {
                old.shown_on
                    .get(&key_name(key))
                    .into_iter()
                    .flatten()
                    .filter_map(|i| old.routes.get(*i as usize))
                    .filter_map(|n| by_name.get(n).cloned())
                    .collect()
            };
            crate::routes::affected_by(&old_shown, &self.site, &keys, counts_changed)
        };
        let jobs = all
            .iter()
            .filter(|(l, r)| languages.contains(l.as_str()) || affected.contains(&r.first_page()))
            .cloned()
            .collect();
        // The items whose own page changes: the changed ones and those
        // showing them.
        let mut items = keys;
        items.extend(affected.into_iter().filter_map(|r| match r {
            Route::Item(kind, slug) => Some((kind, slug)),
            _ => None,
        }));
        let bodies_only = bodies_only && languages.is_empty();
        Picked {
            jobs,
            bodies_only,
            same_timing,
            items: languages.is_empty().then_some(items),
            worked: Worked {
                fronts: Some(fronts),
                filter_counts: Some(filter_counts),
                timing: Some(timing),
                shown_on: bodies_only.then(|| (old.routes.clone(), old.shown_on.clone())),
            },
        }
    }

    /// Rebuilds the output folder `out` from the previous build's manifest
    /// `old`, with the current `inputs`, into a staging folder that is not
    /// committed yet (keep.rs: the previous output brought up to date, or a
    /// fresh folder); the manifest is complete. `Ok(None)`:
    /// a full build is needed (the output folder is as it was). Why a
    /// function this long: it is the one sequence of a rebuild (decide,
    /// render, produce, stage, record), each step a call.
    pub(super) fn rebuild(
        &self,
        old: &mut Manifest,
        inputs: &BTreeMap<String, Stamp>,
        out: &Path,
        check: manifest::OutputCheck,
        progress: &dyn Progress,
        timings: &super::timings::Timings,
    ) -> Result<Option<Rebuilt>, Diagnostics> {
        if !out.join(crate::output::OUTPUT_MARKER).is_file() || self.now.to_string() != old.day {
            return Ok(None);
        }
        let Some(touched) = self.touched(&changed_inputs(&old.inputs, inputs), old, inputs) else {
            return Ok(None);
        };
        timings.mark("changes found");
        let builder = self.builder_after(old, &touched);
        timings.mark("page builder made");
        let all = builder.all_jobs();
        let mut picked = self.jobs_for(&touched, old, &all);
        let jobs = &picked.jobs;
        timings.mark("pages picked");
        // The output folder's check (on a thread of its own since the
        // build began) is waited for only now: the pages were picked
        // meanwhile. It gives the output files as recorded.
        let Some((outputs, previous_times)) = check.outputs(old) else {
            return Ok(None);
        };
        old.outputs = outputs;
        let old = &*old;
        timings.mark("output unchanged");
        progress.start(jobs.len() as u64 + 1);
        let mut ds = Diagnostics::new();
        let mut rendered: BTreeMap<String, (Vec<u8>, PageRecord)> = BTreeMap::new();
        let results = builder.render_some(&self.templates, jobs);
        let chooser = builder.render_chooser(&self.templates);
        for r in results.into_iter().chain(std::iter::once(chooser)) {
            match r {
                Ok(p) => {
                    let bytes = self.finish_page(p.html);
                    let file = crate::routes::file_for(&p.path);
                    let record = PageRecord {
                        digest: crate::output::offline::page_digest(&file, &bytes),
                        sitemap: p.sitemap.map(std::sync::Arc::from),
                        path: p.path,
                    };
                    rendered.insert(file, (bytes, record));
                }
                Err(d) => ds.push(d),
            }
        }
        progress.finish();
        timings.mark("pages rendered");
        errors_only(ds)?;
        // The pages not rendered again asked for the same interface text as before.
        if !touched.all_pages {
            self.messages.add_usage(&old.usage);
        }
        // Every page of the new site: rendered now, or kept from the manifest.
        let mut records: BTreeMap<String, PageRecord> = BTreeMap::new();
        let files = all
            .iter()
            .map(|(l, r)| crate::routes::file_for(&crate::routes::path(l, r)))
            .chain(std::iter::once(crate::routes::file_for(
                crate::routes::CHOOSER,
            )));
        for file in files {
            let record = match rendered.get(&file) {
                Some((_, r)) => r.clone(),
                None => match old.pages.get(&file) {
                    Some(r) => r.clone(),
                    // A page the previous build did not make and this one
                    // did not render: the rule missed it; build it all.
                    None => return Ok(None),
                },
            };
            records.insert(file, record);
        }
        let keep = self.parts_to_keep(&touched, &picked, old);
        let Some(rest) = self.secondary_from(&builder, &records, &rendered, out, old, &keep) else {
            return Ok(None);
        };
        timings.mark("other files");
        // Before anything is put in place (the previous output folder is
        // changed in place).
        self.site.bodies_unchanged()?;
        let warnings = self.warnings_with(Some(&rest.errors))?;
        let images_encoded = rest.images_encoded;
        let kept_parts = rest.kept_parts;
        let mut files: OutputFiles = rest.files;
        for (file, (bytes, _)) in rendered {
            files.insert(file, bytes.into());
        }
        // Every file kept from the output folder: the pages not rendered
        // again and the secondary files of the parts kept.
        let kept = keep::merged(
            records
                .keys()
                .map(String::as_str)
                .filter(|f| !files.contains_key(*f)),
            rest.kept.iter().map(String::as_str),
        );
        // What the manifest records of the site is worked out beside
        // staging (which waits on the file system much of its time).
        let worked = std::mem::take(&mut picked.worked);
        let titles = builder.title_orders();
        let (staged, facts) = rayon::join(
            || -> Result<_, Diagnostics> {
                // A file to keep that the output folder lacks: a part was
                // recorded wrongly; build it all.
                let Some(plan) = keep::plan(out, &files, kept, old) else {
                    return Ok(None);
                };
                Ok(keep::stage(out, &plan, old)?.map(|s| (s, keep::delta(&plan, old))))
            },
            || self.site_facts(inputs, worked, &titles),
        );
        let Some(((staging, outputs, touched), delta)) = staged? else {
            return Ok(None);
        };
        timings.mark("staged and recorded");
        let mut manifest = self.record(old.options.clone(), records, rest.parts, facts);
        manifest.previous = Some(delta);
        // The output folder becomes the previous one, its record with it.
        manifest.previous_record = old.outputs_record;
        // The previous folder brought up to date has its record's times but
        // where it was touched.
        if let (Some(previous), Some(touched)) = (previous_times, touched) {
            manifest.folder_times = manifest::FolderTimes::Kept { previous, touched };
        }
        manifest.memos = self.memos_after(old, &keep);
        let bytes = outputs.values().map(|s| s.size as usize).sum();
        manifest.outputs = outputs;
        let mut report = report_of(&all, &manifest, bytes, images_encoded);
        report.kept_parts = kept_parts;
        Ok(Some(Rebuilt {
            report,
            warnings,
            manifest,
            staging,
        }))
    }

    /// The page builder of the changed site, given the previous build's
    /// title orders (the changed items moved within them). What an item's
    /// title is depends on its own files (and site.toml: a full build), but
    /// a change in content/ that is no item's may touch any page: then the
    /// orders are sorted anew.
    fn builder_after(&self, old: &Manifest, touched: &Touched) -> PageBuilder<'_> {
        let orders = match touched.all_pages {
            true => Default::default(),
            false => old.titles.orders(),
        };
        self.builder_for(&self.site, &self.messages)
            .with_title_orders(&orders, &touched.keys)
    }

    /// Every file besides the pages, from the pages' records (the default
    /// 404 page from the pages rendered now or the output folder), but for
    /// the parts `keep` names, which are kept as `old` recorded them.
    fn secondary_from<'b>(
        &'b self,
        builder: &'b PageBuilder<'b>,
        records: &BTreeMap<String, PageRecord>,
        rendered: &BTreeMap<String, (Vec<u8>, PageRecord)>,
        out: &Path,
        old: &Manifest,
        keep: &Keep,
    ) -> Option<secondary::Rest> {
        let file_404 = secondary::default_404_file(&self.config);
        let default_404 = match rendered.get(&file_404) {
            Some((b, _)) => Some(b.as_slice().into()),
            None => std::fs::read(out.join(&file_404))
                .ok()
                .map(|b| b.as_slice().into()),
        };
        let entries = records
            .values()
            .filter_map(|r| {
                let alts = r.sitemap.clone()?;
                Some(secondary::sitemap_entry(
                    &self.config.base_url,
                    &r.path,
                    alts,
                ))
            })
            .collect();
        let digest = secondary::pages_digest(
            records
                .iter()
                .map(|(f, r)| (f.as_str(), r.digest))
                .collect(),
        );
        let src = self.sources(secondary::BuilderFrom::Given(builder));
        secondary::produce_keeping(&src, &old.parts, &old.outputs, keep, digest, || PageFacts {
            entries,
            default_404,
        })
    }
}

/// A path relative to the site root as the manifest writes it (`/` between parts).
fn slash_path(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// The report of a rebuild: every page and file of the new output (its
/// stamps in `m`; `bytes` in all).
fn report_of(
    all: &[(String, Route)],
    m: &Manifest,
    bytes: usize,
    images_encoded: usize,
) -> BuildReport {
    let mut per_language: BTreeMap<String, usize> = BTreeMap::new();
    for (lang, _) in all {
        *per_language.entry(lang.clone()).or_insert(0) += 1;
    }
    BuildReport {
        per_language,
        pages: m.outputs.keys().filter(|f| f.ends_with(".html")).count(),
        files: m.outputs.len(),
        bytes,
        warnings: Diagnostics::new(),
        images_encoded,
        kept_parts: Vec::new(),
    }
}
