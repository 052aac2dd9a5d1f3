//! The search page, what the search index knows about each page, and what
//! the service worker keeps of a language.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Mutex, PoisonError};

use super::PageBuilder;
use crate::config::Taxonomy;
use crate::content::{Item, ItemData, ItemKey, Kind, Text};
use crate::output::search::{Collector, Indexed, Source};
use crate::render::markdown;
use crate::render::views::{Crumb, PageView, SearchDoc, SearchFacts, SearchView};
use crate::routes::{self, LISTED_KINDS};

/// Above this many items the no-JavaScript search page links to the section
/// lists instead of listing everything (it would get too heavy for phones).
const MAX_LISTED: usize = 500;

/// A full build's search indexes, gathered as its pages are rendered
/// ([`PageBuilder::capturing_search`]): an item page adds its document
/// with the plain text of the body it rendered, so the index neither reads
/// nor parses the body again (at 1,000 offers that was 5 % of a build's
/// CPU time). Only one language's index is gathered at a time (pages are
/// rendered language by language); the documents are numbered by the
/// items' order, so the order the pages come in does not matter.
pub(super) struct SearchCapture<'a> {
    /// The searched items in the site's order: document `i` is `items[i]`.
    items: Vec<&'a Item>,
    /// Each searched item's number.
    numbers: rustc_hash::FxHashMap<(Kind, &'a str), usize>,
    /// Per language: its documents so far, until taken.
    langs: BTreeMap<String, Mutex<Option<Collector>>>,
}

impl<'a> PageBuilder<'a> {
    /// The same builder, gathering each language's search index as its
    /// item pages are rendered (taken with [`Self::take_search_index`]).
    pub(crate) fn capturing_search(mut self) -> Self {
        let items: Vec<&'a Item> = self
            .site
            .items
            .values()
            .map(|i| &**i)
            .filter(|item| self.searched(item))
            .collect();
        let numbers = items
            .iter()
            .enumerate()
            .map(|(n, item)| ((item.kind, item.slug.as_str()), n))
            .collect();
        let langs = self
            .lang_keys
            .iter()
            .map(|l| (l.clone(), Mutex::new(Some(Collector::new(items.len())))))
            .collect();
        self.search_capture = Some(SearchCapture {
            items,
            numbers,
            langs,
        });
        self
    }

    /// Whether the body of `item` rendered as `text` in `lang` goes into
    /// the search index being gathered: its number if so (the text shown
    /// in `lang` is the one its document has).
    pub(super) fn captures(&self, lang: &str, item: &Item, text: &Text) -> Option<usize> {
        let c = self.search_capture.as_ref()?;
        let n = *c.numbers.get(&(item.kind, item.slug.as_str()))?;
        (c.langs.contains_key(lang) && std::ptr::eq(text, self.text(item, lang))).then_some(n)
    }

    /// Adds document `n` ([`Self::captures`]) of `lang` with its body's
    /// plain text `body`.
    pub(super) fn capture(&self, lang: &str, n: usize, body: &str) {
        let Some(c) = &self.search_capture else {
            return;
        };
        let (Some(slot), Some(item)) = (c.langs.get(lang), c.items.get(n)) else {
            return;
        };
        let indexed = Indexed::with_body_text(&self.search_doc(lang, item), body);
        if let Some(collector) = slot.lock().unwrap_or_else(PoisonError::into_inner).as_mut() {
            collector.add(n, indexed);
        }
    }

    /// The search index of `lang` gathered while its pages were rendered,
    /// completed with every searched item no page added (read as
    /// [`Self::search_docs`] would); `None` if not gathering.
    pub(crate) fn take_search_index(&self, lang: &str) -> Option<Collector> {
        let c = self.search_capture.as_ref()?;
        let mut collector = c
            .langs
            .get(lang)?
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()?;
        for n in collector.missing(c.items.len()) {
            if let Some(item) = c.items.get(n) {
                collector.add(n, Indexed::of(self.search_doc(lang, item)));
            }
        }
        Some(collector)
    }

    /// How many documents of `lang` the pages rendered so far added.
    #[cfg(test)]
    pub(crate) fn search_gathered(&self, lang: &str) -> usize {
        let Some(c) = &self.search_capture else {
            return 0;
        };
        c.langs[lang]
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map_or(0, |collector| {
                c.items.len() - collector.missing(c.items.len()).len()
            })
    }
}

impl PageBuilder<'_> {
    /// Every item as readers of `lang` see it (own text or fallback), with
    /// everything searchable about it, made one at a time as the index
    /// takes them.
    pub fn search_docs<'s>(&'s self, lang: &'s str) -> impl Iterator<Item = Source<'s>> + 's {
        self.site
            .items
            .values()
            .filter(|item| self.searched(item))
            .map(move |item| self.search_doc(lang, item))
    }

    /// [`Self::search_docs`] all at once, made in parallel (for an index
    /// updated from its memo, which compares every document before it
    /// indexes any: at 10,000 offers making them is 0.2 s of CPU); `only`
    /// those of these items, if given.
    pub fn search_docs_made<'s>(
        &'s self,
        lang: &'s str,
        only: Option<&BTreeSet<ItemKey>>,
    ) -> Vec<Source<'s>> {
        use rayon::prelude::*;
        let items: Vec<&Item> = match only {
            Some(keys) => keys
                .iter()
                .filter_map(|(kind, slug)| self.site.get(*kind, slug))
                .collect(),
            None => self.site.items.values().map(|i| &**i).collect(),
        };
        items
            .into_par_iter()
            .filter(|item| self.searched(item))
            .map(|item| self.search_doc(lang, item))
            .collect()
    }

    /// Whether the search index has `item`: not a past event (those are in
    /// the archive).
    fn searched(&self, item: &Item) -> bool {
        !matches!(item.data, ItemData::Event(_)) || self.is_upcoming(item)
    }

    /// The order of search results of equal rank: by title, as the
    /// language sorts (the index numbers its documents so).
    pub fn title_order(&self, lang: &str) -> impl Fn(&str, &str) -> std::cmp::Ordering + Sync + '_ {
        let fmt = self.fmt(lang);
        move |a, b| fmt.compare(a, b)
    }

    /// One item's entry in the index, and all its searchable text (the
    /// body's made only if the index needs it).
    fn search_doc<'s>(&'s self, lang: &str, item: &'s Item) -> Source<'s> {
        let text = self.text(item, lang);
        let section = match item.kind {
            Kind::Page => String::new(),
            k => self.t(lang, &format!("nav-{}", k.folder())),
        };
        let mut all = format!(
            "{} {} {} {} {}",
            text.title,
            text.summary.as_deref().unwrap_or(""),
            text.role.as_deref().unwrap_or(""),
            text.schedule.as_deref().unwrap_or(""),
            section,
        );
        if let ItemData::Location(l) = &item.data {
            for w in [l.address.as_deref(), text.transit.as_deref()] {
                all.push(' ');
                all.push_str(w.unwrap_or(""));
            }
        }
        if let Some(l) = item.data.listing() {
            for t in Taxonomy::ALL {
                for key in l.terms(t) {
                    all.push(' ');
                    all.push_str(&self.term_label(lang, t, key));
                }
            }
        }
        let doc = SearchDoc {
            url: routes::item(lang, item.kind, &item.slug),
            title: text.title.clone(),
            summary: text.summary.clone().unwrap_or_default(),
            section,
            lang: (text.lang != lang).then(|| self.language(&text.lang).tag_str()),
            facts: match item.kind {
                Kind::Offer | Kind::Event => SearchFacts::from(self.card_facts(lang, item)),
                _ => SearchFacts::default(),
            },
        };
        Source {
            doc,
            text: all,
            body_digest: text.body_digest(),
            body: Box::new(move || text.with_body(markdown::plain_text)),
        }
    }

    /// What the service worker keeps of a language once a reader opens one
    /// of its pages: home, lists, search, contacts, and what they need.
    pub fn offline_urls(&self, lang: &str) -> Vec<String> {
        let urls = &self.langs[lang].urls;
        let mut v = vec![
            urls.home.clone(),
            urls.offers.clone(),
            urls.events.clone(),
            urls.contacts.clone(),
            urls.topics.clone(),
            urls.search.clone(),
            urls.search_index.clone(),
            urls.stylesheet.clone(),
            urls.script.clone(),
        ];
        v.extend(urls.site_stylesheet.clone());
        v.extend(
            self.site
                .of_kind(Kind::Contact)
                .map(|c| routes::item(lang, Kind::Contact, &c.slug)),
        );
        v
    }

    /// The search page: a form, and (for readers without JavaScript) everything A–Z.
    pub(super) fn search_page(&self, lang: &str, view: &mut PageView) -> &'static str {
        view.title = self.t(lang, "search-title");
        view.section = "search";
        let search = self.search_view(lang);
        // What the page searches: the site's sections, named in the reader's language.
        let sections: Vec<&str> = search.sections.iter().map(|s| s.label.as_str()).collect();
        view.description = Some(format!(
            "{}: {}",
            view.title,
            self.fmt(lang).list_and(&sections)
        ));
        view.search = Some(search);
        "search.html"
    }

    fn search_view(&self, lang: &str) -> SearchView {
        let cfg = &self.site.config;
        let default = &cfg.default_language;
        let mut listed: Vec<&Item> = self
            .site
            .items
            .values()
            .map(|i| &**i)
            .filter(|i| i.kind != Kind::Page && self.is_upcoming(i))
            .collect();
        let few = listed.len() <= MAX_LISTED;
        let (untranslated, all) = if few {
            // A–Z by title in the reader's collation, whatever the kind.
            // (A long guide lists none: it is not sorted at all.)
            let f = self.fmt(lang);
            listed.sort_by(|a, b| {
                f.compare(&self.text(a, lang).title, &self.text(b, lang).title)
                    .then(a.kind.cmp(&b.kind))
                    .then(a.slug.cmp(&b.slug))
            });
            listed
                .into_iter()
                .map(|i| self.card_brief(lang, i))
                .partition(|c| c.untranslated)
        } else {
            (Vec::new(), Vec::new())
        };
        SearchView {
            fallback_index: (lang != default).then(|| routes::search_index(default)),
            fallback_name: (lang != default).then(|| self.t(lang, &format!("language-{default}"))),
            fallback_tag: (lang != default).then(|| self.language(default).tag_str()),
            all,
            untranslated,
            sections: LISTED_KINDS
                .into_iter()
                .map(|k| Crumb {
                    label: self.t(lang, &format!("nav-{}", k.folder())),
                    url: routes::section(lang, k),
                })
                .collect(),
        }
    }
}
