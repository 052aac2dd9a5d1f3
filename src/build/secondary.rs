//! The output files besides the pages: 404.html, data files, sitemap,
//! robots, `_headers`, static files, search indexes, web app manifests,
//! offline lists and the service worker. [`produce`] makes them, for a full
//! build (full.rs) and for an update (pipeline.rs) alike.
//!
//! Why a file this long (some 670 lines): it is the one list of what each
//! secondary part holds, shared by the full build, the preview's update and
//! the rebuild (secondary/kept.rs); its parts' own work is in the modules
//! below it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;

use super::Change;
use crate::config::SiteConfig;
use crate::content::{ItemKey, Site};
use crate::diagnostics::Diagnostics;
use crate::i18n::Messages;
use crate::layout::{STATIC_DIR, THEMES_DIR};
use crate::output::data::FeedLabels;
use crate::output::sitemap::{self, SitemapEntry};
use crate::output::{self, Bytes, OutputFiles, Packed, PackedFiles};
use crate::render::pages::PageBuilder;
use crate::render::views::Alternate;

mod builder;
pub(in crate::build) use builder::BuilderFrom;
mod hold;
mod kept;
mod stream;
use hold::{Fresh, Held, Holder, changes, digests};
pub(super) use kept::{Keep, Parts, Rest, SITE, api_part, produce_keeping, reader_part};
pub(super) use stream::{Searched, produce_into, write_gathered};

/// The output files besides the pages, in parts that change for different
/// reasons, with each file's digest (for the service worker's version, and
/// to tell which files changed without comparing bytes). Held packed if the
/// pipeline packs (`Sources::pack`), the images as they are (they do not
/// compress, and `output::images::produce` takes them as its cache).
#[derive(Clone, Default)]
pub(super) struct Secondary {
    /// 404.html, data files (.ics, .vcf, feeds), sitemap, robots, _headers:
    /// they change with the site's structure, items' front matter and the
    /// interface text, never with a body.
    pub site: PackedFiles,
    /// Search indexes, web app manifests, offline lists: they change with any text.
    pub reader: PackedFiles,
    /// The theme's and the site's static folders.
    pub statics: PackedFiles,
    /// Why files of the static folders could not be read (refused links,
    /// unreadable files), if some could not.
    pub static_errors: Diagnostics,
    /// The images' variants (output/images.rs), with why a source could not
    /// be decoded and how many variants were encoded, not taken from the cache.
    pub images: OutputFiles,
    pub image_errors: Diagnostics,
    pub images_encoded: usize,
    /// Digest of every file above, by path.
    pub digests: BTreeMap<String, u64>,
    /// What the files of a kind are packed with, by kind (e.g. `api/de`):
    /// a few of the first ones made, kept for those made later (so that
    /// files kept from earlier settlings share one).
    pub dictionaries: BTreeMap<String, Bytes>,
    /// The service worker (its version is the hash of everything else).
    pub service_worker: Bytes,
}

impl Secondary {
    /// All files of the parts in one map.
    fn merged(&self) -> PackedFiles {
        let mut all = self.site.clone();
        all.extend(
            self.images
                .iter()
                .map(|(k, v)| (k.clone(), Packed::plain(v.clone()))),
        );
        all.extend(self.statics.iter().map(|(k, v)| (k.clone(), v.clone())));
        all.extend(self.reader.iter().map(|(k, v)| (k.clone(), v.clone())));
        all
    }

    /// The file `key` as [`Secondary::merged`] has it (the one its digest
    /// is of).
    fn winner(&self, key: &str) -> Option<Packed> {
        let packed = |part: &PackedFiles| part.get(key).cloned();
        packed(&self.reader)
            .or_else(|| packed(&self.statics))
            .or_else(|| self.images.get(key).map(|b| Packed::plain(b.clone())))
            .or_else(|| packed(&self.site))
    }

    /// The errors of the static files and the images.
    pub fn errors(&self) -> Diagnostics {
        let mut ds = self.static_errors.clone();
        ds.extend(self.image_errors.iter().cloned());
        ds
    }

    /// Every file, the service worker included, as held.
    pub fn held_files(&self) -> PackedFiles {
        let mut files = self.merged();
        files.insert(
            crate::routes::file_for(crate::routes::SERVICE_WORKER),
            Packed::plain(self.service_worker.clone()),
        );
        files
    }
}

/// Which parts of [`Secondary`] to produce again.
#[derive(Debug, Clone, Copy)]
pub(super) struct SecondaryParts {
    pub site: bool,
    pub reader: bool,
    pub statics: bool,
}

impl SecondaryParts {
    pub const ALL: SecondaryParts = SecondaryParts {
        site: true,
        reader: true,
        statics: true,
    };

    fn all(self) -> bool {
        self.site && self.reader && self.statics
    }
}

/// What the secondary files are made from (borrowed from a pipeline).
pub(super) struct Sources<'a> {
    /// The site folder.
    pub root: &'a Path,
    pub config: &'a SiteConfig,
    pub site: &'a Site,
    pub messages: &'a Messages,
    /// Makes a page builder for the search documents and offline lists
    /// (called only when those are produced), or gives the one the caller
    /// rendered with.
    pub builder: BuilderFrom<'a>,
    /// The build's "now" (for data files of upcoming events).
    pub now: jiff::civil::DateTime,
    /// Whether stylesheets are minified (as the templates are).
    pub minify: bool,
    /// The images to publish.
    pub images: &'a crate::media::Images,
    /// Whether the files are held packed (the preview's).
    pub pack: bool,
    /// Where the languages' search indexes are kept between builds
    /// (`output::search::MemoFile`), if they are.
    pub search_memo: Option<&'a Path>,
    /// Gives memory freed back to the system (the preview's settling:
    /// `ServeOptions::return_freed`), called once the reader files and the
    /// data files are made: the sitemap (30 MB at 10,000 offers, fresh
    /// pages) then comes on top of what is held, not of their leftovers.
    pub return_freed: fn(),
}

impl<'a> Sources<'a> {
    /// What the JSON API's files are made from.
    fn api_context(&self) -> output::api::ApiContext<'a> {
        output::api::ApiContext {
            site: self.site,
            now: self.now,
        }
    }
}

/// What the site part needs to know of the pages.
pub(super) struct PageFacts {
    /// The sitemap entries of the pages that have one (in any order).
    pub entries: Vec<SitemapEntry>,
    /// The default language's 404 page, copied to /404.html.
    pub default_404: Option<Bytes>,
}

/// The sitemap entry of the page at `path`.
pub(super) fn sitemap_entry(
    base_url: &str,
    path: &str,
    alternates: impl Into<std::sync::Arc<[Alternate]>>,
) -> SitemapEntry {
    SitemapEntry {
        loc: crate::routes::under(base_url, path),
        alternates: alternates.into(),
    }
}

/// The file of the default language's 404 page.
pub(super) fn default_404_file(config: &SiteConfig) -> String {
    crate::routes::file_for(&crate::routes::not_found(&config.default_language))
}

/// The digest of all pages from each page's file and digest: the digests in
/// file order.
pub(super) fn pages_digest<S: Ord>(mut digests: Vec<(S, u64)>) -> u64 {
    digests.sort_unstable();
    let digests: Vec<u64> = digests.into_iter().map(|(_, d)| d).collect();
    output::offline::combine(&digests)
}

/// Produces the chosen `parts` again (the others are kept from `old`) and the
/// service worker, whose version covers `pages_digest` and every secondary
/// file. Returns them with the files that changed against `old`. `pages` is
/// asked only when the site part is produced.
pub(super) fn produce(
    src: &Sources<'_>,
    old: &Secondary,
    parts: SecondaryParts,
    pages_digest: u64,
    pages: impl FnOnce() -> PageFacts,
) -> (Secondary, Vec<Change<Packed>>) {
    let mut new = old.clone();
    let holder = Holder {
        old,
        pack: src.pack,
    };
    // The digests of the files made now, by part.
    let mut fresh = Fresh::default();
    if parts.statics {
        let mut errors = Diagnostics::new();
        let held = holder.hold("static", static_files(src, &mut errors));
        (new.statics, new.static_errors) = (held.files, errors);
        fresh.statics = held.digests;
        new.dictionaries.extend(held.dictionaries);
    }
    if parts.reader {
        let held = reader_files(src, &holder);
        new.reader = held.files;
        fresh.reader = held.digests;
        new.dictionaries.extend(held.dictionaries);
    }
    if parts.site {
        let held = site_files(src, pages(), &holder);
        new.site = held.files;
        fresh.site = held.digests;
        new.dictionaries.extend(held.dictionaries);
    }
    // Any content change may add or drop an image (bodies too): variants
    // already made are taken from `old` or the cache, not encoded again.
    let images = output::images::produce(src.root, src.images, &old.images);
    new.images = images.files;
    new.image_errors = images.errors;
    new.images_encoded = images.encoded;
    // An image from static/ is published only as its variants: the
    // original (with its EXIF data) is not copied.
    for m in src.images.sources() {
        if let Ok(rel) = m.source.strip_prefix(STATIC_DIR) {
            let key = rel.to_string_lossy().replace('\\', "/");
            new.statics.remove(&key);
        }
    }
    // Later parts win, as in a build: reader files over static ones over the rest.
    if parts.statics {
        new.statics.retain(|k, _| !new.reader.contains_key(k));
    }
    if parts.site {
        new.site
            .retain(|k, _| !new.statics.contains_key(k) && !new.reader.contains_key(k));
    }
    new.digests = digests(old, &new, &fresh);
    let mut changes = changes(old, &new, parts);
    let version = output::offline::build_hash(
        pages_digest,
        new.digests.iter().map(|(k, d)| (k.as_str(), *d)),
    );
    new.service_worker = output::offline::service_worker(&version).into();
    if new.service_worker != old.service_worker {
        changes.push((
            crate::routes::file_for(crate::routes::SERVICE_WORKER),
            Some(Packed::plain(new.service_worker.clone())),
        ));
    }
    (new, changes)
}

/// 404.html, data files, sitemap, robots and `_headers`, held by `holder`
/// as they are made (the data files a language at a time; the sitemap,
/// 30 MB at 10,000 offers, once its entries are dropped).
fn site_files(src: &Sources<'_>, pages: PageFacts, holder: &Holder<'_>) -> Held {
    use std::sync::{Mutex, PoisonError};
    let holding = Mutex::new(holder.holding("site"));
    // A panic elsewhere leaves what is held whole (only added to).
    let lock = || holding.lock().unwrap_or_else(PoisonError::into_inner);
    each_site_file(
        src,
        pages,
        |files| {
            let mut holding = lock();
            for (k, b) in files {
                holding.add_bytes(k, b);
            }
        },
        |k, b| lock().add(k, b),
    );
    holding
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
        .finish()
}

/// The site part's files in the order a later one wins: each language's
/// data files as they are made (`data`, called from several threads), then
/// the other files and the sitemap (`rest`). The sitemap's entries are
/// dropped before it is handed over (30 MB at 10,000 offers).
fn each_site_file(
    src: &Sources<'_>,
    pages: PageFacts,
    data: impl Fn(OutputFiles) + Sync,
    mut rest: impl FnMut(String, &[u8]),
) {
    let PageFacts {
        mut entries,
        default_404,
    } = pages;
    let Ok(()) = output::data::data_files_each(src.site, src.now, &feed_labels(src), |files| {
        data(files);
        Ok::<(), std::convert::Infallible>(())
    });
    for (k, b) in site_files_but_data(src, default_404) {
        rest(k, &b);
    }
    entries.sort_by(|a, b| a.loc.cmp(&b.loc));
    (src.return_freed)();
    let map = sitemap::sitemap(&entries);
    drop(entries);
    rest(crate::routes::file_for(crate::routes::SITEMAP), &map);
}

/// The feeds' words, per language.
fn feed_labels(src: &Sources<'_>) -> BTreeMap<String, FeedLabels> {
    let config = src.config;
    config
        .languages
        .iter()
        .map(|l| {
            let t = |id: &str| {
                src.messages
                    .format(&l.key, id, None)
                    .unwrap_or_else(|| id.to_string())
            };
            (
                l.key.clone(),
                FeedLabels {
                    site_title: t("site-title"),
                    events: t("nav-events"),
                    terms: crate::config::Taxonomy::ALL
                        .into_iter()
                        .flat_map(|x| config.taxonomies.terms(x).iter().map(move |k| (x, k)))
                        .map(|(x, k)| ((x, k.clone()), t(&format!("{}-{k}", x.key()))))
                        .collect(),
                    changes: t("feed-changes"),
                },
            )
        })
        .collect()
}

/// [`site_files`] without the data files and the sitemap (a full build
/// writes the data files language by language and makes the sitemap from
/// its page records: secondary/stream.rs).
fn site_files_but_data(src: &Sources<'_>, default_404: Option<Bytes>) -> OutputFiles {
    let config = src.config;
    let mut files = OutputFiles::new();
    // Static hosts serve /404.html for unknown paths: use the default language's.
    if let Some(b) = default_404 {
        files.insert(crate::routes::file_for(crate::routes::ROOT_NOT_FOUND), b);
    }
    files.extend(output::media::media_files(src.root, src.site));
    if let Some(dcat) = output::dcat::catalogue(src.site, &dcat_labels(src), src.now.date()) {
        files.insert(crate::routes::file_for(crate::routes::DCAT), dcat.into());
    }
    files.insert(
        crate::routes::file_for(crate::routes::ROBOTS),
        sitemap::robots(&config.base_url).into(),
    );
    files.insert(
        crate::routes::file_for(crate::routes::HEADERS),
        output::headers::headers_file(
            &config.language_keys(),
            config.map.as_ref().map(|m| m.origin.as_str()),
        )
        .into_bytes()
        .into(),
    );
    files
}

/// The words of the DCAT-AP.de catalogue, per language.
fn dcat_labels(src: &Sources<'_>) -> BTreeMap<String, output::dcat::DcatLabels> {
    let t = |lang: &str, id: &str, args: Option<&fluent_bundle::FluentArgs>| {
        src.messages.format(lang, id, args).unwrap_or_default()
    };
    src.config
        .languages
        .iter()
        .map(|l| {
            let datasets = output::api::KINDS
                .into_iter()
                .map(|kind| {
                    let title = t(&l.key, &format!("nav-{}", kind.folder()), None);
                    let mut args = fluent_bundle::FluentArgs::new();
                    args.set("list", title.clone());
                    let description = t(&l.key, "open-data-dataset", Some(&args));
                    (kind, (title, description))
                })
                .collect();
            let labels = output::dcat::DcatLabels {
                site_title: t(&l.key, "site-title", None),
                catalogue: t(&l.key, "open-data-catalogue", None),
                datasets,
            };
            (l.key.clone(), labels)
        })
        .collect()
}

/// The API's words in one language: the taxonomies' names, the terms' labels.
fn api_labels(src: &Sources<'_>, lang: &str) -> output::api::ApiLabels {
    use crate::config::Taxonomy;
    let t = |id: &str| src.messages.format(lang, id, None);
    let mut labels = output::api::ApiLabels::default();
    for tax in Taxonomy::ALL {
        if let Some(name) = t(&format!("nav-{}", tax.key())) {
            labels.taxonomies.insert(tax.key(), name);
        }
        for term in src.config.taxonomies.terms(tax) {
            if let Some(label) = t(&format!("{}-{term}", tax.key())) {
                labels.terms.insert((tax.key(), term.clone()), label);
            }
        }
    }
    labels
}

/// The theme's static folder (under `static/`) and the site's (at the root).
fn static_files(src: &Sources<'_>, ds: &mut Diagnostics) -> OutputFiles {
    let mut files = OutputFiles::new();
    let theme_static = Path::new(THEMES_DIR)
        .join(&src.config.theme)
        .join(STATIC_DIR);
    let root = src.root;
    output::add_static_dir(
        root,
        &theme_static,
        crate::routes::THEME_STATIC,
        &mut files,
        ds,
    );
    let mut site_static = OutputFiles::new();
    output::add_static_dir(root, Path::new(STATIC_DIR), "", &mut site_static, ds);
    output::static_scripts::check(&site_static, Path::new(STATIC_DIR), ds);
    files.extend(site_static);
    let map = src.config.map.is_some();
    if map {
        output::leaflet::theme_files(root, &src.config.theme, &mut files, ds);
    }
    if src.minify {
        output::css::minify_stylesheets(&mut files);
        output::script::minify_scripts(&mut files, crate::routes::THEME_STATIC);
    }
    // Leaflet's script comes minified, with its licence: published as npm
    // has it; its stylesheet (written to be read) is minified like ours.
    if map {
        output::leaflet::leaflet_files(root, &src.config.theme, &mut files, ds);
        if src.minify {
            output::leaflet::minify_stylesheet(&mut files);
        }
    }
    files
}

/// Search indexes, web app manifests, offline lists and the JSON API (its
/// items carry their bodies, so it changes with any text), held by
/// `holder` language by language, the API's files one by one (at 10,000
/// offers a language's API is 100 MB before it is packed).
fn reader_files(src: &Sources<'_>, holder: &Holder<'_>) -> Held {
    use crate::output::api;
    let builder = src.builder();
    let api_ctx = src.api_context();
    let per_lang: Vec<Held> = src
        .config
        .languages
        .par_iter()
        .map(|l| {
            let files = language_reader_files(src, &builder, l, None);
            let files = files.into_iter().map(|(k, v)| (k, v.into()));
            holder.hold(&format!("reader/{}", l.key), files)
        })
        .collect();
    let api_files: Vec<Held> = src
        .config
        .languages
        .par_iter()
        .map(|l| {
            // Each file held (packed) as soon as it is made.
            let mut held = holder.holding(&format!("api/{}", l.key));
            let labels = api_labels(src, &l.key);
            api::each_language_file(&api_ctx, l, &labels, |k, b| held.add(k, b));
            held.finish()
        })
        .collect();
    let mut held = Held::default();
    for h in per_lang.into_iter().chain(api_files) {
        held.extend(h);
    }
    held.extend(holder.hold("api", api::root_files(&api_ctx)));
    (src.return_freed)();
    held
}

/// The memo of language `l`'s search index in the folder `dir`. The index
/// depends on the language's settings (its collation orders the titles)
/// and this binary, besides its documents: its key.
fn memo_file(dir: &Path, l: &crate::config::Language) -> crate::output::search::MemoFile {
    let key = format!("{}\n{:?}", super::manifest::binary_id(), l);
    crate::output::search::MemoFile::new(dir.join(format!("{}.search", l.key)), &key)
}

/// The digest of the search memo in the folder `dir` of each of
/// `languages`, whose index the build made (its manifest records them;
/// `search::Documents`).
pub(super) fn memo_digests<'l>(
    dir: &Path,
    languages: impl Iterator<Item = &'l crate::config::Language>,
) -> BTreeMap<String, u128> {
    languages
        .filter_map(|l| Some((l.key.clone(), memo_file(dir, l).digest()?)))
        .collect()
}

/// The search index, web app manifest and offline list of one language.
/// `changed`: in a change of bodies only, the items whose search documents
/// may differ, and the digest of the memo the previous build left
/// (`search::Documents`).
fn language_reader_files(
    src: &Sources<'_>,
    builder: &PageBuilder<'_>,
    l: &crate::config::Language,
    changed: Option<(&BTreeSet<ItemKey>, u128)>,
) -> Vec<(String, Vec<u8>)> {
    use crate::output::search;
    let memo = src.search_memo.map(|dir| memo_file(dir, l));
    let order = builder.title_order(&l.key);
    let index = match &memo {
        Some(memo) => search::index_files_updating(
            &l.key,
            search::Documents {
                all: Box::new(|| builder.search_docs_made(&l.key, None)),
                changed: changed.map(|(keys, digest)| {
                    let some: search::MakeDocuments =
                        Box::new(move || builder.search_docs_made(&l.key, Some(keys)));
                    (digest, some)
                }),
            },
            &order,
            src.config.search_shard_size,
            memo,
        ),
        None => search::index_files(
            &l.key,
            builder.search_docs(&l.key),
            &order,
            src.config.search_shard_size,
        ),
    };
    let paths: Vec<String> = index.iter().map(|(path, _)| path.clone()).collect();
    let mut files: Vec<(String, Vec<u8>)> = index
        .into_iter()
        .map(|(path, bytes)| (crate::routes::file_for(&path), bytes))
        .collect();
    files.extend(offline_files(src, builder, l, &paths));
    files
}

/// The files of the search index of `l` gathered while its pages were
/// rendered (`PageBuilder::capturing_search`), by address, its memo kept
/// for the next build where the build keeps memos (`memo`: their folder).
pub(super) fn collected_search_files(
    config: &SiteConfig,
    memo: Option<&Path>,
    l: &crate::config::Language,
    collected: &crate::output::search::Collected,
) -> Vec<(String, Vec<u8>)> {
    let memo = memo.map(|dir| memo_file(dir, l));
    crate::output::search::index_files_collected(
        &l.key,
        collected,
        config.search_shard_size,
        memo.as_ref(),
    )
}

/// The web app manifest and offline list of one language, whose search
/// index has the files at `index` (addresses): offline, search needs them all.
fn offline_files(
    src: &Sources<'_>,
    builder: &PageBuilder<'_>,
    l: &crate::config::Language,
    index: &[String],
) -> [(String, Vec<u8>); 2] {
    use crate::output::offline;
    let base_path = output::base_path::base_path(&src.config.base_url);
    let title = src
        .messages
        .format(&l.key, "site-title", None)
        .unwrap_or_default();
    let mut keep = builder.offline_urls(&l.key);
    // (The manifest is in both; the worker refuses a list naming a URL twice.)
    let listed: std::collections::BTreeSet<String> = keep.iter().cloned().collect();
    keep.extend(index.iter().filter(|path| !listed.contains(*path)).cloned());
    [
        (
            crate::routes::file_for(&crate::routes::manifest(&l.key)),
            offline::manifest(&l.key, &l.tag_str(), l.dir.as_str(), &title, &base_path),
        ),
        (
            crate::routes::file_for(&crate::routes::offline_list(&l.key)),
            offline::offline_list(
                &keep
                    .iter()
                    .map(|u| output::base_path::prefixed(&base_path, u))
                    .collect::<Vec<_>>(),
            ),
        ),
    ]
}

/// Which secondary files lag behind the pages after an update: an update
/// produces only what the reloaded pages need and leaves the rest to
/// `Pipeline::settle` (settle.rs).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Stale {
    /// Search indexes, offline lists, the JSON API (any text changed).
    pub reader: bool,
    /// Data files, sitemap, /404.html (the site's structure or an item's
    /// front matter changed).
    pub site: bool,
    /// The service worker (its version covers every page).
    pub worker: bool,
}

impl Stale {
    /// Whether anything lags.
    pub fn any(self) -> bool {
        self.reader || self.site || self.worker
    }

    /// The parts a settling produces again.
    pub fn parts(self) -> SecondaryParts {
        SecondaryParts {
            site: self.site,
            reader: self.reader,
            statics: false,
        }
    }

    /// `parts` (and the service worker, always) were produced again.
    pub fn produced(&mut self, parts: SecondaryParts) {
        self.reader &= !parts.reader;
        self.site &= !parts.site;
        self.worker = false;
    }
}
