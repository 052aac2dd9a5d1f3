//! Which pages show an item: what an incremental build renders again when
//! items change.

use std::collections::{BTreeMap, BTreeSet};

use super::{Kind, LISTED_KINDS, Route, Taxonomy, filter_counts_may_change, lists, lists_of};
use jiff::civil::DateTime;

use crate::content::{Item, ItemData, ItemKey, Site};

/// The contacts an item names (as contact, provider, organizer or
/// organisation): their pages show it, and it shows their names.
pub fn contacts_named(item: &Item) -> Vec<&str> {
    let mut named: Vec<&str> = item
        .data
        .listing()
        .map(|l| l.contacts.iter().map(String::as_str).collect())
        .unwrap_or_default();
    let other = match &item.data {
        ItemData::Offer(o) => &o.provider,
        ItemData::Event(e) => &e.organizer,
        ItemData::Contact(c) => &c.organization,
        _ => &None,
    };
    named.extend(other.as_deref());
    named
}

/// Whether `item` shows the contact `slug` (as contact, provider, organizer or organisation).
fn mentions(item: &Item, slug: &str) -> bool {
    contacts_named(item).contains(&slug)
}

/// The terms whose feeds (a calendar and an Atom feed in every language,
/// [`super::term_calendar`], [`super::term_feed`]) show `item`: every term
/// of an event. The data files are filled by this rule, so it is also what
/// an event's change touches besides the language's own calendar and feeds.
pub fn term_feeds_of(item: &Item) -> BTreeSet<(Taxonomy, String)> {
    let mut r = BTreeSet::new();
    if let ItemData::Event(e) = &item.data {
        for t in Taxonomy::ALL {
            r.extend(e.listing.terms(t).iter().map(|k| (t, k.clone())));
        }
    }
    r
}

/// The term feeds that show something of the changed items, in either
/// version of the site (an event that leaves a topic leaves its feed).
pub fn feeds_affected(
    old: &Site,
    new: &Site,
    keys: &BTreeSet<ItemKey>,
) -> BTreeSet<(Taxonomy, String)> {
    let mut r = BTreeSet::new();
    for (kind, slug) in keys {
        for site in [old, new] {
            r.extend(site.get(*kind, slug).map(term_feeds_of).unwrap_or_default());
        }
    }
    r
}

/// Pages that show something of the changed items, in either version of
/// the site; lists by their first page.
pub fn affected(
    old: &Site,
    new: &Site,
    keys: &BTreeSet<ItemKey>,
    now: DateTime,
) -> BTreeSet<Route> {
    affected_counting(old, new, keys, now).0
}

/// [`affected`], and whether the filter counts may have changed (then
/// every page of a list with filter links is affected, not only those
/// whose cards changed).
pub fn affected_counting(
    old: &Site,
    new: &Site,
    keys: &BTreeSet<ItemKey>,
    now: DateTime,
) -> (BTreeSet<Route>, bool) {
    let counts_changed = filter_counts_may_change(old, new, keys, now);
    let mut routes = affected_by(&|key| shown_on(old, key), new, keys, counts_changed);
    if counts_changed {
        routes.extend(lists(old).into_iter().filter(Route::has_filters));
    }
    (routes, counts_changed)
}

/// The items whose cards can differ after `keys` changed: the changed items
/// and the items of `new` that name a changed contact or are held at a
/// changed location (a card shows a contact's name and phone, a location's
/// address). An item that stopped naming one changed itself, so the new
/// site is enough.
pub fn cards_touched(new: &Site, keys: &BTreeSet<ItemKey>) -> BTreeSet<ItemKey> {
    let mut touched = keys.clone();
    let named = |kind: Kind, slug: &str| keys.contains(&(kind, slug.to_string()));
    for (key, item) in &new.items {
        if contacts_named(item).iter().any(|c| named(Kind::Contact, c))
            || item.data.at().is_some_and(|at| named(Kind::Location, at))
        {
            touched.insert(key.clone());
        }
    }
    touched
}

/// The pages (numbered from 1) of one list in one language that show
/// something new: every page when the list's length changed (each page
/// shows the total and the pager) or the list before is unknown (`old`:
/// `None`), else the pages whose items, or whose items' cards
/// (`card_changed`), changed. The card-level half of the dependency rule
/// the preview and the incremental build share.
pub fn list_pages_changed<K: PartialEq>(
    old: Option<&[K]>,
    new: &[K],
    per_page: usize,
    card_changed: &dyn Fn(&K) -> bool,
) -> BTreeSet<usize> {
    let per_page = per_page.max(1);
    let pages = new.len().div_ceil(per_page).max(1);
    match old {
        Some(old) if old.len() == new.len() => (1..=pages)
            .filter(|p| {
                let range = (p - 1) * per_page..(p * per_page).min(new.len());
                old[range.clone()] != new[range.clone()] || new[range].iter().any(card_changed)
            })
            .collect(),
        _ => (1..=pages).collect(),
    }
}

/// The one rule behind [`affected`] and the incremental build: the pages
/// that showed a changed item before (`old_shown`: the preview asks the old
/// site, a build the manifest of the previous build) and the pages of `new`
/// that show it now; with every page of `new` showing filter counts if
/// those changed (`counts_changed`). Lists by their first page.
pub fn affected_by(
    old_shown: &dyn Fn(&ItemKey) -> BTreeSet<Route>,
    new: &Site,
    keys: &BTreeSet<ItemKey>,
    counts_changed: bool,
) -> BTreeSet<Route> {
    let mut routes = BTreeSet::new();
    for key in keys {
        routes.extend(old_shown(key));
        routes.extend(shown_on(new, key));
    }
    // Offer lists show filter links with counts (of offers and events):
    // when those change, every page that shows them does.
    if counts_changed {
        routes.extend(lists(new).into_iter().filter(Route::has_filters));
    }
    routes
}

/// The pages an item's key alone names: the home page (it counts and shows
/// items), the item's own page and, for a listed kind, the search page
/// (it lists everything, for readers without JavaScript).
fn own_routes((kind, slug): &ItemKey) -> BTreeSet<Route> {
    let mut routes = BTreeSet::from([Route::Home]);
    if *kind != Kind::Home {
        routes.insert(Route::Item(*kind, slug.clone()));
        if LISTED_KINDS.contains(kind) {
            routes.insert(Route::Search);
        }
    }
    routes
}

/// The pages of `site` that show something of the item `key` (whether or
/// not it exists there); lists by their first page.
pub fn shown_on(site: &Site, key: &ItemKey) -> BTreeSet<Route> {
    let mut routes = own_routes(key);
    if key.0 != Kind::Home
        && let Some(item) = site.get(key.0, &key.1)
    {
        showing(site, item, &mut routes);
    }
    routes
}

/// [`shown_on`] for every item of `site` (the home page included) at once:
/// what an incremental build records for the next one. The pages naming a
/// contact or held at a location are found in one pass over the items.
pub fn shown_on_all(site: &Site) -> BTreeMap<ItemKey, BTreeSet<Route>> {
    use rayon::prelude::*;
    let mut all: BTreeMap<ItemKey, BTreeSet<Route>> = BTreeMap::new();
    all.insert(
        (Kind::Home, String::new()),
        own_routes(&(Kind::Home, String::new())),
    );
    // Each item's own pages and lists worked out in parallel (at 10,000
    // offers some 150,000 routes), then gathered in item order.
    let own: Vec<BTreeSet<Route>> = site
        .items
        .par_iter()
        .map(|(key, item)| {
            let mut routes = own_routes(key);
            shown_with(item, &mut routes);
            routes
        })
        .collect();
    for ((key, item), mut routes) in site.items.iter().zip(own) {
        all.entry(key.clone()).or_default().append(&mut routes);
        let page = Route::Item(item.kind, item.slug.clone());
        for c in contacts_named(item) {
            all.entry((Kind::Contact, c.to_string()))
                .or_default()
                .insert(page.clone());
        }
        if let Some(at) = item.data.at() {
            all.entry((Kind::Location, at.to_string()))
                .or_default()
                .insert(page.clone());
        }
    }
    all
}

/// The pages besides its own that show `item` whatever else the site
/// holds: its lists, the taxonomy indexes (they count items), the contacts
/// and the location it names.
fn shown_with(item: &Item, routes: &mut BTreeSet<Route>) {
    routes.extend(lists_of(item));
    if item.data.listing().is_some() {
        routes.extend(Taxonomy::ALL.map(Route::Taxonomy));
    }
    for c in contacts_named(item) {
        routes.insert(Route::Item(Kind::Contact, c.to_string()));
    }
    // Its location's page lists it.
    if let Some(at) = item.data.at() {
        routes.insert(Route::Item(Kind::Location, at.to_string()));
    }
}

/// The pages of `site` besides its own that show something of `item`: its
/// lists, the taxonomy indexes (they count items), the contacts and the
/// location it names and, for a contact or a location, every page that
/// names it.
fn showing(site: &Site, item: &Item, routes: &mut BTreeSet<Route>) {
    shown_with(item, routes);
    // A location is shown on every page held there.
    if item.kind == Kind::Location {
        // The map shows every location.
        if site.config.map.is_some() {
            routes.insert(Route::Map);
        }
        for other in site.items.values() {
            if other.data.at() == Some(item.slug.as_str()) {
                routes.insert(Route::Item(other.kind, other.slug.clone()));
            }
        }
    }
    if matches!(item.data, ItemData::Contact(_)) {
        // Every page that names this contact shows its name and role.
        for other in site.items.values() {
            if mentions(other, &item.slug) {
                routes.insert(Route::Item(other.kind, other.slug.clone()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::tests::example_site;

    fn now() -> DateTime {
        jiff::civil::date(2026, 1, 1).at(0, 0, 0, 0)
    }

    fn key(kind: Kind, slug: &str) -> BTreeSet<ItemKey> {
        BTreeSet::from([(kind, slug.to_string())])
    }

    #[test]
    fn an_offer_affects_its_lists_and_the_contacts_it_names() {
        let site = example_site();
        let a = affected(
            &site,
            &site,
            &key(Kind::Offer, "anerkennungsberatung"),
            now(),
        );
        let offer = site.get(Kind::Offer, "anerkennungsberatung").unwrap();
        for list in lists_of(offer) {
            assert!(a.contains(&list), "{list:?}");
        }
        for r in [
            Route::Home,
            Route::Search,
            Route::Taxonomy(Taxonomy::Places),
            Route::Item(Kind::Offer, "anerkennungsberatung".into()),
            Route::Item(Kind::Contact, "beratungsstelle-anerkennung".into()),
        ] {
            assert!(a.contains(&r), "{r:?}");
        }
        // The counts stay as they are: other lists are not affected.
        assert!(!a.contains(&Route::Section(Kind::Event, 1)));
        assert!(!a.contains(&Route::Archive(1)));
    }

    #[test]
    fn an_event_touches_the_feeds_of_its_terms_in_both_versions() {
        let old = example_site();
        let event = old
            .of_kind(Kind::Event)
            .find(|e| !term_feeds_of(e).is_empty())
            .unwrap();
        let key = (Kind::Event, event.slug.clone());
        let listing = event.data.listing().unwrap();
        let mut want = BTreeSet::new();
        for t in Taxonomy::ALL {
            want.extend(listing.terms(t).iter().map(|k| (t, k.clone())));
        }
        assert_eq!(term_feeds_of(event), want);
        // The event moves to another topic: the old and the new one's feeds.
        let mut new = old.clone();
        let mut moved = event.clone();
        if let ItemData::Event(e) = &mut moved.data {
            e.listing.topics = vec!["neu".into()];
        }
        new.items.insert(key.clone(), std::sync::Arc::new(moved));
        let a = feeds_affected(&old, &new, &BTreeSet::from([key]));
        assert!(a.is_superset(&want));
        assert!(a.contains(&(Taxonomy::Topics, "neu".to_string())));
        // Offers and contacts are in no term feed.
        let offer = old.of_kind(Kind::Offer).next().unwrap();
        assert!(term_feeds_of(offer).is_empty());
    }

    #[test]
    fn a_contact_affects_every_page_that_names_it() {
        let site = example_site();
        let slug = "kreisverwaltung-mainz-bingen";
        let a = affected(&site, &site, &key(Kind::Contact, slug), now());
        let naming: Vec<&Item> = site
            .items
            .values()
            .map(|i| &**i)
            .filter(|i| mentions(i, slug))
            .collect();
        assert!(naming.len() >= 5);
        for i in naming {
            assert!(
                a.contains(&Route::Item(i.kind, i.slug.clone())),
                "{}",
                i.slug
            );
        }
        assert!(a.contains(&Route::Section(Kind::Contact, 1)));
        assert!(!a.contains(&Route::Section(Kind::Offer, 1)));
    }

    #[test]
    fn shown_on_all_agrees_with_shown_on() {
        let site = example_site();
        let all = shown_on_all(&site);
        for key in site.items.keys() {
            assert_eq!(all[key], shown_on(&site, key), "{key:?}");
        }
        let home = (Kind::Home, String::new());
        assert_eq!(all[&home], shown_on(&site, &home));
    }

    #[test]
    fn only_the_list_pages_whose_items_or_cards_changed() {
        let old: Vec<u32> = (0..25).collect();
        let none = |_: &u32| false;
        // Nothing changed: no page.
        assert!(list_pages_changed(Some(&old), &old, 10, &none).is_empty());
        // A card on page 2 changed.
        let seven_teen = |k: &u32| *k == 17;
        assert_eq!(
            list_pages_changed(Some(&old), &old, 10, &seven_teen),
            BTreeSet::from([2])
        );
        // An item moved from page 1 to page 2: pages 1 and 2, not 3.
        let mut moved = old.clone();
        let x = moved.remove(3);
        moved.insert(12, x);
        assert_eq!(
            list_pages_changed(Some(&old), &moved, 10, &none),
            BTreeSet::from([1, 2])
        );
        // A new item or an unknown list: every page.
        let longer: Vec<u32> = (0..26).collect();
        assert_eq!(list_pages_changed(Some(&old), &longer, 10, &none).len(), 3);
        assert_eq!(list_pages_changed(None, &old, 10, &none).len(), 3);
        // An empty list still has its one page.
        assert_eq!(
            list_pages_changed::<u32>(Some(&[1]), &[], 10, &none),
            BTreeSet::from([1])
        );
    }

    #[test]
    fn cards_touched_are_the_items_and_those_naming_a_changed_contact() {
        let site = example_site();
        let slug = "kreisverwaltung-mainz-bingen";
        let keys = key(Kind::Contact, slug);
        let touched = cards_touched(&site, &keys);
        assert!(touched.contains(&(Kind::Contact, slug.to_string())));
        for (k, i) in &site.items {
            assert_eq!(
                touched.contains(k),
                mentions(i, slug) || k.1 == slug,
                "{k:?}"
            );
        }
    }

    #[test]
    fn changed_filter_counts_affect_every_list_with_filter_links() {
        let old = example_site();
        let mut new = old.clone();
        let gone = (Kind::Offer, "dolmetscherpool".to_string());
        new.items.remove(&gone);
        let a = affected(&old, &new, &BTreeSet::from([gone]), now());
        let with_filters: Vec<Route> = lists(&old).into_iter().filter(Route::has_filters).collect();
        assert!(with_filters.len() > 10);
        for r in with_filters {
            assert!(a.contains(&r), "{r:?}");
        }
        assert!(!a.contains(&Route::Archive(1)));
    }
}
