//! View structs: exactly what templates see. Built from the content model by
//! [`super::pages`]; kept apart from the model so templates never depend on
//! how content is stored, and so every value is already in the reader's
//! language (formatted dates, sorted lists, resolved URLs).

use serde::Serialize;

mod card_html;
mod media;
mod place;
pub use card_html::{CardHtml, ListCard};
pub use media::{DocumentView, SignLanguageView};
pub use place::{
    AccessRow, HoursRow, HoursView, LocationView, MapGroup, MapLocation, MapView, PlaceView,
};

/// The page's language, for `<html lang dir>` and Fluent lookups.
#[derive(Debug, Clone, Serialize)]
pub struct LangView {
    pub key: String,
    pub tag: String,
    pub dir: &'static str,
    pub name: String,
    /// BCP 47 tag for the scripts' time formats, with the language's digits
    /// (`ar-u-nu-arab`).
    pub locale: String,
    /// The site's IANA time zone, in which the scripts show times.
    pub time_zone: String,
}

/// One entry of the language switcher.
#[derive(Debug, Clone, Serialize)]
pub struct SwitchEntry {
    pub key: String,
    pub tag: String,
    pub dir: &'static str,
    pub name: String,
    pub url: String,
    pub current: bool,
    /// A variant of the page's language (easy-read German on a German
    /// page): shown first in the switcher, not again in its list.
    pub variant: bool,
}

/// One step of the breadcrumb trail.
#[derive(Debug, Clone, Serialize)]
pub struct Crumb {
    pub label: String,
    pub url: String,
}

/// `<link rel="alternate" hreflang>` target.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub struct Alternate {
    pub hreflang: String,
    pub href: String,
}

/// One page that search can find: an entry of a language's search index,
/// shown by the search script as a result.
#[derive(Debug, Clone, Serialize)]
pub struct SearchDoc {
    /// URL path of the page.
    #[serde(rename = "u")]
    pub url: String,
    #[serde(rename = "t")]
    pub title: String,
    #[serde(rename = "s", skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Section label in the reader's language ("Angebote").
    #[serde(rename = "c")]
    pub section: String,
    /// Language of the text, when it is not the index's (a fallback).
    #[serde(rename = "l", skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// What the item's card says at a glance (short keys, only those present).
    #[serde(flatten)]
    pub facts: SearchFacts,
}

/// The facts of a card, as a search result shows them: an event's date and
/// time, where, what it costs, a phone. Keys are one or two letters (the
/// index is fetched by phones); absent facts are left out.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchFacts {
    /// Event: date with weekday ("Dienstag, 3. März 2026") and `2026-03-03`.
    #[serde(rename = "w", skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(rename = "wd", skip_serializing_if = "Option::is_none")]
    pub date_iso: Option<String>,
    /// Event: `18:00–19:30` and `2026-03-03T18:00` (none for all-day events).
    #[serde(rename = "h", skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    #[serde(rename = "hd", skip_serializing_if = "Option::is_none")]
    pub start_iso: Option<String>,
    /// Where: a location or address as written, else the place names.
    #[serde(rename = "p", skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Cost, and its language when it is a fallback text.
    #[serde(rename = "k", skip_serializing_if = "Option::is_none")]
    pub cost: Option<String>,
    #[serde(rename = "kl", skip_serializing_if = "Option::is_none")]
    pub cost_lang: Option<String>,
    /// Phone as written and its `tel:` URI.
    #[serde(rename = "n", skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(rename = "nh", skip_serializing_if = "Option::is_none")]
    pub phone_href: Option<String>,
}

impl From<CardFacts> for SearchFacts {
    fn from(f: CardFacts) -> Self {
        let (date, date_iso, time, start_iso) = match f.when {
            Some(w) => {
                let timed = !w.time.is_empty();
                (
                    Some(w.date),
                    Some(w.date_iso),
                    timed.then_some(w.time),
                    timed.then_some(w.start_iso),
                )
            }
            None => (None, None, None, None),
        };
        let (phone, phone_href) = match f.reach {
            Some(r) => (r.phone, r.phone_href),
            None => (None, None),
        };
        SearchFacts {
            date,
            date_iso,
            time,
            start_iso,
            place: f.location.or(f.places),
            cost_lang: f.cost.as_ref().and_then(|c| c.lang.clone()),
            cost: f.cost.map(|c| c.text),
            phone,
            phone_href,
        }
    }
}

/// URLs of the fixed pages of the reader's language.
#[derive(Debug, Clone, Serialize)]
pub struct Urls {
    pub home: String,
    pub offers: String,
    pub events: String,
    pub contacts: String,
    pub topics: String,
    pub audiences: String,
    pub places: String,
    pub imprint: String,
    pub privacy: String,
    pub accessibility: String,
    pub stylesheet: String,
    /// Search page of the language, and the search index it loads.
    pub search: String,
    pub search_index: String,
    /// Scripts: progressive enhancements only (search, read aloud, offline).
    pub script: String,
    /// Web app manifest of the language.
    pub manifest: String,
    /// The site's icon (browsers ask for `/favicon.ico` when a page names none).
    pub icon: String,
    /// The site's own stylesheet (`static/site.css`, e.g. self-hosted fonts), if it has one.
    pub site_stylesheet: Option<String>,
    /// The Atom feed of every change (for partners who mirror the guide).
    pub changes: String,
}

/// Text that may be in another language than the page (fallback). `lang`
/// and `dir` are set only when it differs, so templates mark just those.
#[derive(Debug, Clone, Serialize)]
pub struct Txt {
    pub text: String,
    pub lang: Option<String>,
    pub dir: Option<&'static str>,
}

/// A link to a taxonomy term, with its label in the reader's language.
#[derive(Debug, Clone, Serialize)]
pub struct TermLink {
    pub key: String,
    pub label: String,
    pub url: String,
    pub count: usize,
}

/// A short reference to a contact (name, role, link).
#[derive(Debug, Clone, Serialize)]
pub struct ContactRef {
    pub slug: String,
    pub name: Txt,
    pub role: Option<Txt>,
    pub url: String,
    pub kind: &'static str,
}

/// An item in a list (offers, events, contacts).
#[derive(Debug, Clone, Serialize)]
pub struct Card {
    pub kind: &'static str,
    pub url: String,
    pub title: Txt,
    pub summary: Option<Txt>,
    /// Contact role: a short line under the title.
    pub meta: Option<String>,
    /// Not translated into the page's language.
    pub untranslated: bool,
    /// What a reader decides by at a glance (none in the search page's A–Z list).
    pub facts: Option<CardFacts>,
}

/// The facts on a card: where, when, what it costs, in which languages, whom to call.
#[derive(Debug, Clone, Serialize, Default)]
pub struct CardFacts {
    /// Events: the next session (in the archive: the first).
    pub when: Option<CardWhen>,
    /// Where, as the content names it (an event's location, else an
    /// address): a name in any language, isolated on the page.
    pub location: Option<String>,
    /// Else where, as the site's place names in the reader's language.
    pub places: Option<String>,
    /// Offers: when they are held, as the editors wrote it.
    pub schedule: Option<Txt>,
    pub cost: Option<Txt>,
    /// Languages an offer or event is held in, in the reader's language.
    pub languages: Option<String>,
    /// The responsible contact's phone or e-mail (a contact card: its own).
    pub reach: Option<Reach>,
    /// Items with opening hours: the open intervals of the next two weeks
    /// for the "open now" badge (as [`HoursView::open`]).
    pub hours: Option<String>,
}

/// An event's date on a card.
#[derive(Debug, Clone, Serialize)]
pub struct CardWhen {
    /// Date with weekday ("Dienstag, 3. März 2026").
    pub date: String,
    /// `2026-03-03` for the date's `<time datetime>`.
    pub date_iso: String,
    /// `18:00–19:30`; empty for all-day events.
    pub time: String,
    /// `2026-03-03T18:00` for the time's `<time datetime>`.
    pub start_iso: String,
    /// "heute" or "morgen" when true at the build's "now".
    pub relative: Option<String>,
    /// The last day of an event that lasts longer than the session shown.
    pub until: Option<String>,
    pub until_iso: Option<String>,
    /// How a repeating event repeats.
    pub repeat: Option<String>,
}

/// How to reach a contact: phone (`tel:`) and e-mail, with whom they reach.
#[derive(Debug, Clone, Serialize)]
pub struct Reach {
    /// The contact (on an offer or event); `None` on the contact's own card.
    pub contact: Option<ContactRef>,
    pub phone: Option<String>,
    /// `tel:` URI (digits and + only).
    pub phone_href: Option<String>,
    pub email: Option<String>,
}

/// One session of an event, formatted.
#[derive(Debug, Clone, Serialize)]
pub struct When {
    pub date: String,
    /// `18:00–20:00`; empty for all-day events.
    pub time: String,
    pub start_iso: String,
    pub end_iso: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OfferView {
    pub geo_uri: Option<String>,
    /// OpenStreetMap route planner with the place as destination (a link only).
    pub directions_url: Option<String>,
    pub schedule: Option<Txt>,
    pub opening_hours: Option<HoursView>,
    pub cost: Option<Txt>,
    pub childcare: Option<bool>,
    pub accessible: Option<bool>,
    pub address: Option<String>,
    pub geo: Option<(f64, f64)>,
    pub registration_url: Option<String>,
    pub website: Option<String>,
    pub provider: Option<ContactRef>,
    pub review_by: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    /// Sessions (for a repeating event: the next ones).
    pub when: Vec<When>,
    /// "Jeden Dienstag, 15:00–17:00, bis …" for repeating events.
    pub recurrence: Option<String>,
    /// Whether anything of the event is still to come.
    pub upcoming: bool,
    /// `.ics` of this event in the page's language.
    pub ics_url: String,
    pub online_url: Option<String>,
    /// `in-person`, `online` or `hybrid`.
    pub attendance: &'static str,
    /// `geo:` URI that opens the phone's map app.
    pub geo_uri: Option<String>,
    /// OpenStreetMap route planner with the place as destination (a link only).
    pub directions_url: Option<String>,
    pub all_day: bool,
    pub location: Option<String>,
    pub address: Option<String>,
    pub geo: Option<(f64, f64)>,
    pub cost: Option<Txt>,
    pub accessible: Option<bool>,
    pub registration_url: Option<String>,
    pub organizer: Option<ContactRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    pub kind: &'static str,
    pub role: Option<Txt>,
    pub organization: Option<ContactRef>,
    pub phone: Option<String>,
    /// `tel:` URI (digits and + only).
    pub phone_href: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
    pub office_hours: Option<Txt>,
    pub opening_hours: Option<HoursView>,
    pub languages: Option<String>,
    /// `.vcf` contact card ("save contact").
    pub vcard_url: String,
    /// People who work for this organisation.
    pub people: Vec<ContactRef>,
    /// Offers and events that name this contact.
    pub offers: Vec<Card>,
    pub events: Vec<Card>,
}

/// The body of an item or the home page, with what readers are told about
/// its translation (fields appear directly on the item in templates).
#[derive(Debug, Clone, Serialize)]
pub struct BodyView {
    /// Rendered Markdown body (trusted HTML).
    pub body: String,
    /// The body's language if it is a fallback (`lang`, `dir` for its wrapper).
    pub body_lang: Option<String>,
    pub body_dir: Option<&'static str>,
    /// Not translated: shown from `fallback_name`'s text under a notice.
    pub untranslated: bool,
    pub fallback_name: Option<String>,
    /// Translated from an older version of the source text.
    pub outdated: bool,
    /// Name of the source language (for the outdated notice).
    pub source_name: String,
    /// Translated by machine; `reviewed` once a person checked it.
    pub machine_translated: bool,
    pub reviewed: bool,
    /// Documents listed in front matter (`documents`).
    pub documents: Vec<DocumentView>,
    /// The explanation in German Sign Language (`sign_language`).
    pub sign_language: Option<SignLanguageView>,
}

/// The item shown on an item page.
#[derive(Debug, Clone, Serialize)]
pub struct ItemView {
    pub kind: &'static str,
    pub slug: String,
    pub title: Txt,
    pub summary: Option<Txt>,
    #[serde(flatten)]
    pub text: BodyView,
    pub updated: Option<String>,
    pub updated_iso: Option<String>,
    pub topics: Vec<TermLink>,
    pub audiences: Vec<TermLink>,
    pub places: Vec<TermLink>,
    pub offered_in: Option<String>,
    pub contacts: Vec<ContactRef>,
    /// Offers and events: the responsible contact's phone and e-mail.
    pub reach: Option<Reach>,
    pub offer: Option<OfferView>,
    pub event: Option<EventView>,
    pub contact: Option<ContactView>,
    pub location: Option<LocationView>,
    /// The location an offer, event or contact is at (`at`).
    pub at: Option<PlaceView>,
    /// QR code (SVG) of the page's address, shown on paper only.
    pub qr: Option<String>,
    /// Absolute address of the page, printed under the QR code.
    pub address: String,
    /// The item's own image (`image`), if it has one.
    pub image: Option<ImageView>,
}

/// An item's image: the `<picture>` element and the credit under it.
#[derive(Debug, Clone, Serialize)]
pub struct ImageView {
    /// `<picture>…</picture>` (render/picture.rs), attributes escaped.
    pub html: String,
    pub credit: Option<String>,
}

/// A list page: a section, a taxonomy index or a term.
#[derive(Debug, Clone, Serialize)]
pub struct ListView {
    /// `offers`, `events`, `contacts`, `topics`, …
    pub section: String,
    pub heading: String,
    /// The cards of this page of the list, rendered (`partials/card.html`).
    pub cards: Vec<ListCard>,
    /// Cards of the whole list, on all its pages.
    pub total: usize,
    /// Set when the list has more than one page.
    pub pager: Option<Pager>,
    pub terms: Vec<TermLink>,
    /// Events: link to past events, and the subscribable calendar.
    pub archive: Option<String>,
    pub calendar: Option<String>,
    /// Filter links (offer lists only).
    pub filters: Vec<FilterGroup>,
    /// Whether a card shows an "open now" badge (then the list carries the
    /// badge's labels once).
    pub badges: bool,
    /// The map page (on the locations list, when the site has a map).
    pub map: Option<String>,
    /// A term's calendar and Atom feed (on the term's list pages).
    pub feeds: Option<FeedLinks>,
}

/// Where to subscribe to a term's events.
#[derive(Debug, Clone, Serialize)]
pub struct FeedLinks {
    /// The calendar as `webcal://` (calendar apps subscribe to it).
    pub webcal: String,
    /// The same calendar over https (for readers whose device does not
    /// know webcal: it downloads).
    pub calendar: String,
    pub atom: String,
}

/// A group of filter links: "Themen", "Orte", "Sprachen".
#[derive(Debug, Clone, Serialize)]
pub struct FilterGroup {
    pub label: String,
    pub links: Vec<FilterLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FilterLink {
    pub label: String,
    pub url: String,
    pub count: usize,
    /// The page this link leads to is the current one.
    pub current: bool,
}

/// The search page: a form, and (for readers without JavaScript) every page A–Z.
#[derive(Debug, Clone, Serialize)]
pub struct SearchView {
    /// The default language's index, offered when the reader's finds nothing.
    pub fallback_index: Option<String>,
    /// Name of the default language, in the reader's language.
    pub fallback_name: Option<String>,
    /// Its BCP 47 tag, to mark results shown from it.
    pub fallback_tag: Option<String>,
    /// Everything in the reader's language, A–Z (empty on very large sites:
    /// then `sections`).
    pub all: Vec<Card>,
    /// What is not yet translated into it, A–Z, listed after `all` under
    /// one heading (instead of a badge on every entry).
    pub untranslated: Vec<Card>,
    pub sections: Vec<Crumb>,
}

/// Where a page of a long list is, and its neighbours (`rel="prev"`/`"next"`).
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    /// 1-based.
    pub page: usize,
    pub pages: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
}

/// The home page: a start page (topic tiles, what's on, whom to call).
#[derive(Debug, Clone, Serialize)]
pub struct HomeView {
    pub title: Txt,
    #[serde(flatten)]
    pub text: BodyView,
    /// Topic tiles; the theme draws an icon per term key.
    pub topics: Vec<TermLink>,
    /// Events of the next seven days, or (when there are none) the next few.
    pub events: Vec<Card>,
    /// Whether `events` are this week's (else they are the next ones).
    pub events_this_week: bool,
    /// The office that runs the guide: the contact whose e-mail is the
    /// site's feedback address.
    pub office: Option<OfficeView>,
    pub offer_count: usize,
    pub event_count: usize,
    pub contact_count: usize,
}

/// The office on the home page, with tap-to-call.
#[derive(Debug, Clone, Serialize)]
pub struct OfficeView {
    pub name: Txt,
    pub url: String,
    pub phone: Option<String>,
    /// `tel:` URI (digits and + only).
    pub phone_href: Option<String>,
    pub email: Option<String>,
    pub office_hours: Option<Txt>,
    /// The "open now" badge's intervals (as [`CardFacts::hours`]).
    pub hours: Option<String>,
}

/// Everything every page template gets, besides what all pages of a language
/// share (`lang_key`, `lang`, `urls`, …: render/pages/shared.rs).
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub languages: Vec<SwitchEntry>,
    /// Variants of the page's language (easy-read German on German pages and
    /// back): linked prominently, not just in the switcher.
    pub variants: Vec<SwitchEntry>,
    /// Home › section › page, for the breadcrumb trail.
    pub breadcrumbs: Vec<Crumb>,
    pub alternates: Vec<Alternate>,
    /// Path of this page (`/de/offers/x/`).
    pub path: String,
    /// Absolute URL of this page.
    pub canonical: String,
    /// `<title>` text and main heading.
    pub title: String,
    pub description: Option<String>,
    /// Which navigation entry is current (`offers`, `events`, …).
    pub section: &'static str,
    pub item: Option<ItemView>,
    pub list: Option<ListView>,
    pub home: Option<HomeView>,
    pub search: Option<SearchView>,
    pub map: Option<MapView>,
    /// schema.org JSON-LD, already escaped for a `<script>` element.
    pub jsonld: Option<String>,
    /// Absolute address of the page's image for link previews (`og:image`).
    pub og_image: Option<String>,
    /// Atom feed of the page's language.
    pub feed_url: String,
}

/// The root language chooser.
#[derive(Debug, Clone, Serialize)]
pub struct ChooserView {
    /// The site's name in the default language (the page's heading).
    pub site_title: String,
    /// The home page's summary in the default language.
    pub description: Option<String>,
    pub languages: Vec<ChooserEntry>,
    pub default_tag: String,
    pub stylesheet: String,
    pub icon: String,
    pub site_stylesheet: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChooserEntry {
    pub key: String,
    pub tag: String,
    pub dir: &'static str,
    pub name: String,
    pub url: String,
    /// "Choose your language" in this language.
    pub prompt: String,
    /// "Suggested by your browser's settings" in this language (read out by
    /// screen readers when the chooser script highlights this language).
    pub suggested: String,
}
