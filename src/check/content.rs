//! Checks of the content itself: review dates, events that are over,
//! translation status, duplicate titles.

use std::collections::BTreeMap;

use jiff::civil::{Date, DateTime};

use crate::content::status::State;
use crate::content::{ContactKind, ItemData, Site, Text};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Byte range of the line that sets `field` in a text's front matter (the
/// whole file if it cannot be found, which still names the file).
pub(super) fn field_span(text: &Text, field: &str) -> std::ops::Range<usize> {
    let mut offset = 0;
    for line in text.file.text.split_inclusive('\n') {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix(field)
            && rest.trim_start().starts_with('=')
        {
            let start = offset + line.len() - t.len();
            return start..start + t.trim_end().len();
        }
        offset += line.len();
    }
    0..0
}

/// Offers whose `review_by` date has passed: their facts may be out of date.
pub fn review_dates(site: &Site, today: Date, ds: &mut Diagnostics) {
    for item in site.items.values() {
        let ItemData::Offer(o) = &item.data else {
            continue;
        };
        let Some(due) = o.review_by else { continue };
        if due < today {
            let text = item.source_text(&site.config);
            ds.push(
                Diagnostic::warning("review-due")
                    .arg("due", due.to_string())
                    .at(&text.file, field_span(text, "review_by")),
            );
        }
    }
}

/// Offers that name no location (`at`) and no address: readers cannot
/// tell where they are. Reported at the title (no field to point at).
pub fn offers_without_place(site: &Site, ds: &mut Diagnostics) {
    for item in site.items.values() {
        let ItemData::Offer(o) = &item.data else {
            continue;
        };
        if o.listing.at.is_none() && o.listing.address.is_none() {
            let text = item.source_text(&site.config);
            ds.push(
                Diagnostic::warning("offer-without-place")
                    .at(&text.file, field_span(text, "title")),
            );
        }
    }
}

/// Opening hours that say open on a public holiday of the site's region
/// without a word about holidays (`PH`): usually a forgotten `PH off`.
pub fn holiday_hours(site: &Site, today: Date, ds: &mut Diagnostics) {
    for item in site.items.values() {
        let hours = match &item.data {
            ItemData::Offer(o) => o.opening_hours.as_ref(),
            ItemData::Contact(c) => c.opening_hours.as_ref(),
            ItemData::Location(l) => l.opening_hours.as_ref(),
            _ => None,
        };
        let Some(hours) = hours.filter(|h| !h.mentions_public_holidays()) else {
            continue;
        };
        if let Some(h) = hours.open_on_public_holiday(today, 366) {
            let text = item.source_text(&site.config);
            ds.push(
                Diagnostic::warning("hours-open-on-holiday")
                    .arg("date", h.date.to_string())
                    .arg("holiday", h.id.replace('-', " "))
                    .at(&text.file, field_span(text, "opening_hours")),
            );
        }
    }
}

/// Locations whose `closed` list still holds a period that ended more than
/// a year before `today` (stale: it only lengthens the file and the
/// structured data's history), and whose `appointment_url` is not https
/// (a booking form sends personal data).
pub fn locations(site: &Site, today: Date, ds: &mut Diagnostics) {
    let year_ago = today
        .checked_sub(jiff::Span::new().years(1))
        .unwrap_or(today);
    for item in site.items.values() {
        let ItemData::Location(l) = &item.data else {
            continue;
        };
        let text = item.source_text(&site.config);
        for c in l.closed.iter().filter(|c| c.to < year_ago) {
            let to = c.to.to_string();
            // The line of the period's `to`, else the `closed` line.
            let at = match text.file.text.find(&format!("to = {to}")) {
                Some(i) => i..i + 5 + to.len(),
                None => field_span(text, "closed"),
            };
            ds.push(
                Diagnostic::warning("closed-period-stale")
                    .arg("from", c.from.to_string())
                    .arg("to", to)
                    .at(&text.file, at),
            );
        }
        if let Some(u) = l.appointment_url.as_deref()
            && !u.starts_with("https://")
        {
            ds.push(
                Diagnostic::warning("appointment-url-not-https")
                    .arg("url", u)
                    .at(&text.file, field_span(text, "appointment_url")),
            );
        }
    }
}

/// Organisations readers cannot tell when to reach: neither `opening_hours`
/// nor `office_hours` (the question newcomers ask first). A hint, at `kind`.
pub fn organizations_without_hours(site: &Site, ds: &mut Diagnostics) {
    for item in site.items.values() {
        let ItemData::Contact(c) = &item.data else {
            continue;
        };
        let text = item.source_text(&site.config);
        if c.kind == ContactKind::Organization
            && c.opening_hours.is_none()
            && text.office_hours.is_none()
        {
            ds.push(
                Diagnostic::warning("contact-without-hours")
                    .arg("contact", item.slug.clone())
                    .at(&text.file, field_span(text, "kind")),
            );
        }
    }
}

/// Events with no session left: they have dropped out of the upcoming lists
/// and calendars and only the archive shows them. An event marked
/// `archived = true` is kept there on purpose and not reported, unless it
/// still has dates ahead (then the mark is a mistake).
pub fn finished_events(site: &Site, now: DateTime, ds: &mut Diagnostics) {
    for item in site.items.values() {
        let ItemData::Event(e) = &item.data else {
            continue;
        };
        let upcoming = e.time.is_upcoming(now);
        if upcoming != e.archived {
            continue;
        }
        let text = item.source_text(&site.config);
        if e.archived {
            ds.push(
                Diagnostic::warning("event-archived-upcoming")
                    .at(&text.file, field_span(text, "archived")),
            );
            continue;
        }
        let field = ["end", "repeat_until", "sessions", "start"]
            .into_iter()
            .map(|f| field_span(text, f))
            .find(|s| !s.is_empty())
            .unwrap_or(0..0);
        ds.push(Diagnostic::warning("event-over").at(&text.file, field));
    }
}

/// Outdated translations, one warning each (what readers see is wrong);
/// missing ones summed up per language (run `wegweiser status` for the list).
pub fn translations(site: &Site, ds: &mut Diagnostics) {
    let mut missing: BTreeMap<&str, usize> = BTreeMap::new();
    let total = site.items.len() + 1;
    for item in std::iter::once(&site.home).chain(site.items.values()) {
        for l in &site.config.languages {
            let status = item.status(&site.config, &l.key);
            match status.state {
                State::Outdated => {
                    if let Some(text) = item.texts.get(&l.key) {
                        ds.push(
                            Diagnostic::warning("translation-outdated")
                                .arg("source", item.source_text(&site.config).file.path.display())
                                .arg("item", item.path().to_string())
                                .arg("lang", l.key.as_str())
                                .at(&text.file, field_span(text, "source_hash")),
                        );
                    }
                }
                // A language the site declares partial is knowingly incomplete.
                State::Missing | State::InProgress if !l.partial => {
                    *missing.entry(&l.key).or_default() += 1
                }
                _ => {}
            }
        }
    }
    for (lang, n) in missing {
        ds.push(
            Diagnostic::warning("translations-missing")
                .arg("n", n)
                .arg("total", total)
                .arg("lang", lang),
        );
    }
}

/// Two items of a kind with the same title in one language confuse readers
/// and search engines alike.
pub fn duplicate_titles(site: &Site, ds: &mut Diagnostics) {
    // (Looked up, never walked: a hash map. At 10,000 offers 50,000
    // titles, whose long common beginnings a sorted map compared.)
    let mut seen: rustc_hash::FxHashMap<(&str, String), &Text> = Default::default();
    for item in site.items.values() {
        for (lang, text) in &item.texts {
            let key = (lang.as_str(), text.title.trim().to_lowercase());
            match seen.get(&key) {
                Some(first) => ds.push(
                    Diagnostic::warning("title-duplicate")
                        .arg("title", text.title.as_str())
                        .arg("first", first.file.path.display())
                        .at(&text.file, field_span(text, "title")),
                ),
                None => {
                    seen.insert(key, text);
                }
            }
        }
    }
}
