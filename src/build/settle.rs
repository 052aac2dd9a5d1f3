//! The refresh of the files no page shows after an update (search indexes,
//! offline lists, the JSON API; after a front-matter edit also the data
//! files, sitemap and /404.html; the service worker: [`Pipeline::settle`])
//! taken out of the pipeline, so that the preview can run it on another
//! thread and meanwhile serve a newer edit: the settling yields to the edit. A settling made before an
//! update is stale once the update is applied; the preview drops its result
//! and settles again from the new state.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::Change;
use super::pipeline::{Pipeline, page_builder};
use super::secondary::{self, PageFacts, Secondary, SecondaryParts, Sources};
use crate::config::SiteConfig;
use crate::content::Site;
use crate::diagnostics::Diagnostics;
use crate::i18n::{Messages, formatters};
use crate::output::Packed;

/// What the lagging files are made from, owned (a snapshot of a pipeline).
pub struct Settling {
    root: PathBuf,
    config: SiteConfig,
    site: Site,
    messages: Arc<Messages>,
    now: jiff::civil::DateTime,
    minify: bool,
    images: crate::media::Images,
    pack: bool,
    old: Arc<Secondary>,
    pages_digest: u64,
    parts: SecondaryParts,
    /// The pages' sitemap entries and 404 page, if the site part lags.
    facts: Option<PageFacts>,
    /// See [`Settling::returning_freed`].
    return_freed: fn(),
}

/// A settling's result, for [`Pipeline::settled`].
pub struct Settled {
    secondary: Secondary,
    changes: Vec<Change<Packed>>,
    parts: SecondaryParts,
}

impl Pipeline {
    /// The work [`Pipeline::settle`] would do, to run elsewhere
    /// ([`Settling::run`]); `None` if nothing lags.
    pub fn settling(&self) -> Option<Settling> {
        let old = self.secondary.as_ref().filter(|_| self.stale.any())?;
        Some(Settling {
            root: self.opts.root.clone(),
            config: self.config.clone(),
            site: self.site.clone(),
            messages: self.messages.clone(),
            now: self.now,
            minify: self.opts.minify,
            images: self.images.clone(),
            pack: self.pack,
            old: old.clone(),
            pages_digest: secondary::pages_digest(
                self.pages
                    .values()
                    .map(|p| (p.file.as_str(), p.digest))
                    .collect(),
            ),
            parts: self.stale.parts(),
            facts: self.stale.site.then(|| self.page_facts()),
            return_freed: || {},
        })
    }

    /// Takes the result of a [`Settling`] made from this pipeline's current
    /// state (no update since: the caller keeps count); returns the files
    /// that changed.
    pub fn settled(&mut self, s: Settled) -> Vec<Change<Packed>> {
        self.secondary = Some(Arc::new(s.secondary));
        self.stale.produced(s.parts);
        s.changes
    }
}

impl Settling {
    /// With `f` (the preview's `ServeOptions::return_freed`) called on the
    /// settling's thread between the large steps of its parts (see
    /// `Sources::return_freed`): its peak is what is held plus one step.
    pub fn returning_freed(self, f: fn()) -> Settling {
        Settling {
            return_freed: f,
            ..self
        }
    }

    /// Produces the lagging files (and the service worker) again.
    pub fn run(self) -> Settled {
        // The formatters were checked when the pipeline loaded.
        let formatters: BTreeMap<_, _> = formatters(&self.config, &mut Diagnostics::new());
        let builder = || {
            page_builder(
                &self.root,
                &self.site,
                &self.messages,
                &formatters,
                self.now,
                &self.images,
            )
        };
        let sources = Sources {
            root: &self.root,
            config: &self.config,
            site: &self.site,
            messages: &self.messages,
            builder: super::secondary::BuilderFrom::Made(&builder),
            now: self.now,
            minify: self.minify,
            images: &self.images,
            pack: self.pack,
            search_memo: None,
            return_freed: self.return_freed,
        };
        let parts = self.parts;
        // The pages' facts are asked only when the site part is produced,
        // and then they were taken.
        let facts = self.facts;
        let (secondary, changes) =
            secondary::produce(&sources, &self.old, parts, self.pages_digest, || {
                facts.unwrap_or(PageFacts {
                    entries: Vec::new(),
                    default_404: None,
                })
            });
        Settled {
            secondary,
            changes,
            parts,
        }
    }
}
