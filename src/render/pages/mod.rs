//! Every page of the site: which pages exist in which language, and the view
//! each template gets.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rayon::prelude::*;

use super::jsonld;
use super::markdown::{self, LinkContext};
use super::views::*;
use crate::config::{Language, Taxonomy};
use crate::content::recurrence::{Frequency, Recurrence};
use crate::content::status::State;
use crate::content::{
    Attendance, ContactKind, EventTime, Item, ItemData, ItemKey, Kind, Session, Site, Text,
};
use crate::diagnostics::Diagnostic;
use crate::i18n::{LocaleFormatter, Messages};
use crate::routes;
use fluent_bundle::FluentArgs;

pub mod filters;
mod search;

/// A page to build.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
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
    /// Page `n` of the offers held in a language.
    OfferedIn(String, usize),
    Search,
    NotFound,
}

impl Route {
    /// The first page of a list; any other route as it is.
    pub fn first_page(&self) -> Route {
        match self {
            Route::Section(k, _) => Route::Section(*k, 1),
            Route::Term(t, k, _) => Route::Term(*t, k.clone(), 1),
            Route::Archive(_) => Route::Archive(1),
            Route::TopicPlace(t, p, _) => Route::TopicPlace(t.clone(), p.clone(), 1),
            Route::OfferedIn(c, _) => Route::OfferedIn(c.clone(), 1),
            r => r.clone(),
        }
    }

    /// The page number of a list page (1 for every other route).
    pub fn page(&self) -> usize {
        match self {
            Route::Section(_, n)
            | Route::Term(_, _, n)
            | Route::Archive(n)
            | Route::TopicPlace(_, _, n)
            | Route::OfferedIn(_, n) => *n,
            _ => 1,
        }
    }

    fn with_page(&self, n: usize) -> Route {
        match self {
            Route::Section(k, _) => Route::Section(*k, n),
            Route::Term(t, k, _) => Route::Term(*t, k.clone(), n),
            Route::Archive(_) => Route::Archive(n),
            Route::TopicPlace(t, p, _) => Route::TopicPlace(t.clone(), p.clone(), n),
            Route::OfferedIn(c, _) => Route::OfferedIn(c.clone(), n),
            r => r.clone(),
        }
    }
}

/// Every item's position in one language's title order.
/// Only looked up, never iterated: a hash map (Fx: short keys) is fine here
/// and saves the string comparisons of a tree for every member of every list.
type Ranks<'a> = rustc_hash::FxHashMap<(Kind, &'a str), usize>;

/// Lists at most this long are sorted with the collator directly; longer
/// ones by each item's precomputed rank in the language's title order.
const SMALL_LIST: usize = 64;

/// A rendered page, before minification.
#[derive(Debug, Clone)]
pub struct RenderedPage {
    /// URL path (`/de/offers/x/`).
    pub path: String,
    pub html: String,
    /// `Some(alternates)` if the page belongs in the sitemap.
    pub sitemap: Option<Vec<Alternate>>,
}

/// Per-language things computed once.
struct LangCtx {
    view: LangView,
    urls: Urls,
}

/// Builds views and renders them with the theme's templates.
/// Interface messages that Wegweiser's own code asks for only when the content
/// needs them (so `check` does not call them unused on a site without such content).
pub const MESSAGES_ASKED_BY_CODE: &[&str] = &["repeat-weekly", "repeat-monthly"];

pub struct PageBuilder<'a> {
    site: &'a Site,
    messages: &'a Messages,
    formatters: &'a BTreeMap<String, LocaleFormatter>,
    langs: BTreeMap<String, LangCtx>,
    lang_keys: Vec<String>,
    /// Contact slug → items that name it (contacts, provider, organizer).
    mentions: BTreeMap<String, Vec<ItemKey>>,
    /// The build's "now" in the site's time zone: what is upcoming and what is past.
    now: jiff::civil::DateTime,
    /// Cleans HTML that editors write inside Markdown.
    sanitizer: markdown::Sanitizer,
    /// Cards per list page.
    per_page: usize,
    /// The members of each list (key: its first page), in the site's item
    /// order, independent of the language.
    members: BTreeMap<Route, Vec<&'a Item>>,
    /// Items with each taxonomy term (shown on term links).
    term_counts: BTreeMap<(Taxonomy, String), usize>,
    /// What the filter links count (offers only), computed on first use.
    filter_counts: OnceLock<filters::FilterCounts>,
    /// Per language: every item's position in title order (collation), computed on first use.
    ranks: BTreeMap<String, OnceLock<Ranks<'a>>>,
    /// Per language and list (first page): the list's items in reading order, computed on first use
    /// and shared by all pages of the list.
    lists: BTreeMap<(String, Route), OnceLock<Vec<&'a Item>>>,
}

fn dir_of(l: &Language) -> &'static str {
    l.dir.as_str()
}

impl<'a> PageBuilder<'a> {
    pub fn new(
        site: &'a Site,
        messages: &'a Messages,
        formatters: &'a BTreeMap<String, LocaleFormatter>,
        stylesheet: &str,
        site_stylesheet: Option<&str>,
        now: jiff::civil::DateTime,
    ) -> Self {
        let cfg = &site.config;
        let mut langs = BTreeMap::new();
        for l in &cfg.languages {
            let k = &l.key;
            langs.insert(
                k.clone(),
                LangCtx {
                    view: LangView {
                        key: k.clone(),
                        tag: l.tag_str(),
                        dir: dir_of(l),
                        name: l.name.clone(),
                    },
                    urls: Urls {
                        home: routes::home(k),
                        offers: routes::section(k, Kind::Offer),
                        events: routes::section(k, Kind::Event),
                        contacts: routes::section(k, Kind::Contact),
                        topics: routes::taxonomy(k, Taxonomy::Topics),
                        audiences: routes::taxonomy(k, Taxonomy::Audiences),
                        places: routes::taxonomy(k, Taxonomy::Places),
                        imprint: routes::item(k, Kind::Page, &cfg.legal.imprint),
                        privacy: routes::item(k, Kind::Page, &cfg.legal.privacy),
                        accessibility: routes::item(k, Kind::Page, &cfg.legal.accessibility),
                        stylesheet: stylesheet.to_string(),
                        search: routes::search(k),
                        search_index: format!("/{}", crate::output::search::index_path(k)),
                        script: "/static/wegweiser.js".into(),
                        manifest: format!("/{k}/manifest.webmanifest"),
                        site_stylesheet: site_stylesheet.map(str::to_string),
                    },
                },
            );
        }
        let mut mentions: BTreeMap<String, Vec<ItemKey>> = BTreeMap::new();
        for (key, item) in &site.items {
            let mut named: Vec<&String> = Vec::new();
            if let Some(l) = item.data.listing() {
                named.extend(&l.contacts);
            }
            match &item.data {
                ItemData::Offer(o) => named.extend(&o.provider),
                ItemData::Event(e) => named.extend(&e.organizer),
                _ => {}
            }
            named.sort();
            named.dedup();
            for c in named {
                mentions.entry(c.clone()).or_default().push(key.clone());
            }
        }
        let mut builder = PageBuilder {
            site,
            messages,
            formatters,
            langs,
            lang_keys: cfg.language_keys(),
            sanitizer: markdown::Sanitizer::default(),
            mentions,
            now,
            per_page: cfg.paginate_by.max(1),
            members: BTreeMap::new(),
            term_counts: BTreeMap::new(),
            filter_counts: OnceLock::new(),
            ranks: BTreeMap::new(),
            lists: BTreeMap::new(),
        };
        // One pass over the items fills every list and counts every term.
        let mut members: BTreeMap<Route, Vec<&'a Item>> = builder
            .list_routes()
            .into_iter()
            .map(|r| (r, Vec::new()))
            .collect();
        let mut term_counts: BTreeMap<(Taxonomy, String), usize> = BTreeMap::new();
        for item in site.items.values() {
            let upcoming = builder.is_upcoming(item);
            if let ItemData::Offer(o) = &item.data {
                // The filter lists (created here: only combinations that have offers).
                let l = &o.listing;
                let mut seen = std::collections::BTreeSet::new();
                for t in &l.topics {
                    for p in &l.places {
                        seen.insert(Route::TopicPlace(t.clone(), p.clone(), 1));
                    }
                }
                for c in &l.offered_in {
                    seen.insert(Route::OfferedIn(c.clone(), 1));
                }
                for r in seen {
                    members.entry(r).or_default().push(&**item);
                }
            }
            let mut bump = |r: Route| {
                if let Some(list) = members.get_mut(&r) {
                    list.push(&**item);
                }
            };
            if upcoming {
                bump(Route::Section(item.kind, 1));
            } else if item.kind == Kind::Event {
                bump(Route::Archive(1));
            }
            if let Some(l) = item.data.listing() {
                for t in Taxonomy::ALL {
                    // An item counts once per term, however often it names it.
                    let mut seen = std::collections::BTreeSet::new();
                    for term in l.terms(t) {
                        if !seen.insert(term) {
                            continue;
                        }
                        *term_counts.entry((t, term.clone())).or_default() += 1;
                        if upcoming {
                            bump(Route::Term(t, term.clone(), 1));
                        }
                    }
                }
            }
        }
        builder.lists = builder
            .lang_keys
            .iter()
            .flat_map(|l| {
                members
                    .keys()
                    .map(move |r| ((l.clone(), r.clone()), OnceLock::new()))
            })
            .collect();
        builder.ranks = builder
            .lang_keys
            .iter()
            .map(|l| (l.clone(), OnceLock::new()))
            .collect();
        builder.members = members;
        builder.term_counts = term_counts;
        builder
    }

    /// The first page of every list of the site.
    fn list_routes(&self) -> Vec<Route> {
        let mut r: Vec<Route> = [Kind::Offer, Kind::Event, Kind::Contact]
            .into_iter()
            .map(|k| Route::Section(k, 1))
            .collect();
        r.push(Route::Archive(1));
        for t in Taxonomy::ALL {
            for term in self.site.config.taxonomies.terms(t) {
                r.push(Route::Term(t, term.clone(), 1));
            }
        }
        r
    }

    /// How many pages a list has (at least one, which may say the list is empty).
    fn page_count(&self, first: &Route) -> usize {
        let n = self.members.get(first).map_or(0, Vec::len);
        n.div_ceil(self.per_page).max(1)
    }

    /// Every route of the site, in a stable order.
    pub fn routes(&self) -> Vec<Route> {
        let mut r = vec![Route::Home, Route::NotFound];
        let pages = |first: Route, r: &mut Vec<Route>| {
            for n in 1..=self.page_count(&first) {
                r.push(first.with_page(n));
            }
        };
        for k in [Kind::Offer, Kind::Event, Kind::Contact] {
            pages(Route::Section(k, 1), &mut r);
        }
        pages(Route::Archive(1), &mut r);
        r.push(Route::Search);
        for (t, p) in self.topic_places().keys() {
            pages(Route::TopicPlace(t.clone(), p.clone(), 1), &mut r);
        }
        for code in self.offered_languages().keys() {
            pages(Route::OfferedIn(code.clone(), 1), &mut r);
        }
        for t in Taxonomy::ALL {
            r.push(Route::Taxonomy(t));
            for term in self.site.config.taxonomies.terms(t) {
                pages(Route::Term(t, term.clone(), 1), &mut r);
            }
        }
        for (kind, slug) in self.site.items.keys() {
            r.push(Route::Item(*kind, slug.clone()));
        }
        r
    }

    /// Renders every route in every language, in parallel. Results keep a
    /// stable order; errors are collected, not fatal to other pages.
    /// Renders the given `(language, route)` pages in parallel.
    pub fn render_some(
        &self,
        templates: &super::templates::Templates,
        jobs: &[(String, Route)],
    ) -> Vec<Result<RenderedPage, Diagnostic>> {
        jobs.par_iter()
            .map(|(lang, route)| self.render_one(templates, lang, route))
            .collect()
    }

    /// Every `(language, route)` of the site.
    pub fn all_jobs(&self) -> Vec<(String, Route)> {
        let routes = self.routes();
        self.lang_keys
            .iter()
            .flat_map(|l| routes.iter().map(move |r| (l.clone(), r.clone())))
            .collect()
    }

    pub fn render_all(
        &self,
        templates: &super::templates::Templates,
    ) -> Vec<Result<RenderedPage, Diagnostic>> {
        let routes = self.routes();
        let jobs: Vec<(&str, &Route)> = self
            .lang_keys
            .iter()
            .flat_map(|l| routes.iter().map(move |r| (l.as_str(), r)))
            .collect();
        jobs.par_iter()
            .map(|(lang, route)| self.render_one(templates, lang, route))
            .collect()
    }

    /// Renders one page.
    pub fn render_one(
        &self,
        templates: &super::templates::Templates,
        lang: &str,
        route: &Route,
    ) -> Result<RenderedPage, Diagnostic> {
        let (view, template, sitemap) = self.page_view(lang, route);
        let ctx = tera::Context::from_serialize(&view).map_err(|e| {
            Diagnostic::error(format!("internal error: page view not serialisable: {e}"))
        })?;
        let html = templates.render(template, &ctx)?;
        Ok(RenderedPage {
            path: view.path,
            html,
            sitemap,
        })
    }

    pub fn render_chooser(
        &self,
        templates: &super::templates::Templates,
    ) -> Result<RenderedPage, Diagnostic> {
        let cfg = &self.site.config;
        let view = ChooserView {
            languages: cfg
                .languages
                .iter()
                .map(|l| ChooserEntry {
                    key: l.key.clone(),
                    tag: l.tag_str(),
                    dir: dir_of(l),
                    name: l.name.clone(),
                    url: routes::home(&l.key),
                    prompt: self.t(&l.key, "chooser-prompt"),
                    suggested: self.t(&l.key, "chooser-suggested"),
                })
                .collect(),
            default_tag: cfg.default_lang().tag_str(),
            stylesheet: self.langs[&cfg.default_language].urls.stylesheet.clone(),
            site_stylesheet: self.langs[&cfg.default_language]
                .urls
                .site_stylesheet
                .clone(),
        };
        let ctx = tera::Context::from_serialize(&view)
            .map_err(|e| Diagnostic::error(format!("internal error: chooser view: {e}")))?;
        let html = templates.render("chooser.html", &ctx)?;
        Ok(RenderedPage {
            path: "/".into(),
            html,
            sitemap: None,
        })
    }

    fn t(&self, lang: &str, id: &str) -> String {
        self.messages
            .format(lang, id, None)
            .unwrap_or_else(|| id.to_string())
    }

    fn fmt(&self, lang: &str) -> &LocaleFormatter {
        // `build` creates a formatter for every site language before rendering.
        &self.formatters[lang]
    }

    fn language(&self, key: &str) -> &Language {
        // Keys come from the site's own language list.
        self.site
            .config
            .language(key)
            .unwrap_or(self.site.config.default_lang())
    }

    /// Marks text whose language differs from the page's.
    fn txt(&self, page_lang: &str, text_lang: &str, s: &str) -> Txt {
        let (lang, dir) = if page_lang == text_lang {
            (None, None)
        } else {
            let l = self.language(text_lang);
            (Some(l.tag_str()), Some(dir_of(l)))
        };
        Txt {
            text: s.to_string(),
            lang,
            dir,
        }
    }

    /// A translatable field: from the reader's text, else along the fallback chain.
    fn field(
        &self,
        item: &Item,
        lang: &str,
        get: impl Fn(&Text) -> Option<&String>,
    ) -> Option<Txt> {
        let chain =
            std::iter::once(lang.to_string()).chain(self.language(lang).fallback.iter().cloned());
        for l in chain {
            if let Some(t) = item.texts.get(&l)
                && let Some(v) = get(t)
            {
                return Some(self.txt(lang, &l, v));
            }
        }
        None
    }

    fn text<'s>(&self, item: &'s Item, lang: &str) -> &'s Text {
        item.text_for(&self.site.config, lang)
            .unwrap_or_else(|| item.source_text(&self.site.config))
    }

    fn term_label(&self, lang: &str, t: Taxonomy, key: &str) -> String {
        self.t(lang, &format!("{}-{key}", t.key()))
    }

    fn term_links(&self, lang: &str, t: Taxonomy, keys: &[String]) -> Vec<TermLink> {
        let mut v: Vec<TermLink> = keys
            .iter()
            .map(|k| TermLink {
                key: k.clone(),
                label: self.term_label(lang, t, k),
                url: routes::term(lang, t, k),
                count: self.term_counts.get(&(t, k.clone())).copied().unwrap_or(0),
            })
            .collect();
        let f = self.fmt(lang);
        v.sort_by(|a, b| {
            f.compare(&a.label, &b.label)
                .then_with(|| a.key.cmp(&b.key))
        });
        v
    }

    fn contact_ref(&self, lang: &str, slug: &str) -> Option<ContactRef> {
        let item = self.site.get(Kind::Contact, slug)?;
        let text = self.text(item, lang);
        let kind = match &item.data {
            ItemData::Contact(c) if c.kind == ContactKind::Organization => "organization",
            _ => "person",
        };
        Some(ContactRef {
            slug: slug.to_string(),
            name: self.txt(lang, &text.lang, &text.title),
            role: self.field(item, lang, |t| t.role.as_ref()),
            url: routes::item(lang, Kind::Contact, slug),
            kind,
        })
    }

    fn when(&self, lang: &str, time: &EventTime) -> Vec<When> {
        let f = self.fmt(lang);
        let session = |s: &Session| When {
            date: f.date_long(s.start.date()),
            time: f.time_range(s.start.time(), s.end.time()),
            start_iso: iso_minutes(s.start),
            end_iso: iso_minutes(s.end),
        };
        match time {
            EventTime::Sessions(s) => s.iter().map(session).collect(),
            // A series: its next dates.
            EventTime::Recurring { occurrences, .. } => occurrences
                .iter()
                .filter(|s| s.end > self.now)
                .take(6)
                .map(session)
                .collect(),
            EventTime::AllDay { start, end } => {
                let mut d = *start;
                let mut out = Vec::new();
                while d <= *end {
                    out.push(When {
                        date: f.date_long(d),
                        time: String::new(),
                        start_iso: d.to_string(),
                        end_iso: d.to_string(),
                    });
                    match d.tomorrow() {
                        Ok(n) => d = n,
                        Err(_) => break,
                    }
                }
                out
            }
        }
    }

    fn card(&self, lang: &str, item: &Item) -> Card {
        let text = self.text(item, lang);
        let (meta, datetime) = match &item.data {
            ItemData::Event(e) => {
                let f = self.fmt(lang);
                let m = match (&e.time, e.time.next_session(self.now)) {
                    // A repeating event: its next date and how it repeats.
                    (EventTime::Recurring { first, rule, .. }, Some(next)) => format!(
                        "{} · {}",
                        f.date_medium(next.start.date()),
                        self.recurrence_text(lang, rule, *first)
                    ),
                    _ => {
                        let (first, last) = (e.time.first_day(), e.time.last_day());
                        if last != first {
                            format!("{} – {}", f.date_medium(first), f.date_medium(last))
                        } else {
                            f.date_medium(first)
                        }
                    }
                };
                let day = e
                    .time
                    .next_session(self.now)
                    .map_or(e.time.first_day(), |s| s.start.date());
                (Some(m), Some(day.to_string()))
            }
            ItemData::Contact(_) => (
                self.field(item, lang, |t| t.role.as_ref()).map(|t| t.text),
                None,
            ),
            _ => (None, None),
        };
        Card {
            kind: item.kind.name(),
            url: routes::item(lang, item.kind, &item.slug),
            title: self.txt(lang, &text.lang, &text.title),
            summary: self.field(item, lang, |t| t.summary.as_ref()),
            meta,
            datetime,
            untranslated: !item.texts.contains_key(lang),
        }
    }

    /// Cards sorted for the reader: events by date, everything else by title
    /// in the reader's collation.
    fn cards<'s>(&self, lang: &str, items: impl Iterator<Item = &'s Item>) -> Vec<Card> {
        self.sorted(lang, items.collect())
            .into_iter()
            .map(|i| self.card(lang, i))
            .collect()
    }

    /// Items in reading order: events by date, everything else by title in
    /// the reader's collation (ties by slug). Long lists compare precomputed
    /// ranks instead of titles, with the same result.
    fn sorted<'s>(&self, lang: &str, mut items: Vec<&'s Item>) -> Vec<&'s Item> {
        let is_event = |i: &Item| matches!(i.data, ItemData::Event(_));
        let rank = (items.len() > SMALL_LIST && !items.iter().all(|i| is_event(i)))
            .then(|| self.rank(lang));
        let mut keyed: Vec<(Option<jiff::civil::DateTime>, usize, &Item)> = items
            .drain(..)
            .map(|i| {
                let date = match &i.data {
                    ItemData::Event(e) => Some(self.event_key(&e.time)),
                    _ => None,
                };
                let r = rank.map_or(0, |r| {
                    r.get(&(i.kind, i.slug.as_str()))
                        .copied()
                        .unwrap_or(usize::MAX)
                });
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

    /// Every item's position in the language's title order (collation, then slug, then kind).
    fn rank(&self, lang: &str) -> &Ranks<'a> {
        static EMPTY: OnceLock<Ranks> = OnceLock::new();
        let Some(cell) = self.ranks.get(lang) else {
            return EMPTY.get_or_init(Ranks::default);
        };
        cell.get_or_init(|| {
            let f = self.fmt(lang);
            let site: &'a Site = self.site;
            let mut all: Vec<(&'a str, &'a Item)> = site
                .items
                .values()
                .map(|i| (self.text(i, lang).title.as_str(), &**i))
                .collect();
            all.sort_by(|a, b| {
                f.compare(a.0, b.0)
                    .then(a.1.slug.cmp(&b.1.slug))
                    .then(a.1.kind.cmp(&b.1.kind))
            });
            all.into_iter()
                .enumerate()
                .map(|(n, (_, i))| ((i.kind, i.slug.as_str()), n))
                .collect()
        })
    }

    /// A list in reading order, sorted once per language and shared by its
    /// pages (borrowed, not copied for every page).
    fn list(&self, lang: &str, first: &Route) -> std::borrow::Cow<'_, [&'a Item]> {
        let make = || {
            let mut v = self.sorted(lang, self.members.get(first).cloned().unwrap_or_default());
            if matches!(first, Route::Archive(_)) {
                v.reverse(); // most recent first
            }
            v
        };
        match self.lists.get(&(lang.to_string(), first.clone())) {
            Some(cell) => std::borrow::Cow::Borrowed(cell.get_or_init(make)),
            None => std::borrow::Cow::Owned(make()),
        }
    }

    /// The cards of one page of a list, the list's length and the pager.
    fn list_page(&self, lang: &str, route: &Route) -> (Vec<Card>, usize, Option<Pager>) {
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
            .map(|i| self.card(lang, i))
            .collect();
        let base = self.path(lang, &first);
        let pager = (pages > 1).then(|| Pager {
            page,
            pages,
            prev: (page > 1).then(|| routes::paged(&base, page - 1)),
            next: (page < pages).then(|| routes::paged(&base, page + 1)),
        });
        (cards, items.len(), pager)
    }

    /// Upcoming events sort by their next session; past ones by their first day.
    fn event_key(&self, t: &EventTime) -> jiff::civil::DateTime {
        t.next_session(self.now).map_or(
            t.first_day().to_datetime(jiff::civil::Time::midnight()),
            |s| s.start,
        )
    }

    fn is_upcoming(&self, item: &Item) -> bool {
        match &item.data {
            ItemData::Event(e) => e.time.is_upcoming(self.now),
            _ => true,
        }
    }

    /// "Jeden Dienstag bis 15. Dezember 2026" in the reader's language.
    fn recurrence_text(&self, lang: &str, rule: &Recurrence, first: Session) -> String {
        let f = self.fmt(lang);
        // A date with each weekday, near the first occurrence, gives ICU the weekday's name.
        let names: Vec<String> = rule
            .weekdays
            .iter()
            .map(|w| {
                let d = first.start.date();
                let ahead =
                    (w.to_monday_zero_offset() - d.weekday().to_monday_zero_offset()).rem_euclid(7);
                f.weekday(
                    d.checked_add(jiff::Span::new().days(ahead as i64))
                        .unwrap_or(d),
                )
            })
            .collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut args = FluentArgs::new();
        args.set("weekday", f.list_and(&refs));
        args.set("interval", rule.interval as i64);
        args.set("week", rule.week.unwrap_or(1) as i64);
        // Times and dates are isolated (FSI…PDI) inside the sentence so that
        // digits and am/pm do not reorder in right-to-left text. This text
        // only goes into element content, never into attributes.
        let isolate = |s: String| format!("\u{2068}{s}\u{2069}");
        args.set("until", isolate(f.date_plain(rule.until)));
        args.set(
            "time",
            isolate(f.time_range(first.start.time(), first.end.time())),
        );
        let id = match rule.frequency {
            Frequency::Weekly => "repeat-weekly",
            Frequency::Monthly => "repeat-monthly",
        };
        self.messages
            .format(lang, id, Some(&args))
            .unwrap_or_else(|| id.to_string())
    }

    fn languages_list(&self, lang: &str, codes: &[String]) -> Option<String> {
        if codes.is_empty() {
            return None;
        }
        let names: Vec<String> = codes
            .iter()
            .map(|c| self.t(lang, &format!("language-{c}")))
            .collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        Some(self.fmt(lang).list_and(&refs))
    }

    fn body(&self, text: &Text, lang: &str) -> String {
        markdown::render(
            text.body(),
            &LinkContext {
                lang,
                languages: &self.lang_keys,
                raw_html: self.site.config.markdown.raw_html,
                sanitizer: &self.sanitizer,
            },
        )
    }

    /// The body in the reader's language (or the fallback's), with its translation status.
    fn body_view(&self, item: &Item, text: &Text, lang: &str) -> BodyView {
        let untranslated = text.lang != lang;
        let fallback = untranslated.then(|| self.language(&text.lang));
        let status = item.status(&self.site.config, lang);
        BodyView {
            body: self.body(text, lang),
            body_lang: fallback.map(|l| l.tag_str()),
            body_dir: fallback.map(dir_of),
            untranslated,
            fallback_name: fallback.map(|l| l.name.clone()),
            outdated: status.state == State::Outdated,
            source_name: self.site.config.default_lang().name.clone(),
            machine_translated: status.machine_translated && !untranslated,
            reviewed: status.reviewed,
        }
    }

    fn item_view(&self, lang: &str, item: &Item) -> ItemView {
        let text = self.text(item, lang);
        let address = format!(
            "{}{}",
            self.site.config.base_url,
            routes::item(lang, item.kind, &item.slug)
        );
        let fmt = self.fmt(lang);
        let listing = item.data.listing();
        let terms = |t: Taxonomy| {
            listing
                .map(|l| self.term_links(lang, t, l.terms(t)))
                .unwrap_or_default()
        };
        let contacts = listing
            .map(|l| {
                l.contacts
                    .iter()
                    .filter_map(|c| self.contact_ref(lang, c))
                    .collect()
            })
            .unwrap_or_default();
        let offer = match &item.data {
            ItemData::Offer(o) => Some(OfferView {
                geo_uri: o.listing.geo.map(geo_uri),
                schedule: self.field(item, lang, |t| t.schedule.as_ref()),
                cost: self.field(item, lang, |t| t.cost.as_ref()),
                childcare: o.childcare,
                accessible: o.listing.accessible,
                address: o.listing.address.clone(),
                geo: o.listing.geo,
                registration_url: o.listing.registration_url.clone(),
                website: o.website.clone(),
                provider: o
                    .provider
                    .as_deref()
                    .and_then(|p| self.contact_ref(lang, p)),
                review_by: o.review_by.map(|d| fmt.date_medium(d)),
            }),
            _ => None,
        };
        let event = match &item.data {
            ItemData::Event(e) => Some(EventView {
                when: self.when(lang, &e.time),
                recurrence: match &e.time {
                    EventTime::Recurring { first, rule, .. } => {
                        Some(self.recurrence_text(lang, rule, *first))
                    }
                    _ => None,
                },
                upcoming: e.time.is_upcoming(self.now),
                ics_url: routes::event_ics(lang, &item.slug),
                online_url: e.online_url.clone(),
                attendance: match e.attendance {
                    Attendance::InPerson => "in-person",
                    Attendance::Online => "online",
                    Attendance::Hybrid => "hybrid",
                },
                geo_uri: e.listing.geo.map(geo_uri),
                all_day: matches!(e.time, EventTime::AllDay { .. }),
                location: e.location.clone(),
                address: e.listing.address.clone(),
                geo: e.listing.geo,
                cost: self.field(item, lang, |t| t.cost.as_ref()),
                accessible: e.listing.accessible,
                registration_url: e.listing.registration_url.clone(),
                organizer: e
                    .organizer
                    .as_deref()
                    .and_then(|p| self.contact_ref(lang, p)),
            }),
            _ => None,
        };
        let contact = match &item.data {
            ItemData::Contact(c) => {
                let mentioned: Vec<&Item> = self
                    .mentions
                    .get(&item.slug)
                    .into_iter()
                    .flatten()
                    .filter_map(|k| self.site.items.get(k).map(|i| &**i))
                    .collect();
                let people = self
                    .site
                    .of_kind(Kind::Contact)
                    .filter(|p| matches!(&p.data, ItemData::Contact(pc) if pc.organization.as_deref() == Some(item.slug.as_str())))
                    .filter_map(|p| self.contact_ref(lang, &p.slug))
                    .collect();
                Some(ContactView {
                    kind: match c.kind {
                        ContactKind::Person => "person",
                        ContactKind::Organization => "organization",
                    },
                    role: self.field(item, lang, |t| t.role.as_ref()),
                    vcard_url: routes::vcard(lang, &item.slug),
                    organization: c
                        .organization
                        .as_deref()
                        .and_then(|o| self.contact_ref(lang, o)),
                    phone: c.phone.clone(),
                    phone_href: c.phone.as_ref().map(|p| {
                        let digits: String = p
                            .chars()
                            .filter(|ch| ch.is_ascii_digit() || *ch == '+')
                            .collect();
                        format!("tel:{digits}")
                    }),
                    email: c.email.clone(),
                    website: c.website.clone(),
                    address: c.address.clone(),
                    office_hours: self.field(item, lang, |t| t.office_hours.as_ref()),
                    languages: self.languages_list(lang, &c.languages),
                    people,
                    offers: self.cards(
                        lang,
                        mentioned.iter().copied().filter(|i| i.kind == Kind::Offer),
                    ),
                    events: self.cards(
                        lang,
                        mentioned
                            .iter()
                            .copied()
                            .filter(|i| i.kind == Kind::Event && self.is_upcoming(i)),
                    ),
                })
            }
            _ => None,
        };
        ItemView {
            kind: item.kind.name(),
            slug: item.slug.clone(),
            title: self.txt(lang, &text.lang, &text.title),
            summary: self.field(item, lang, |t| t.summary.as_ref()),
            text: self.body_view(item, text, lang),
            updated: item.updated.map(|d| fmt.date_long(d)),
            updated_iso: item.updated.map(|d| d.to_string()),
            topics: terms(Taxonomy::Topics),
            audiences: terms(Taxonomy::Audiences),
            places: terms(Taxonomy::Places),
            offered_in: listing.and_then(|l| self.languages_list(lang, &l.offered_in)),
            contacts,
            offer,
            event,
            contact,
            qr: super::qr::svg(&address, &self.t(lang, "print-qr-label")),
            address,
        }
    }

    fn jsonld(&self, lang: &str, item: &Item, url: &str) -> Option<String> {
        let base = &self.site.config.base_url;
        let ctx = jsonld::Ctx {
            tz: &self.site.config.time_zone,
            lang_tag: &self.language(lang).tag_str(),
            url,
            text: self.text(item, lang),
        };
        let party = |slug: &str| {
            let c = self.site.get(Kind::Contact, slug)?;
            Some(jsonld::Party {
                name: self.text(c, lang).title.clone(),
                url: format!("{base}{}", routes::item(lang, Kind::Contact, slug)),
                is_organization: matches!(&c.data, ItemData::Contact(d) if d.kind == ContactKind::Organization),
            })
        };
        jsonld::item(item, &ctx, party).map(|v| jsonld::to_script(&v))
    }

    /// Languages in which a route has its own text (is a real translation).
    fn translated_in(&self, route: &Route) -> Vec<&Language> {
        let cfg = &self.site.config;
        let item = match route {
            Route::Home => Some(&*self.site.home),
            Route::Item(k, s) => self.site.get(*k, s),
            _ => None,
        };
        cfg.languages
            .iter()
            .filter(|l| item.is_none_or(|i| i.texts.contains_key(&l.key)))
            .collect()
    }

    /// The URL path of a page (`/de/offers/page/2/`).
    pub fn path(&self, lang: &str, route: &Route) -> String {
        match route {
            Route::Home => routes::home(lang),
            Route::Item(k, s) => routes::item(lang, *k, s),
            Route::Section(k, n) => routes::paged(&routes::section(lang, *k), *n),
            Route::Taxonomy(t) => routes::taxonomy(lang, *t),
            Route::Term(t, k, n) => routes::paged(&routes::term(lang, *t, k), *n),
            Route::Archive(n) => routes::paged(&routes::archive(lang), *n),
            Route::Search => routes::search(lang),
            Route::TopicPlace(t, p, n) => routes::paged(&routes::topic_place(lang, t, p), *n),
            Route::OfferedIn(c, n) => routes::paged(&routes::offered_in(lang, c), *n),
            Route::NotFound => routes::not_found(lang),
        }
    }

    /// The view, template name and sitemap entry of one page.
    fn page_view(
        &self,
        lang: &str,
        route: &Route,
    ) -> (PageView<'_>, &'static str, Option<Vec<Alternate>>) {
        let cfg = &self.site.config;
        let lc = &self.langs[lang];
        let path = self.path(lang, route);
        let translated = self.translated_in(route);
        let is_translation = translated.iter().any(|l| l.key == lang);
        let base = &cfg.base_url;
        // hreflang only between real translations, and only on pages that are one.
        let announced = self.language(lang).hreflang;
        let alternates: Vec<Alternate> = if is_translation && announced && *route != Route::NotFound
        {
            let mut v: Vec<Alternate> = translated
                .iter()
                .filter(|l| l.hreflang)
                .map(|l| Alternate {
                    hreflang: l.tag_str(),
                    href: format!("{base}{}", self.path(&l.key, route)),
                })
                .collect();
            // A page that exists in one language only has no alternates.
            if v.len() < 2 {
                v.clear();
            } else {
                v.push(Alternate {
                    hreflang: "x-default".into(),
                    href: format!("{base}{}", self.path(&cfg.default_language, route)),
                });
            }
            v
        } else {
            Vec::new()
        };
        let this = self.language(lang);
        let entry = |l: &Language| SwitchEntry {
            key: l.key.clone(),
            tag: l.tag_str(),
            dir: dir_of(l),
            name: l.name.clone(),
            url: self.path(&l.key, route),
            current: l.key == lang,
        };
        // Variants of the page's language (easy-read German ↔ German).
        let variants = cfg
            .languages
            .iter()
            .filter(|l| l.key != lang && l.tag == this.tag)
            .map(&entry)
            .collect();
        let languages = cfg.languages.iter().map(&entry).collect();
        let mut view = PageView {
            lang_key: &lc.view.key,
            lang: &lc.view,
            languages,
            variants,
            breadcrumbs: Vec::new(),
            alternates: alternates.clone(),
            urls: &lc.urls,
            feedback_email: &cfg.legal.feedback,
            canonical: format!("{base}{path}"),
            path,
            title: String::new(),
            description: None,
            section: "",
            item: None,
            list: None,
            home: None,
            search: None,
            jsonld: None,
            feed_url: routes::feed(lang),
        };
        let sitemap = (is_translation && *route != Route::NotFound).then_some(alternates);
        let template = match route {
            Route::Home => {
                let home = &self.site.home;
                let text = self.text(home, lang);
                let upcoming = self
                    .site
                    .of_kind(Kind::Event)
                    .filter(|i| self.is_upcoming(i));
                let events = self
                    .sorted(lang, upcoming.collect())
                    .into_iter()
                    .take(3)
                    .map(|i| self.card(lang, i))
                    .collect();
                view.title = text.title.clone();
                view.description = self
                    .field(home, lang, |t| t.summary.as_ref())
                    .map(|t| t.text);
                view.section = "home";
                view.home = Some(HomeView {
                    title: self.txt(lang, &text.lang, &text.title),
                    text: self.body_view(home, text, lang),
                    topics: self.term_links(
                        lang,
                        Taxonomy::Topics,
                        cfg.taxonomies.terms(Taxonomy::Topics),
                    ),
                    events,
                    offer_count: self.site.of_kind(Kind::Offer).count(),
                    event_count: self
                        .site
                        .of_kind(Kind::Event)
                        .filter(|i| self.is_upcoming(i))
                        .count(),
                    contact_count: self.site.of_kind(Kind::Contact).count(),
                });
                "home.html"
            }
            Route::Item(kind, slug) => {
                // Routes come from `site.items`, so the item exists.
                let item = &self.site.items[&(*kind, slug.clone())];
                let iv = self.item_view(lang, item);
                view.jsonld = self.jsonld(lang, item, &view.canonical);
                view.title = iv.title.text.clone();
                view.description = iv.summary.as_ref().map(|s| s.text.clone());
                view.section = match kind {
                    Kind::Offer => "offers",
                    Kind::Event => "events",
                    Kind::Contact => "contacts",
                    _ => "",
                };
                view.item = Some(iv);
                "item.html"
            }
            Route::Section(kind, _) => {
                let section = kind.folder();
                let heading = self.t(lang, &format!("nav-{section}"));
                view.title = heading.clone();
                view.section = match kind {
                    Kind::Offer => "offers",
                    Kind::Event => "events",
                    _ => "contacts",
                };
                // Event lists show what is still to come; the rest is in the archive.
                let (cards, total, pager) = self.list_page(lang, route);
                view.list = Some(ListView {
                    section: section.to_string(),
                    heading,
                    cards,
                    total,
                    pager,
                    terms: Vec::new(),
                    archive: (*kind == Kind::Event).then(|| routes::archive(lang)),
                    calendar: (*kind == Kind::Event).then(|| routes::events_ics(lang)),
                    filters: if *kind == Kind::Offer {
                        self.filter_groups(lang, route)
                    } else {
                        Vec::new()
                    },
                });
                "list.html"
            }
            Route::Taxonomy(t) => {
                let heading = self.t(lang, &format!("nav-{}", t.key()));
                view.title = heading.clone();
                view.section = t.key();
                view.list = Some(ListView {
                    section: t.key().to_string(),
                    heading,
                    cards: Vec::new(),
                    total: 0,
                    pager: None,
                    terms: self.term_links(lang, *t, cfg.taxonomies.terms(*t)),
                    archive: None,
                    calendar: None,
                    filters: Vec::new(),
                });
                "list.html"
            }
            Route::Term(t, key, _) => {
                let heading = self.term_label(lang, *t, key);
                view.title = heading.clone();
                view.section = t.key();
                let (cards, total, pager) = self.list_page(lang, route);
                view.list = Some(ListView {
                    section: format!("{}-term", t.key()),
                    heading,
                    cards,
                    total,
                    pager,
                    terms: Vec::new(),
                    archive: None,
                    calendar: None,
                    filters: self.filter_groups(lang, route),
                });
                "list.html"
            }
            Route::Archive(_) => {
                let heading = self.t(lang, "nav-archive");
                view.title = heading.clone();
                view.section = "events";
                let (cards, total, pager) = self.list_page(lang, route);
                view.list = Some(ListView {
                    section: "archive".into(),
                    heading,
                    cards,
                    total,
                    pager,
                    terms: Vec::new(),
                    archive: None,
                    calendar: None,
                    filters: Vec::new(),
                });
                "list.html"
            }
            Route::TopicPlace(topic, place, _) => {
                let heading = format!(
                    "{} – {}",
                    self.term_label(lang, Taxonomy::Topics, topic),
                    self.term_label(lang, Taxonomy::Places, place)
                );
                view.title = heading.clone();
                view.section = "topics";
                view.list = Some(self.filter_list(lang, route, "topics-place", heading));
                "list.html"
            }
            Route::OfferedIn(code, _) => {
                let mut args = FluentArgs::new();
                args.set("language", self.t(lang, &format!("language-{code}")));
                let heading = self
                    .messages
                    .format(lang, "offers-in-language", Some(&args))
                    .unwrap_or_else(|| code.clone());
                view.title = heading.clone();
                view.section = "offers";
                view.list = Some(self.filter_list(lang, route, "offered-in", heading));
                "list.html"
            }
            Route::Search => {
                view.title = self.t(lang, "search-title");
                view.section = "search";
                view.search = Some(self.search_view(lang));
                "search.html"
            }
            Route::NotFound => {
                view.title = self.t(lang, "not-found-title");
                view.section = "404";
                "404.html"
            }
        };
        view.breadcrumbs = self.breadcrumbs(lang, route, &view.title);
        (view, template, sitemap)
    }

    /// Home › section › page. Empty on the home page.
    fn breadcrumbs(&self, lang: &str, route: &Route, title: &str) -> Vec<Crumb> {
        let crumb = |label: String, url: String| Crumb { label, url };
        let home = crumb(self.t(lang, "nav-home"), routes::home(lang));
        let section = |k: Kind| {
            crumb(
                self.t(lang, &format!("nav-{}", k.folder())),
                routes::section(lang, k),
            )
        };
        let here = |url: String| crumb(title.to_string(), url);
        match route {
            Route::Home => Vec::new(),
            Route::Item(Kind::Page, s) => vec![home, here(routes::item(lang, Kind::Page, s))],
            Route::Item(k, s) => vec![home, section(*k), here(routes::item(lang, *k, s))],
            Route::Section(_, _) => vec![home, here(self.path(lang, route))],
            Route::Taxonomy(t) => vec![home, here(routes::taxonomy(lang, *t))],
            Route::Term(t, _, _) => vec![
                home,
                crumb(
                    self.t(lang, &format!("nav-{}", t.key())),
                    routes::taxonomy(lang, *t),
                ),
                here(self.path(lang, route)),
            ],
            Route::Archive(_) => vec![home, section(Kind::Event), here(self.path(lang, route))],
            Route::Search => vec![home, here(routes::search(lang))],
            Route::TopicPlace(t, _, _) => vec![
                home,
                crumb(
                    self.t(lang, "nav-topics"),
                    routes::taxonomy(lang, Taxonomy::Topics),
                ),
                crumb(
                    self.term_label(lang, Taxonomy::Topics, t),
                    routes::term(lang, Taxonomy::Topics, t),
                ),
                here(self.path(lang, route)),
            ],
            Route::OfferedIn(_, _) => {
                vec![home, section(Kind::Offer), here(self.path(lang, route))]
            }
            Route::NotFound => vec![home],
        }
    }
}

/// `geo:` URI (RFC 5870): opens the reader's own map app, no third party involved.
fn geo_uri((lat, lon): (f64, f64)) -> String {
    format!("geo:{lat},{lon}")
}

/// `2026-02-05T18:00` (no seconds, no offset): local time in the site's zone.
fn iso_minutes(dt: jiff::civil::DateTime) -> String {
    dt.strftime("%Y-%m-%dT%H:%M").to_string()
}
