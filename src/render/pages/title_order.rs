//! Every item's position in a language's title order (the reader's
//! collation, then slug, then kind): what long lists sort by (list.rs).
//! Worked out once per language for a site. An update (the preview,
//! build/incremental.rs) moves only the changed items within the previous
//! site's order instead of sorting every title again: at 10,000 offers a
//! sort costs ~30 ms a language, and an edit needs the order of the site
//! before and after it.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::PageBuilder;
use crate::content::{Item, ItemKey, Kind, Site};

/// One language's title order.
#[derive(Debug, Default)]
pub struct TitleOrder {
    /// Every item's key, in title order.
    keys: Vec<ItemKey>,
    /// Each key's position in `keys` (only looked up, never iterated: hash
    /// maps, which spare the string comparisons of a tree).
    positions: BTreeMap<Kind, FxHashMap<String, usize>>,
}

/// The title orders of a site, by language.
pub type TitleOrders = BTreeMap<String, Arc<TitleOrder>>;

impl TitleOrder {
    /// The order of these keys, as given (the build manifest keeps a
    /// site's orders for the next build: build/manifest/titles.rs).
    pub fn new(keys: Vec<ItemKey>) -> TitleOrder {
        let mut positions: BTreeMap<Kind, FxHashMap<String, usize>> = BTreeMap::new();
        for (n, (kind, slug)) in keys.iter().enumerate() {
            positions.entry(*kind).or_default().insert(slug.clone(), n);
        }
        TitleOrder { keys, positions }
    }

    /// Every item's key, in title order.
    pub fn keys(&self) -> &[ItemKey] {
        &self.keys
    }

    /// The position of an item (`None`: not in the order).
    pub(super) fn get(&self, kind: Kind, slug: &str) -> Option<usize> {
        self.positions.get(&kind)?.get(slug).copied()
    }

    /// The order of `site` sorted by `cmp` (a total order).
    fn sorted(site: &Site, cmp: impl Fn(&Item, &Item) -> Ordering) -> TitleOrder {
        let mut all: Vec<&Item> = site.items.values().map(|i| &**i).collect();
        all.sort_by(|a, b| cmp(a, b));
        TitleOrder::new(all.into_iter().map(|i| (i.kind, i.slug.clone())).collect())
    }

    /// This order (of a site before the items `changed` were added, removed
    /// or edited) for `site`, the site after: the unchanged items keep
    /// their relative order, each changed one still in `site` is put where
    /// `cmp` (the same total order) places it. `None` if this order does
    /// not fit `site` (an unchanged item missing): then it is sorted anew.
    fn moved(
        &self,
        changed: &BTreeSet<ItemKey>,
        site: &Site,
        cmp: impl Fn(&Item, &Item) -> Ordering,
    ) -> Option<TitleOrder> {
        let mut keys: Vec<ItemKey> = self
            .keys
            .iter()
            .filter(|k| !changed.contains(*k))
            .cloned()
            .collect();
        let mut kept: Vec<&Item> = Vec::with_capacity(site.items.len());
        for k in &keys {
            kept.push(site.items.get(k)?);
        }
        for k in changed {
            let Some(item) = site.items.get(k) else {
                continue;
            };
            let at = kept.partition_point(|x| cmp(x, item) == Ordering::Less);
            keys.insert(at, k.clone());
            kept.insert(at, item);
        }
        (keys.len() == site.items.len()).then(|| TitleOrder::new(keys))
    }
}

impl<'a> PageBuilder<'a> {
    /// The title order of the items in `lang`: collation, then slug, then kind.
    pub(super) fn title_cmp(&self, lang: &str) -> impl Fn(&Item, &Item) -> Ordering + '_ {
        let f = self.fmt(lang);
        let lang = lang.to_string();
        move |a, b| {
            f.compare(&self.text(a, &lang).title, &self.text(b, &lang).title)
                .then(a.slug.cmp(&b.slug))
                .then(a.kind.cmp(&b.kind))
        }
    }

    /// The title order of `lang`, worked out on first use (or given,
    /// [`PageBuilder::with_title_orders`]).
    pub(super) fn title_positions(&self, lang: &str) -> &TitleOrder {
        static EMPTY: TitleOrder = TitleOrder {
            keys: Vec::new(),
            positions: BTreeMap::new(),
        };
        let Some(cell) = self.title_orders.get(lang) else {
            return &EMPTY;
        };
        cell.get_or_init(|| Arc::new(TitleOrder::sorted(self.site, self.title_cmp(lang))))
    }

    /// The same builder, given the title orders `known` of the site as it
    /// was before the items `changed` changed (none: `known` is this
    /// site's): each is brought up to date by moving only those items.
    pub fn with_title_orders(self, known: &TitleOrders, changed: &BTreeSet<ItemKey>) -> Self {
        // Each language's order moved on its own (a few ms each at 10,000
        // offers: every unchanged key is looked up in the site).
        let moved: Vec<(&String, Arc<TitleOrder>)> = known
            .par_iter()
            .filter(|(lang, _)| self.title_orders.contains_key(*lang))
            .filter_map(|(lang, order)| {
                let order = match changed.is_empty() {
                    true => Some(order.clone()),
                    false => order
                        .moved(changed, self.site, self.title_cmp(lang))
                        .map(Arc::new),
                };
                Some((lang, order?))
            })
            .collect();
        for (lang, order) in moved {
            if let Some(cell) = self.title_orders.get(lang) {
                // The cell was made empty with the builder: this cannot fail.
                let _ = cell.set(order);
            }
        }
        self
    }

    /// The title orders worked out so far, to give the next builder of the
    /// same site (or of an updated one).
    pub fn title_orders(&self) -> TitleOrders {
        self.title_orders
            .iter()
            .filter_map(|(l, cell)| Some((l.clone(), cell.get()?.clone())))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(keys: &[(Kind, &str)]) -> TitleOrder {
        TitleOrder::new(keys.iter().map(|(k, s)| (*k, s.to_string())).collect())
    }

    #[test]
    fn positions_follow_the_keys() {
        let o = order(&[(Kind::Offer, "b"), (Kind::Contact, "a"), (Kind::Offer, "a")]);
        assert_eq!(o.get(Kind::Offer, "b"), Some(0));
        assert_eq!(o.get(Kind::Offer, "a"), Some(2));
        assert_eq!(o.get(Kind::Contact, "a"), Some(1));
        assert_eq!(o.get(Kind::Event, "a"), None);
    }
}
