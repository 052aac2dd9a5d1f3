//! Lists and collation: joining words into a sentence and sorting them.

use std::cmp::Ordering;

use icu_collator::options::CollatorOptions;
use icu_collator::{CollatorBorrowed, CollatorPreferences};
use icu_list::options::{ListFormatterOptions, ListLength};
use icu_list::{ListFormatter, ListFormatterPreferences};
use icu_locale::Locale;

use super::{FormatError, data_error};

/// The list formatter and the collator of one language.
#[derive(Debug)]
pub(super) struct TextFormats {
    list_and: ListFormatter,
    collator: CollatorBorrowed<'static>,
}

impl TextFormats {
    /// The formatters for `locale` (configured as `tag`).
    pub(super) fn new(tag: &str, locale: &Locale) -> Result<Self, FormatError> {
        let list_and = ListFormatter::try_new_and(
            ListFormatterPreferences::from(locale),
            ListFormatterOptions::default().with_length(ListLength::Wide),
        )
        .map_err(|e| data_error(tag, "list", e))?;
        let collator = CollatorBorrowed::try_new(
            CollatorPreferences::from(locale),
            CollatorOptions::default(),
        )
        .map_err(|e| data_error(tag, "collation", e))?;
        Ok(Self { list_and, collator })
    }

    pub(super) fn list_and(&self, items: &[&str]) -> String {
        self.list_and.format(items.iter().copied()).to_string()
    }

    pub(super) fn compare(&self, a: &str, b: &str) -> Ordering {
        self.collator.compare(a, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::LocaleFormatter;

    fn fmt(tag: &str) -> LocaleFormatter {
        LocaleFormatter::new(tag, None).unwrap()
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
}
