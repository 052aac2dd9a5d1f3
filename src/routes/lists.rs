//! Which pages a site has: its lists (sections, archive, filter lists,
//! taxonomy terms), the lists each item can be on, and every route.

use std::collections::{BTreeMap, BTreeSet};

use super::{Kind, Route, Taxonomy};
use jiff::civil::DateTime;

use crate::content::{Item, ItemData, ItemKey, Site};

/// The kinds of item that have a section list (`/de/offers/`).
pub const LISTED_KINDS: [Kind; 4] = [Kind::Offer, Kind::Event, Kind::Contact, Kind::Location];

/// Every list an item can be on (first pages), once per mention in its
/// front matter: its section, the archive (events), its taxonomy terms and,
/// for offers, its topics with each place, audience and language, and the
/// offered-in lists. An item is on the
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
            let topic = || t.clone();
            r.extend(
                l.places
                    .iter()
                    .map(|p| Route::TopicPlace(topic(), p.clone(), 1)),
            );
            r.extend(
                l.audiences
                    .iter()
                    .map(|a| Route::TopicAudience(topic(), a.clone(), 1)),
            );
            r.extend(
                l.offered_in
                    .iter()
                    .map(|c| Route::TopicLanguage(topic(), c.clone(), 1)),
            );
        }
        r.extend(l.offered_in.iter().map(|c| Route::OfferedIn(c.clone(), 1)));
    }
    r
}

/// The first page of every list of `site`, in a stable order: the sections,
/// the archive, the combinations of a topic with a place, audience or
/// language and the offered-in lists that have offers, and the terms of
/// each taxonomy.
pub fn lists(site: &Site) -> Vec<Route> {
    let mut r: Vec<Route> = LISTED_KINDS
        .into_iter()
        .map(|k| Route::Section(k, 1))
        .collect();
    r.push(Route::Archive(1));
    // Deduplicated in a hash set, then sorted: the same order as a tree
    // set's, without comparing routes' strings for every offer's lists.
    let unique: rustc_hash::FxHashSet<Route> = site
        .of_kind(Kind::Offer)
        .flat_map(lists_of)
        .filter(|l| l.is_combination() || matches!(l, Route::OfferedIn(..)))
        .collect();
    let mut filters: Vec<Route> = unique.into_iter().collect();
    filters.sort_unstable();
    r.extend(filters);
    for t in Taxonomy::ALL {
        let terms = site.config.taxonomies.terms(t);
        r.extend(terms.iter().map(|k| Route::Term(t, k.clone(), 1)));
    }
    r
}

/// Every route of `site`, in a stable order: home, 404, search, the
/// taxonomy indexes, the map (if `[map]` is set), every page of every list (`pages` says how many a list
/// has, given its first page) and every item.
pub fn all(site: &Site, pages: impl Fn(&Route) -> usize) -> Vec<Route> {
    let mut r = vec![Route::Home, Route::NotFound, Route::Search];
    r.extend(Taxonomy::ALL.map(Route::Taxonomy));
    if site.config.map.is_some() {
        r.push(Route::Map);
    }
    for first in lists(site) {
        r.extend((1..=pages(&first)).map(|n| first.with_page(n)));
    }
    r.extend(site.items.keys().map(|(k, s)| Route::Item(*k, s.clone())));
    r
}

/// How many items each filter list (taxonomy term, topic × place,
/// offered-in) has at `now`: the one count the home page, the taxonomy
/// indexes, the filter links and the gap report show. An item counts once
/// per list, however often it names it, while it counts at all
/// ([`Item::is_counted`]): a term's list has its offers and upcoming events.
pub fn filter_counts(site: &Site, now: DateTime) -> BTreeMap<Route, usize> {
    let mut counts = BTreeMap::new();
    for item in site.items.values() {
        for list in counted_on(item, now) {
            *counts.entry(list).or_insert(0) += 1;
        }
    }
    counts
}

/// The filter lists an item adds one to in [`filter_counts`] at `now`.
fn counted_on(item: &Item, now: DateTime) -> BTreeSet<Route> {
    if !item.is_counted(now) {
        return BTreeSet::new();
    }
    lists_of(item)
        .into_iter()
        .filter(Route::is_filter)
        .collect()
}

/// Whether the items `keys` changing from `old` to `new` can change
/// [`filter_counts`]: whether one of them counts on other lists than
/// before (added and removed items count on none in the site without
/// them). The counts are a sum over items, so only the changed items are
/// looked at, not the whole site twice.
pub fn filter_counts_may_change(
    old: &Site,
    new: &Site,
    keys: &BTreeSet<ItemKey>,
    now: DateTime,
) -> bool {
    let on = |site: &Site, (kind, slug): &ItemKey| {
        site.get(*kind, slug)
            .map(|i| counted_on(i, now))
            .unwrap_or_default()
    };
    keys.iter().any(|k| on(old, k) != on(new, k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::tests::example_site;

    #[test]
    fn filter_counts_may_change_when_an_item_leaves_its_lists() {
        let old = example_site();
        let now = jiff::civil::date(2026, 1, 1).at(0, 0, 0, 0);
        let key = (Kind::Offer, "anerkennungsberatung".to_string());
        let keys = BTreeSet::from([key.clone()]);
        // The same item: nothing moves.
        assert!(!filter_counts_may_change(&old, &old, &keys, now));
        // Removed: it leaves every list it counted on.
        let mut new = old.clone();
        new.items.remove(&key);
        assert!(filter_counts(&old, now) != filter_counts(&new, now));
        assert!(filter_counts_may_change(&old, &new, &keys, now));
        assert!(filter_counts_may_change(&new, &old, &keys, now));
    }

    #[test]
    fn an_offer_is_on_its_section_terms_and_filter_lists() {
        let site = example_site();
        let offer = site.get(Kind::Offer, "anerkennungsberatung").unwrap();
        let on = lists_of(offer);
        assert!(on.contains(&Route::Section(Kind::Offer, 1)));
        assert!(on.contains(&Route::Term(
            Taxonomy::Topics,
            "ausbildung-arbeit".into(),
            1
        )));
        assert!(on.contains(&Route::Term(Taxonomy::Places, "ingelheim".into(), 1)));
        assert!(on.contains(&Route::TopicPlace(
            "gesundheit-beratung".into(),
            "online".into(),
            1
        )));
        assert!(on.contains(&Route::OfferedIn("ru".into(), 1)));
        assert!(!on.contains(&Route::Archive(1)));
        // Two topics in two places.
        let combos = on.iter().filter(|r| matches!(r, Route::TopicPlace(..)));
        assert_eq!(combos.count(), 4);
        // Each topic with each audience and each language it is held in.
        let o = offer.data.listing().unwrap();
        let with = |f: fn(&Route) -> bool| on.iter().filter(|r| f(r)).count();
        assert_eq!(
            with(|r| matches!(r, Route::TopicAudience(..))),
            2 * o.audiences.len()
        );
        assert_eq!(
            with(|r| matches!(r, Route::TopicLanguage(..))),
            2 * o.offered_in.len()
        );
        assert!(on.contains(&Route::TopicLanguage(
            "ausbildung-arbeit".into(),
            "ru".into(),
            1
        )));
    }

    #[test]
    fn events_can_be_archived_and_contacts_are_on_their_section_only() {
        let site = example_site();
        let events: Vec<&Item> = site.of_kind(Kind::Event).collect();
        assert!(!events.is_empty());
        for e in events {
            assert!(lists_of(e).contains(&Route::Archive(1)), "{}", e.slug);
        }
        for c in site.of_kind(Kind::Contact) {
            assert_eq!(lists_of(c), vec![Route::Section(Kind::Contact, 1)]);
        }
    }

    #[test]
    fn filter_lists_are_the_ones_offers_are_on() {
        let site = example_site();
        let counts = filter_counts(&site, jiff::civil::date(2026, 1, 1).at(0, 0, 0, 0));
        let with_offers: BTreeSet<&Route> = counts
            .keys()
            .filter(|r| !matches!(r, Route::Term(..)))
            .collect();
        let all = lists(&site);
        let listed: BTreeSet<&Route> = all
            .iter()
            .filter(|r| r.is_combination() || matches!(r, Route::OfferedIn(..)))
            .collect();
        assert!(!listed.is_empty());
        assert_eq!(with_offers, listed);
        let (topic, place) = ("ausbildung-arbeit", "ingelheim");
        let n = site
            .of_kind(Kind::Offer)
            .filter_map(|o| o.data.listing())
            .filter(|l| l.topics.iter().any(|t| t == topic) && l.places.iter().any(|p| p == place))
            .count();
        assert!(n >= 2);
        assert_eq!(counts[&Route::TopicPlace(topic.into(), place.into(), 1)], n);
    }

    #[test]
    fn all_has_every_page_of_every_list_once() {
        let site = example_site();
        let offers = Route::Section(Kind::Offer, 1);
        let r = all(&site, |first| if *first == offers { 3 } else { 1 });
        assert!(r.contains(&Route::Section(Kind::Offer, 3)));
        assert!(!r.contains(&Route::Section(Kind::Offer, 4)));
        assert!(!r.contains(&Route::Section(Kind::Event, 2)));
        let items = r.iter().filter(|x| matches!(x, Route::Item(..)));
        assert_eq!(items.count(), site.items.len());
        let distinct: BTreeSet<&Route> = r.iter().collect();
        assert_eq!(distinct.len(), r.len());
        for t in Taxonomy::ALL {
            assert!(r.contains(&Route::Taxonomy(t)));
        }
    }
}
