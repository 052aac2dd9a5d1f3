//! List pages (sections, taxonomy terms, the archive, the filter lists):
//! which items each list has, in which order readers see them, the cards
//! and the pager.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use fluent_bundle::FluentArgs;

use super::PageBuilder;
use super::item::own_reach;
use crate::config::Taxonomy;
use crate::content::{Attendance, Item, ItemData, Kind, Listing, Site};
use crate::diagnostics::Diagnostic;
use crate::render::templates::Templates;
use crate::render::views::{Card, CardFacts, FeedLinks, ListCard, ListView, PageView, Pager};
use crate::routes::{self, Route};

/// Lists at most this long are sorted with the collator directly; longer
/// ones by each item's precomputed rank in the language's title order.
const SMALL_LIST: usize = 64;

/// What a list page is called: its heading (also the page's title), its
/// name for templates and the navigation entry it belongs to.
pub(super) struct ListHead {
    pub(super) heading: String,
    pub(super) section: String,
    pub(super) nav: &'static str,
}

impl<'a> PageBuilder<'a> {
    /// Fills every list with its members, in one pass over the items;
    /// prepares a place for each list's reading order.
    pub(super) fn collect_members(&mut self) {
        let site: &'a Site = self.site;
        let mut members: FxHashMap<Route, Vec<&'a Item>> = routes::lists(site)
            .into_iter()
            .map(|r| (r, Vec::new()))
            .collect();
        for item in site.items.values() {
            let item: &'a Item = item;
            let counted = item.is_counted(self.now);
            for list in &routes::lists_of(item) {
                // Past events are on the archive; everything else is on its
                // lists while it counts (the same rule as every count).
                if matches!(list, Route::Archive(_)) == counted {
                    continue;
                }
                // An item is on a list once, however often it names it.
                if let Some(m) = members.get_mut(list)
                    && !m.last().is_some_and(|last| std::ptr::eq(*last, item))
                {
                    m.push(item);
                }
            }
        }
        self.lists = self
            .lang_keys
            .iter()
            .flat_map(|l| {
                members
                    .keys()
                    .map(move |r| ((l.clone(), r.clone()), OnceLock::new()))
            })
            .collect();
        self.members = members;
    }

    /// How many pages a list has (at least one, which may say the list is empty).
    pub(super) fn page_count(&self, first: &Route) -> usize {
        let n = self.members.get(first).map_or(0, Vec::len);
        n.div_ceil(self.per_page).max(1)
    }

    /// A section's list: the offers, the upcoming events, the contacts.
    pub(super) fn section_head(&self, lang: &str, kind: Kind) -> ListHead {
        let section = kind.folder();
        ListHead {
            heading: self.t(lang, &format!("nav-{section}")),
            section: section.to_string(),
            nav: match kind {
                Kind::Offer => "offers",
                Kind::Event => "events",
                Kind::Location => "locations",
                _ => "contacts",
            },
        }
    }

    /// The upcoming items with a taxonomy term.
    pub(super) fn term_head(&self, lang: &str, t: Taxonomy, key: &str) -> ListHead {
        ListHead {
            heading: self.term_label(lang, t, key),
            section: format!("{}-term", t.key()),
            nav: t.key(),
        }
    }

    /// The past events, most recent first.
    pub(super) fn archive_head(&self, lang: &str) -> ListHead {
        ListHead {
            heading: self.t(lang, "nav-archive"),
            section: "archive".into(),
            nav: "events",
        }
    }

    /// The offers on a topic in a place, for an audience or in a language
    /// ("Sprache – Ingelheim", "Sprache – Frauen", "Sprache – Arabisch").
    pub(super) fn combination_head(
        &self,
        lang: &str,
        route: &Route,
        topic: &str,
        key: &str,
    ) -> ListHead {
        let (with, section) = match route {
            Route::TopicAudience(..) => (
                self.term_label(lang, Taxonomy::Audiences, key),
                "topics-audience",
            ),
            Route::TopicLanguage(..) => {
                (self.t(lang, &format!("language-{key}")), "topics-language")
            }
            _ => (self.term_label(lang, Taxonomy::Places, key), "topics-place"),
        };
        ListHead {
            heading: format!(
                "{} – {with}",
                self.term_label(lang, Taxonomy::Topics, topic)
            ),
            section: section.into(),
            nav: "topics",
        }
    }

    /// The offers held in a language.
    pub(super) fn offered_in_head(&self, lang: &str, code: &str) -> ListHead {
        let mut args = FluentArgs::new();
        args.set("language", self.t(lang, &format!("language-{code}")));
        ListHead {
            heading: self
                .messages
                .format(lang, "offers-in-language", Some(&args))
                .unwrap_or_else(|| code.to_string()),
            section: "offered-in".into(),
            nav: "offers",
        }
    }

    /// A page of a list (or a taxonomy's index, a list of its terms): one
    /// page of cards, and what the kind of list has besides.
    pub(super) fn list_page(
        &self,
        templates: &Templates,
        lang: &str,
        route: &Route,
        head: ListHead,
        view: &mut PageView,
    ) -> Result<&'static str, Diagnostic> {
        let (cards, total, pager) = self.cards_page(templates, lang, route)?;
        // Event lists show what is still to come; the rest is in the archive.
        let events = matches!(route, Route::Section(Kind::Event, _));
        let terms = match route {
            Route::Taxonomy(t) => self.term_links(lang, *t, self.site.config.taxonomies.terms(*t)),
            _ => Vec::new(),
        };
        let titles: Vec<&str> = cards
            .iter()
            .map(|c| match c {
                ListCard::Html(h) => &*h.title,
                ListCard::View(v) => v.title.text.as_str(),
            })
            .chain(terms.iter().map(|t| t.label.as_str()))
            .collect();
        view.description = Some(self.list_description(lang, &head.heading, &titles));
        let badges = cards.iter().any(|c| match c {
            ListCard::Html(h) => h.hours,
            ListCard::View(v) => v.facts.as_ref().is_some_and(|f| f.hours.is_some()),
        });
        view.title = head.heading.clone();
        view.section = head.nav;
        view.list = Some(ListView {
            section: head.section,
            heading: head.heading,
            cards,
            total,
            pager,
            terms,
            archive: events.then(|| routes::archive(lang)),
            calendar: events.then(|| routes::events_ics(lang)),
            filters: if route.has_filters() {
                self.filter_groups(lang, route)
            } else {
                Vec::new()
            },
            badges,
            map: (*route == Route::Section(Kind::Location, 1) && self.site.config.map.is_some())
                .then(|| routes::map(lang)),
            feeds: self.term_feed_links(lang, route),
        });
        Ok("list.html")
    }

    /// A term's calendar and feed, on the term's list pages (every term has
    /// them, with events or without: see output/feeds.rs).
    fn term_feed_links(&self, lang: &str, route: &Route) -> Option<FeedLinks> {
        let Route::Term(t, key, _) = route else {
            return None;
        };
        let calendar = routes::term_calendar(lang, *t, key);
        Some(FeedLinks {
            webcal: routes::webcal(&self.site.config.base_url, &calendar),
            calendar,
            atom: routes::term_feed(lang, *t, key),
        })
    }

    /// A list page's description (search engines show it under the title):
    /// its heading, then what it lists (`titles`: the cards of the page, or a
    /// taxonomy's terms), cut at a word after about 160 characters, which is
    /// what search results show.
    fn list_description(&self, lang: &str, heading: &str, titles: &[&str]) -> String {
        const SHOWN: usize = 160;
        let listed = if titles.is_empty() {
            self.t(lang, "list-empty")
        } else {
            self.fmt(lang).list_and(titles)
        };
        let full = format!("{heading}: {listed}");
        if full.chars().count() <= SHOWN {
            return full;
        }
        let cut: String = full.chars().take(SHOWN).collect();
        let at_word = cut
            .rfind(char::is_whitespace)
            .map_or(cut.as_str(), |i| &cut[..i]);
        format!("{} …", at_word.trim_end_matches([',', '،', ';', ':']))
    }

    /// The cards of one page of a list, the list's length and the pager.
    fn cards_page(
        &self,
        templates: &Templates,
        lang: &str,
        route: &Route,
    ) -> Result<(Vec<ListCard>, usize, Option<Pager>), Diagnostic> {
        let first = route.first_page();
        let items = self.list(lang, &first);
        let pages = items.len().div_ceil(self.per_page).max(1);
        let page = route.page().clamp(1, pages);
        let start = (page - 1) * self.per_page;
        let end = (start + self.per_page).min(items.len());
        let cards = items
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .map(|i| match templates.list_includes_card() {
                true => Ok(ListCard::View(Box::new(self.card(lang, i)))),
                false => self.card_html(templates, lang, i).map(ListCard::Html),
            })
            .collect::<Result<_, _>>()?;
        let base = routes::path(lang, &first);
        let pager = (pages > 1).then(|| Pager {
            page,
            pages,
            prev: (page > 1).then(|| routes::paged(&base, page - 1)),
            next: (page < pages).then(|| routes::paged(&base, page + 1)),
        });
        Ok((cards, items.len(), pager))
    }

    /// A list in reading order, sorted once per language and shared by its
    /// pages (borrowed, not copied for every page).
    fn list(&self, lang: &str, first: &Route) -> Cow<'_, [&'a Item]> {
        let make = || {
            let mut v = self.sorted(lang, self.members.get(first).cloned().unwrap_or_default());
            if matches!(first, Route::Archive(_)) {
                v.reverse(); // most recent first
            }
            v
        };
        match self.lists.get(&(lang.to_string(), first.clone())) {
            Some(cell) => Cow::Borrowed(cell.get_or_init(make)),
            None => Cow::Owned(make()),
        }
    }

    /// The items of a list (given by its first page) in `lang`, in reading
    /// order, [`PageBuilder::per_page`] to a page; `None` if the site has no
    /// such list. What an update compares to find the pages a change moves
    /// cards on (build/deps.rs).
    pub fn list_items(&self, lang: &str, first: &Route) -> Option<Vec<&'a Item>> {
        self.members
            .contains_key(first)
            .then(|| self.list(lang, first).into_owned())
    }

    /// Cards on a list page.
    pub fn per_page(&self) -> usize {
        self.per_page
    }

    /// A digest of an item's card in `lang`: of the view the card template
    /// gets on a list page, so equal digests mean equal cards.
    pub fn card_digest(&self, lang: &str, item: &Item) -> u64 {
        use std::hash::Hasher;
        // A card is plain data (strings, numbers, options): it always serializes.
        let json = serde_json::to_vec(&self.card(lang, item)).unwrap_or_default();
        let mut h = rustc_hash::FxHasher::default();
        h.write(&json);
        h.finish()
    }

    /// One item in a list, with the facts a reader decides by.
    pub(super) fn card(&self, lang: &str, item: &Item) -> Card {
        let facts = CardFacts {
            hours: self.card_hours(item),
            ..self.card_facts(lang, item)
        };
        let empty = facts.when.is_none()
            && facts.hours.is_none()
            && facts.location.is_none()
            && facts.places.is_none()
            && facts.schedule.is_none()
            && facts.cost.is_none()
            && facts.languages.is_none()
            && facts.reach.is_none();
        Card {
            facts: (!empty).then_some(facts),
            ..self.card_brief(lang, item)
        }
    }

    /// One item in a list: title, summary, and a contact's role or an event's date only.
    pub(super) fn card_brief(&self, lang: &str, item: &Item) -> Card {
        let text = self.text(item, lang);
        Card {
            kind: item.kind.name(),
            url: routes::item(lang, item.kind, &item.slug),
            title: self.txt(lang, &text.lang, &text.title),
            summary: self.field(item, lang, |t| t.summary.as_ref()),
            meta: match &item.data {
                ItemData::Contact(_) => self.field(item, lang, |t| t.role.as_ref()).map(|t| t.text),
                _ => None,
            },
            untranslated: !item.texts.contains_key(lang),
            facts: match &item.data {
                ItemData::Event(e) => Some(CardFacts {
                    when: Some(self.card_when(lang, &e.time)),
                    ..CardFacts::default()
                }),
                _ => None,
            },
        }
    }

    /// Where, when, what it costs, in which languages, whom to call.
    pub(super) fn card_facts(&self, lang: &str, item: &Item) -> CardFacts {
        let places = |l: &Listing| {
            let labels: Vec<String> = l
                .places
                .iter()
                .map(|p| self.term_label(lang, Taxonomy::Places, p))
                .collect();
            let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
            (!refs.is_empty()).then(|| self.fmt(lang).list_and(&refs))
        };
        let languages = |l: &Listing| self.languages_list(lang, &l.offered_in);
        match &item.data {
            ItemData::Offer(o) => CardFacts {
                places: places(&o.listing),
                location: o
                    .listing
                    .address
                    .clone()
                    .filter(|_| o.listing.places.is_empty()),
                schedule: self.field(item, lang, |t| t.schedule.as_ref()),
                cost: self.field(item, lang, |t| t.cost.as_ref()),
                languages: languages(&o.listing),
                reach: self.reach(lang, item),
                ..CardFacts::default()
            },
            ItemData::Event(e) => CardFacts {
                when: Some(self.card_when(lang, &e.time)),
                location: e.location.clone().or_else(|| {
                    e.listing
                        .address
                        .clone()
                        .filter(|_| e.listing.places.is_empty())
                }),
                places: places(&e.listing)
                    .filter(|_| e.location.is_none())
                    .or_else(|| {
                        (e.attendance == Attendance::Online && e.location.is_none())
                            .then(|| self.t(lang, "attendance-online"))
                    }),
                cost: self.field(item, lang, |t| t.cost.as_ref()),
                languages: languages(&e.listing),
                reach: self.reach(lang, item),
                ..CardFacts::default()
            },
            ItemData::Contact(c) => CardFacts {
                reach: own_reach(c),
                ..CardFacts::default()
            },
            _ => CardFacts::default(),
        }
    }

    /// Brief cards (no facts; an event keeps its date), sorted for the reader:
    /// for the lists on a contact's own page, where every full card would
    /// repeat the contact's phone and a long list would outweigh the page.
    pub(super) fn brief_cards<'s>(
        &self,
        lang: &str,
        items: impl Iterator<Item = &'s Item>,
    ) -> Vec<Card> {
        self.sorted(lang, items.collect())
            .into_iter()
            .map(|i| self.card_brief(lang, i))
            .collect()
    }

    /// Items in reading order: events by date, everything else by title in
    /// the reader's collation (ties by slug). Long lists compare precomputed
    /// ranks instead of titles, with the same result.
    pub(super) fn sorted<'s>(&self, lang: &str, mut items: Vec<&'s Item>) -> Vec<&'s Item> {
        let is_event = |i: &Item| matches!(i.data, ItemData::Event(_));
        let rank = (items.len() > SMALL_LIST && !items.iter().all(|i| is_event(i)))
            .then(|| self.title_positions(lang));
        let mut keyed: Vec<(Option<jiff::civil::DateTime>, usize, &Item)> = items
            .drain(..)
            .map(|i| {
                let date = match &i.data {
                    ItemData::Event(e) => Some(self.event_key(&e.time)),
                    _ => None,
                };
                let r = rank.map_or(0, |r| r.get(i.kind, &i.slug).unwrap_or(usize::MAX));
                (date, r, i)
            })
            .collect();
        let f = self.fmt(lang);
        keyed.sort_by(|a, b| match (a.0, b.0) {
            (Some(x), Some(y)) => x.cmp(&y).then(a.2.slug.cmp(&b.2.slug)),
            // A total order also for mixed lists: events after everything else.
            (Some(_), None) => std::cmp::Ordering::Greater,
            (None, Some(_)) => std::cmp::Ordering::Less,
            _ if rank.is_some() => a.1.cmp(&b.1),
            _ => f
                .compare(&self.text(a.2, lang).title, &self.text(b.2, lang).title)
                .then(a.2.slug.cmp(&b.2.slug)),
        });
        keyed.into_iter().map(|(_, _, i)| i).collect()
    }
}
