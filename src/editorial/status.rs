//! `wegweiser status`: the translation status of a site as the table
//! translators read and as CSV for their spreadsheets. The status itself is
//! part of the content model ([`crate::content::status`]); this is how it is
//! shown.

use crate::content::Site;
use crate::content::status::{State, StatusReport};

// The formats are methods of the report, written here beside the command
// that shows them rather than in the content model.
impl StatusReport {
    /// The table translators read: one line per language, then what to do.
    pub fn table(&self, site: &Site) -> String {
        let mut out = String::new();
        out.push_str(&format!(
            "{:<6} {:<18} {:>7} {:>8} {:>11} {:>11} {:>7} {:>7} {:>10}\n",
            "lang",
            "name",
            "current",
            "outdated",
            "unconfirmed",
            "in-progress",
            "missing",
            "machine",
            "unreviewed"
        ));
        for lang in &self.languages {
            let c = &self.counts[lang];
            let name = site.config.language(lang).map_or("", |l| l.name.as_str());
            out.push_str(&format!(
                "{:<6} {} {:>7} {:>8} {:>11} {:>11} {:>7} {:>7} {:>10}\n",
                lang,
                truncate(name, 18),
                c.current,
                c.outdated,
                c.unconfirmed,
                c.in_progress,
                c.missing,
                c.machine,
                c.machine_unreviewed
            ));
        }
        for lang in &self.languages {
            for state in [
                State::Outdated,
                State::Unconfirmed,
                State::InProgress,
                State::Missing,
            ] {
                let items: Vec<&str> = self
                    .rows
                    .iter()
                    .filter(|r| &r.language == lang && r.state == state)
                    .map(|r| r.item.as_str())
                    .collect();
                if !items.is_empty() {
                    out.push_str(&format!(
                        "\n{lang} {} ({}): {}",
                        state.as_str(),
                        items.len(),
                        items.join(", ")
                    ));
                }
            }
        }
        out.push('\n');
        out
    }

    /// CSV for translators' spreadsheets: language, item, state, machine, reviewed.
    pub fn csv(&self) -> String {
        let mut out = String::from("language,item,state,machine_translated,reviewed\n");
        for r in &self.rows {
            out.push_str(&format!(
                "{},{},{},{},{}\n",
                r.language,
                r.item,
                r.state.as_str(),
                r.machine_translated,
                r.reviewed
            ));
        }
        out
    }
}

fn truncate(s: &str, n: usize) -> String {
    // Pad by characters, not bytes, so non-Latin names line up.
    let mut t: String = s.chars().take(n).collect();
    let len = t.chars().count();
    t.extend(std::iter::repeat_n(' ', n.saturating_sub(len)));
    t
}
