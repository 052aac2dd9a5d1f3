//! Opening hours in the OpenStreetMap syntax (`opening_hours = "Mo-Fr
//! 09:00-12:00; PH off"`), parsed and evaluated by the `opening-hours`
//! crate with the public and school holidays of the site's region
//! ([`holidays`]). What readers see is built from here: the regular week
//! ([`Hours::week`]), the holiday closures ahead ([`Hours::holiday_closures`])
//! and the open intervals the browser's "open now" badge reads
//! ([`Hours::open_intervals`]).
//!
//! Nothing here knows where the string came from: contacts and offers give
//! their front-matter value, other content types can do the same.

pub mod holidays;

use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use compact_calendar::CompactCalendar;
use jiff::civil::{Date, DateTime};
use jiff::tz::{AmbiguousOffset, TimeZone};
use opening_hours::{Context, ContextHolidays, RuleKind};

use crate::config::Region;
use holidays::Holiday;

/// One parsed `opening_hours` value and the region its `PH`/`SH` refer to.
#[derive(Debug, Clone)]
pub struct Hours {
    /// The value as written.
    pub raw: String,
    /// Evaluated with the region's holidays.
    actual: opening_hours::OpeningHours,
    /// Evaluated without holidays: the regular week.
    regular: opening_hours::OpeningHours,
    region: Option<Region>,
}

/// Why a value is not valid opening hours: the crate's explanation and
/// where in the value (byte offset) it found the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoursError {
    pub offset: usize,
    pub message: String,
}

/// Minutes since 1970-01-01 00:00 UTC.
pub type EpochMinute = i64;

impl Hours {
    pub fn parse(raw: &str, region: Option<Region>) -> Result<Hours, HoursError> {
        let parsed: opening_hours::OpeningHours = raw.parse().map_err(|e| explain(raw, e))?;
        let actual = parsed.clone().with_context(context(region));
        Ok(Hours {
            raw: raw.to_string(),
            actual,
            regular: parsed,
            region,
        })
    }

    /// Whether the place is open at `at` (local time, holidays counted).
    pub fn is_open(&self, at: DateTime) -> bool {
        self.actual.is_open(naive(at))
    }

    /// Whether the hours say anything about public holidays (`PH`).
    pub fn mentions_public_holidays(&self) -> bool {
        self.regular.to_string().contains("PH")
    }

    /// The regular opening times of the week starting at `monday` (holidays
    /// not counted), Monday first: per day the open ranges as minutes since
    /// midnight (an end of 1440 is midnight at the end of the day).
    pub fn week(&self, monday: Date) -> Vec<Vec<(u16, u16)>> {
        (0..7)
            .map(|i| {
                let day = monday
                    .checked_add(jiff::Span::new().days(i))
                    .unwrap_or(monday);
                self.regular
                    .schedule_at(naive_date(day))
                    .into_iter()
                    .filter(|r| r.kind == RuleKind::Open)
                    .map(|r| {
                        let end = r.range.end.mins_from_midnight().min(1440);
                        (r.range.start.mins_from_midnight().min(1440), end)
                    })
                    .filter(|(a, b)| a < b)
                    .collect()
            })
            .collect()
    }

    /// The public holidays from `from` for `days` days on which the place
    /// would be open in a regular week but is closed.
    pub fn holiday_closures(&self, from: Date, days: i64) -> Vec<Holiday> {
        self.holidays_ahead(from, days)
            .into_iter()
            .filter(|h| open_on(&self.regular, h.date) && !open_on(&self.actual, h.date))
            .collect()
    }

    /// The first public holiday from `from` within `days` days on which
    /// these hours say open.
    pub fn open_on_public_holiday(&self, from: Date, days: i64) -> Option<Holiday> {
        self.holidays_ahead(from, days)
            .into_iter()
            .find(|h| open_on(&self.actual, h.date))
    }

    /// The region's public holidays from `from` for `days` days.
    fn holidays_ahead(&self, from: Date, days: i64) -> Vec<Holiday> {
        let Some(region) = self.region else {
            return Vec::new();
        };
        let until = from
            .checked_add(jiff::Span::new().days(days))
            .unwrap_or(from);
        holidays::public_between(region, from, until)
    }

    /// The open intervals between `from` and `to` as UTC epoch-minute pairs
    /// (start inclusive, end exclusive), adjacent ones merged, evaluated in
    /// the site's time zone `tz` with holidays counted.
    pub fn open_intervals(
        &self,
        tz: &TimeZone,
        from: jiff::Timestamp,
        to: jiff::Timestamp,
    ) -> Vec<(EpochMinute, EpochMinute)> {
        let (lo, hi) = (epoch_minute(from), epoch_minute(to));
        let local = |t: jiff::Timestamp| naive(tz.to_datetime(t));
        let mut out: Vec<(EpochMinute, EpochMinute)> = Vec::new();
        for r in self.actual.iter_range(local(from), local(to)) {
            if r.kind != RuleKind::Open {
                continue;
            }
            let a = instant(tz, r.range.start).max(lo);
            let b = instant(tz, r.range.end).min(hi);
            if a >= b {
                continue;
            }
            match out.last_mut() {
                Some(last) if last.1 >= a => last.1 = last.1.max(b),
                _ => out.push((a, b)),
            }
        }
        out
    }
}

/// Whether `oh` is open at any time on `day`.
fn open_on(oh: &opening_hours::OpeningHours, day: Date) -> bool {
    oh.schedule_at(naive_date(day))
        .into_iter()
        .any(|r| r.kind == RuleKind::Open)
}

/// The Monday of the week `d` is in.
pub fn monday_of(d: Date) -> Date {
    let back = i64::from(d.weekday().to_monday_zero_offset());
    d.checked_sub(jiff::Span::new().days(back)).unwrap_or(d)
}

/// The evaluation context: the region's public and school holidays.
fn context(region: Option<Region>) -> Context {
    let Some(region) = region else {
        return Context::default();
    };
    let mut public = CompactCalendar::default();
    for year in holidays::YEARS {
        for h in holidays::public(region, year) {
            public.insert(naive_date(h.date));
        }
    }
    let mut school = CompactCalendar::default();
    for (first, last) in holidays::school(region) {
        let mut d = first;
        while d <= last {
            school.insert(naive_date(d));
            match d.tomorrow() {
                Ok(n) => d = n,
                Err(_) => break,
            }
        }
    }
    Context::default().with_holidays(ContextHolidays::new(Arc::new(public), Arc::new(school)))
}

/// The crate's error with the place in `raw` it points at.
fn explain(raw: &str, e: opening_hours_syntax::Error) -> HoursError {
    match e {
        opening_hours_syntax::Error::Syntax(pe) => {
            let (_, col) = match pe.line_col {
                pest::error::LineColLocation::Pos(p) => p,
                pest::error::LineColLocation::Span(p, _) => p,
            };
            // pest counts characters from 1.
            let offset = raw
                .char_indices()
                .nth(col.saturating_sub(1))
                .map_or(raw.len(), |(i, _)| i);
            HoursError {
                offset,
                message: pe.variant.message().into_owned(),
            }
        }
        other => HoursError {
            offset: 0,
            message: other.to_string(),
        },
    }
}

fn naive_date(d: Date) -> NaiveDate {
    // A jiff date is always a valid calendar date within chrono's range.
    NaiveDate::from_ymd_opt(i32::from(d.year()), d.month() as u32, d.day() as u32)
        .unwrap_or_default()
}

fn naive(dt: DateTime) -> NaiveDateTime {
    let t = dt.time();
    let time = NaiveTime::from_hms_opt(t.hour() as u32, t.minute() as u32, t.second() as u32)
        .unwrap_or_default();
    NaiveDateTime::new(naive_date(dt.date()), time)
}

fn epoch_minute(t: jiff::Timestamp) -> EpochMinute {
    t.as_second().div_euclid(60)
}

/// The first instant at or after the local time `dt` in `tz`: in a gap (the
/// hour skipped when clocks go forward) that is the moment of the change;
/// in a fold (the hour repeated) the first of the two.
fn instant(tz: &TimeZone, dt: NaiveDateTime) -> EpochMinute {
    use chrono::{Datelike, Timelike};
    let civil = jiff::civil::DateTime::new(
        dt.year() as i16,
        dt.month() as i8,
        dt.day() as i8,
        dt.hour() as i8,
        dt.minute() as i8,
        0,
        0,
    )
    .unwrap_or_default();
    let amb = tz.to_ambiguous_timestamp(civil);
    let ts = match amb.offset() {
        AmbiguousOffset::Unambiguous { offset } | AmbiguousOffset::Fold { before: offset, .. } => {
            offset.to_timestamp(civil).ok()
        }
        AmbiguousOffset::Gap { after, .. } => after
            .to_timestamp(civil)
            .ok()
            .and_then(|t| tz.following(t).next().map(|tr| tr.timestamp())),
    };
    ts.map_or(0, epoch_minute)
}

#[cfg(test)]
mod tests;
