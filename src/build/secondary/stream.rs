//! A full build's secondary files written part by part (the site part, the
//! images, the static folders, then each language's reader files): each
//! part is dropped once written, so the end of a build holds one part (two
//! languages' at most) instead of all of them. The files, their bytes and
//! the service worker's version are those of [`super::produce`].

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;

use super::kept::{Parts, SITE, api_part, reader_part};
use super::{
    Sources, api_labels, collected_search_files, feed_labels, language_reader_files, offline_files,
    site_files_but_data, static_files,
};
use crate::build::manifest::PageRecord;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::layout::STATIC_DIR;
use crate::output::{self, OutputFiles, Staging};

/// What [`produce_into`] wrote.
pub(in crate::build) struct WrittenRest {
    /// Files written (a file a later part replaced counted once).
    pub files: usize,
    /// Of them, HTML pages.
    pub pages: usize,
    /// Their size in bytes.
    pub bytes: usize,
    /// Why static files or images could not be published, if some could not.
    pub errors: Diagnostics,
    /// Image variants encoded (not taken from the cache).
    pub images_encoded: usize,
    /// What the next build may keep: the site part's files and each
    /// language's reader files, with their digests.
    pub parts: Parts,
}

/// Digest and size of each file written, by path.
type Written = BTreeMap<String, (u64, usize)>;

/// Path, digest and size of each file of one [`write`].
type Entries = Vec<(String, u64, usize)>;

/// A language's search index written while its pages were (see
/// `PageBuilder::capturing_search`): its files' addresses (the offline
/// list names them) and what [`write`] returned.
pub(in crate::build) struct SearchWritten {
    paths: Vec<String>,
    entries: Entries,
}

/// A language's search index gathered with its pages (see
/// `PageBuilder::capturing_search`).
pub(in crate::build) enum Searched {
    /// Its files, written while the next language's pages were rendered.
    Written(SearchWritten),
    /// Its documents (the last language's): its files are made beside
    /// the API files, not alone after the last page.
    Gathered(crate::output::search::Collector),
}

/// Writes the search index of `l` from the documents gathered with its
/// pages (`collector`), its titles in `order`, its memo kept in the folder
/// `memo` if given; `None` if a document is missing (the caller then makes
/// the index from every document).
pub(in crate::build) fn write_gathered(
    staging: &Staging,
    config: &crate::config::SiteConfig,
    memo: Option<&std::path::Path>,
    l: &crate::config::Language,
    collector: crate::output::search::Collector,
    order: crate::output::search::TitleOrder<'_>,
) -> Result<Option<SearchWritten>, Diagnostic> {
    let Ok(collected) = collector.finish(order) else {
        return Ok(None);
    };
    let index = collected_search_files(config, memo, l, &collected);
    drop(collected);
    let paths = index.iter().map(|(path, _)| path.clone()).collect();
    let files: Vec<(String, Vec<u8>)> = index
        .into_iter()
        .map(|(path, bytes)| (crate::routes::file_for(&path), bytes))
        .collect();
    Ok(Some(SearchWritten {
        paths,
        entries: write(staging, &files)?,
    }))
}

/// Writes `files` (their folders first) and returns each one's path,
/// digest and size.
fn write<B: AsRef<[u8]> + Sync>(
    staging: &Staging,
    files: &[(String, B)],
) -> Result<Entries, Diagnostic> {
    write_linking(staging, files, &BTreeMap::new())
}

/// [`write`], but a file that `links` names a cache file for becomes a hard
/// link to it (the image cache's variants: never changed in place).
fn write_linking<B: AsRef<[u8]> + Sync>(
    staging: &Staging,
    files: &[(String, B)],
    links: &BTreeMap<String, PathBuf>,
) -> Result<Entries, Diagnostic> {
    staging.create_dirs_for(files.iter().map(|(k, _)| k.as_str()))?;
    files
        .par_iter()
        .map(|(k, b)| {
            let b = b.as_ref();
            match links.get(k) {
                Some(from) => staging.link(k, from, b)?,
                None => staging.write(k, b)?,
            }
            Ok((k.clone(), output::offline::page_digest(k, b), b.len()))
        })
        .collect()
}

/// Records what [`write`] wrote: a later file at the same path replaces
/// the earlier one (as a later part wins in [`super::Secondary::merged`]).
/// With `part`, the files are noted as that part's too.
fn record(written: &mut Written, files: Entries, part: Option<&mut BTreeMap<String, u64>>) {
    if let Some(part) = part {
        part.extend(files.iter().map(|(k, digest, _)| (k.clone(), *digest)));
    }
    for (k, digest, size) in files {
        written.insert(k, (digest, size));
    }
}

/// Produces and writes every secondary file of a full build into `staging`
/// (see the module's comment), then the service worker, whose version
/// covers `pages_digest` and every file written here. `pages` are the
/// records of the pages written (the sitemap is made from their
/// alternates), `default_404` the default language's 404 page. Why a
/// function this long: it is the one order in which the parts are written
/// and recorded (the order of `Secondary::merged`), each step a call.
pub(in crate::build) fn produce_into(
    src: &Sources<'_>,
    staging: &Staging,
    pages: &BTreeMap<String, PageRecord>,
    default_404: Option<output::Bytes>,
    mut searched: BTreeMap<String, Searched>,
    progress: &dyn crate::build::Progress,
) -> Result<WrittenRest, Diagnostics> {
    let pages_digest =
        super::pages_digest(pages.iter().map(|(f, r)| (f.as_str(), r.digest)).collect());
    let mut written = Written::new();
    let mut errors = Diagnostics::new();
    let mut statics = static_files(src, &mut errors);
    // An image from static/ is published only as its variants: the
    // original (with its EXIF data) is not copied.
    for m in src.images.sources() {
        if let Ok(rel) = m.source.strip_prefix(STATIC_DIR) {
            statics.remove(&rel.to_string_lossy().replace('\\', "/"));
        }
    }
    // The order of `Secondary::merged`: site, images, statics, reader.
    // The order of `site_files`: data files, then the others (a later
    // file wins), then the sitemap.
    let data = std::sync::Mutex::new(Vec::new());
    output::data::data_files_each(src.site, src.now, &feed_labels(src), |files| {
        let files: Vec<_> = files.into_iter().collect();
        let entries = write(staging, &files)?;
        data.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(entries);
        Ok::<(), Diagnostic>(())
    })?;
    let data = data
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut parts = Parts::new();
    let mut site_part = BTreeMap::new();
    for entries in data {
        record(&mut written, entries, Some(&mut site_part));
    }
    let site: Vec<_> = site_files_but_data(src, default_404).into_iter().collect();
    record(&mut written, write(staging, &site)?, Some(&mut site_part));
    drop(site);
    progress.phase_done();
    let sitemap = [(
        crate::routes::file_for(crate::routes::SITEMAP),
        sitemap(src, pages),
    )];
    record(
        &mut written,
        write(staging, &sitemap)?,
        Some(&mut site_part),
    );
    drop(sitemap);
    parts.insert(SITE.to_string(), site_part);
    progress.phase_done();
    let images = output::images::produce(src.root, src.images, &OutputFiles::new());
    errors.extend(images.errors);
    let images_encoded = images.encoded;
    let variants: Vec<_> = images.files.into_iter().collect();
    record(
        &mut written,
        write_linking(staging, &variants, &images.cached)?,
        None,
    );
    drop(variants);
    let statics: Vec<_> = statics.into_iter().collect();
    record(&mut written, write(staging, &statics)?, None);
    drop(statics);
    reader_into(src, staging, &mut written, &mut parts, &mut searched)?;
    let version = output::offline::build_hash(
        pages_digest,
        written.iter().map(|(k, (d, _))| (k.as_str(), *d)),
    );
    let worker = [(
        crate::routes::file_for(crate::routes::SERVICE_WORKER),
        output::offline::service_worker(&version),
    )];
    record(&mut written, write(staging, &worker)?, None);
    Ok(WrittenRest {
        files: written.len(),
        pages: written.keys().filter(|k| k.ends_with(".html")).count(),
        bytes: written.values().map(|(_, size)| size).sum(),
        errors,
        images_encoded,
        parts,
    })
}

/// The sitemap of the pages that have an entry, by their records (sorted
/// by address, as [`super::site_files`] sorts its entries: every address is
/// the base URL and the page's path).
fn sitemap(src: &Sources<'_>, pages: &BTreeMap<String, PageRecord>) -> Vec<u8> {
    let mut entries: Vec<(&str, &[crate::render::views::Alternate])> = pages
        .values()
        .filter_map(|r| Some((r.path.as_str(), r.sitemap.as_deref()?)))
        .collect();
    entries.sort_unstable_by_key(|(path, _)| *path);
    output::sitemap::sitemap_under(&src.config.base_url, &entries)
}

/// Each language's search index (unless `searched` has it, written with
/// the pages), manifest, offline list and API files, written as soon as
/// they are made (languages in parallel), then the API's root files. Each
/// language's reader files are noted in `parts`.
fn reader_into(
    src: &Sources<'_>,
    staging: &Staging,
    written: &mut Written,
    parts: &mut Parts,
    searched: &mut BTreeMap<String, Searched>,
) -> Result<(), Diagnostic> {
    use crate::output::api;
    let builder = src.builder();
    let api_ctx = src.api_context();
    let languages: Vec<_> = src
        .config
        .languages
        .iter()
        .map(|l| (l, searched.remove(&l.key)))
        .collect();
    let per_lang: Vec<(String, Entries, Entries)> = languages
        .into_par_iter()
        .map(|(l, searched)| {
            // The index and the API files side by side: eight tasks share
            // the cores more evenly than four (with four, the last
            // language's two halves ran alone on one core, 0.3 s of a
            // 10,000-offer build).
            let reader = || {
                let all = || write(staging, &language_reader_files(src, &builder, l, None));
                let written = match searched {
                    Some(Searched::Written(written)) => Some(written),
                    Some(Searched::Gathered(c)) => {
                        let order = builder.title_order(&l.key);
                        write_gathered(staging, src.config, src.search_memo, l, c, &order)?
                    }
                    None => None,
                };
                let Some(SearchWritten { paths, mut entries }) = written else {
                    return all();
                };
                entries.extend(write(staging, &offline_files(src, &builder, l, &paths))?);
                Ok(entries)
            };
            let (reader, api) = rayon::join(reader, || api_into(&api_ctx, src, l, staging));
            Ok((l.key.clone(), reader?, api?))
        })
        .collect::<Result<_, Diagnostic>>()?;
    // Recorded in the order of `reader_files`: every language's index, then
    // every language's API files.
    let mut apis = Vec::new();
    for (lang, reader, api) in per_lang {
        let mut part = BTreeMap::new();
        record(written, reader, Some(&mut part));
        parts.insert(reader_part(&lang), part);
        apis.push((lang, api));
    }
    for (lang, files) in apis {
        let mut part = BTreeMap::new();
        record(written, files, Some(&mut part));
        parts.insert(api_part(&lang), part);
    }
    let root: Vec<_> = api::root_files(&api_ctx).into_iter().collect();
    record(written, write(staging, &root)?, None);
    Ok(())
}

/// One language's API files, each written as soon as it is made (the item
/// files of a language are never held together).
fn api_into(
    ctx: &crate::output::api::ApiContext<'_>,
    src: &Sources<'_>,
    l: &crate::config::Language,
    staging: &Staging,
) -> Result<Entries, Diagnostic> {
    let mut entries = Entries::new();
    let mut folders = std::collections::BTreeSet::new();
    let mut failed = None;
    let labels = api_labels(src, &l.key);
    output::api::each_language_file(ctx, l, &labels, |k, b| {
        if failed.is_some() {
            return;
        }
        let folder = k.rsplit_once('/').map_or("", |(f, _)| f);
        let made = if folders.contains(folder) {
            Ok(())
        } else {
            folders.insert(folder.to_string());
            staging.create_dirs_for([k.as_str()])
        };
        match made.and_then(|()| staging.write(&k, b)) {
            Ok(()) => {
                let digest = output::offline::page_digest(&k, b);
                entries.push((k, digest, b.len()));
            }
            Err(d) => failed = Some(d),
        }
    });
    failed.map_or(Ok(entries), Err)
}
