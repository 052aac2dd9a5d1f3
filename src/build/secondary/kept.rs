//! The secondary files of `wegweiser build` with the previous output
//! present (rebuild.rs): the parts a change cannot reach are not made
//! again but kept from the output folder, as the manifest recorded them
//! (every file a part made, with its digest, before a later part replaced
//! any). The site part depends on bodies only through the documents an
//! item publishes, and a language's search index, web app manifest and
//! offline list only on the texts its readers see; which parts a change
//! reaches, rebuild.rs decides. The files, their bytes and the service
//! worker's version are those of [`super::produce`]: the parts are laid
//! over each other in the same order (site, images, static folders,
//! reader files), kept ones included.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use super::{PageFacts, Sources, api_labels, each_site_file, language_reader_files, static_files};
use crate::build::manifest::{self, Stamp};
use crate::diagnostics::Diagnostics;
use crate::layout::STATIC_DIR;
use crate::output::{self, OutputFiles};

/// The name of the site part in [`Parts`].
pub(in crate::build) const SITE: &str = "site";

/// The name of a language's reader part (search index, web app manifest,
/// offline list) in [`Parts`].
pub(in crate::build) fn reader_part(lang: &str) -> String {
    format!("reader/{lang}")
}

/// Every file each part made, with its digest
/// ([`output::offline::page_digest`]), by part name.
pub(in crate::build) type Parts = BTreeMap<String, BTreeMap<String, u64>>;

/// The name of a language's JSON API files in [`Parts`].
pub(in crate::build) fn api_part(lang: &str) -> String {
    format!("api/{lang}")
}

/// Which recorded parts to keep instead of making them again.
#[derive(Debug, Default)]
pub(in crate::build) struct Keep {
    pub site: bool,
    /// Languages whose reader part is kept.
    pub readers: BTreeSet<String>,
    /// The items whose API files are made again, in every language, with
    /// the API's list pages that hold them; the API's other files are
    /// kept. `None`: all are made.
    pub api_items: Option<BTreeSet<crate::content::ItemKey>>,
    /// In a change of bodies only: the items whose search documents may
    /// differ (every other one is as in the memo the previous build left).
    pub search_items: Option<BTreeSet<crate::content::ItemKey>>,
    /// The digest of each language's search memo as the previous build
    /// left it (its manifest's record).
    pub memos: BTreeMap<String, u128>,
}

impl Keep {
    /// The items whose search documents in `lang` may differ, and the
    /// digest of the memo whose documents the others are, if known.
    fn search_changed(&self, lang: &str) -> Option<(&BTreeSet<crate::content::ItemKey>, u128)> {
        Some((self.search_items.as_ref()?, *self.memos.get(lang)?))
    }
}

/// The secondary files of a rebuild.
pub(in crate::build) struct Rest {
    /// The files of the output that the output folder lacks or has with
    /// other bytes (the service worker included).
    pub files: OutputFiles,
    /// The files of the output that are the output folder's: of the parts
    /// kept, or made with the same bytes (compared by digest as they are
    /// made, so that only changed files are held).
    pub kept: BTreeSet<String>,
    /// What the next build keeps: every part's files and digests.
    pub parts: Parts,
    /// Why static files or images could not be published, if some could not.
    pub errors: Diagnostics,
    /// Image variants encoded (not taken from the cache).
    pub images_encoded: usize,
    /// The parts kept.
    pub kept_parts: Vec<String>,
}

/// One file of the output: made now with new bytes, or the output folder's.
enum Source {
    Made(output::Bytes),
    Kept,
}

/// Each file of a layer with its digest ([`output::offline::page_digest`])
/// and where its bytes are.
type Layer = BTreeMap<String, (u64, Source)>;

/// The files of the previous output with their stamps (the manifest's).
type Outputs = BTreeMap<String, Stamp>;

/// A file made now, held only if the output folder (`outputs`) lacks it
/// or has other bytes.
fn made(outputs: &Outputs, path: String, bytes: &[u8]) -> (String, (u64, Source)) {
    let digest = output::offline::page_digest(&path, bytes);
    let same = outputs.get(&path).is_some_and(|s| {
        s.size == bytes.len() as u64 && !s.hash.is_empty() && s.hash == manifest::digest(bytes)
    });
    let source = match same {
        true => Source::Kept,
        false => Source::Made(bytes.into()),
    };
    (path, (digest, source))
}

/// A layer of files made now.
fn made_layer(outputs: &Outputs, files: OutputFiles) -> Layer {
    files
        .into_par_iter()
        .map(|(k, b)| made(outputs, k, &b))
        .collect()
}

/// A layer kept as recorded.
fn kept_layer(recorded: &BTreeMap<String, u64>) -> Layer {
    recorded
        .iter()
        .map(|(k, d)| (k.clone(), (*d, Source::Kept)))
        .collect()
}

/// Makes the parts `keep` does not name and takes the others from
/// `recorded`; `None` if a part to keep was not recorded (then every part
/// must be made). `pages` is asked only when the site part is made.
/// `outputs` are the output folder's files.
pub(in crate::build) fn produce_keeping(
    src: &Sources<'_>,
    recorded: &Parts,
    outputs: &Outputs,
    keep: &Keep,
    pages_digest: u64,
    pages: impl FnOnce() -> PageFacts + Send,
) -> Option<Rest> {
    let mut parts = Parts::new();
    let mut kept_parts = Vec::new();
    // The site part is made beside the others (each has parts that run on
    // one thread: the sitemap, the API's root files).
    let (site, others) = rayon::join(
        || match keep.site {
            true => recorded.get(SITE).map(|p| (kept_layer(p), p.clone(), true)),
            false => {
                let layer = site_layer(src, outputs, pages());
                let digests = digests_of(&layer);
                Some((layer, digests, false))
            }
        },
        || {
            let mut parts = Parts::new();
            let images = output::images::produce(src.root, src.images, &OutputFiles::new());
            let mut errors = images.errors;
            let images_layer = made_layer(outputs, images.files);
            let mut statics = static_files(src, &mut errors);
            // An image from static/ is published only as its variants: the
            // original (with its EXIF data) is not copied.
            for m in src.images.sources() {
                if let Ok(rel) = m.source.strip_prefix(STATIC_DIR) {
                    statics.remove(&rel.to_string_lossy().replace('\\', "/"));
                }
            }
            let statics_layer = made_layer(outputs, statics);
            let reader = reader_layer(src, recorded, outputs, keep, &mut parts)?;
            Some((
                [images_layer, statics_layer, reader],
                parts,
                errors,
                images.encoded,
            ))
        },
    );
    let (site, site_digests, site_kept) = site?;
    let (others, reader_parts, errors, images_encoded) = others?;
    parts.insert(SITE.to_string(), site_digests);
    parts.extend(reader_parts);
    if site_kept {
        kept_parts.push(SITE.to_string());
    }
    // The layers in the order of `Secondary::merged`.
    let layers = std::iter::once(site).chain(others);
    kept_parts.extend(keep.readers.iter().map(|l| reader_part(l)));
    if keep.api_items.is_some() {
        kept_parts.extend(src.config.languages.iter().map(|l| api_part(&l.key)));
    }
    // Later layers win. (`append` merges two sorted maps in one pass;
    // `extend` inserted 120,000 paths one by one at 10,000 offers.)
    let mut all = Layer::new();
    for mut layer in layers {
        all.append(&mut layer);
    }
    let version =
        output::offline::build_hash(pages_digest, all.iter().map(|(k, (d, _))| (k.as_str(), *d)));
    let mut rest = Rest {
        files: OutputFiles::new(),
        kept: BTreeSet::new(),
        parts,
        errors,
        images_encoded,
        kept_parts,
    };
    for (k, (_, source)) in all {
        match source {
            Source::Made(b) => {
                rest.files.insert(k, b);
            }
            Source::Kept => {
                rest.kept.insert(k);
            }
        }
    }
    rest.files.insert(
        crate::routes::file_for(crate::routes::SERVICE_WORKER),
        output::offline::service_worker(&version).into(),
    );
    Some(rest)
}

/// The site part made now: the data files (as each language's are made),
/// then the other files, then the sitemap, a later file winning (the order
/// of `site_files`).
fn site_layer(src: &Sources<'_>, outputs: &Outputs, pages: PageFacts) -> Layer {
    use std::sync::{Mutex, PoisonError};
    let data = Mutex::new(Layer::new());
    let mut rest = Layer::new();
    each_site_file(
        src,
        pages,
        |files| {
            let mut layer = made_layer(outputs, files);
            // A panic elsewhere leaves what is collected whole (only added to).
            data.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .append(&mut layer);
        },
        |k, b| {
            let (k, v) = made(outputs, k, b);
            rest.insert(k, v);
        },
    );
    let mut layer = data.into_inner().unwrap_or_else(PoisonError::into_inner);
    layer.append(&mut rest);
    layer
}

/// The digests of a layer's files.
fn digests_of(layer: &Layer) -> BTreeMap<String, u64> {
    layer.iter().map(|(k, (d, _))| (k.clone(), *d)).collect()
}

/// Every language's reader files (made, or kept as `keep` says) and API
/// files, then the API's root files: the reader part of
/// [`super::produce`]. Records the languages' reader parts in `parts`.
/// The API's files are compared as they are made (a language's item
/// files are never held together).
fn reader_layer(
    src: &Sources<'_>,
    recorded: &Parts,
    outputs: &Outputs,
    keep: &Keep,
    parts: &mut Parts,
) -> Option<Layer> {
    use crate::output::api;
    let builder = src.builder();
    let api_ctx = src.api_context();
    let per_lang: Vec<(String, Layer, Layer)> = src
        .config
        .languages
        .par_iter()
        .map(|l| {
            let name = reader_part(&l.key);
            let reader: Layer = match keep.readers.contains(&l.key) {
                true => kept_layer(recorded.get(&name)?),
                false => language_reader_files(src, &builder, l, keep.search_changed(&l.key))
                    .into_iter()
                    .map(|(k, b)| made(outputs, k, &b))
                    .collect(),
            };
            let labels = api_labels(src, &l.key);
            let mut api = Layer::new();
            let mut add = |k, b: &[u8]| {
                let (k, v) = made(outputs, k, b);
                api.insert(k, v);
            };
            match &keep.api_items {
                Some(keys) => {
                    let mut kept = kept_layer(recorded.get(&api_part(&l.key))?);
                    let of = |it: &crate::content::Item| keys.contains(&(it.kind, it.slug.clone()));
                    api::each_language_file_of(&api_ctx, l, &labels, &of, &mut add);
                    kept.append(&mut api);
                    api = kept;
                }
                None => api::each_language_file(&api_ctx, l, &labels, &mut add),
            }
            Some((name, reader, api))
        })
        .collect::<Option<_>>()?;
    let mut layer = Layer::new();
    let mut apis = Vec::new();
    for ((name, mut reader, api), l) in per_lang.into_iter().zip(&src.config.languages) {
        parts.insert(name, digests_of(&reader));
        parts.insert(api_part(&l.key), digests_of(&api));
        layer.append(&mut reader);
        apis.push(api);
    }
    for mut api in apis {
        layer.append(&mut api);
    }
    layer.extend(
        api::root_files(&api_ctx)
            .into_iter()
            .map(|(k, b)| made(outputs, k, &b)),
    );
    Some(layer)
}
