//! What a change reaches besides pages: which secondary parts a rebuild
//! keeps as the manifest recorded them (`secondary::Keep`), and the hashes
//! of each item's data that tell (rebuild.rs records them).

use std::collections::BTreeSet;

use super::{Picked, Touched, key_name, slash_path};
use crate::build::manifest::{self, Manifest};
use crate::build::pipeline::Pipeline;
use crate::build::secondary::{self, Keep};
use crate::content::{Item, ItemKey, Kind, Site};

impl Pipeline {
    /// The items whose API files a rebuild makes again (the others are
    /// kept): those whose own page changes, if none of them was added or
    /// removed (the API's lists would number their items otherwise) and
    /// every language's API files were recorded; `None` (all are made) if not.
    fn api_items(&self, t: &Touched, picked: &Picked, old: &Manifest) -> Option<BTreeSet<ItemKey>> {
        let items = picked.items.as_ref()?;
        let languages = &self.config.languages;
        if !languages
            .iter()
            .all(|l| old.parts.contains_key(&secondary::api_part(&l.key)))
        {
            return None;
        }
        let recorded = old
            .parts
            .get(&secondary::api_part(&self.config.default_language))?;
        let same_items = t.keys.iter().chain(items).all(|(kind, slug)| {
            let file = crate::routes::file_for(&crate::routes::api_item(
                &self.config.default_language,
                *kind,
                slug,
            ));
            let now = *kind != Kind::Home && self.site.get(*kind, slug).is_some();
            !crate::output::api::KINDS.contains(kind) || now == recorded.contains_key(&file)
        });
        same_items.then(|| items.clone())
    }

    /// Whether the change is one of texts only, which a language's search
    /// index reads only where its readers see them: the same texts of the
    /// same items (none added or removed), whose other data (the source's
    /// front matter but its texts: terms, dates, addresses, …) is as the
    /// manifest recorded it, and nothing that depends on "now" changed.
    fn texts_only(&self, t: &Touched, picked: &Picked, old: &Manifest, items: &[&Item]) -> bool {
        let paths: BTreeSet<String> = items
            .iter()
            .flat_map(|i| i.texts.values())
            .map(|text| slash_path(&text.file.path))
            .collect();
        picked.items.is_some()
            && picked.same_timing
            && items.len() == t.keys.len()
            && t.content
                .iter()
                .all(|p| old.fronts.contains_key(p) && paths.contains(p))
            && items.iter().all(|i| {
                old.structure.get(&key_name(&(i.kind, i.slug.clone()))) == Some(&structure_hash(i))
            })
    }

    /// The digest of each language's search memo after a rebuild that kept
    /// the reader parts `keep.readers` (`Manifest::memos`): a kept
    /// language's as `old` recorded it (its memo file may be one a failed
    /// build left since, not this index's), the others' of their memo as
    /// this build made or found it up to date.
    pub(super) fn memos_after(
        &self,
        old: &Manifest,
        keep: &Keep,
    ) -> std::collections::BTreeMap<String, u128> {
        let Some(dir) = &self.search_memo else {
            return Default::default();
        };
        let (kept, made): (Vec<_>, Vec<_>) = self
            .config
            .languages
            .iter()
            .partition(|l| keep.readers.contains(&l.key));
        let mut memos = secondary::memo_digests(dir, made.into_iter());
        memos.extend(
            kept.iter()
                .filter_map(|l| Some((l.key.clone(), *old.memos.get(&l.key)?))),
        );
        memos
    }

    /// An item of the site, the home page included.
    fn item(&self, kind: Kind, slug: &str) -> Option<&Item> {
        match kind {
            Kind::Home => Some(&self.site.home),
            k => self.site.get(k, slug),
        }
    }

    /// The secondary parts a change of only bodies cannot
    /// reach, as far as `old` recorded them: the site part if every item
    /// publishes the same documents; a language's reader part if none of
    /// the changed files is a text its readers see.
    pub(super) fn parts_to_keep(&self, t: &Touched, picked: &Picked, old: &Manifest) -> Keep {
        let mut keep = Keep {
            api_items: self.api_items(t, picked, old),
            ..Keep::default()
        };
        let items: Vec<&Item> = t
            .keys
            .iter()
            .filter_map(|(kind, slug)| self.item(*kind, slug))
            .collect();
        if picked.bodies_only {
            keep.site =
                old.parts.contains_key(secondary::SITE) && old.media == media_hash(&self.site);
            // A search document depends on its item's texts and front
            // matter and on the front matter of the items it names (a
            // location, a contact), and on nothing else that a change of
            // bodies only can reach: only the changed items' may differ.
            keep.search_items = Some(t.keys.clone());
            keep.memos = old.memos.clone();
        } else if !self.texts_only(t, picked, old, &items) {
            return keep;
        }
        let changed: BTreeSet<&str> = t.content.iter().map(String::as_str).collect();
        for l in &self.config.languages {
            let sees_change = items.iter().any(|item| {
                item.text_for(&self.config, &l.key)
                    .is_none_or(|text| changed.contains(slash_path(&text.file.path).as_str()))
            });
            if !sees_change && old.parts.contains_key(&secondary::reader_part(&l.key)) {
                keep.readers.insert(l.key.clone());
            }
        }
        keep
    }
}

/// Hash of an item's data but its texts (terms, dates, addresses, hours,
/// documents, image, which translations are drafts).
pub(super) fn structure_hash(item: &Item) -> String {
    let image = item
        .image
        .as_ref()
        .map(|i| (&i.path, i.decorative, &i.credit));
    let all = format!(
        "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
        item.data, item.updated, item.draft, item.draft_translations, item.media, image
    );
    manifest::digest(all.as_bytes())
}

/// Hash of the documents and videos every item publishes.
pub(super) fn media_hash(site: &Site) -> String {
    let mut all = String::new();
    for (key, item) in &site.items {
        if item.media != crate::content::media::Media::default() {
            all.push_str(&format!("{key:?} {:?}\n", item.media));
        }
    }
    all.push_str(&format!("home {:?}", site.home.media));
    manifest::digest(all.as_bytes())
}
