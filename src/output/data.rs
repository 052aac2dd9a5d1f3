//! The site's data files beside its pages: an `.ics` per event, a
//! subscribable `events.ics` and an Atom feed per language, a `.vcf` per
//! contact; the feeds per term and of all changes are in `feeds.rs`.

use std::collections::BTreeMap;

use jiff::civil::DateTime;
use rayon::prelude::*;

use super::OutputFiles;
pub use super::data_common::FeedLabels;
use super::data_common::{
    DataContext, FeedEntry, LanguageEntries, entry, ics_context, rfc3339, stamp, write_feed,
};
use super::ical;
use super::vcard::{self, VCardData};
use crate::content::{ContactKind, ItemData, Kind, Site};
use crate::routes;

fn host(base_url: &str) -> &str {
    base_url
        .split_once("://")
        .map_or(base_url, |x| x.1)
        .split('/')
        .next()
        .unwrap_or("localhost")
}

/// Every data file of the site, keyed by output path.
pub fn data_files(
    site: &Site,
    now: DateTime,
    labels: &BTreeMap<String, FeedLabels>,
) -> OutputFiles {
    let all = std::sync::Mutex::new(OutputFiles::new());
    let Ok(()) = data_files_each(site, now, labels, |files| {
        // A panic elsewhere leaves the map whole (only extended).
        let mut all = all
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        all.extend(files);
        Ok::<(), std::convert::Infallible>(())
    });
    all.into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The files of [`data_files`], one language's at a time given to `sink`
/// (languages in parallel): a full build writes them and drops them, rather
/// than holding every language's at once. The first error of `sink` ends it.
pub fn data_files_each<E: Send>(
    site: &Site,
    now: DateTime,
    labels: &BTreeMap<String, FeedLabels>,
    sink: impl Fn(OutputFiles) -> Result<(), E> + Sync,
) -> Result<(), E> {
    let cfg = &site.config;
    let ctx = DataContext::new(site, now, host(&cfg.base_url));
    cfg.languages.par_iter().try_for_each(|lang| {
        let mut files = OutputFiles::new();
        if let Some(label) = labels.get(&lang.key) {
            let tag = lang.tag_str();
            let lt = (lang.key.as_str(), tag.as_str());
            let shared = LanguageEntries::new(&ctx, &lang.key, &tag);
            event_calendars(&ctx, lt, &shared, &mut files);
            upcoming_calendar(&ctx, lt, label, &shared, &mut files);
            contact_cards(&ctx, &lang.key, &mut files);
            atom_feed(&ctx, lt, label, &shared, &mut files);
            super::feeds::term_feeds(&ctx, lt, label, &shared, &mut files);
            super::feeds::changes_feed(&ctx, &lang.key, &tag, label, &mut files);
        }
        sink(files)
    })
}

/// One calendar per event.
fn event_calendars(
    ctx: &DataContext,
    (key, tag): (&str, &str),
    shared: &LanguageEntries,
    files: &mut OutputFiles,
) {
    let cfg = &ctx.site.config;
    for ((item, _), ics) in ctx.events.iter().zip(&shared.ics) {
        let title = &item
            .text_for(cfg, key)
            .unwrap_or_else(|| item.source_text(cfg))
            .title;
        let c = ics_context(ctx, tag, title);
        let text = ical::calendar_of(&[ics], &c);
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
    (key, tag): (&str, &str),
    label: &FeedLabels,
    shared: &LanguageEntries,
    files: &mut OutputFiles,
) {
    let name = format!("{} – {}", label.site_title, label.events);
    let c = ics_context(ctx, tag, &name);
    let upcoming: Vec<_> = ctx
        .events
        .iter()
        .zip(&shared.ics)
        .filter(|((_, e), _)| e.time.is_upcoming(ctx.now))
        .map(|(_, ics)| ics)
        .collect();
    files.insert(
        routes::events_ics(key).trim_start_matches('/').to_string(),
        ical::calendar_of(&upcoming, &c).into_bytes().into(),
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
fn atom_feed(
    ctx: &DataContext,
    (key, tag): (&str, &str),
    label: &FeedLabels,
    shared: &LanguageEntries,
    files: &mut OutputFiles,
) {
    let offers: Vec<FeedEntry> = ctx
        .site
        .of_kind(Kind::Offer)
        .filter(|item| item.updated.is_some())
        .map(|item| FeedEntry::new(entry(ctx, item, key)))
        .collect();
    let events = ctx
        .events
        .iter()
        .zip(&shared.atom)
        .filter(|((_, e), _)| e.time.is_upcoming(ctx.now))
        .map(|(_, a)| a);
    let entries = offers.iter().chain(events).collect();
    let path = routes::feed(key);
    write_feed(ctx, (key, tag), &label.site_title, &path, entries, files);
}
