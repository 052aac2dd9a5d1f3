//! The URL scheme of a built site, and its only owner: every path the site
//! writes comes from here. One tree per language (`/<lang>/…`); beside them
//! the language chooser, the theme's static files, the search indexes and
//! the files for hosts and crawlers. Which pages exist ([`Route`], with
//! [`path`]) and which lists exist and show an item ([`lists`], [`affected`])
//! are decided here too.

use crate::config::Taxonomy;
use crate::content::Kind;

mod affected;
mod api;
mod lists;
mod route;

pub use affected::{
    affected, affected_by, affected_counting, cards_touched, contacts_named, feeds_affected,
    list_pages_changed, shown_on, shown_on_all, term_feeds_of,
};
pub use api::{
    API_ROOT, DCAT, api_index, api_item, api_list, api_root, api_schema, api_taxonomies,
};
pub use lists::{LISTED_KINDS, all, filter_counts, filter_counts_may_change, lists, lists_of};
pub use route::{Route, path};

/// First path segments below `/<lang>/` that free pages may not use.
pub const RESERVED_SEGMENTS: &[&str] = &[
    "offers",
    "events",
    "contacts",
    "topics",
    "audiences",
    "places",
    "pages",
    "static",
    "archive",
    "search",
    "languages",
];

pub fn home(lang: &str) -> String {
    format!("/{lang}/")
}

/// List page of a section (`/de/offers/`). Free pages have no list page.
pub fn section(lang: &str, kind: Kind) -> String {
    format!("/{lang}/{}/", kind.folder())
}

/// Page of one item. Free pages sit directly below the language: `/de/impressum/`.
pub fn item(lang: &str, kind: Kind, slug: &str) -> String {
    match kind {
        Kind::Home => home(lang),
        Kind::Page => format!("/{lang}/{slug}/"),
        _ => format!("/{lang}/{}/{slug}/", kind.folder()),
    }
}

pub fn taxonomy(lang: &str, t: Taxonomy) -> String {
    format!("/{lang}/{}/", t.key())
}

pub fn term(lang: &str, t: Taxonomy, key: &str) -> String {
    format!("/{lang}/{}/{key}/", t.key())
}

/// Offers on one topic in one place (`/de/topics/sprache/ingelheim/`).
pub fn topic_place(lang: &str, topic: &str, place: &str) -> String {
    format!("/{lang}/topics/{topic}/{place}/")
}

/// Offers on one topic for one audience (`/de/topics/sprache/audiences/frauen/`).
pub fn topic_audience(lang: &str, topic: &str, audience: &str) -> String {
    format!("/{lang}/topics/{topic}/audiences/{audience}/")
}

/// Offers on one topic held in one language (`/de/topics/sprache/languages/ar/`).
pub fn topic_language(lang: &str, topic: &str, code: &str) -> String {
    format!("/{lang}/topics/{topic}/languages/{code}/")
}

/// Offers held in a language (`/de/languages/ar/`).
pub fn offered_in(lang: &str, code: &str) -> String {
    format!("/{lang}/languages/{code}/")
}

/// The search page (works without JavaScript as a list of everything).
pub fn search(lang: &str) -> String {
    format!("/{lang}/search/")
}

/// Page `page` (1-based) of the list at `first` (`/de/offers/`): the first
/// page is the list's own URL, the others `/de/offers/page/2/` and so on.
pub fn paged(first: &str, page: usize) -> String {
    if page <= 1 {
        first.to_string()
    } else {
        format!("{first}page/{page}/")
    }
}

/// Past events.
pub fn archive(lang: &str) -> String {
    format!("/{lang}/archive/")
}

/// Calendar file of one event, in one language.
pub fn event_ics(lang: &str, slug: &str) -> String {
    format!("/{lang}/events/{slug}.ics")
}

/// Subscribable calendar of a language's upcoming events.
pub fn events_ics(lang: &str) -> String {
    format!("/{lang}/events.ics")
}

/// Contact card of one contact.
pub fn vcard(lang: &str, slug: &str) -> String {
    format!("/{lang}/contacts/{slug}.vcf")
}

/// Atom feed of a language.
pub fn feed(lang: &str) -> String {
    format!("/{lang}/feed.atom")
}

/// Subscribable calendar of the upcoming events with one term
/// (`/de/topics/sprache/events.ics`), beside the term's list page. Term keys
/// hold no dot, so no combination's folder can meet the file.
pub fn term_calendar(lang: &str, t: Taxonomy, key: &str) -> String {
    format!("{}events.ics", term(lang, t, key))
}

/// Atom feed of the upcoming events with one term (`/de/topics/sprache/feed.atom`).
pub fn term_feed(lang: &str, t: Taxonomy, key: &str) -> String {
    format!("{}feed.atom", term(lang, t, key))
}

/// Atom feed of every change to offers, events, contacts and locations in
/// a language (`/de/changes.atom`), for partners who mirror the guide.
pub fn changes_feed(lang: &str) -> String {
    format!("/{lang}/changes.atom")
}

/// The `webcal://` address of a calendar at site path `path` (calendar apps
/// subscribe to it instead of downloading it once).
pub fn webcal(base_url: &str, path: &str) -> String {
    let url = under(base_url, path);
    match url.split_once("://") {
        Some((_, rest)) => format!("webcal://{rest}"),
        None => url,
    }
}

pub fn not_found(lang: &str) -> String {
    format!("/{lang}/404.html")
}

/// The search index of a language (`/search/de.json`), loaded by the search script.
pub fn search_index(lang: &str) -> String {
    format!("{SEARCH_INDEXES}{lang}.json")
}

/// One file of a language's sharded search index (`/search/de/g3.json`):
/// `part` is `g` (words by letter pair), `p` (postings) or `d` (documents).
pub fn search_shard(lang: &str, part: char, n: usize) -> String {
    format!("{SEARCH_INDEXES}{lang}/{part}{n}.json")
}

/// The web app manifest of a language.
pub fn manifest(lang: &str) -> String {
    format!("/{lang}/manifest.webmanifest")
}

/// What the service worker keeps of a language (`/de/offline.json`).
pub fn offline_list(lang: &str) -> String {
    format!("/{lang}/offline.json")
}

/// Where the theme's static folder goes in the output (its files are `/static/…`).
pub const THEME_STATIC: &str = "static/";
/// The theme's stylesheet, script and app icon (in [`THEME_STATIC`]).
pub const STYLESHEET: &str = "/static/style.css";
pub const SCRIPT: &str = "/static/wegweiser.js";
pub const ICON: &str = "/static/icon.svg";
/// The site's own stylesheet (its `static/site.css`, copied to the root).
pub const SITE_STYLESHEET: &str = "/site.css";
/// The language chooser.
pub const CHOOSER: &str = "/";
/// What static hosts serve for unknown paths: the default language's 404 page.
pub const ROOT_NOT_FOUND: &str = "/404.html";
pub const SITEMAP: &str = "/sitemap.xml";
pub const ROBOTS: &str = "/robots.txt";
/// Response headers, for hosts that read them from a file.
pub const HEADERS: &str = "/_headers";
/// The service worker (at the root, so that its scope is the whole site).
pub const SERVICE_WORKER: &str = "/sw.js";

/// The images' variants (src/media/): one folder beside the languages.
pub const IMAGES: &str = "/img/";

/// One variant of an image: its source's content hash (short), its width
/// and format (`/img/3f9a1c2b7d4e5f60-640.webp`).
pub fn image_variant(hash: &str, width: u32, ext: &str) -> String {
    format!("{IMAGES}{hash}-{width}.{ext}")
}

/// Documents and videos items publish (`media_file`).
pub const FILES: &str = "/files/";

/// Where a file an item publishes (a document, a sign-language video) is
/// found: `/files/<section>/<slug>/<name>`, the home page's under
/// `/files/home/`. The same in every language and every build.
pub fn media_file(kind: Kind, slug: &str, name: &str) -> String {
    let name = percent_encoding::utf8_percent_encode(name, FILE_NAME).to_string();
    media_folder(kind, slug) + &name
}

/// The output file of [`media_file`] (its name not escaped).
pub fn media_output_file(kind: Kind, slug: &str, name: &str) -> String {
    file_for(&(media_folder(kind, slug) + name))
}

fn media_folder(kind: Kind, slug: &str) -> String {
    match kind {
        Kind::Home => format!("{FILES}home/"),
        _ => format!("{FILES}{}/{slug}/", kind.folder()),
    }
}

/// Characters of a file name written as they are in its address.
const FILE_NAME: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The browser editor (the site's `static/admin/`, see docs/cms.md).
pub const EDITOR: &str = "/admin/";

/// The map pages, one per language (`/map/de/`), when `[map]` is set. They
/// sit beside the language trees, not in them: their Content-Security-Policy
/// allows the tile server, and a `_headers` rule for `/de/*` would also
/// match `/de/map/` (every matching rule applies; two policies both bind).
pub const MAP_PAGES: &str = "/map/";
/// Leaflet's files (`leaflet.js`, `leaflet.css`, `images/`, its licence),
/// copied from npm only when `[map]` is set.
pub const LEAFLET: &str = "/static/leaflet/";
/// The theme's map script (reads the locations from the map page's list)
/// and stylesheet, published only when `[map]` is set.
pub const MAP_SCRIPT: &str = "/static/map.js";
pub const MAP_STYLESHEET: &str = "/static/map.css";

/// The map page of a language.
pub fn map(lang: &str) -> String {
    format!("{MAP_PAGES}{lang}/")
}

/// A file of Leaflet's (`leaflet.js`, `images/marker-icon.png`).
pub fn leaflet(file: &str) -> String {
    format!("{LEAFLET}{file}")
}

/// Every file below a folder, as `_headers` rules write it (`/de/*`).
pub fn below(folder: &str) -> String {
    format!("{}/*", folder.trim_end_matches('/'))
}

/// The path patterns of the public site (not the editor), for `_headers`:
/// the chooser, the root 404 page, the theme's static files, the search
/// indexes and each language's tree.
pub fn public_patterns(languages: &[String]) -> Vec<String> {
    let mut all = vec![
        CHOOSER.to_string(),
        format!("/{}", file_for(CHOOSER)),
        ROOT_NOT_FOUND.to_string(),
        below(&format!("/{THEME_STATIC}")),
        below(SEARCH_INDEXES),
    ];
    all.extend(languages.iter().map(|l| below(&home(l))));
    all
}

/// The folder of the search indexes.
const SEARCH_INDEXES: &str = "/search/";

/// Names a language key may not have: the first-level names of the output
/// beside the language folders (its folder `/<key>/` would meet them) and
/// the [`RESERVED_SEGMENTS`] (`offers/x.md` must not read as a language).
pub fn reserved_language_keys() -> Vec<String> {
    let mut names: Vec<String> = RESERVED_SEGMENTS.iter().map(|s| s.to_string()).collect();
    let beside_languages = [
        CHOOSER,
        THEME_STATIC,
        STYLESHEET,
        SCRIPT,
        ICON,
        SITE_STYLESHEET,
        ROOT_NOT_FOUND,
        SITEMAP,
        ROBOTS,
        HEADERS,
        SERVICE_WORKER,
        IMAGES,
        EDITOR,
        SEARCH_INDEXES,
        MAP_PAGES,
        FILES,
        API_ROOT,
        DCAT,
    ];
    for path in beside_languages {
        let file = file_for(path);
        let first = file.split('/').next().unwrap_or("");
        if !names.iter().any(|n| n == first) {
            names.push(first.to_string());
        }
    }
    names
}

/// A site path below a base: the site's address (`https://x.org` gives an
/// absolute URL) or the path it is published below (`/wegweiser`).
pub fn under(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

/// Resolves `dest` (relative or absolute) against the folder URL `base`
/// (`/de/offers/` + `../events/` → `/de/events/`).
pub fn resolve(base: &str, dest: &str) -> String {
    if dest.starts_with('/') {
        return dest.to_string();
    }
    let mut parts: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    for seg in dest.split('/') {
        match seg {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut url = format!("/{}", parts.join("/"));
    if dest.ends_with('/') {
        url.push('/');
    }
    url
}

/// The folder URL of a path asked without its closing slash (`/de/offers`
/// → `/de/offers/`), where static hosts redirect.
pub fn as_folder(path: &str) -> String {
    format!("{}/", path.trim_end_matches('/'))
}

/// The output file of a static file at `rel` (with `/`) in a static folder
/// published at `folder` ([`THEME_STATIC`], or `""` for the site's root).
pub fn static_file(folder: &str, rel: &str) -> String {
    format!("{folder}{rel}")
}

/// The index file of an output folder (`de/offers` → `de/offers/index.html`),
/// for paths asked without their closing slash.
pub fn index_file_of(folder: &str) -> String {
    file_for(&format!("/{}/", folder.trim_matches('/')))
}

/// The file a URL path is written to, relative to the output folder.
pub fn file_for(url: &str) -> String {
    let p = url.trim_start_matches('/');
    if p.is_empty() {
        "index.html".into()
    } else if p.ends_with('/') {
        format!("{p}index.html")
    } else {
        p.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::SiteConfig;
    use crate::content::Site;
    use crate::content::load::load_site;

    /// The repository's example site (only read).
    pub(super) fn example_site() -> Site {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = SiteConfig::load(root).unwrap();
        let (site, ds) = load_site(
            root,
            &config,
            crate::build::BuildOptions::new(root).load_options(),
        );
        site.unwrap_or_else(|| panic!("{}", ds.render()))
    }

    #[test]
    fn urls_and_files() {
        assert_eq!(
            item("ar", Kind::Offer, "sprachcafe"),
            "/ar/offers/sprachcafe/"
        );
        assert_eq!(item("de", Kind::Page, "impressum"), "/de/impressum/");
        assert_eq!(
            file_for("/ar/offers/sprachcafe/"),
            "ar/offers/sprachcafe/index.html"
        );
        assert_eq!(file_for("/"), "index.html");
        assert_eq!(file_for("/de/404.html"), "de/404.html");
        assert_eq!(paged("/de/offers/", 1), "/de/offers/");
        assert_eq!(paged("/de/offers/", 3), "/de/offers/page/3/");
    }

    #[test]
    fn site_files() {
        assert_eq!(file_for(&search_index("ar")), "search/ar.json");
        assert_eq!(file_for(&manifest("de")), "de/manifest.webmanifest");
        assert_eq!(file_for(&offline_list("de")), "de/offline.json");
        assert_eq!(file_for(CHOOSER), "index.html");
        assert_eq!(file_for(ROOT_NOT_FOUND), "404.html");
        assert_eq!(file_for(HEADERS), "_headers");
        assert_eq!(file_for(SERVICE_WORKER), "sw.js");
        for f in [STYLESHEET, SCRIPT, ICON] {
            assert!(file_for(f).starts_with(THEME_STATIC), "{f}");
        }
        assert_eq!(under("https://x.org", &home("de")), "https://x.org/de/");
    }

    #[test]
    fn feed_files() {
        let t = Taxonomy::Places;
        assert_eq!(
            file_for(&term_calendar("ar", t, "ingelheim")),
            "ar/places/ingelheim/events.ics"
        );
        assert_eq!(
            file_for(&term_feed("de", Taxonomy::Topics, "sprache")),
            "de/topics/sprache/feed.atom"
        );
        assert_eq!(file_for(&changes_feed("uk")), "uk/changes.atom");
        assert_eq!(
            webcal("https://x.org/guide", "/de/events.ics"),
            "webcal://x.org/guide/de/events.ics"
        );
        assert_eq!(
            webcal("http://localhost:1111", "/de/x.ics"),
            "webcal://localhost:1111/de/x.ics"
        );
    }
}
