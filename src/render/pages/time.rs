//! Time on pages: what is upcoming, when events take place and how they
//! repeat, in the reader's language.

use fluent_bundle::FluentArgs;

use super::PageBuilder;
use crate::content::recurrence::{Frequency, Recurrence};
use crate::content::{EventTime, Item, Session};
use crate::render::views::{CardWhen, When};

impl PageBuilder<'_> {
    /// Whether an item is still to come (everything but past events): whether it counts.
    pub(super) fn is_upcoming(&self, item: &Item) -> bool {
        item.is_counted(self.now)
    }

    /// Upcoming events sort by their next session; past ones by their first day.
    pub(super) fn event_key(&self, t: &EventTime) -> jiff::civil::DateTime {
        t.next_session(self.now).map_or(
            t.first_day().to_datetime(jiff::civil::Time::midnight()),
            |s| s.start,
        )
    }

    /// The dates of an event, formatted: every session, a series' next
    /// ones, every day of an all-day event.
    pub(super) fn when(&self, lang: &str, time: &EventTime) -> Vec<When> {
        let f = self.fmt(lang);
        let session = |s: &Session| When {
            date: f.date_long(s.start.date()),
            time: f.time_range(s.start.time(), s.end.time()),
            start_iso: iso_minutes(s.start),
            end_iso: iso_minutes(s.end),
        };
        match time {
            EventTime::Sessions(s) => s.iter().map(session).collect(),
            // A series: its next dates.
            EventTime::Recurring { occurrences, .. } => occurrences
                .iter()
                .filter(|s| s.end > self.now)
                .take(6)
                .map(session)
                .collect(),
            EventTime::AllDay { start, end } => {
                let mut d = *start;
                let mut out = Vec::new();
                while d <= *end {
                    out.push(When {
                        date: f.date_long(d),
                        time: String::new(),
                        start_iso: d.to_string(),
                        end_iso: d.to_string(),
                    });
                    match d.tomorrow() {
                        Ok(n) => d = n,
                        Err(_) => break,
                    }
                }
                out
            }
        }
    }

    /// An event's date on its card: the next session (an event in the
    /// archive: its first), "today"/"tomorrow" where true, the last day of a
    /// longer event, how a series repeats.
    pub(super) fn card_when(&self, lang: &str, time: &EventTime) -> CardWhen {
        let f = self.fmt(lang);
        let next = time.next_session(self.now);
        let first = time.sessions().first().copied();
        let shown = next.or(first).unwrap_or(Session {
            start: time.first_day().to_datetime(jiff::civil::Time::midnight()),
            end: time.last_day().to_datetime(jiff::civil::Time::midnight()),
        });
        let day = shown.start.date();
        let today = self.now.date();
        let relative = match next {
            Some(_) if day == today => Some(self.t(lang, "card-today")),
            Some(_) if today.tomorrow().is_ok_and(|t| t == day) => {
                Some(self.t(lang, "card-tomorrow"))
            }
            _ => None,
        };
        let last = match time {
            EventTime::Sessions(sessions) => last_of_run(sessions, day),
            _ => time.last_day(),
        };
        let (until, repeat) = match time {
            EventTime::Recurring { first, rule, .. } => {
                (None, Some(self.recurrence_text(lang, rule, *first)))
            }
            _ if last > day => (Some(last), None),
            _ => (None, None),
        };
        CardWhen {
            date: f.date_long(day),
            date_iso: day.to_string(),
            time: match time {
                EventTime::AllDay { .. } => String::new(),
                _ => f.time_range(shown.start.time(), shown.end.time()),
            },
            start_iso: iso_minutes(shown.start),
            relative,
            until: until.map(|d| f.date_long(d)),
            until_iso: until.map(|d| d.to_string()),
            repeat,
        }
    }

    /// "Jeden Dienstag bis 15. Dezember 2026" in the reader's language.
    pub(super) fn recurrence_text(&self, lang: &str, rule: &Recurrence, first: Session) -> String {
        let f = self.fmt(lang);
        // A date with each weekday, near the first occurrence, gives ICU the weekday's name.
        let names: Vec<String> = rule
            .weekdays
            .iter()
            .map(|w| {
                let d = first.start.date();
                let ahead =
                    (w.to_monday_zero_offset() - d.weekday().to_monday_zero_offset()).rem_euclid(7);
                f.weekday(
                    d.checked_add(jiff::Span::new().days(ahead as i64))
                        .unwrap_or(d),
                )
            })
            .collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut args = FluentArgs::new();
        args.set("weekday", f.list_and(&refs));
        args.set("interval", rule.interval as i64);
        args.set("week", rule.week.unwrap_or(1) as i64);
        // Times and dates are isolated (FSI…PDI) inside the sentence so that
        // digits and am/pm do not reorder in right-to-left text. This text
        // only goes into element content, never into attributes.
        let isolate = |s: String| format!("\u{2068}{s}\u{2069}");
        args.set("until", isolate(f.date_plain(rule.until)));
        args.set(
            "time",
            isolate(f.time_range(first.start.time(), first.end.time())),
        );
        // These ids are in `MESSAGES_ASKED_BY_CODE` (so are `card-today`, `card-tomorrow`).
        let id = match rule.frequency {
            Frequency::Weekly => "repeat-weekly",
            Frequency::Monthly => "repeat-monthly",
        };
        self.messages
            .format(lang, id, Some(&args))
            .unwrap_or_else(|| id.to_string())
    }
}

/// `2026-02-05T18:00` (no seconds, no offset): local time in the site's zone.
fn iso_minutes(dt: jiff::civil::DateTime) -> String {
    dt.strftime("%Y-%m-%dT%H:%M").to_string()
}

/// The last day of the run of sessions on consecutive days that holds
/// `day`: a three-day market shows "8.–10. November", but two dates a year
/// apart are two dates, not one long event (the page lists them all).
fn last_of_run(sessions: &[Session], day: jiff::civil::Date) -> jiff::civil::Date {
    let mut last = day;
    for s in sessions.iter().filter(|s| s.end.date() >= day) {
        let start = s.start.date();
        let joins = start <= last || last.tomorrow().is_ok_and(|t| t == start);
        if !joins {
            break;
        }
        last = last.max(s.end.date());
    }
    last
}

#[cfg(test)]
mod tests {
    use super::last_of_run;
    use crate::content::Session;
    use jiff::civil::{date, datetime};

    fn day(y: i16, m: i8, d: i8) -> Session {
        Session {
            start: datetime(y, m, d, 10, 0, 0, 0),
            end: datetime(y, m, d, 15, 0, 0, 0),
        }
    }

    #[test]
    fn consecutive_days_are_one_run_dates_apart_are_not() {
        let market = [day(2025, 11, 8), day(2025, 11, 9), day(2025, 11, 10)];
        assert_eq!(last_of_run(&market, date(2025, 11, 8)), date(2025, 11, 10));
        assert_eq!(last_of_run(&market, date(2025, 11, 9)), date(2025, 11, 10));
        let yearly = [day(2027, 11, 8), day(2028, 11, 13)];
        assert_eq!(last_of_run(&yearly, date(2027, 11, 8)), date(2027, 11, 8));
        let gap = [day(2026, 3, 2), day(2026, 3, 4)];
        assert_eq!(last_of_run(&gap, date(2026, 3, 2)), date(2026, 3, 2));
    }
}
