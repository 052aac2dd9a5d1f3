//! An event's time (start and end, whole days, sessions, repetition) and
//! how it is attended, read from its source file.

use std::ops::Range;

use crate::content::spanned::Spanned;
use jiff::ToSpan;
use jiff::civil::{DateTime, Weekday};
use jiff::tz::TimeZone;
use toml::value::Datetime;

use super::overlap::{occurrences_apart, sessions_apart};
use super::zone::{Unclear, clock, unclear};
use super::{civil_date, date};
use crate::config::SiteConfig;
use crate::content::parse::{ParsedFile, RawSession};
use crate::content::recurrence::{Frequency, MAX_YEARS, Recurrence, latest_until, parse_weekday};
use crate::content::{Attendance, EventTime, Session};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::tool_text::{Arg, Msg};

/// The site's time zone, which every local time of an event is in.
#[derive(Clone, Copy)]
struct Zone<'a> {
    tz: &'a TimeZone,
    name: &'a str,
}

/// A local date-time (no offset): events are in the site's time zone, and
/// the time must be one instant there (not skipped or repeated by a change
/// of the clocks).
fn local_datetime(
    p: &ParsedFile,
    v: &Spanned<Datetime>,
    field: &str,
    zone: Zone,
    ds: &mut Diagnostics,
) -> Option<DateTime> {
    let dt = v.get_ref();
    let (Some(d), Some(t)) = (dt.date, dt.time) else {
        ds.push(p.error_at(v.span(), "time-missing").arg("field", field));
        return None;
    };
    // A browser editor saves a moment as quoted text with its offset
    // (`"2027-06-30T16:00:00Z"`): one instant, read in the site's time zone.
    let quoted = p.file.text[p.span(v.span())].starts_with('"');
    let offset = match dt.offset {
        Some(toml::value::Offset::Z) => Some(0),
        Some(toml::value::Offset::Custom { minutes }) => Some(i32::from(minutes) * 60),
        None => None,
    };
    if offset.is_some() && !quoted {
        ds.push(p.error_at(v.span(), "time-with-offset").arg("field", field));
        return None;
    }
    let date = civil_date(p, v.span(), d, ds)?;
    let dt = match jiff::civil::Time::new(
        t.hour as i8,
        t.minute as i8,
        t.second.unwrap_or(0) as i8,
        0,
    ) {
        Ok(time) => match offset.map(jiff::tz::Offset::from_seconds) {
            Some(Ok(o)) => o
                .to_timestamp(date.to_datetime(time))
                .map(|ts| ts.to_zoned(zone.tz.clone()).datetime())
                .unwrap_or(date.to_datetime(time)),
            _ => date.to_datetime(time),
        },
        Err(_) => {
            ds.push(p.error_at(v.span(), "time-of-day-invalid"));
            return None;
        }
    };
    if let Some(u) = unclear(dt, zone.tz) {
        ds.push(
            Diagnostic::error_with(u.message(field, dt, zone.name))
                .at(&p.file, p.span(v.span()))
                .help(u.fix(field)),
        );
        return None;
    }
    Some(dt)
}

pub(super) fn event_time(
    p: &ParsedFile,
    config: &SiteConfig,
    ds: &mut Diagnostics,
) -> Option<EventTime> {
    let zone = Zone {
        tz: &config.time_zone,
        name: &config.time_zone_name,
    };
    let f = &p.front;
    let all_day = f.all_day.unwrap_or(false);
    if let Some(sessions) = &f.sessions {
        if f.start.is_some() || f.end.is_some() || all_day {
            ds.push(p.error_at(sessions.span(), "sessions-and-start"));
            return None;
        }
        return sessions_time(p, sessions, zone, ds);
    }
    let Some(start) = &f.start else {
        ds.push(
            Diagnostic::error("event-start-missing").at(&p.file, p.front_offset..p.front_offset),
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
            ds.push(p.error_at(span, "event-ends-before-start-day"));
            return None;
        }
        return Some(EventTime::AllDay { start: s, end: e });
    }
    let Some(end) = &f.end else {
        ds.push(p.error_at(start.span(), "event-end-missing"));
        return None;
    };
    let s = local_datetime(p, start, "start", zone, ds)?;
    let e = local_datetime(p, end, "end", zone, ds)?;
    let first = checked_session(p, s, e, end.span(), ds)?;
    match recurrence(p, first, zone, ds)? {
        Some(rule) => {
            let occurrences = rule.expand(first);
            occurrences_apart(p, &occurrences, ds)?;
            occurrences_placed(p, &occurrences, zone, ds)?;
            Some(EventTime::Recurring {
                first,
                rule,
                occurrences,
            })
        }
        None => Some(EventTime::Sessions(vec![first])),
    }
}

/// `sessions = [...]`, sorted by time; `None` on error.
fn sessions_time(
    p: &ParsedFile,
    sessions: &Spanned<Vec<RawSession>>,
    zone: Zone,
    ds: &mut Diagnostics,
) -> Option<EventTime> {
    if sessions.get_ref().is_empty() {
        ds.push(p.error_at(sessions.span(), "sessions-empty"));
        return None;
    }
    // Each session with the span of its `start`, to name its line.
    let mut out = Vec::new();
    for s in sessions.get_ref() {
        let start = local_datetime(p, &s.start, "start", zone, ds);
        let end = local_datetime(p, &s.end, "end", zone, ds);
        if let (Some(start), Some(end)) = (start, end) {
            out.push((
                checked_session(p, start, end, s.end.span(), ds)?,
                s.start.span(),
            ));
        }
    }
    out.sort_by_key(|(s, span)| (*s, span.start));
    sessions_apart(p, &out, ds)?;
    Some(EventTime::Sessions(
        out.into_iter().map(|(s, _)| s).collect(),
    ))
}

/// No occurrence of a series starts or ends in an hour the clocks skip or
/// repeat (the first one was checked with `start` and `end`): one error at
/// `start` that lists the days, to leave out with `except` or avoid with
/// another time.
fn occurrences_placed(
    p: &ParsedFile,
    occurrences: &[Session],
    zone: Zone,
    ds: &mut Diagnostics,
) -> Option<()> {
    // Each such day, described: "2027-03-28 (02:00–03:00 skipped)".
    let mut days: Vec<(jiff::civil::Date, Msg)> = Vec::new();
    let mut first: Option<Unclear> = None;
    for s in occurrences {
        let Some(u) = unclear(s.start, zone.tz).or_else(|| unclear(s.end, zone.tz)) else {
            continue;
        };
        let what = match &u {
            Unclear::Gap { from, to, .. } => Msg::new("day-hour-skipped")
                .arg("from", clock(*from))
                .arg("to", clock(*to)),
            Unclear::Fold { from, to, .. } => Msg::new("day-hour-twice")
                .arg("from", clock(*from))
                .arg("to", clock(*to)),
            Unclear::OutOfRange => Msg::new("day-too-far"),
        };
        let what = Msg::new("day-with-note")
            .arg("day", s.start.date().to_string())
            .arg("note", what);
        days.push((s.start.date(), what));
        first.get_or_insert(u);
    }
    let Some(first) = first else {
        return Some(());
    };
    let list = Arg::Msgs(days.iter().map(|(_, what)| what.clone()).collect());
    let dates: Vec<String> = days.iter().map(|(d, _)| d.to_string()).collect();
    let help = match first.choices() {
        Some((before, after)) => Msg::new("series-leave-out-or-move")
            .arg(
                "before",
                clock(before.checked_add(1.minute()).unwrap_or(before)),
            )
            .arg("after", clock(after)),
        None => Msg::new("series-leave-out"),
    };
    let span = p.front.start.as_ref().map(|x| x.span()).unwrap_or(0..0);
    ds.push(
        p.error_at(span, "series-unclear-hours")
            .arg("zone", zone.name)
            .arg("list", list)
            .help(help.arg("dates", dates.join(", "))),
    );
    None
}

/// `repeat*` fields: `Some(None)` when the event does not repeat, `None` on error.
fn recurrence(
    p: &ParsedFile,
    first: Session,
    zone: Zone,
    ds: &mut Diagnostics,
) -> Option<Option<Recurrence>> {
    let f = &p.front;
    let Some(repeat) = &f.repeat else {
        return no_repeat_fields(p, ds).then_some(None);
    };
    let frequency = match repeat.get_ref().as_str() {
        "weekly" | "wöchentlich" => Frequency::Weekly,
        "monthly" | "monatlich" => Frequency::Monthly,
        other => {
            ds.push(
                p.error_at(repeat.span(), "repeat-unknown")
                    .arg("repeat", other),
            );
            return None;
        }
    };
    let weekdays = repeat_on(p, first, ds)?;
    let week = repeat_week(p, frequency, first, ds)?;
    let interval = repeat_interval(p, ds)?;
    let Some(until_v) = &f.repeat_until else {
        ds.push(p.error_at(repeat.span(), "repeat-until-missing"));
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
        ds.push(p.error_at(span, "start-not-in-repetition"));
        return None;
    }
    if until < first.start.date() {
        ds.push(p.error_at(until_v.span(), "repeat-until-before-start"));
        return None;
    }
    series_length(p, &rule, first, zone, until_v.span(), ds)?;
    Some(Some(rule))
}

/// A series runs at most [`MAX_YEARS`] (so its dates can all be listed and
/// every output names the same last day), and its last day can be placed
/// in the site's zone.
fn series_length(
    p: &ParsedFile,
    rule: &Recurrence,
    first: Session,
    zone: Zone,
    span: Range<usize>,
    ds: &mut Diagnostics,
) -> Option<()> {
    let latest = latest_until(first.start.date());
    if rule.until > latest {
        ds.push(
            p.error_at(span, "repeat-until-too-late")
                .arg("until", rule.until.to_string())
                .arg("years", i64::from(MAX_YEARS))
                .arg("first", first.start.date().to_string())
                .arg("latest", latest.to_string()),
        );
        return None;
    }
    if rule.until_instant(zone.tz).is_none() {
        ds.push(
            p.error_at(span, "repeat-until-too-far")
                .arg("until", rule.until.to_string())
                .arg("zone", zone.name),
        );
        return None;
    }
    Some(())
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
                p.error_at(span, "repeat-field-without-repeat")
                    .arg("field", name),
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
                    p.error_at(day.span(), "weekday-unknown")
                        .arg("day", day.get_ref().as_str()),
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
            ds.push(p.error_at(w.span(), "repeat-week-not-monthly"));
            return None;
        }
        Some(w) if matches!(*w.get_ref(), 1..=5 | -1) => Some(*w.get_ref() as i8),
        Some(w) => {
            ds.push(p.error_at(w.span(), "repeat-week-invalid"));
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
            ds.push(p.error_at(i.span(), "repeat-interval-invalid"));
            None
        }
        None => Some(1),
    }
}

pub(super) fn attendance(p: &ParsedFile, has_url: bool, ds: &mut Diagnostics) -> Attendance {
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
                    p.error_at(a.span(), "attendance-unknown")
                        .arg("attendance", other)
                        .help(crate::toml_input::suggest(
                            other,
                            ["in-person", "online", "hybrid"],
                            "what-values",
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
        ds.push(p.error_at(span, "event-ends-before-start"));
        return None;
    }
    Some(Session { start, end })
}
