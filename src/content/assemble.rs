//! Merging a source file and its translations into one [`Item`], with the
//! checks that need only that item: required fields, dates, value formats.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use jiff::civil::{Date, DateTime, Weekday};
use toml::Spanned;
use toml::value::Datetime;

use super::parse::{ParsedFile, RawFront};
use super::recurrence::{Frequency, Recurrence, parse_weekday};
use super::{
    Attendance, ContactData, ContactKind, EventData, EventTime, Item, ItemData, Kind, Listing,
    OfferData, Session, Text,
};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Builds an item from its files (all with the same kind and slug).
pub fn assemble(files: Vec<ParsedFile>, config: &SiteConfig, ds: &mut Diagnostics) -> Option<Item> {
    let (sources, translations): (Vec<_>, Vec<_>) = files.into_iter().partition(|f| {
        f.id.lang
            .as_deref()
            .is_none_or(|l| l == config.default_language)
    });
    let Some(source) = sources.into_iter().next() else {
        report_orphans(&translations, ds);
        return None;
    };

    let before = ds.error_count();
    let (texts, draft_translations) = texts(&source, &translations, config, ds);
    let f = &source.front;
    let data = item_data(&source, ds)?;
    let updated = f
        .updated
        .as_ref()
        .and_then(|d| date(&source, d, "updated", ds));
    if ds.error_count() > before {
        return None;
    }
    let fingerprint = super::status::fingerprint(texts.get(&config.default_language)?);
    Some(Item {
        kind: source.id.kind,
        slug: source.id.slug.clone(),
        draft: f.draft.unwrap_or(false),
        updated,
        data,
        texts,
        draft_translations,
        fingerprint,
    })
}

/// An error for each translation whose source file is missing.
fn report_orphans(translations: &[ParsedFile], ds: &mut Diagnostics) {
    for t in translations {
        let name = if t.id.kind == Kind::Home {
            "_index.md".to_string()
        } else {
            format!("{}.md", t.id.slug)
        };
        ds.push(
            Diagnostic::error(format!("translation without a source file `{name}`"))
                .in_file(&t.file)
                .help(format!(
                    "every translation needs the default-language file `{name}` in the same folder; check the file name for typos"
                )),
        );
    }
}

/// The texts of the source and its finished translations, by language, and
/// the languages whose translation is still a draft.
fn texts(
    source: &ParsedFile,
    translations: &[ParsedFile],
    config: &SiteConfig,
    ds: &mut Diagnostics,
) -> (BTreeMap<String, Text>, BTreeSet<String>) {
    let mut texts = BTreeMap::new();
    if let Some(t) = text_of(source, &config.default_language, ds) {
        texts.insert(config.default_language.clone(), t);
    }
    let mut draft_translations = BTreeSet::new();
    for tr in translations {
        let lang = tr.id.lang.clone().unwrap_or_default();
        if let Some(mut t) = text_of(tr, &lang, ds) {
            // A translation in progress is not shown to readers yet.
            if tr.front.draft == Some(true) {
                draft_translations.insert(lang);
                continue;
            }
            t.meta = super::TranslationMeta {
                source_hash: tr.front.source_hash.as_ref().map(|h| h.get_ref().clone()),
                machine_translated: tr.front.machine_translated.unwrap_or(false),
                reviewed: tr.front.reviewed.unwrap_or(false),
            };
            texts.insert(lang, t);
        }
    }
    (texts, draft_translations)
}

/// The kind-specific data of the source file; `None` if an event's time or
/// a contact cannot be read.
fn item_data(source: &ParsedFile, ds: &mut Diagnostics) -> Option<ItemData> {
    let f = &source.front;
    Some(match source.id.kind {
        Kind::Home => ItemData::Home,
        Kind::Page => ItemData::Page,
        Kind::Offer => ItemData::Offer(OfferData {
            listing: listing(source, ds),
            provider: f.provider.as_ref().map(|s| s.get_ref().clone()),
            childcare: f.childcare,
            website: url(source, f.website.as_ref(), ds),
            review_by: f
                .review_by
                .as_ref()
                .and_then(|d| date(source, d, "review_by", ds)),
        }),
        Kind::Event => {
            let time = event_time(source, ds)?;
            let online_url = url(source, f.online_url.as_ref(), ds);
            let attendance = attendance(source, online_url.is_some(), ds);
            ItemData::Event(EventData {
                listing: listing(source, ds),
                organizer: f.organizer.as_ref().map(|s| s.get_ref().clone()),
                time,
                location: f.location.clone(),
                online_url,
                attendance,
            })
        }
        Kind::Contact => ItemData::Contact(contact(source, ds)?),
    })
}

fn text_of(p: &ParsedFile, lang: &str, ds: &mut Diagnostics) -> Option<Text> {
    let f = &p.front;
    let Some(title) = f.title.as_ref().map(|t| t.get_ref().trim().to_string()) else {
        ds.push(
            Diagnostic::error("missing required field `title`")
                .at(&p.file, p.front_offset..p.front_offset)
                .help("add a line such as title = \"Sprachcafé Ingelheim\" to the front matter"),
        );
        return None;
    };
    if title.is_empty() {
        let span = f.title.as_ref().map(|t| t.span()).unwrap_or(0..0);
        ds.push(
            p.error_at(span, "`title` is empty")
                .help("write the heading of the page between the quotes"),
        );
        return None;
    }
    Some(Text {
        lang: lang.to_string(),
        file: p.file.clone(),
        title,
        summary: f.summary.clone(),
        schedule: f.schedule.clone(),
        cost: f.cost.clone(),
        role: f.role.clone(),
        office_hours: f.office_hours.clone(),
        body: p.body.clone(),
        links: p.links.clone(),
        meta: super::TranslationMeta::default(),
    })
}

fn keys(v: &Option<Vec<Spanned<String>>>) -> Vec<String> {
    v.iter().flatten().map(|s| s.get_ref().clone()).collect()
}

fn listing(p: &ParsedFile, ds: &mut Diagnostics) -> Listing {
    let f: &RawFront = &p.front;
    let geo = f.geo.as_ref().and_then(|g| match g.get_ref().as_slice() {
        [lat, lon] if (-90.0..=90.0).contains(lat) && (-180.0..=180.0).contains(lon) => {
            Some((*lat, *lon))
        }
        _ => {
            ds.push(
                p.error_at(g.span(), "`geo` must be [latitude, longitude]")
                    .help("for example geo = [49.97, 8.06] (latitude between -90 and 90 first)"),
            );
            None
        }
    });
    Listing {
        topics: keys(&f.topics),
        audiences: keys(&f.audiences),
        places: keys(&f.places),
        offered_in: keys(&f.offered_in),
        contacts: keys(&f.contacts),
        address: f.address.clone(),
        geo,
        accessible: f.accessible,
        registration_url: url(p, f.registration_url.as_ref(), ds),
    }
}

fn url(p: &ParsedFile, v: Option<&Spanned<String>>, ds: &mut Diagnostics) -> Option<String> {
    let v = v?;
    let s = v.get_ref().trim();
    if (s.starts_with("https://") || s.starts_with("http://")) && !s.contains(char::is_whitespace) {
        Some(s.to_string())
    } else {
        ds.push(
            p.error_at(v.span(), format!("`{s}` is not a web address"))
                .help("write the full address beginning with https://, e.g. \"https://example.org/anmeldung\""),
        );
        None
    }
}

/// A date field (no time).
fn date(p: &ParsedFile, v: &Spanned<Datetime>, field: &str, ds: &mut Diagnostics) -> Option<Date> {
    let dt = v.get_ref();
    match (dt.date, dt.time) {
        (Some(d), None) => civil_date(p, v.span(), d, ds),
        _ => {
            ds.push(
                p.error_at(v.span(), format!("`{field}` must be a date without time"))
                    .help(format!("write it as {field} = 2026-06-30")),
            );
            None
        }
    }
}

fn civil_date(
    p: &ParsedFile,
    span: Range<usize>,
    d: toml::value::Date,
    ds: &mut Diagnostics,
) -> Option<Date> {
    match Date::new(d.year as i16, d.month as i8, d.day as i8) {
        Ok(x) => Some(x),
        Err(_) => {
            ds.push(
                p.error_at(
                    span,
                    format!(
                        "invalid date: {}-{:02}-{:02} does not exist",
                        d.year, d.month, d.day
                    ),
                )
                .help("check day and month; dates are written year-month-day, e.g. 2026-02-05"),
            );
            None
        }
    }
}

/// A local date-time (no offset): events are in the site's time zone.
fn local_datetime(
    p: &ParsedFile,
    v: &Spanned<Datetime>,
    field: &str,
    ds: &mut Diagnostics,
) -> Option<DateTime> {
    let dt = v.get_ref();
    let (Some(d), Some(t)) = (dt.date, dt.time) else {
        ds.push(
            p.error_at(v.span(), format!("`{field}` needs a date and a time"))
                .help(format!(
                    "write {field} = 2026-02-05T18:00, or set all_day = true for events that last whole days"
                )),
        );
        return None;
    };
    if dt.offset.is_some() {
        ds.push(
            p.error_at(
                v.span(),
                format!("`{field}` must be local time without a time-zone offset"),
            )
            .help(
                "remove the offset (Z or +01:00): times are in the site's time zone from site.toml",
            ),
        );
        return None;
    }
    let date = civil_date(p, v.span(), d, ds)?;
    match jiff::civil::Time::new(t.hour as i8, t.minute as i8, t.second.unwrap_or(0) as i8, 0) {
        Ok(time) => Some(date.to_datetime(time)),
        Err(_) => {
            ds.push(
                p.error_at(v.span(), "invalid time of day")
                    .help("hours are 00–23 and minutes 00–59, e.g. 18:30"),
            );
            None
        }
    }
}

fn event_time(p: &ParsedFile, ds: &mut Diagnostics) -> Option<EventTime> {
    let f = &p.front;
    let all_day = f.all_day.unwrap_or(false);
    if let Some(sessions) = &f.sessions {
        if f.start.is_some() || f.end.is_some() || all_day {
            ds.push(
                p.error_at(sessions.span(), "an event has either `sessions` or `start`/`end`, not both")
                    .help("keep sessions = [...] for events on several days with different hours; remove start, end and all_day"),
            );
            return None;
        }
        if sessions.get_ref().is_empty() {
            ds.push(
                p.error_at(sessions.span(), "`sessions` is empty")
                    .help("add { start = 2026-11-10T10:00, end = 2026-11-10T15:00 } for every day"),
            );
            return None;
        }
        let mut out = Vec::new();
        for s in sessions.get_ref() {
            let start = local_datetime(p, &s.start, "start", ds);
            let end = local_datetime(p, &s.end, "end", ds);
            if let (Some(start), Some(end)) = (start, end) {
                out.push(checked_session(p, start, end, s.end.span(), ds)?);
            }
        }
        out.sort();
        return Some(EventTime::Sessions(out));
    }
    let Some(start) = &f.start else {
        ds.push(
            Diagnostic::error("an event needs `start` (or `sessions`)")
                .at(&p.file, p.front_offset..p.front_offset)
                .help("add start = 2026-02-05T18:00 and end = 2026-02-05T20:00"),
        );
        return None;
    };
    if all_day {
        let s = date(p, start, "start", ds)?;
        let e = match &f.end {
            Some(e) => date(p, e, "end", ds)?,
            None => s,
        };
        if e < s {
            let span = f.end.as_ref().map(|x| x.span()).unwrap_or(0..0);
            ds.push(
                p.error_at(span, "the event ends before it starts")
                    .help("`end` is the last day of the event; it must be on or after `start`"),
            );
            return None;
        }
        return Some(EventTime::AllDay { start: s, end: e });
    }
    let Some(end) = &f.end else {
        ds.push(
            p.error_at(start.span(), "an event with a start time needs `end`")
                .help("add end = … with the date and time the event ends, e.g. end = 2026-02-05T20:00"),
        );
        return None;
    };
    let s = local_datetime(p, start, "start", ds)?;
    let e = local_datetime(p, end, "end", ds)?;
    let first = checked_session(p, s, e, end.span(), ds)?;
    match recurrence(p, first, ds)? {
        Some(rule) => {
            let occurrences = rule.expand(first);
            Some(EventTime::Recurring {
                first,
                rule,
                occurrences,
            })
        }
        None => Some(EventTime::Sessions(vec![first])),
    }
}

/// `repeat*` fields: `Some(None)` when the event does not repeat, `None` on error.
fn recurrence(p: &ParsedFile, first: Session, ds: &mut Diagnostics) -> Option<Option<Recurrence>> {
    let f = &p.front;
    let Some(repeat) = &f.repeat else {
        return no_repeat_fields(p, ds).then_some(None);
    };
    let frequency = match repeat.get_ref().as_str() {
        "weekly" | "wöchentlich" => Frequency::Weekly,
        "monthly" | "monatlich" => Frequency::Monthly,
        other => {
            ds.push(
                p.error_at(repeat.span(), format!("unknown repetition `{other}`"))
                    .help("write repeat = \"weekly\" or repeat = \"monthly\" (every second week: add repeat_interval = 2)"),
            );
            return None;
        }
    };
    let weekdays = repeat_on(p, first, ds)?;
    let week = repeat_week(p, frequency, first, ds)?;
    let interval = repeat_interval(p, ds)?;
    let Some(until_v) = &f.repeat_until else {
        ds.push(
            p.error_at(repeat.span(), "a repeating event needs `repeat_until`")
                .help("add the last day, e.g. repeat_until = 2026-12-15, so the calendar does not run forever"),
        );
        return None;
    };
    let until = date(p, until_v, "repeat_until", ds)?;
    let mut except = Vec::new();
    for e in f.except.iter().flatten() {
        except.push(date(p, e, "except", ds)?);
    }
    let rule = Recurrence {
        frequency,
        interval,
        weekdays,
        week,
        until,
        except,
    };
    if !rule.matches(first.start.date(), first.start.date()) {
        let span = f.start.as_ref().map(|s| s.span()).unwrap_or(0..0);
        ds.push(
            p.error_at(span, "`start` is not a day of the repetition")
                .help("the first occurrence must be one of the repeat_on days (and, for monthly events, in the repeat_week)"),
        );
        return None;
    }
    if until < first.start.date() {
        ds.push(
            p.error_at(until_v.span(), "`repeat_until` is before `start`")
                .help("repeat_until is the last day the event takes place"),
        );
        return None;
    }
    Some(Some(rule))
}

/// Without `repeat`, no other repetition field may be set: `false` (and an
/// error for the first one) if one is.
fn no_repeat_fields(p: &ParsedFile, ds: &mut Diagnostics) -> bool {
    let f = &p.front;
    for (name, set) in [
        ("repeat_on", f.repeat_on.as_ref().map(|x| x.span())),
        ("repeat_until", f.repeat_until.as_ref().map(|x| x.span())),
        ("repeat_week", f.repeat_week.as_ref().map(|x| x.span())),
        (
            "repeat_interval",
            f.repeat_interval.as_ref().map(|x| x.span()),
        ),
    ] {
        if let Some(span) = set {
            ds.push(
                p.error_at(span, format!("`{name}` needs `repeat`"))
                    .help("add repeat = \"weekly\" or repeat = \"monthly\", or remove this line"),
            );
            return false;
        }
    }
    true
}

/// The weekdays of `repeat_on` (each once), else the first occurrence's.
fn repeat_on(p: &ParsedFile, first: Session, ds: &mut Diagnostics) -> Option<Vec<Weekday>> {
    let Some(list) = &p.front.repeat_on else {
        return Some(vec![first.start.date().weekday()]);
    };
    let mut weekdays = Vec::new();
    for day in list.get_ref() {
        match parse_weekday(day.get_ref()) {
            Some(w) if !weekdays.contains(&w) => weekdays.push(w),
            Some(_) => {}
            None => {
                ds.push(
                    p.error_at(day.span(), format!("`{}` is not a weekday", day.get_ref()))
                        .help("write weekdays in English or German, e.g. repeat_on = [\"tuesday\"] or [\"dienstag\"]"),
                );
                return None;
            }
        }
    }
    Some(weekdays)
}

/// `repeat_week` of a monthly event (by default the first occurrence's week
/// of the month); `Some(None)` for a weekly one.
fn repeat_week(
    p: &ParsedFile,
    frequency: Frequency,
    first: Session,
    ds: &mut Diagnostics,
) -> Option<Option<i8>> {
    Some(match &p.front.repeat_week {
        Some(w) if frequency == Frequency::Weekly => {
            ds.push(
                p.error_at(
                    w.span(),
                    "`repeat_week` only goes with repeat = \"monthly\"",
                )
                .help("remove repeat_week, or set repeat = \"monthly\""),
            );
            return None;
        }
        Some(w) if matches!(*w.get_ref(), 1..=5 | -1) => Some(*w.get_ref() as i8),
        Some(w) => {
            ds.push(
                p.error_at(
                    w.span(),
                    "`repeat_week` must be 1 to 5, or -1 for the last week of the month",
                )
                .help("e.g. repeat_week = 2 for the second Tuesday of every month"),
            );
            return None;
        }
        // Default: the same week of the month as the first occurrence.
        None if frequency == Frequency::Monthly => Some((first.start.date().day() - 1) / 7 + 1),
        None => None,
    })
}

/// `repeat_interval` (1 to 52), by default 1.
fn repeat_interval(p: &ParsedFile, ds: &mut Diagnostics) -> Option<i32> {
    match &p.front.repeat_interval {
        Some(i) if (1..=52).contains(i.get_ref()) => Some(*i.get_ref() as i32),
        Some(i) => {
            ds.push(
                p.error_at(i.span(), "`repeat_interval` must be between 1 and 52")
                    .help("repeat_interval = 2 means every second week (or month)"),
            );
            None
        }
        None => Some(1),
    }
}

fn attendance(p: &ParsedFile, has_url: bool, ds: &mut Diagnostics) -> Attendance {
    let f = &p.front;
    match f.attendance.as_ref() {
        None if has_url && f.location.is_none() && f.address.is_none() => Attendance::Online,
        None => Attendance::InPerson,
        Some(a) => match a.get_ref().as_str() {
            "in-person" => Attendance::InPerson,
            "online" => Attendance::Online,
            "hybrid" => Attendance::Hybrid,
            other => {
                ds.push(
                    p.error_at(a.span(), format!("unknown attendance `{other}`"))
                        .help(crate::toml_input::suggest(
                            other,
                            ["in-person", "online", "hybrid"],
                            "values",
                        )),
                );
                Attendance::InPerson
            }
        },
    }
}

fn checked_session(
    p: &ParsedFile,
    start: DateTime,
    end: DateTime,
    span: Range<usize>,
    ds: &mut Diagnostics,
) -> Option<Session> {
    if end <= start {
        ds.push(
            p.error_at(span, "the event ends before it starts")
                .help("`end` must be later than `start`"),
        );
        return None;
    }
    Some(Session { start, end })
}

fn contact(p: &ParsedFile, ds: &mut Diagnostics) -> Option<ContactData> {
    let f = &p.front;
    let kind = match f.kind.as_ref() {
        None => {
            ds.push(
                Diagnostic::error("missing required field `kind`")
                    .at(&p.file, p.front_offset..p.front_offset)
                    .help("add kind = \"person\" or kind = \"organization\""),
            );
            return None;
        }
        Some(k) => match k.get_ref().as_str() {
            "person" => ContactKind::Person,
            "organization" => ContactKind::Organization,
            other => {
                ds.push(
                    p.error_at(k.span(), format!("unknown contact kind `{other}`"))
                        .help(crate::toml_input::suggest(
                            other,
                            ["person", "organization"],
                            "values",
                        )),
                );
                return None;
            }
        },
    };
    if let Some(e) = &f.email {
        let s = e.get_ref();
        let ok = s
            .split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'))
            && !s.contains(char::is_whitespace);
        if !ok {
            ds.push(
                p.error_at(e.span(), format!("`{s}` is not an e-mail address"))
                    .help("write it as email = \"name@example.org\""),
            );
        }
    }
    if let Some(ph) = &f.phone {
        let s = ph.get_ref();
        let ok = s.starts_with('+')
            && s.chars().filter(char::is_ascii_digit).count() >= 6
            && s.chars()
                .all(|c| c.is_ascii_digit() || " +-/()".contains(c));
        if !ok {
            ds.push(
                p.error_at(ph.span(), format!("`{s}` is not a phone number in international format"))
                    .help("write it with country code, e.g. phone = \"+49 6132 787-0\" (digits, spaces, - and / only)"),
            );
        }
    }
    Some(ContactData {
        kind,
        organization: f.organization.as_ref().map(|s| s.get_ref().clone()),
        phone: f.phone.as_ref().map(|s| s.get_ref().clone()),
        email: f.email.as_ref().map(|s| s.get_ref().clone()),
        website: url(p, f.website.as_ref(), ds),
        address: f.address.clone(),
        languages: keys(&f.languages),
    })
}
