//! Recurring events: weekly or monthly rules, expanded with jiff's calendar
//! arithmetic (DST is applied later, when local times meet the time zone).
//!
//! A series runs at most [`MAX_YEARS`] after its first occurrence (the
//! content checks refuse a later `repeat_until`), so its expansion is always
//! complete: the page's "until", the JSON-LD schedule, the calendar's
//! `UNTIL` and the list of occurrences describe the same series.

use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use super::Session;

/// How many years after its first occurrence a series may run.
pub const MAX_YEARS: i16 = 10;

/// The latest `until` of a series whose first occurrence is on `first`.
pub fn latest_until(first: Date) -> Date {
    first.checked_add(MAX_YEARS.years()).unwrap_or(Date::MAX)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    Weekly,
    Monthly,
}

/// `repeat = "weekly"`, `repeat_on = ["tuesday"]`, `repeat_until = 2026-12-15`, …
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recurrence {
    pub frequency: Frequency,
    /// Every n-th week or month.
    pub interval: i32,
    pub weekdays: Vec<Weekday>,
    /// Monthly: which weekday of the month (1–5, or -1 for the last).
    pub week: Option<i8>,
    /// Last day an occurrence may fall on (inclusive).
    pub until: Date,
    /// Days without an occurrence (holidays).
    pub except: Vec<Date>,
}

/// Weekday names editors may write: English or German, full or short.
pub fn parse_weekday(s: &str) -> Option<Weekday> {
    use Weekday::*;
    Some(match s.trim().to_lowercase().trim_end_matches('.') {
        "monday" | "mon" | "mo" | "montag" => Monday,
        "tuesday" | "tue" | "tu" | "di" | "dienstag" => Tuesday,
        "wednesday" | "wed" | "we" | "mi" | "mittwoch" => Wednesday,
        "thursday" | "thu" | "th" | "do" | "donnerstag" => Thursday,
        "friday" | "fri" | "fr" | "freitag" => Friday,
        "saturday" | "sat" | "sa" | "samstag" => Saturday,
        "sunday" | "sun" | "su" | "so" | "sonntag" => Sunday,
        _ => return None,
    })
}

/// RFC 5545 two-letter day.
pub fn ical_day(w: Weekday) -> &'static str {
    use Weekday::*;
    match w {
        Monday => "MO",
        Tuesday => "TU",
        Wednesday => "WE",
        Thursday => "TH",
        Friday => "FR",
        Saturday => "SA",
        Sunday => "SU",
    }
}

impl Recurrence {
    /// Whether `d` is a day of the rule, ignoring `until` and `except`
    /// (used to check that the first occurrence fits the rule).
    pub fn matches(&self, first: Date, d: Date) -> bool {
        if !self.weekdays.contains(&d.weekday()) {
            return false;
        }
        match self.frequency {
            Frequency::Weekly => {
                let weeks = (week_start(d) - week_start(first)).get_days() / 7;
                weeks % self.interval == 0
            }
            Frequency::Monthly => {
                let months = (d.year() as i32 - first.year() as i32) * 12
                    + (d.month() as i32 - first.month() as i32);
                if months % self.interval != 0 {
                    return false;
                }
                match self.week {
                    Some(n) => d.nth_weekday_of_month(n, d.weekday()).ok() == Some(d),
                    None => true,
                }
            }
        }
    }

    /// Every occurrence from the first session on, in order, until `until`
    /// (no more than [`MAX_YEARS`] of days when `until` was checked, so the
    /// list is complete).
    pub fn expand(&self, first: Session) -> Vec<Session> {
        let length = first.end.duration_since(first.start);
        let mut out = Vec::new();
        let mut day = first.start.date();
        let start_day = day;
        while day <= self.until {
            if self.matches(start_day, day) && !self.except.contains(&day) {
                let start = day.to_datetime(first.start.time());
                if let Ok(end) = start.checked_add(length) {
                    out.push(Session { start, end });
                }
            }
            match day.checked_add(1.day()) {
                Ok(d) => day = d,
                Err(_) => break,
            }
        }
        out
    }

    /// The end of the series as an instant (iCalendar's `UNTIL`): the last
    /// second of `until` in the site's zone; `None` if the zone cannot place
    /// it (beyond the year 9999), which the content checks refuse.
    pub fn until_instant(&self, tz: &TimeZone) -> Option<Timestamp> {
        let last = self.until.at(23, 59, 59, 0);
        last.to_zoned(tz.clone()).ok().map(|z| z.timestamp())
    }

    /// The RRULE value (without `UNTIL`, which needs the time zone).
    pub fn rrule_parts(&self) -> String {
        let freq = match self.frequency {
            Frequency::Weekly => "WEEKLY",
            Frequency::Monthly => "MONTHLY",
        };
        let days: Vec<String> = self
            .weekdays
            .iter()
            .map(|w| match (self.frequency, self.week) {
                (Frequency::Monthly, Some(n)) => format!("{n}{}", ical_day(*w)),
                _ => ical_day(*w).to_string(),
            })
            .collect();
        format!(
            "FREQ={freq};INTERVAL={};BYDAY={}",
            self.interval,
            days.join(",")
        )
    }
}

fn week_start(d: Date) -> Date {
    d.checked_sub((d.weekday().to_monday_zero_offset() as i64).days())
        .unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn session(d: Date, h: i8) -> Session {
        Session {
            start: d.at(h, 0, 0, 0),
            end: d.at(h + 2, 0, 0, 0),
        }
    }

    #[test]
    fn weekly_with_exceptions() {
        let r = Recurrence {
            frequency: Frequency::Weekly,
            interval: 1,
            weekdays: vec![Weekday::Tuesday],
            week: None,
            until: date(2026, 4, 7),
            except: vec![date(2026, 3, 31)],
        };
        let days: Vec<Date> = r
            .expand(session(date(2026, 3, 17), 15))
            .iter()
            .map(|s| s.start.date())
            .collect();
        assert_eq!(
            days,
            vec![date(2026, 3, 17), date(2026, 3, 24), date(2026, 4, 7)]
        );
        assert_eq!(r.rrule_parts(), "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU");
    }

    #[test]
    fn monthly_nth_and_last_weekday() {
        let r = Recurrence {
            frequency: Frequency::Monthly,
            interval: 1,
            weekdays: vec![Weekday::Thursday],
            week: Some(-1),
            until: date(2026, 6, 30),
            except: vec![],
        };
        let days: Vec<Date> = r
            .expand(session(date(2026, 3, 26), 18))
            .iter()
            .map(|s| s.start.date())
            .collect();
        assert_eq!(
            days,
            vec![
                date(2026, 3, 26),
                date(2026, 4, 30),
                date(2026, 5, 28),
                date(2026, 6, 25)
            ]
        );
        assert_eq!(r.rrule_parts(), "FREQ=MONTHLY;INTERVAL=1;BYDAY=-1TH");
        assert!(
            !r.matches(date(2026, 3, 26), date(2026, 3, 19)),
            "not the last Thursday"
        );
    }

    #[test]
    fn every_second_week() {
        let r = Recurrence {
            frequency: Frequency::Weekly,
            interval: 2,
            weekdays: vec![Weekday::Monday, Weekday::Wednesday],
            week: None,
            until: date(2026, 1, 21),
            except: vec![],
        };
        let days: Vec<Date> = r
            .expand(session(date(2026, 1, 5), 9))
            .iter()
            .map(|s| s.start.date())
            .collect();
        assert_eq!(
            days,
            vec![
                date(2026, 1, 5),
                date(2026, 1, 7),
                date(2026, 1, 19),
                date(2026, 1, 21)
            ]
        );
        assert_eq!(parse_weekday("Dienstag"), Some(Weekday::Tuesday));
        assert_eq!(parse_weekday("fr."), Some(Weekday::Friday));
        assert_eq!(parse_weekday("someday"), None);
    }
}
