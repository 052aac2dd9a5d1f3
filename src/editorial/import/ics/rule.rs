//! Calendar values (dates, times, durations, RRULE) in the site's terms.

use std::collections::BTreeMap;

use jiff::civil::{Date, DateTime, Weekday};
use jiff::tz::TimeZone;
use jiff::{Span, ToSpan};

use crate::content::Session;
use crate::content::recurrence::{self, Frequency, Recurrence};

/// A DTSTART/DTEND/EXDATE value: a day (`VALUE=DATE`) or a time of day in
/// the site's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Day(Date),
    At(DateTime),
}

impl When {
    pub fn date(self) -> Date {
        match self {
            When::Day(d) => d,
            When::At(t) => t.date(),
        }
    }
}

/// Why a value could not be read: the code of the diagnostic and its detail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bad {
    Value,
    Zone(String),
}

fn digits(s: &str, r: std::ops::Range<usize>) -> Option<i16> {
    let part = s.get(r)?;
    part.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| part.parse().ok())
        .flatten()
}

fn day(v: &str) -> Option<Date> {
    let (y, m, d) = (digits(v, 0..4)?, digits(v, 4..6)?, digits(v, 6..8)?);
    Date::new(y, m as i8, d as i8).ok()
}

/// One value (`20261020T180000`, `…Z`, `20261020`) with its `TZID`, in `site`'s zone.
pub fn when(value: &str, tzid: Option<&str>, is_date: bool, site: &TimeZone) -> Result<When, Bad> {
    let v = value.trim();
    if is_date || v.len() == 8 {
        return day(v).map(When::Day).ok_or(Bad::Value);
    }
    let (body, utc) = match v.strip_suffix('Z') {
        Some(b) => (b, true),
        None => (v, false),
    };
    if body.len() != 15 || body.as_bytes()[8] != b'T' {
        return Err(Bad::Value);
    }
    let date = day(body).ok_or(Bad::Value)?;
    let (h, mi, s) = (
        digits(body, 9..11).ok_or(Bad::Value)?,
        digits(body, 11..13).ok_or(Bad::Value)?,
        digits(body, 13..15).ok_or(Bad::Value)?,
    );
    // Seconds are left out: Wegweiser's times are to the minute.
    let _ = s;
    let time = jiff::civil::Time::new(h as i8, mi as i8, 0, 0).map_err(|_| Bad::Value)?;
    let civil = date.to_datetime(time);
    let zone = if utc {
        Some(TimeZone::UTC)
    } else {
        match tzid {
            Some(name) => {
                let name = name.trim_matches('"');
                Some(TimeZone::get(name).map_err(|_| Bad::Zone(name.to_string()))?)
            }
            None => None,
        }
    };
    match zone {
        // A floating time is a time in the site's zone.
        None => Ok(When::At(civil)),
        Some(z) => {
            let instant = civil.to_zoned(z).map_err(|_| Bad::Value)?;
            Ok(When::At(instant.with_time_zone(site.clone()).datetime()))
        }
    }
}

/// `DURATION` (`PT1H30M`, `P1D`, `P1W`).
pub fn duration(value: &str) -> Option<Span> {
    value.trim().parse::<Span>().ok()
}

/// An RRULE as `KEY=VALUE` parts.
pub fn parts(rule: &str) -> BTreeMap<String, String> {
    rule.split(';')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.trim().to_ascii_uppercase(), v.trim().to_string()))
        .collect()
}

/// The weekday of an RFC 5545 two-letter code (`TU`).
fn weekday(code: &str) -> Option<Weekday> {
    let mut day = Weekday::Monday;
    for _ in 0..7 {
        if recurrence::ical_day(day) == code {
            return Some(day);
        }
        day = day.next();
    }
    None
}

/// `BYDAY` entries: the ordinal (`2TH` → 2, `-1FR` → -1) and the day.
fn by_day(v: &str) -> Option<Vec<(Option<i8>, Weekday)>> {
    v.split(',')
        .map(|d| {
            let d = d.trim();
            let (n, code) = d.split_at(d.len().checked_sub(2)?);
            let n = if n.is_empty() {
                None
            } else {
                Some(n.trim_start_matches('+').parse::<i8>().ok()?)
            };
            Some((n, weekday(code)?))
        })
        .collect()
}

/// How an RRULE comes into the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Imported {
    /// Wegweiser's own recurrence; `open`: the rule had no end (one year is imported).
    Rule { rule: Recurrence, open: bool },
    /// Every occurrence, as sessions (the rule cannot be written as Wegweiser's).
    Expanded(Vec<Session>),
}

/// How far an open series (no UNTIL, no COUNT) is imported.
pub const OPEN_YEARS: i16 = 1;
/// At most this many occurrences are expanded.
pub const MAX_SESSIONS: usize = 400;

/// The RRULE `rule` of an event whose first session is `first`, with the
/// EXDATE days `except`; `None` if it is not understood.
pub fn import_rule(
    rule: &str,
    first: Session,
    except: &[Date],
    site: &TimeZone,
) -> Option<Imported> {
    let p = parts(rule);
    let interval: i32 = match p.get("INTERVAL") {
        Some(v) => v.parse().ok().filter(|n| *n >= 1)?,
        None => 1,
    };
    let start_day = first.start.date();
    let until = match p.get("UNTIL") {
        Some(v) => Some(when(v, None, false, site).ok()?.date()),
        None => None,
    };
    let count: Option<usize> = match p.get("COUNT") {
        Some(v) => Some(v.parse().ok().filter(|n| *n >= 1)?),
        None => None,
    };
    let open = until.is_none() && count.is_none();
    let until = until.unwrap_or_else(|| {
        start_day
            .checked_add(OPEN_YEARS.years())
            .unwrap_or(Date::MAX)
    });
    let until = until.min(recurrence::latest_until(start_day));
    let days = p
        .get("BYDAY")
        .map(|v| by_day(v))
        .unwrap_or(Some(Vec::new()))?;
    let setpos: Option<i8> = match p.get("BYSETPOS") {
        Some(v) => Some(v.parse().ok()?),
        None => None,
    };
    let ours = wegweiser_form(&p, &days, setpos, start_day);
    let Some((frequency, weekdays, week)) = ours else {
        return expand(&p, first, except, until, count, interval);
    };
    let mut rule = Recurrence {
        frequency,
        interval,
        weekdays,
        week,
        until,
        except: Vec::new(),
    };
    if !rule.matches(start_day, start_day) {
        // The first session lies outside its own rule: Wegweiser's series
        // start on a day of the rule, so it is written out in full.
        return expand(&p, first, except, until, count, interval);
    }
    if let Some(n) = count {
        // COUNT counts the days an EXDATE takes out too (RFC 5545, 3.8.5.1).
        let all = rule.expand(first);
        rule.until = all.get(n.min(all.len()).saturating_sub(1))?.start.date();
    }
    rule.except = except
        .iter()
        .copied()
        .filter(|d| *d >= start_day && *d <= rule.until && rule.matches(start_day, *d))
        .collect();
    Some(Imported::Rule { rule, open })
}

/// Frequency, weekdays and week of the month of Wegweiser's recurrence
/// for the rule `p`, if it can be written so: weekly on plain weekdays, or
/// monthly on the n-th (or last) weekday.
fn wegweiser_form(
    p: &BTreeMap<String, String>,
    days: &[(Option<i8>, Weekday)],
    setpos: Option<i8>,
    start_day: Date,
) -> Option<(Frequency, Vec<Weekday>, Option<i8>)> {
    let known = [
        "FREQ", "INTERVAL", "UNTIL", "COUNT", "BYDAY", "BYSETPOS", "WKST",
    ];
    if !p.keys().all(|k| known.contains(&k.as_str())) {
        return None;
    }
    match p.get("FREQ").map(String::as_str) {
        Some("WEEKLY") if setpos.is_none() && days.iter().all(|(n, _)| n.is_none()) => {
            let mut weekdays: Vec<Weekday> = days.iter().map(|(_, d)| *d).collect();
            if weekdays.is_empty() {
                weekdays.push(start_day.weekday());
            }
            Some((Frequency::Weekly, weekdays, None))
        }
        Some("MONTHLY") if days.len() == 1 => {
            let (n, d) = days[0];
            let week = match (n, setpos) {
                (Some(n), None) | (None, Some(n)) => n,
                _ => return None,
            };
            ((1..=5).contains(&week) || week == -1).then_some((
                Frequency::Monthly,
                vec![d],
                Some(week),
            ))
        }
        _ => None,
    }
}

/// A daily rule, written out session by session; `None` for other rules.
fn expand(
    p: &BTreeMap<String, String>,
    first: Session,
    except: &[Date],
    until: Date,
    count: Option<usize>,
    interval: i32,
) -> Option<Imported> {
    if p.get("FREQ").map(String::as_str) != Some("DAILY")
        || p.keys()
            .any(|k| !["FREQ", "INTERVAL", "UNTIL", "COUNT", "WKST"].contains(&k.as_str()))
    {
        return None;
    }
    let length = first.end.duration_since(first.start);
    let mut out = Vec::new();
    let mut n = 0;
    let mut start = first.start;
    while start.date() <= until && count.is_none_or(|c| n < c) && out.len() < MAX_SESSIONS {
        n += 1;
        if !except.contains(&start.date()) {
            out.push(Session {
                start,
                end: start.checked_add(length).ok()?,
            });
        }
        start = start.checked_add(i64::from(interval).days()).ok()?;
    }
    (!out.is_empty()).then_some(Imported::Expanded(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn berlin() -> TimeZone {
        TimeZone::get("Europe/Berlin").unwrap()
    }

    fn session(s: &str, e: &str) -> Session {
        Session {
            start: s.parse().unwrap(),
            end: e.parse().unwrap(),
        }
    }

    #[test]
    fn values_come_into_the_site_zone() {
        let z = berlin();
        assert_eq!(
            when("20261020T160000Z", None, false, &z),
            Ok(When::At("2026-10-20T18:00".parse().unwrap()))
        );
        // After the change to winter time UTC+1.
        assert_eq!(
            when("20261027T170000Z", None, false, &z),
            Ok(When::At("2026-10-27T18:00".parse().unwrap()))
        );
        assert_eq!(
            when("20261020T120000", Some("America/New_York"), false, &z),
            Ok(When::At("2026-10-20T18:00".parse().unwrap()))
        );
        assert_eq!(
            when("20261020T180000", None, false, &z),
            Ok(When::At("2026-10-20T18:00".parse().unwrap()))
        );
        assert_eq!(
            when("20261020", None, true, &z),
            Ok(When::Day("2026-10-20".parse().unwrap()))
        );
        assert_eq!(
            when("20261020T180000", Some("Mars/Olympus"), false, &z),
            Err(Bad::Zone("Mars/Olympus".into()))
        );
        assert_eq!(when("2026-10-20", None, false, &z), Err(Bad::Value));
    }

    #[test]
    fn weekly_and_monthly_rules_become_wegweisers() {
        let first = session("2026-10-20T18:00", "2026-10-20T20:00");
        let except = ["2026-11-03".parse().unwrap()];
        let Some(Imported::Rule { rule, open }) =
            import_rule("FREQ=WEEKLY;BYDAY=TU;COUNT=4", first, &except, &berlin())
        else {
            panic!("not a rule")
        };
        assert!(!open);
        assert_eq!(rule.until, "2026-11-10".parse().unwrap());
        assert_eq!(rule.except, except.to_vec());
        let Some(Imported::Rule { rule, .. }) = import_rule(
            "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=3;UNTIL=20270101T000000Z",
            first,
            &[],
            &berlin(),
        ) else {
            panic!("not a rule")
        };
        assert_eq!((rule.frequency, rule.week), (Frequency::Monthly, Some(3)));
        let Some(Imported::Expanded(s)) =
            import_rule("FREQ=DAILY;COUNT=3", first, &except, &berlin())
        else {
            panic!("not expanded")
        };
        assert_eq!(s.len(), 3);
        assert_eq!(
            import_rule("FREQ=YEARLY;BYMONTH=10", first, &[], &berlin()),
            None
        );
    }
}
