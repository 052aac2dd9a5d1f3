//! The in-memory pipeline: load, render, output. It keeps what it loaded and
//! the pages it rendered, so that an update (incremental.rs) can re-render
//! only what a change affects.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use super::secondary::{self, PageFacts, Secondary, SecondaryParts, Sources};
use super::{BuildOptions, Change, errors_only};
use crate::config::SiteConfig;
use crate::content::Site;
use crate::content::load::ContentCache;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::{LocaleFormatter, Messages};
use crate::output::{self, OutputFiles, Packed, PackedFiles, Packer};
use crate::render::pages::{PageBuilder, RenderedPage, TitleOrders};
use crate::render::templates::Templates;
use crate::routes::Route;

mod load;

/// A page as it goes into the output: file path, bytes, sitemap entry.
#[derive(Debug, Clone)]
pub(super) struct Page {
    pub file: String,
    /// Packed if the pipeline packs ([`Pipeline::load`]).
    pub bytes: Packed,
    /// Of file and bytes, for the service worker's version (computed
    /// once), and what tells whether a page rendered again changed.
    pub digest: u64,
    pub path: String,
    /// (Shared with the sitemap entries a settling takes: [`Pipeline::page_facts`].)
    pub sitemap: Option<Arc<[crate::render::views::Alternate]>>,
}

/// Pages rendered, not stored yet ([`Pipeline::render_with`]).
pub(super) struct Rendered {
    /// The files of the pages rendered.
    files: Vec<String>,
    pages: Vec<((String, Route), Page)>,
    /// The site's routes, if they may have changed.
    routes: Option<Vec<Route>>,
    /// The builder's title orders, for the next builder.
    title_orders: TitleOrders,
}

/// Everything a build has loaded, kept so that a preview can re-render only
/// what a change affects (see [`crate::serve`]).
pub struct Pipeline {
    pub(super) opts: BuildOptions,
    pub(super) config: SiteConfig,
    pub(super) messages: Arc<Messages>,
    pub(super) formatters: BTreeMap<String, LocaleFormatter>,
    pub(super) templates: Templates,
    pub(super) site: Site,
    pub(super) now: jiff::civil::DateTime,
    /// Rendered pages by `(language, route)`; the chooser under `("", Home)`.
    pub(super) pages: BTreeMap<(String, Route), Page>,
    /// Warnings of loading (interface text, ignored files).
    pub(super) warnings: Diagnostics,
    /// Parsed content files, so an update reads only what changed.
    pub(super) cache: ContentCache,
    /// Everything but the pages as last produced (`None` before the first
    /// [`Pipeline::output`]).
    /// (Shared with a settling: [`Pipeline::settling`].)
    pub(super) secondary: Option<Arc<Secondary>>,
    /// Which secondary files lag behind the pages after an update (see
    /// [`Pipeline::settle`]).
    pub(super) stale: super::secondary::Stale,
    /// The images the content names, measured (see [`crate::media`]).
    pub(super) images: crate::media::Images,
    /// The title orders of `site` worked out so far: each builder starts
    /// from them, an update moves only the changed items in them.
    pub(super) title_orders: TitleOrders,
    /// The routes of the pages stored (of `site` as last rendered).
    pub(super) routes: Vec<Route>,
    /// Whether pages and other files are held packed (the preview's
    /// pipeline: at 10,000 offers its output is 2 GB of text).
    pub(super) pack: bool,
    /// What the pages are packed with (some of the first pages rendered,
    /// [`Pipeline::sample_pages`]).
    dictionary: std::sync::OnceLock<output::Bytes>,
    /// Where the search indexes are kept for the next build (a kept
    /// build's cache folder: `build_kept`), if anywhere.
    pub(super) search_memo: Option<std::path::PathBuf>,
}

impl Pipeline {
    /// The loaded content.
    pub fn site(&self) -> &Site {
        &self.site
    }

    /// The measured images of the site.
    pub fn images(&self) -> &crate::media::Images {
        &self.images
    }

    /// The interface text (with which messages were used so far).
    pub fn messages(&self) -> &Messages {
        &self.messages
    }

    /// The build's "now" in the site's time zone.
    pub fn now(&self) -> jiff::civil::DateTime {
        self.now
    }

    /// Whether pages are rendered from minified templates (render/compact.rs).
    pub fn templates_are_compact(&self) -> bool {
        self.templates.is_compact()
    }

    /// The page builder for the loaded site and interface text.
    pub(super) fn builder(&self) -> PageBuilder<'_> {
        self.builder_for(&self.site, &self.messages)
            .with_title_orders(&self.title_orders, &BTreeSet::new())
    }

    /// A page builder for another version of the site and interface text
    /// (an update works out which pages a change affects with it), which
    /// works out its title orders itself unless given them.
    pub(super) fn builder_for<'a>(
        &'a self,
        site: &'a Site,
        messages: &'a Messages,
    ) -> PageBuilder<'a> {
        page_builder(
            &self.opts.root,
            site,
            messages,
            &self.formatters,
            self.now,
            &self.images,
        )
    }

    /// What the secondary files are made from; `builder` makes a page
    /// builder when one is needed.
    pub(super) fn sources<'a>(&'a self, builder: super::secondary::BuilderFrom<'a>) -> Sources<'a> {
        Sources {
            root: &self.opts.root,
            config: &self.config,
            site: &self.site,
            messages: &self.messages,
            builder,
            now: self.now,
            minify: self.opts.minify,
            images: &self.images,
            pack: self.pack,
            search_memo: self.search_memo.as_deref(),
            return_freed: || {},
        }
    }

    /// Renders `jobs` (all pages if `None`) into the page store. Pages of
    /// routes that no longer exist are dropped. Returns how many pages were rendered.
    pub fn render(
        &mut self,
        jobs: Option<BTreeSet<(String, Route)>>,
    ) -> Result<usize, Diagnostics> {
        self.render_jobs(jobs, true).map(|(files, _)| files.len())
    }

    /// [`Pipeline::render`], returning the page files rendered and those that changed.
    /// `routes_may_change: false` (an update that touched only bodies) skips
    /// working out the site's routes again.
    pub(super) fn render_jobs(
        &mut self,
        jobs: Option<BTreeSet<(String, Route)>>,
        routes_may_change: bool,
    ) -> Result<(Vec<String>, Vec<Change<Packed>>), Diagnostics> {
        let rendered = {
            let builder = self.builder();
            let routes = (jobs.is_none() || routes_may_change).then(|| builder.routes());
            self.render_with(&builder, &self.templates, jobs, routes)?
        };
        Ok(self.store_rendered(rendered))
    }

    /// Renders `jobs` (all pages if `None`) with `builder` and `templates`
    /// (those of an update not yet committed, or the pipeline's), not
    /// storing them yet. `routes`: the routes of the builder's site, if
    /// they may have changed (then jobs of routes that are gone are
    /// skipped, and their pages dropped when stored).
    pub(super) fn render_with(
        &self,
        builder: &PageBuilder<'_>,
        templates: &Templates,
        jobs: Option<BTreeSet<(String, Route)>>,
        routes: Option<Vec<Route>>,
    ) -> Result<Rendered, Diagnostics> {
        // Routes as they were (a front-matter edit that moves nothing):
        // nothing to skip or drop.
        let routes = routes.filter(|r| *r != self.routes);
        let known: Option<rustc_hash::FxHashSet<&Route>> =
            routes.as_ref().map(|r| r.iter().collect());
        let jobs: Vec<(String, Route)> = match (jobs, &known) {
            (None, _) => builder.all_jobs(),
            (Some(j), Some(known)) => j.into_iter().filter(|x| known.contains(&x.1)).collect(),
            (Some(j), None) => j
                .into_iter()
                .filter(|x| self.pages.contains_key(x))
                .collect(),
        };
        drop(known);
        let dictionary = self.pack.then(|| {
            self.dictionary
                .get_or_init(|| self.sample_pages(builder, templates, &jobs))
                .clone()
        });
        // Each page is finished (and packed) as soon as it is rendered: at
        // 10,000 offers all pages unpacked are 1.5 GB.
        let rendered: Vec<_> = jobs
            .into_par_iter()
            .chain(rayon::iter::once((String::new(), Route::Home)))
            .map_init(
                || dictionary.clone().map(Packer::with_dictionary),
                |packer, job| -> Result<_, Diagnostic> {
                    let p = if job.0.is_empty() {
                        builder.render_chooser(templates)
                    } else {
                        builder.render_one(templates, &job.0, &job.1)
                    }?;
                    let page = self.page(p, self.pages.get(&job), packer.as_mut());
                    Ok((job, page))
                },
            )
            .collect();
        let mut ds = Diagnostics::new();
        let mut pages = Vec::with_capacity(rendered.len());
        for r in rendered {
            match r {
                Ok(p) => pages.push(p),
                Err(d) => ds.push(d),
            }
        }
        errors_only(ds)?;
        let files = pages.iter().map(|(_, p)| p.file.clone()).collect();
        Ok(Rendered {
            files,
            pages,
            routes,
            title_orders: builder.title_orders(),
        })
    }

    /// Packs pages with the dictionary `other` packed its pages with (if
    /// this pipeline has none yet).
    pub(super) fn share_dictionary(&self, other: &Pipeline) {
        if let Some(d) = other.dictionary.get() {
            let _ = self.dictionary.set(d.clone());
        }
    }

    /// Some pages of `jobs`, spread over its languages and kinds of page,
    /// as the dictionary the pages are packed with: pages share their
    /// header, navigation, footer and much of their markup, which a page
    /// of 28 KB alone has little of to refer to (3.4× smaller on its own,
    /// 5.8× with four offer pages at 10,000 offers).
    fn sample_pages(
        &self,
        builder: &PageBuilder<'_>,
        templates: &Templates,
        jobs: &[(String, Route)],
    ) -> output::Bytes {
        const SAMPLES: usize = 12;
        const MAX_BYTES: usize = 256 * 1024;
        let mut sample = Vec::new();
        let step = (jobs.len() / SAMPLES).max(1);
        for (lang, route) in jobs.iter().step_by(step).take(SAMPLES) {
            if let Ok(p) = builder.render_one(templates, lang, route) {
                sample.extend(self.finish_page(p.html));
            }
            if sample.len() >= MAX_BYTES {
                break;
            }
        }
        sample.truncate(MAX_BYTES);
        sample.into()
    }

    /// Stores what [`Pipeline::render_with`] rendered: returns the page
    /// files rendered and those that changed.
    pub(super) fn store_rendered(&mut self, r: Rendered) -> (Vec<String>, Vec<Change<Packed>>) {
        self.title_orders = r.title_orders;
        (r.files, self.store(r.pages, r.routes))
    }

    /// A rendered page, finished, with its file and digest; packed by
    /// `packer` if given, unless it is the `stored` page's (then its bytes
    /// are shared, not packed again).
    fn page(&self, p: RenderedPage, stored: Option<&Page>, packer: Option<&mut Packer>) -> Page {
        let bytes = self.finish_page(p.html);
        let file = crate::routes::file_for(&p.path);
        let digest = output::offline::page_digest(&file, &bytes);
        let bytes = match (stored.filter(|s| s.digest == digest), packer) {
            (Some(s), _) => s.bytes.clone(),
            (None, Some(packer)) => packer.pack(&bytes),
            (None, None) => Packed::plain(bytes.into()),
        };
        Page {
            digest,
            file,
            bytes,
            path: p.path,
            sitemap: p.sitemap.map(Arc::from),
        }
    }

    /// Stores rendered pages (after dropping those whose route is not among
    /// `routes`, if given: the site's routes now); returns the page files
    /// that changed.
    fn store(
        &mut self,
        pages: Vec<((String, Route), Page)>,
        routes: Option<Vec<Route>>,
    ) -> Vec<Change<Packed>> {
        let mut changes = Vec::new();
        if let Some(routes) = routes {
            let known: rustc_hash::FxHashSet<&Route> = routes.iter().collect();
            self.pages.retain(|k, p| {
                let keep = k.0.is_empty() || known.contains(&k.1);
                if !keep {
                    changes.push((p.file.clone(), None));
                }
                keep
            });
            drop(known);
            self.routes = routes;
        }
        for (job, page) in pages {
            if self
                .pages
                .get(&job)
                .is_none_or(|old| old.digest != page.digest)
            {
                changes.push((page.file.clone(), Some(page.bytes.clone())));
            }
            self.pages.insert(job, page);
        }
        changes
    }

    /// The complete output: pages, 404, data files, sitemap, robots, static
    /// files, reader files, service worker.
    pub fn output(&mut self) -> Result<(OutputFiles, Diagnostics), Diagnostics> {
        let (files, warnings) = self.output_packed()?;
        Ok((output::unpack_all(&files), warnings))
    }

    /// [`Pipeline::output`] as the pipeline holds it (shared with it).
    pub(crate) fn output_packed(&mut self) -> Result<(PackedFiles, Diagnostics), Diagnostics> {
        if self.secondary.is_none() {
            self.refresh_secondary(SecondaryParts::ALL);
        }
        self.settle_packed()?;
        let mut files = PackedFiles::new();
        for p in self.pages.values() {
            files.insert(p.file.clone(), p.bytes.clone());
        }
        if let Some(s) = &self.secondary {
            files.extend(s.held_files());
        }
        Ok((files, self.current_warnings()?))
    }

    /// Warnings of the current state (loading, static files, interface text).
    pub(super) fn current_warnings(&self) -> Result<Diagnostics, Diagnostics> {
        self.warnings_with(self.secondary.as_ref().map(|s| s.errors()).as_ref())
    }

    /// The warnings of loading, `static_errors` and the interface text's.
    pub(super) fn warnings_with(
        &self,
        static_errors: Option<&Diagnostics>,
    ) -> Result<Diagnostics, Diagnostics> {
        let mut ds = self.warnings.clone();
        if let Some(errors) = static_errors {
            ds.extend(errors.iter().cloned());
        }
        ds.extend(self.messages.missing_report());
        errors_only(ds)
    }

    /// Produces the chosen parts of the secondary files again (from the
    /// stored pages) and the service worker; returns what changed.
    pub(super) fn refresh_secondary(&mut self, parts: SecondaryParts) -> Vec<Change<Packed>> {
        // Static files may stand in for generated ones (a site's own
        // robots.txt): when they change, everything is produced again; and
        // everything the first time.
        let parts = if parts.statics || self.secondary.is_none() {
            SecondaryParts::ALL
        } else {
            parts
        };
        self.stale.produced(parts);
        let old = self.secondary.take().unwrap_or_default();
        let digest = secondary::pages_digest(
            self.pages
                .values()
                .map(|p| (p.file.as_str(), p.digest))
                .collect(),
        );
        let this: &Pipeline = self;
        let builder = || this.builder();
        let (new, changes) = secondary::produce(
            &this.sources(secondary::BuilderFrom::Made(&builder)),
            &old,
            parts,
            digest,
            || this.page_facts(),
        );
        self.secondary = Some(Arc::new(new));
        changes
    }

    /// The sitemap entries and the default 404 page of the stored pages.
    pub(super) fn page_facts(&self) -> PageFacts {
        let entries = self
            .pages
            .values()
            .filter_map(|p| {
                p.sitemap.as_ref().map(|alts| {
                    secondary::sitemap_entry(&self.config.base_url, &p.path, alts.clone())
                })
            })
            .collect();
        let file_404 = secondary::default_404_file(&self.config);
        let default_404 = self
            .pages
            .values()
            .find(|p| p.file == file_404)
            .map(|p| p.bytes.unpack());
        PageFacts {
            entries,
            default_404,
        }
    }

    /// For a site below a path, prefixes a rendered page's site paths.
    /// (Pages are not minified one by one: the templates were, once.)
    pub(super) fn finish_page(&self, bytes: Vec<u8>) -> Vec<u8> {
        let base_path = output::base_path::base_path(&self.config.base_url);
        if base_path.is_empty() {
            bytes
        } else {
            output::base_path::rewrite(&String::from_utf8_lossy(&bytes), &base_path).into_bytes()
        }
    }

    /// Every page rendered to HTML (not minified, not stored): the template
    /// stage on its own, for benchmarks.
    pub fn render_html(&self) -> Result<Vec<RenderedPage>, Diagnostics> {
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
}

/// A page builder for `site` in the site folder `root` (whose static
/// folder may hold the site's own stylesheet).
pub(super) fn page_builder<'a>(
    root: &Path,
    site: &'a Site,
    messages: &'a Messages,
    formatters: &'a BTreeMap<String, LocaleFormatter>,
    now: jiff::civil::DateTime,
    images: &'a crate::media::Images,
) -> PageBuilder<'a> {
    let site_css = root
        .join(crate::layout::STATIC_DIR)
        .join("site.css")
        .is_file()
        .then_some(crate::routes::SITE_STYLESHEET);
    PageBuilder::new(
        site,
        messages,
        formatters,
        crate::routes::STYLESHEET,
        site_css,
        now,
    )
    .with_images(images)
}
