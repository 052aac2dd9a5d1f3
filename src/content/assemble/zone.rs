//! Local times against the site's time zone: a time the clocks skip (the
//! spring-forward gap) or pass twice (the fold when summer time ends) has no
//! single meaning. Pages, JSON-LD and calendar apps would each guess another
//! one, so such a time is an error, explained with the hour that is skipped
//! or repeated and the valid times on either side of it.

use jiff::ToSpan;
use jiff::civil::DateTime;
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};

use crate::tool_text::Msg;

/// Why a local time has no single instant in the site's zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Unclear {
    /// The clocks jump from `from` to `to`: the times in between do not exist.
    Gap {
        from: DateTime,
        to: DateTime,
        /// Whether summer time begins (rather than a change of the zone's offset).
        summer_begins: bool,
    },
    /// The clocks go back from `to` to `from`: the times in between happen
    /// twice, first with the offset `first`, then with `second`.
    Fold {
        from: DateTime,
        to: DateTime,
        first: Named,
        second: Named,
    },
    /// Outside the range of dates the zone can place (around the year 9999).
    OutOfRange,
}

/// An offset, with the name of its season when the change is one of
/// summer time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Named {
    pub offset: Offset,
    /// "summer time" or "winter time"; `None` when the zone changed its
    /// offset for another reason.
    pub season: Option<&'static str>,
}

impl std::fmt::Display for Named {
    /// "summer time (+02:00)", "winter time (+01:00)", or "+05:30".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let o = self.offset.seconds();
        let sign = if o < 0 { '-' } else { '+' };
        let (h, m) = (o.unsigned_abs() / 3600, o.unsigned_abs() % 3600 / 60);
        match self.season {
            Some(season) => write!(f, "{season} ({sign}{h:02}:{m:02})"),
            None => write!(f, "{sign}{h:02}:{m:02}"),
        }
    }
}

impl Named {
    /// The offset with its season, in the reader's language.
    pub(super) fn msg(&self) -> Msg {
        let o = self.offset.seconds();
        let sign = if o < 0 { '-' } else { '+' };
        let (h, m) = (o.unsigned_abs() / 3600, o.unsigned_abs() % 3600 / 60);
        let offset = format!("{sign}{h:02}:{m:02}");
        match self.season {
            Some("summer time") => Msg::new("offset-summer").arg("offset", offset),
            Some(_) => Msg::new("offset-winter").arg("offset", offset),
            None => Msg::new("offset-plain").arg("offset", offset),
        }
    }
}

/// Names for the offsets before and after a change: summer and winter time
/// if exactly one of them is summer time.
fn seasons(
    summer_before: bool,
    summer_after: bool,
) -> (Option<&'static str>, Option<&'static str>) {
    let name = |summer| if summer { "summer time" } else { "winter time" };
    if summer_before == summer_after {
        (None, None)
    } else {
        (Some(name(summer_before)), Some(name(summer_after)))
    }
}

/// `None` if `dt` is exactly one instant in `tz`, else why it is not.
pub(super) fn unclear(dt: DateTime, tz: &TimeZone) -> Option<Unclear> {
    let ambiguous = tz.to_ambiguous_timestamp(dt);
    let (before, after) = match ambiguous.offset() {
        AmbiguousOffset::Unambiguous { .. } => {
            return ambiguous.compatible().err().map(|_| Unclear::OutOfRange);
        }
        AmbiguousOffset::Gap { before, after } | AmbiguousOffset::Fold { before, after } => {
            (before, after)
        }
    };
    // The transition is the first one after the earlier of the two readings
    // of `dt` (see the module tests for both directions).
    let earlier = match (before.to_timestamp(dt), after.to_timestamp(dt)) {
        (Ok(a), Ok(b)) => a.min(b),
        _ => return Some(Unclear::OutOfRange),
    };
    let Some(t) = tz.following(earlier).next() else {
        return Some(Unclear::OutOfRange);
    };
    let (on_before, on_after) = (
        before.to_datetime(t.timestamp()),
        after.to_datetime(t.timestamp()),
    );
    // Whether summer time was in force just before the change and after it.
    let just_before = t
        .timestamp()
        .checked_sub(1.second())
        .unwrap_or(t.timestamp());
    let summer_before = tz.to_offset_info(just_before).dst().is_dst();
    let summer_after = t.dst().is_dst();
    Some(if on_after > on_before {
        Unclear::Gap {
            from: on_before,
            to: on_after,
            summer_begins: summer_after && !summer_before,
        }
    } else {
        let (first, second) = seasons(summer_before, summer_after);
        Unclear::Fold {
            from: on_after,
            to: on_before,
            first: Named {
                offset: before,
                season: first,
            },
            second: Named {
                offset: after,
                season: second,
            },
        }
    })
}

/// `2027-03-28 02:30`, as the messages show a local time.
pub(super) fn shown(dt: DateTime) -> String {
    dt.strftime("%Y-%m-%d %H:%M").to_string()
}

/// `02:30`.
pub(super) fn clock(dt: DateTime) -> String {
    dt.strftime("%H:%M").to_string()
}

/// `2027-03-28T01:59`, as an editor writes it in front matter.
pub(super) fn written(dt: DateTime) -> String {
    dt.strftime("%Y-%m-%dT%H:%M").to_string()
}

impl Unclear {
    /// What is wrong with the local time `dt` of `field`, in one sentence.
    pub(super) fn message(&self, field: &str, dt: DateTime, tz_name: &str) -> Msg {
        let base = |id| {
            Msg::new(id)
                .arg("field", field)
                .arg("at", shown(dt))
                .arg("zone", tz_name)
        };
        match self {
            Unclear::Gap {
                from,
                to,
                summer_begins,
            } => base("time-skipped")
                .arg("from", clock(*from))
                .arg("to", clock(*to))
                .arg("summer", if *summer_begins { "yes" } else { "no" }),
            Unclear::Fold {
                from,
                to,
                first,
                second,
            } => base("time-twice")
                .arg("first", first.msg())
                .arg("second", second.msg())
                .arg("from", clock(*to))
                .arg("to", clock(*from)),
            Unclear::OutOfRange => base("time-too-far"),
        }
    }

    /// The valid times on either side of the skipped or repeated hour, as
    /// `(last before, first after)`; `None` for [`Unclear::OutOfRange`].
    pub(super) fn choices(&self) -> Option<(DateTime, DateTime)> {
        match self {
            Unclear::Gap { from, to, .. } | Unclear::Fold { from, to, .. } => {
                Some((from.checked_sub(1.minute()).ok()?, *to))
            }
            Unclear::OutOfRange => None,
        }
    }

    /// How to fix `field`: the two valid times nearest to the unclear one.
    pub(super) fn fix(&self, field: &str) -> Msg {
        let id = match self {
            Unclear::Fold { .. } => "time-choose-twice",
            _ => "time-choose",
        };
        match self.choices() {
            Some((before, after)) => Msg::new(id)
                .arg(
                    "before",
                    clock(before.checked_add(1.minute()).unwrap_or(before)),
                )
                .arg("after", clock(after))
                .arg("field", field)
                .arg("before_written", written(before))
                .arg("after_written", written(after)),
            None => Msg::new("check-the-year"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn berlin() -> TimeZone {
        TimeZone::get("Europe/Berlin").unwrap()
    }

    #[test]
    fn spring_forward_gap_names_the_times_around_it() {
        let dt = date(2027, 3, 28).at(2, 30, 0, 0);
        let u = unclear(dt, &berlin()).unwrap();
        assert_eq!(
            u,
            Unclear::Gap {
                from: date(2027, 3, 28).at(2, 0, 0, 0),
                to: date(2027, 3, 28).at(3, 0, 0, 0),
                summer_begins: true
            }
        );
        let en = crate::tool_text::ToolText::new(crate::tool_text::Lang::En);
        assert_eq!(
            en.get(&u.message("start", dt, "Europe/Berlin")),
            "`start` 2027-03-28 02:30 does not exist in Europe/Berlin: that night the clocks jump from 02:00 to 03:00 (summer time begins)"
        );
        assert_eq!(
            en.get(&u.fix("start")),
            "choose a time before 02:00 or from 03:00 on, e.g. start = 2027-03-28T01:59 or start = 2027-03-28T03:00"
        );
        // The first minute of the gap is in it; the first after it is not.
        assert!(unclear(date(2027, 3, 28).at(2, 0, 0, 0), &berlin()).is_some());
        assert_eq!(unclear(date(2027, 3, 28).at(3, 0, 0, 0), &berlin()), None);
        assert_eq!(unclear(date(2027, 3, 28).at(1, 59, 0, 0), &berlin()), None);
    }

    #[test]
    fn fall_back_fold_names_both_offsets() {
        let dt = date(2027, 10, 31).at(2, 30, 0, 0);
        let u = unclear(dt, &berlin()).unwrap();
        let Unclear::Fold {
            from,
            to,
            first,
            second,
        } = &u
        else {
            panic!("{u:?}");
        };
        assert_eq!(
            (*from, *to),
            (
                date(2027, 10, 31).at(2, 0, 0, 0),
                date(2027, 10, 31).at(3, 0, 0, 0)
            )
        );
        assert_eq!(first.to_string(), "summer time (+02:00)");
        assert_eq!(second.to_string(), "winter time (+01:00)");
        let en = crate::tool_text::ToolText::new(crate::tool_text::Lang::En);
        assert_eq!(
            en.get(&u.message("end", dt, "Europe/Berlin")),
            "`end` 2027-10-31 02:30 happens twice in Europe/Berlin: first in summer time (+02:00), then again in winter time (+01:00), when the clocks go back from 03:00 to 02:00"
        );
        assert!(
            en.get(&u.fix("end"))
                .ends_with("e.g. end = 2027-10-31T01:59 or end = 2027-10-31T03:00")
        );
        assert!(unclear(date(2027, 10, 31).at(2, 0, 0, 0), &berlin()).is_some());
        assert_eq!(unclear(date(2027, 10, 31).at(3, 0, 0, 0), &berlin()), None);
    }

    #[test]
    fn other_zones_and_ordinary_times() {
        // New York springs forward at 02:00 too, to -04:00.
        let ny = TimeZone::get("America/New_York").unwrap();
        let u = unclear(date(2027, 3, 14).at(2, 15, 0, 0), &ny).unwrap();
        assert_eq!(
            u.choices().map(|c| (clock(c.0), clock(c.1))),
            Some(("01:59".into(), "03:00".into()))
        );
        assert_eq!(unclear(date(2027, 6, 1).at(2, 30, 0, 0), &berlin()), None);
        assert_eq!(
            unclear(date(2027, 3, 28).at(2, 30, 0, 0), &TimeZone::UTC),
            None
        );
        assert_eq!(
            unclear(date(9999, 12, 31).at(23, 0, 0, 0), &berlin()),
            Some(Unclear::OutOfRange)
        );
    }
}
