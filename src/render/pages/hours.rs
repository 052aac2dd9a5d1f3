//! Opening hours as readers see them: the regular week as a table in the
//! reader's language (ICU weekday names and times), the public holidays
//! ahead on which the place is closed, and the open intervals of the coming
//! weeks for the theme's "open now" badge (which needs no parser).

use jiff::civil::Time;

use super::PageBuilder;
use crate::content::hours::{Hours, monday_of};
use crate::render::views::{HoursRow, HoursView};

/// How far ahead the browser gets open intervals (the build runs daily).
const BADGE_WEEKS: i64 = 8;
/// How far ahead holiday closures are listed.
const CLOSURE_DAYS: i64 = 42;

/// Minutes since midnight as a time of day (the end of the day, 1440, as midnight).
fn time_of(m: u16) -> Time {
    let m = m % 1440;
    Time::new((m / 60) as i8, (m % 60) as i8, 0, 0).unwrap_or(Time::midnight())
}

impl PageBuilder<'_> {
    pub(super) fn hours_view(&self, lang: &str, hours: &Hours) -> HoursView {
        let fmt = self.fmt(lang);
        let today = self.now.date();
        let monday = monday_of(today);
        let rows = hours
            .week(monday)
            .into_iter()
            .enumerate()
            .map(|(i, ranges)| {
                let day = monday
                    .checked_add(jiff::Span::new().days(i as i64))
                    .unwrap_or(monday);
                let times: Vec<String> = ranges
                    .iter()
                    .map(|&(a, b)| fmt.time_range(time_of(a), time_of(b)))
                    .collect();
                let refs: Vec<&str> = times.iter().map(String::as_str).collect();
                HoursRow {
                    day: fmt.weekday(day),
                    times: (!refs.is_empty()).then(|| fmt.list_and(&refs)),
                    today: day == today,
                }
            })
            .collect();
        let closures = hours
            .holiday_closures(today, CLOSURE_DAYS)
            .into_iter()
            .map(|h| {
                let date = fmt.date_plain(h.date);
                match self
                    .messages
                    .format(lang, &format!("holiday-{}", h.id), None)
                {
                    Some(name) => format!("{date} ({name})"),
                    None => date,
                }
            })
            .collect();
        let tz = &self.site.config.time_zone;
        let from = tz
            .to_ambiguous_timestamp(self.now)
            .compatible()
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let to = from + jiff::SignedDuration::from_hours(24 * 7 * BADGE_WEEKS);
        let open: Vec<String> = hours
            .open_intervals(tz, from, to)
            .into_iter()
            .flat_map(|(a, b)| [a.to_string(), b.to_string()])
            .collect();
        let language = self.language(lang);
        let locale = match &language.numbering {
            Some(nu) => format!("{}-u-nu-{nu}", language.tag_str()),
            None => language.tag_str(),
        };
        HoursView {
            rows,
            closures,
            open: open.join(","),
            tz: self.site.config.time_zone_name.clone(),
            locale,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Region;
    use crate::content::hours::holidays::public;

    #[test]
    fn every_holiday_name_is_known_to_check() {
        for region in Region::ALL {
            for h in public(region, 2027) {
                let id = format!("holiday-{}", h.id);
                assert!(
                    super::super::MESSAGES_ASKED_BY_CODE.contains(&id.as_str()),
                    "{id}"
                );
            }
        }
    }
}
