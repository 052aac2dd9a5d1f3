//! What the data files and feeds share: the items they are made from, an
//! event's calendar entry, an item's feed entry and the writing of a feed.
//! `data.rs` and `feeds.rs` both build on it (and on nothing of each other's
//! but `data.rs` calling `feeds.rs`).

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::DateTime;

use super::OutputFiles;
use super::feed::{self, Entry, Feed};
use super::ical::{self, IcsContext, IcsEntry, IcsEvent};
use crate::config::Taxonomy;
use crate::content::{EventData, Item, ItemData, Kind, Site};
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
    /// Per term, the upcoming events its feeds show (`routes::term_feeds_of`),
    /// as indexes into `events`, in their order.
    pub term_events: BTreeMap<(Taxonomy, String), Vec<usize>>,
}

impl<'a> DataContext<'a> {
    pub fn new(site: &'a Site, now: DateTime, host: &'a str) -> Self {
        let events: Vec<_> = site
            .of_kind(Kind::Event)
            .filter_map(|i| match &i.data {
                ItemData::Event(e) => Some((i, e)),
                _ => None,
            })
            .collect();
        let mut term_events: BTreeMap<_, Vec<usize>> = BTreeMap::new();
        for (n, (i, e)) in events.iter().enumerate() {
            if e.time.is_upcoming(now) {
                for on in routes::term_feeds_of(i) {
                    term_events.entry(on).or_default().push(n);
                }
            }
        }
        DataContext {
            site,
            now,
            host,
            events,
            term_events,
        }
    }
}

/// A feed entry written once ([`feed::entry_xml`]), with what orders it.
pub(super) struct FeedEntry {
    pub ts: Timestamp,
    pub url: String,
    pub xml: Vec<u8>,
}

impl FeedEntry {
    pub fn new((ts, e): (Timestamp, Entry)) -> Self {
        FeedEntry {
            ts,
            xml: feed::entry_xml(&e),
            url: e.url,
        }
    }
}

/// What the files of one language share: each event's calendar entry and
/// feed entry (by index into `DataContext::events`), written once for the
/// event's own `.ics`, `events.ics`, `feed.atom` and the term feeds.
pub(super) struct LanguageEntries {
    pub ics: Vec<IcsEntry>,
    pub atom: Vec<FeedEntry>,
}

impl LanguageEntries {
    pub fn new(ctx: &DataContext, key: &str, tag: &str) -> Self {
        let c = ics_context(ctx, tag, "");
        LanguageEntries {
            ics: ctx
                .events
                .iter()
                .map(|(i, e)| ical::entry(&ics_event(ctx.site, i, e, key), &c))
                .collect(),
            atom: ctx
                .events
                .iter()
                .map(|(i, _)| FeedEntry::new(entry(ctx, i, key)))
                .collect(),
        }
    }
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
/// its `entries` newest change first (the same instant: by address); the
/// feed's `updated` is the newest entry's.
pub(super) fn write_feed(
    ctx: &DataContext,
    (key, tag): (&str, &str),
    title: &str,
    path: &str,
    mut entries: Vec<&FeedEntry>,
    files: &mut OutputFiles,
) {
    let cfg = &ctx.site.config;
    newest_first(&mut entries, |e| (e.ts, &e.url));
    let updated = entries.first().map_or(Timestamp::UNIX_EPOCH, |e| e.ts);
    let self_url = routes::under(&cfg.base_url, path);
    let home_url = routes::under(&cfg.base_url, &routes::home(key));
    let f = Feed {
        title,
        lang: tag,
        self_url: &self_url,
        home_url: &home_url,
        updated: rfc3339(updated),
    };
    let xml: Vec<&[u8]> = entries.iter().map(|e| e.xml.as_slice()).collect();
    files.insert(routes::file_for(path), feed::atom(&f, &xml).into());
}

/// Feed entries newest change first; at the same instant by address.
pub(super) fn newest_first<T>(entries: &mut [T], key: impl Fn(&T) -> (Timestamp, &str)) {
    entries.sort_by(|a, b| {
        let (ta, ua) = key(a);
        let (tb, ub) = key(b);
        tb.cmp(&ta).then_with(|| ua.cmp(ub))
    });
}
