//! Filters without JavaScript: offers on a topic by place, audience or
//! language and offers by the language they are held in, as pre-rendered
//! pages (only combinations that have offers, see [`routes::lists`]), and
//! the filter links shown on every offer list.

use std::collections::BTreeMap;

use super::PageBuilder;
use crate::config::Taxonomy;
use crate::render::views::{FilterGroup, FilterLink};
use crate::routes::{self, Route};

/// What an offer list's filter groups depend on besides the language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum FilterScope {
    /// A topic's list and its combinations: the topic's filters.
    Topic(String),
    /// A place's list: the topics there, then every filter.
    Place(String),
    /// Every other list: every filter.
    Elsewhere,
}

impl FilterScope {
    /// The scope of the list `route`.
    fn of(route: &Route) -> FilterScope {
        match (route.topic(), route) {
            (Some(topic), _) => FilterScope::Topic(topic.to_string()),
            (None, Route::Term(Taxonomy::Places, place, _)) => FilterScope::Place(place.clone()),
            _ => FilterScope::Elsewhere,
        }
    }
}

/// The filter groups made so far, by language and scope.
type Made = rustc_hash::FxHashMap<(String, FilterScope), std::sync::Arc<Vec<FilterGroup>>>;

/// [`Made`], shared by the threads rendering pages.
pub(super) type FilterGroups = std::sync::Mutex<Made>;

/// `m` locked (a panic while holding it leaves the map whole: only inserts).
fn lock(m: &FilterGroups) -> std::sync::MutexGuard<'_, Made> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

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

    /// The filter links of an offer list. Within a topic (its page and its
    /// combinations) every filter keeps the topic: its places, audiences and
    /// languages that have offers, then the other topics. Elsewhere: after
    /// the topics of the current place, the terms of every taxonomy and the
    /// languages. The groups depend only on the language and on
    /// [`FilterScope::of`] the list: made once for each (at 1,000 offers
    /// some 500 lists of a language share some 40 sets, whose collation sorts and
    /// labels were 3.5 % of a build's CPU time), each page marking its own
    /// link as the current one.
    pub(super) fn filter_groups(&self, lang: &str, current: &Route) -> Vec<FilterGroup> {
        let scope = FilterScope::of(current);
        let known = lock(&self.filter_groups)
            .get(&(lang.to_string(), scope.clone()))
            .cloned();
        let shared = match known {
            Some(g) => g,
            None => {
                let made = std::sync::Arc::new(self.make_filter_groups(lang, &scope));
                // Two threads may make the same groups at once: equal results.
                lock(&self.filter_groups).insert((lang.to_string(), scope), made.clone());
                made
            }
        };
        let mut groups = Vec::clone(&shared);
        // Every page of a list marks its filter link as the current one.
        let here = routes::path(lang, &current.first_page());
        for link in groups.iter_mut().flat_map(|g| g.links.iter_mut()) {
            link.current = link.url == here;
        }
        groups
    }

    /// The filter groups of lists of `scope` in `lang` (none marked current,
    /// none empty).
    fn make_filter_groups(&self, lang: &str, scope: &FilterScope) -> Vec<FilterGroup> {
        let mut groups = match scope {
            FilterScope::Topic(topic) => self.within_topic(lang, topic),
            FilterScope::Place(place) => {
                let mut g = vec![self.at_place(lang, place)];
                g.extend(self.everywhere(lang));
                g
            }
            FilterScope::Elsewhere => self.everywhere(lang),
        };
        groups.retain(|g| !g.links.is_empty());
        groups
    }

    /// The terms of every taxonomy and the languages.
    fn everywhere(&self, lang: &str) -> Vec<FilterGroup> {
        let mut g: Vec<FilterGroup> = Taxonomy::ALL
            .map(|t| self.term_group(lang, t))
            .into_iter()
            .collect();
        g.push(self.combinations(lang, "filter-language", |r| match r {
            Route::OfferedIn(code, _) => Some(self.t(lang, &format!("language-{code}"))),
            _ => None,
        }));
        g
    }

    /// The filters within a topic: where, for whom, in which language (each
    /// combined with the topic), and the topics to change to.
    fn within_topic(&self, lang: &str, topic: &str) -> Vec<FilterGroup> {
        let label = |t: Taxonomy, key: &str| Some(self.term_label(lang, t, key));
        vec![
            self.combinations(lang, "filter-where", |r| match r {
                Route::TopicPlace(t, p, _) if t == topic => label(Taxonomy::Places, p),
                _ => None,
            }),
            self.combinations(lang, "nav-audiences", |r| match r {
                Route::TopicAudience(t, a, _) if t == topic => label(Taxonomy::Audiences, a),
                _ => None,
            }),
            self.combinations(lang, "filter-language", |r| match r {
                Route::TopicLanguage(t, c, _) if t == topic => {
                    Some(self.t(lang, &format!("language-{c}")))
                }
                _ => None,
            }),
            self.term_group(lang, Taxonomy::Topics),
        ]
    }

    /// On a place's page: the topics that have offers there.
    fn at_place(&self, lang: &str, place: &str) -> FilterGroup {
        self.combinations(lang, "filter-what", |r| match r {
            Route::TopicPlace(t, p, _) if p == place => {
                Some(self.term_label(lang, Taxonomy::Topics, t))
            }
            _ => None,
        })
    }

    /// A group of links to the filter lists `label_of` names (with their
    /// labels), by name in the reader's collation.
    fn combinations(
        &self,
        lang: &str,
        heading: &str,
        label_of: impl Fn(&Route) -> Option<String>,
    ) -> FilterGroup {
        let mut links: Vec<FilterLink> = self
            .filter_counts()
            .iter()
            .filter_map(|(list, n)| {
                label_of(list).map(|label| link(label, routes::path(lang, list), *n))
            })
            .collect();
        self.sort_links(lang, &mut links);
        FilterGroup {
            label: self.t(lang, heading),
            links,
        }
    }

    fn sort_links(&self, lang: &str, links: &mut [FilterLink]) {
        let f = self.fmt(lang);
        links.sort_by(|a, b| f.compare(&a.label, &b.label).then(a.url.cmp(&b.url)));
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
        self.sort_links(lang, &mut links);
        FilterGroup {
            label: self.t(lang, &format!("nav-{}", t.key())),
            links,
        }
    }
}
