//! Filters without JavaScript: offers by topic × place and by the language
//! they are held in, as pre-rendered pages (only combinations that have
//! offers), and the filter links shown on every offer list.

use std::collections::BTreeMap;

use super::{PageBuilder, Route};
use crate::config::Taxonomy;
use crate::content::{Kind, Site};
use crate::render::views::{FilterGroup, FilterLink, ListView};
use crate::routes;

/// Offers per taxonomy term, per topic × place and per language they are
/// held in: counted once per build (every offer list shows them).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FilterCounts {
    terms: BTreeMap<(Taxonomy, String), usize>,
    topic_places: BTreeMap<(String, String), usize>,
    languages: BTreeMap<String, usize>,
}

impl FilterCounts {
    /// Counts the offers of `site`.
    pub fn of(site: &Site) -> FilterCounts {
        let mut c = FilterCounts::default();
        for item in site.of_kind(Kind::Offer) {
            let Some(l) = item.data.listing() else {
                continue;
            };
            for t in Taxonomy::ALL {
                for k in l.terms(t) {
                    *c.terms.entry((t, k.clone())).or_insert(0) += 1;
                }
            }
            for t in &l.topics {
                for p in &l.places {
                    *c.topic_places.entry((t.clone(), p.clone())).or_insert(0) += 1;
                }
            }
            for code in &l.offered_in {
                *c.languages.entry(code.clone()).or_insert(0) += 1;
            }
        }
        c
    }
}

impl PageBuilder<'_> {
    fn filter_counts(&self) -> &FilterCounts {
        self.filter_counts
            .get_or_init(|| FilterCounts::of(self.site))
    }

    /// Topic × place combinations that have offers, with their counts.
    pub(super) fn topic_places(&self) -> &BTreeMap<(String, String), usize> {
        &self.filter_counts().topic_places
    }

    /// Languages offers are held in (`offered_in`), with their counts.
    pub(super) fn offered_languages(&self) -> &BTreeMap<String, usize> {
        &self.filter_counts().languages
    }

    /// The list view of a filter page (one page of its offers, the filter links).
    pub(super) fn filter_list(
        &self,
        lang: &str,
        route: &Route,
        section: &str,
        heading: String,
    ) -> ListView {
        let (cards, total, pager) = self.list_page(lang, route);
        ListView {
            section: section.into(),
            heading,
            total,
            cards,
            pager,
            terms: Vec::new(),
            archive: None,
            calendar: None,
            filters: self.filter_groups(lang, route),
        }
    }

    /// The filter links of an offer list: topics, places and languages, with
    /// the places of the current topic (or the topics of the current place)
    /// narrowed to combinations that have offers.
    pub(super) fn filter_groups(&self, lang: &str, current: &Route) -> Vec<FilterGroup> {
        let combos = self.topic_places();
        // Every page of a list marks its filter link as the current one.
        let here = self.path(lang, &current.first_page());
        let link = |label: String, url: String, count: usize| FilterLink {
            current: here == url,
            label,
            url,
            count,
        };
        let term_group = |t: Taxonomy| {
            let mut links: Vec<FilterLink> = self
                .site
                .config
                .taxonomies
                .terms(t)
                .iter()
                .filter_map(|k| {
                    let n = self
                        .filter_counts()
                        .terms
                        .get(&(t, k.clone()))
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
        };
        let mut groups = Vec::new();
        // Narrowing first: where the reader already chose a topic or a place.
        match current {
            Route::Term(Taxonomy::Topics, topic, _) | Route::TopicPlace(topic, _, _) => {
                let links = combos
                    .iter()
                    .filter(|((t, _), _)| t == topic)
                    .map(|((t, p), n)| {
                        link(
                            self.term_label(lang, Taxonomy::Places, p),
                            routes::topic_place(lang, t, p),
                            *n,
                        )
                    })
                    .collect();
                groups.push(FilterGroup {
                    label: self.t(lang, "filter-where"),
                    links,
                });
            }
            Route::Term(Taxonomy::Places, place, _) => {
                let links = combos
                    .iter()
                    .filter(|((_, p), _)| p == place)
                    .map(|((t, p), n)| {
                        link(
                            self.term_label(lang, Taxonomy::Topics, t),
                            routes::topic_place(lang, t, p),
                            *n,
                        )
                    })
                    .collect();
                groups.push(FilterGroup {
                    label: self.t(lang, "filter-what"),
                    links,
                });
            }
            _ => {}
        }
        groups.push(term_group(Taxonomy::Topics));
        groups.push(term_group(Taxonomy::Audiences));
        groups.push(term_group(Taxonomy::Places));
        let languages = self
            .offered_languages()
            .iter()
            .map(|(code, n)| {
                link(
                    self.t(lang, &format!("language-{code}")),
                    routes::offered_in(lang, code),
                    *n,
                )
            })
            .collect();
        groups.push(FilterGroup {
            label: self.t(lang, "filter-language"),
            links: languages,
        });
        groups.retain(|g| !g.links.is_empty());
        groups
    }
}
