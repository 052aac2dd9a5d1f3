//! The page of one item (offer, event, contact, free page): its view, its
//! body, its structured data (JSON-LD) and the contacts it names.

use super::{PageBuilder, dir_of};
use crate::config::{Language, Taxonomy};
use crate::content::status::State;
use crate::content::{
    Attendance, ContactData, ContactKind, EventData, EventTime, Item, ItemData, Kind, OfferData,
    Text,
};
use crate::render::markdown::{self, LinkContext};
use crate::render::views::ImageView;
use crate::render::views::{
    BodyView, ContactRef, ContactView, EventView, ItemView, OfferView, PageView, Reach,
};
use crate::render::{jsonld, picture, qr};
use crate::routes;

impl PageBuilder<'_> {
    /// An item's page: the item, its structured data, its section marked in
    /// the navigation.
    pub(super) fn item_page(
        &self,
        lang: &str,
        kind: Kind,
        slug: &str,
        view: &mut PageView,
    ) -> &'static str {
        // Routes come from `site.items`, so the item exists.
        let item = &self.site.items[&(kind, slug.to_string())];
        let iv = self.item_view(lang, item);
        view.jsonld = self.jsonld(lang, item, &view.canonical);
        view.og_image = self.image_url(item);
        view.title = iv.title.text.clone();
        view.description = iv.summary.as_ref().map(|s| s.text.clone());
        view.section = match kind {
            Kind::Offer => "offers",
            Kind::Event => "events",
            Kind::Contact => "contacts",
            Kind::Location => "locations",
            _ => "",
        };
        view.item = Some(iv);
        "item.html"
    }

    fn item_view(&self, lang: &str, item: &Item) -> ItemView {
        let text = self.text(item, lang);
        let address = routes::under(
            &self.site.config.base_url,
            &routes::item(lang, item.kind, &item.slug),
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
            reach: self.reach(lang, item),
            offer: match &item.data {
                ItemData::Offer(o) => Some(self.offer_view(lang, item, o)),
                _ => None,
            },
            event: match &item.data {
                ItemData::Event(e) => Some(self.event_view(lang, item, e)),
                _ => None,
            },
            contact: match &item.data {
                ItemData::Contact(c) => Some(self.contact_view(lang, item, c)),
                _ => None,
            },
            location: match &item.data {
                ItemData::Location(l) => Some(self.location_view(lang, item, l)),
                _ => None,
            },
            at: item.data.at().and_then(|s| self.place_at(lang, s)),
            qr: qr::svg(&address, &self.t(lang, "print-qr-label")),
            address,
            image: self.image_view(lang, item),
        }
    }

    /// The item's image, measured: shown at the top (not lazy), with the
    /// alt text of the reader's language (or its fallback's).
    fn image_view(&self, lang: &str, item: &Item) -> Option<ImageView> {
        let img = item.image.as_ref()?;
        let m = self.images.get(&img.file.path, &img.path)?;
        let alt = if img.decorative {
            String::new()
        } else {
            self.field(item, lang, |t| t.image_alt.as_ref())
                .map(|t| t.text)
                .unwrap_or_default()
        };
        Some(ImageView {
            html: picture::html(m, &alt, picture::Placement::Top),
            credit: img.credit.clone(),
        })
    }

    /// Absolute address of the item's image for link previews and
    /// structured data: its widest fallback variant (at most 1280 px).
    fn image_url(&self, item: &Item) -> Option<String> {
        let img = item.image.as_ref()?;
        let m = self.images.get(&img.file.path, &img.path)?;
        let v = m.widest(m.fallback)?;
        Some(routes::under(&self.site.config.base_url, &v.path))
    }

    fn offer_view(&self, lang: &str, item: &Item, o: &OfferData) -> OfferView {
        let (address, geo) = self.site.where_of(&o.listing);
        let hours = o.opening_hours.as_ref().or_else(|| {
            let at = self.site.location(o.listing.at.as_deref()?)?;
            at.opening_hours.as_ref()
        });
        OfferView {
            geo_uri: geo.map(geo_uri),
            directions_url: geo.map(directions_url),
            schedule: self.field(item, lang, |t| t.schedule.as_ref()),
            opening_hours: hours.map(|h| self.hours_view(lang, h)),
            cost: self.field(item, lang, |t| t.cost.as_ref()),
            childcare: o.childcare,
            accessible: o.listing.accessible,
            address,
            geo,
            registration_url: o.listing.registration_url.clone(),
            website: o.website.clone(),
            provider: o
                .provider
                .as_deref()
                .and_then(|p| self.contact_ref(lang, p)),
            review_by: o.review_by.map(|d| self.fmt(lang).date_medium(d)),
        }
    }

    fn event_view(&self, lang: &str, item: &Item, e: &EventData) -> EventView {
        let (address, geo) = self.site.where_of(&e.listing);
        EventView {
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
            geo_uri: geo.map(geo_uri),
            directions_url: geo.map(directions_url),
            all_day: matches!(e.time, EventTime::AllDay { .. }),
            location: e.location.clone(),
            address,
            geo,
            cost: self.field(item, lang, |t| t.cost.as_ref()),
            accessible: e.listing.accessible,
            registration_url: e.listing.registration_url.clone(),
            organizer: e
                .organizer
                .as_deref()
                .and_then(|p| self.contact_ref(lang, p)),
        }
    }

    /// A contact: its details, the people of an organisation, and the
    /// offers and upcoming events that name it.
    fn contact_view(&self, lang: &str, item: &Item, c: &ContactData) -> ContactView {
        let mentioned: Vec<&Item> = self
            .mentions
            .get(&item.slug)
            .into_iter()
            .flatten()
            .filter_map(|k| self.site.items.get(k).map(|i| &**i))
            .collect();
        let member = |p: &&Item| {
            matches!(&p.data, ItemData::Contact(pc)
                if pc.organization.as_deref() == Some(item.slug.as_str()))
        };
        ContactView {
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
            phone_href: c.phone.as_deref().map(tel_uri),
            email: c.email.clone(),
            website: c.website.clone(),
            address: c.address.clone(),
            office_hours: self.field(item, lang, |t| t.office_hours.as_ref()),
            opening_hours: c.opening_hours.as_ref().map(|h| self.hours_view(lang, h)),
            languages: self.languages_list(lang, &c.languages),
            people: self
                .site
                .of_kind(Kind::Contact)
                .filter(member)
                .filter_map(|p| self.contact_ref(lang, &p.slug))
                .collect(),
            offers: self.brief_cards(
                lang,
                mentioned.iter().copied().filter(|i| i.kind == Kind::Offer),
            ),
            events: self.brief_cards(
                lang,
                mentioned
                    .iter()
                    .copied()
                    .filter(|i| i.kind == Kind::Event && self.is_upcoming(i)),
            ),
        }
    }

    /// A short reference to a contact (name, role, link), if it exists.
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

    /// Whom readers of an offer or event call or write to: of the contacts it
    /// names (its contacts in order, then its provider or organizer), the first
    /// with a phone number, else the first with an e-mail address.
    pub(super) fn reach(&self, lang: &str, item: &Item) -> Option<Reach> {
        let (listing, responsible) = match &item.data {
            ItemData::Offer(o) => (&o.listing, o.provider.as_deref()),
            ItemData::Event(e) => (&e.listing, e.organizer.as_deref()),
            _ => return None,
        };
        let named: Vec<(&str, &ContactData)> = listing
            .contacts
            .iter()
            .map(String::as_str)
            .chain(responsible)
            .filter_map(|slug| match &self.site.get(Kind::Contact, slug)?.data {
                ItemData::Contact(c) => Some((slug, c)),
                _ => None,
            })
            .collect();
        let (slug, data) = named
            .iter()
            .find(|(_, c)| c.phone.is_some())
            .or_else(|| named.iter().find(|(_, c)| c.email.is_some()))?;
        Some(Reach {
            contact: self.contact_ref(lang, slug),
            ..own_reach(data)?
        })
    }

    /// Language names in the reader's language, as a list ("Arabisch und Deutsch").
    pub(super) fn languages_list(&self, lang: &str, codes: &[String]) -> Option<String> {
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

    fn body(&self, item: &Item, text: &Text, lang: &str) -> String {
        let files = self.linked_files(item, lang);
        let links = LinkContext {
            lang,
            languages: &self.lang_keys,
            raw_html: self.site.config.markdown.raw_html,
            sanitizer: &self.sanitizer,
            images: Some((self.images, &text.file.path)),
            files: &files,
        };
        match self.captures(lang, item, text) {
            Some(n) => text.with_body(|body| {
                let (html, plain) = markdown::render_with_text(body, &links);
                self.capture(lang, n, &plain);
                html
            }),
            None => text.with_body(|body| markdown::render(body, &links)),
        }
    }

    /// A language's name in running text of the reader's language
    /// ("آلمانی" on a Farsi page, not "Deutsch"): its `language-<key>`
    /// message, else (no such message) its own name.
    pub(super) fn language_in(&self, lang: &str, l: &Language) -> String {
        self.messages
            .format(lang, &format!("language-{}", l.key), None)
            .unwrap_or_else(|| l.name.clone())
    }

    /// The body in the reader's language (or the fallback's), with its translation status.
    pub(super) fn body_view(&self, item: &Item, text: &Text, lang: &str) -> BodyView {
        let untranslated = text.lang != lang;
        let fallback = untranslated.then(|| self.language(&text.lang));
        let status = item.status(&self.site.config, lang);
        BodyView {
            body: self.body(item, text, lang),
            body_lang: fallback.map(|l| l.tag_str()),
            body_dir: fallback.map(dir_of),
            untranslated,
            fallback_name: fallback.map(|l| self.language_in(lang, l)),
            outdated: status.state == State::Outdated,
            source_name: self.language_in(lang, self.site.config.default_lang()),
            machine_translated: status.machine_translated && !untranslated,
            reviewed: status.reviewed,
            documents: self.documents_view(item, lang),
            sign_language: self.sign_language_view(item, lang),
        }
    }

    /// schema.org data of an item page (`url`: its canonical address).
    fn jsonld(&self, lang: &str, item: &Item, url: &str) -> Option<String> {
        let base = &self.site.config.base_url;
        let ctx = jsonld::Ctx {
            tz: &self.site.config.time_zone,
            lang_tag: &self.language(lang).tag_str(),
            url,
            text: self.text(item, lang),
            today: self.now.date(),
        };
        let party = |slug: &str| {
            let c = self.site.get(Kind::Contact, slug)?;
            Some(jsonld::Party {
                name: self.text(c, lang).title.clone(),
                url: routes::under(base, &routes::item(lang, Kind::Contact, slug)),
                is_organization: matches!(&c.data, ItemData::Contact(d) if d.kind == ContactKind::Organization),
            })
        };
        let place = |slug: &str| {
            let l = self.site.get(Kind::Location, slug)?;
            Some(jsonld::location_place(
                self.site.location(slug)?,
                &self.text(l, lang).title,
                &routes::under(base, &routes::item(lang, Kind::Location, slug)),
                self.now.date(),
            ))
        };
        let image = self.image_url(item);
        jsonld::item(item, &ctx, party, place).map(|mut v| {
            if let (Some(url), Some(o)) = (image, v.as_object_mut()) {
                o.insert("image".into(), url.into());
            }
            jsonld::to_script(&v)
        })
    }
}

/// How to reach a contact itself (its card in the contacts list), if it has a phone or e-mail.
pub(super) fn own_reach(c: &ContactData) -> Option<Reach> {
    (c.phone.is_some() || c.email.is_some()).then(|| Reach {
        contact: None,
        phone: c.phone.clone(),
        phone_href: c.phone.as_deref().map(tel_uri),
        email: c.email.clone(),
    })
}

/// OpenStreetMap's route planner with the place as destination: a link only,
/// nothing is requested until the reader follows it.
pub(super) fn directions_url((lat, lon): (f64, f64)) -> String {
    format!("https://www.openstreetmap.org/directions?to={lat}%2C{lon}")
}

/// `geo:` URI (RFC 5870): opens the reader's own map app, no third party involved.
pub(super) fn geo_uri((lat, lon): (f64, f64)) -> String {
    format!("geo:{lat},{lon}")
}

/// `tel:` URI of a phone number as written (digits and `+` only).
pub(super) fn tel_uri(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|ch| ch.is_ascii_digit() || *ch == '+')
        .collect();
    format!("tel:{digits}")
}
