//! iCalendar (RFC 5545) files for events, written with the `icalendar` crate.
//!
//! Times carry `TZID` of the site's time zone, and every calendar carries a
//! `VTIMEZONE` generated from the zone's real transitions (jiff's tzdb), so
//! calendar apps place events right across summer and winter time. UIDs and
//! DTSTAMPs are derived from the content, never from the clock or randomness.
//!
//! Every TEXT value goes through `text` (escaping by the crate's writer),
//! every URI through `uri`, and the finished calendar is folded by
//! [`content_lines`], so no title, place or interface text can end a line and
//! start a property, event or calendar of its own.

use icalendar::{Calendar, Component, Event as IcalEvent, Property, ValueType};
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use super::content_lines;
use crate::content::{Attendance, EventTime};

/// What a calendar entry says about one event, in one language.
pub struct IcsEvent<'a> {
    pub slug: &'a str,
    pub summary: &'a str,
    pub description: Option<&'a str>,
    pub location: Option<String>,
    pub geo: Option<(f64, f64)>,
    /// Absolute URL of the event's page.
    pub url: String,
    pub online_url: Option<&'a str>,
    pub attendance: Attendance,
    pub time: &'a EventTime,
    /// When the entry last changed (DTSTAMP / LAST-MODIFIED).
    pub stamp: Timestamp,
}

/// Where the calendar is written for.
pub struct IcsContext<'a> {
    pub tz: &'a TimeZone,
    pub tz_name: &'a str,
    /// Host name of the site, the domain part of every UID.
    pub host: &'a str,
    /// `X-WR-CALNAME`, shown by calendar apps when subscribing.
    pub name: &'a str,
    /// BCP 47 tag of the text (`LANGUAGE` parameter).
    pub lang: &'a str,
}

fn local(dt: DateTime) -> String {
    dt.strftime("%Y%m%dT%H%M%S").to_string()
}

fn day(d: Date) -> String {
    d.strftime("%Y%m%d").to_string()
}

fn utc(ts: Timestamp) -> String {
    ts.strftime("%Y%m%dT%H%M%SZ").to_string()
}

fn tz_prop(key: &str, dt: DateTime, tz_name: &str) -> Property {
    let mut p = Property::new(key, local(dt));
    p.add_parameter("TZID", tz_name);
    p.done()
}

fn date_prop(key: &str, d: Date) -> Property {
    let mut p = Property::new(key, day(d));
    p.add_parameter("VALUE", "DATE");
    p.done()
}

/// The one way a TEXT value (RFC 5545 §3.3.11) enters a calendar: every
/// NAME, X-WR-CALNAME, SUMMARY, DESCRIPTION and LOCATION is made here.
///
/// The crate's writer escapes `\`, `;`, `,` and newlines of the properties
/// it knows as TEXT, and folds every line at 75 octets on a character
/// boundary (RFC 5545 §3.1); for a property it does not know as TEXT (e.g.
/// RFC 7986 `NAME`) an explicit `VALUE=TEXT` makes it escape that one too.
/// Before that, control characters go (crate::text) and a CR, which the
/// crate would write raw, becomes the newline it means.
fn text(key: &str, value: &str, lang: Option<&str>) -> Property {
    let value = crate::text::strip_controls(value)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let mut p = Property::new(key, value);
    if p.value_type() != Some(ValueType::Text) {
        p.add_parameter("VALUE", "TEXT");
    }
    if let Some(l) = lang {
        p.add_parameter("LANGUAGE", l);
    }
    p.done()
}

/// A URI value (URL): written unescaped, so it must not hold a line break.
fn uri(key: &str, value: &str) -> Property {
    Property::new(key, crate::text::uri(value))
}

/// The VEVENTs of one event: one per session, one for an all-day span, one
/// with RRULE/EXDATE for a recurring event.
fn vevents(e: &IcsEvent, ctx: &IcsContext) -> Vec<IcalEvent> {
    let base = |uid: String| {
        let mut v = IcalEvent::new();
        v.uid(&uid);
        v.add_property("DTSTAMP", utc(e.stamp));
        v.add_property("LAST-MODIFIED", utc(e.stamp));
        v.append_property(text("SUMMARY", e.summary, Some(ctx.lang)));
        let mut description = e.description.unwrap_or("").to_string();
        if let Some(u) = e.online_url {
            description.push_str(&format!("\n\n{u}"));
        }
        description.push_str(&format!("\n\n{}", e.url));
        v.append_property(text(
            "DESCRIPTION",
            description.trim_start(),
            Some(ctx.lang),
        ));
        v.append_property(uri("URL", &e.url));
        match (&e.location, e.attendance, e.online_url) {
            (Some(l), _, _) => {
                v.append_property(text("LOCATION", l, Some(ctx.lang)));
            }
            (None, Attendance::Online, Some(u)) => {
                v.append_property(text("LOCATION", u, None));
            }
            _ => {}
        }
        if let Some((lat, lon)) = e.geo {
            v.add_property("GEO", format!("{lat};{lon}"));
        }
        v
    };
    match e.time {
        EventTime::Sessions(sessions) => sessions
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut v = base(format!("{}-{}@{}", e.slug, i + 1, ctx.host));
                v.append_property(tz_prop("DTSTART", s.start, ctx.tz_name));
                v.append_property(tz_prop("DTEND", s.end, ctx.tz_name));
                v.done()
            })
            .collect(),
        EventTime::AllDay { start, end } => {
            let mut v = base(format!("{}@{}", e.slug, ctx.host));
            v.append_property(date_prop("DTSTART", *start));
            // DTEND of an all-day event is exclusive: the day after the last.
            v.append_property(date_prop("DTEND", end.checked_add(1.day()).unwrap_or(*end)));
            vec![v.done()]
        }
        EventTime::Recurring { first, rule, .. } => {
            let mut v = base(format!("{}@{}", e.slug, ctx.host));
            v.append_property(tz_prop("DTSTART", first.start, ctx.tz_name));
            v.append_property(tz_prop("DTEND", first.end, ctx.tz_name));
            // UNTIL must be UTC when DTSTART has a TZID: the end of the last
            // day. The content checks refuse a `repeat_until` the zone cannot
            // place (content/assemble/event.rs), so the fallback is not used.
            let until = rule.until_instant(ctx.tz).unwrap_or(Timestamp::MAX);
            v.add_property(
                "RRULE",
                format!("{};UNTIL={}", rule.rrule_parts(), utc(until)),
            );
            for d in &rule.except {
                v.append_multi_property(tz_prop(
                    "EXDATE",
                    d.to_datetime(first.start.time()),
                    ctx.tz_name,
                ));
            }
            vec![v.done()]
        }
    }
}

/// A `VTIMEZONE` for the years `from..=to`, one observance per real
/// transition of the zone (RFC 5545 §3.6.5 allows explicit DTSTARTs).
pub fn vtimezone(tz: &TimeZone, tz_name: &str, from: i16, to: i16) -> String {
    let mut out = format!("BEGIN:VTIMEZONE\r\nTZID:{tz_name}\r\n");
    let start = Date::new(from, 1, 1)
        .ok()
        .and_then(|d| d.to_zoned(tz.clone()).ok());
    let end = Date::new(to.saturating_add(1), 1, 1)
        .ok()
        .and_then(|d| d.to_zoned(tz.clone()).ok());
    let mut wrote = false;
    if let (Some(start), Some(end)) = (&start, &end) {
        for t in tz.following(start.timestamp()) {
            if t.timestamp() >= end.timestamp() {
                break;
            }
            let before = tz.to_offset(t.timestamp() - 1.second());
            let after = t.offset();
            // DTSTART of an observance is local time in the offset before it.
            let local_start = before.to_datetime(t.timestamp());
            let kind = if t.dst().is_dst() {
                "DAYLIGHT"
            } else {
                "STANDARD"
            };
            out.push_str(&format!(
                "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\nTZNAME:{}\r\nEND:{kind}\r\n",
                local(local_start),
                ical_offset(before),
                ical_offset(after),
                t.abbreviation()
            ));
            wrote = true;
        }
    }
    if !wrote {
        // A zone without transitions in the range: one fixed observance.
        let now = start
            .as_ref()
            .map(|s| s.timestamp())
            .unwrap_or(Timestamp::UNIX_EPOCH);
        let off = tz.to_offset(now);
        out.push_str(&format!(
            "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:{0}\r\nTZOFFSETTO:{0}\r\nEND:STANDARD\r\n",
            ical_offset(off)
        ));
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

fn ical_offset(o: jiff::tz::Offset) -> String {
    let secs = o.seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    let a = secs.unsigned_abs();
    format!("{sign}{:02}{:02}", a / 3600, (a % 3600) / 60)
}

fn years(time: &EventTime) -> (i16, i16) {
    (time.first_day().year(), time.last_day().year())
}

/// One event's VEVENTs, written and folded once in one language (the
/// `lang`, `host` and time zone of a context; not its `name`), with the
/// years it spans: the same bytes in the event's own `.ics`, the language's
/// `events.ics` and every term calendar that lists it.
pub struct IcsEntry {
    text: String,
    years: (i16, i16),
}

/// The calendar entry of `e`.
pub fn entry(e: &IcsEvent, ctx: &IcsContext) -> IcsEntry {
    let mut text = String::new();
    for v in vevents(e, ctx) {
        // Writing into a String cannot fail.
        let _ = v.fmt_write(&mut text);
    }
    // The crate folds the last piece of a long line at 76 octets
    // (icalendar 0.17.17): every line is folded again by our rule.
    IcsEntry {
        text: content_lines::refold(&text),
        years: years(e.time),
    }
}

/// A calendar with the given events (one event page's `.ics`, or a
/// language's `events.ics`).
pub fn calendar(events: &[IcsEvent], ctx: &IcsContext) -> String {
    let entries: Vec<IcsEntry> = events.iter().map(|e| entry(e, ctx)).collect();
    calendar_of(&entries.iter().collect::<Vec<_>>(), ctx)
}

/// A calendar of entries made by [`entry`] in the same language: the
/// calendar's own lines, a `VTIMEZONE` for the years they span (the crate
/// writes none, see module docs), the entries, the end.
pub fn calendar_of(entries: &[&IcsEntry], ctx: &IcsContext) -> String {
    let mut cal = Calendar::new();
    // Not `Calendar::name`: it writes NAME unescaped.
    cal.append_property(text("NAME", ctx.name, Some(ctx.lang)));
    cal.append_property(text("X-WR-CALNAME", ctx.name, None));
    cal.append_property(Property::new("X-WR-TIMEZONE", ctx.tz_name));
    let head = cal.done().to_string();
    let head = head.strip_suffix(END).unwrap_or(&head);
    let mut out = content_lines::refold(head);
    // (Only where a VEVENT follows: an event without sessions writes none.)
    let any = entries.iter().any(|e| !e.text.is_empty());
    let span = entries
        .iter()
        .map(|e| e.years)
        .reduce(|(x, y), (a, b)| (x.min(a), y.max(b)))
        .filter(|_| any);
    if let Some((from, to)) = span {
        out.push_str(&content_lines::refold(&vtimezone(
            ctx.tz,
            ctx.tz_name,
            from,
            to,
        )));
    }
    for e in entries {
        out.push_str(&e.text);
    }
    out.push_str(END);
    out
}

/// The calendar's last line.
const END: &str = "END:VCALENDAR\r\n";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Session;
    use jiff::civil::date;

    fn berlin<'a>(tz: &'a TimeZone, name: &'a str) -> IcsContext<'a> {
        IcsContext {
            tz,
            tz_name: "Europe/Berlin",
            host: "x.example.org",
            name,
            lang: "de",
        }
    }

    #[test]
    fn vtimezone_has_both_2026_transitions_of_berlin() {
        let tz = TimeZone::get("Europe/Berlin").unwrap();
        let v = vtimezone(&tz, "Europe/Berlin", 2026, 2026);
        assert!(v.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST"), "{v}");
        assert!(v.contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET"), "{v}");
    }

    #[test]
    fn sessions_become_vevents_with_stable_uids() {
        let tz = TimeZone::get("Europe/Berlin").unwrap();
        let time = EventTime::Sessions(vec![
            Session {
                start: date(2026, 11, 10).at(10, 0, 0, 0),
                end: date(2026, 11, 10).at(15, 0, 0, 0),
            },
            Session {
                start: date(2026, 11, 11).at(11, 0, 0, 0),
                end: date(2026, 11, 11).at(16, 30, 0, 0),
            },
        ]);
        let e = IcsEvent {
            slug: "markt",
            summary: "Markt, mit Komma; und Semikolon",
            description: None,
            location: Some("Zukunftswerk".into()),
            geo: Some((50.08, 8.24)),
            url: "https://x.example.org/de/events/markt/".into(),
            online_url: None,
            attendance: Attendance::InPerson,
            time: &time,
            stamp: "2026-10-30T00:00:00Z".parse().unwrap(),
        };
        let a = calendar(&[e], &berlin(&tz, "Test"));
        assert_eq!(a.matches("BEGIN:VEVENT").count(), 2);
        assert!(a.contains("UID:markt-1@x.example.org") && a.contains("UID:markt-2@x.example.org"));
        assert!(
            a.contains("DTSTART;TZID=Europe/Berlin:20261111T110000"),
            "{a}"
        );
        assert!(a.contains("DTSTAMP:20261030T000000Z"));
        assert!(
            a.contains(r"SUMMARY;LANGUAGE=de:Markt\, mit Komma\; und Semikolon"),
            "{a}"
        );
        assert!(a.find("BEGIN:VTIMEZONE").unwrap() < a.find("BEGIN:VEVENT").unwrap());
    }

    #[test]
    fn hostile_text_cannot_start_a_second_calendar() {
        let tz = TimeZone::get("Europe/Berlin").unwrap();
        let time = EventTime::AllDay {
            start: date(2026, 5, 1),
            end: date(2026, 5, 1),
        };
        let evil = "X\r\nEND:VCALENDAR\rBEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Fake\u{7}\u{c}\u{1b}\u{b}\u{9b}";
        let long = format!("{}; \\ ,", "Grüße 中文 😀 ".repeat(10));
        let e = IcsEvent {
            slug: "x",
            summary: evil,
            description: Some(&long),
            location: Some(evil.into()),
            geo: None,
            url: "https://x.example.org/de/events/x/\r\nBEGIN:VEVENT".into(),
            online_url: None,
            attendance: Attendance::InPerson,
            time: &time,
            stamp: "2026-04-30T00:00:00Z".parse().unwrap(),
        };
        let a = calendar(&[e], &berlin(&tz, evil));
        let lines: Vec<&str> = a.trim_end_matches("\r\n").split("\r\n").collect();
        let starting = |p: &str| lines.iter().filter(|l| l.starts_with(p)).count();
        assert_eq!(starting("BEGIN:VCALENDAR"), 1, "{a}");
        assert_eq!(starting("END:VCALENDAR"), 1, "{a}");
        assert_eq!(starting("BEGIN:VEVENT"), 1, "{a}");
        assert_eq!(starting("BEGIN:VTIMEZONE"), 1, "{a}");
        assert!(!a.chars().any(crate::text::is_removed), "{a:?}");
        for l in &lines {
            assert!(l.len() <= 75 && !l.contains(['\r', '\n']), "{l:?}");
        }
        let unfolded = a.replace("\r\n ", "");
        let escaped = r"X\nEND:VCALENDAR\nBEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Fake";
        for prop in [
            "NAME;LANGUAGE=de;VALUE=TEXT",
            "X-WR-CALNAME",
            "SUMMARY;LANGUAGE=de",
            "LOCATION;LANGUAGE=de",
        ] {
            assert!(
                unfolded.contains(&format!("\r\n{prop}:{escaped}\r\n")),
                "{prop}: {unfolded}"
            );
        }
        assert!(unfolded.contains(r"\; \\ \,"), "{unfolded}");
        assert!(unfolded.contains("\r\nURL:https://x.example.org/de/events/x/BEGIN:VEVENT\r\n"));
        assert!(
            unfolded.find("BEGIN:VTIMEZONE").unwrap() < unfolded.find("\r\nBEGIN:VEVENT").unwrap()
        );
    }
}
