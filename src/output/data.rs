//! The site's data files beside its pages: an `.ics` per event, a
//! subscribable `events.ics` and an Atom feed per language, a `.vcf` per contact.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::DateTime;
use rayon::prelude::*;

use super::OutputFiles;
use super::feed::{self, Entry, Feed};
use super::ical::{self, IcsContext, IcsEvent};
use super::vcard::{self, VCardData};
use crate::content::{ContactKind, EventData, Item, ItemData, Kind, Site};
use crate::routes;

/// Interface text the data files need, per language.
pub struct FeedLabels {
    pub site_title: String,
    pub events: String,
}

/// When an item last changed: its `updated` date, else (events) its first
/// day. Never the clock, so the files are reproducible.
fn stamp(item: &Item) -> Timestamp {
    let day = match (&item.updated, &item.data) {
        (Some(d), _) => Some(*d),
        (None, ItemData::Event(e)) => Some(e.time.first_day()),
        _ => None,
    };
    day.and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC).ok())
        .map(|z| z.timestamp())
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

fn rfc3339(ts: Timestamp) -> String {
    ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn host(base_url: &str) -> &str {
    base_url
        .split_once("://")
        .map_or(base_url, |x| x.1)
        .split('/')
        .next()
        .unwrap_or("localhost")
}

fn ics_event<'a>(site: &'a Site, item: &'a Item, e: &'a EventData, lang: &str) -> IcsEvent<'a> {
    let cfg = &site.config;
    let text = item
        .text_for(cfg, lang)
        .unwrap_or_else(|| item.source_text(cfg));
    let location = match (&e.location, &e.listing.address) {
        (Some(l), Some(a)) => Some(format!("{l}, {a}")),
        (Some(l), None) => Some(l.clone()),
        (None, Some(a)) => Some(a.clone()),
        (None, None) => None,
    };
    IcsEvent {
        slug: &item.slug,
        summary: &text.title,
        description: text.summary.as_deref(),
        location,
        geo: e.listing.geo,
        url: format!(
            "{}{}",
            cfg.base_url,
            routes::item(lang, Kind::Event, &item.slug)
        ),
        online_url: e.online_url.as_deref(),
        attendance: e.attendance,
        time: &e.time,
        stamp: stamp(item),
    }
}

/// Every data file of the site, keyed by output path.
pub fn data_files(
    site: &Site,
    now: DateTime,
    labels: &BTreeMap<String, FeedLabels>,
) -> OutputFiles {
    let cfg = &site.config;
    let host = host(&cfg.base_url);
    let events: Vec<(&Item, &EventData)> = site
        .of_kind(Kind::Event)
        .filter_map(|i| match &i.data {
            ItemData::Event(e) => Some((i, e)),
            _ => None,
        })
        .collect();
    // Languages in parallel; the map sorts their files.
    let per_language: Vec<OutputFiles> = cfg
        .languages
        .par_iter()
        .map(|lang| {
            let mut files = OutputFiles::new();
            let key = &lang.key;
            let tag = lang.tag_str();
            let Some(label) = labels.get(key) else {
                return files;
            };
            // One calendar per event.
            for (item, e) in &events {
                let title = &item
                    .text_for(cfg, key)
                    .unwrap_or_else(|| item.source_text(cfg))
                    .title;
                let c = IcsContext {
                    tz: &cfg.time_zone,
                    tz_name: &cfg.time_zone_name,
                    host,
                    name: title,
                    lang: &tag,
                };
                let text = ical::calendar(&[ics_event(site, item, e, key)], &c);
                files.insert(
                    routes::event_ics(key, &item.slug)
                        .trim_start_matches('/')
                        .to_string(),
                    text.into_bytes().into(),
                );
            }
            // The subscribable calendar of what is still to come.
            let name = format!("{} – {}", label.site_title, label.events);
            let c = IcsContext {
                tz: &cfg.time_zone,
                tz_name: &cfg.time_zone_name,
                host,
                name: &name,
                lang: &tag,
            };
            let upcoming: Vec<IcsEvent> = events
                .iter()
                .filter(|(_, e)| e.time.is_upcoming(now))
                .map(|(i, e)| ics_event(site, i, e, key))
                .collect();
            files.insert(
                routes::events_ics(key).trim_start_matches('/').to_string(),
                ical::calendar(&upcoming, &c).into_bytes().into(),
            );
            // Contact cards.
            for item in site.of_kind(Kind::Contact) {
                let ItemData::Contact(c) = &item.data else {
                    continue;
                };
                let text = item
                    .text_for(cfg, key)
                    .unwrap_or_else(|| item.source_text(cfg));
                let org = c
                    .organization
                    .as_deref()
                    .and_then(|o| site.get(Kind::Contact, o))
                    .map(|o| {
                        o.text_for(cfg, key)
                            .unwrap_or_else(|| o.source_text(cfg))
                            .title
                            .clone()
                    });
                let url = format!(
                    "{}{}",
                    cfg.base_url,
                    routes::item(key, Kind::Contact, &item.slug)
                );
                let uid = format!("{}@{host}", item.slug);
                let card = VCardData {
                    name: &text.title,
                    is_organization: c.kind == ContactKind::Organization,
                    role: text.role.as_deref(),
                    organization: org.as_deref(),
                    phone: c.phone.as_deref(),
                    email: c.email.as_deref(),
                    website: c.website.as_deref(),
                    address: c.address.as_deref(),
                    url: &url,
                    uid: &uid,
                    rev: item.updated.map(|_| rfc3339(stamp(item))),
                };
                files.insert(
                    routes::vcard(key, &item.slug)
                        .trim_start_matches('/')
                        .to_string(),
                    vcard::vcard(&card).into_bytes().into(),
                );
            }
            // Atom feed: upcoming events and offers, newest change first.
            let mut entries: Vec<(Timestamp, Entry)> = Vec::new();
            for item in site.items.values() {
                let include = match &item.data {
                    ItemData::Event(e) => e.time.is_upcoming(now),
                    ItemData::Offer(_) => item.updated.is_some(),
                    _ => false,
                };
                if !include {
                    continue;
                }
                let text = item
                    .text_for(cfg, key)
                    .unwrap_or_else(|| item.source_text(cfg));
                let ts = stamp(item);
                entries.push((
                    ts,
                    Entry {
                        title: text.title.clone(),
                        url: format!(
                            "{}{}",
                            cfg.base_url,
                            routes::item(key, item.kind, &item.slug)
                        ),
                        updated: rfc3339(ts),
                        summary: text.summary.clone(),
                        lang: (text.lang != *key).then(|| {
                            cfg.language(&text.lang)
                                .map(|l| l.tag_str())
                                .unwrap_or_default()
                        }),
                    },
                ));
            }
            entries.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.url.cmp(&b.1.url)));
            let updated = entries.first().map_or(Timestamp::UNIX_EPOCH, |e| e.0);
            let self_url = format!("{}{}", cfg.base_url, routes::feed(key));
            let home_url = format!("{}{}", cfg.base_url, routes::home(key));
            let f = Feed {
                title: &label.site_title,
                lang: &tag,
                self_url: &self_url,
                home_url: &home_url,
                updated: rfc3339(updated),
                entries: entries.into_iter().map(|e| e.1).collect(),
            };
            files.insert(
                routes::feed(key).trim_start_matches('/').to_string(),
                feed::atom(&f).into(),
            );
            files
        })
        .collect();
    per_language.into_iter().flatten().collect()
}
