//! Which pages a site has: its lists (sections, archive, filter lists,
//! taxonomy terms), the lists each item can be on, and every route.

use std::collections::{BTreeMap, BTreeSet};

use super::{Kind, Route, Taxonomy};
use crate::content::{Item, ItemData, Site};

/// The kinds of item that have a section list (`/de/offers/`).
pub const LISTED_KINDS: [Kind; 3] = [Kind::Offer, Kind::Event, Kind::Contact];

/// Every list an item can be on (first pages), once per mention in its
/// front matter: its section, the archive (events), its taxonomy terms and,
/// for offers, the topic × place and offered-in lists. An item is on the
/// archive once it is past, on the others while it is upcoming.
pub fn lists_of(item: &Item) -> Vec<Route> {
    let mut r = Vec::new();
    if LISTED_KINDS.contains(&item.kind) {
        r.push(Route::Section(item.kind, 1));
    }
    if item.kind == Kind::Event {
        r.push(Route::Archive(1));
    }
    if let Some(l) = item.data.listing() {
        for t in Taxonomy::ALL {
            r.extend(l.terms(t).iter().map(|k| Route::Term(t, k.clone(), 1)));
        }
    }
    if let ItemData::Offer(o) = &item.data {
        let l = &o.listing;
        for t in &l.topics {
            r.extend(
                l.places
                    .iter()
                    .map(|p| Route::TopicPlace(t.clone(), p.clone(), 1)),
            );
        }
        r.extend(l.offered_in.iter().map(|c| Route::OfferedIn(c.clone(), 1)));
    }
    r
}

/// The first page of every list of `site`, in a stable order: the sections,
/// the archive, the topic × place and offered-in lists that have offers, and
/// the terms of each taxonomy.
pub fn lists(site: &Site) -> Vec<Route> {
    let mut r: Vec<Route> = LISTED_KINDS
        .into_iter()
        .map(|k| Route::Section(k, 1))
        .collect();
    r.push(Route::Archive(1));
    let filters: BTreeSet<Route> = site
        .of_kind(Kind::Offer)
        .flat_map(lists_of)
        .filter(|l| matches!(l, Route::TopicPlace(..) | Route::OfferedIn(..)))
        .collect();
    r.extend(filters);
    for t in Taxonomy::ALL {
        let terms = site.config.taxonomies.terms(t);
        r.extend(terms.iter().map(|k| Route::Term(t, k.clone(), 1)));
    }
    r
}

/// Every route of `site`, in a stable order: home, 404, search, the
/// taxonomy indexes, every page of every list (`pages` says how many a list
/// has, given its first page) and every item.
pub fn all(site: &Site, pages: impl Fn(&Route) -> usize) -> Vec<Route> {
    let mut r = vec![Route::Home, Route::NotFound, Route::Search];
    r.extend(Taxonomy::ALL.map(Route::Taxonomy));
    for first in lists(site) {
        r.extend((1..=pages(&first)).map(|n| first.with_page(n)));
    }
    r.extend(site.items.keys().map(|(k, s)| Route::Item(*k, s.clone())));
    r
}

/// How many offers each filter list has (an offer once per mention): what
/// the filter links count.
pub fn filter_counts(site: &Site) -> BTreeMap<Route, usize> {
    let mut counts = BTreeMap::new();
    for offer in site.of_kind(Kind::Offer) {
        for list in lists_of(offer).into_iter().filter(Route::is_filter) {
            *counts.entry(list).or_insert(0) += 1;
        }
    }
    counts
}
