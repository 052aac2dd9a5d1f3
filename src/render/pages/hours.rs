//! Opening hours as readers see them: the regular week as a table in the
//! reader's language (ICU weekday names and times), the public holidays
//! ahead on which the place is closed, and the open intervals of the coming
//! weeks for the theme's "open now" badge (which needs no parser).

use jiff::civil::Time;

use super::PageBuilder;
use crate::content::hours::{Hours, monday_of};
use crate::content::{Item, ItemData};
use crate::render::views::{HoursRow, HoursView};

/// How far ahead the browser gets open intervals on an item's own page (the
/// build runs daily).
const BADGE_DAYS: i64 = 7 * 8;
/// How far ahead on cards and the home page: ten cards of eight weeks each
/// would outweigh a list page; two weeks outlast any gap between builds.
const CARD_DAYS: i64 = 14;
/// How far ahead holiday closures are listed.
const CLOSURE_DAYS: i64 = 42;

/// Minutes since midnight as a time of day (the end of the day, 1440, as midnight).
fn time_of(m: u16) -> Time {
    let m = m % 1440;
    Time::new((m / 60) as i8, (m % 60) as i8, 0, 0).unwrap_or(Time::midnight())
}

/// The opening hours an item states (offers and contacts), if any.
pub(super) fn hours_of(item: &Item) -> Option<&Hours> {
    match &item.data {
        ItemData::Offer(o) => o.opening_hours.as_ref(),
        ItemData::Contact(c) => c.opening_hours.as_ref(),
        ItemData::Location(l) => l.opening_hours.as_ref(),
        _ => None,
    }
}

impl PageBuilder<'_> {
    /// The "open now" badge's intervals for a card or the home page's
    /// office: the next [`CARD_DAYS`] days.
    pub(super) fn card_hours(&self, item: &Item) -> Option<String> {
        hours_of(item).map(|h| self.open_intervals(h, CARD_DAYS))
    }

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
        HoursView {
            rows,
            closures,
            open: self.open_intervals(hours, BADGE_DAYS),
        }
    }

    /// The open intervals of the next `days` days as the badge reads them:
    /// UTC epoch minutes, start and end alternating, comma-separated.
    pub(super) fn open_intervals(&self, hours: &Hours, days: i64) -> String {
        let tz = &self.site.config.time_zone;
        let from = tz
            .to_ambiguous_timestamp(self.now)
            .compatible()
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let to = from + jiff::SignedDuration::from_hours(24 * days);
        let open: Vec<String> = hours
            .open_intervals(tz, from, to)
            .into_iter()
            .flat_map(|(a, b)| [a.to_string(), b.to_string()])
            .collect();
        open.join(",")
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
