//! Which pages show an item: what an incremental build renders again when
//! items change.

use std::collections::BTreeSet;

use super::{Kind, LISTED_KINDS, Route, Taxonomy, filter_counts, lists, lists_of};
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

/// Pages that show something of the changed items, in either version of
/// the site; lists by their first page.
pub fn affected(old: &Site, new: &Site, keys: &BTreeSet<ItemKey>) -> BTreeSet<Route> {
    let mut routes = BTreeSet::new();
    for (kind, slug) in keys {
        routes.insert(Route::Home);
        if *kind == Kind::Home {
            continue;
        }
        routes.insert(Route::Item(*kind, slug.clone()));
        if LISTED_KINDS.contains(kind) {
            // The search page lists everything (for readers without JavaScript).
            routes.insert(Route::Search);
        }
        for site in [old, new] {
            if let Some(item) = site.get(*kind, slug) {
                showing(site, item, &mut routes);
            }
        }
    }
    // Offer lists show filter links with counts: when those change, every
    // page that shows them does.
    if keys.iter().any(|(k, _)| *k == Kind::Offer) && filter_counts(old) != filter_counts(new) {
        for site in [old, new] {
            routes.extend(lists(site).into_iter().filter(Route::has_filters));
        }
    }
    routes
}

/// The pages of `site` besides its own that show something of `item`: its
/// lists, the taxonomy indexes (they count items), the contacts it names
/// and, for a contact, every page that names it.
fn showing(site: &Site, item: &Item, routes: &mut BTreeSet<Route>) {
    routes.extend(lists_of(item));
    if item.data.listing().is_some() {
        routes.extend(Taxonomy::ALL.map(Route::Taxonomy));
    }
    for c in contacts_named(item) {
        routes.insert(Route::Item(Kind::Contact, c.to_string()));
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
