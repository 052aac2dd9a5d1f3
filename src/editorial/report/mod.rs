//! `wegweiser report`: what the guide has and what it lacks, for the office.
//!
//! Counts offers per topic × place, per audience × topic, the languages offers
//! are held in × place, events in the next 90 days per place, lists offers
//! past their `review_by` date and contacts nothing refers to. The tables are
//! labelled in the default language (the office's), sorted so that gaps come
//! first, and written as a standalone HTML page ([`html`]) and CSV files ([`csv`]).
//! Drafts are left out: the report describes what readers see, counted as the
//! site counts them ([`Item::is_counted`]). A row's total counts each offer
//! once (an offer in three places is one offer, as in the list of offers).
//! Places outside the office's area (`outside_places` in site.toml) are shown
//! apart and are never gaps.

pub mod csv;
mod events;
pub mod html;
mod terminal;
mod words;

use events::{events_per_place, upcoming_events};

pub use terminal::{text, text_in};

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use jiff::civil::{Date, DateTime};

use crate::config::{SiteConfig, Taxonomies, Taxonomy};
use crate::content::links::content_link;
use crate::content::{Item, ItemData, Kind, Listing, Site};
use crate::diagnostics::Diagnostics;
use crate::i18n::messages::Messages;
use crate::tool_text::{Lang, ToolText};

/// How far ahead the event table looks.
pub const EVENT_DAYS: i64 = 90;

/// A table of counts: rows × columns, plus a total per row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// File name of the CSV (without `.csv`) and HTML anchor.
    pub id: &'static str,
    pub title: String,
    /// What the table tells and how to read it.
    pub note: String,
    /// Header of the row-label column.
    pub row_header: String,
    pub columns: Vec<Label>,
    /// Columns of places outside the office's area: shown after the
    /// others, never gaps.
    pub outside_columns: Vec<Label>,
    pub rows: Vec<CountRow>,
    /// Whether the table shows a total per row ([`CountRow::total`]).
    pub has_total: bool,
}

/// A key and its label in the office's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountRow {
    pub key: String,
    pub label: String,
    pub cells: Vec<usize>,
    /// The counts in the table's `outside_columns`.
    pub outside_cells: Vec<usize>,
    /// The number of distinct items in the row, each counted once however
    /// many columns it appears in; `None` where the cells never share an
    /// item (then the total is their sum).
    pub distinct: Option<usize>,
    /// The row is a place outside the office's area: shown apart, no gap.
    pub outside: bool,
}

impl CountRow {
    /// The row's total: its distinct items, else the sum of its cells.
    pub fn total(&self) -> usize {
        self.distinct.unwrap_or_else(|| self.cells.iter().sum())
    }

    /// Empty cells inside the office's area (a row outside it has none).
    pub fn gaps(&self) -> usize {
        if self.outside {
            return 0;
        }
        self.cells.iter().filter(|c| **c == 0).count()
    }
}

impl Table {
    /// The count in row `row`, column `column` (by key), for tests and tools.
    pub fn cell(&self, row: &str, column: &str) -> Option<usize> {
        let r = self.rows.iter().find(|r| r.key == row)?;
        match self.columns.iter().position(|l| l.key == column) {
            Some(c) => r.cells.get(c).copied(),
            None => {
                let c = self.outside_columns.iter().position(|l| l.key == column)?;
                r.outside_cells.get(c).copied()
            }
        }
    }

    /// Rows with the most empty cells first, then the fewest items; columns
    /// with the fewest items first; places outside the area last. Ties keep
    /// the order of site.toml.
    fn sort_gaps_first(&mut self) {
        let col_totals: Vec<usize> = (0..self.columns.len())
            .map(|c| self.rows.iter().map(|r| r.cells[c]).sum())
            .collect();
        let mut order: Vec<usize> = (0..self.columns.len()).collect();
        order.sort_by_key(|&c| col_totals[c]);
        self.columns = order.iter().map(|&c| self.columns[c].clone()).collect();
        for r in &mut self.rows {
            r.cells = order.iter().map(|&c| r.cells[c]).collect();
        }
        self.rows
            .sort_by_key(|r| (r.outside, std::cmp::Reverse(r.gaps()), r.total()));
    }
}

/// One item in a list (offers to review, contacts nobody refers to).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListEntry {
    /// `offers/sprachcafe-ingelheim`
    pub item: String,
    pub title: String,
    /// `review_by` for offers to review.
    pub date: Option<Date>,
}

/// The whole gap report.
#[derive(Debug, Clone)]
pub struct Report {
    /// "Now" in the site's time zone.
    pub now: DateTime,
    pub offers: usize,
    pub events_ahead: usize,
    /// Offers and upcoming events per topic: the numbers readers see on
    /// the home page, the topic pages and the filter links.
    pub per_topic: Table,
    pub tables: Vec<Table>,
    /// Offers whose `review_by` date has passed, oldest first.
    pub review_overdue: Vec<ListEntry>,
    /// Contacts that no offer, event, contact or text refers to.
    pub unreferenced_contacts: Vec<ListEntry>,
}

impl Report {
    /// Every table, in the order the report shows them: the counts per
    /// topic, then the gap tables.
    pub fn all_tables(&self) -> impl Iterator<Item = &Table> {
        std::iter::once(&self.per_topic).chain(&self.tables)
    }
}

/// [`load_and_report_in`] with the report's wording in German.
pub fn load_and_report(root: &Path, now: jiff::Timestamp) -> Result<Report, Diagnostics> {
    load_and_report_in(root, now, &ToolText::new(Lang::De))
}

/// Loads the site (drafts left out) and its interface text, and builds the
/// report, worded in the language of `t` (terms labelled in the site's
/// default language).
pub fn load_and_report_in(
    root: &Path,
    now: jiff::Timestamp,
    t: &ToolText,
) -> Result<Report, Diagnostics> {
    let site = super::load(root, false)?;
    let (messages, _) = Messages::load(root, &site.config);
    let now = now.to_zoned(site.config.time_zone.clone()).datetime();
    Ok(report_in(&site, &messages, now, t))
}

/// Labels from the default language's interface text (`topics-<key>`,
/// `language-<key>`); the key itself where there is none.
struct ReportLabels<'a> {
    messages: &'a Messages,
    lang: &'a str,
    /// The report's own wording.
    t: &'a ToolText,
}

impl ReportLabels<'_> {
    fn get(&self, prefix: &str, key: &str) -> String {
        self.messages
            .format(self.lang, &format!("{prefix}-{key}"), None)
            .unwrap_or_else(|| key.to_string())
    }

    fn all(&self, prefix: &str, keys: &[String]) -> Vec<Label> {
        keys.iter()
            .map(|k| Label {
                key: k.clone(),
                label: self.get(prefix, k),
            })
            .collect()
    }

    /// Labels of the places outside the office's area, in site.toml's order.
    fn outside_places(&self, tax: &Taxonomies) -> Vec<String> {
        tax.outside_places
            .iter()
            .map(|p| self.get("places", p))
            .collect()
    }
}

/// [`report_in`] worded in German.
pub fn report(site: &Site, messages: &Messages, now: DateTime) -> Report {
    report_in(site, messages, now, &ToolText::new(Lang::De))
}

pub fn report_in(site: &Site, messages: &Messages, now: DateTime, t: &ToolText) -> Report {
    let cfg = &site.config;
    let labels = ReportLabels {
        messages,
        lang: &cfg.default_language,
        t,
    };
    let offers: Vec<&Item> = site.counted(Kind::Offer, now).collect();
    let mut tables = tables(site, &labels, &offers, now);
    for t in &mut tables {
        t.sort_gaps_first();
    }
    let events_ahead = upcoming_events(site, now).len();
    Report {
        now,
        offers: offers.len(),
        events_ahead,
        per_topic: per_topic(site, &labels, now),
        tables,
        review_overdue: review_overdue(site, &offers, now.date()),
        unreferenced_contacts: unreferenced_contacts(site),
    }
}

/// The count tables: offers by topic and place, audience and topic,
/// language and place; events ahead by place.
fn tables(site: &Site, labels: &ReportLabels, offers: &[&Item], now: DateTime) -> Vec<Table> {
    let cfg = &site.config;
    let tax = |t: Taxonomy| labels.all(t.key(), cfg.taxonomies.terms(t));
    let places = || Axis::places(&cfg.taxonomies, tax(Taxonomy::Places), |l| &l.places);
    let t = labels.t;
    let outside = words::outside_sentence(t, &labels.outside_places(&cfg.taxonomies));
    let (languages, no_offer) = language_labels(cfg, labels, offers);
    vec![
        cross(
            Heading {
                id: "angebote-thema-ort",
                title: t.say("report-topic-place", &[]),
                note: words::count_note(t, "report-topic-place-note") + &outside,
                row_header: t.say("report-topic", &[]),
            },
            Axis::new(tax(Taxonomy::Topics), |l| &l.topics),
            places(),
            offers,
        ),
        cross(
            Heading {
                id: "angebote-zielgruppe-thema",
                title: t.say("report-audience-topic", &[]),
                note: words::count_note(t, "report-audience-topic-note"),
                row_header: t.say("report-audience", &[]),
            },
            Axis::new(tax(Taxonomy::Audiences), |l| &l.audiences),
            Axis::new(tax(Taxonomy::Topics), |l| &l.topics),
            offers,
        ),
        cross(
            Heading {
                id: "angebote-sprache-ort",
                title: t.say("report-language-place", &[]),
                note: words::count_note(t, "report-language-place-note")
                    + &outside
                    + &words::left_out_sentence(t, &no_offer),
                row_header: t.say("report-language", &[]),
            },
            Axis::new(languages, |l| &l.offered_in),
            places(),
            offers,
        ),
        events_per_place(site, labels, now),
    ]
}

/// Languages: the site's, then any other key an offer is held in; labelled
/// by their `language-<key>` message, else the language's own name. A site
/// language that is a variant of another (easy-read German, tag `de`) is
/// left out unless an offer names it: `offered_in` names languages by their
/// code, so an offer in easy-read German is held in `de`. The labels of the
/// languages left out come second.
fn language_labels(
    cfg: &SiteConfig,
    labels: &ReportLabels,
    offers: &[&Item],
) -> (Vec<Label>, Vec<String>) {
    let named: BTreeSet<&String> = offers
        .iter()
        .filter_map(|o| o.data.listing())
        .flat_map(|l| &l.offered_in)
        .collect();
    let mut languages: Vec<String> = cfg.language_keys();
    languages.extend(
        named
            .iter()
            .filter(|k| !languages.contains(**k))
            .map(|k| (*k).clone())
            .collect::<Vec<_>>(),
    );
    let (kept, left_out): (Vec<Label>, Vec<Label>) = labels
        .all("language", &languages)
        .into_iter()
        .map(|mut l| {
            // No `language-<key>` message (e.g. `ls`): the language's own name.
            if l.label == l.key
                && let Some(lang) = cfg.language(&l.key)
            {
                l.label = lang.name.clone();
            }
            l
        })
        .partition(|l| {
            named.contains(&l.key)
                || cfg
                    .language(&l.key)
                    .is_none_or(|lang| lang.tag.language.as_str() == l.key)
        });
    (kept, left_out.into_iter().map(|l| l.label).collect())
}

/// Offers whose `review_by` date is before `today`, oldest first.
fn review_overdue(site: &Site, offers: &[&Item], today: Date) -> Vec<ListEntry> {
    let mut overdue: Vec<ListEntry> = offers
        .iter()
        .filter_map(|o| match &o.data {
            ItemData::Offer(d) => d.review_by.filter(|r| *r < today).map(|r| (o, r)),
            _ => None,
        })
        .map(|(o, r)| ListEntry {
            item: o.path(),
            title: o.source_text(&site.config).title.clone(),
            date: Some(r),
        })
        .collect();
    overdue.sort_by(|a, b| (a.date, &a.item).cmp(&(b.date, &b.item)));
    overdue
}

/// Contacts that nothing refers to, in site order.
fn unreferenced_contacts(site: &Site) -> Vec<ListEntry> {
    let referenced = referenced_contacts(site);
    site.of_kind(Kind::Contact)
        .filter(|c| !referenced.contains(&c.slug))
        .map(|c| ListEntry {
            item: c.path(),
            title: c.source_text(&site.config).title.clone(),
            date: None,
        })
        .collect()
}

/// What a table is called and how it is read.
struct Heading {
    id: &'static str,
    title: String,
    note: String,
    row_header: String,
}

/// One side of a cross table: its terms (places outside the office's area
/// apart) and the field of an offer that carries them.
struct Axis {
    labels: Vec<Label>,
    outside: Vec<Label>,
    terms: fn(&Listing) -> &Vec<String>,
}

impl Axis {
    fn new(labels: Vec<Label>, terms: fn(&Listing) -> &Vec<String>) -> Axis {
        Axis {
            labels,
            outside: Vec::new(),
            terms,
        }
    }

    /// Places, those outside the office's area apart.
    fn places(tax: &Taxonomies, labels: Vec<Label>, terms: fn(&Listing) -> &Vec<String>) -> Axis {
        let (outside, labels) = labels.into_iter().partition(|l| tax.is_outside(&l.key));
        Axis {
            labels,
            outside,
            terms,
        }
    }
}

/// Counts offers for every (row term, column term) pair they carry, and
/// each row's distinct offers.
fn cross(head: Heading, rows: Axis, columns: Axis, offers: &[&Item]) -> Table {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut distinct: BTreeMap<&str, usize> = BTreeMap::new();
    for l in offers.iter().filter_map(|o| o.data.listing()) {
        // A term listed twice in one offer still counts the offer once.
        let rs: BTreeSet<&String> = (rows.terms)(l).iter().collect();
        let cs: BTreeSet<&String> = (columns.terms)(l).iter().collect();
        for r in &rs {
            *distinct.entry(r.as_str()).or_default() += 1;
            for c in &cs {
                *counts.entry((r.as_str(), c.as_str())).or_default() += 1;
            }
        }
    }
    let cells = |r: &str, cols: &[Label]| -> Vec<usize> {
        cols.iter()
            .map(|c| counts.get(&(r, c.key.as_str())).copied().unwrap_or(0))
            .collect()
    };
    let rows = rows
        .labels
        .into_iter()
        .map(|r| CountRow {
            cells: cells(&r.key, &columns.labels),
            outside_cells: cells(&r.key, &columns.outside),
            distinct: Some(distinct.get(r.key.as_str()).copied().unwrap_or(0)),
            outside: false,
            key: r.key,
            label: r.label,
        })
        .collect();
    Table {
        id: head.id,
        title: head.title,
        note: head.note,
        row_header: head.row_header,
        columns: columns.labels,
        outside_columns: columns.outside,
        rows,
        has_total: true,
    }
}

/// Offers and upcoming events per topic, in the order of site.toml: what
/// counts ([`Item::is_counted`]), as readers see it counted on the site.
fn per_topic(site: &Site, labels: &ReportLabels, now: DateTime) -> Table {
    let topics = site.config.taxonomies.terms(Taxonomy::Topics).to_vec();
    let count = |kind: Kind, topic: &str| {
        site.counted(kind, now)
            .filter_map(|i| i.data.listing())
            .filter(|l| l.topics.iter().any(|t| t == topic))
            .count()
    };
    let t = labels.t;
    Table {
        id: "eintraege-thema",
        title: t.say("report-per-topic", &[]),
        note: t.say("report-per-topic-note", &[]),
        row_header: t.say("report-topic", &[]),
        columns: vec![
            Label {
                key: "angebote".into(),
                label: t.say("report-offers", &[]),
            },
            Label {
                key: "veranstaltungen".into(),
                label: t.say("report-upcoming-events", &[]),
            },
        ],
        rows: labels
            .all("topics", &topics)
            .into_iter()
            .map(|l| CountRow {
                cells: vec![count(Kind::Offer, &l.key), count(Kind::Event, &l.key)],
                outside_cells: Vec::new(),
                // An item is an offer or an event: the sum counts each once.
                distinct: None,
                outside: false,
                key: l.key,
                label: l.label,
            })
            .collect(),
        outside_columns: Vec::new(),
        has_total: true,
    }
}

/// Slugs of contacts referred to by a field or by a link in any text.
fn referenced_contacts(site: &Site) -> BTreeSet<String> {
    let langs = site.config.language_keys();
    let mut out = BTreeSet::new();
    for item in std::iter::once(&site.home).chain(site.items.values()) {
        match &item.data {
            ItemData::Offer(o) => {
                out.extend(o.listing.contacts.iter().cloned());
                out.extend(o.provider.iter().cloned());
            }
            ItemData::Event(e) => {
                out.extend(e.listing.contacts.iter().cloned());
                out.extend(e.organizer.iter().cloned());
            }
            ItemData::Contact(c) => out.extend(c.organization.iter().cloned()),
            ItemData::Home | ItemData::Page | ItemData::Location(_) => {}
        }
        for text in item.texts.values() {
            for (dest, _) in text.links.iter() {
                if let Some(Ok(link)) = content_link(dest, &langs)
                    && link.kind == Kind::Contact
                    && link.slug != item.slug
                {
                    out.insert(link.slug);
                }
            }
        }
    }
    out
}
