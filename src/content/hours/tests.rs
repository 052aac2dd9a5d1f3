use jiff::civil::date;

use super::holidays::{self, Holiday};
use super::*;

const BERLIN: &str = "Europe/Berlin";

fn tz() -> TimeZone {
    TimeZone::get(BERLIN).expect("jiff bundles the tz database")
}

#[test]
fn national_holidays_equal_the_crates_data_for_germany() {
    // The crate embeds nager.date's German holidays: country-wide ones in
    // `holidays()`, the regional ones in `holidays_regional()`.
    let national = opening_hours::localization::Country::DE.holidays();
    let regional = opening_hours::localization::Country::DE.holidays_regional();
    for year in 2024..=2035 {
        let ours: Vec<_> = holidays::public(Region::De, year)
            .into_iter()
            .map(|h| naive_date(h.date))
            .collect();
        let theirs: Vec<_> = national
            .get_public()
            .iter()
            .filter(|d| chrono::Datelike::year(d) == i32::from(year))
            .collect();
        assert_eq!(ours, theirs, "{year}");
        for h in holidays::public(Region::DeRp, year) {
            let d = naive_date(h.date);
            assert!(
                national.get_public().contains(d) || regional.get_public().contains(d),
                "{h:?} is not a German holiday in the crate's data"
            );
        }
    }
}

#[test]
fn rhineland_palatinate_keeps_corpus_christi_and_all_saints() {
    let rp = holidays::public(Region::DeRp, 2026);
    let he = holidays::public(Region::DeHe, 2026);
    let has = |v: &[Holiday], d: Date, id: &str| v.iter().any(|h| h.date == d && h.id == id);
    assert!(has(&rp, date(2026, 6, 4), "corpus-christi"));
    assert!(has(&rp, date(2026, 11, 1), "all-saints-day"));
    assert!(has(&he, date(2026, 6, 4), "corpus-christi"));
    assert!(!he.iter().any(|h| h.id == "all-saints-day"));
    assert_eq!(rp.len(), 11);
    assert_eq!(holidays::easter(2027), date(2027, 3, 28));
}

#[test]
fn school_holidays_of_rhineland_palatinate_are_known() {
    let hours = Hours::parse("Mo-Fr 08:00-12:00; SH off", Some(Region::DeRp)).unwrap();
    // Herbstferien 2026: 5 to 16 October.
    assert!(!hours.is_open(date(2026, 10, 5).at(9, 0, 0, 0)));
    assert!(!hours.is_open(date(2026, 10, 16).at(9, 0, 0, 0)));
    assert!(hours.is_open(date(2026, 10, 19).at(9, 0, 0, 0)));
    assert!(hours.is_open(date(2026, 10, 2).at(9, 0, 0, 0)));
    // Christmas holidays end on Friday 8 January 2027.
    assert!(!hours.is_open(date(2027, 1, 8).at(9, 0, 0, 0)));
    assert!(hours.is_open(date(2027, 1, 11).at(9, 0, 0, 0)));
    assert!(holidays::school(Region::De).is_empty());
}

#[test]
fn school_holidays_of_hesse_are_known() {
    let hours = Hours::parse("Mo-Fr 08:00-12:00; SH off", Some(Region::DeHe)).unwrap();
    // The "Hessenwoche": Christmas holidays 2026/27 last to Tuesday 12 January.
    assert!(!hours.is_open(date(2027, 1, 12).at(9, 0, 0, 0)));
    assert!(hours.is_open(date(2027, 1, 13).at(9, 0, 0, 0)));
    // Herbstferien 2026: 5 to 17 October; Rhineland-Palatinate's end a day
    // earlier, on the Friday.
    assert!(!hours.is_open(date(2026, 10, 16).at(9, 0, 0, 0)));
    assert!(hours.is_open(date(2026, 10, 19).at(9, 0, 0, 0)));
    // Every period in order, none longer than seven weeks.
    let periods = holidays::school(Region::DeHe);
    assert_eq!(periods.len(), 22);
    for pair in periods.windows(2) {
        assert!(pair[0].1 < pair[1].0, "{pair:?}");
    }
    for (first, last) in periods {
        assert!(
            first <= last && (last - first).get_days() < 50,
            "{first}..{last}"
        );
    }
}

#[test]
fn a_public_holiday_is_closed_and_listed() {
    let hours = Hours::parse("Mo-Fr 09:00-12:00; PH off", Some(Region::DeRp)).unwrap();
    // Friday 25 December 2026: Christmas Day; All Saints' Day 2027 is a Monday.
    assert!(!hours.is_open(date(2026, 12, 25).at(10, 0, 0, 0)));
    assert!(hours.is_open(date(2026, 12, 24).at(10, 0, 0, 0)));
    let closures = hours.holiday_closures(date(2026, 12, 1), 40);
    let ids: Vec<_> = closures.iter().map(|h| (h.date, h.id)).collect();
    // 26 December 2026 is a Saturday: not open anyway, so not listed.
    assert_eq!(
        ids,
        [
            (date(2026, 12, 25), "christmas-day"),
            (date(2027, 1, 1), "new-year")
        ]
    );
    // Without a region nothing is a holiday.
    let plain = Hours::parse("Mo-Fr 09:00-12:00; PH off", None).unwrap();
    assert!(plain.is_open(date(2026, 12, 25).at(10, 0, 0, 0)));
    assert!(plain.holiday_closures(date(2026, 12, 1), 40).is_empty());
}

#[test]
fn the_week_is_the_regular_schedule() {
    let hours = Hours::parse(
        "Mo-Fr 09:00-12:00; Th 14:00-18:00; PH off",
        Some(Region::DeRp),
    )
    .unwrap();
    // The week of Christmas 2026: the holiday does not change the table.
    let week = hours.week(date(2026, 12, 21));
    assert_eq!(week[0], [(540, 720)]);
    assert_eq!(
        week[3],
        [(840, 1080)],
        "a later normal rule replaces the day"
    );
    assert_eq!(week[4], [(540, 720)]);
    assert!(week[5].is_empty() && week[6].is_empty());
    let late = Hours::parse("Sa 18:00-24:00", None).unwrap();
    assert_eq!(late.week(date(2026, 12, 21))[5], [(1080, 1440)]);
}

#[test]
fn syntax_errors_point_into_the_value() {
    let e = Hours::parse("Mo-Fr 09:00-12:00; Xy 10:00-11:00", None).unwrap_err();
    assert_eq!(e.offset, 19, "{e:?}");
    assert!(!e.message.is_empty());
    let e = Hours::parse("Mo-Fr 9-12 Uhr", None).unwrap_err();
    assert!(e.offset > 0 && e.offset <= "Mo-Fr 9-12 Uhr".len(), "{e:?}");
}

/// Every minute of a week: open per the interval list exactly when the
/// crate says open at that minute's local time.
fn assert_intervals_match(hours: &Hours, monday: Date) {
    let tz = tz();
    let from = monday.to_zoned(tz.clone()).unwrap().timestamp();
    let to = monday
        .checked_add(jiff::Span::new().days(7))
        .unwrap()
        .to_zoned(tz.clone())
        .unwrap()
        .timestamp();
    let list = hours.open_intervals(&tz, from, to);
    assert!(!list.is_empty());
    assert!(
        list.windows(2).all(|w| w[0].1 < w[1].0),
        "sorted, disjoint: {list:?}"
    );
    let (lo, hi) = (epoch_minute(from), epoch_minute(to));
    for m in lo..hi {
        let local = tz.to_datetime(jiff::Timestamp::from_second(m * 60).unwrap());
        let listed = list.iter().any(|&(a, b)| a <= m && m < b);
        assert_eq!(listed, hours.is_open(local), "minute {m} = {local} local");
    }
}

#[test]
fn the_interval_list_equals_the_crates_evaluation_across_dst_changes() {
    let hours = Hours::parse(
        "Mo-Fr 09:00-12:00; Th 14:00-18:00; Sa 22:00-24:00; Su 00:00-01:30,01:45-04:00; PH off",
        Some(Region::DeRp),
    )
    .unwrap();
    // Clocks go back on Sunday 25 October 2026 and forward on 28 March 2027.
    assert_intervals_match(&hours, date(2026, 10, 19));
    assert_intervals_match(&hours, date(2027, 3, 22));
    // A week with a holiday (Christmas Day) and opening times across midnight.
    let late = Hours::parse("Mo-Sa 20:00-02:00; PH off", Some(Region::DeRp)).unwrap();
    assert_intervals_match(&late, date(2026, 12, 21));
    // The Sunday of the autumn change: 00:00 to 04:00 local is five hours.
    let tz = tz();
    let day = date(2026, 10, 25);
    let from = day.to_zoned(tz.clone()).unwrap().timestamp();
    let to = from + jiff::SignedDuration::from_hours(24);
    let sunday: Vec<_> = hours.open_intervals(&tz, from, to);
    let total: i64 = sunday.iter().map(|(a, b)| b - a).sum();
    assert_eq!(total, 90 + 135 + 60, "{sunday:?}");
}

#[test]
fn a_start_in_the_skipped_hour_opens_at_the_change() {
    // 28 March 2027: 02:00 to 03:00 does not exist in Berlin.
    let hours = Hours::parse("Su 02:30-05:00", None).unwrap();
    let tz = tz();
    let from = date(2027, 3, 28).to_zoned(tz.clone()).unwrap().timestamp();
    let to = from + jiff::SignedDuration::from_hours(23);
    let list = hours.open_intervals(&tz, from, to);
    let change = jiff::Timestamp::from_second(1_806_195_600).unwrap(); // 2027-03-28T01:00Z
    assert_eq!(
        list,
        [(epoch_minute(change), epoch_minute(change) + 120)],
        "03:00 to 05:00 CEST"
    );
}
