//! The pages of a site, language-independent, and the URL path of each.

use super::{Kind, Taxonomy, topic_audience, topic_language, topic_place};
use super::{
    archive, home, item, map, not_found, offered_in, paged, search, section, taxonomy, term,
};

/// A page to build.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Route {
    Home,
    Item(Kind, String),
    /// Page `n` (1-based) of a section's list.
    Section(Kind, usize),
    Taxonomy(Taxonomy),
    /// Page `n` of a term's list.
    Term(Taxonomy, String, usize),
    /// Page `n` of the past events.
    Archive(usize),
    /// Page `n` of the offers on a topic in a place (only combinations that have some).
    TopicPlace(String, String, usize),
    /// Page `n` of the offers on a topic for an audience (only combinations that have some).
    TopicAudience(String, String, usize),
    /// Page `n` of the offers on a topic held in a language (only combinations that have some).
    TopicLanguage(String, String, usize),
    /// Page `n` of the offers held in a language.
    OfferedIn(String, usize),
    Search,
    NotFound,
    /// Every location on a map (only when `[map]` is set in site.toml).
    Map,
}

impl Route {
    /// The first page of a list; any other route as it is.
    pub fn first_page(&self) -> Route {
        self.with_page(1)
    }

    /// The page number of a list page (1 for every other route).
    pub fn page(&self) -> usize {
        self.page_of_list().unwrap_or(1)
    }

    /// Page `n` of a list; any other route as it is.
    pub fn with_page(&self, n: usize) -> Route {
        match self {
            Route::Section(k, _) => Route::Section(*k, n),
            Route::Term(t, k, _) => Route::Term(*t, k.clone(), n),
            Route::Archive(_) => Route::Archive(n),
            Route::TopicPlace(t, p, _) => Route::TopicPlace(t.clone(), p.clone(), n),
            Route::TopicAudience(t, a, _) => Route::TopicAudience(t.clone(), a.clone(), n),
            Route::TopicLanguage(t, c, _) => Route::TopicLanguage(t.clone(), c.clone(), n),
            Route::OfferedIn(c, _) => Route::OfferedIn(c.clone(), n),
            r => r.clone(),
        }
    }

    /// Whether this is a page of a list of items (which may have more pages).
    pub fn is_list(&self) -> bool {
        self.page_of_list().is_some()
    }

    /// The page number, if this is a page of a list.
    fn page_of_list(&self) -> Option<usize> {
        match self {
            Route::Section(_, n)
            | Route::Term(_, _, n)
            | Route::Archive(n)
            | Route::TopicPlace(_, _, n)
            | Route::TopicAudience(_, _, n)
            | Route::TopicLanguage(_, _, n)
            | Route::OfferedIn(_, n) => Some(*n),
            _ => None,
        }
    }

    /// Whether filter links lead to this list (a taxonomy term, a topic
    /// with a place, audience or language, offered-in); they count the
    /// items on it.
    pub fn is_filter(&self) -> bool {
        self.is_combination() || matches!(self, Route::Term(..) | Route::OfferedIn(..))
    }

    /// Whether this is a topic narrowed by a place, an audience or a language.
    pub fn is_combination(&self) -> bool {
        matches!(
            self,
            Route::TopicPlace(..) | Route::TopicAudience(..) | Route::TopicLanguage(..)
        )
    }

    /// The topic a list keeps to: a topic's own list and its combinations.
    pub fn topic(&self) -> Option<&str> {
        match self {
            Route::Term(Taxonomy::Topics, t, _)
            | Route::TopicPlace(t, _, _)
            | Route::TopicAudience(t, _, _)
            | Route::TopicLanguage(t, _, _) => Some(t),
            _ => None,
        }
    }

    /// Whether this page shows the filter links: the offer list and every
    /// list a filter link leads to.
    pub fn has_filters(&self) -> bool {
        self.is_filter() || matches!(self, Route::Section(Kind::Offer, _))
    }
}

/// The URL path of a page in a language (`/de/offers/page/2/`).
pub fn path(lang: &str, route: &Route) -> String {
    match route {
        Route::Home => home(lang),
        Route::Item(k, s) => item(lang, *k, s),
        Route::Section(k, n) => paged(&section(lang, *k), *n),
        Route::Taxonomy(t) => taxonomy(lang, *t),
        Route::Term(t, k, n) => paged(&term(lang, *t, k), *n),
        Route::Archive(n) => paged(&archive(lang), *n),
        Route::Search => search(lang),
        Route::TopicPlace(t, p, n) => paged(&topic_place(lang, t, p), *n),
        Route::TopicAudience(t, a, n) => paged(&topic_audience(lang, t, a), *n),
        Route::TopicLanguage(t, c, n) => paged(&topic_language(lang, t, c), *n),
        Route::OfferedIn(c, n) => paged(&offered_in(lang, c), *n),
        Route::NotFound => not_found(lang),
        Route::Map => map(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_of_lists() {
        let r = Route::TopicPlace("sprache".into(), "mainz".into(), 3);
        assert_eq!(r.page(), 3);
        assert_eq!(r.first_page().page(), 1);
        assert_eq!(
            r.with_page(2),
            Route::TopicPlace("sprache".into(), "mainz".into(), 2)
        );
        assert!(r.is_list() && r.is_filter() && r.has_filters());
        assert!(!Route::Search.is_list());
        assert_eq!(Route::Search.with_page(4), Route::Search);
        assert!(Route::Section(Kind::Offer, 1).has_filters());
        assert!(!Route::Section(Kind::Event, 1).has_filters());
        assert!(!Route::Archive(1).has_filters());
    }

    #[test]
    fn paths() {
        assert_eq!(
            path("de", &Route::Section(Kind::Offer, 2)),
            "/de/offers/page/2/"
        );
        assert_eq!(
            path("ar", &Route::Term(Taxonomy::Places, "mainz".into(), 1)),
            "/ar/places/mainz/"
        );
        assert_eq!(
            path("de", &Route::OfferedIn("uk".into(), 1)),
            "/de/languages/uk/"
        );
        assert_eq!(path("de", &Route::NotFound), "/de/404.html");
        assert_eq!(path("ar", &Route::Map), "/map/ar/");
        assert_eq!(
            path(
                "de",
                &Route::TopicAudience("sprache".into(), "frauen".into(), 2)
            ),
            "/de/topics/sprache/audiences/frauen/page/2/"
        );
        assert_eq!(
            path(
                "ar",
                &Route::TopicLanguage("sprache".into(), "fa".into(), 1)
            ),
            "/ar/topics/sprache/languages/fa/"
        );
        let r = Route::TopicLanguage("sprache".into(), "fa".into(), 3);
        assert_eq!(r.first_page().page(), 1);
        assert!(r.is_filter() && r.has_filters() && r.is_combination());
        assert_eq!(r.topic(), Some("sprache"));
        assert_eq!(Route::OfferedIn("fa".into(), 1).topic(), None);
    }
}
