//! The gap report as plain text for the terminal.

use super::{EVENT_DAYS, Report, Table};
use crate::tool_text::{Lang, ToolText};

/// The report as plain text for the terminal, in German.
pub fn text(report: &Report) -> String {
    text_in(report, &ToolText::new(Lang::De))
}

/// The report as plain text for the terminal, worded in the language of `w`.
pub fn text_in(report: &Report, w: &ToolText) -> String {
    let mut out = w.say(
        "report-head",
        &[
            ("date", report.now.date().to_string().into()),
            ("offers", report.offers.into()),
            ("events", report.events_ahead.into()),
            ("days", EVENT_DAYS.into()),
        ],
    );
    out.push('\n');
    for t in &report.tables {
        table(&mut out, t, w);
    }
    out.push_str(&format!(
        "\n{}: {}\n",
        w.say("report-review", &[]),
        report.review_overdue.len()
    ));
    for e in &report.review_overdue {
        out.push_str(&format!(
            "  {} {} ({})\n",
            e.date.map(|d| d.to_string()).unwrap_or_default(),
            e.item,
            e.title
        ));
    }
    out.push_str(&format!(
        "\n{}: {}\n",
        w.say("report-contacts", &[]),
        report.unreferenced_contacts.len()
    ));
    for e in &report.unreferenced_contacts {
        out.push_str(&format!("  {} ({})\n", e.item, e.title));
    }
    out
}

/// Pads `s` with spaces to `n` characters.
fn pad(s: &str, n: usize) -> String {
    let mut s = s.to_string();
    s.extend(std::iter::repeat_n(
        ' ',
        n.saturating_sub(s.chars().count()),
    ));
    s
}

/// One table: the columns inside the area, the total, then the places
/// outside it after `‖`; rows of places outside the area under a heading.
fn table(out: &mut String, t: &Table, words: &ToolText) {
    let outside = words.say("report-outside", &[]);
    out.push_str(&format!("\n{}\n", t.title));
    let w = t
        .rows
        .iter()
        .map(|r| r.label.chars().count())
        .chain([t.row_header.chars().count()])
        .max()
        .unwrap_or(0);
    let mut header: Vec<String> = t.columns.iter().map(|c| c.label.clone()).collect();
    if t.has_total {
        header.push(words.say("report-total", &[]));
    }
    let inside = header.len();
    header.extend(t.outside_columns.iter().map(|c| c.label.clone()));
    let line = |label: &str, cells: &[String]| {
        let mut s = pad(label, w);
        for (i, (h, c)) in header.iter().zip(cells).enumerate() {
            let sep = if i == inside { " ‖ " } else { " | " };
            s.push_str(&format!("{sep}{c:>width$}", width = h.chars().count()));
        }
        s.push('\n');
        s
    };
    if !t.outside_columns.is_empty() {
        // `‖` stands where the outside columns start.
        let lead: usize = w + header[..inside]
            .iter()
            .map(|h| 3 + h.chars().count())
            .sum::<usize>();
        out.push_str(&format!("{} ‖ {outside}:\n", pad("", lead)));
    }
    out.push_str(&line(&t.row_header, &header));
    let mut apart = false;
    for r in &t.rows {
        if r.outside && !apart {
            out.push_str(&format!("{outside}:\n"));
            apart = true;
        }
        let mut cells: Vec<String> = r.cells.iter().map(usize::to_string).collect();
        if t.has_total {
            cells.push(r.total().to_string());
        }
        cells.extend(r.outside_cells.iter().map(usize::to_string));
        out.push_str(&line(&r.label, &cells));
    }
}
