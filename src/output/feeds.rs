//! The feeds beside a language's own: per term (topic, audience, place) a
//! calendar and an Atom feed of its upcoming events, and an Atom feed of
//! every change, for partners who mirror the guide.
//!
//! Every term of the site has its feeds, with events or without: a
//! subscription keeps working when a term's last event is over. Which
//! events a term's feeds hold is [`routes::term_feeds_of`], the rule the
//! incremental build also knows.

use jiff::Timestamp;

use super::OutputFiles;
use super::data_common::{
    DataContext, FeedEntry, FeedLabels, LanguageEntries, entry, ics_context, newest_first, rfc3339,
    stamp, write_feed,
};
use super::feed::Entry;
use super::ical;
use crate::config::Taxonomy;
use crate::content::Kind;
use crate::routes;

/// How many entries the feed of all changes has at most (the newest).
pub const CHANGES_LIMIT: usize = 100;

/// The kinds of item the feed of all changes reports.
const CHANGED_KINDS: [Kind; 4] = routes::LISTED_KINDS;

/// A calendar and an Atom feed per term, in the language `key`, of the
/// entries written once for the language.
pub(super) fn term_feeds(
    ctx: &DataContext,
    (key, tag): (&str, &str),
    label: &FeedLabels,
    shared: &LanguageEntries,
    files: &mut OutputFiles,
) {
    let cfg = &ctx.site.config;
    for t in Taxonomy::ALL {
        for term in cfg.taxonomies.terms(t) {
            let on = (t, term.clone());
            let events = ctx.term_events.get(&on).map_or(&[][..], Vec::as_slice);
            let term_label = label.terms.get(&on).map_or(term.as_str(), String::as_str);
            let name = format!("{} – {}", label.site_title, term_label);
            let c = ics_context(ctx, tag, &name);
            let ics: Vec<_> = events.iter().map(|&n| &shared.ics[n]).collect();
            files.insert(
                routes::file_for(&routes::term_calendar(key, t, term)),
                ical::calendar_of(&ics, &c).into_bytes().into(),
            );
            let entries = events.iter().map(|&n| &shared.atom[n]).collect();
            let path = routes::term_feed(key, t, term);
            write_feed(ctx, (key, tag), &name, &path, entries, files);
        }
    }
}

/// The Atom feed of every offer, event, contact and location by its last
/// change (its `updated` date; one without it has no known change and comes
/// last, dated 1970-01-01), newest first, at most [`CHANGES_LIMIT`] entries.
pub(super) fn changes_feed(
    ctx: &DataContext,
    key: &str,
    tag: &str,
    label: &FeedLabels,
    files: &mut OutputFiles,
) {
    let mut entries: Vec<(Timestamp, Entry)> = ctx
        .site
        .items
        .values()
        .filter(|i| CHANGED_KINDS.contains(&i.kind))
        .map(|i| {
            let (_, mut e) = entry(ctx, i, key);
            // Only the office's own date: an event's first day is no change.
            let ts = i.updated.map_or(Timestamp::UNIX_EPOCH, |_| stamp(i));
            e.updated = rfc3339(ts);
            e.category = Some(i.kind.folder().to_string());
            (ts, e)
        })
        .collect();
    // Newest first, as the feed writes them; then only the newest are kept
    // (and written).
    newest_first(&mut entries, |(ts, e)| (*ts, &e.url));
    entries.truncate(CHANGES_LIMIT);
    let entries: Vec<FeedEntry> = entries.into_iter().map(FeedEntry::new).collect();
    let title = format!("{} – {}", label.site_title, label.changes);
    let path = routes::changes_feed(key);
    write_feed(
        ctx,
        (key, tag),
        &title,
        &path,
        entries.iter().collect(),
        files,
    );
}
