//! Locale-aware formatting of dates, times, lists, numbers, plural categories
//! and collation for one site language, backed by ICU4X 2.4 compiled data.
//!
//! A [`LocaleFormatter`] is built once per site language and shared across
//! threads; every formatting method is infallible (all fallible work happens
//! in [`LocaleFormatter::new`]).
//!
//! # Invisible marks in the output
//!
//! ICU copies the CLDR patterns and symbols verbatim, and several contain
//! invisible or special characters. They are intentional (bidi marks keep
//! mixed right-to-left / left-to-right text in order; the spaces prevent bad
//! line breaks) and are deliberately **not** stripped. Seen with ICU4X 2.4:
//!
//! * Farsi lists: U+200F RIGHT-TO-LEFT MARK after the comma ("A،\u{200f} B، و C"),
//! * Arabic medium dates: U+200F around the slashes ("05\u{200f}/02\u{200f}/2026"),
//! * negative numbers: U+061C ARABIC LETTER MARK (ar with "arab" digits),
//!   U+200E LEFT-TO-RIGHT MARK (fa, ar with "latn" digits, ps) before the minus,
//! * U+202F NARROW NO-BREAK SPACE: English "6:00\u{202f}PM", Russian and
//!   Ukrainian "2026\u{202f}г." / "2026\u{202f}р.",
//! * U+2009 THIN SPACE around the en dash of some time ranges
//!   ("6:00\u{2009}–\u{2009}8:00\u{202f}PM"),
//! * U+00A0 NO-BREAK SPACE as the Russian/Ukrainian digit group separator.
//!
//! Templates or tests that compare such strings byte for byte must account
//! for them.
//!
//! # Calendar
//!
//! Dates are always formatted in the Gregorian calendar, whatever the locale's
//! CLDR default is (Farsi defaults to the Persian calendar, Thai to the
//! Buddhist one, …): the formatters are [`FixedCalendarDateTimeFormatter`]s
//! over [`Gregorian`], which ignore any `-u-ca-` preference.

use std::cmp::Ordering;

use icu_calendar::{Date, Gregorian};
use icu_collator::options::CollatorOptions;
use icu_collator::{CollatorBorrowed, CollatorPreferences};
use icu_datetime::fieldsets::{E, T, YMD, YMDE};
use icu_datetime::input::Time;
use icu_datetime::range::NoCalendarRangeFormatter;
use icu_datetime::{
    DateTimeFormatterLoadError, DateTimeFormatterPreferences, FixedCalendarDateTimeFormatter,
    NoCalendarFormatter,
};
use icu_decimal::input::Decimal;
use icu_decimal::options::DecimalFormatterOptions;
use icu_decimal::{DecimalFormatter, DecimalFormatterPreferences};
use icu_list::options::{ListFormatterOptions, ListLength};
use icu_list::{ListFormatter, ListFormatterPreferences};
use icu_locale::extensions::unicode::{Value, key};
use icu_locale::subtags::{Language, Subtag, subtag};
use icu_locale::{LanguageIdentifier, Locale};
use icu_plurals::{PluralCategory, PluralRules, PluralRulesPreferences};
use icu_provider::DataError;

/// Errors from building a [`LocaleFormatter`]. The messages are meant for the
/// site administrator who wrote the language configuration.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// The language tag does not parse as BCP 47.
    #[error(
        "`{tag}` is not a valid BCP 47 language tag (expected something like \"de\", \"fa\" or \"pt-BR\"): {source}"
    )]
    InvalidTag {
        /// The tag as configured.
        tag: String,
        /// The parser's complaint.
        #[source]
        source: icu_locale::ParseError,
    },

    /// The tag is well-formed, but ICU has no date formatting data for its
    /// language: ICU would silently fall back to the neutral root locale and
    /// print dates like "2026 M02 5, Thu".
    #[error(
        "ICU has no date formatting data for language `{tag}`; check the language code (CLDR may use a different one, e.g. \"fa-AF\" for Dari, \"ku\" for Kurmanji)"
    )]
    NoLocaleData {
        /// The tag as configured.
        tag: String,
    },

    /// The numbering system is not a single 3–8 character alphanumeric subtag.
    #[error(
        "`{numbering}` is not a valid CLDR numbering system name (expected something like \"latn\", \"arab\" or \"arabext\")"
    )]
    InvalidNumbering {
        /// The numbering system as configured.
        numbering: String,
    },

    /// The numbering system is well-formed but ICU has no digits for it
    /// (e.g. a misspelling, or an algorithmic system such as "roman").
    #[error(
        "numbering system `{numbering}` is not supported (use a decimal digit system such as \"latn\", \"arab\" or \"arabext\")"
    )]
    UnsupportedNumbering {
        /// The numbering system as configured.
        numbering: String,
    },

    /// Loading ICU data for one of the formatters failed.
    #[error("could not load ICU {what} data for language `{tag}`: {source}")]
    Data {
        /// The tag as configured.
        tag: String,
        /// Which formatter failed ("date", "plural rules", …).
        what: &'static str,
        /// The ICU error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync + 'static>,
    },
}

/// Locale-aware formatting for one site language.
///
/// Built once per language per build; `Send + Sync` (ICU4X data payloads are
/// `Arc`-backed because `icu_provider`'s `sync` feature is enabled), so it can
/// be shared across rayon threads.
#[derive(Debug)]
pub struct LocaleFormatter {
    /// The tag as given to [`LocaleFormatter::new`], for diagnostics.
    tag: String,
    date_long: FixedCalendarDateTimeFormatter<Gregorian, YMDE>,
    date_medium: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    date_plain: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    weekday: FixedCalendarDateTimeFormatter<Gregorian, E>,
    time: NoCalendarFormatter<T>,
    time_range: NoCalendarRangeFormatter<T>,
    list_and: ListFormatter,
    collator: CollatorBorrowed<'static>,
    plurals: PluralRules,
    decimal: DecimalFormatter,
}

impl LocaleFormatter {
    /// `tag`: BCP 47 tag such as "de", "fa", "ar", "uk". `numbering`: optional
    /// CLDR numbering system ("latn", "arab", "arabext"), applied to digits in
    /// dates, times and numbers; `None` = the locale's default (or the `-u-nu-`
    /// keyword of `tag`, if it has one).
    pub fn new(tag: &str, numbering: Option<&str>) -> Result<Self, FormatError> {
        let mut locale =
            Locale::try_from_str(tag.trim()).map_err(|source| FormatError::InvalidTag {
                tag: tag.to_owned(),
                source,
            })?;

        // The numbering system: the argument, else the tag's own `-u-nu-`
        // keyword. ICU would silently ignore an unknown one; reject it instead.
        let nu_key = key!("nu");
        let requested_nu = match numbering {
            Some(nu) => Some(nu.trim().to_owned()),
            None => locale
                .extensions
                .unicode
                .keywords
                .get(&nu_key)
                .map(|v| v.to_string()),
        };
        if let Some(nu) = requested_nu {
            let subtag = Subtag::try_from_str(&nu).map_err(|_| FormatError::InvalidNumbering {
                numbering: nu.clone(),
            })?;
            if !has_digits(tag, subtag)? {
                return Err(FormatError::UnsupportedNumbering { numbering: nu });
            }
            // Setting the `nu` keyword on the locale makes every preferences
            // bag derived from it (decimal and date/time) use these digits.
            locale
                .extensions
                .unicode
                .keywords
                .set(nu_key, Value::from_subtag(Some(subtag)));
        }

        let dt_err =
            |what: &'static str| move |e: DateTimeFormatterLoadError| data_error(tag, what, e);
        let err = |what: &'static str| move |e: DataError| data_error(tag, what, e);

        let dt_prefs = DateTimeFormatterPreferences::from(&locale);
        let date_long = FixedCalendarDateTimeFormatter::try_new(dt_prefs, YMDE::long())
            .map_err(dt_err("long date"))?;

        // ICU silently falls back to the root locale (`und`) for languages it
        // has no data for, which would render dates as "2026 M02 5, Thu".
        // Detect that by comparing with a root formatter that has the same
        // keywords (so the digits agree).
        if locale.id.language != Language::UNKNOWN {
            let mut root = locale.clone();
            root.id = LanguageIdentifier::UNKNOWN;
            let root_long = FixedCalendarDateTimeFormatter::<Gregorian, YMDE>::try_new(
                DateTimeFormatterPreferences::from(&root),
                YMDE::long(),
            )
            .map_err(dt_err("long date"))?;
            let probe =
                Date::try_new_gregorian(2026, 2, 5).map_err(|e| data_error(tag, "calendar", e))?;
            if date_long.format(&probe).to_string() == root_long.format(&probe).to_string() {
                return Err(FormatError::NoLocaleData {
                    tag: tag.to_owned(),
                });
            }
        }

        let date_medium = FixedCalendarDateTimeFormatter::try_new(dt_prefs, YMD::medium())
            .map_err(dt_err("medium date"))?;
        let date_plain = FixedCalendarDateTimeFormatter::try_new(dt_prefs, YMD::long())
            .map_err(dt_err("long date"))?;
        let weekday = FixedCalendarDateTimeFormatter::try_new(dt_prefs, E::long())
            .map_err(dt_err("weekday"))?;
        let time = NoCalendarFormatter::try_new(dt_prefs, T::hm()).map_err(dt_err("time"))?;
        let time_range =
            NoCalendarRangeFormatter::try_new(dt_prefs, T::hm()).map_err(dt_err("time range"))?;
        let list_and = ListFormatter::try_new_and(
            ListFormatterPreferences::from(&locale),
            ListFormatterOptions::default().with_length(ListLength::Wide),
        )
        .map_err(err("list"))?;
        let collator = CollatorBorrowed::try_new(
            CollatorPreferences::from(&locale),
            CollatorOptions::default(),
        )
        .map_err(err("collation"))?;
        let plurals = PluralRules::try_new_cardinal(PluralRulesPreferences::from(&locale))
            .map_err(err("plural rules"))?;
        let decimal = DecimalFormatter::try_new(
            DecimalFormatterPreferences::from(&locale),
            DecimalFormatterOptions::default(),
        )
        .map_err(err("number"))?;

        Ok(Self {
            tag: tag.to_owned(),
            date_long,
            date_medium,
            date_plain,
            weekday,
            time,
            time_range,
            list_and,
            collator,
            plurals,
            decimal,
        })
    }

    /// The tag this formatter was built for, as given to [`LocaleFormatter::new`].
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// Long date with weekday, always Gregorian, e.g. de "Donnerstag,
    /// 5. Februar 2026".
    pub fn date_long(&self, d: jiff::civil::Date) -> String {
        match gregorian(d) {
            Some(date) => self.date_long.format(&date).to_string(),
            None => d.to_string(),
        }
    }

    /// Long date without weekday, e.g. de "14. April 2026", always Gregorian.
    pub fn date_plain(&self, d: jiff::civil::Date) -> String {
        match gregorian(d) {
            Some(date) => self.date_plain.format(&date).to_string(),
            None => d.to_string(),
        }
    }

    /// The weekday's name alone (standalone form where the language has
    /// one), e.g. de "Dienstag", uk "вівторок".
    pub fn weekday(&self, d: jiff::civil::Date) -> String {
        match gregorian(d) {
            Some(date) => self.weekday.format(&date).to_string(),
            None => format!("{:?}", d.weekday()),
        }
    }

    /// Medium date without weekday (ICU's medium year-month-day), e.g. de
    /// "05.02.2026", always Gregorian.
    pub fn date_medium(&self, d: jiff::civil::Date) -> String {
        match gregorian(d) {
            Some(date) => self.date_medium.format(&date).to_string(),
            None => d.to_string(),
        }
    }

    /// Hour and minute in the locale's convention ("18:00", "6:00 PM").
    pub fn time(&self, t: jiff::civil::Time) -> String {
        match icu_time(t) {
            Some(time) => self.time.format(&time).to_string(),
            None => t.strftime("%H:%M").to_string(),
        }
    }

    /// A time interval on one day in the locale's convention, using CLDR's
    /// interval patterns: de "18:00–20:00", en "6:00 – 8:00 PM" (shared
    /// day period written once, thin spaces around the dash), fa
    /// "۱۸:۰۰ تا ۲۰:۰۰".
    ///
    /// Uses ICU4X's range formatter, which is behind icu_datetime's
    /// `unstable` feature; that is why Cargo.toml pins icu_datetime to `~2.4`.
    pub fn time_range(&self, a: jiff::civil::Time, b: jiff::civil::Time) -> String {
        match (icu_time(a), icu_time(b)) {
            (Some(start), Some(end)) => self.time_range.format(&start, &end).to_string(),
            _ => format!("{}\u{2013}{}", self.time(a), self.time(b)),
        }
    }

    /// A conjunction list, e.g. de "A, B und C" (CLDR "and" list, wide).
    ///
    /// A few languages have date data but no list data in ICU (e.g. "ckb",
    /// "mi"); they get the root pattern "A, B, C".
    pub fn list_and(&self, items: &[&str]) -> String {
        self.list_and.format(items.iter().copied()).to_string()
    }

    /// Collation comparison in this language (default strength), for sorting
    /// names and labels.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.collator.compare(a, b)
    }

    /// CLDR cardinal plural category of an integer count, spelled as Fluent
    /// does: "zero", "one", "two", "few", "many" or "other".
    pub fn plural_category(&self, n: u64) -> &'static str {
        match self.plurals.category_for(n) {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }

    /// Integer in the locale's digits and grouping, e.g. fa "۱۲۳", de "12.345".
    pub fn integer(&self, n: i64) -> String {
        self.decimal.format(&Decimal::from(n)).to_string()
    }
}

/// A [`FormatError::Data`] for `tag`.
fn data_error(
    tag: &str,
    what: &'static str,
    source: impl std::error::Error + Send + Sync + 'static,
) -> FormatError {
    FormatError::Data {
        tag: tag.to_owned(),
        what,
        source: Box::new(source),
    }
}

/// Whether ICU has decimal digits for the numbering system `nu` ("latn",
/// "arab", …). ICU falls back to the locale's default digits for unknown or
/// algorithmic systems ("roman"); for the root locale that default is "latn",
/// so an unsupported system formats exactly like "latn" does.
fn has_digits(tag: &str, nu: Subtag) -> Result<bool, FormatError> {
    if nu.as_str() == "latn" {
        return Ok(true);
    }
    let format_with = |nu: Subtag| -> Result<String, FormatError> {
        let mut locale = Locale::UNKNOWN;
        locale
            .extensions
            .unicode
            .keywords
            .set(key!("nu"), Value::from_subtag(Some(nu)));
        let formatter = DecimalFormatter::try_new(
            DecimalFormatterPreferences::from(&locale),
            DecimalFormatterOptions::default(),
        )
        .map_err(|e| data_error(tag, "number", e))?;
        Ok(formatter.format(&Decimal::from(1_234_567_890)).to_string())
    };
    Ok(format_with(nu)? != format_with(subtag!("latn"))?)
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
    use icu_calendar::cal::Persian;
    use icu_datetime::fieldsets::M;
    use jiff::civil::{date, time};

    // `LocaleFormatter` is shared across rayon threads.
    const _: () = {
        const fn assert_send_sync<X: Send + Sync>() {}
        assert_send_sync::<LocaleFormatter>();
        assert_send_sync::<FormatError>();
    };

    fn fmt(tag: &str) -> LocaleFormatter {
        LocaleFormatter::new(tag, None).unwrap()
    }

    fn is_arabic_indic(c: char) -> bool {
        ('\u{0660}'..='\u{0669}').contains(&c)
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
    fn arabic_plurals() {
        let f = fmt("ar");
        let got: Vec<_> = [0, 1, 2, 3, 11, 100]
            .into_iter()
            .map(|n| f.plural_category(n))
            .collect();
        assert_eq!(got, ["zero", "one", "two", "few", "many", "other"]);
    }

    #[test]
    fn ukrainian_plurals() {
        let f = fmt("uk");
        let got: Vec<_> = [1, 2, 5, 21]
            .into_iter()
            .map(|n| f.plural_category(n))
            .collect();
        assert_eq!(got, ["one", "few", "many", "one"]);
        assert_eq!(fmt("de").plural_category(1), "one");
        assert_eq!(fmt("de").plural_category(0), "other");
    }

    #[test]
    fn german_collation() {
        let f = fmt("de");
        let mut words = vec!["Beratung", "Ärzte", "Apotheke"];
        words.sort_by(|a, b| f.compare(a, b));
        assert_eq!(words, ["Apotheke", "Ärzte", "Beratung"]);
        // Byte order would put "Ärzte" last.
        let mut bytes = words.clone();
        bytes.sort();
        assert_eq!(bytes, ["Apotheke", "Beratung", "Ärzte"]);
        assert_eq!(f.compare("Ärzte", "Ärzte"), Ordering::Equal);
    }

    #[test]
    fn ukrainian_collation() {
        let f = fmt("uk");
        assert_eq!(f.compare("Город", "Ґанок"), Ordering::Less);
        assert_eq!(f.compare("Ґанок", "Дім"), Ordering::Less);
        let mut words = vec!["Дім", "Ґанок", "Город"];
        words.sort_by(|a, b| f.compare(a, b));
        assert_eq!(words, ["Город", "Ґанок", "Дім"]);
    }

    #[test]
    fn german_list() {
        let f = fmt("de");
        assert_eq!(
            f.list_and(&["Arabisch", "Ukrainisch", "Farsi"]),
            "Arabisch, Ukrainisch und Farsi"
        );
        assert_eq!(f.list_and(&["A", "B"]), "A und B");
        assert_eq!(f.list_and(&["A"]), "A");
        assert_eq!(f.list_and(&[]), "");
    }

    #[test]
    fn farsi_list_keeps_rtl_marks() {
        let s = fmt("fa").list_and(&["A", "B", "C"]);
        assert!(s.contains('\u{200F}'), "{s:?}");
    }

    #[test]
    fn arabic_numbering() {
        let d = date(2026, 2, 5);
        let arab = LocaleFormatter::new("ar", Some("arab")).unwrap();
        for s in [arab.integer(2026), arab.date_medium(d), arab.date_long(d)] {
            assert!(s.chars().any(is_arabic_indic), "{s}");
            assert!(!s.chars().any(|c| c.is_ascii_digit()), "{s}");
        }
        assert!(arab.time(time(18, 0, 0, 0)).chars().any(is_arabic_indic));

        let default = fmt("ar");
        for s in [default.integer(2026), default.date_medium(d)] {
            assert!(s.chars().any(|c| c.is_ascii_digit()), "{s}");
            assert!(!s.chars().any(is_arabic_indic), "{s}");
        }

        // The tag's own keyword works too, and the argument overrides it.
        let tagged = fmt("ar-u-nu-arab");
        assert_eq!(tagged.integer(2026), arab.integer(2026));
        let overridden = LocaleFormatter::new("ar-u-nu-arab", Some("latn")).unwrap();
        assert_eq!(overridden.integer(2026), default.integer(2026));
    }

    #[test]
    fn farsi_digits() {
        assert_eq!(fmt("fa").integer(123), "۱۲۳");
        let latn = LocaleFormatter::new("fa", Some("latn")).unwrap();
        assert_eq!(latn.integer(123), "123");
        assert!(latn.date_long(date(2026, 3, 21)).contains("2026"));
    }

    #[test]
    fn german_numbers_and_times() {
        let f = fmt("de");
        assert_eq!(f.integer(12345), "12.345");
        assert_eq!(f.integer(-7), "-7");
        assert_eq!(
            f.integer(i64::MIN)
                .chars()
                .filter(char::is_ascii_digit)
                .count(),
            19
        );
        assert_eq!(f.time(time(18, 0, 0, 0)), "18:00");
        assert_eq!(f.time(time(9, 5, 59, 999_999_999)), "09:05");
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

    #[test]
    fn invalid_input_is_an_error() {
        for tag in [
            "",
            " ",
            "-",
            "en_US",
            "i-klingon",
            "x-private",
            "deutsch!",
            "日本語",
        ] {
            match LocaleFormatter::new(tag, None) {
                Err(e @ FormatError::InvalidTag { .. }) => {
                    assert!(e.to_string().contains(&format!("`{tag}`")), "{e}");
                }
                other => panic!("{tag:?}: {other:?}"),
            }
        }
        for tag in ["xx-yy", "xx", "qaa", "tlh"] {
            match LocaleFormatter::new(tag, None) {
                Err(e @ FormatError::NoLocaleData { .. }) => {
                    assert!(e.to_string().contains(&format!("`{tag}`")), "{e}");
                }
                other => panic!("{tag:?}: {other:?}"),
            }
        }
        for nu in ["", "a b", "arabext-x", "toolongname"] {
            assert!(
                matches!(
                    LocaleFormatter::new("de", Some(nu)),
                    Err(FormatError::InvalidNumbering { .. })
                ),
                "{nu:?}"
            );
        }
        for (tag, nu) in [
            ("de", Some("xyz")),
            ("de", Some("roman")),
            ("ar-u-nu-foo", None),
        ] {
            assert!(
                matches!(
                    LocaleFormatter::new(tag, nu),
                    Err(FormatError::UnsupportedNumbering { .. })
                ),
                "{tag:?} {nu:?}"
            );
        }
    }

    #[test]
    fn odd_but_valid_tags_work() {
        for tag in [
            "und",
            "DE",
            " de ",
            "de-AT",
            "de-XK",
            "en-ZZ",
            "sr-Latn",
            "zh-Hant-TW",
        ] {
            let f = LocaleFormatter::new(tag, None).unwrap();
            assert!(!f.date_long(date(2026, 2, 5)).is_empty());
            assert_eq!(f.tag(), tag);
        }
        for (tag, nu) in [
            ("fa", "arabext"),
            ("de", "arab"),
            ("en", "deva"),
            ("uk", "latn"),
        ] {
            let f = LocaleFormatter::new(tag, Some(nu)).unwrap();
            assert!(!f.integer(2026).contains('2') || nu == "latn", "{tag} {nu}");
        }
    }

    /// Prints what readers see; run with `--nocapture`.
    #[test]
    fn print_samples() {
        let d = date(2026, 2, 5);
        let (a, b) = (time(18, 0, 0, 0), time(20, 0, 0, 0));
        for tag in ["de", "en", "ar", "fa", "uk", "tr", "ru"] {
            let f = fmt(tag);
            println!(
                "{tag}: {:?} | {:?} | {:?} | {:?} | {:?} | {:?}",
                f.date_long(d),
                f.date_medium(d),
                f.time(a),
                f.time_range(a, b),
                f.list_and(&["A", "B", "C"]),
                f.integer(1_234_567),
            );
        }
    }
}
