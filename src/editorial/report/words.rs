//! The gap report's own wording (German, the office's language), kept in one
//! place so that it can move to the tool's Fluent messages as a whole.

/// Header of the column that counts each item of a row once.
pub const TOTAL: &str = "Summe";
/// What the total column counts, for the tables of offers.
pub const TOTAL_NOTE: &str = "„Summe“ zählt jedes Angebot der Zeile einmal, auch wenn es an mehreren Orten stattfindet oder keinen Ort hat: so viele Angebote zeigt auch die Liste auf der Website.";
/// Heading over the columns (or rows) of places outside the office's area.
pub const OUTSIDE: &str = "Außerhalb des Kreises";
/// What the columns (or rows) of places outside the area mean.
pub const OUTSIDE_NOTE: &str = "Orte außerhalb des Kreises (outside_places in site.toml) stehen getrennt; eine 0 dort ist keine Lücke.";
/// Cells that count nothing.
pub const ZERO_NOTE: &str = "Eine 0 heißt: kein Angebot.";
/// Before the languages left out of the language table.
pub const NO_OFFER_IN: &str = "Nicht aufgeführt, weil kein Angebot in dieser Sprache stattfindet";
/// Row of events with no place.
pub const WITHOUT_PLACE: &str = "(ohne Ort)";
/// The page's explanation of its colours and order.
pub const HOW_TO_READ: &str = "Rot markierte Zellen (0) sind Lücken. Zeilen mit den meisten Lücken stehen oben, Spalten mit den wenigsten Angeboten links; Orte außerhalb des Kreises stehen getrennt und sind keine Lücken.";

/// A sentence naming the places outside the area, or nothing.
pub fn outside_sentence(labels: &[String]) -> String {
    if labels.is_empty() {
        return String::new();
    }
    format!(" {OUTSIDE_NOTE} ({})", labels.join(", "))
}

/// A sentence naming the languages left out for want of offers, or nothing.
pub fn left_out_sentence(labels: &[String]) -> String {
    if labels.is_empty() {
        return String::new();
    }
    format!(" {NO_OFFER_IN}: {}.", labels.join(", "))
}
