//! Translation status per item and language, without bookkeeping by hand.
//!
//! `wegweiser translate` records in each translation the fingerprint of the
//! source text it was made from (`source_hash`). When an editor changes the
//! source text, its fingerprint changes and every translation made from the
//! old text becomes *outdated*. A typo fix can be marked as minor
//! (`wegweiser translate ITEM --minor` re-stamps all translations), and a
//! translator re-confirms a checked translation with `--confirm`.

use std::collections::BTreeMap;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Item, Kind, Site, Text, schema};
use crate::config::SiteConfig;

/// Fingerprint of an item's translatable text: its text fields and body,
/// with line endings and trailing white space normalised. 12 hex digits.
pub fn fingerprint(text: &Text) -> String {
    // Known from an earlier build: the body is not read again for it.
    if let Some(f) = text.on_disk.as_ref().and_then(|d| d.fingerprint()) {
        return f.to_string();
    }
    let mut h = Sha256::new();
    for f in schema::text_fields() {
        let value = match f.name {
            "title" => Some(&text.title),
            "summary" => text.summary.as_ref(),
            "schedule" => text.schedule.as_ref(),
            "cost" => text.cost.as_ref(),
            "role" => text.role.as_ref(),
            "office_hours" => text.office_hours.as_ref(),
            "transit" => text.transit.as_ref(),
            "accessibility_note" => text.accessibility_note.as_ref(),
            "image_alt" => text.image_alt.as_ref(),
            _ => None,
        };
        if let Some(v) = value {
            h.update(f.name.as_bytes());
            h.update(b"\0");
            h.update(v.trim().as_bytes());
            h.update(b"\n");
        }
    }
    // A location's closure reasons: text inside the (structural) `closed` list.
    for r in text.closed_reasons.iter().filter(|r| !r.trim().is_empty()) {
        h.update(b"closed\0");
        h.update(r.trim().as_bytes());
        h.update(b"\n");
    }
    h.update(b"\0body\0");
    text.with_body(|body| {
        for line in body.trim_end().lines() {
            h.update(line.trim_end().as_bytes());
            h.update(b"\n");
        }
    });
    let digest = h.finalize();
    digest[..6].iter().map(|b| format!("{b:02x}")).collect()
}

/// The state of one item in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// The default language: the source itself.
    Source,
    /// Translated from the current source text.
    Current,
    /// Translated from an older source text that has changed since.
    Outdated,
    /// Translated, but not recorded from which source text (no `source_hash`).
    Unconfirmed,
    /// A translation file exists but is still `draft = true`.
    InProgress,
    /// No translation: readers see the fallback language.
    Missing,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Source => "source",
            State::Current => "current",
            State::Outdated => "outdated",
            State::Unconfirmed => "unconfirmed",
            State::InProgress => "in-progress",
            State::Missing => "missing",
        }
    }

    /// Whether readers of the language get their own text.
    pub fn is_translated(self) -> bool {
        matches!(
            self,
            State::Source | State::Current | State::Outdated | State::Unconfirmed
        )
    }
}

/// Status of an item in a language, with the machine-translation flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Status {
    pub state: State,
    pub machine_translated: bool,
    pub reviewed: bool,
}

impl Item {
    pub fn status(&self, config: &SiteConfig, lang: &str) -> Status {
        let plain = |state| Status {
            state,
            machine_translated: false,
            reviewed: false,
        };
        if lang == config.default_language {
            return plain(State::Source);
        }
        match self.texts.get(lang) {
            Some(t) => Status {
                state: match &t.meta.source_hash {
                    None => State::Unconfirmed,
                    Some(h) if *h == self.fingerprint => State::Current,
                    Some(_) => State::Outdated,
                },
                machine_translated: t.meta.machine_translated,
                reviewed: t.meta.reviewed,
            },
            None if self.draft_translations.contains(lang) => plain(State::InProgress),
            None => plain(State::Missing),
        }
    }

    /// `offers/sprachcafe`, `_index` for the home page: how editors name an item.
    pub fn path(&self) -> String {
        match self.kind {
            Kind::Home => "_index".to_string(),
            k => format!("{}/{}", k.folder(), self.slug),
        }
    }
}

/// One row of the status report: an item in a language.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub language: String,
    pub item: String,
    pub state: State,
    pub machine_translated: bool,
    pub reviewed: bool,
}

/// Counts for one language.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub current: usize,
    pub outdated: usize,
    pub unconfirmed: usize,
    pub in_progress: usize,
    pub missing: usize,
    /// Of the translated ones: made by machine, and not yet reviewed by a person.
    pub machine: usize,
    pub machine_unreviewed: usize,
}

/// Translation status of the whole site (`wegweiser status` shows it as a
/// table and as CSV).
#[derive(Debug, Clone)]
pub struct StatusReport {
    pub rows: Vec<Row>,
    pub counts: BTreeMap<String, Counts>,
    /// Language keys in site order (without the default language).
    pub languages: Vec<String>,
}

pub fn report(site: &Site) -> StatusReport {
    let cfg = &site.config;
    let languages: Vec<String> = cfg
        .languages
        .iter()
        .filter(|l| l.key != cfg.default_language)
        .map(|l| l.key.clone())
        .collect();
    let mut rows = Vec::new();
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    for lang in &languages {
        let c = counts.entry(lang.clone()).or_default();
        for item in std::iter::once(&site.home).chain(site.items.values()) {
            let s = item.status(cfg, lang);
            match s.state {
                State::Current => c.current += 1,
                State::Outdated => c.outdated += 1,
                State::Unconfirmed => c.unconfirmed += 1,
                State::InProgress => c.in_progress += 1,
                State::Missing => c.missing += 1,
                State::Source => {}
            }
            if s.machine_translated && s.state.is_translated() {
                c.machine += 1;
                if !s.reviewed {
                    c.machine_unreviewed += 1;
                }
            }
            rows.push(Row {
                language: lang.clone(),
                item: item.path(),
                state: s.state,
                machine_translated: s.machine_translated,
                reviewed: s.reviewed,
            });
        }
    }
    StatusReport {
        rows,
        counts,
        languages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(title: &str, body: &str) -> Text {
        let mut t = Text::for_test("x.md", &format!("+++\ntitle = \"{title}\"\n+++\n{body}"));
        t.title = title.into();
        t
    }

    #[test]
    fn fingerprint_ignores_line_endings_but_not_words() {
        let a = fingerprint(&text("Café", "Hallo Welt\n"));
        assert_eq!(a.len(), 12);
        assert_eq!(a, fingerprint(&text("Café", "Hallo Welt  \n\n")));
        assert_ne!(a, fingerprint(&text("Café", "Hallo, Welt\n")));
        assert_ne!(a, fingerprint(&text("Cafe", "Hallo Welt\n")));
    }
}
