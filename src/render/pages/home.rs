//! The home page, the taxonomy indexes and the links to taxonomy terms, and
//! the language chooser at the root.

use jiff::ToSpan;

use super::item::tel_uri;
use super::list::ListHead;
use super::{PageBuilder, RenderedPage, dir_of};
use crate::config::Taxonomy;
use crate::content::{Item, ItemData, Kind};
use crate::diagnostics::Diagnostic;
use crate::render::templates::Templates;
use crate::render::views::{
    Card, ChooserEntry, ChooserView, HomeView, OfficeView, PageView, TermLink,
};
use crate::routes::{self, Route};

impl PageBuilder<'_> {
    /// The home page: its text, the topics as tiles, what's on this week,
    /// the office to call and how much the guide has.
    pub(super) fn home_page(&self, lang: &str, view: &mut PageView) -> &'static str {
        let cfg = &self.site.config;
        let home = &self.site.home;
        let text = self.text(home, lang);
        let (events, events_this_week) = self.whats_on(lang);
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
            events_this_week,
            office: self.office(lang),
            offer_count: self.site.counted(Kind::Offer, self.now).count(),
            event_count: self.site.counted(Kind::Event, self.now).count(),
            contact_count: self.site.counted(Kind::Contact, self.now).count(),
        });
        "home.html"
    }

    /// What's on: the events of the next seven days (at most six), or, when
    /// there are none, the next three; and which of the two it is.
    fn whats_on(&self, lang: &str) -> (Vec<Card>, bool) {
        let upcoming: Vec<&Item> = self.site.counted(Kind::Event, self.now).collect();
        let sorted = self.sorted(lang, upcoming);
        let week_end = self.now.checked_add(7.days()).ok();
        let starts_this_week = |i: &&Item| match (&i.data, week_end) {
            (ItemData::Event(e), Some(end)) => {
                e.time.next_session(self.now).is_some_and(|s| s.start < end)
            }
            _ => false,
        };
        let this_week: Vec<&Item> = sorted
            .iter()
            .copied()
            .filter(starts_this_week)
            .take(6)
            .collect();
        let (items, is_week) = if this_week.is_empty() {
            (sorted.into_iter().take(3).collect(), false)
        } else {
            (this_week, true)
        };
        let cards = items.into_iter().map(|i| self.card(lang, i)).collect();
        (cards, is_week)
    }

    /// The office that runs the guide: the contact whose e-mail address is
    /// the site's feedback address (`legal.feedback` in site.toml).
    fn office(&self, lang: &str) -> Option<OfficeView> {
        let feedback = &self.site.config.legal.feedback;
        let (item, data) = self
            .site
            .of_kind(Kind::Contact)
            .find_map(|i| match &i.data {
                ItemData::Contact(d)
                    if d.email
                        .as_deref()
                        .is_some_and(|e| e.eq_ignore_ascii_case(feedback)) =>
                {
                    Some((i, d))
                }
                _ => None,
            })?;
        let text = self.text(item, lang);
        Some(OfficeView {
            name: self.txt(lang, &text.lang, &text.title),
            url: routes::item(lang, Kind::Contact, &item.slug),
            phone: data.phone.clone(),
            phone_href: data.phone.as_deref().map(tel_uri),
            email: data.email.clone(),
            office_hours: self.field(item, lang, |t| t.office_hours.as_ref()),
            hours: self.card_hours(item),
        })
    }

    /// A taxonomy's index: a list page of its terms (see `list_page`).
    pub(super) fn taxonomy_head(&self, lang: &str, t: Taxonomy) -> ListHead {
        ListHead {
            heading: self.t(lang, &format!("nav-{}", t.key())),
            section: t.key().to_string(),
            nav: t.key(),
        }
    }

    /// A term's name in the reader's language.
    pub(super) fn term_label(&self, lang: &str, t: Taxonomy, key: &str) -> String {
        self.t(lang, &format!("{}-{key}", t.key()))
    }

    /// Links to terms, with how many items have each, sorted by name in the
    /// reader's collation.
    pub(super) fn term_links(&self, lang: &str, t: Taxonomy, keys: &[String]) -> Vec<TermLink> {
        let mut v: Vec<TermLink> = keys
            .iter()
            .map(|k| TermLink {
                key: k.clone(),
                label: self.term_label(lang, t, k),
                url: routes::term(lang, t, k),
                count: self
                    .filter_counts()
                    .get(&Route::Term(t, k.clone(), 1))
                    .copied()
                    .unwrap_or(0),
            })
            .collect();
        let f = self.fmt(lang);
        v.sort_by(|a, b| {
            f.compare(&a.label, &b.label)
                .then_with(|| a.key.cmp(&b.key))
        });
        v
    }

    /// The language chooser at the root of the site.
    pub fn render_chooser(&self, templates: &Templates) -> Result<RenderedPage, Diagnostic> {
        let cfg = &self.site.config;
        let urls = &self.langs[&cfg.default_language].urls;
        let view = ChooserView {
            site_title: self.t(&cfg.default_language, "site-title"),
            description: self
                .field(&self.site.home, &cfg.default_language, |t| {
                    t.summary.as_ref()
                })
                .map(|t| t.text),
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
            stylesheet: urls.stylesheet.clone(),
            icon: urls.icon.clone(),
            site_stylesheet: urls.site_stylesheet.clone(),
        };
        let ctx = tera::Context::from_serialize(&view).map_err(|e| {
            Diagnostic::error("internal-view")
                .arg("view", "chooser")
                .arg("detail", e.to_string())
        })?;
        let html = templates.render_bytes("chooser.html", &ctx)?;
        Ok(RenderedPage {
            path: routes::CHOOSER.into(),
            html,
            sitemap: None,
        })
    }
}
