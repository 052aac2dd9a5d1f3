//! A location: its own page (the place, and the offers, events and contacts
//! held there), and the place as the pages of those show it.

use super::PageBuilder;
use super::item::{directions_url, geo_uri};
use crate::content::location::{Access, LocationData};
use crate::content::{Item, ItemData, Kind};
use crate::render::views::{AccessRow, LocationView, PlaceView};
use crate::routes;

impl PageBuilder<'_> {
    /// A location's page: the place and everything that names it with `at`
    /// (offers, upcoming events, contacts).
    pub(super) fn location_view(&self, lang: &str, item: &Item, l: &LocationData) -> LocationView {
        let here: Vec<&Item> = self
            .site
            .items
            .values()
            .map(|i| &**i)
            .filter(|i| i.data.at() == Some(item.slug.as_str()))
            .collect();
        let of = |k: Kind| here.iter().copied().filter(move |i| i.kind == k);
        LocationView {
            place: self.place(lang, item, l),
            offers: self.brief_cards(lang, of(Kind::Offer)),
            events: self.brief_cards(lang, of(Kind::Event).filter(|i| self.is_upcoming(i))),
            contacts: self.brief_cards(lang, of(Kind::Contact)),
        }
    }

    /// The location `slug` as the page of something held there shows it.
    pub(super) fn place_at(&self, lang: &str, slug: &str) -> Option<PlaceView> {
        let item = self.site.get(Kind::Location, slug)?;
        match &item.data {
            ItemData::Location(l) => Some(self.place(lang, item, l)),
            _ => None,
        }
    }

    fn place(&self, lang: &str, item: &Item, l: &LocationData) -> PlaceView {
        let text = self.text(item, lang);
        let fmt = self.fmt(lang);
        let today = self.now.date();
        // A reason in the reader's language, else the source's.
        let source = item.source_text(&self.site.config);
        let reason = |i: usize| {
            [text, source]
                .iter()
                .filter_map(|t| t.closed_reasons.get(i))
                .find(|r| !r.trim().is_empty())
                .cloned()
        };
        let closed = l
            .closed
            .iter()
            .enumerate()
            .filter(|(_, c)| c.to >= today)
            .map(|(i, c)| {
                let span = format!("{} – {}", fmt.date_plain(c.from), fmt.date_plain(c.to));
                match reason(i) {
                    Some(r) => format!("{span} ({})", r.trim()),
                    None => span,
                }
            })
            .collect();
        let access = l
            .accessibility
            .features()
            .into_iter()
            .filter(|(_, a)| *a != Access::Unknown)
            .map(|(key, a)| AccessRow {
                label: self.t(lang, &format!("access-{}", key.replace('_', "-"))),
                value: a.name(),
                text: self.t(lang, if a == Access::Yes { "yes" } else { "no" }),
            })
            .collect();
        PlaceView {
            name: self.txt(lang, &text.lang, &text.title),
            url: routes::item(lang, Kind::Location, &item.slug),
            address: l.address.clone(),
            geo_uri: l.geo.map(geo_uri),
            directions_url: l.geo.map(directions_url),
            opening_hours: l.opening_hours.as_ref().map(|h| self.hours_view(lang, h)),
            closed,
            appointment_only: l.appointment_only,
            appointment_url: l.appointment_url.clone(),
            access,
            accessibility_note: self.field(item, lang, |t| t.accessibility_note.as_ref()),
            transit: self.field(item, lang, |t| t.transit.as_ref()),
        }
    }
}
