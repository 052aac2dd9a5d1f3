//! Numbers: digits and grouping, the numbering system, plural categories.

use icu_decimal::input::Decimal;
use icu_decimal::options::DecimalFormatterOptions;
use icu_decimal::{DecimalFormatter, DecimalFormatterPreferences};
use icu_locale::Locale;
use icu_locale::extensions::unicode::{Value, key};
use icu_locale::subtags::{Subtag, subtag};
use icu_plurals::{PluralCategory, PluralRules, PluralRulesPreferences};

use super::{FormatError, data_error};

/// The plural rules and the number formatter of one language.
#[derive(Debug)]
pub(super) struct NumberFormats {
    plurals: PluralRules,
    decimal: DecimalFormatter,
}

impl NumberFormats {
    /// The formatters for `locale` (configured as `tag`).
    pub(super) fn new(tag: &str, locale: &Locale) -> Result<Self, FormatError> {
        let plurals = PluralRules::try_new_cardinal(PluralRulesPreferences::from(locale))
            .map_err(|e| data_error(tag, "plural rules", e))?;
        let decimal = DecimalFormatter::try_new(
            DecimalFormatterPreferences::from(locale),
            DecimalFormatterOptions::default(),
        )
        .map_err(|e| data_error(tag, "number", e))?;
        Ok(Self { plurals, decimal })
    }

    pub(super) fn plural_category(&self, n: u64) -> &'static str {
        match self.plurals.category_for(n) {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }

    pub(super) fn integer(&self, n: i64) -> String {
        self.decimal.format(&Decimal::from(n)).to_string()
    }

    /// `tenths` / 10 with one digit after the decimal separator.
    pub(super) fn tenths(&self, tenths: i64) -> String {
        let mut d = Decimal::from(tenths);
        d.absolute.multiply_pow10(-1);
        d.absolute.pad_end(-1);
        self.decimal.format(&d).to_string()
    }
}

/// Sets the numbering system on `locale` (configured as `tag`): `numbering`,
/// else the tag's own `-u-nu-` keyword. ICU would silently ignore an unknown
/// one; it is rejected instead.
pub(super) fn apply_numbering(
    tag: &str,
    numbering: Option<&str>,
    locale: &mut Locale,
) -> Result<(), FormatError> {
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
    Ok(())
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

#[cfg(test)]
mod tests {
    use crate::i18n::LocaleFormatter;
    use jiff::civil::{date, time};

    fn fmt(tag: &str) -> LocaleFormatter {
        LocaleFormatter::new(tag, None).unwrap()
    }

    fn is_arabic_indic(c: char) -> bool {
        ('\u{0660}'..='\u{0669}').contains(&c)
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
}
