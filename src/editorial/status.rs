//! `wegweiser status`: the translation status of a site as the table
//! translators read and as CSV for their spreadsheets. The status itself is
//! part of the content model ([`crate::content::status`]); this is how it is
//! shown.
//!
//! What is to be translated is listed by what readers need: upcoming events
//! (the soonest first), then published offers, contacts, pages (the home
//! page first), and drafts last. Events that are over are not counted as
//! missing: they are named apart, as nothing a reader still needs.

use std::collections::BTreeMap;

use jiff::civil::DateTime;

use crate::content::status::{Row, State, StatusReport};
use crate::content::{Item, ItemData, Kind, Site};
use crate::tool_text::{Lang, Msg, ToolText};

/// A state's name, as the tool's messages say it.
pub fn state_msg(state: State) -> Msg {
    Msg::new(match state {
        State::Source => "status-source",
        State::Current => "status-current",
        State::Outdated => "status-outdated",
        State::Unconfirmed => "status-unconfirmed",
        State::InProgress => "status-in-progress",
        State::Missing => "status-missing",
    })
}

/// Where an item stands in the order readers need it, lowest first; `None`
/// for an event that is over.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Need {
    /// An upcoming event, by the start of its next session.
    Event(DateTime),
    Offer,
    Contact,
    Home,
    Page,
    Draft,
}

fn need(item: &Item, now: DateTime) -> Option<Need> {
    if item.draft {
        return Some(Need::Draft);
    }
    Some(match (&item.data, item.kind) {
        (ItemData::Event(e), _) => Need::Event(e.time.next_session(now)?.start),
        (ItemData::Home, _) => Need::Home,
        (_, Kind::Offer) => Need::Offer,
        (_, Kind::Contact) => Need::Contact,
        _ => Need::Page,
    })
}

// The formats are methods of the report, written here beside the command
// that shows them rather than in the content model.
impl StatusReport {
    /// [`StatusReport::table_at`] for a caller without a clock: no event
    /// counts as past.
    pub fn table(&self, site: &Site) -> String {
        self.table_at(site, DateTime::MIN)
    }

    /// [`StatusReport::table_in`] in English.
    pub fn table_at(&self, site: &Site, now: DateTime) -> String {
        self.table_in(site, now, &ToolText::new(Lang::En))
    }

    /// The table translators read, in the language of `t`: one line per
    /// language, then what to do, in the order readers need it; events
    /// over at `now` apart.
    pub fn table_in(&self, site: &Site, now: DateTime, t: &ToolText) -> String {
        let items: BTreeMap<String, &Item> = std::iter::once(&*site.home)
            .chain(site.items.values().map(|i| &**i))
            .map(|i| (i.path(), i))
            .collect();
        let need_of = |r: &Row| items.get(&r.item).and_then(|i| need(i, now));
        // Missing translations of past events are nobody's work.
        let past = |r: &Row| r.state == State::Missing && need_of(r).is_none();
        let head = Header::new(t);
        let mut out = head.line();
        for lang in &self.languages {
            let c = &self.counts[lang];
            let name = site.config.language(lang).map_or("", |l| l.name.as_str());
            let gone = self
                .rows
                .iter()
                .filter(|r| &r.language == lang && past(r))
                .count();
            let counts = [
                c.current,
                c.outdated,
                c.unconfirmed,
                c.in_progress,
                c.missing - gone,
                c.machine,
                c.machine_unreviewed,
            ];
            out.push_str(&head.row(lang, name, counts));
        }
        for lang in &self.languages {
            for state in [
                State::Outdated,
                State::Unconfirmed,
                State::InProgress,
                State::Missing,
            ] {
                let mut rows: Vec<(Option<Need>, &str)> = self
                    .rows
                    .iter()
                    .filter(|r| &r.language == lang && r.state == state && !past(r))
                    .map(|r| (need_of(r), r.item.as_str()))
                    .collect();
                // Past events (no need) of other states go last.
                rows.sort_by(|a, b| (a.0.is_none(), &a.0).cmp(&(b.0.is_none(), &b.0)));
                let items: Vec<&str> = rows.into_iter().map(|(_, i)| i).collect();
                list(&mut out, lang, &t.get(&state_msg(state)), &items);
            }
            let gone: Vec<&str> = self
                .rows
                .iter()
                .filter(|r| &r.language == lang && past(r))
                .map(|r| r.item.as_str())
                .collect();
            list(&mut out, lang, &t.say("status-past", &[]), &gone);
        }
        out.push_str(&format!("\n\n{}\n", t.say("status-order", &[])));
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

/// The table's header in the tool's language; columns as wide as their
/// heading (at least as wide as the English one, so numbers line up).
struct Header {
    lang: String,
    name: String,
    counts: Vec<(String, usize)>,
}

impl Header {
    fn new(t: &ToolText) -> Header {
        let counts = [
            (t.say("status-current", &[]), 7),
            (t.say("status-outdated", &[]), 8),
            (t.say("status-unconfirmed", &[]), 11),
            (t.say("status-in-progress", &[]), 11),
            (t.say("status-missing", &[]), 7),
            (t.say("status-machine", &[]), 7),
            (t.say("status-unreviewed", &[]), 10),
        ];
        Header {
            lang: t.say("status-lang", &[]),
            name: t.say("status-name", &[]),
            counts: counts
                .into_iter()
                .map(|(h, w)| {
                    let w = w.max(h.chars().count());
                    (h, w)
                })
                .collect(),
        }
    }

    fn lead(&self) -> usize {
        self.lang.chars().count().max(6)
    }

    fn line(&self) -> String {
        let mut s = format!(
            "{} {}",
            truncate(&self.lang, self.lead()),
            truncate(&self.name, 18)
        );
        for (h, w) in &self.counts {
            s.push_str(&format!(" {h:>w$}"));
        }
        s.push('\n');
        s
    }

    fn row(&self, lang: &str, name: &str, counts: [usize; 7]) -> String {
        let mut s = format!("{} {}", truncate(lang, self.lead()), truncate(name, 18));
        for ((_, w), n) in self.counts.iter().zip(counts) {
            s.push_str(&format!(" {n:>w$}"));
        }
        s.push('\n');
        s
    }
}

/// `\n<lang> <what> (<n>): a, b, c`, if there is anything to list.
fn list(out: &mut String, lang: &str, what: &str, items: &[&str]) {
    if !items.is_empty() {
        out.push_str(&format!(
            "\n{lang} {what} ({}): {}",
            items.len(),
            items.join(", ")
        ));
    }
}

fn truncate(s: &str, n: usize) -> String {
    // Pad by characters, not bytes, so non-Latin names line up.
    let mut t: String = s.chars().take(n).collect();
    let len = t.chars().count();
    t.extend(std::iter::repeat_n(' ', n.saturating_sub(len)));
    t
}
