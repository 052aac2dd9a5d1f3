//! Dates and times: long, medium and plain dates, weekdays, times and time
//! ranges.
//!
//! # Calendar
//!
//! Dates are always formatted in the Gregorian calendar, whatever the locale's
//! CLDR default is (Farsi defaults to the Persian calendar, Thai to the
//! Buddhist one, …): the formatters are [`FixedCalendarDateTimeFormatter`]s
//! over [`Gregorian`], which ignore any `-u-ca-` preference.

use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::{E, T, YMD, YMDE};
use icu_datetime::input::Time;
use icu_datetime::range::NoCalendarRangeFormatter;
use icu_datetime::{
    DateTimeFormatterLoadError, DateTimeFormatterPreferences, FixedCalendarDateTimeFormatter,
    NoCalendarFormatter,
};
use icu_locale::subtags::Language;
use icu_locale::{LanguageIdentifier, Locale};

use super::{FormatError, data_error};

/// The date and time formatters of one language.
#[derive(Debug)]
pub(super) struct DateFormats {
    date_long: FixedCalendarDateTimeFormatter<Gregorian, YMDE>,
    date_medium: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    date_plain: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    weekday: FixedCalendarDateTimeFormatter<Gregorian, E>,
    time: NoCalendarFormatter<T>,
    time_range: NoCalendarRangeFormatter<T>,
}

impl DateFormats {
    /// The formatters for `locale` (configured as `tag`); an error if ICU has
    /// no date data for its language.
    pub(super) fn new(tag: &str, locale: &Locale) -> Result<Self, FormatError> {
        let dt_err =
            |what: &'static str| move |e: DateTimeFormatterLoadError| data_error(tag, what, e);
        let dt_prefs = DateTimeFormatterPreferences::from(locale);
        let date_long = FixedCalendarDateTimeFormatter::try_new(dt_prefs, YMDE::long())
            .map_err(dt_err("long date"))?;
        check_locale_data(tag, locale, &date_long)?;
        let date_medium = FixedCalendarDateTimeFormatter::try_new(dt_prefs, YMD::medium())
            .map_err(dt_err("medium date"))?;
        let date_plain = FixedCalendarDateTimeFormatter::try_new(dt_prefs, YMD::long())
            .map_err(dt_err("long date"))?;
        let weekday = FixedCalendarDateTimeFormatter::try_new(dt_prefs, E::long())
            .map_err(dt_err("weekday"))?;
        let time = NoCalendarFormatter::try_new(dt_prefs, T::hm()).map_err(dt_err("time"))?;
        let time_range =
            NoCalendarRangeFormatter::try_new(dt_prefs, T::hm()).map_err(dt_err("time range"))?;
        Ok(Self {
            date_long,
            date_medium,
            date_plain,
            weekday,
            time,
            time_range,
        })
    }

    pub(super) fn date_long(&self, d: jiff::civil::Date) -> String {
        gregorian(d).map_or_else(|| d.to_string(), |g| self.date_long.format(&g).to_string())
    }

    pub(super) fn date_plain(&self, d: jiff::civil::Date) -> String {
        gregorian(d).map_or_else(|| d.to_string(), |g| self.date_plain.format(&g).to_string())
    }

    pub(super) fn weekday(&self, d: jiff::civil::Date) -> String {
        gregorian(d).map_or_else(
            || format!("{:?}", d.weekday()),
            |g| self.weekday.format(&g).to_string(),
        )
    }

    pub(super) fn date_medium(&self, d: jiff::civil::Date) -> String {
        gregorian(d).map_or_else(
            || d.to_string(),
            |g| self.date_medium.format(&g).to_string(),
        )
    }

    pub(super) fn time(&self, t: jiff::civil::Time) -> String {
        match icu_time(t) {
            Some(time) => self.time.format(&time).to_string(),
            None => t.strftime("%H:%M").to_string(),
        }
    }

    pub(super) fn time_range(&self, a: jiff::civil::Time, b: jiff::civil::Time) -> String {
        match (icu_time(a), icu_time(b)) {
            (Some(start), Some(end)) => self.time_range.format(&start, &end).to_string(),
            _ => format!("{}\u{2013}{}", self.time(a), self.time(b)),
        }
    }
}

/// ICU silently falls back to the root locale (`und`) for languages it
/// has no data for, which would render dates as "2026 M02 5, Thu".
/// Detect that by comparing with a root formatter that has the same
/// keywords (so the digits agree).
fn check_locale_data(
    tag: &str,
    locale: &Locale,
    date_long: &FixedCalendarDateTimeFormatter<Gregorian, YMDE>,
) -> Result<(), FormatError> {
    if locale.id.language == Language::UNKNOWN {
        return Ok(());
    }
    let mut root = locale.clone();
    root.id = LanguageIdentifier::UNKNOWN;
    let root_long = FixedCalendarDateTimeFormatter::<Gregorian, YMDE>::try_new(
        DateTimeFormatterPreferences::from(&root),
        YMDE::long(),
    )
    .map_err(|e| data_error(tag, "long date", e))?;
    let probe = Date::try_new_gregorian(2026, 2, 5).map_err(|e| data_error(tag, "calendar", e))?;
    if date_long.format(&probe).to_string() == root_long.format(&probe).to_string() {
        return Err(FormatError::NoLocaleData {
            tag: tag.to_owned(),
        });
    }
    Ok(())
}

/// The jiff date as an ICU Gregorian date. `None` only if ICU rejects the
/// date, which does not happen for jiff's range (years -9999..=9999); callers
/// then fall back to ISO 8601.
fn gregorian(d: jiff::civil::Date) -> Option<Date<Gregorian>> {
    let month = u8::try_from(d.month()).ok()?;
    let day = u8::try_from(d.day()).ok()?;
    Date::try_new_gregorian(i32::from(d.year()), month, day).ok()
}

/// The jiff time as an ICU time. Seconds are dropped: only hour and minute
/// are ever formatted. `None` cannot happen for valid jiff times (hour 0–23,
/// minute 0–59); callers then fall back to "HH:MM".
fn icu_time(t: jiff::civil::Time) -> Option<Time> {
    let hour = u8::try_from(t.hour()).ok()?;
    let minute = u8::try_from(t.minute()).ok()?;
    Time::try_new(hour, minute, 0, 0).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::LocaleFormatter;
    use icu_calendar::cal::Persian;
    use icu_datetime::fieldsets::M;
    use jiff::civil::{date, time};

    fn fmt(tag: &str) -> LocaleFormatter {
        LocaleFormatter::new(tag, None).unwrap()
    }

    /// Month name for `d` in `tag`, straight from ICU (long, standalone).
    fn icu_month<C>(tag: &str, d: &Date<C>) -> String
    where
        C: icu_datetime::scaffold::CldrCalendar + icu_calendar::Calendar,
        icu_datetime::provider::Baked:
            icu_datetime::scaffold::AllFixedCalendarFormattingDataMarkers<C, M>,
        Date<C>:
            icu_datetime::scaffold::AllInputMarkers<M> + icu_datetime::scaffold::InFixedCalendar<C>,
    {
        let locale = Locale::try_from_str(tag).unwrap();
        FixedCalendarDateTimeFormatter::<C, M>::try_new((&locale).into(), M::long())
            .unwrap()
            .format(d)
            .to_string()
    }

    #[test]
    fn german_long_date() {
        let s = fmt("de").date_long(date(2026, 2, 5));
        assert!(s.contains("Februar"), "{s}");
        assert!(s.contains("2026"), "{s}");
        assert!(s.contains("Donnerstag"), "{s}");
    }

    #[test]
    fn farsi_date_is_gregorian() {
        let f = fmt("fa");
        let d = date(2026, 3, 21); // 1 Farvardin 1405 in the Persian calendar
        let gregorian_date = Date::try_new_gregorian(2026, 3, 21).unwrap();
        let march = icu_month("fa", &gregorian_date);
        let farvardin = icu_month("fa", &gregorian_date.to_calendar(Persian));
        assert_eq!(farvardin, "فروردین", "sanity check of the Persian month");
        assert_ne!(march, farvardin);

        for s in [f.date_long(d), f.date_medium(d)] {
            assert!(!s.contains("فروردین"), "{s}");
            assert!(s.contains(&march), "{s} should contain {march}");
            assert!(s.contains("۲۰۲۶"), "{s}");
            assert!(!s.contains("۱۴۰۵"), "{s}");
        }

        // Also when the tag asks for the Persian calendar explicitly.
        let s = fmt("fa-u-ca-persian").date_long(d);
        assert!(s.contains(&march) && s.contains("۲۰۲۶"), "{s}");
        // Thai defaults to the Buddhist calendar (year 2569).
        let s = fmt("th").date_long(d);
        assert!(s.contains("2026") && !s.contains("2569"), "{s}");
    }

    #[test]
    fn time_ranges() {
        let (a, b) = (time(18, 0, 0, 0), time(20, 0, 0, 0));
        let de = fmt("de");
        let s = de.time_range(a, b);
        assert!(s.contains(&de.time(a)) && s.contains(&de.time(b)), "{s}");
        assert!(s.contains('\u{2013}'), "{s}");

        // English writes the shared day period once: "6:00 – 8:00 PM".
        let en = fmt("en");
        let s = en.time_range(a, b);
        assert!(s.contains('\u{2013}'), "{s}");
        assert!(s.ends_with(&en.time(b)), "{s}");
        assert!(!s.contains(&en.time(a)), "{s}");

        // Equal or reversed times still give sensible output.
        assert!(de.time_range(a, a).contains(&de.time(a)));
        let s = de.time_range(b, a);
        assert!(s.contains(&de.time(a)) && s.contains(&de.time(b)), "{s}");
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        let f = fmt("fa");
        for d in [
            jiff::civil::Date::MIN,
            jiff::civil::Date::MAX,
            date(1, 1, 1),
        ] {
            assert!(!f.date_long(d).is_empty());
            assert!(!f.date_medium(d).is_empty());
        }
    }
}
