//! The gap report as one standalone HTML page (no external files, no scripts).

use quick_xml::escape::escape;

use super::{CountRow, EVENT_DAYS, ListEntry, Report, Table};
use crate::tool_text::{Lang, ToolText};

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:75rem;padding:0 1rem;color:#1a1a1a}\
table{border-collapse:collapse;margin:1rem 0 2rem}\
th,td{border:1px solid #999;padding:.3rem .6rem}\
thead th{background:#eee;vertical-align:bottom}\
td{text-align:right;font-variant-numeric:tabular-nums}\
th[scope=row]{text-align:left;font-weight:normal}\
td.gap{background:#ffd7d2;color:#8a1c0f;font-weight:bold}\
tr.gaps th[scope=row]{font-weight:bold}\
td.total{background:#f4f4f4}\
td.outside,th.outside{background:#f7f7ff;color:#333}\
p.note{color:#444;max-width:50rem}td.text{text-align:left}";

/// The whole page, in German.
pub fn page(report: &Report) -> String {
    page_in(report, &ToolText::new(Lang::De))
}

/// The whole page, worded in the language of `w`.
pub fn page_in(report: &Report, w: &ToolText) -> String {
    let say = |id: &'static str| escape(w.say(id, &[])).into_owned();
    let date = report.now.date().to_string();
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        w.lang().key()
    );
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    s.push_str(&format!(
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(w.say("report-html-title", &[("date", date.as_str().into())]))
    ));
    let head = w.say(
        "report-html-head",
        &[
            ("date", date.into()),
            ("offers", report.offers.into()),
            ("events", report.events_ahead.into()),
            ("days", EVENT_DAYS.into()),
        ],
    );
    s.push_str(&format!(
        "<h1>{}</h1>\n<p>{} {}</p>\n",
        say("report-title"),
        escape(head),
        say("report-how-to-read")
    ));
    s.push_str("<nav><ul>\n");
    for t in report.all_tables() {
        s.push_str(&format!(
            "<li><a href=\"#{}\">{}</a></li>\n",
            t.id,
            escape(t.title.as_str())
        ));
    }
    s.push_str(&format!(
        "<li><a href=\"#pruefdatum\">{}</a></li>\n",
        say("report-review-short")
    ));
    s.push_str(&format!(
        "<li><a href=\"#kontakte\">{}</a></li>\n</ul></nav>\n",
        say("report-contacts")
    ));
    for t in report.all_tables() {
        table(&mut s, t, w);
    }
    let review = ListWords {
        title: w.say("report-review", &[]),
        note: w.say("report-review-note", &[]),
    };
    list(
        &mut s,
        "pruefdatum",
        &review,
        &report.review_overdue,
        true,
        w,
    );
    let contacts = ListWords {
        title: w.say("report-contacts", &[]),
        note: w.say("report-contacts-note", &[]),
    };
    let unreferenced = &report.unreferenced_contacts;
    list(&mut s, "kontakte", &contacts, unreferenced, false, w);
    s.push_str("</body>\n</html>\n");
    s
}

fn table(s: &mut String, t: &Table, w: &ToolText) {
    let outside = escape(w.say("report-outside", &[])).into_owned();
    s.push_str(&format!(
        "<section id=\"{}\">\n<h2>{}</h2>\n<p class=\"note\">{}</p>\n<table>\n<thead>",
        t.id,
        escape(t.title.as_str()),
        escape(t.note.as_str()),
    ));
    let inside = 1 + t.columns.len() + usize::from(t.has_total);
    if !t.outside_columns.is_empty() {
        s.push_str(&format!(
            "<tr><td colspan=\"{inside}\"></td><th scope=\"colgroup\" class=\"outside\" colspan=\"{}\">{}</th></tr>\n",
            t.outside_columns.len(),
            outside
        ));
    }
    s.push_str(&format!(
        "<tr><th scope=\"col\">{}</th>",
        escape(t.row_header.as_str())
    ));
    for c in &t.columns {
        s.push_str(&format!(
            "<th scope=\"col\">{}</th>",
            escape(c.label.as_str())
        ));
    }
    if t.has_total {
        s.push_str(&format!(
            "<th scope=\"col\">{}</th>",
            escape(w.say("report-total", &[]))
        ));
    }
    for c in &t.outside_columns {
        s.push_str(&format!(
            "<th scope=\"col\" class=\"outside\">{}</th>",
            escape(c.label.as_str())
        ));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    let mut apart = false;
    for r in &t.rows {
        if r.outside && !apart {
            // Places outside the area: a group of their own, never gaps.
            s.push_str(&format!(
                "</tbody>\n<tbody class=\"outside\">\n<tr><th scope=\"rowgroup\" class=\"outside\" colspan=\"{inside}\">{}</th></tr>\n",
                outside
            ));
            apart = true;
        }
        row(s, t, r);
    }
    s.push_str("</tbody>\n</table>\n</section>\n");
}

fn row(s: &mut String, t: &Table, r: &CountRow) {
    let class = if r.gaps() > 0 { " class=\"gaps\"" } else { "" };
    s.push_str(&format!(
        "<tr{class}><th scope=\"row\">{}</th>",
        escape(r.label.as_str())
    ));
    for n in &r.cells {
        if *n == 0 && !r.outside {
            s.push_str("<td class=\"gap\">0</td>");
        } else if r.outside {
            s.push_str(&format!("<td class=\"outside\">{n}</td>"));
        } else {
            s.push_str(&format!("<td>{n}</td>"));
        }
    }
    if t.has_total {
        s.push_str(&format!("<td class=\"total\">{}</td>", r.total()));
    }
    for n in &r.outside_cells {
        s.push_str(&format!("<td class=\"outside\">{n}</td>"));
    }
    s.push_str("</tr>\n");
}

/// A list's heading and note.
struct ListWords {
    title: String,
    note: String,
}

fn list(
    s: &mut String,
    id: &str,
    words: &ListWords,
    entries: &[ListEntry],
    date: bool,
    w: &ToolText,
) {
    let say = |id: &'static str| escape(w.say(id, &[])).into_owned();
    s.push_str(&format!(
        "<section id=\"{id}\">\n<h2>{} ({})</h2>\n",
        escape(words.title.as_str()),
        entries.len()
    ));
    if entries.is_empty() {
        s.push_str(&format!("<p>{}</p>\n</section>\n", say("report-none")));
        return;
    }
    s.push_str(&format!(
        "<p class=\"note\">{}</p>\n<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>",
        escape(words.note.as_str()),
        say("report-file"),
        say("report-item-title")
    ));
    if date {
        s.push_str(&format!(
            "<th scope=\"col\">{}</th>",
            say("report-review-by")
        ));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for e in entries {
        s.push_str(&format!(
            "<tr><th scope=\"row\"><code>content/{}.md</code></th><td class=\"text\">{}</td>",
            escape(e.item.as_str()),
            escape(e.title.as_str())
        ));
        if date {
            s.push_str(&format!(
                "<td>{}</td>",
                e.date.map(|d| d.to_string()).unwrap_or_default()
            ));
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table>\n</section>\n");
}
