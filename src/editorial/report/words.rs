//! The gap report's sentences that are put together from the tool's
//! messages (`report-*` in de.ftl and en.ftl).

use crate::tool_text::ToolText;

/// A table's note: what it counts, then what a 0 and the total mean.
pub fn count_note(t: &ToolText, id: &'static str) -> String {
    format!(
        "{} {} {}",
        t.say(id, &[]),
        t.say("report-zero-note", &[]),
        t.say("report-total-note", &[])
    )
}

/// A sentence naming the places outside the area, or nothing.
pub fn outside_sentence(t: &ToolText, labels: &[String]) -> String {
    if labels.is_empty() {
        return String::new();
    }
    format!(
        " {} ({})",
        t.say("report-outside-note", &[]),
        labels.join(", ")
    )
}

/// A sentence naming the languages left out for want of offers, or nothing.
pub fn left_out_sentence(t: &ToolText, labels: &[String]) -> String {
    if labels.is_empty() {
        return String::new();
    }
    format!(
        " {}: {}.",
        t.say("report-no-offer-in", &[]),
        labels.join(", ")
    )
}
