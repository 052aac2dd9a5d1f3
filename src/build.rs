//! A whole build: config → content → i18n → render → output.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::config::Taxonomy;
use crate::content::load::{ContentCache, LoadOptions, load_site_cached, reload_changed};
use crate::content::{Item, ItemData, ItemKey, Kind, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::{LocaleFormatter, Messages};
use crate::output::data::{FeedLabels, data_files};
use crate::output::sitemap::{self, SitemapEntry};
use crate::output::{self, OutputFiles, Staging};
use crate::render::pages::{PageBuilder, Route};
use crate::render::templates::{THEMES_DIR, Templates};

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
            out: PathBuf::from("public"),
            base_url: None,
            drafts: false,
            minify: true,
            now: None,
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

use crate::render::pages::filters::FilterCounts;

/// What writing one page yields: its sitemap entry, size, bytes (kept only
/// for the default 404 page) and digest (for the service worker's version).
type Emitted = (
    Option<SitemapEntry>,
    usize,
    Option<crate::output::Bytes>,
    (String, u64),
);

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
}

/// A page as it goes into the output: file path, bytes, sitemap entry.
#[derive(Debug, Clone)]
struct Page {
    file: String,
    bytes: crate::output::Bytes,
    /// Of file and bytes, for the service worker's version (computed once).
    digest: u64,
    path: String,
    sitemap: Option<Vec<crate::render::views::Alternate>>,
}

/// Everything a build has loaded, kept so that a preview can re-render only
/// what a change affects (see [`crate::serve`]).
pub struct Pipeline {
    opts: BuildOptions,
    config: SiteConfig,
    messages: Arc<Messages>,
    formatters: BTreeMap<String, LocaleFormatter>,
    templates: Templates,
    site: Site,
    now: jiff::civil::DateTime,
    /// Rendered pages by `(language, route)`; the chooser under `("", Home)`.
    pages: BTreeMap<(String, Route), Page>,
    /// Warnings of loading (interface text, ignored files).
    warnings: Diagnostics,
    /// Parsed content files, so an update reads only what changed.
    cache: ContentCache,
    /// Everything but the pages as last produced (`None` before the first
    /// [`Pipeline::output`]).
    secondary: Option<Secondary>,
    /// Whether the reader files (search indexes, offline lists) lag behind
    /// the pages after an update (see [`Pipeline::settle`]).
    reader_stale: bool,
}

/// The output files besides the pages, in parts that change for different
/// reasons, with each file's digest (for the service worker's version).
#[derive(Clone, Default)]
struct Secondary {
    /// 404.html, data files (.ics, .vcf, feeds), sitemap, robots, _headers:
    /// they change with the site's structure, items' front matter and the
    /// interface text, never with a body.
    site: OutputFiles,
    /// Search indexes, web app manifests, offline lists: they change with any text.
    reader: OutputFiles,
    /// The theme's and the site's static folders.
    statics: OutputFiles,
    /// Why the static folders could not be read, if they could not.
    static_error: Option<Diagnostic>,
    /// Digest of every file above, by path.
    digests: BTreeMap<String, u64>,
    /// The service worker (its version is the hash of everything else).
    service_worker: crate::output::Bytes,
}

impl Secondary {
    /// All files of the three parts in one map.
    fn merged(&self) -> OutputFiles {
        let mut all = self.site.clone();
        all.extend(self.statics.iter().map(|(k, v)| (k.clone(), v.clone())));
        all.extend(self.reader.iter().map(|(k, v)| (k.clone(), v.clone())));
        all
    }
}

/// Which parts of [`Secondary`] to produce again.
#[derive(Debug, Clone, Copy)]
struct Parts {
    site: bool,
    reader: bool,
    statics: bool,
}

impl Parts {
    const ALL: Parts = Parts {
        site: true,
        reader: true,
        statics: true,
    };
}

/// One output file that an update changed: its new bytes, or `None` if it is gone.
pub type Change = (String, Option<crate::output::Bytes>);

/// The changes that turn output `old` into `new`.
fn diff(old: &OutputFiles, new: &OutputFiles) -> Vec<Change> {
    let mut changes: Vec<Change> = new
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

fn errors_only(mut ds: Diagnostics) -> Result<Diagnostics, Diagnostics> {
    ds.sort();
    if ds.has_errors() { Err(ds) } else { Ok(ds) }
}

impl Pipeline {
    /// The loaded content.
    pub fn site(&self) -> &Site {
        &self.site
    }

    /// The interface text (with which messages were used so far).
    pub fn messages(&self) -> &Messages {
        &self.messages
    }

    /// The build's "now" in the site's time zone.
    pub fn now(&self) -> jiff::civil::DateTime {
        self.now
    }

    /// Loads config, interface text, content, formatters and templates.
    pub fn load(opts: &BuildOptions) -> Result<Pipeline, Diagnostics> {
        let root = &opts.root;
        let mut config = SiteConfig::load(root)?;
        if let Some(b) = &opts.base_url {
            config.base_url = b.trim_end_matches('/').to_string();
        }
        let mut ds = Diagnostics::new();
        let (messages, mds) = Messages::load(root, &config);
        ds.extend(mds);
        let messages = Arc::new(messages);
        let mut cache = ContentCache::default();
        let (site, cds) = load_site_cached(
            root,
            &config,
            LoadOptions {
                drafts: opts.drafts,
            },
            &mut cache,
        );
        ds.extend(cds);
        let mut formatters = BTreeMap::new();
        for l in &config.languages {
            match LocaleFormatter::new(&l.tag_str(), l.numbering.as_deref()) {
                Ok(f) => {
                    formatters.insert(l.key.clone(), f);
                }
                Err(e) => ds.push(
                    Diagnostic::error(format!("language `{}`: {e}", l.key))
                        .at_path(Path::new(crate::config::CONFIG_FILE)),
                ),
            }
        }
        let templates = match Templates::load(root, &config.theme, messages.clone(), opts.minify) {
            Ok(t) => Some(t),
            Err(e) => {
                ds.extend(e);
                None
            }
        };
        let (Some(site), Some(templates)) = (site, templates) else {
            ds.sort();
            return Err(ds);
        };
        let warnings = errors_only(ds)?;
        let now = opts
            .now
            .unwrap_or_else(jiff::Timestamp::now)
            .to_zoned(config.time_zone.clone())
            .datetime();
        Ok(Pipeline {
            opts: opts.clone(),
            config,
            messages,
            formatters,
            templates,
            site,
            now,
            pages: BTreeMap::new(),
            warnings,
            cache,
            secondary: None,
            reader_stale: false,
        })
    }

    fn site_css(&self) -> Option<&'static str> {
        self.opts
            .root
            .join("static/site.css")
            .is_file()
            .then_some("/site.css")
    }

    fn builder(&self) -> PageBuilder<'_> {
        PageBuilder::new(
            &self.site,
            &self.messages,
            &self.formatters,
            "/static/style.css",
            self.site_css(),
            self.now,
        )
    }

    /// Renders `jobs` (all pages if `None`) into the page store. Pages of
    /// routes that no longer exist are dropped. Returns how many pages were rendered.
    pub fn render(
        &mut self,
        jobs: Option<BTreeSet<(String, Route)>>,
    ) -> Result<usize, Diagnostics> {
        self.render_jobs(jobs, true).map(|(n, _)| n)
    }

    /// [`Pipeline::render`], also returning the page files that changed.
    /// `routes_may_change: false` (an update that touched only bodies) skips
    /// working out the site's routes again.
    fn render_jobs(
        &mut self,
        jobs: Option<BTreeSet<(String, Route)>>,
        routes_may_change: bool,
    ) -> Result<(usize, Vec<Change>), Diagnostics> {
        let builder = self.builder();
        let all: Option<BTreeSet<(String, Route)>> =
            (jobs.is_none() || routes_may_change).then(|| builder.all_jobs().into_iter().collect());
        let jobs: Vec<(String, Route)> = match (jobs, &all) {
            (None, Some(all)) => all.iter().cloned().collect(),
            (Some(j), Some(all)) => j.into_iter().filter(|x| all.contains(x)).collect(),
            (Some(j), None) => j
                .into_iter()
                .filter(|x| self.pages.contains_key(x))
                .collect(),
            (None, None) => Vec::new(),
        };
        let mut ds = Diagnostics::new();
        let rendered = builder.render_some(&self.templates, &jobs);
        let chooser = builder.render_chooser(&self.templates);
        let mut new_pages = Vec::with_capacity(jobs.len() + 1);
        for (job, r) in jobs
            .into_iter()
            .chain(std::iter::once((String::new(), Route::Home)))
            .zip(rendered.into_iter().chain(std::iter::once(chooser)))
        {
            match r {
                Ok(p) => new_pages.push((job, p)),
                Err(d) => ds.push(d),
            }
        }
        errors_only(ds)?;
        let count = new_pages.len();
        let converted: Vec<((String, Route), Page)> = new_pages
            .into_par_iter()
            .map(|(job, p)| {
                let bytes = self.finish_page(p.html);
                let file = crate::routes::file_for(&p.path);
                let page = Page {
                    digest: output::offline::page_digest(&file, &bytes),
                    file,
                    bytes: bytes.into(),
                    path: p.path,
                    sitemap: p.sitemap,
                };
                (job, page)
            })
            .collect();
        let mut changes = Vec::new();
        if let Some(all) = &all {
            self.pages.retain(|k, p| {
                let keep = k.0.is_empty() || all.contains(k);
                if !keep {
                    changes.push((p.file.clone(), None));
                }
                keep
            });
        }
        for (job, page) in converted {
            if self
                .pages
                .get(&job)
                .is_none_or(|old| old.bytes != page.bytes)
            {
                changes.push((page.file.clone(), Some(page.bytes.clone())));
            }
            self.pages.insert(job, page);
        }
        Ok((count, changes))
    }

    /// Brings the files that no page shows (search indexes, offline lists,
    /// the service worker) up to date after [`Pipeline::update`]: the preview
    /// calls it right after telling the browser to reload, so a large site's
    /// search index does not delay the page. Returns what changed.
    pub fn settle(&mut self) -> Result<Vec<Change>, Diagnostics> {
        if !self.reader_stale {
            return Ok(Vec::new());
        }
        self.refresh_secondary(Parts {
            site: false,
            reader: true,
            statics: false,
        })
    }

    /// The complete output: pages, 404, data files, sitemap, robots, static
    /// files, reader files, service worker.
    pub fn output(&mut self) -> Result<(OutputFiles, Diagnostics), Diagnostics> {
        if self.secondary.is_none() {
            self.refresh_secondary(Parts::ALL)?;
        }
        self.settle()?;
        let mut files = OutputFiles::new();
        for p in self.pages.values() {
            files.insert(p.file.clone(), p.bytes.clone());
        }
        if let Some(s) = &self.secondary {
            files.extend(s.merged());
            files.insert("sw.js".into(), s.service_worker.clone());
        }
        Ok((files, self.current_warnings()?))
    }

    /// Warnings of the current state (loading, static files, interface text).
    fn current_warnings(&self) -> Result<Diagnostics, Diagnostics> {
        let mut ds = self.warnings.clone();
        if let Some(d) = self.secondary.as_ref().and_then(|s| s.static_error.clone()) {
            ds.push(d);
        }
        ds.extend(self.messages.missing_report());
        errors_only(ds)
    }

    /// The digest of all pages: their digests in path order.
    fn pages_digest(&self) -> u64 {
        let mut digests: Vec<(&str, u64)> = self
            .pages
            .values()
            .map(|p| (p.file.as_str(), p.digest))
            .collect();
        digests.sort_unstable();
        let digests: Vec<u64> = digests.into_iter().map(|(_, d)| d).collect();
        output::offline::combine(&digests)
    }

    /// Produces the chosen parts of the secondary files again (from the
    /// stored pages) and the service worker; returns what changed.
    fn refresh_secondary(&mut self, parts: Parts) -> Result<Vec<Change>, Diagnostics> {
        // Static files may stand in for generated ones (a site's own
        // robots.txt): when they change, everything is produced again; and
        // everything the first time.
        let parts = if parts.statics || self.secondary.is_none() {
            Parts::ALL
        } else {
            parts
        };
        if parts.reader {
            self.reader_stale = false;
        }
        let old = self.secondary.take().unwrap_or_default();
        let mut new = old.clone();
        if parts.statics {
            let (files, error) = match self.static_part() {
                Ok(f) => (f, None),
                Err(d) => (OutputFiles::new(), Some(d)),
            };
            new.statics = files;
            new.static_error = error;
        }
        if parts.reader {
            new.reader = self.reader_part();
        }
        if parts.site {
            let entries = self
                .pages
                .values()
                .filter_map(|p| {
                    p.sitemap.as_ref().map(|alts| SitemapEntry {
                        loc: format!("{}{}", self.config.base_url, p.path),
                        alternates: alts.clone(),
                    })
                })
                .collect();
            let file_404 = self.default_404_file();
            let default_404 = self
                .pages
                .values()
                .find(|p| p.file == file_404)
                .map(|p| p.bytes.clone());
            new.site = self.site_part(entries, default_404);
        }
        // Later parts win, as in a build: reader files over static ones over the rest.
        if parts.statics {
            new.statics.retain(|k, _| !new.reader.contains_key(k));
        }
        if parts.site {
            new.site
                .retain(|k, _| !new.statics.contains_key(k) && !new.reader.contains_key(k));
        }
        // Parts are disjoint, but a file can move between them when all are
        // produced again (a site's robots.txt deleted: the generated one
        // returns): then the whole of them is compared at once.
        let mut changes = if parts.site && parts.reader && parts.statics {
            diff(&old.merged(), &new.merged())
        } else {
            let mut changes = Vec::new();
            for (on, before, after) in [
                (parts.site, &old.site, &new.site),
                (parts.reader, &old.reader, &new.reader),
            ] {
                if on {
                    changes.extend(diff(before, after));
                }
            }
            changes
        };
        for (k, v) in &changes {
            match v {
                Some(b) => new
                    .digests
                    .insert(k.clone(), output::offline::page_digest(k, b)),
                None => new.digests.remove(k),
            };
        }
        let version = output::offline::build_hash(
            self.pages_digest(),
            new.digests.iter().map(|(k, d)| (k.as_str(), *d)),
        );
        new.service_worker = output::offline::service_worker(&version).into();
        if new.service_worker != old.service_worker {
            changes.push(("sw.js".into(), Some(new.service_worker.clone())));
        }
        self.secondary = Some(new);
        Ok(changes)
    }

    /// The file of the default language's 404 page.
    fn default_404_file(&self) -> String {
        crate::routes::file_for(&crate::routes::not_found(&self.config.default_language))
    }

    /// 404.html, data files, sitemap, robots and `_headers`.
    fn site_part(
        &self,
        mut entries: Vec<SitemapEntry>,
        default_404: Option<crate::output::Bytes>,
    ) -> OutputFiles {
        let config = &self.config;
        let base = &config.base_url;
        let mut files = OutputFiles::new();
        // Static hosts serve /404.html for unknown paths: use the default language's.
        if let Some(b) = default_404 {
            files.insert("404.html".into(), b);
        }
        let labels = config
            .languages
            .iter()
            .map(|l| {
                let t = |id: &str| {
                    self.messages
                        .format(&l.key, id, None)
                        .unwrap_or_else(|| id.to_string())
                };
                (
                    l.key.clone(),
                    FeedLabels {
                        site_title: t("site-title"),
                        events: t("nav-events"),
                    },
                )
            })
            .collect();
        files.extend(data_files(&self.site, self.now, &labels));
        entries.sort_by(|a, b| a.loc.cmp(&b.loc));
        files.insert("sitemap.xml".into(), sitemap::sitemap(&entries).into());
        files.insert("robots.txt".into(), sitemap::robots(base).into());
        files.insert(
            "_headers".into(),
            output::headers::headers_file(&config.language_keys())
                .into_bytes()
                .into(),
        );
        files
    }

    /// The theme's static folder (under `static/`) and the site's (at the root).
    fn static_part(&self) -> Result<OutputFiles, Diagnostic> {
        let root = &self.opts.root;
        let mut files = OutputFiles::new();
        let theme_static = root
            .join(THEMES_DIR)
            .join(&self.config.theme)
            .join("static");
        output::add_static_dir(&theme_static, "static/", &mut files)?;
        output::add_static_dir(&root.join("static"), "", &mut files)?;
        Ok(files)
    }

    /// Search indexes, web app manifests and offline lists.
    fn reader_part(&self) -> OutputFiles {
        use crate::output::{offline, search};
        let builder = self.builder();
        let base_path = output::base_path::base_path(&self.config.base_url);
        let per_lang: Vec<Vec<(String, Vec<u8>)>> = self
            .config
            .languages
            .par_iter()
            .map(|l| {
                let docs = builder.search_docs(&l.key);
                let title = self
                    .messages
                    .format(&l.key, "site-title", None)
                    .unwrap_or_default();
                vec![
                    (search::index_path(&l.key), search::index_json(&l.key, docs)),
                    (
                        format!("{}/manifest.webmanifest", l.key),
                        offline::manifest(&l.key, &l.tag_str(), l.dir.as_str(), &title, &base_path),
                    ),
                    (
                        format!("{}/offline.json", l.key),
                        offline::offline_list(
                            &builder
                                .offline_urls(&l.key)
                                .iter()
                                .map(|u| output::base_path::prefixed(&base_path, u))
                                .collect::<Vec<_>>(),
                        ),
                    ),
                ]
            })
            .collect();
        per_lang
            .into_iter()
            .flatten()
            .map(|(k, v)| (k, v.into()))
            .collect()
    }

    /// Whether pages are rendered from minified templates (render/compact.rs).
    pub fn templates_are_compact(&self) -> bool {
        self.templates.is_compact()
    }

    /// For a site below a path, prefixes a rendered page's site paths.
    /// (Pages are not minified one by one: the templates were, once.)
    fn finish_page(&self, html: String) -> Vec<u8> {
        let bytes = html.into_bytes();
        let base_path = output::base_path::base_path(&self.config.base_url);
        if base_path.is_empty() {
            bytes
        } else {
            output::base_path::rewrite(&String::from_utf8_lossy(&bytes), &base_path).into_bytes()
        }
    }

    /// Every page rendered to HTML (not minified, not stored): the template
    /// stage on its own, for benchmarks.
    pub fn render_html(&self) -> Result<Vec<crate::render::pages::RenderedPage>, Diagnostics> {
        let builder = self.builder();
        let mut ds = Diagnostics::new();
        let mut out = Vec::new();
        for r in builder.render_some(&self.templates, &builder.all_jobs()) {
            match r {
                Ok(p) => out.push(p),
                Err(d) => ds.push(d),
            }
        }
        errors_only(ds).map(|_| out)
    }

    /// A whole build straight into `staging`: every page is written as soon
    /// as it is rendered and minified, so the site never sits in memory as a
    /// whole (the preview keeps its pages; `build` does not need them).
    pub fn build_into(
        &self,
        staging: &Staging,
        progress: &dyn Progress,
    ) -> Result<(BuildReport, Diagnostics), Diagnostics> {
        let builder = self.builder();
        let jobs = builder.all_jobs();
        progress.start(jobs.len() as u64 + 1);
        let files: Vec<String> = jobs
            .iter()
            .map(|(l, r)| crate::routes::file_for(&builder.path(l, r)))
            .collect();
        let one = |d: Diagnostic| {
            let mut ds = Diagnostics::new();
            ds.push(d);
            ds
        };
        staging
            .create_dirs_for(files.iter().map(String::as_str))
            .map_err(one)?;
        let default_404 = self.default_404_file();
        let emit =
            |p: crate::render::pages::RenderedPage, file: &str| -> Result<Emitted, Diagnostic> {
                let bytes = self.finish_page(p.html);
                staging.write(file, &bytes)?;
                let digest = (file.to_string(), output::offline::page_digest(file, &bytes));
                let entry = p.sitemap.map(|alternates| SitemapEntry {
                    loc: format!("{}{}", self.config.base_url, p.path),
                    alternates,
                });
                let keep = (file == default_404).then(|| bytes.as_slice().into());
                Ok((entry, bytes.len(), keep, digest))
            };
        let results: Vec<_> = jobs
            .par_iter()
            .zip(files.par_iter())
            .map(|((lang, route), file)| {
                let r = builder
                    .render_one(&self.templates, lang, route)
                    .and_then(|p| emit(p, file));
                progress.page_done();
                r
            })
            .collect();
        progress.finish();
        let chooser = builder
            .render_chooser(&self.templates)
            .and_then(|p| emit(p, "index.html"));
        let mut ds = Diagnostics::new();
        let mut entries = Vec::new();
        let mut bytes = 0;
        let mut default_404_bytes = None;
        let mut digests = Vec::with_capacity(files.len() + 1);
        for r in results.into_iter().chain(std::iter::once(chooser)) {
            match r {
                Ok((entry, n, keep, digest)) => {
                    digests.push(digest);
                    entries.extend(entry);
                    bytes += n;
                    if keep.is_some() {
                        default_404_bytes = keep;
                    }
                }
                Err(d) => ds.push(d),
            }
        }
        errors_only(ds)?;
        let pages = jobs.len() + 1;
        // In path order, as `output` has them.
        digests.sort();
        let digests: Vec<u64> = digests.into_iter().map(|(_, d)| d).collect();
        let mut warnings = self.warnings.clone();
        let mut rest = self.site_part(entries, default_404_bytes);
        match self.static_part() {
            Ok(statics) => rest.extend(statics),
            Err(d) => warnings.push(d),
        }
        rest.extend(self.reader_part());
        warnings.extend(self.messages.missing_report());
        let warnings = errors_only(warnings)?;
        let version = output::offline::build_hash(
            output::offline::combine(&digests),
            rest.iter()
                .map(|(k, v)| (k.as_str(), output::offline::page_digest(k, v))),
        );
        rest.insert(
            "sw.js".into(),
            output::offline::service_worker(&version).into(),
        );
        staging.write_all(&rest).map_err(one)?;
        let mut per_language: BTreeMap<String, usize> = BTreeMap::new();
        for (lang, _) in &jobs {
            *per_language.entry(lang.clone()).or_insert(0) += 1;
        }
        let report = BuildReport {
            per_language,
            pages: pages + rest.keys().filter(|k| k.ends_with(".html")).count(),
            files: pages + rest.len(),
            bytes: bytes + rest.values().map(|b| b.len()).sum::<usize>(),
            warnings: Diagnostics::new(),
        };
        Ok((report, warnings))
    }

    /// Applies a batch of changed paths (relative to the site root): reloads
    /// what they touch, re-renders only the pages that depend on it and
    /// produces again only the other files that can have changed. On error
    /// the pipeline is unchanged (the last good state stays).
    pub fn update(&mut self, changed: &[PathBuf]) -> Result<Update, Diagnostics> {
        let first = |p: &PathBuf| {
            p.components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
        };
        let touches = |name: &str| changed.iter().any(|p| first(p).as_deref() == Some(name));
        if touches(crate::config::CONFIG_FILE) {
            let before = self.output().ok().map(|(f, _)| f);
            let mut fresh = Pipeline::load(&self.opts)?;
            let n = fresh.render(None)?;
            let (files, warnings) = fresh.output()?;
            *self = fresh;
            return Ok(Update {
                rendered: n,
                full: true,
                changes: diff(&before.unwrap_or_default(), &files),
                warnings,
            });
        }
        let root = self.opts.root.clone();
        let mut jobs: BTreeSet<(String, Route)> = BTreeSet::new();
        let is_theme_part = |p: &PathBuf, part: &str| {
            p.starts_with(Path::new(THEMES_DIR)) && p.components().any(|c| c.as_os_str() == part)
        };
        let templates_changed = changed.iter().any(|p| is_theme_part(p, "templates"));
        let statics_changed =
            touches("static") || changed.iter().any(|p| is_theme_part(p, "static"));
        let locales_changed: BTreeSet<String> = changed
            .iter()
            .filter(|p| p.starts_with(crate::i18n::messages::LOCALES_DIR))
            .filter_map(|p| {
                p.components()
                    .nth(1)
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
            })
            .collect();
        let mut messages = self.messages.clone();
        let mut templates = None;
        let mut warnings = None;
        if !locales_changed.is_empty() || templates_changed {
            let (m, mds) = Messages::load(&root, &self.config);
            let mut ds = mds;
            messages = Arc::new(m);
            match Templates::load(
                &root,
                &self.config.theme,
                messages.clone(),
                self.opts.minify,
            ) {
                Ok(t) => templates = Some(t),
                Err(e) => ds.extend(e),
            }
            warnings = Some(errors_only(ds)?);
            // A language's pages change when its text or a language on its fallback chain changes.
            for l in &self.config.languages {
                let affected = templates_changed
                    || locales_changed.contains(&l.key)
                    || l.fallback.iter().any(|f| locales_changed.contains(f));
                if affected {
                    let b = self.builder();
                    jobs.extend(b.all_jobs().into_iter().filter(|(lang, _)| *lang == l.key));
                }
            }
        }
        let content_changed = touches(crate::content::load::CONTENT_DIR);
        let mut new_site = None;
        // Whether every content change was inside bodies (the same files
        // with the same front matter): then only the items' own pages and
        // the search indexes can change.
        let mut bodies_only = true;
        if content_changed {
            let load = LoadOptions {
                drafts: self.opts.drafts,
            };
            let content: Vec<PathBuf> = changed
                .iter()
                .filter(|p| p.starts_with(crate::content::load::CONTENT_DIR))
                .cloned()
                .collect();
            let (site, cds) = reload_changed(
                &root,
                &self.config,
                load,
                &mut self.cache,
                &self.site,
                &content,
            )
            .unwrap_or_else(|| load_site_cached(&root, &self.config, load, &mut self.cache));
            let Some(site) = site else {
                let mut ds = cds;
                ds.sort();
                return Err(ds);
            };
            let keys = changed_items(&self.site, &site);
            bodies_only = keys
                .iter()
                .all(|(k, s)| only_bodies_differ(self.site.get(*k, s), site.get(*k, s)));
            if bodies_only {
                for (k, s) in &keys {
                    let route = match k {
                        Kind::Home => Route::Home,
                        k => Route::Item(*k, s.clone()),
                    };
                    for l in &self.config.languages {
                        jobs.insert((l.key.clone(), route.clone()));
                    }
                }
            } else {
                let affected = affected_routes(&self.site, &site, &keys);
                // A change in a list moves cards between its pages: every page of
                // an affected list is re-rendered (pages that no longer exist are
                // dropped by `render`).
                let b = PageBuilder::new(
                    &site,
                    &messages,
                    &self.formatters,
                    "/static/style.css",
                    self.site_css(),
                    self.now,
                );
                for job in b.all_jobs() {
                    if affected.contains(&job.1.first_page()) {
                        jobs.insert(job);
                    }
                }
            }
            new_site = Some(site);
        }
        let structural =
            templates_changed || !locales_changed.is_empty() || (content_changed && !bodies_only);
        // All loaded: commit the new state, then render.
        let old_messages = self.messages.clone();
        let previous_site = new_site.map(|s| std::mem::replace(&mut self.site, s));
        let previous_templates = templates.map(|t| std::mem::replace(&mut self.templates, t));
        self.messages = messages;
        let previous_warnings = warnings.map(|w| std::mem::replace(&mut self.warnings, w));
        let (rendered, mut changes) = match self.render_jobs(Some(jobs), structural) {
            Ok(r) => r,
            Err(ds) => {
                // Roll back to the last good state.
                self.messages = old_messages;
                if let Some(s) = previous_site {
                    self.site = s;
                }
                if let Some(t) = previous_templates {
                    self.templates = t;
                }
                if let Some(w) = previous_warnings {
                    self.warnings = w;
                }
                return Err(ds);
            }
        };
        // Search indexes and offline lists are not part of any page: they
        // are produced in `settle`, after the browser has been told to reload.
        self.reader_stale |= content_changed || !locales_changed.is_empty();
        let parts = Parts {
            site: structural,
            reader: false,
            statics: statics_changed,
        };
        changes.extend(self.refresh_secondary(parts)?);
        Ok(Update {
            rendered,
            full: false,
            changes,
            warnings: self.current_warnings()?,
        })
    }
}

/// What an update did.
#[derive(Debug, Clone)]
pub struct Update {
    /// Pages rendered (all languages, including the chooser).
    pub rendered: usize,
    /// Whether everything was reloaded (site.toml changed).
    pub full: bool,
    /// Output files that changed (new bytes, or `None` if removed).
    pub changes: Vec<Change>,
    /// Warnings of the new state.
    pub warnings: Diagnostics,
}

/// Whether two versions of an item differ only inside their bodies: the
/// same language files with the same front matter (so its cards, the lists,
/// feeds, calendars and the sitemap stay as they are).
fn only_bodies_differ(old: Option<&Item>, new: Option<&Item>) -> bool {
    let (Some(a), Some(b)) = (old, new) else {
        return false;
    };
    fn front(t: &crate::content::Text) -> &str {
        &t.file.text[..t.body.start]
    }
    a.draft_translations == b.draft_translations
        && a.texts.len() == b.texts.len()
        && a.texts
            .iter()
            .zip(b.texts.iter())
            .all(|((la, ta), (lb, tb))| la == lb && front(ta) == front(tb))
}

/// Items whose files differ between two loads (added, removed or changed).
fn changed_items(old: &Site, new: &Site) -> BTreeSet<ItemKey> {
    let texts = |i: &Item| -> Vec<(String, Arc<str>)> {
        i.texts
            .iter()
            .map(|(l, t)| (l.clone(), t.file.text.clone()))
            .collect()
    };
    let same = |a: &Item, b: &Item| {
        a.draft_translations == b.draft_translations
            && texts(a).len() == texts(b).len()
            && texts(a)
                .iter()
                .zip(texts(b).iter())
                .all(|(x, y)| x.0 == y.0 && x.1 == y.1)
    };
    let mut keys = BTreeSet::new();
    for (k, v) in &old.items {
        // Items an incremental reload did not touch are shared, not copied.
        if new
            .items
            .get(k)
            .is_none_or(|n| !Arc::ptr_eq(v, n) && !same(v, n))
        {
            keys.insert(k.clone());
        }
    }
    for k in new.items.keys() {
        if !old.items.contains_key(k) {
            keys.insert(k.clone());
        }
    }
    if !same(&old.home, &new.home) {
        keys.insert((Kind::Home, String::new()));
    }
    keys
}

/// Pages that show something of the changed items, in either version of the site.
fn affected_routes(old: &Site, new: &Site, keys: &BTreeSet<ItemKey>) -> BTreeSet<Route> {
    let mut routes = BTreeSet::new();
    for (kind, slug) in keys {
        routes.insert(Route::Home);
        if *kind == Kind::Home {
            continue;
        }
        routes.insert(Route::Item(*kind, slug.clone()));
        if matches!(kind, Kind::Offer | Kind::Event | Kind::Contact) {
            routes.insert(Route::Section(*kind, 1));
            // The search page lists everything (for readers without JavaScript).
            routes.insert(Route::Search);
        }
        if *kind == Kind::Event {
            routes.insert(Route::Archive(1));
        }
        for site in [old, new] {
            let Some(item) = site.get(*kind, slug) else {
                continue;
            };
            if let Some(l) = item.data.listing() {
                for t in Taxonomy::ALL {
                    routes.insert(Route::Taxonomy(t));
                    for term in l.terms(t) {
                        routes.insert(Route::Term(t, term.clone(), 1));
                    }
                }
                for c in &l.contacts {
                    routes.insert(Route::Item(Kind::Contact, c.clone()));
                }
            }
            match &item.data {
                ItemData::Offer(o) => {
                    routes.extend(
                        o.provider
                            .iter()
                            .map(|c| Route::Item(Kind::Contact, c.clone())),
                    );
                    // The filter pages that list this offer.
                    let l = &o.listing;
                    for t in &l.topics {
                        for p in &l.places {
                            routes.insert(Route::TopicPlace(t.clone(), p.clone(), 1));
                        }
                    }
                    for code in &l.offered_in {
                        routes.insert(Route::OfferedIn(code.clone(), 1));
                    }
                }
                ItemData::Event(e) => routes.extend(
                    e.organizer
                        .iter()
                        .map(|c| Route::Item(Kind::Contact, c.clone())),
                ),
                ItemData::Contact(c) => {
                    routes.extend(
                        c.organization
                            .iter()
                            .map(|o| Route::Item(Kind::Contact, o.clone())),
                    );
                    // Every page that names this contact shows its name and role.
                    for other in site.items.values() {
                        if mentions(other, slug) {
                            routes.insert(Route::Item(other.kind, other.slug.clone()));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    // Offer lists show filter links with counts: when those change, every
    // page that shows them does.
    if keys.iter().any(|(k, _)| *k == Kind::Offer) && FilterCounts::of(old) != FilterCounts::of(new)
    {
        routes.insert(Route::Section(Kind::Offer, 1));
        for t in Taxonomy::ALL {
            for term in new.config.taxonomies.terms(t) {
                routes.insert(Route::Term(t, term.clone(), 1));
            }
        }
        for site in [old, new] {
            for item in site.of_kind(Kind::Offer) {
                if let ItemData::Offer(o) = &item.data {
                    for t in &o.listing.topics {
                        for p in &o.listing.places {
                            routes.insert(Route::TopicPlace(t.clone(), p.clone(), 1));
                        }
                    }
                    for code in &o.listing.offered_in {
                        routes.insert(Route::OfferedIn(code.clone(), 1));
                    }
                }
            }
        }
    }
    routes
}

/// Whether `item` shows the contact `slug` (as contact, provider, organizer or organisation).
fn mentions(item: &Item, slug: &str) -> bool {
    let s = |o: &Option<String>| o.as_deref() == Some(slug);
    match &item.data {
        ItemData::Offer(o) => o.listing.contacts.iter().any(|c| c == slug) || s(&o.provider),
        ItemData::Event(e) => e.listing.contacts.iter().any(|c| c == slug) || s(&e.organizer),
        ItemData::Contact(c) => s(&c.organization),
        _ => false,
    }
}

/// Builds the site in memory: everything but writing it.
pub fn render_site(opts: &BuildOptions) -> Result<(OutputFiles, Diagnostics), Diagnostics> {
    let mut p = Pipeline::load(opts)?;
    p.render(None)?;
    p.output()
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
    let out = opts.out_dir();
    let one = |d: Diagnostic| {
        let mut ds = Diagnostics::new();
        ds.push(d);
        ds
    };
    output::check_output_dir(&opts.root, &out).map_err(one)?;
    let mut p = Pipeline::load(opts)?;
    // A one-off build reloads nothing: the parsed files' front matter need
    // not stay in memory while the pages are rendered.
    p.cache = ContentCache::default();
    // Dropped on error: the staging folder is removed, the old output stays.
    let staging = Staging::new(&out).map_err(one)?;
    let (mut report, warnings) = p.build_into(&staging, progress)?;
    staging.commit().map_err(one)?;
    report.warnings = warnings;
    Ok(report)
}
