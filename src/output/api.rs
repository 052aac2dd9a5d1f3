//! The read-only JSON API below `/api/v1/` (docs/api.md): per language an
//! index, the lists of offers, events, contacts and locations in pages of
//! [`PAGE_SIZE`] full items, one file per item, and the taxonomies with
//! their labels; beside them the API's root and a JSON Schema (draft
//! 2020-12) for every kind of file. Every file names its schema's published
//! address in `$schema`. Paths come from `routes::api_*`.
//!
//! Lists are split into pages rather than written whole, and their items
//! leave out the body (the item's own file has it): at 10,000 offers with
//! long bodies, pages of 100 full items reached 1 MB; without bodies a page
//! stays far below, and a consumer still fetches a language's offers in 100
//! requests, and the bodies of those whose `updated` changed.

pub mod item;

use std::collections::BTreeMap;

use jiff::civil::DateTime;
use rayon::prelude::*;
use serde::Serialize;

use self::item::ItemContext;
use super::{Bytes, OutputFiles};
use crate::config::{Dir, Language, Taxonomy};
use crate::content::{Item, Kind, Site};
use crate::routes;

/// Items per list page.
pub const PAGE_SIZE: usize = 100;

/// The kinds with a list in the API, in the index's order.
pub const KINDS: [Kind; 4] = [Kind::Offer, Kind::Event, Kind::Contact, Kind::Location];

/// The schemas, by the name of the file kind they describe.
pub const SCHEMAS: [(&str, &str); 5] = [
    ("root", include_str!("api/schema/root.json")),
    ("index", include_str!("api/schema/index.json")),
    ("list", include_str!("api/schema/list.json")),
    ("item", include_str!("api/schema/item.json")),
    ("taxonomies", include_str!("api/schema/taxonomies.json")),
];

/// Interface text the API needs in one language: each taxonomy's name and
/// each term's label, by taxonomy key.
#[derive(Debug, Clone, Default)]
pub struct ApiLabels {
    pub taxonomies: BTreeMap<&'static str, String>,
    pub terms: BTreeMap<(&'static str, String), String>,
}

/// What every API file is made from.
pub struct ApiContext<'a> {
    pub site: &'a Site,
    /// The build's "now": events' occurrences are listed from it on.
    pub now: DateTime,
}

impl ApiContext<'_> {
    fn abs(&self, path: &str) -> String {
        routes::under(&self.site.config.base_url, path)
    }

    fn schema(&self, name: &str) -> String {
        self.abs(&routes::api_schema(name))
    }
}

fn file(path: &str) -> String {
    routes::file_for(path)
}

fn json<T: Serialize>(value: &T) -> Bytes {
    // Serialising these views cannot fail: string keys, no non-finite floats
    // reach them (geo is range-checked on load), no custom serialisers.
    serde_json::to_vec(value).unwrap_or_default().into()
}

/// The newest `updated` date of `items` (ISO dates sort as text).
fn newest<'a>(items: impl Iterator<Item = &'a Item>) -> Option<String> {
    items.filter_map(|i| i.updated).max().map(|d| d.to_string())
}

#[derive(Serialize)]
struct RootLanguage<'a> {
    key: &'a str,
    tag: String,
    name: &'a str,
    dir: Dir,
    default: bool,
    index: String,
}

#[derive(Serialize)]
struct RootView<'a> {
    #[serde(rename = "$schema")]
    schema: String,
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<String>,
    languages: Vec<RootLanguage<'a>>,
    schemas: BTreeMap<&'static str, String>,
    /// The DCAT-AP.de catalogue, where the site publishes one.
    #[serde(skip_serializing_if = "Option::is_none")]
    catalogue: Option<String>,
}

/// The API's root (`/api/v1/index.json`) and its schemas.
pub fn root_files(ctx: &ApiContext) -> OutputFiles {
    let cfg = &ctx.site.config;
    let root = RootView {
        schema: ctx.schema("root"),
        version: 1,
        updated: newest(ctx.site.items.values().map(|i| &**i)),
        languages: cfg
            .languages
            .iter()
            .map(|l| RootLanguage {
                key: &l.key,
                tag: l.tag_str(),
                name: &l.name,
                dir: l.dir,
                default: l.key == cfg.default_language,
                index: ctx.abs(&routes::api_index(&l.key)),
            })
            .collect(),
        schemas: SCHEMAS.iter().map(|(n, _)| (*n, ctx.schema(n))).collect(),
        catalogue: cfg.open_data.as_ref().map(|_| ctx.abs(routes::DCAT)),
    };
    let mut files = OutputFiles::new();
    files.insert(file(&routes::api_root()), json(&root));
    for (name, text) in SCHEMAS {
        files.insert(
            file(&routes::api_schema(name)),
            with_id(text, &ctx.schema(name)).into_bytes().into(),
        );
    }
    files
}

/// A schema's text with its published address as `$id` (so that its
/// relative `$ref`s, `item.json#/$defs/item`, resolve to the published
/// schemas). The schema files open with `{`, which a test checks.
pub fn with_id(schema: &str, id: &str) -> String {
    let rest = schema.trim_start().strip_prefix('{').unwrap_or(schema);
    let id = serde_json::Value::String(id.to_string());
    format!("{{\n  \"$id\": {id},{rest}")
}

#[derive(Serialize)]
struct ListSummary {
    kind: Kind,
    total: usize,
    pages: usize,
    first: String,
}

#[derive(Serialize)]
struct IndexView<'a> {
    #[serde(rename = "$schema")]
    schema: String,
    language: &'a str,
    tag: String,
    name: &'a str,
    dir: Dir,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<String>,
    html: String,
    taxonomies: String,
    lists: BTreeMap<&'static str, ListSummary>,
}

#[derive(Serialize)]
struct ListView<'a> {
    #[serde(rename = "$schema")]
    schema: String,
    language: &'a str,
    kind: Kind,
    page: usize,
    pages: usize,
    total: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    prev: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
    // `items` is the last member, written from the entries serialised
    // with the item files (`list_page`).
}

/// Every API file of one language: index, list pages, items, taxonomies.
pub fn language_files(ctx: &ApiContext, lang: &Language, labels: &ApiLabels) -> OutputFiles {
    let mut files = OutputFiles::new();
    each_language_file(ctx, lang, labels, |path, bytes| {
        files.insert(path, bytes.into());
    });
    files
}

/// The files of [`language_files`], each given to `emit` (path, bytes) as
/// soon as it is made: a full build writes it and keeps only the list
/// pages' entries, not a language's item files (about 120 MB at 10,000
/// offers).
pub fn each_language_file(
    ctx: &ApiContext,
    lang: &Language,
    labels: &ApiLabels,
    emit: impl FnMut(String, &[u8]),
) {
    each_language_file_of(ctx, lang, labels, &|_| true, emit);
}

/// [`each_language_file`], but only the files that can differ when no
/// item but those `of` names changed (and the same items are there): their
/// item files, the list pages that hold one of them, the index and the
/// taxonomies. A rebuild keeps the others. Why a function this long: the
/// item files and the list pages share each item's one serialisation, so
/// they are made in one loop per kind.
pub fn each_language_file_of(
    ctx: &ApiContext,
    lang: &Language,
    labels: &ApiLabels,
    of: &dyn Fn(&Item) -> bool,
    mut emit: impl FnMut(String, &[u8]),
) {
    let key = lang.key.as_str();
    let items = ItemContext {
        site: ctx.site,
        now: ctx.now,
    };
    let item_schema = ctx.schema("item");
    let mut lists = BTreeMap::new();
    for kind in KINDS {
        let all: Vec<&Item> = ctx.site.of_kind(kind).collect();
        // Each item is viewed and serialised once: its file, and its entry
        // for the list page (only the entries of pages that are made).
        let made: Vec<bool> = all
            .chunks(PAGE_SIZE)
            .map(|c| c.iter().any(|it| of(it)))
            .collect();
        // A page's items are viewed and serialised in parallel (a
        // language's API files were the last task of a full build, on one
        // core), then written in order; a page's worth is held at a time.
        let mut entries: Vec<Vec<u8>> = Vec::with_capacity(all.len());
        for (chunk, &needed) in all.chunks(PAGE_SIZE).zip(&made) {
            if !needed {
                entries.extend(chunk.iter().map(|_| Vec::new()));
                continue;
            }
            let jsons: Vec<_> = chunk
                .par_iter()
                .map(|it| items.view(it, key).to_json(&item_schema))
                .collect();
            for (it, json) in chunk.iter().zip(jsons) {
                if of(it) {
                    emit(file(&routes::api_item(key, kind, &it.slug)), &json.file);
                }
                entries.push(json.entry);
            }
        }
        let pages = all.len().div_ceil(PAGE_SIZE).max(1);
        let chunks = all.chunks(PAGE_SIZE).chain(empty_page(&all));
        for (i, (chunk, entries)) in chunks
            .zip(entries.chunks(PAGE_SIZE).chain([&[][..]]))
            .enumerate()
        {
            if !made.get(i).copied().unwrap_or(true) {
                continue;
            }
            let page = i + 1;
            let list = ListView {
                schema: ctx.schema("list"),
                language: key,
                kind,
                page,
                pages,
                total: all.len(),
                updated: newest(chunk.iter().copied()),
                prev: (page > 1).then(|| ctx.abs(&routes::api_list(key, kind, page - 1))),
                next: (page < pages).then(|| ctx.abs(&routes::api_list(key, kind, page + 1))),
            };
            let path = file(&routes::api_list(key, kind, page));
            emit(path, &list_page(&list, entries));
        }
        let summary = ListSummary {
            kind,
            total: all.len(),
            pages,
            first: ctx.abs(&routes::api_list(key, kind, 1)),
        };
        lists.insert(kind.folder(), summary);
    }
    let index = IndexView {
        schema: ctx.schema("index"),
        language: key,
        tag: lang.tag_str(),
        name: &lang.name,
        dir: lang.dir,
        updated: newest(ctx.site.items.values().map(|i| &**i)),
        html: ctx.abs(&routes::home(key)),
        taxonomies: ctx.abs(&routes::api_taxonomies(key)),
        lists,
    };
    emit(file(&routes::api_index(key)), &json(&index));
    emit(
        file(&routes::api_taxonomies(key)),
        &json(&taxonomies(ctx, key, labels)),
    );
}

/// A list page: its own members, then `items` of the serialised entries.
fn list_page(list: &ListView, entries: &[Vec<u8>]) -> Bytes {
    let head = json(list);
    let head = head.strip_suffix(b"}").unwrap_or(&head);
    let size = entries.iter().map(|e| e.len() + 1).sum::<usize>();
    let mut out = Vec::with_capacity(head.len() + size + 16);
    out.extend_from_slice(head);
    out.extend_from_slice(b",\"items\":[");
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(e);
    }
    out.extend_from_slice(b"]}");
    out.into()
}

/// One empty page for a kind without items (so the index's `first` exists).
fn empty_page<'a, 'b>(all: &'b [&'a Item]) -> impl Iterator<Item = &'b [&'a Item]> {
    all.is_empty().then_some(&all[..0]).into_iter()
}

#[derive(Serialize)]
struct TermView<'a> {
    key: &'a str,
    label: String,
    html: String,
    /// Places only: outside the office's area.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    outside: bool,
}

#[derive(Serialize)]
struct TaxonomyView<'a> {
    label: String,
    html: String,
    terms: Vec<TermView<'a>>,
}

#[derive(Serialize)]
struct TaxonomiesView<'a> {
    #[serde(rename = "$schema")]
    schema: String,
    language: &'a str,
    taxonomies: BTreeMap<&'static str, TaxonomyView<'a>>,
}

fn taxonomies<'a>(ctx: &'a ApiContext, key: &'a str, labels: &ApiLabels) -> TaxonomiesView<'a> {
    let tax = &ctx.site.config.taxonomies;
    let label = |t: Taxonomy, term: &str| {
        labels
            .terms
            .get(&(t.key(), term.to_string()))
            .cloned()
            .unwrap_or_else(|| term.to_string())
    };
    let taxonomies = Taxonomy::ALL
        .into_iter()
        .map(|t| {
            let view = TaxonomyView {
                label: labels
                    .taxonomies
                    .get(t.key())
                    .cloned()
                    .unwrap_or_else(|| t.key().to_string()),
                html: ctx.abs(&routes::taxonomy(key, t)),
                terms: tax
                    .terms(t)
                    .iter()
                    .map(|k| TermView {
                        key: k,
                        label: label(t, k),
                        html: ctx.abs(&routes::term(key, t, k)),
                        outside: t == Taxonomy::Places && tax.is_outside(k),
                    })
                    .collect(),
            };
            (t.key(), view)
        })
        .collect();
    TaxonomiesView {
        schema: ctx.schema("taxonomies"),
        language: key,
        taxonomies,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_is_json_and_takes_its_address() {
        for (name, text) in SCHEMAS {
            assert!(text.trim_start().starts_with('{'), "{name}");
            let with = with_id(text, &format!("https://x.org/api/v1/schema/{name}.json"));
            let v: serde_json::Value =
                serde_json::from_str(&with).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(
                v["$schema"], "https://json-schema.org/draft/2020-12/schema",
                "{name}"
            );
            assert_eq!(v["$id"], format!("https://x.org/api/v1/schema/{name}.json"));
        }
    }
}
