//! Date fields as people and browser editors write them: a quoted ISO date
//! or date-time (`"2027-06-30"`, `"2027-06-30T18:00:00+02:00"`, what a CMS
//! saves) is taken as the date it names; a date written the German way
//! (`30.06.2027`, quoted or not) is an error that shows the right form.

use std::str::FromStr;

use toml::de::{DeTable, DeValue};
use toml::value::Datetime;

use crate::diagnostics::{Diagnostic, SourceFile};
use crate::toml_input::{german_date, german_date_error};

/// Front-matter fields that hold a date or date-time, or a list of them.
const DATE_FIELDS: &[&str] = &[
    "updated",
    "review_by",
    "start",
    "end",
    "repeat_until",
    "except",
];

/// Front-matter fields that hold a list of tables, with the keys of those
/// tables that hold a date or date-time (an event's `sessions`, a
/// location's `closed` periods).
const TABLE_DATE_FIELDS: &[(&str, &[&str])] =
    &[("sessions", &["start", "end"]), ("closed", &["from", "to"])];

/// The date keys of the tables in the list field `name`, if it is one.
fn inner_dates(name: &str) -> Option<&'static [&'static str]> {
    TABLE_DATE_FIELDS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, keys)| *keys)
}

/// Turns quoted dates in the date fields of `table` into dates, and returns
/// an error for each date written the German way. `offset`: where the
/// front matter starts in `file`.
pub fn normalise(table: &mut DeTable<'_>, file: &SourceFile, offset: usize) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let mut one = |field: &str, v: &mut toml::Spanned<DeValue<'_>>| {
        let DeValue::String(s) = v.get_ref() else {
            return;
        };
        if let Some(iso) = german_date(s) {
            let span = v.span();
            let at = span.start + offset..span.end + offset;
            errors.push((at.start, german_date_error(&iso, field, file, at)));
        } else if let Ok(dt) = Datetime::from_str(s.trim()) {
            *v.get_mut() = DeValue::Datetime(dt);
        }
    };
    for (key, value) in table.iter_mut() {
        let name: &str = key.get_ref();
        match (value.get_mut(), inner_dates(name)) {
            (DeValue::Array(items), Some(keys)) => {
                for item in items.iter_mut() {
                    if let DeValue::Table(entry) = item.get_mut() {
                        for (k, v) in entry.iter_mut() {
                            if keys.contains(&&**k.get_ref()) {
                                one(k.get_ref(), v);
                            }
                        }
                    }
                }
            }
            (DeValue::Array(items), _) if DATE_FIELDS.contains(&name) => {
                items.iter_mut().for_each(|v| one(name, v));
            }
            _ if DATE_FIELDS.contains(&name) => one(name, value),
            _ => {}
        }
    }
    // In the order of the file (the table is ordered by key).
    errors.sort_by_key(|e| e.0);
    errors.into_iter().map(|e| e.1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalised(front: &str) -> (String, Vec<String>) {
        let file = SourceFile::new("x.md", front);
        let mut table = DeTable::parse(front).unwrap();
        let errors = normalise(table.get_mut(), &file, 0);
        let shown = table
            .get_ref()
            .iter()
            .map(|(k, v)| format!("{}={:?}", k.get_ref(), v.get_ref()))
            .collect::<Vec<_>>()
            .join(" ");
        (shown, errors.into_iter().map(|d| d.message()).collect())
    }

    #[test]
    fn quoted_iso_dates_become_dates() {
        let (shown, errors) = normalised(
            "review_by = \"2027-06-30\"\nstart = \"2027-06-30T18:00\"\nend = \"2027-06-30T20:00:00+02:00\"\nexcept = [\"2027-07-07\"]\nsessions = [{ start = \"2027-07-01T10:00\", end = 2027-07-01T12:00 }]\nclosed = [{ from = \"2027-07-20\", to = \"2027-08-14\", reason = \"2027-01-01\" }]\ntitle = \"2027-06-30\"\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert!(!shown.contains("review_by=String"), "{shown}");
        assert!(!shown.contains("start=String"), "{shown}");
        assert!(!shown.contains("end=String"), "{shown}");
        assert!(!shown.contains("String(\"2027-07-07\")"), "{shown}");
        assert!(!shown.contains("String(\"2027-07-01T10:00\")"), "{shown}");
        assert!(!shown.contains("String(\"2027-07-20\")"), "{shown}");
        assert!(!shown.contains("String(\"2027-08-14\")"), "{shown}");
        // A closure's reason is text, even when it looks like a date.
        assert!(shown.contains("String(\"2027-01-01\")"), "{shown}");
        // Not a date field: stays text.
        assert!(shown.contains("title=String(\"2027-06-30\")"), "{shown}");
    }

    #[test]
    fn german_dates_are_errors_with_the_right_form() {
        let (_, errors) = normalised(
            "review_by = \"30.06.2027\"\nexcept = [\"24.12.2027\"]\nclosed = [{ from = \"20.07.2027\", to = 2027-08-14 }]\n",
        );
        assert_eq!(
            errors,
            vec![
                "date must be written 2027-06-30",
                "date must be written 2027-12-24",
                "date must be written 2027-07-20",
            ]
        );
    }
}
