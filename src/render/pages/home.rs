//! The home page, the taxonomy indexes and the links to taxonomy terms, and
//! the language chooser at the root.

use super::list::ListHead;
use super::{PageBuilder, RenderedPage, dir_of};
use crate::config::Taxonomy;
use crate::content::Kind;
use crate::diagnostics::Diagnostic;
use crate::render::templates::Templates;
use crate::render::views::{ChooserEntry, ChooserView, HomeView, PageView, TermLink};
use crate::routes::{self, Route};

impl PageBuilder<'_> {
    /// The home page: its text, the topics, the next events and how much
    /// the guide has.
    pub(super) fn home_page(&self, lang: &str, view: &mut PageView) -> &'static str {
        let cfg = &self.site.config;
        let home = &self.site.home;
        let text = self.text(home, lang);
        let upcoming = self.site.counted(Kind::Event, self.now);
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
            offer_count: self.site.counted(Kind::Offer, self.now).count(),
            event_count: self.site.counted(Kind::Event, self.now).count(),
            contact_count: self.site.counted(Kind::Contact, self.now).count(),
        });
        "home.html"
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
            site_stylesheet: urls.site_stylesheet.clone(),
        };
        let ctx = tera::Context::from_serialize(&view)
            .map_err(|e| Diagnostic::error(format!("internal error: chooser view: {e}")))?;
        let html = templates.render("chooser.html", &ctx)?;
        Ok(RenderedPage {
            path: routes::CHOOSER.into(),
            html,
            sitemap: None,
        })
    }
}
