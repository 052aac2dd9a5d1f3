//! One item as the JSON API shows it: the view written to
//! `/api/v1/<lang>/<folder>/<slug>.json` and into the lists' pages
//! (schema: `schema/item.json`, `$defs/item`).

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::{Date, DateTime};
use serde::Serialize;

use crate::content::location::{Access, LocationData};
use crate::content::recurrence::{Frequency, Recurrence};
use crate::content::status::State;
use crate::content::{
    Attendance, ContactData, ContactKind, EventData, EventTime, Item, ItemData, Kind, Listing,
    OfferData, Session, Site,
};
use crate::routes;

/// How far ahead an event's occurrences are listed.
const HORIZON_YEARS: i16 = 1;

/// Where the text of an item in a language comes from, as a consumer needs
/// to know it: the editors' own text, a translation (by a person, or by a
/// machine and not yet reviewed), or another language's text standing in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextState {
    Original,
    Translated,
    MachineTranslated,
    Fallback,
}

/// The translation state of an item's text in the language asked for. All
/// text fields of an item come from one file, so they share it.
#[derive(Debug, Clone, Serialize)]
pub struct Translation {
    pub state: TextState,
    /// The bookkeeping behind it (`wegweiser status`): source, current,
    /// outdated, unconfirmed, in-progress, missing.
    pub status: State,
    pub machine_translated: bool,
    pub reviewed: bool,
}

/// Addresses of the item's other forms (absolute URLs).
#[derive(Debug, Clone, Serialize)]
pub struct Links {
    pub html: String,
    pub api: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ics: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vcf: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Geo {
    pub latitude: f64,
    pub longitude: f64,
}

impl Geo {
    fn of(g: Option<(f64, f64)>) -> Option<Geo> {
        g.map(|(latitude, longitude)| Geo {
            latitude,
            longitude,
        })
    }
}

/// What offers and events share: terms, contacts, where.
#[derive(Debug, Clone, Serialize)]
pub struct ListingView<'a> {
    pub topics: &'a [String],
    pub audiences: &'a [String],
    pub places: &'a [String],
    /// Language keys the offer is held in.
    pub offered_in: &'a [String],
    /// Slugs of contacts.
    pub contacts: &'a [String],
    /// Slug of the location it is held at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<&'a str>,
    /// Its own address, else its location's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geo: Option<Geo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessible: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registration_url: Option<&'a str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OfferView<'a> {
    /// Slug of the contact that provides it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub childcare: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<&'a str>,
    /// OpenStreetMap `opening_hours` syntax, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opening_hours: Option<&'a str>,
}

/// One span of an event: local time with the UTC offset of that day, or
/// (all-day events) dates, the end inclusive.
#[derive(Debug, Clone, Serialize)]
pub struct Occurrence {
    pub start: String,
    pub end: String,
}

/// A series' rule as data, and as an iCalendar RRULE.
#[derive(Debug, Clone, Serialize)]
pub struct RecurrenceView {
    pub frequency: &'static str,
    pub interval: i32,
    pub weekdays: Vec<&'static str>,
    /// Monthly: which weekday of the month (1–5, -1 for the last).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub week: Option<i8>,
    pub until: String,
    pub except: Vec<String>,
    pub rrule: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventView<'a> {
    pub attendance: Attendance,
    pub all_day: bool,
    pub first_day: String,
    pub last_day: String,
    /// Whether anything of it is still to come at the build's "now".
    pub upcoming: bool,
    pub archived: bool,
    /// Slug of the contact that organises it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organizer: Option<&'a str>,
    /// The venue's name or room, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub venue: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub online_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<RecurrenceView>,
    /// What is held from the build's "now" to a year later.
    pub occurrences: Vec<Occurrence>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactView<'a> {
    #[serde(rename = "type")]
    pub kind: ContactKind,
    /// Slug of the organisation a person works for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<&'a str>,
    pub languages: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opening_hours: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<&'a str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClosureView<'a> {
    pub from: String,
    pub to: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'a str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocationView<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geo: Option<Geo>,
    pub places: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opening_hours: Option<&'a str>,
    pub closed: Vec<ClosureView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appointment_url: Option<&'a str>,
    pub appointment_only: bool,
    pub accessibility: BTreeMap<&'static str, Access>,
}

/// One item in one language, in the order of its files' fields: the fields
/// before the body, the body, the fields after it. Written once by
/// [`ItemView::to_json`] into the item's own file and its list entry.
#[derive(Debug, Clone)]
pub struct ItemView<'a> {
    pub head: ItemHead<'a>,
    /// The text whose body, as the editors wrote it (Markdown), is in the
    /// item's own file only (lists leave it out: it is most of an item's
    /// size); read when written.
    pub body: &'a crate::content::Text,
    pub tail: ItemTail<'a>,
}

/// The fields of an item before its body.
#[derive(Debug, Clone, Serialize)]
pub struct ItemHead<'a> {
    /// The slug: stable across languages and builds.
    pub id: &'a str,
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// The language key of the text below (another one for a fallback).
    pub language: &'a str,
    pub translation: Translation,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office_hours: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessibility_note: Option<&'a str>,
}

/// The fields of an item after its body.
#[derive(Debug, Clone, Serialize)]
pub struct ItemTail<'a> {
    pub links: Links,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listing: Option<ListingView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offer: Option<OfferView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<EventView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<ContactView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<LocationView<'a>>,
}

/// An item serialised once: its list entry (without `$schema` and `body`)
/// and its own file (with both), made of the same bytes.
pub struct ItemJson {
    pub entry: Vec<u8>,
    pub file: Vec<u8>,
}

/// The members of a serialised object, without its braces (`{}` gives "").
fn members(object: &[u8]) -> &[u8] {
    object
        .get(1..object.len().saturating_sub(1))
        .unwrap_or_default()
}

impl ItemView<'_> {
    /// The item's list entry and its file naming `schema`: the head and the
    /// tail are serialised once and shared by both (the head always has
    /// `id`, the tail `links`, so neither is empty).
    pub fn to_json(&self, schema: &str) -> ItemJson {
        // Serialising these views cannot fail: string keys, no non-finite
        // floats reach them (geo is range-checked on load), no custom
        // serialisers.
        let head = serde_json::to_vec(&self.head).unwrap_or_default();
        let tail = serde_json::to_vec(&self.tail).unwrap_or_default();
        let string = |s: &str| serde_json::to_vec(s).unwrap_or_default();
        let (head, tail) = (members(&head), members(&tail));
        let mut entry = Vec::with_capacity(head.len() + tail.len() + 3);
        entry.push(b'{');
        entry.extend_from_slice(head);
        entry.push(b',');
        entry.extend_from_slice(tail);
        entry.push(b'}');
        let body = self.body.with_body(|b| string(b.trim()));
        let mut file = Vec::with_capacity(entry.len() + body.len() + 128);
        file.extend_from_slice(b"{\"$schema\":");
        file.extend_from_slice(&string(schema));
        file.push(b',');
        file.extend_from_slice(head);
        file.extend_from_slice(b",\"body\":");
        file.extend_from_slice(&body);
        file.push(b',');
        file.extend_from_slice(tail);
        file.push(b'}');
        ItemJson { entry, file }
    }
}

/// The translation state of `item` in `lang`.
pub fn translation(site: &Site, item: &Item, lang: &str) -> Translation {
    let s = item.status(&site.config, lang);
    let state = match s.state {
        State::Source => TextState::Original,
        st if !st.is_translated() => TextState::Fallback,
        _ if s.machine_translated && !s.reviewed => TextState::MachineTranslated,
        _ => TextState::Translated,
    };
    Translation {
        state,
        status: s.state,
        machine_translated: s.machine_translated,
        reviewed: s.reviewed,
    }
}

/// What an item view is made from.
pub struct ItemContext<'a> {
    pub site: &'a Site,
    pub now: DateTime,
}

impl<'a> ItemContext<'a> {
    /// The view of `item` in `lang`.
    pub fn view(&self, item: &'a Item, lang: &str) -> ItemView<'a> {
        let cfg = &self.site.config;
        let text = item
            .text_for(cfg, lang)
            .unwrap_or_else(|| item.source_text(cfg));
        let abs = |path: String| routes::under(&cfg.base_url, &path);
        let (slug, kind) = (item.slug.as_str(), item.kind);
        let links = Links {
            html: abs(routes::item(lang, kind, slug)),
            api: abs(routes::api_item(lang, kind, slug)),
            ics: (kind == Kind::Event).then(|| abs(routes::event_ics(lang, slug))),
            vcf: (kind == Kind::Contact).then(|| abs(routes::vcard(lang, slug))),
        };
        let head = ItemHead {
            id: slug,
            kind,
            updated: item.updated.map(|d| d.to_string()),
            language: &text.lang,
            translation: translation(self.site, item, lang),
            title: &text.title,
            summary: text.summary.as_deref(),
            schedule: text.schedule.as_deref(),
            cost: text.cost.as_deref(),
            role: text.role.as_deref(),
            office_hours: text.office_hours.as_deref(),
            transit: text.transit.as_deref(),
            accessibility_note: text.accessibility_note.as_deref(),
        };
        let mut tail = ItemTail {
            links,
            listing: item.data.listing().map(|l| self.listing(l)),
            offer: None,
            event: None,
            contact: None,
            location: None,
        };
        match &item.data {
            ItemData::Offer(o) => tail.offer = Some(offer(o)),
            ItemData::Event(e) => tail.event = Some(self.event(e)),
            ItemData::Contact(c) => tail.contact = Some(contact(c)),
            ItemData::Location(l) => tail.location = Some(location(l, &text.closed_reasons)),
            ItemData::Home | ItemData::Page => {}
        }
        ItemView {
            head,
            body: text,
            tail,
        }
    }

    fn listing(&self, l: &'a Listing) -> ListingView<'a> {
        let (address, geo) = self.site.where_of(l);
        ListingView {
            topics: &l.topics,
            audiences: &l.audiences,
            places: &l.places,
            offered_in: &l.offered_in,
            contacts: &l.contacts,
            location: l.at.as_deref(),
            address,
            geo: Geo::of(geo),
            accessible: l.accessible,
            registration_url: l.registration_url.as_deref(),
        }
    }

    fn event(&self, e: &'a EventData) -> EventView<'a> {
        let tz = &self.site.config.time_zone;
        let horizon = self
            .now
            .checked_add(HORIZON_YEARS.years())
            .unwrap_or(DateTime::MAX);
        let local = |d: DateTime| {
            d.to_zoned(tz.clone()).map_or_else(
                |_| d.to_string(),
                |z| z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            )
        };
        let within = |s: &Session| s.end > self.now && s.start < horizon;
        let (all_day, occurrences, recurrence) = match &e.time {
            EventTime::AllDay { start, end } => {
                let span = Session {
                    start: start.to_datetime(jiff::civil::Time::midnight()),
                    end: end
                        .tomorrow()
                        .unwrap_or(*end)
                        .to_datetime(jiff::civil::Time::midnight()),
                };
                let held = within(&span).then(|| Occurrence {
                    start: start.to_string(),
                    end: end.to_string(),
                });
                (true, held.into_iter().collect(), None)
            }
            EventTime::Sessions(_) | EventTime::Recurring { .. } => {
                let held = e.time.sessions().into_iter().filter(within);
                let occurrences = held
                    .map(|s| Occurrence {
                        start: local(s.start),
                        end: local(s.end),
                    })
                    .collect();
                let rule = match &e.time {
                    EventTime::Recurring { rule, .. } => Some(recurrence(rule, tz)),
                    _ => None,
                };
                (false, occurrences, rule)
            }
        };
        EventView {
            attendance: e.attendance,
            all_day,
            first_day: e.time.first_day().to_string(),
            last_day: e.time.last_day().to_string(),
            upcoming: e.time.is_upcoming(self.now),
            archived: e.archived,
            organizer: e.organizer.as_deref(),
            venue: e.location.as_deref(),
            online_url: e.online_url.as_deref(),
            recurrence,
            occurrences,
        }
    }
}

fn offer(o: &OfferData) -> OfferView<'_> {
    OfferView {
        provider: o.provider.as_deref(),
        childcare: o.childcare,
        website: o.website.as_deref(),
        opening_hours: o.opening_hours.as_ref().map(|h| h.raw.as_str()),
    }
}

fn contact(c: &ContactData) -> ContactView<'_> {
    ContactView {
        kind: c.kind,
        organization: c.organization.as_deref(),
        phone: c.phone.as_deref(),
        email: c.email.as_deref(),
        website: c.website.as_deref(),
        address: c.address.as_deref(),
        languages: &c.languages,
        opening_hours: c.opening_hours.as_ref().map(|h| h.raw.as_str()),
        location: c.at.as_deref(),
    }
}

fn location<'a>(l: &'a LocationData, reasons: &'a [String]) -> LocationView<'a> {
    LocationView {
        address: l.address.as_deref(),
        geo: Geo::of(l.geo),
        places: &l.places,
        opening_hours: l.opening_hours.as_ref().map(|h| h.raw.as_str()),
        closed: l
            .closed
            .iter()
            .enumerate()
            .map(|(i, c)| ClosureView {
                from: c.from.to_string(),
                to: c.to.to_string(),
                reason: reasons
                    .get(i)
                    .map(String::as_str)
                    .filter(|r| !r.trim().is_empty()),
            })
            .collect(),
        appointment_url: l.appointment_url.as_deref(),
        appointment_only: l.appointment_only,
        accessibility: l.accessibility.features().into_iter().collect(),
    }
}

/// English weekday names, as `repeat_on` takes them.
fn weekday(w: jiff::civil::Weekday) -> &'static str {
    use jiff::civil::Weekday::*;
    match w {
        Monday => "monday",
        Tuesday => "tuesday",
        Wednesday => "wednesday",
        Thursday => "thursday",
        Friday => "friday",
        Saturday => "saturday",
        Sunday => "sunday",
    }
}

fn recurrence(r: &Recurrence, tz: &jiff::tz::TimeZone) -> RecurrenceView {
    // UNTIL in UTC, as the calendar files write it (output/ical.rs).
    let until = r
        .until_instant(tz)
        .map(|t| t.strftime("%Y%m%dT%H%M%SZ").to_string())
        .unwrap_or_else(|| r.until.strftime("%Y%m%d").to_string());
    RecurrenceView {
        frequency: match r.frequency {
            Frequency::Weekly => "weekly",
            Frequency::Monthly => "monthly",
        },
        interval: r.interval,
        weekdays: r.weekdays.iter().map(|w| weekday(*w)).collect(),
        week: r.week,
        until: r.until.to_string(),
        except: r.except.iter().map(Date::to_string).collect(),
        rrule: format!("{};UNTIL={until}", r.rrule_parts()),
    }
}
