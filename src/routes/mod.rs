//! The URL scheme of a built site. One tree per language: `/<lang>/…`.

use crate::config::Taxonomy;
use crate::content::Kind;

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

pub fn not_found(lang: &str) -> String {
    format!("/{lang}/404.html")
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
}
