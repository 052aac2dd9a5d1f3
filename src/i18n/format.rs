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
//! # Parts
//!
//! Dates and times (always Gregorian) are in `dates`, lists and collation
//! in `text`, numbers, numbering systems and plural categories in
//! `numbers`; this module holds the formatter that combines them.

mod dates;
mod numbers;
mod text;

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::path::Path;

use icu_locale::Locale;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};

use dates::DateFormats;
use numbers::NumberFormats;
use text::TextFormats;

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
    dates: DateFormats,
    text: TextFormats,
    numbers: NumberFormats,
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
        numbers::apply_numbering(tag, numbering, &mut locale)?;
        Ok(Self {
            tag: tag.to_owned(),
            dates: DateFormats::new(tag, &locale)?,
            text: TextFormats::new(tag, &locale)?,
            numbers: NumberFormats::new(tag, &locale)?,
        })
    }

    /// The tag this formatter was built for, as given to [`LocaleFormatter::new`].
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// Long date with weekday, always Gregorian, e.g. de "Donnerstag,
    /// 5. Februar 2026".
    pub fn date_long(&self, d: jiff::civil::Date) -> String {
        self.dates.date_long(d)
    }

    /// Long date without weekday, e.g. de "14. April 2026", always Gregorian.
    pub fn date_plain(&self, d: jiff::civil::Date) -> String {
        self.dates.date_plain(d)
    }

    /// The weekday's name alone (standalone form where the language has
    /// one), e.g. de "Dienstag", uk "вівторок".
    pub fn weekday(&self, d: jiff::civil::Date) -> String {
        self.dates.weekday(d)
    }

    /// Medium date without weekday (ICU's medium year-month-day), e.g. de
    /// "05.02.2026", always Gregorian.
    pub fn date_medium(&self, d: jiff::civil::Date) -> String {
        self.dates.date_medium(d)
    }

    /// Hour and minute in the locale's convention ("18:00", "6:00 PM").
    pub fn time(&self, t: jiff::civil::Time) -> String {
        self.dates.time(t)
    }

    /// A time interval on one day in the locale's convention, using CLDR's
    /// interval patterns: de "18:00–20:00", en "6:00 – 8:00 PM" (shared
    /// day period written once, thin spaces around the dash), fa
    /// "۱۸:۰۰ تا ۲۰:۰۰".
    ///
    /// Uses ICU4X's range formatter, which is behind icu_datetime's
    /// `unstable` feature; that is why Cargo.toml pins icu_datetime to `~2.4`.
    pub fn time_range(&self, a: jiff::civil::Time, b: jiff::civil::Time) -> String {
        self.dates.time_range(a, b)
    }

    /// A conjunction list, e.g. de "A, B und C" (CLDR "and" list, wide).
    ///
    /// A few languages have date data but no list data in ICU (e.g. "ckb",
    /// "mi"); they get the root pattern "A, B, C".
    pub fn list_and(&self, items: &[&str]) -> String {
        self.text.list_and(items)
    }

    /// Collation comparison in this language (default strength), for sorting
    /// names and labels.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.text.compare(a, b)
    }

    /// CLDR cardinal plural category of an integer count, spelled as Fluent
    /// does: "zero", "one", "two", "few", "many" or "other".
    pub fn plural_category(&self, n: u64) -> &'static str {
        self.numbers.plural_category(n)
    }

    /// Integer in the locale's digits and grouping, e.g. fa "۱۲۳", de "12.345".
    pub fn integer(&self, n: i64) -> String {
        self.numbers.integer(n)
    }

    /// A number of tenths as a decimal with one fraction digit, e.g. 12 →
    /// de "1,2", ar (Arabic-Indic digits) "١٫٢".
    pub fn tenths(&self, tenths: i64) -> String {
        self.numbers.tenths(tenths)
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

/// A number and date formatter per language; a language ICU4X cannot format
/// for is an error in site.toml.
pub fn formatters(config: &SiteConfig, ds: &mut Diagnostics) -> BTreeMap<String, LocaleFormatter> {
    let mut formatters = BTreeMap::new();
    for l in &config.languages {
        match LocaleFormatter::new(&l.tag_str(), l.numbering.as_deref()) {
            Ok(f) => {
                formatters.insert(l.key.clone(), f);
            }
            Err(e) => ds.push(
                Diagnostic::error("language-formatting-data")
                    .arg("key", l.key.as_str())
                    .arg("detail", e.to_string())
                    .at_path(Path::new(crate::layout::CONFIG_FILE)),
            ),
        }
    }
    formatters
}

#[cfg(test)]
mod tests {
    use super::*;
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
