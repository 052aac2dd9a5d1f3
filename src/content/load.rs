//! Walking `content/` and building the [`Site`] model.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::assemble::assemble;
use super::naming::{FileId, identify};
use super::parse::ParsedFile;
pub use super::read::Digests;
use super::read::{ParseFailure, read_and_parse_identified};
use super::shed::Shed;
use super::{Item, ItemKey, Kind, Site};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::layout::{CONTENT_DIR, is_editor_litter};
use crate::site_folder::{self, Folder, Walk};

/// Options that change which content is loaded, and the names the URL
/// scheme keeps for itself.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions<'l> {
    pub drafts: bool,
    /// First path segments below a language that free pages, which sit
    /// there, may not be named (the URL module's `routes::RESERVED_SEGMENTS`,
    /// passed in: content does not depend on the URL scheme).
    pub reserved_pages: &'static [&'static str],
    /// The labels of taxonomy terms, for hints when a label is typed where
    /// a key belongs (from the interface text, passed in).
    pub labels: &'l super::naming::TermLabels,
    /// Where to note each content file's digest ([`crate::digest`]) of
    /// its bytes as read, by path relative to `content/`: the build
    /// manifest records what the build read, without reading it again.
    pub digests: Option<&'l Digests>,
    /// Whether each item keeps only its files' front matter once it is
    /// assembled, its bodies read again when needed ([`super::shed`]): for
    /// a one-off build, and for the preview, whose cache of parse results
    /// then holds the front matter only too (not for `check`, which reads
    /// every body's text).
    pub shed: bool,
    /// Content files unchanged since an earlier build: not read ([`super::known`]).
    pub known: Option<&'l super::known::Known>,
}

/// Every Markdown file under `content/`, relative to it, in sorted order.
/// Links are followed by the rule of [`crate::site_folder`].
fn content_files(root: &Path, ds: &mut Diagnostics) -> Vec<PathBuf> {
    let walk = Walk {
        recursive: true,
        skip: is_editor_litter,
    };
    let files = match site_folder::walk(root, Path::new(CONTENT_DIR), walk, ds) {
        Folder::Files(files) => files,
        Folder::Refused => return Vec::new(),
        Folder::Missing => {
            ds.push(Diagnostic::error("content-folder-missing").at_path(Path::new(CONTENT_DIR)));
            return Vec::new();
        }
    };
    let (markdown, other): (Vec<PathBuf>, Vec<PathBuf>) = files
        .into_iter()
        .partition(|rel| rel.extension().is_some_and(|x| x == "md"));
    for rel in other
        .into_iter()
        .filter(|r| !super::media::is_media_file(r))
    {
        ds.push(
            Diagnostic::warning("content-not-markdown").at_path(&Path::new(CONTENT_DIR).join(&rel)),
        );
    }
    markdown
}

/// Loads, parses and assembles all content. Problems of every file are
/// collected; the site is returned when none of them is an error.
///
/// Without a cache to fill, each item's files are read, parsed and
/// assembled together and their parse results dropped at once, so that
/// only the assembled items are held, never every file's parse result.
pub fn load_site(
    root: &Path,
    config: &SiteConfig,
    opts: LoadOptions<'_>,
) -> (Option<Site>, Diagnostics) {
    let mut ds = Diagnostics::new();
    let files = content_files(root, &mut ds);
    let lang_keys: Vec<String> = config.language_keys();
    // The files of one item, in path order (files whose names say nothing
    // report their errors here, as `finish` does).
    let mut groups: BTreeMap<ItemKey, Vec<(&PathBuf, FileId)>> = BTreeMap::new();
    for rel in &files {
        match identify_file(rel, &lang_keys) {
            Ok(id) => groups
                .entry((id.kind, id.slug.clone()))
                .or_default()
                .push((rel, id)),
            Err((_, errs)) => ds.extend(errs),
        }
    }
    let shed = opts.shed.then(|| Shed::new(root));
    let assembled: Vec<(ItemKey, Assembled, Diagnostics)> = groups
        .into_par_iter()
        .map(|(key, rels)| {
            let results = rels.into_iter().map(|(rel, id)| {
                super::known::recall(opts.known, rel, &id, shed.as_ref())
                    .unwrap_or_else(|| read_and_parse_identified(root, rel, id, opts.digests))
            });
            let mut gds = Diagnostics::new();
            let mut a = assemble_group(root, results, config, opts, &mut gds);
            // Shed as soon as assembled: all bodies are never held at once.
            if let (Some(shed), Assembled::Item(item)) = (&shed, &mut a)
                && let Some(item) = std::sync::Arc::get_mut(item)
            {
                item.shed(shed); // (just made: no other holder)
            }
            (key, a, gds)
        })
        .collect();
    let mut items = BTreeMap::new();
    let mut failed = BTreeSet::new();
    let mut home = None;
    for (key, a, gds) in assembled {
        ds.extend(gds);
        file_assembled(key, a, &mut items, &mut failed, &mut home);
    }
    let (site, ds) = finish_site(config, opts, home, items, failed, ds);
    (site.map(|s| Site { shed, ..s }), ds)
}

/// When a file was last changed, as far as the file system tells.
type Stamp = (Option<std::time::SystemTime>, u64);

/// Parsed content files of an earlier load, reused while a file's size and
/// modification time are unchanged (the preview re-reads only changed files).
#[derive(Default)]
pub struct ContentCache {
    files: BTreeMap<PathBuf, (Stamp, Result<ParsedFile, ParseFailure>)>,
    /// Items whose files changed since the site last loaded without errors
    /// (an incremental reload assembles them again until it succeeds).
    pending: BTreeSet<ItemKey>,
    /// The last full load failed: its problems may be anywhere, so the next
    /// load is a full one too.
    needs_full: bool,
    /// Where shed bodies are read again ([`LoadOptions::shed`]).
    shed: Option<std::sync::Arc<Shed>>,
}

/// The item a cached file belongs to (if its name was valid).
fn item_of(r: &Result<ParsedFile, ParseFailure>) -> Option<(ItemKey, Option<&str>)> {
    let id = match r {
        Ok(p) => &p.id,
        Err((id, _)) => id.as_ref()?,
    };
    Some(((id.kind, id.slug.clone()), id.lang.as_deref()))
}

/// What one item's files give.
enum Assembled {
    Item(std::sync::Arc<Item>),
    /// A draft, left out of this build.
    Draft,
    /// Its source file (or the item as a whole) has errors.
    Broken,
}

/// Assembles one item from its files' parse results, in path order. A
/// source file that failed to parse silences its translations (they would
/// only repeat the problem); their own errors are still reported.
fn assemble_group(
    root: &Path,
    results: impl IntoIterator<Item = Result<ParsedFile, ParseFailure>>,
    config: &SiteConfig,
    opts: LoadOptions<'_>,
    ds: &mut Diagnostics,
) -> Assembled {
    let mut files = Vec::new();
    let mut failed = false;
    for r in results {
        match r {
            Ok(p) => files.push(p),
            Err((id, errs)) => {
                failed |= id
                    .as_ref()
                    .and_then(|id| id.lang.as_deref())
                    .is_none_or(|l| l == config.default_language);
                ds.extend(errs);
            }
        }
    }
    if failed {
        return Assembled::Broken;
    }
    let files = super::assemble::dedupe(files, config, ds);
    let before = ds.error_count();
    let media = super::media::gather(root, &files, ds);
    match assemble(files, config, ds) {
        None => Assembled::Broken,
        Some(item) if item.draft && !opts.drafts => Assembled::Draft,
        // A missing or unreadable file is the item's error.
        Some(_) if ds.error_count() > before => Assembled::Broken,
        Some(item) => {
            // Found while the bodies are held (a one-off build sheds them next).
            super::placeholders::check(&item, ds);
            Assembled::Item(std::sync::Arc::new(Item { media, ..item }))
        }
    }
}

fn home_missing() -> Diagnostic {
    Diagnostic::error("home-missing").at_path(&Path::new(CONTENT_DIR).join("_index.md"))
}

/// Like [`load_site_cached`] after a change of the content files `changed`
/// (paths relative to the site root), starting from `previous`, the site as
/// last loaded without errors: reads only those files, assembles again only
/// their items and checks the references of the whole site. `None` if the
/// change is not one of plain Markdown files (a folder, a link, another
/// kind of file): then only a full load gives the same result.
pub fn reload_changed(
    root: &Path,
    config: &SiteConfig,
    opts: LoadOptions<'_>,
    cache: &mut ContentCache,
    previous: &Site,
    changed: &[PathBuf],
) -> Option<(Option<Site>, Diagnostics)> {
    let lang_keys = config.language_keys();
    let rels = changed
        .iter()
        .map(|p| plain_markdown(root, p, &lang_keys))
        .collect::<Option<Vec<PathBuf>>>()?;
    if cache.files.is_empty() || cache.needs_full {
        return None;
    }
    let keys = cache.reread(root, &rels, &lang_keys);
    let mut ds = Diagnostics::new();
    let mut site = reassemble(root, cache, previous, &keys, config, opts, &mut ds);
    // With the same items (none added or removed), only the changed ones
    // need their references and links checked.
    let same_items = site.items.len() == previous.items.len()
        && site.broken == previous.broken
        && site.items.keys().eq(previous.items.keys());
    super::validate::validate_items(
        &site,
        same_items.then_some(&keys),
        opts.reserved_pages,
        opts.labels,
        &mut ds,
    );
    if ds.has_errors() {
        cache.pending = keys;
        Some((None, ds))
    } else {
        if opts.shed {
            cache.shed_assembled(root, &mut site);
        }
        Some((Some(site), ds))
    }
}

/// `changed` (relative to the site root) relative to `content/`, if it is
/// a plain Markdown file with a valid name there, or was one and is gone.
fn plain_markdown(root: &Path, changed: &Path, lang_keys: &[String]) -> Option<PathBuf> {
    let rel = changed.strip_prefix(CONTENT_DIR).ok()?;
    let name = rel.file_name()?.to_string_lossy();
    // A file reached through a link (or a link itself) is a matter for the
    // rule of `site_folder`, which a full load applies.
    let plain = site_folder::without_links(root, changed)
        && match std::fs::symlink_metadata(root.join(changed)) {
            Ok(m) => m.is_file(),
            Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        };
    if !plain
        || is_editor_litter(&name)
        || rel.extension().is_none_or(|x| x != "md")
        || rel
            .parent()
            .into_iter()
            .flat_map(|d| d.components())
            .any(|c| is_editor_litter(&c.as_os_str().to_string_lossy()))
    {
        return None;
    }
    identify(rel, lang_keys).ok()?;
    Some(rel.to_path_buf())
}

impl ContentCache {
    /// Sheds the items of `site` assembled now (the others are already):
    /// each keeps its files' front matter only, and so do the cached parse
    /// results of those files, which share it ([`super::shed`]).
    fn shed_assembled(&mut self, root: &Path, site: &mut Site) {
        let shed = self.shed.get_or_insert_with(|| Shed::new(root));
        site.shed_new(shed, |t| {
            let rel = t
                .file
                .path
                .strip_prefix(CONTENT_DIR)
                .unwrap_or(&t.file.path);
            if let Some((_, Ok(p))) = self.files.get_mut(rel) {
                (p.file, p.on_disk) = (t.file.clone(), t.on_disk.clone());
            }
        });
    }

    /// Reads and parses the files `rels` again (forgets those that are
    /// gone); returns the items they belong to, with the ones still pending.
    fn reread(&mut self, root: &Path, rels: &[PathBuf], lang_keys: &[String]) -> BTreeSet<ItemKey> {
        let mut keys = std::mem::take(&mut self.pending);
        for rel in rels {
            let full = root.join(CONTENT_DIR).join(rel);
            match std::fs::metadata(&full) {
                Ok(meta) => {
                    let stamp = (meta.modified().ok(), meta.len());
                    let parsed = read_and_parse(root, rel, lang_keys);
                    keys.extend(item_of(&parsed).map(|(k, _)| k));
                    self.files.insert(rel.clone(), (stamp, parsed));
                }
                Err(_) => {
                    if let Some((_, r)) = self.files.remove(rel) {
                        keys.extend(item_of(&r).map(|(k, _)| k));
                    }
                }
            }
        }
        keys
    }
}

/// `previous` with the items `keys` assembled again from the cached files.
fn reassemble(
    root: &Path,
    cache: &ContentCache,
    previous: &Site,
    keys: &BTreeSet<ItemKey>,
    config: &SiteConfig,
    opts: LoadOptions<'_>,
    ds: &mut Diagnostics,
) -> Site {
    // The files of the changed items, in path order (as a full load has them).
    let mut groups: BTreeMap<ItemKey, Vec<&Result<ParsedFile, ParseFailure>>> = BTreeMap::new();
    for (_, r) in cache.files.values() {
        if let Some((k, _)) = item_of(r)
            && keys.contains(&k)
        {
            groups.entry(k).or_default().push(r);
        }
    }
    let mut site = previous.clone();
    for k in keys {
        site.items.remove(k);
        site.broken.remove(k);
    }
    let home = assemble_groups(
        root,
        groups,
        config,
        opts,
        &mut site.items,
        &mut site.broken,
        ds,
    );
    if keys.iter().any(|k| k.0 == Kind::Home) {
        match home {
            Some(h) => site.home = h,
            None if !ds.has_errors() => ds.push(home_missing()),
            None => {}
        }
    }
    site
}

/// Assembles each item's files (see [`assemble_group`]) into `items`, or
/// its key into `broken`; returns the home page if it was among them.
fn assemble_groups<'r, G>(
    root: &Path,
    groups: impl IntoIterator<Item = (ItemKey, G)>,
    config: &SiteConfig,
    opts: LoadOptions<'_>,
    items: &mut BTreeMap<ItemKey, std::sync::Arc<Item>>,
    broken: &mut BTreeSet<ItemKey>,
    ds: &mut Diagnostics,
) -> Option<std::sync::Arc<Item>>
where
    G: IntoIterator<Item = &'r Result<ParsedFile, ParseFailure>>,
{
    let mut home = None;
    for (key, results) in groups {
        // Cloned one item at a time: the cache keeps its own.
        let a = assemble_group(root, results.into_iter().cloned(), config, opts, ds);
        file_assembled(key, a, items, broken, &mut home);
    }
    home
}

/// Puts what an item's files gave into `items`, `broken` or `home`.
fn file_assembled(
    key: ItemKey,
    a: Assembled,
    items: &mut BTreeMap<ItemKey, std::sync::Arc<Item>>,
    broken: &mut BTreeSet<ItemKey>,
    home: &mut Option<std::sync::Arc<Item>>,
) {
    match a {
        Assembled::Broken => {
            broken.insert(key);
        }
        Assembled::Draft => {}
        Assembled::Item(item) if key.0 == Kind::Home => *home = Some(item),
        Assembled::Item(item) => {
            items.insert(key, item);
        }
    }
}

/// Like [`load_site`], reading only files that changed since `cache` saw them.
pub fn load_site_cached(
    root: &Path,
    config: &SiteConfig,
    opts: LoadOptions<'_>,
    cache: &mut ContentCache,
) -> (Option<Site>, Diagnostics) {
    let mut ds = Diagnostics::new();
    let files = content_files(root, &mut ds);
    let lang_keys: Vec<String> = config.language_keys();

    // Read and parse in parallel; results keep the sorted file order.
    let results: Vec<(Stamp, Result<ParsedFile, ParseFailure>)> = files
        .par_iter()
        .map(|rel| {
            let meta = std::fs::metadata(root.join(CONTENT_DIR).join(rel)).ok();
            let stamp = (
                meta.as_ref().and_then(|m| m.modified().ok()),
                meta.map_or(0, |m| m.len()),
            );
            if let Some((s, r)) = cache.files.get(rel)
                && *s == stamp
                && stamp.0.is_some()
            {
                return (stamp, r.clone());
            }
            (stamp, read_and_parse(root, rel, &lang_keys))
        })
        .collect();
    // The cache keeps the parse results; assembly borrows them.
    cache.files = files.into_iter().zip(results).collect();
    let results = cache.files.values().map(|(_, r)| r);
    let (mut site, ds) = finish(root, results, config, opts, ds);
    if let (Some(site), true) = (&mut site, opts.shed) {
        cache.shed_assembled(root, site);
    }
    cache.pending.clear();
    cache.needs_full = site.is_none();
    (site, ds)
}

fn read_and_parse(
    root: &Path,
    rel: &Path,
    lang_keys: &[String],
) -> Result<ParsedFile, ParseFailure> {
    read_and_parse_identified(root, rel, identify_file(rel, lang_keys)?, None)
}

/// The identity of the content file `rel` (relative to `content/`) by its name.
fn identify_file(rel: &Path, lang_keys: &[String]) -> Result<FileId, ParseFailure> {
    identify(rel, lang_keys).map_err(|msg| {
        let shown = Path::new(CONTENT_DIR).join(rel);
        (None, vec![Diagnostic::error_with(msg).at_path(&shown)])
    })
}

/// Groups parsed files into items, assembles and validates them.
fn finish<'r>(
    root: &Path,
    results: impl Iterator<Item = &'r Result<ParsedFile, ParseFailure>>,
    config: &SiteConfig,
    opts: LoadOptions<'_>,
    mut ds: Diagnostics,
) -> (Option<Site>, Diagnostics) {
    // Group the files of one item (files whose names say nothing report
    // their errors here).
    let mut groups: BTreeMap<ItemKey, Vec<&Result<ParsedFile, ParseFailure>>> = BTreeMap::new();
    for r in results {
        match item_of(r) {
            Some((key, _)) => groups.entry(key).or_default().push(r),
            None => {
                if let Err((_, errs)) = r {
                    ds.extend(errs.iter().cloned());
                }
            }
        }
    }
    let mut items = BTreeMap::new();
    let mut failed = BTreeSet::new();
    let home = assemble_groups(root, groups, config, opts, &mut items, &mut failed, &mut ds);
    finish_site(config, opts, home, items, failed, ds)
}

/// The site of the assembled items, validated (`None` if anything is an error).
fn finish_site(
    config: &SiteConfig,
    opts: LoadOptions<'_>,
    home: Option<std::sync::Arc<Item>>,
    items: BTreeMap<ItemKey, std::sync::Arc<Item>>,
    failed: BTreeSet<ItemKey>,
    mut ds: Diagnostics,
) -> (Option<Site>, Diagnostics) {
    let Some(home) = home else {
        if !ds.has_errors() {
            ds.push(home_missing());
        }
        return (None, ds);
    };
    let site = Site {
        config: config.clone(),
        home,
        items,
        broken: failed,
        shed: None,
    };
    super::validate::validate(&site, opts.reserved_pages, opts.labels, &mut ds);
    if ds.has_errors() {
        (None, ds)
    } else {
        (Some(site), ds)
    }
}

impl Site {
    /// Items that exist in a section, by slug (for reference checks).
    pub fn slugs(&self, kind: Kind) -> impl Iterator<Item = &str> {
        self.of_kind(kind).map(|i| i.slug.as_str())
    }
}
