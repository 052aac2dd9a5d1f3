//! The gap report as CSV files for spreadsheets: one file per table, plus
//! the two lists.

use std::collections::BTreeMap;

use super::{ListEntry, Report, Table};

/// File name → CSV text, in a stable order.
pub fn files(report: &Report) -> Result<BTreeMap<String, String>, csv::Error> {
    let mut out = BTreeMap::new();
    for t in report.all_tables() {
        out.insert(format!("{}.csv", t.id), table(t)?);
    }
    out.insert(
        "pruefdatum-ueberschritten.csv".to_string(),
        list(&report.review_overdue, true)?,
    );
    out.insert(
        "kontakte-ohne-verweis.csv".to_string(),
        list(&report.unreferenced_contacts, false)?,
    );
    Ok(out)
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    // Every field written was a Rust string: the bytes are UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `key,label,<column keys…>,total,<keys of places outside the area…>`,
/// rows in the report's order; `total` only where the table has one, and a
/// last column `outside` where rows are places.
pub fn table(t: &Table) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let rows_apart = t.rows.iter().any(|r| r.outside);
    let mut header = vec!["key".to_string(), t.row_header.clone()];
    header.extend(t.columns.iter().map(|c| c.key.clone()));
    if t.has_total {
        header.push("total".to_string());
    }
    header.extend(t.outside_columns.iter().map(|c| c.key.clone()));
    if rows_apart {
        header.push("outside".to_string());
    }
    w.write_record(&header)?;
    for r in &t.rows {
        let mut rec = vec![r.key.clone(), r.label.clone()];
        rec.extend(r.cells.iter().map(|n| n.to_string()));
        if t.has_total {
            rec.push(r.total().to_string());
        }
        rec.extend(r.outside_cells.iter().map(|n| n.to_string()));
        if rows_apart {
            rec.push(r.outside.to_string());
        }
        w.write_record(&rec)?;
    }
    finish(w)
}

fn list(entries: &[ListEntry], with_date: bool) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    if with_date {
        w.write_record(["item", "title", "review_by"])?;
    } else {
        w.write_record(["item", "title"])?;
    }
    for e in entries {
        let mut rec = vec![e.item.clone(), e.title.clone()];
        if with_date {
            rec.push(e.date.map(|d| d.to_string()).unwrap_or_default());
        }
        w.write_record(&rec)?;
    }
    finish(w)
}
