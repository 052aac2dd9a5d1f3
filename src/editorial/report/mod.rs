//! `wegweiser report`: what the guide has and what it lacks, for the office.
//!
//! Counts offers per topic × place, per audience × topic, the languages offers
//! are held in × place, events in the next 90 days per place, lists offers
//! past their `review_by` date and contacts nothing refers to. The tables are
//! labelled in the default language (the office's), sorted so that gaps come
//! first, and written as a standalone HTML page ([`html`]) and CSV files ([`csv`]).
//! Drafts are left out: the report describes what readers see.

pub mod csv;
pub mod html;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use jiff::civil::{Date, DateTime};

use crate::config::{SiteConfig, Taxonomy};
use crate::content::links::content_link;
use crate::content::{Item, ItemData, Kind, Site};
use crate::diagnostics::Diagnostics;
use crate::i18n::messages::Messages;

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
    pub rows: Vec<CountRow>,
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
}

impl CountRow {
    pub fn total(&self) -> usize {
        self.cells.iter().sum()
    }

    pub fn gaps(&self) -> usize {
        self.cells.iter().filter(|c| **c == 0).count()
    }
}

impl Table {
    /// The count in row `row`, column `column` (by key), for tests and tools.
    pub fn cell(&self, row: &str, column: &str) -> Option<usize> {
        let c = self.columns.iter().position(|l| l.key == column)?;
        let r = self.rows.iter().find(|r| r.key == row)?;
        r.cells.get(c).copied()
    }

    /// Rows with the most empty cells first, then the fewest items; columns
    /// with the fewest items first. Ties keep the order of site.toml.
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
            .sort_by_key(|r| (std::cmp::Reverse(r.gaps()), r.total()));
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

/// Loads the site (drafts left out) and its interface text, and builds the report.
pub fn load_and_report(root: &Path, now: jiff::Timestamp) -> Result<Report, Diagnostics> {
    let site = super::load(root, false)?;
    let (messages, _) = Messages::load(root, &site.config);
    let now = now.to_zoned(site.config.time_zone.clone()).datetime();
    Ok(report(&site, &messages, now))
}

/// Labels from the default language's interface text (`topics-<key>`,
/// `language-<key>`); the key itself where there is none.
struct ReportLabels<'a> {
    messages: &'a Messages,
    lang: &'a str,
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
}

pub fn report(site: &Site, messages: &Messages, now: DateTime) -> Report {
    let cfg = &site.config;
    let labels = ReportLabels {
        messages,
        lang: &cfg.default_language,
    };
    let offers: Vec<&Item> = site.of_kind(Kind::Offer).collect();
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
    let tax = |t: Taxonomy| cfg.taxonomies.terms(t).to_vec();
    vec![
        cross(
            "angebote-thema-ort",
            "Angebote nach Thema und Ort",
            "Zahl der Angebote je Thema (Zeile) und Ort (Spalte). Leere Zellen: kein Angebot zu diesem Thema an diesem Ort.",
            "Thema",
            labels.all("topics", &tax(Taxonomy::Topics)),
            labels.all("places", &tax(Taxonomy::Places)),
            offers,
            |l| &l.topics,
            |l| &l.places,
        ),
        cross(
            "angebote-zielgruppe-thema",
            "Angebote nach Zielgruppe und Thema",
            "Zahl der Angebote je Zielgruppe (Zeile) und Thema (Spalte). Angebote ohne Zielgruppe richten sich an alle und sind hier nicht gezählt.",
            "Zielgruppe",
            labels.all("audiences", &tax(Taxonomy::Audiences)),
            labels.all("topics", &tax(Taxonomy::Topics)),
            offers,
            |l| &l.audiences,
            |l| &l.topics,
        ),
        cross(
            "angebote-sprache-ort",
            "Sprachen der Angebote nach Ort",
            "Zahl der Angebote, die in einer Sprache (Zeile, Feld offered_in) an einem Ort (Spalte) stattfinden.",
            "Sprache",
            language_labels(cfg, labels, offers),
            labels.all("places", &tax(Taxonomy::Places)),
            offers,
            |l| &l.offered_in,
            |l| &l.places,
        ),
        events_per_place(site, labels, now),
    ]
}

/// Languages: the site's, then any other key an offer is held in; labelled
/// by their `language-<key>` message, else the language's own name.
fn language_labels(cfg: &SiteConfig, labels: &ReportLabels, offers: &[&Item]) -> Vec<Label> {
    let mut languages: Vec<String> = cfg.language_keys();
    let extra: BTreeSet<&String> = offers
        .iter()
        .filter_map(|o| o.data.listing())
        .flat_map(|l| &l.offered_in)
        .filter(|k| !languages.contains(*k))
        .collect();
    languages.extend(extra.into_iter().cloned());
    labels
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
        .collect()
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

/// Counts offers for every (row term, column term) pair they carry.
#[allow(clippy::too_many_arguments)]
fn cross(
    id: &'static str,
    title: &str,
    note: &str,
    row_header: &str,
    rows: Vec<Label>,
    columns: Vec<Label>,
    offers: &[&Item],
    row_terms: impl Fn(&crate::content::Listing) -> &Vec<String>,
    col_terms: impl Fn(&crate::content::Listing) -> &Vec<String>,
) -> Table {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for l in offers.iter().filter_map(|o| o.data.listing()) {
        // A term listed twice in one offer still counts the offer once.
        let rs: BTreeSet<&String> = row_terms(l).iter().collect();
        let cs: BTreeSet<&String> = col_terms(l).iter().collect();
        for r in &rs {
            for c in &cs {
                *counts.entry((r.as_str(), c.as_str())).or_default() += 1;
            }
        }
    }
    let rows = rows
        .into_iter()
        .map(|r| CountRow {
            cells: columns
                .iter()
                .map(|c| {
                    counts
                        .get(&(r.key.as_str(), c.key.as_str()))
                        .copied()
                        .unwrap_or(0)
                })
                .collect(),
            key: r.key,
            label: r.label,
        })
        .collect();
    Table {
        id,
        title: title.to_string(),
        note: note.to_string(),
        row_header: row_header.to_string(),
        columns,
        rows,
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
    Table {
        id: "eintraege-thema",
        title: "Einträge nach Thema".to_string(),
        note: "Angebote und kommende Veranstaltungen je Thema; die Summe steht so auf der Startseite, der Themenseite und im Filter.".to_string(),
        row_header: "Thema".to_string(),
        columns: vec![
            Label {
                key: "angebote".into(),
                label: "Angebote".into(),
            },
            Label {
                key: "veranstaltungen".into(),
                label: "Kommende Veranstaltungen".into(),
            },
        ],
        rows: labels
            .all("topics", &topics)
            .into_iter()
            .map(|l| CountRow {
                cells: vec![count(Kind::Offer, &l.key), count(Kind::Event, &l.key)],
                key: l.key,
                label: l.label,
            })
            .collect(),
    }
}

/// Events with at least one session that has not ended by `now` and starts
/// within the next [`EVENT_DAYS`] days, with the number of such sessions.
fn upcoming_events(site: &Site, now: DateTime) -> Vec<(&Item, usize)> {
    // Far beyond any date a guide holds: saturating keeps this total.
    let horizon = now
        .checked_add(jiff::Span::new().days(EVENT_DAYS))
        .unwrap_or(DateTime::MAX);
    site.of_kind(Kind::Event)
        .filter_map(|e| match &e.data {
            ItemData::Event(d) => {
                let n = d
                    .time
                    .sessions()
                    .iter()
                    .filter(|s| s.end > now && s.start < horizon)
                    .count();
                (n > 0).then_some((e, n))
            }
            _ => None,
        })
        .collect()
}

fn events_per_place(site: &Site, labels: &ReportLabels, now: DateTime) -> Table {
    let places = site.config.taxonomies.terms(Taxonomy::Places).to_vec();
    let mut rows: Vec<CountRow> = labels
        .all("places", &places)
        .into_iter()
        .map(|l| CountRow {
            key: l.key,
            label: l.label,
            cells: vec![0, 0],
        })
        .collect();
    let mut without = CountRow {
        key: String::new(),
        label: "(ohne Ort)".to_string(),
        cells: vec![0, 0],
    };
    for (e, n) in upcoming_events(site, now) {
        let Some(l) = e.data.listing() else { continue };
        let mut any = false;
        for r in rows.iter_mut().filter(|r| l.places.contains(&r.key)) {
            r.cells[0] += 1;
            r.cells[1] += n;
            any = true;
        }
        if !any {
            without.cells[0] += 1;
            without.cells[1] += n;
        }
    }
    if without.total() > 0 {
        rows.push(without);
    }
    Table {
        id: "veranstaltungen-ort",
        title: format!("Veranstaltungen in den nächsten {EVENT_DAYS} Tagen nach Ort"),
        note: format!(
            "Veranstaltungen mit mindestens einem Termin ab {} in den folgenden {EVENT_DAYS} Tagen, je Ort; dazu die Zahl dieser Termine.",
            now.date()
        ),
        row_header: "Ort".to_string(),
        columns: vec![
            Label {
                key: "veranstaltungen".into(),
                label: "Veranstaltungen".into(),
            },
            Label {
                key: "termine".into(),
                label: "Termine".into(),
            },
        ],
        rows,
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
            ItemData::Home | ItemData::Page => {}
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

/// The report as plain text for the terminal.
pub fn text(report: &Report) -> String {
    let mut out = format!(
        "Lückenbericht, Stand {}: {} Angebote, {} Veranstaltungen in den nächsten {EVENT_DAYS} Tagen\n",
        report.now.date(),
        report.offers,
        report.events_ahead
    );
    for t in &report.tables {
        out.push_str(&format!("\n{}\n", t.title));
        let w = t
            .rows
            .iter()
            .map(|r| r.label.chars().count())
            .chain([t.row_header.chars().count()])
            .max()
            .unwrap_or(0);
        let pad = |s: &str, n: usize| {
            let mut s = s.to_string();
            s.extend(std::iter::repeat_n(
                ' ',
                n.saturating_sub(s.chars().count()),
            ));
            s
        };
        out.push_str(&pad(&t.row_header, w));
        for c in &t.columns {
            out.push_str(&format!(" | {}", c.label));
        }
        out.push('\n');
        for r in &t.rows {
            out.push_str(&pad(&r.label, w));
            for (c, n) in t.columns.iter().zip(&r.cells) {
                let cell = if *n == 0 {
                    "–".to_string()
                } else {
                    n.to_string()
                };
                out.push_str(&format!(
                    " | {cell:>width$}",
                    width = c.label.chars().count()
                ));
            }
            out.push('\n');
        }
    }
    out.push_str(&format!(
        "\nAngebote nach ihrem Prüfdatum (review_by): {}\n",
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
        "\nKontakte, auf die nichts verweist: {}\n",
        report.unreferenced_contacts.len()
    ));
    for e in &report.unreferenced_contacts {
        out.push_str(&format!("  {} ({})\n", e.item, e.title));
    }
    out
}
