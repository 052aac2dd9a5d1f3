//! The content model: what editors wrote, validated and merged across languages.
//!
//! Flow: [`load`] walks `content/`, [`naming`] reads each file's path,
//! [`parse`] turns its text into front matter and body, [`assemble`] merges a
//! source file with its translations into an [`Item`], and [`validate`] checks
//! references between items. [`links`] holds the Markdown rules (parser
//! options, safe addresses, content links) that rendering follows too.

pub mod address;
pub mod assemble;
pub mod date_fields;
pub mod frontmatter;
pub mod hours;
pub mod known;
pub mod links;
pub mod load;
pub mod location;
pub mod media;
pub mod naming;
pub mod parse;
pub mod placeholders;
pub mod read;
pub mod recurrence;
pub mod schema;
pub mod shed;
pub mod spanned;
pub mod status;
pub mod validate;

use std::collections::BTreeMap;
use std::ops::Range;

use jiff::civil::{Date, DateTime};

use crate::config::SiteConfig;
use crate::diagnostics::SourceFile;

pub use load::load_site;

/// The kinds of content, one folder each (the home page is `content/_index.md`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Home,
    Offer,
    Event,
    Contact,
    Page,
    Location,
}

impl Kind {
    pub const SECTIONS: [Kind; 5] = [
        Kind::Offer,
        Kind::Event,
        Kind::Contact,
        Kind::Page,
        Kind::Location,
    ];

    /// Folder under `content/` (and URL segment for the section).
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Home => "",
            Kind::Offer => "offers",
            Kind::Event => "events",
            Kind::Contact => "contacts",
            Kind::Page => "pages",
            Kind::Location => "locations",
        }
    }

    pub fn from_folder(s: &str) -> Option<Kind> {
        Kind::SECTIONS.into_iter().find(|k| k.folder() == s)
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Home => "home",
            Kind::Offer => "offer",
            Kind::Event => "event",
            Kind::Contact => "contact",
            Kind::Page => "page",
            Kind::Location => "location",
        }
    }
}

/// The text of an item in one language: translatable fields and the body.
#[derive(Debug, Clone)]
pub struct Text {
    /// Language key of this text.
    pub lang: String,
    pub file: SourceFile,
    pub title: String,
    pub summary: Option<String>,
    pub schedule: Option<String>,
    pub cost: Option<String>,
    pub role: Option<String>,
    pub office_hours: Option<String>,
    /// Locations: how to get there by bus and train.
    pub transit: Option<String>,
    /// Locations: what the accessibility details do not say.
    pub accessibility_note: Option<String>,
    /// Locations: the reason of each `closed` period, in its order (empty
    /// where this text gives none).
    pub closed_reasons: Vec<String>,
    /// Byte range of the Markdown body inside `file`.
    pub body: Range<usize>,
    /// Link and image targets in the body, with their byte ranges in `file`.
    pub links: std::sync::Arc<[(String, Range<usize>)]>,
    /// Translation bookkeeping (always empty for the source text).
    pub meta: TranslationMeta,
    /// What the item's `image` shows (`image_alt`).
    pub image_alt: Option<String>,
    /// Where the body is read again once the site shed it (`None`: held
    /// in `file`; see [`shed`]).
    pub on_disk: Option<shed::OnDisk>,
    /// The front matter as parsed, in binary form ([`spanned`]), for the
    /// next build not to parse it again ([`known`]).
    pub front_form: Option<std::sync::Arc<[u8]>>,
}

#[cfg(test)]
impl Text {
    /// The German source text of the file `path` holding `held`: front
    /// matter between `+++` lines (its `title` not read: the text's is
    /// "x"), then the body.
    pub(crate) fn for_test(path: &str, held: &str) -> Text {
        let body = held.rfind("+++\n").map_or(0, |i| i + 4)..held.len();
        Text {
            lang: "de".into(),
            file: crate::diagnostics::SourceFile::new(path, held),
            title: "x".into(),
            summary: None,
            schedule: None,
            cost: None,
            role: None,
            office_hours: None,
            transit: None,
            accessibility_note: None,
            closed_reasons: Vec::new(),
            body,
            links: Vec::new().into(),
            meta: TranslationMeta::default(),
            image_alt: None,
            on_disk: None,
            front_form: None,
        }
    }
}

/// What a translation file says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TranslationMeta {
    /// Fingerprint of the source text the translation was made from.
    pub source_hash: Option<String>,
    pub machine_translated: bool,
    pub reviewed: bool,
}

/// Fields shared by offers and events.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub topics: Vec<String>,
    pub audiences: Vec<String>,
    pub places: Vec<String>,
    pub offered_in: Vec<String>,
    pub contacts: Vec<String>,
    pub address: Option<String>,
    pub geo: Option<(f64, f64)>,
    pub accessible: Option<bool>,
    pub registration_url: Option<String>,
    /// Slug of the location it is held at (`at = "zukunftswerk"`).
    pub at: Option<String>,
}

impl Listing {
    pub fn terms(&self, t: crate::config::Taxonomy) -> &[String] {
        use crate::config::Taxonomy::*;
        match t {
            Topics => &self.topics,
            Audiences => &self.audiences,
            Places => &self.places,
        }
    }
}

#[derive(Debug, Clone)]
pub struct OfferData {
    pub listing: Listing,
    pub provider: Option<String>,
    pub childcare: Option<bool>,
    pub website: Option<String>,
    pub review_by: Option<Date>,
    /// When the offer is open (`opening_hours`); `schedule` stays the words.
    pub opening_hours: Option<hours::Hours>,
}

/// One span of time an event is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Session {
    pub start: DateTime,
    pub end: DateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventTime {
    /// One or more sessions with start and end time (local, site time zone).
    Sessions(Vec<Session>),
    /// Whole days, `end` inclusive.
    AllDay { start: Date, end: Date },
    /// A first session repeated by a rule; `occurrences` is the expansion.
    Recurring {
        first: Session,
        rule: recurrence::Recurrence,
        occurrences: Vec<Session>,
    },
}

impl EventTime {
    /// First day the event is held.
    pub fn first_day(&self) -> Date {
        match self {
            EventTime::Sessions(s) => s.first().map_or(Date::ZERO, |s| s.start.date()),
            EventTime::AllDay { start, .. } => *start,
            EventTime::Recurring { first, .. } => first.start.date(),
        }
    }

    pub fn last_day(&self) -> Date {
        match self {
            EventTime::Sessions(s) => s.last().map_or(Date::ZERO, |s| s.end.date()),
            EventTime::AllDay { end, .. } => *end,
            EventTime::Recurring {
                occurrences, first, ..
            } => occurrences.last().unwrap_or(first).end.date(),
        }
    }

    /// Every span of time the event takes place, in order (all-day events:
    /// one session per day from 00:00 to 24:00).
    pub fn sessions(&self) -> Vec<Session> {
        match self {
            EventTime::Sessions(s) => s.clone(),
            EventTime::Recurring { occurrences, .. } => occurrences.clone(),
            EventTime::AllDay { start, end } => {
                let mut out = Vec::new();
                let mut d = *start;
                while d <= *end {
                    let next = d.tomorrow().unwrap_or(d);
                    out.push(Session {
                        start: d.to_datetime(jiff::civil::Time::midnight()),
                        end: next.to_datetime(jiff::civil::Time::midnight()),
                    });
                    if next == d {
                        break;
                    }
                    d = next;
                }
                out
            }
        }
    }

    /// Whether anything of the event is still to come at `now` (local time).
    pub fn is_upcoming(&self, now: DateTime) -> bool {
        self.sessions().iter().any(|s| s.end > now)
    }

    /// The next session that has not ended at `now`, if any.
    pub fn next_session(&self, now: DateTime) -> Option<Session> {
        self.sessions().into_iter().find(|s| s.end > now)
    }
}

#[derive(Debug, Clone)]
pub struct EventData {
    pub listing: Listing,
    pub organizer: Option<String>,
    pub time: EventTime,
    pub location: Option<String>,
    pub online_url: Option<String>,
    pub attendance: Attendance,
    /// Kept in the archive on purpose (`archived = true`): `check` does not
    /// report that it is over.
    pub archived: bool,
}

/// How people take part in an event (schema.org eventAttendanceMode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Attendance {
    InPerson,
    Online,
    Hybrid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactKind {
    Person,
    Organization,
}

#[derive(Debug, Clone)]
pub struct ContactData {
    pub kind: ContactKind,
    pub organization: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub address: Option<String>,
    pub languages: Vec<String>,
    /// When the contact can be reached (`opening_hours`); the free-text
    /// `office_hours` is shown where it is missing.
    pub opening_hours: Option<hours::Hours>,
    /// Slug of the location where the contact is found (`at = "…"`).
    pub at: Option<String>,
}

/// Language-independent data of an item.
#[derive(Debug, Clone)]
pub enum ItemData {
    Home,
    Page,
    Offer(OfferData),
    Event(EventData),
    Contact(ContactData),
    Location(location::LocationData),
}

impl ItemData {
    pub fn listing(&self) -> Option<&Listing> {
        match self {
            ItemData::Offer(o) => Some(&o.listing),
            ItemData::Event(e) => Some(&e.listing),
            _ => None,
        }
    }

    /// The location an offer, event or contact names (`at`).
    pub fn at(&self) -> Option<&str> {
        match self {
            ItemData::Offer(o) => o.listing.at.as_deref(),
            ItemData::Event(e) => e.listing.at.as_deref(),
            ItemData::Contact(c) => c.at.as_deref(),
            _ => None,
        }
    }
}

/// One piece of content (an offer, event, contact, page or the home page)
/// with its text in every language it was written or translated in.
#[derive(Debug, Clone)]
pub struct Item {
    pub kind: Kind,
    pub slug: String,
    pub draft: bool,
    pub updated: Option<Date>,
    pub data: ItemData,
    /// Texts by language key; always holds the default language.
    pub texts: BTreeMap<String, Text>,
    /// Languages whose translation is still marked `draft = true`.
    pub draft_translations: std::collections::BTreeSet<String>,
    /// Fingerprint of the source text (see [`status::fingerprint`]).
    pub fingerprint: String,
    /// Documents and sign-language video it publishes (found by the loader).
    pub media: media::Media,
    /// The item's picture (`image`), if it has one.
    pub image: Option<ImageField>,
}

/// An item's `image` as written: the file, where it is written (for
/// diagnostics), whether it only decorates, and its credit. Its file is
/// measured by [`crate::media`].
#[derive(Debug, Clone)]
pub struct ImageField {
    /// The path as written (relative to `file`, or from `static/` with a leading `/`).
    pub path: String,
    /// The source file and the byte range of the value in it.
    pub file: SourceFile,
    pub span: Range<usize>,
    pub decorative: bool,
    pub credit: Option<String>,
}

impl Item {
    /// The text to show a reader of `lang`: their own, or the first one
    /// along the language's fallback chain. `None` only if even the
    /// default-language text is missing, which `assemble` prevents.
    pub fn text_for<'a>(&'a self, config: &SiteConfig, lang: &str) -> Option<&'a Text> {
        if let Some(t) = self.texts.get(lang) {
            return Some(t);
        }
        let l = config.language(lang)?;
        l.fallback.iter().find_map(|f| self.texts.get(f))
    }

    /// The source (default-language) text.
    pub fn source_text<'a>(&'a self, config: &SiteConfig) -> &'a Text {
        // `assemble` only creates items that have a default-language text.
        &self.texts[&config.default_language]
    }

    /// Whether the item counts at `now`: the one definition behind every
    /// number readers and editors see (home page, term pages, filter links,
    /// gap report) and behind which lists show it. An event counts while it
    /// is upcoming (past ones are in the archive); an offer, contact or page
    /// while it is published: drafts are left out of a site when it is
    /// loaded (a preview with drafts shows, lists and counts them alike).
    pub fn is_counted(&self, now: DateTime) -> bool {
        match &self.data {
            ItemData::Event(e) => e.time.is_upcoming(now),
            _ => true,
        }
    }
}

/// Key of an item: its kind and slug.
pub type ItemKey = (Kind, String);

/// All content of the site.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    pub home: std::sync::Arc<Item>,
    /// Every offer, event, contact and page, ordered by kind and slug.
    pub items: BTreeMap<ItemKey, std::sync::Arc<Item>>,
    /// Items whose files have errors: references to them are not reported
    /// again (the build fails anyway, with the real cause).
    pub broken: std::collections::BTreeSet<ItemKey>,
    /// Where the bodies are read from once shed ([`Site::shed_bodies`]).
    pub shed: Option<std::sync::Arc<shed::Shed>>,
}

impl Site {
    pub fn get(&self, kind: Kind, slug: &str) -> Option<&Item> {
        self.items.get(&(kind, slug.to_string())).map(|v| &**v)
    }

    /// Whether `kind/slug` exists (or exists but has errors of its own).
    pub fn known(&self, kind: Kind, slug: &str) -> bool {
        let key = (kind, slug.to_string());
        self.items.contains_key(&key) || self.broken.contains(&key)
    }

    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = &Item> {
        self.items
            .range((kind, String::new())..)
            .take_while(move |((k, _), _)| *k == kind)
            .map(|(_, v)| &**v)
    }

    /// The items of a kind that count at `now` (see [`Item::is_counted`]).
    pub fn counted(&self, kind: Kind, now: DateTime) -> impl Iterator<Item = &Item> {
        self.of_kind(kind).filter(move |i| i.is_counted(now))
    }
}
