//! The gap report's table of events ahead per place.

use jiff::civil::DateTime;

use super::{CountRow, EVENT_DAYS, Label, ReportLabels, Table, words};
use crate::config::Taxonomy;
use crate::content::{Item, ItemData, Kind, Site};

/// Events with at least one session that has not ended by `now` and starts
/// within the next [`EVENT_DAYS`] days, with the number of such sessions.
pub(super) fn upcoming_events(site: &Site, now: DateTime) -> Vec<(&Item, usize)> {
    // Far beyond any date a guide holds: saturating keeps this total.
    let horizon = now
        .checked_add(jiff::Span::new().days(EVENT_DAYS))
        .unwrap_or(DateTime::MAX);
    site.of_kind(Kind::Event)
        .filter_map(|e| match &e.data {
            ItemData::Event(d) => {
                let n = d
                    .time
                    .sessions()
                    .iter()
                    .filter(|s| s.end > now && s.start < horizon)
                    .count();
                (n > 0).then_some((e, n))
            }
            _ => None,
        })
        .collect()
}

/// Events ahead and their sessions per place; places outside the office's
/// area apart, events without a place in a row of their own.
pub(super) fn events_per_place(site: &Site, labels: &ReportLabels, now: DateTime) -> Table {
    let tax = &site.config.taxonomies;
    let row = |key: String, label: String| CountRow {
        outside: tax.is_outside(&key),
        key,
        label,
        cells: vec![0, 0],
        outside_cells: Vec::new(),
        distinct: None,
    };
    let mut rows: Vec<CountRow> = labels
        .all("places", tax.terms(Taxonomy::Places))
        .into_iter()
        .map(|l| row(l.key, l.label))
        .collect();
    let t = labels.t;
    let mut without = row(String::new(), t.say("report-without-place", &[]));
    for (e, n) in upcoming_events(site, now) {
        let Some(l) = e.data.listing() else { continue };
        let mut any = false;
        for r in rows.iter_mut().filter(|r| l.places.contains(&r.key)) {
            r.cells[0] += 1;
            r.cells[1] += n;
            any = true;
        }
        if !any {
            without.cells[0] += 1;
            without.cells[1] += n;
        }
    }
    if without.total() > 0 {
        rows.push(without);
    }
    Table {
        id: "veranstaltungen-ort",
        title: t.say("report-events-place", &[("days", EVENT_DAYS.into())]),
        note: t.say(
            "report-events-place-note",
            &[
                ("date", now.date().to_string().into()),
                ("days", EVENT_DAYS.into()),
            ],
        ) + &words::outside_sentence(t, &labels.outside_places(tax)),
        row_header: t.say("report-place", &[]),
        columns: vec![
            Label {
                key: "veranstaltungen".into(),
                label: t.say("report-events", &[]),
            },
            Label {
                key: "termine".into(),
                label: t.say("report-dates", &[]),
            },
        ],
        outside_columns: Vec::new(),
        rows,
        // Events and sessions are different things: no sum.
        has_total: false,
    }
}
