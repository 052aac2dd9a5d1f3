//! Filters without JavaScript: offers by topic × place and by the language
//! they are held in, as pre-rendered pages (only combinations that have
//! offers, see [`routes::lists`]), and the filter links shown on every
//! offer list.

use std::collections::BTreeMap;

use super::PageBuilder;
use crate::config::Taxonomy;
use crate::render::views::{FilterGroup, FilterLink};
use crate::routes::{self, Route};

/// A filter link (not marked current yet).
fn link(label: String, url: String, count: usize) -> FilterLink {
    FilterLink {
        label,
        url,
        count,
        current: false,
    }
}

impl PageBuilder<'_> {
    /// Items on each filter list (see [`routes::filter_counts`]): counted
    /// once per build (every offer list, the home page and the taxonomy
    /// indexes show them).
    pub(super) fn filter_counts(&self) -> &BTreeMap<Route, usize> {
        self.filter_counts
            .get_or_init(|| routes::filter_counts(self.site, self.now))
    }

    /// The filter links of an offer list: topics, audiences, places and
    /// languages, after the places of the current topic (or the topics of
    /// the current place) that have offers.
    pub(super) fn filter_groups(&self, lang: &str, current: &Route) -> Vec<FilterGroup> {
        let mut groups: Vec<FilterGroup> = self.narrowing(lang, current).into_iter().collect();
        groups.extend(Taxonomy::ALL.map(|t| self.term_group(lang, t)));
        groups.push(self.language_group(lang));
        // Every page of a list marks its filter link as the current one.
        let here = routes::path(lang, &current.first_page());
        for link in groups.iter_mut().flat_map(|g| g.links.iter_mut()) {
            link.current = link.url == here;
        }
        groups.retain(|g| !g.links.is_empty());
        groups
    }

    /// Where the reader already chose a topic (or a place): the places of
    /// that topic (or the topics of that place) that have offers.
    fn narrowing(&self, lang: &str, current: &Route) -> Option<FilterGroup> {
        let (label, by_topic, chosen) = match current {
            Route::Term(Taxonomy::Topics, topic, _) | Route::TopicPlace(topic, _, _) => {
                ("filter-where", true, topic)
            }
            Route::Term(Taxonomy::Places, place, _) => ("filter-what", false, place),
            _ => return None,
        };
        let links = self
            .filter_counts()
            .iter()
            .filter_map(|(list, n)| {
                let Route::TopicPlace(t, p, _) = list else {
                    return None;
                };
                let (this, other, other_key) = if by_topic {
                    (t, Taxonomy::Places, p)
                } else {
                    (p, Taxonomy::Topics, t)
                };
                (this == chosen).then(|| {
                    let label = self.term_label(lang, other, other_key);
                    link(label, routes::topic_place(lang, t, p), *n)
                })
            })
            .collect();
        Some(FilterGroup {
            label: self.t(lang, label),
            links,
        })
    }

    /// The terms of a taxonomy that offers have, by name in the reader's collation.
    fn term_group(&self, lang: &str, t: Taxonomy) -> FilterGroup {
        let counts = self.filter_counts();
        let mut links: Vec<FilterLink> = self
            .site
            .config
            .taxonomies
            .terms(t)
            .iter()
            .filter_map(|k| {
                let n = counts
                    .get(&Route::Term(t, k.clone(), 1))
                    .copied()
                    .unwrap_or(0);
                (n > 0).then(|| link(self.term_label(lang, t, k), routes::term(lang, t, k), n))
            })
            .collect();
        let f = self.fmt(lang);
        links.sort_by(|a, b| f.compare(&a.label, &b.label).then(a.url.cmp(&b.url)));
        FilterGroup {
            label: self.t(lang, &format!("nav-{}", t.key())),
            links,
        }
    }

    /// The languages offers are held in.
    fn language_group(&self, lang: &str) -> FilterGroup {
        let links = self
            .filter_counts()
            .iter()
            .filter_map(|(list, n)| match list {
                Route::OfferedIn(code, _) => Some(link(
                    self.t(lang, &format!("language-{code}")),
                    routes::offered_in(lang, code),
                    *n,
                )),
                _ => None,
            })
            .collect();
        FilterGroup {
            label: self.t(lang, "filter-language"),
            links,
        }
    }
}
