//! Public and school holidays of the regions Wegweiser knows
//! ([`crate::config::Region`]).
//!
//! Public holidays follow the holiday laws: the nine days every German
//! Land keeps (Feiertagsgesetze; the same days the `opening-hours` crate
//! embeds for Germany from nager.date, which a test compares), plus Corpus
//! Christi in Rhineland-Palatinate (LFtG RP § 2) and Hesse (HFeiertagsG
//! § 1) and All Saints' Day in Rhineland-Palatinate. `Region::De` counts
//! only the nine common days. The movable feasts are computed from Easter
//! Sunday (the Gregorian computus).
//!
//! School holidays come from the data files beside this one (see their
//! first lines for the source and the years they cover). The crate embeds
//! no German school holidays.

use jiff::civil::Date;

use crate::config::Region;

/// The years for which public holidays are computed.
pub const YEARS: std::ops::RangeInclusive<i16> = 2020..=2060;

/// A public holiday: its message id (`holiday-<id>` in locales/) and its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Holiday {
    pub date: Date,
    pub id: &'static str,
}

/// When a holiday falls in a year.
enum Rule {
    Fixed(i8, i8),
    /// Days after Easter Sunday.
    Easter(i16),
}

/// The holidays: id, rule, and the regions that keep them (empty: all).
const HOLIDAYS: &[(&str, Rule, &[Region])] = &[
    ("new-year", Rule::Fixed(1, 1), &[]),
    ("good-friday", Rule::Easter(-2), &[]),
    ("easter-monday", Rule::Easter(1), &[]),
    ("labour-day", Rule::Fixed(5, 1), &[]),
    ("ascension-day", Rule::Easter(39), &[]),
    ("whit-monday", Rule::Easter(50), &[]),
    (
        "corpus-christi",
        Rule::Easter(60),
        &[Region::DeRp, Region::DeHe],
    ),
    ("german-unity-day", Rule::Fixed(10, 3), &[]),
    ("all-saints-day", Rule::Fixed(11, 1), &[Region::DeRp]),
    ("christmas-day", Rule::Fixed(12, 25), &[]),
    ("boxing-day", Rule::Fixed(12, 26), &[]),
];

/// Easter Sunday of `year` (Gregorian; the anonymous algorithm of Meeus,
/// Jones and Butcher).
pub fn easter(year: i16) -> Date {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // The algorithm gives March or April and a day of that month.
    Date::new(year, month as i8, day as i8).unwrap_or_default()
}

/// The public holidays of `region` in `year`, in date order.
pub fn public(region: Region, year: i16) -> Vec<Holiday> {
    let mut out: Vec<Holiday> = HOLIDAYS
        .iter()
        .filter(|(_, _, regions)| regions.is_empty() || regions.contains(&region))
        .filter_map(|(id, rule, _)| {
            let date = match rule {
                Rule::Fixed(m, d) => Date::new(year, *m, *d).ok()?,
                Rule::Easter(n) => easter(year).checked_add(jiff::Span::new().days(*n)).ok()?,
            };
            Some(Holiday { date, id })
        })
        .collect();
    out.sort();
    out
}

/// The public holidays of `region` from `from` up to (not including) `until`.
pub fn public_between(region: Region, from: Date, until: Date) -> Vec<Holiday> {
    (from.year()..=until.year())
        .flat_map(|y| public(region, y))
        .filter(|h| h.date >= from && h.date < until)
        .collect()
}

/// Rhineland-Palatinate's and Hesse's school holidays, one period a line.
const SCHOOL_DE_RP: &str = include_str!("school-holidays-DE-RP.txt");
const SCHOOL_DE_HE: &str = include_str!("school-holidays-DE-HE.txt");

/// The school holidays of `region` as (first day, last day) pairs; empty
/// where Wegweiser has no data.
pub fn school(region: Region) -> Vec<(Date, Date)> {
    match region {
        Region::DeRp => periods(SCHOOL_DE_RP),
        Region::DeHe => periods(SCHOOL_DE_HE),
        Region::De => Vec::new(),
    }
}

/// Reads a school-holiday file: `#` comments, else `FIRST LAST name` lines.
fn periods(text: &str) -> Vec<(Date, Date)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let first = parts.next()?.parse().ok()?;
            let last = parts.next()?.parse().ok()?;
            Some((first, last))
        })
        .collect()
}
