//! Updates of a loaded pipeline (the preview): a batch of changed files is
//! reloaded, only the pages that depend on it are rendered again and only
//! the other files that can have changed are produced again.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::pipeline::{Pipeline, Rendered};
use super::secondary::SecondaryParts;
use super::{Change, deps, diff, errors_only, unpacked};
use crate::content::load::{load_site_cached, reload_changed};
use crate::content::{Item, ItemKey, Kind, Site};
use crate::diagnostics::Diagnostics;
use crate::i18n::Messages;
use crate::layout::{CONFIG_FILE, CONTENT_DIR, LOCALES_DIR, STATIC_DIR, TEMPLATES_DIR, THEMES_DIR};
use crate::output::{Bytes, Packed};
use crate::render::templates::Templates;
use crate::routes::Route;

/// What an update did; the preview takes the changed files as the
/// pipeline holds them (`B` = [`Packed`]).
#[derive(Debug, Clone)]
pub struct Update<B = Bytes> {
    /// Pages rendered (all languages, including the chooser).
    pub rendered: usize,
    /// The files of the pages rendered (empty after a full reload).
    pub rendered_files: Vec<String>,
    /// Whether everything was reloaded (site.toml changed).
    pub full: bool,
    /// Output files that changed (new bytes, or `None` if removed).
    pub changes: Vec<Change<B>>,
    /// Warnings of the new state.
    pub warnings: Diagnostics,
}

/// What a batch of changed paths (relative to the site root) touches.
struct Touched {
    /// site.toml.
    config: bool,
    /// The theme's templates.
    templates: bool,
    /// The theme's or the site's static folder.
    statics: bool,
    /// Languages whose interface text changed.
    locales: BTreeSet<String>,
    /// The `locales/` folder itself changed (replaced, or made a link):
    /// every language's text.
    all_locales: bool,
    /// Changed paths in the content folder.
    content: Vec<PathBuf>,
}

impl Touched {
    fn of(changed: &[PathBuf]) -> Touched {
        let first = |p: &PathBuf| {
            p.components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
        };
        let touches = |name: &str| changed.iter().any(|p| first(p).as_deref() == Some(name));
        // `themes/` or a theme's folder itself (replaced, or made a link)
        // stands for all its parts.
        let is_theme_part = |p: &PathBuf, part: &str| {
            p.starts_with(Path::new(THEMES_DIR))
                && (p.components().count() <= 2 || p.components().any(|c| c.as_os_str() == part))
        };
        Touched {
            config: touches(CONFIG_FILE),
            templates: changed.iter().any(|p| is_theme_part(p, TEMPLATES_DIR)),
            statics: touches(STATIC_DIR) || changed.iter().any(|p| is_theme_part(p, STATIC_DIR)),
            locales: changed
                .iter()
                .filter(|p| p.starts_with(LOCALES_DIR))
                .filter_map(|p| {
                    p.components()
                        .nth(1)
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                })
                .collect(),
            all_locales: changed.iter().any(|p| p == Path::new(LOCALES_DIR)),
            content: changed
                .iter()
                .filter(|p| p.starts_with(CONTENT_DIR))
                .cloned()
                .collect(),
        }
    }
}

/// Interface text and templates loaded again.
struct TextReload {
    messages: Arc<Messages>,
    templates: Option<Templates>,
    /// The new warnings of loading.
    warnings: Diagnostics,
}

/// Content loaded again.
struct ContentReload {
    site: Site,
    /// Whether every change was inside bodies (the same files with the same
    /// front matter): then only the items' own pages and the search indexes
    /// can change.
    bodies_only: bool,
    /// Whether the images' output can differ (other images, or the same
    /// ones first referred to elsewhere).
    images_changed: bool,
    /// The pages to render, rendered already with the builder that picked
    /// them (`None`: they are rendered when committed).
    rendered: Option<Rendered>,
}

/// With which templates [`Pipeline::reload_content`] renders the pages it
/// picks.
enum RenderWith<'t> {
    /// None: the interface text failed to load (the update fails).
    Skip,
    /// The pipeline's templates.
    Current,
    /// Templates loaded again, not committed yet.
    New(&'t Templates),
}

/// The state an update replaced, to go back to when rendering fails.
struct Previous {
    messages: Arc<Messages>,
    site: Option<Site>,
    templates: Option<Templates>,
    warnings: Option<Diagnostics>,
}

impl Pipeline {
    /// Applies a batch of changed paths (relative to the site root): reloads
    /// what they touch, re-renders only the pages that depend on it and
    /// produces again only the other files that can have changed. On error
    /// the pipeline is unchanged (the last good state stays).
    pub fn update(&mut self, changed: &[PathBuf]) -> Result<Update, Diagnostics> {
        let u = self.update_packed(changed)?;
        Ok(Update {
            rendered: u.rendered,
            rendered_files: u.rendered_files,
            full: u.full,
            changes: unpacked(u.changes),
            warnings: u.warnings,
        })
    }

    /// [`Pipeline::update`], the changed files as the pipeline holds them
    /// (the preview's: `serve` takes them so, and so does the benchmark).
    pub fn update_packed(&mut self, changed: &[PathBuf]) -> Result<Update<Packed>, Diagnostics> {
        let touched = Touched::of(changed);
        if touched.config {
            return self.reload_all();
        }
        let mut jobs = BTreeSet::new();
        let text = self.reload_text(&touched, &mut jobs);
        let messages = match &text {
            Ok(Some(t)) => t.messages.clone(),
            _ => self.messages.clone(),
        };
        // Content is reloaded even when the interface text failed, so an
        // update reports every problem a full build would, not only the first
        // stage's.
        let with = match &text {
            Ok(Some(TextReload {
                templates: Some(t), ..
            })) => RenderWith::New(t),
            Ok(_) => RenderWith::Current,
            Err(_) => RenderWith::Skip,
        };
        let content = self.reload_content(&touched.content, &messages, with, &mut jobs);
        let (text, content) = match (text, content) {
            (Ok(t), Ok(c)) => (t, c),
            (t, c) => {
                let mut ds = Diagnostics::new();
                ds.extend(t.err().unwrap_or_default());
                ds.extend(c.err().unwrap_or_default());
                ds.sort();
                return Err(ds);
            }
        };
        let structural = touched.templates
            || touched.all_locales
            || !touched.locales.is_empty()
            || content.as_ref().is_some_and(|c| !c.bodies_only);
        let images_changed = content.as_ref().is_some_and(|c| c.images_changed);
        let (site, rendered) = match content {
            Some(c) => (Some(c.site), c.rendered),
            None => (None, None),
        };
        let (rendered_files, mut changes) =
            self.commit_and_render(text, site, rendered, jobs, structural)?;
        // Files no page shows (search indexes, offline lists, data files,
        // the sitemap, the service worker) are produced in `settle`, after
        // the browser has been told to reload; static files and new images
        // now, as pages show them.
        self.stale.reader |=
            !touched.content.is_empty() || !touched.locales.is_empty() || touched.all_locales;
        self.stale.site |= structural;
        self.stale.worker = true;
        changes.extend(self.root_404(&changes));
        if touched.statics || images_changed {
            changes.extend(self.refresh_secondary(SecondaryParts {
                site: false,
                reader: false,
                statics: touched.statics,
            }));
        }
        Ok(Update {
            rendered: rendered_files.len(),
            rendered_files,
            full: false,
            changes,
            warnings: self.current_warnings()?,
        })
    }

    /// Brings the files that no page shows (search indexes, offline lists,
    /// data files, sitemap, the service worker) up to date after
    /// [`Pipeline::update`]: the preview
    /// calls it right after telling the browser to reload, so a large site's
    /// search index does not delay the page. Returns what changed.
    pub fn settle(&mut self) -> Result<Vec<Change>, Diagnostics> {
        self.settle_packed().map(unpacked)
    }

    /// [`Pipeline::settle`], the changed files as the pipeline holds them.
    pub(super) fn settle_packed(&mut self) -> Result<Vec<Change<Packed>>, Diagnostics> {
        if !self.stale.any() {
            return Ok(Vec::new());
        }
        Ok(self.refresh_secondary(self.stale.parts()))
    }

    /// The root /404.html, a copy of the default language's 404 page, if
    /// that page is among `changes` and the copy is the generated one (not
    /// the site's own): served with the pages, before `settle` produces it
    /// again with the other site files.
    fn root_404(&self, changes: &[Change<Packed>]) -> Option<Change<Packed>> {
        let file_404 = super::secondary::default_404_file(&self.config);
        let bytes = changes.iter().find(|(k, _)| *k == file_404)?.1.clone()?;
        let root = crate::routes::file_for(crate::routes::ROOT_NOT_FOUND);
        let generated = self.secondary.as_ref()?.site.contains_key(&root);
        generated.then_some((root, Some(bytes)))
    }

    /// site.toml changed: everything is loaded and built again.
    /// The new pipeline holds its files as this one did (packed or not).
    fn reload_all(&mut self) -> Result<Update<Packed>, Diagnostics> {
        let before = self.output_packed().ok().map(|(f, _)| f);
        let mut fresh = Pipeline::load_keeping(&self.opts, true, self.pack, None, None)?;
        // Packed with the same dictionary, equal pages compare by their frames.
        fresh.share_dictionary(self);
        fresh.render(None)?;
        let (files, warnings) = fresh.output_packed()?;
        *self = fresh;
        Ok(Update {
            // A first render renders every page it stores.
            rendered: self.pages.len(),
            rendered_files: Vec::new(),
            full: true,
            changes: diff(&before.unwrap_or_default(), &files),
            warnings,
        })
    }

    /// Loads interface text and templates again if they changed, adding the
    /// pages of every affected language to `jobs`.
    fn reload_text(
        &self,
        touched: &Touched,
        jobs: &mut BTreeSet<(String, Route)>,
    ) -> Result<Option<TextReload>, Diagnostics> {
        let locales = &touched.locales;
        if locales.is_empty() && !touched.all_locales && !touched.templates {
            return Ok(None);
        }
        let root = &self.opts.root;
        let (m, mut ds) = Messages::load(root, &self.config);
        let messages = Arc::new(m);
        let mut templates = None;
        match Templates::load(root, &self.config.theme, messages.clone(), self.opts.minify) {
            Ok(t) => templates = Some(t),
            Err(e) => ds.extend(e),
        }
        let warnings = errors_only(ds)?;
        // A language's pages change when its text or a language on its fallback chain changes.
        let affected: Vec<&str> = self
            .config
            .languages
            .iter()
            .filter(|l| {
                touched.templates
                    || touched.all_locales
                    || locales.contains(&l.key)
                    || l.fallback.iter().any(|f| locales.contains(f))
            })
            .map(|l| l.key.as_str())
            .collect();
        if !affected.is_empty() {
            let all = self.builder().all_jobs();
            jobs.extend(
                all.into_iter()
                    .filter(|(lang, _)| affected.contains(&lang.as_str())),
            );
        }
        Ok(Some(TextReload {
            messages,
            templates,
            warnings,
        }))
    }

    /// Loads the changed `content` files again (if any), adding the pages
    /// they affect to `jobs`; `messages` is the interface text to render
    /// with. Where a change reaches beyond the items' own pages, the pages
    /// of `jobs` are rendered here `with` the templates given, by the
    /// builder that picked them (it has the new site's lists and title
    /// orders worked out already).
    fn reload_content(
        &mut self,
        content: &[PathBuf],
        messages: &Messages,
        with: RenderWith<'_>,
        jobs: &mut BTreeSet<(String, Route)>,
    ) -> Result<Option<ContentReload>, Diagnostics> {
        if content.is_empty() {
            return Ok(None);
        }
        let root = &self.opts.root;
        let labels = messages.term_labels(&self.config);
        let load = crate::content::load::LoadOptions {
            labels: &labels,
            // As loaded first: the preview sheds, `check` does not.
            shed: self.pack,
            ..self.opts.load_options()
        };
        let (site, cds) = reload_changed(
            root,
            &self.config,
            load,
            &mut self.cache,
            &self.site,
            content,
        )
        .unwrap_or_else(|| load_site_cached(root, &self.config, load, &mut self.cache));
        let Some(site) = site else {
            let mut ds = cds;
            ds.sort();
            return Err(ds);
        };
        let keys = changed_items(&self.site, &site);
        let images_changed = self.measure_again(content, &site, &keys)?;
        let bodies_only = keys
            .iter()
            .all(|(k, s)| only_bodies_differ(self.site.get(*k, s), site.get(*k, s)));
        let mut rendered = None;
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
            rendered = self.pick_and_render(&site, &keys, messages, with, jobs)?;
        }
        Ok(Some(ContentReload {
            site,
            bodies_only,
            images_changed,
            rendered,
        }))
    }

    /// Measures the site's images again (headers only; variants come from
    /// the cache) unless only Markdown files changed and every changed item
    /// refers to images as before. Returns whether the images' output can
    /// differ.
    fn measure_again(
        &mut self,
        content: &[PathBuf],
        site: &Site,
        keys: &BTreeSet<ItemKey>,
    ) -> Result<bool, Diagnostics> {
        let markdown_only = content
            .iter()
            .all(|p| p.extension().is_some_and(|e| e == "md"));
        let refs_alike = markdown_only
            && keys
                .iter()
                .all(|(k, s)| match (self.site.get(*k, s), site.get(*k, s)) {
                    (Some(a), Some(b)) => crate::media::refs::same_refs(a, b),
                    _ => false,
                });
        if refs_alike {
            return Ok(false);
        }
        let (images, ids) = crate::media::measure(&self.opts.root, site);
        if ids.has_errors() {
            let mut ds = ids;
            ds.sort();
            return Err(ds);
        }
        let changed = !same_images(&self.images, &images);
        self.images = images;
        Ok(changed)
    }

    /// A change beyond the items' own pages: adds the pages it affects to
    /// `jobs` (of a list, only those whose cards or order changed: deps.rs)
    /// and renders them `with` the templates given, by the builder of
    /// `site` that picked them (`None`: not rendered, the text failed).
    fn pick_and_render(
        &self,
        site: &Site,
        keys: &BTreeSet<ItemKey>,
        messages: &Messages,
        with: RenderWith<'_>,
        jobs: &mut BTreeSet<(String, Route)>,
    ) -> Result<Option<Rendered>, Diagnostics> {
        let (affected, counts_changed) =
            crate::routes::affected_counting(&self.site, site, keys, self.now);
        // Both builders start from the title orders worked out before:
        // the new one moves only the changed items in them.
        let orders = &self.title_orders;
        let (old_b, b) = (
            self.builder_for(&self.site, messages)
                .with_title_orders(orders, &BTreeSet::new()),
            self.builder_for(site, messages)
                .with_title_orders(orders, keys),
        );
        let langs = self.config.language_keys();
        let cards = deps::cards_changed(&old_b, &self.site, &b, site, keys, &langs);
        let order = |lang: &str, first: &Route| {
            old_b
                .list_items(lang, first)
                .map(|items| items.into_iter().map(deps::key_of).collect())
        };
        let before = deps::ListsBefore {
            order: &order,
            card_changed: &|lang, k| cards.get(lang).is_some_and(|c| c.contains(k)),
            whole: &|r| counts_changed && r.has_filters(),
        };
        let routes = b.routes();
        jobs.extend(deps::pages_to_render(
            &b, &routes, &langs, &affected, &before,
        ));
        let templates = match with {
            RenderWith::Skip => None,
            RenderWith::Current => Some(&self.templates),
            RenderWith::New(t) => Some(t),
        };
        let Some(t) = templates else {
            return Ok(None);
        };
        let picked = Some(std::mem::take(jobs));
        self.render_with(&b, t, picked, Some(routes)).map(Some)
    }

    /// Commits what was loaded again, then stores the pages `rendered`
    /// already, or renders `jobs`; on error the previous state comes back.
    fn commit_and_render(
        &mut self,
        text: Option<TextReload>,
        site: Option<Site>,
        rendered: Option<Rendered>,
        jobs: BTreeSet<(String, Route)>,
        structural: bool,
    ) -> Result<(Vec<String>, Vec<Change<Packed>>), Diagnostics> {
        let mut previous = Previous {
            messages: self.messages.clone(),
            site: site.map(|s| std::mem::replace(&mut self.site, s)),
            templates: None,
            warnings: None,
        };
        if let Some(t) = text {
            self.messages = t.messages;
            previous.templates = t
                .templates
                .map(|t| std::mem::replace(&mut self.templates, t));
            previous.warnings = Some(std::mem::replace(&mut self.warnings, t.warnings));
        }
        if let Some(r) = rendered {
            // Rendered before the commit: storing cannot fail.
            return Ok(self.store_rendered(r));
        }
        self.render_jobs(Some(jobs), structural).inspect_err(|_| {
            // Roll back to the last good state.
            self.messages = previous.messages;
            if let Some(s) = previous.site {
                self.site = s;
            }
            if let Some(t) = previous.templates {
                self.templates = t;
            }
            if let Some(w) = previous.warnings {
                self.warnings = w;
            }
        })
    }
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
        && a.media == b.media
        && a.texts.len() == b.texts.len()
        && a.texts
            .iter()
            .zip(b.texts.iter())
            .all(|((la, ta), (lb, tb))| la == lb && front(ta) == front(tb))
}

/// Whether two measurements of the site's images give the same output: the
/// same files with the same contents, first referred to at the same place
/// (where an encoding error is reported).
fn same_images(a: &crate::media::Images, b: &crate::media::Images) -> bool {
    a.sources().count() == b.sources().count()
        && a.sources().zip(b.sources()).all(|(x, y)| {
            x.hash == y.hash
                && x.source == y.source
                && x.used_at.0.path == y.used_at.0.path
                && x.used_at.1 == y.used_at.1
        })
}

/// Items whose files differ between two loads (added, removed or changed).
fn changed_items(old: &Site, new: &Site) -> BTreeSet<ItemKey> {
    // A text is its front matter and its body (held, or shed: its digest).
    let texts = |i: &Item| -> Vec<(String, Arc<String>, u128)> {
        i.texts
            .iter()
            .map(|(l, t)| (l.clone(), t.file.text.clone(), t.body_digest()))
            .collect()
    };
    let same = |a: &Item, b: &Item| {
        a.draft_translations == b.draft_translations
            && texts(a).len() == texts(b).len()
            && texts(a).iter().zip(texts(b).iter()).all(|(x, y)| x == y)
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
