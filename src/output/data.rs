//! The site's data files beside its pages: an `.ics` per event, a
//! subscribable `events.ics` and an Atom feed per language, a `.vcf` per
//! contact; the feeds per term and of all changes are in `feeds.rs`.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::DateTime;
use rayon::prelude::*;

use super::OutputFiles;
use super::feed::{self, Entry, Feed};
use super::ical::{self, IcsContext, IcsEvent};
use super::vcard::{self, VCardData};
use crate::config::Taxonomy;
use crate::content::{ContactKind, EventData, Item, ItemData, Kind, Site};
use crate::routes;

/// Interface text the data files need, per language.
pub struct FeedLabels {
    pub site_title: String,
    pub events: String,
    /// Each term's name, for the titles of its calendar and feed.
    pub terms: BTreeMap<(Taxonomy, String), String>,
    /// The title of the feed of all changes.
    pub changes: String,
}

/// When an item last changed: its `updated` date, else (events) its first
/// day. Never the clock, so the files are reproducible.
pub(super) fn stamp(item: &Item) -> Timestamp {
    let day = match (&item.updated, &item.data) {
        (Some(d), _) => Some(*d),
        (None, ItemData::Event(e)) => Some(e.time.first_day()),
        _ => None,
    };
    day.and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC).ok())
        .map(|z| z.timestamp())
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

pub(super) fn rfc3339(ts: Timestamp) -> String {
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

pub(super) fn ics_event<'a>(
    site: &'a Site,
    item: &'a Item,
    e: &'a EventData,
    lang: &str,
) -> IcsEvent<'a> {
    let cfg = &site.config;
    let text = item
        .text_for(cfg, lang)
        .unwrap_or_else(|| item.source_text(cfg));
    let (address, geo) = site.where_of(&e.listing);
    let location = match (&e.location, &address) {
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
        geo,
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

/// What every language's data files are made from.
pub(super) struct DataContext<'a> {
    pub site: &'a Site,
    pub now: DateTime,
    /// The site's host name, for `UID`s.
    pub host: &'a str,
    pub events: Vec<(&'a Item, &'a EventData)>,
}

/// Every data file of the site, keyed by output path.
pub fn data_files(
    site: &Site,
    now: DateTime,
    labels: &BTreeMap<String, FeedLabels>,
) -> OutputFiles {
    let cfg = &site.config;
    let ctx = DataContext {
        site,
        now,
        host: host(&cfg.base_url),
        events: site
            .of_kind(Kind::Event)
            .filter_map(|i| match &i.data {
                ItemData::Event(e) => Some((i, e)),
                _ => None,
            })
            .collect(),
    };
    // Languages in parallel; the map sorts their files.
    let per_language: Vec<OutputFiles> = cfg
        .languages
        .par_iter()
        .map(|lang| {
            let mut files = OutputFiles::new();
            if let Some(label) = labels.get(&lang.key) {
                let tag = lang.tag_str();
                event_calendars(&ctx, &lang.key, &tag, &mut files);
                upcoming_calendar(&ctx, &lang.key, &tag, label, &mut files);
                contact_cards(&ctx, &lang.key, &mut files);
                atom_feed(&ctx, &lang.key, &tag, label, &mut files);
                super::feeds::term_feeds(&ctx, &lang.key, &tag, label, &mut files);
                super::feeds::changes_feed(&ctx, &lang.key, &tag, label, &mut files);
            }
            files
        })
        .collect();
    per_language.into_iter().flatten().collect()
}

/// The settings of a calendar named `name` in the language tagged `tag`.
pub(super) fn ics_context<'a>(ctx: &'a DataContext, tag: &'a str, name: &'a str) -> IcsContext<'a> {
    let cfg = &ctx.site.config;
    IcsContext {
        tz: &cfg.time_zone,
        tz_name: &cfg.time_zone_name,
        host: ctx.host,
        name,
        lang: tag,
    }
}

/// One calendar per event.
fn event_calendars(ctx: &DataContext, key: &str, tag: &str, files: &mut OutputFiles) {
    let cfg = &ctx.site.config;
    for (item, e) in &ctx.events {
        let title = &item
            .text_for(cfg, key)
            .unwrap_or_else(|| item.source_text(cfg))
            .title;
        let c = ics_context(ctx, tag, title);
        let text = ical::calendar(&[ics_event(ctx.site, item, e, key)], &c);
        files.insert(
            routes::event_ics(key, &item.slug)
                .trim_start_matches('/')
                .to_string(),
            text.into_bytes().into(),
        );
    }
}

/// The subscribable calendar of what is still to come.
fn upcoming_calendar(
    ctx: &DataContext,
    key: &str,
    tag: &str,
    label: &FeedLabels,
    files: &mut OutputFiles,
) {
    let name = format!("{} – {}", label.site_title, label.events);
    let c = ics_context(ctx, tag, &name);
    let upcoming: Vec<IcsEvent> = ctx
        .events
        .iter()
        .filter(|(_, e)| e.time.is_upcoming(ctx.now))
        .map(|(i, e)| ics_event(ctx.site, i, e, key))
        .collect();
    files.insert(
        routes::events_ics(key).trim_start_matches('/').to_string(),
        ical::calendar(&upcoming, &c).into_bytes().into(),
    );
}

/// A vCard per contact.
fn contact_cards(ctx: &DataContext, key: &str, files: &mut OutputFiles) {
    let (site, cfg) = (ctx.site, &ctx.site.config);
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
        let uid = format!("{}@{}", item.slug, ctx.host);
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
}

/// The Atom feed: upcoming events and offers, newest change first.
fn atom_feed(ctx: &DataContext, key: &str, tag: &str, label: &FeedLabels, files: &mut OutputFiles) {
    let entries = ctx
        .site
        .items
        .values()
        .filter(|item| match &item.data {
            ItemData::Event(e) => e.time.is_upcoming(ctx.now),
            ItemData::Offer(_) => item.updated.is_some(),
            _ => false,
        })
        .map(|item| entry(ctx, item, key))
        .collect();
    let path = routes::feed(key);
    write_feed(ctx, (key, tag), &label.site_title, &path, entries, files);
}

/// The feed entry of `item` in the language `key`, with its timestamp.
pub(super) fn entry(ctx: &DataContext, item: &Item, key: &str) -> (Timestamp, Entry) {
    let cfg = &ctx.site.config;
    let text = item
        .text_for(cfg, key)
        .unwrap_or_else(|| item.source_text(cfg));
    let ts = stamp(item);
    let e = Entry {
        title: text.title.clone(),
        url: format!(
            "{}{}",
            cfg.base_url,
            routes::item(key, item.kind, &item.slug)
        ),
        updated: rfc3339(ts),
        summary: text.summary.clone(),
        category: None,
        lang: (text.lang != *key).then(|| {
            cfg.language(&text.lang)
                .map(|l| l.tag_str())
                .unwrap_or_default()
        }),
    };
    (ts, e)
}

/// Writes the Atom feed at site path `path` in the language (`key`, `tag`):
/// its `entries` newest change first (the same instant: by address), at
/// most `limit` of them; the feed's `updated` is the newest entry's.
pub(super) fn write_feed(
    ctx: &DataContext,
    (key, tag): (&str, &str),
    title: &str,
    path: &str,
    mut entries: Vec<(Timestamp, Entry)>,
    files: &mut OutputFiles,
) {
    let cfg = &ctx.site.config;
    newest_first(&mut entries);
    let updated = entries.first().map_or(Timestamp::UNIX_EPOCH, |e| e.0);
    let self_url = routes::under(&cfg.base_url, path);
    let home_url = routes::under(&cfg.base_url, &routes::home(key));
    let f = Feed {
        title,
        lang: tag,
        self_url: &self_url,
        home_url: &home_url,
        updated: rfc3339(updated),
        entries: entries.into_iter().map(|e| e.1).collect(),
    };
    files.insert(routes::file_for(path), feed::atom(&f).into());
}

/// Feed entries newest change first; at the same instant by address.
pub(super) fn newest_first(entries: &mut [(Timestamp, Entry)]) {
    entries.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.url.cmp(&b.1.url)));
}
