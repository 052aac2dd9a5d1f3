//! Which pages a content change renders again, to the card: the preview
//! (incremental.rs) and the incremental build (rebuild.rs) both pick their
//! pages here. `routes::affected_by` names the routes that show a changed
//! item (lists by their first page); of a list, only the pages whose
//! sequence of items or one of whose cards changed are rendered again
//! (`routes::list_pages_changed`), unless the whole list must be (its
//! filter counts changed, or the list before is not known).

use std::collections::{BTreeMap, BTreeSet};

use crate::content::{Item, ItemKey, Site};
use crate::render::pages::PageBuilder;
use crate::routes::{self, Route};

/// What the site looked like before a change, as far as its lists go.
pub(super) struct ListsBefore<'a> {
    /// A list (language, first page) before, as its items' keys in reading
    /// order; `None` if not known (then every page of it is rendered).
    pub order: &'a dyn Fn(&str, &Route) -> Option<Vec<ItemKey>>,
    /// Whether an item's card in a language changed.
    pub card_changed: &'a dyn Fn(&str, &ItemKey) -> bool,
    /// Lists rendered whole whatever their cards (their filter counts changed).
    pub whole: &'a dyn Fn(&Route) -> bool,
}

/// Of the new site's pages (its `routes` in each of `langs`), those to
/// render again: the pages of `affected` routes (lists by their first
/// page), lists only where their items or cards changed.
pub(super) fn pages_to_render(
    new: &PageBuilder<'_>,
    routes: &[Route],
    langs: &[String],
    affected: &BTreeSet<Route>,
    before: &ListsBefore<'_>,
) -> Vec<(String, Route)> {
    // Per list and language: the pages that changed (`None`: every page),
    // worked out once per list.
    let mut changed: BTreeMap<(&str, Route), Option<BTreeSet<usize>>> = BTreeMap::new();
    let mut jobs = Vec::new();
    for route in routes {
        let first = route.first_page();
        if !affected.contains(&first) {
            continue;
        }
        for lang in langs {
            let pages = changed
                .entry((lang.as_str(), first.clone()))
                .or_insert_with(|| {
                    let items = new
                        .list_items(lang, &first)
                        .filter(|_| !(before.whole)(&first))?;
                    let keys: Vec<ItemKey> = items.iter().map(|i| key_of(i)).collect();
                    let old = (before.order)(lang, &first);
                    Some(routes::list_pages_changed(
                        old.as_deref(),
                        &keys,
                        new.per_page(),
                        &|k| (before.card_changed)(lang, k),
                    ))
                });
            if pages.as_ref().is_none_or(|p| p.contains(&route.page())) {
                jobs.push((lang.clone(), route.clone()));
            }
        }
    }
    jobs
}

/// An item's key.
pub(super) fn key_of(item: &Item) -> ItemKey {
    (item.kind, item.slug.clone())
}

/// The cards that changed between two versions of the site, per language:
/// of the items whose cards can differ (`routes::cards_touched`), those
/// whose card digests differ (or that exist in one version only).
pub(super) fn cards_changed(
    old: &PageBuilder<'_>,
    old_site: &Site,
    new: &PageBuilder<'_>,
    new_site: &Site,
    keys: &BTreeSet<ItemKey>,
    langs: &[String],
) -> BTreeMap<String, BTreeSet<ItemKey>> {
    let mut changed: BTreeMap<String, BTreeSet<ItemKey>> = BTreeMap::new();
    for key in routes::cards_touched(new_site, keys) {
        let (a, b) = (old_site.get(key.0, &key.1), new_site.get(key.0, &key.1));
        for lang in langs {
            let differs = match (a, b) {
                (Some(a), Some(b)) => old.card_digest(lang, a) != new.card_digest(lang, b),
                _ => true,
            };
            if differs {
                changed.entry(lang.clone()).or_default().insert(key.clone());
            }
        }
    }
    changed
}
