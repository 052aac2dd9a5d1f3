//! Reading a spreadsheet (XLSX through `calamine`, CSV through `csv`) into
//! rows of cells that know where they are.

use std::path::Path;

use calamine::{Data, Reader};
use jiff::ToSpan;
use jiff::civil::Date;

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(Date),
}

/// A sheet: its name (the file's name for CSV) and its rows; `rows[i]`
/// is the spreadsheet's row `first_row + i` (1-based), `rows[i][j]` its
/// column `first_col + j` (0-based: A).
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    pub first_row: usize,
    pub first_col: usize,
    pub rows: Vec<Vec<Cell>>,
}

/// A column's letters as the spreadsheet shows them: 0 → A, 26 → AA.
pub fn column_letters(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// An Excel serial day (1900 system: day 0 is 1899-12-30) as a date.
fn excel_day(serial: f64) -> Option<Date> {
    let base = Date::new(1899, 12, 30).ok()?;
    base.checked_add((serial.floor() as i64).days()).ok()
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.trim().to_string()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => excel_day(dt.as_f64()).map_or(Cell::Empty, Cell::Date),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| d.parse().ok())
            .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e}")),
    }
}

/// The sheet `wanted` (else the first) of the workbook at `path`.
pub fn xlsx(path: &Path, wanted: Option<&str>) -> Result<Sheet, String> {
    let mut book = calamine::open_workbook_auto(path).map_err(|e| e.to_string())?;
    let names = book.sheet_names();
    let name = match wanted {
        Some(w) => names
            .iter()
            .find(|n| n.as_str() == w)
            .cloned()
            .ok_or_else(|| format!("no sheet \"{w}\" (sheets: {})", names.join(", ")))?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| "no sheet".to_string())?,
    };
    let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
    let (r0, c0) = range.start().unwrap_or((0, 0));
    Ok(Sheet {
        name,
        first_row: r0 as usize + 1,
        first_col: c0 as usize,
        rows: range.rows().map(|r| r.iter().map(cell).collect()).collect(),
    })
}

/// A CSV file's text as a sheet named `name`; the separator is `;` if the
/// first line has more of them than commas (as German spreadsheets save).
pub fn csv(name: &str, text: &str) -> Result<Sheet, String> {
    let first = text.lines().next().unwrap_or("");
    let sep = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        rows.push(
            record
                .iter()
                .map(|v| match v.trim() {
                    "" => Cell::Empty,
                    t => Cell::Text(t.to_string()),
                })
                .collect(),
        );
    }
    Ok(Sheet {
        name: name.to_string(),
        first_row: 1,
        first_col: 0,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_in_the_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn excel_days_count_from_1899() {
        assert_eq!(excel_day(46000.0), Some(Date::new(2025, 12, 9).unwrap()));
    }

    #[test]
    fn csv_separator_is_detected() {
        let s = csv("a.csv", "Titel;Themen\n\"Kurs; A\";Sprache\n").unwrap();
        assert_eq!(s.rows[1][0], Cell::Text("Kurs; A".into()));
    }
}
