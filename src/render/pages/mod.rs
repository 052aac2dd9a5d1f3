//! Every page of the site: which pages exist in which language, and the view
//! each template gets. What every page has is built here; each kind of page
//! has a file of its own: [`home`] (home, taxonomy indexes, chooser),
//! [`item`], [`list`] (sections, terms, archive, filter lists), [`search`];
//! [`filters`] and [`time`] serve them.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rayon::prelude::*;

use super::markdown;
use super::templates::Templates;
use super::views::{Alternate, Crumb, LangView, PageView, SwitchEntry, Txt, Urls};
use crate::config::{Language, SiteConfig, Taxonomy};
use crate::content::{Item, ItemKey, Kind, Site, Text};
use crate::diagnostics::Diagnostic;
use crate::i18n::{LocaleFormatter, Messages};
use crate::routes::{self, Route};

mod cards;
mod filters;
mod home;
mod hours;
mod item;
mod list;
mod location;
mod map;
mod media;
mod search;
mod shared;
mod time;
mod title_order;

pub use title_order::{TitleOrder, TitleOrders};

/// Interface messages that Wegweiser's own code asks for only when the content
/// needs them (so `check` does not call them unused on a site without such content).
pub const MESSAGES_ASKED_BY_CODE: &[&str] = &[
    // The DCAT-AP.de catalogue's words (output::dcat), only with [open_data].
    "open-data-catalogue",
    "open-data-dataset",
    "repeat-weekly",
    "repeat-monthly",
    "card-today",
    "card-tomorrow",
    // Holiday names beside closures (`holiday-<id>`, content::hours::holidays).
    "holiday-new-year",
    "holiday-good-friday",
    "holiday-easter-monday",
    "holiday-labour-day",
    "holiday-ascension-day",
    "holiday-whit-monday",
    "holiday-corpus-christi",
    "holiday-german-unity-day",
    "holiday-all-saints-day",
    "holiday-christmas-day",
    "holiday-boxing-day",
    // Accessibility features of a location (`access-<feature>`, render::pages::location).
    "access-step-free",
    "access-lift",
    "access-toilet",
    "access-hearing-loop",
    "access-parking",
    // The map page's title, description and its group of locations without
    // a place (render::pages::map; only with `[map]` in site.toml).
    "map-title",
    "map-description",
    "map-no-place",
    // Sizes and durations of documents and videos (render::pages::media).
    "file-size-kb",
    "file-size-mb",
    "duration-seconds",
    "duration-minutes-seconds",
    // Asked by the templates only for items with documents or a video.
    "documents-heading",
    "sign-language-heading",
    "sign-language-symbol",
    "sign-language-captions",
    "sign-language-download",
];

/// A rendered page, before minification.
#[derive(Debug, Clone)]
pub struct RenderedPage {
    /// URL path (`/de/offers/x/`).
    pub path: String,
    /// Its HTML (UTF-8: see [`Templates::render_bytes`]).
    pub html: Vec<u8>,
    /// `Some(alternates)` if the page belongs in the sitemap.
    pub sitemap: Option<Vec<Alternate>>,
}

/// Per-language things computed once.
struct LangCtx {
    view: LangView,
    urls: Urls,
}

/// Builds views and renders them with the theme's templates.
pub struct PageBuilder<'a> {
    site: &'a Site,
    messages: &'a Messages,
    formatters: &'a BTreeMap<String, LocaleFormatter>,
    langs: BTreeMap<String, LangCtx>,
    lang_keys: Vec<String>,
    /// Contact slug → items that name it (contacts, provider, organizer, organisation).
    mentions: BTreeMap<String, Vec<ItemKey>>,
    /// The build's "now" in the site's time zone: what is upcoming and what is past.
    now: jiff::civil::DateTime,
    /// Cleans HTML that editors write inside Markdown.
    sanitizer: markdown::Sanitizer,
    /// Cards per list page.
    per_page: usize,
    /// The members of each list (key: its first page), in the site's item
    /// order, independent of the language.
    /// (Only looked up, never iterated in an order that reaches output:
    /// hash maps, which spare the comparisons of routes' strings.)
    members: rustc_hash::FxHashMap<Route, Vec<&'a Item>>,
    /// Items on each filter list and taxonomy term (what filter and term
    /// links count, see [`routes::filter_counts`]), computed on first use.
    filter_counts: OnceLock<BTreeMap<Route, usize>>,
    /// The filter links of offer lists, made once per language and scope.
    filter_groups: filters::FilterGroups,
    /// Per language: every item's position in title order (collation),
    /// computed on first use or given (title_order.rs).
    title_orders: BTreeMap<String, OnceLock<std::sync::Arc<TitleOrder>>>,
    /// Per language and list (first page): the list's items in reading order, computed on first use
    /// and shared by all pages of the list.
    lists: rustc_hash::FxHashMap<(String, Route), OnceLock<Vec<&'a Item>>>,
    /// The measured images (none unless [`PageBuilder::with_images`]).
    images: &'a crate::media::Images,
    /// Per language: the values and fragments every page has, made once.
    shared: shared::Shared,
    /// Per language: the cards rendered so far.
    cards: cards::Cards<'a>,
    /// The search indexes gathered as pages are rendered, if they are.
    search_capture: Option<search::SearchCapture<'a>>,
}

/// What a page builder shows without measured images.
static NO_IMAGES: crate::media::Images = crate::media::Images::new();

fn dir_of(l: &Language) -> &'static str {
    l.dir.as_str()
}

impl<'a> PageBuilder<'a> {
    /// Prepares the pages of `site`: the stylesheets are the paths pages link
    /// (the theme's, and the site's own if it has one); `now` decides what is
    /// upcoming and what is past.
    pub fn new(
        site: &'a Site,
        messages: &'a Messages,
        formatters: &'a BTreeMap<String, LocaleFormatter>,
        stylesheet: &str,
        site_stylesheet: Option<&str>,
        now: jiff::civil::DateTime,
    ) -> Self {
        let cfg = &site.config;
        let langs = lang_contexts(cfg, stylesheet, site_stylesheet);
        let mut builder = PageBuilder {
            site,
            messages,
            formatters,
            shared: shared::Shared::new(&langs, &cfg.legal.feedback),
            cards: cards::Cards::new(&cfg.language_keys()),
            langs,
            lang_keys: cfg.language_keys(),
            sanitizer: markdown::Sanitizer::default(),
            mentions: mentions(site),
            now,
            per_page: cfg.paginate_by.max(1),
            members: Default::default(),
            filter_counts: OnceLock::new(),
            filter_groups: Default::default(),
            title_orders: cfg
                .language_keys()
                .into_iter()
                .map(|l| (l, OnceLock::new()))
                .collect(),
            lists: Default::default(),
            images: &NO_IMAGES,
            search_capture: None,
        };
        builder.collect_members();
        builder
    }

    /// The same builder, showing the measured `images`.
    pub fn with_images(mut self, images: &'a crate::media::Images) -> Self {
        self.images = images;
        self
    }

    /// Every route of the site, in a stable order.
    pub fn routes(&self) -> Vec<Route> {
        routes::all(self.site, |first| self.page_count(first))
    }

    /// Every `(language, route)` of the site.
    pub fn all_jobs(&self) -> Vec<(String, Route)> {
        let routes = self.routes();
        self.lang_keys
            .iter()
            .flat_map(|l| routes.iter().map(move |r| (l.clone(), r.clone())))
            .collect()
    }

    /// Renders the given `(language, route)` pages in parallel. Results keep
    /// the jobs' order; errors are collected, not fatal to other pages.
    pub fn render_some(
        &self,
        templates: &Templates,
        jobs: &[(String, Route)],
    ) -> Vec<Result<RenderedPage, Diagnostic>> {
        jobs.par_iter()
            .map(|(lang, route)| self.render_one(templates, lang, route))
            .collect()
    }

    /// Renders one page.
    pub fn render_one(
        &self,
        templates: &Templates,
        lang: &str,
        route: &Route,
    ) -> Result<RenderedPage, Diagnostic> {
        let (view, template, sitemap) = self.page_view(templates, lang, route)?;
        let mut ctx = tera::Context::from_serialize(&view).map_err(|e| {
            Diagnostic::error("internal-view")
                .arg("view", "page")
                .arg("detail", e.to_string())
        })?;
        self.shared.fill(&mut ctx, templates, lang, view.section)?;
        let html = templates.render_bytes(template, &ctx)?;
        Ok(RenderedPage {
            path: view.path,
            html,
            sitemap,
        })
    }

    /// The view, template name and sitemap entry of one page (`templates`
    /// render the cards of a list page).
    fn page_view(
        &self,
        templates: &Templates,
        lang: &str,
        route: &Route,
    ) -> Result<(PageView, &'static str, Option<Vec<Alternate>>), Diagnostic> {
        let (mut view, sitemap) = self.frame(lang, route);
        let v = &mut view;
        let list = |head, v: &mut PageView| self.list_page(templates, lang, route, head, v);
        let template = match route {
            Route::Home => self.home_page(lang, v),
            Route::Item(kind, slug) => self.item_page(lang, *kind, slug, v),
            Route::Section(kind, _) => list(self.section_head(lang, *kind), v)?,
            Route::Taxonomy(t) => list(self.taxonomy_head(lang, *t), v)?,
            Route::Term(t, key, _) => list(self.term_head(lang, *t, key), v)?,
            Route::Archive(_) => list(self.archive_head(lang), v)?,
            Route::TopicPlace(topic, key, _)
            | Route::TopicAudience(topic, key, _)
            | Route::TopicLanguage(topic, key, _) => {
                list(self.combination_head(lang, route, topic, key), v)?
            }
            Route::OfferedIn(code, _) => list(self.offered_in_head(lang, code), v)?,
            Route::Search => self.search_page(lang, v),
            Route::NotFound => {
                v.title = self.t(lang, "not-found-title");
                v.section = "404";
                "404.html"
            }
            Route::Map => self.map_page(lang, v),
        };
        view.breadcrumbs = self.breadcrumbs(lang, route, &view.title);
        Ok((view, template, sitemap))
    }

    /// What every page has (its language and the others, its addresses, its
    /// alternates), with its sitemap entry: `Some` for a page in a language
    /// it has a text of its own in.
    fn frame(&self, lang: &str, route: &Route) -> (PageView, Option<Vec<Alternate>>) {
        let cfg = &self.site.config;
        let path = routes::path(lang, route);
        let translated = self.translated_in(route);
        let in_sitemap = translated.iter().any(|l| l.key == lang) && *route != Route::NotFound;
        let alternates = if in_sitemap {
            self.alternates(lang, route, &translated)
        } else {
            Vec::new()
        };
        let (languages, variants) = self.switcher(lang, route);
        let view = PageView {
            languages,
            variants,
            breadcrumbs: Vec::new(),
            alternates: alternates.clone(),
            canonical: routes::under(&cfg.base_url, &path),
            path,
            title: String::new(),
            description: None,
            section: "",
            item: None,
            list: None,
            home: None,
            search: None,
            map: None,
            jsonld: None,
            og_image: None,
            feed_url: routes::feed(lang),
        };
        (view, in_sitemap.then_some(alternates))
    }

    /// hreflang alternates of a page that is a real translation (`translated`:
    /// the languages it is one in), if its language announces them.
    fn alternates(&self, lang: &str, route: &Route, translated: &[&Language]) -> Vec<Alternate> {
        if !self.language(lang).hreflang {
            return Vec::new();
        }
        let href = |l: &str| routes::under(&self.site.config.base_url, &routes::path(l, route));
        let mut v: Vec<Alternate> = translated
            .iter()
            .filter(|l| l.hreflang)
            .map(|l| Alternate {
                hreflang: l.tag_str(),
                href: href(&l.key),
            })
            .collect();
        // A page that exists in one language only has no alternates.
        if v.len() < 2 {
            return Vec::new();
        }
        v.push(Alternate {
            hreflang: "x-default".into(),
            href: href(&self.site.config.default_language),
        });
        v
    }

    /// The language switcher's entries, and the variants of the page's
    /// language (easy-read German ↔ German).
    fn switcher(&self, lang: &str, route: &Route) -> (Vec<SwitchEntry>, Vec<SwitchEntry>) {
        let cfg = &self.site.config;
        let this = self.language(lang);
        let entry = |l: &Language| SwitchEntry {
            key: l.key.clone(),
            tag: l.tag_str(),
            dir: dir_of(l),
            name: l.name.clone(),
            url: routes::path(&l.key, route),
            current: l.key == lang,
            variant: l.key != lang && l.tag == this.tag,
        };
        let variants = cfg
            .languages
            .iter()
            .filter(|l| l.key != lang && l.tag == this.tag)
            .map(&entry)
            .collect();
        (cfg.languages.iter().map(&entry).collect(), variants)
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
        let topics = || {
            crumb(
                self.t(lang, "nav-topics"),
                routes::taxonomy(lang, Taxonomy::Topics),
            )
        };
        let here = crumb(title.to_string(), routes::path(lang, route));
        match route {
            Route::Home => Vec::new(),
            Route::NotFound => vec![home],
            Route::Item(Kind::Page, _)
            | Route::Section(_, _)
            | Route::Taxonomy(_)
            | Route::Search => vec![home, here],
            Route::Item(k, _) => vec![home, section(*k), here],
            Route::Term(t, _, _) => vec![
                home,
                crumb(
                    self.t(lang, &format!("nav-{}", t.key())),
                    routes::taxonomy(lang, *t),
                ),
                here,
            ],
            Route::Archive(_) => vec![home, section(Kind::Event), here],
            Route::Map => vec![home, section(Kind::Location), here],
            Route::TopicPlace(t, _, _)
            | Route::TopicAudience(t, _, _)
            | Route::TopicLanguage(t, _, _) => vec![
                home,
                topics(),
                crumb(
                    self.term_label(lang, Taxonomy::Topics, t),
                    routes::term(lang, Taxonomy::Topics, t),
                ),
                here,
            ],
            Route::OfferedIn(_, _) => vec![home, section(Kind::Offer), here],
        }
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

    /// The text readers of `lang` see: their own, else the fallback's.
    fn text<'s>(&self, item: &'s Item, lang: &str) -> &'s Text {
        item.text_for(&self.site.config, lang)
            .unwrap_or_else(|| item.source_text(&self.site.config))
    }
}

/// Per language: its view for templates and the URLs of its fixed pages.
fn lang_contexts(
    cfg: &SiteConfig,
    stylesheet: &str,
    site_stylesheet: Option<&str>,
) -> BTreeMap<String, LangCtx> {
    let ctx = |l: &Language| {
        let k = &l.key;
        let view = LangView {
            key: k.clone(),
            tag: l.tag_str(),
            dir: dir_of(l),
            name: l.name.clone(),
            locale: match &l.numbering {
                Some(nu) => format!("{}-u-nu-{nu}", l.tag_str()),
                None => l.tag_str(),
            },
            time_zone: cfg.time_zone_name.clone(),
        };
        let urls = Urls {
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
            search_index: routes::search_index(k),
            script: routes::SCRIPT.into(),
            manifest: routes::manifest(k),
            icon: routes::ICON.into(),
            site_stylesheet: site_stylesheet.map(str::to_string),
            changes: routes::changes_feed(k),
        };
        (k.clone(), LangCtx { view, urls })
    };
    cfg.languages.iter().map(ctx).collect()
}

/// Contact slug → the items that name it, each once, in the site's order.
fn mentions(site: &Site) -> BTreeMap<String, Vec<ItemKey>> {
    let mut mentions: BTreeMap<String, Vec<ItemKey>> = BTreeMap::new();
    for (key, item) in &site.items {
        let mut named = routes::contacts_named(item);
        named.sort();
        named.dedup();
        for c in named {
            mentions.entry(c.to_string()).or_default().push(key.clone());
        }
    }
    mentions
}
