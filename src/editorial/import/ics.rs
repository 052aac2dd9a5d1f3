//! `wegweiser import ics FILE`: the VEVENTs of a partner's calendar into
//! event files (see `docs/import.md`).
//!
//! Decisions: an event without DTEND takes its DURATION, else it lasts its
//! day (all-day) or one hour (with a warning); a weekly rule, or a monthly
//! one on the n-th weekday, becomes Wegweiser's `repeat`; a daily rule is
//! written out as `sessions` with a note; other rules are refused; a rule
//! without end is imported for [`rule::OPEN_YEARS`] year(s) (importing the
//! calendar again extends it). Changed single occurrences (RECURRENCE-ID)
//! are left out with a warning.

pub mod rule;

use std::ops::Range;
use std::path::Path;

use icalendar::parser::{Component, Property, read_calendar, unfold};
use jiff::ToSpan;
use jiff::civil::Date;

use super::{Entry, Plan, plain_to_markdown, quoted, quoted_list, reconcile};
use crate::config::Taxonomy;
use crate::content::{Kind, Session, Site};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::toml_input::suggest;
use rule::{Bad, Imported, When};

/// What the command line adds to every imported event.
#[derive(Debug, Clone, Default)]
pub struct IcsOptions {
    /// `organizer`: a contact's slug.
    pub organizer: Option<String>,
    pub topics: Vec<String>,
    pub places: Vec<String>,
    /// Overwrite (and remove) files an editor changed after the last import.
    pub force: bool,
}

/// Reads the calendar `file` and plans its import into the site at `root`
/// (nothing is written: see [`super::commit`]). The source's name is the
/// calendar file's name, so the next version of the same file updates what
/// this one wrote.
pub fn plan(root: &Path, site: &Site, file: &SourceFile, opts: &IcsOptions) -> Plan {
    let mut ds = Diagnostics::new();
    check_options(site, file, opts, &mut ds);
    let entries = entries(site, file, opts, &mut ds);
    if ds.has_errors() {
        return Plan {
            diagnostics: ds,
            ..Plan::default()
        };
    }
    let source = file
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut plan = reconcile(root, Kind::Event, &source, entries, opts.force, &file.path);
    let mut all = ds;
    all.extend(std::mem::take(&mut plan.diagnostics));
    plan.diagnostics = all;
    plan
}

/// The organizer must be a contact, topics and places declared terms.
fn check_options(site: &Site, file: &SourceFile, opts: &IcsOptions, ds: &mut Diagnostics) {
    if let Some(o) = &opts.organizer
        && !site.known(Kind::Contact, o)
    {
        let contacts: Vec<&str> = site
            .of_kind(Kind::Contact)
            .map(|c| c.slug.as_str())
            .collect();
        ds.push(
            Diagnostic::error("import-organizer-unknown")
                .arg("slug", o.as_str())
                .help(suggest(o, contacts, "what-contacts"))
                .at_path(&file.path),
        );
    }
    for (t, given) in [
        (Taxonomy::Topics, &opts.topics),
        (Taxonomy::Places, &opts.places),
    ] {
        let declared = site.config.taxonomies.terms(t);
        for term in given.iter().filter(|k| !declared.contains(k)) {
            ds.push(
                Diagnostic::error("unknown-taxonomy-key")
                    .arg("taxonomy", t.key())
                    .arg("term", term.as_str())
                    .help(crate::tool_text::Msg::new("taxonomy-key-add").arg(
                        "suggestion",
                        suggest(term, declared.iter().map(String::as_str), "what-keys"),
                    ))
                    .at_path(&file.path),
            );
        }
    }
}

/// Where the `n`-th VEVENT begins in the file (for diagnostics).
fn event_starts(text: &str) -> Vec<usize> {
    text.match_indices("BEGIN:VEVENT").map(|(i, _)| i).collect()
}

/// The line of property `name` inside the event starting at `from`, else
/// the event's first line.
fn prop_span(file: &SourceFile, from: usize, name: &str) -> Range<usize> {
    let text = &file.text[from..];
    let end = text.find("END:VEVENT").unwrap_or(text.len());
    let found = text[..end].match_indices(name).find(|(i, _)| {
        (*i == 0 || text.as_bytes()[i - 1] == b'\n')
            && matches!(text.as_bytes().get(i + name.len()), Some(b':' | b';'))
    });
    let start = found.map_or(0, |(i, _)| i);
    let len = text[start..]
        .find(['\r', '\n'])
        .unwrap_or(text.len() - start);
    from + start..from + start + len
}

fn entries(site: &Site, file: &SourceFile, opts: &IcsOptions, ds: &mut Diagnostics) -> Vec<Entry> {
    if !file
        .text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with("BEGIN:VCALENDAR")
    {
        ds.push(Diagnostic::error("import-ics-not-calendar").in_file(file));
        return Vec::new();
    }
    if let Some(span) = bad_line(&file.text) {
        ds.push(Diagnostic::error("import-ics-bad-line").at(file, span));
        return Vec::new();
    }
    let unfolded = unfold(&file.text);
    let calendar = match read_calendar(&unfolded) {
        Ok(c) => c,
        Err(e) => {
            ds.push(unreadable(file, &e));
            return Vec::new();
        }
    };
    let starts = event_starts(&file.text);
    let mut seen: std::collections::BTreeSet<String> = Default::default();
    let mut out = Vec::new();
    let events = calendar
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT");
    for (n, ev) in events.enumerate() {
        let at = starts.get(n).copied().unwrap_or(0);
        let here = Here { file, at };
        if ev.find_prop("RECURRENCE-ID").is_some() {
            ds.push(here.warn("import-ics-override-ignored", "RECURRENCE-ID"));
            continue;
        }
        match event(site, ev, here, opts, ds) {
            Ok(entry) => {
                if !seen.insert(entry.uid.clone()) {
                    ds.push(
                        here.error("import-ics-uid-duplicate", "UID")
                            .arg("uid", entry.uid.as_str()),
                    );
                    continue;
                }
                out.push(entry);
            }
            Err(d) => ds.push(d),
        }
    }
    out
}

/// The first line that is not `NAME:value` or `NAME;PARAMETERS:value`
/// (continuation lines, which start with a space or tab, excepted).
fn bad_line(text: &str) -> Option<Range<usize>> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let l = line.trim_end_matches(['\r', '\n']);
        if l.is_empty() || l.starts_with([' ', '\t']) {
            continue;
        }
        let name_end = l.find([':', ';']).unwrap_or(l.len());
        let name = &l[..name_end];
        let ok = name_end < l.len()
            && !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && l[name_end..].contains(':');
        if !ok {
            return Some(start..start + l.len());
        }
    }
    None
}

/// A calendar the parser refuses: its message, at the line it names.
fn unreadable(file: &SourceFile, e: &str) -> Diagnostic {
    let line = e
        .split("at line ")
        .nth(1)
        .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse::<usize>().ok());
    let detail = e.lines().find(|l| !l.trim().is_empty()).unwrap_or(e).trim();
    let d = Diagnostic::error("import-ics-unreadable").arg("detail", detail);
    match line {
        Some(l) if l >= 1 => {
            let start: usize = file
                .text
                .split_inclusive('\n')
                .take(l - 1)
                .map(str::len)
                .sum();
            let len = file.text[start.min(file.text.len())..]
                .find('\n')
                .unwrap_or(0);
            d.at(file, start..start + len)
        }
        _ => d.in_file(file),
    }
}

/// An event's place in the calendar file.
#[derive(Clone, Copy)]
struct Here<'a> {
    file: &'a SourceFile,
    at: usize,
}

impl Here<'_> {
    fn error(self, code: &'static str, prop: &str) -> Diagnostic {
        Diagnostic::error(code).at(self.file, prop_span(self.file, self.at, prop))
    }
    fn warn(self, code: &'static str, prop: &str) -> Diagnostic {
        Diagnostic::warning(code).at(self.file, prop_span(self.file, self.at, prop))
    }
}

fn text_of(ev: &Component, name: &str) -> Option<String> {
    ev.find_prop(name)
        .map(|p| p.val.as_str().trim().to_string())
        .filter(|s| !s.is_empty())
}

fn param<'a>(p: &'a Property, key: &str) -> Option<&'a str> {
    p.params
        .iter()
        .find(|x| x.key.as_str().eq_ignore_ascii_case(key))
        .and_then(|x| x.val.as_ref().map(|v| v.as_str()))
}

/// A date or time property in the site's zone.
fn when_of(
    site: &Site,
    ev: &Component,
    name: &str,
    here: Here,
) -> Result<Option<When>, Diagnostic> {
    let Some(p) = ev.find_prop(name) else {
        return Ok(None);
    };
    let is_date = param(p, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
    rule::when(
        p.val.as_str(),
        param(p, "TZID"),
        is_date,
        &site.config.time_zone,
    )
    .map(Some)
    .map_err(|bad| bad_value(here, name, p.val.as_str(), bad))
}

fn bad_value(here: Here, prop: &str, value: &str, bad: Bad) -> Diagnostic {
    match bad {
        Bad::Value => here
            .error("import-ics-bad-time", prop)
            .arg("property", prop)
            .arg("value", value),
        Bad::Zone(zone) => here
            .error("import-ics-zone-unknown", prop)
            .arg("zone", zone),
    }
}

/// One VEVENT as an entry.
fn event(
    site: &Site,
    ev: &Component,
    here: Here,
    opts: &IcsOptions,
    ds: &mut Diagnostics,
) -> Result<Entry, Diagnostic> {
    let uid = text_of(ev, "UID").ok_or_else(|| here.error("import-ics-uid-missing", "BEGIN"))?;
    let title = text_of(ev, "SUMMARY").ok_or_else(|| {
        here.error("import-ics-title-missing", "BEGIN")
            .arg("uid", uid.as_str())
    })?;
    let start = when_of(site, ev, "DTSTART", here)?.ok_or_else(|| {
        here.error("import-ics-start-missing", "BEGIN")
            .arg("uid", uid.as_str())
    })?;
    let mut front = format!("title = {}\n", quoted(&title));
    front.push_str(&time_lines(site, ev, here, start, ds)?);
    if let Some(loc) = text_of(ev, "LOCATION") {
        let place = site
            .of_kind(Kind::Location)
            .find(|l| l.source_text(&site.config).title.trim() == loc);
        match place {
            Some(l) => front.push_str(&format!("at = {}\n", quoted(&l.slug))),
            None => front.push_str(&format!("location = {}\n", quoted(&loc))),
        }
    }
    if let Some(o) = &opts.organizer {
        front.push_str(&format!("organizer = {}\n", quoted(o)));
    }
    if !opts.topics.is_empty() {
        front.push_str(&format!("topics = {}\n", quoted_list(&opts.topics)));
    }
    if !opts.places.is_empty() {
        front.push_str(&format!("places = {}\n", quoted_list(&opts.places)));
    }
    let body = text_of(ev, "DESCRIPTION")
        .map(|d| plain_to_markdown(&d))
        .unwrap_or_default();
    Ok(Entry {
        uid,
        slug: title,
        front,
        body,
    })
}

fn minute(t: jiff::civil::DateTime) -> String {
    t.strftime("%Y-%m-%dT%H:%M").to_string()
}

/// `start`, `end`, `all_day` and the recurrence, as front-matter lines.
fn time_lines(
    site: &Site,
    ev: &Component,
    here: Here,
    start: When,
    ds: &mut Diagnostics,
) -> Result<String, Diagnostic> {
    let end = when_of(site, ev, "DTEND", here)?;
    let length = ev.find_prop("DURATION").map(|p| {
        rule::duration(p.val.as_str()).ok_or_else(|| {
            here.error("import-ics-bad-time", "DURATION")
                .arg("property", "DURATION")
                .arg("value", p.val.as_str())
        })
    });
    let length = length.transpose()?;
    let rrule = text_of(ev, "RRULE");
    let (s, e) = match start {
        When::Day(s) => {
            if rrule.is_some() {
                return Err(here.error("import-ics-rule-unsupported", "RRULE"));
            }
            // DTEND of a day is exclusive: the event ends the day before.
            let last = match (end, length) {
                (Some(e), _) => e.date().yesterday().unwrap_or(s),
                (None, Some(l)) => s.checked_add(l).unwrap_or(s).yesterday().unwrap_or(s),
                (None, None) => s,
            };
            let last = last.max(s);
            return Ok(format!("start = {s}\nend = {last}\nall_day = true\n"));
        }
        When::At(s) => {
            let e = match (end, length) {
                (Some(When::At(e)), _) => e,
                (Some(When::Day(d)), _) => d.to_datetime(s.time()),
                (None, Some(l)) => s.checked_add(l).unwrap_or(s),
                (None, None) => {
                    ds.push(here.warn("import-ics-end-missing", "DTSTART"));
                    s.checked_add(1.hour()).unwrap_or(s)
                }
            };
            (s, e)
        }
    };
    if e <= s {
        return Err(here.error("import-ics-ends-before-start", "DTEND"));
    }
    let first = Session { start: s, end: e };
    let Some(rrule) = rrule else {
        return Ok(format!("start = {}\nend = {}\n", minute(s), minute(e)));
    };
    let except = exdates(site, ev, here)?;
    match rule::import_rule(&rrule, first, &except, &site.config.time_zone) {
        Some(Imported::Rule { rule, open }) => Ok(rule_lines(first, &rule, open, &rrule)),
        Some(Imported::Expanded(sessions)) => {
            let mut out = format!(
                "# Aus dem Kalender: RRULE:{rrule} (als einzelne Termine übernommen)\nsessions = [\n"
            );
            for s in sessions {
                out.push_str(&format!(
                    "  {{ start = {}, end = {} }},\n",
                    minute(s.start),
                    minute(s.end)
                ));
            }
            out.push_str("]\n");
            Ok(out)
        }
        None => Err(here
            .error("import-ics-rule-unsupported", "RRULE")
            .arg("rule", rrule.as_str())),
    }
}

/// Every EXDATE day (there may be several properties, each with a list).
fn exdates(site: &Site, ev: &Component, here: Here) -> Result<Vec<Date>, Diagnostic> {
    let mut out = Vec::new();
    for p in ev.properties.iter().filter(|p| p.name.as_str() == "EXDATE") {
        let is_date = param(p, "VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
        for v in p.val.as_str().split(',') {
            let w = rule::when(v, param(p, "TZID"), is_date, &site.config.time_zone)
                .map_err(|bad| bad_value(here, "EXDATE", v, bad))?;
            out.push(w.date());
        }
    }
    Ok(out)
}

fn rule_lines(
    first: Session,
    rule: &crate::content::recurrence::Recurrence,
    open: bool,
    rrule: &str,
) -> String {
    use crate::content::recurrence::Frequency;
    let mut out = format!(
        "start = {}\nend = {}\n",
        minute(first.start),
        minute(first.end)
    );
    let freq = match rule.frequency {
        Frequency::Weekly => "weekly",
        Frequency::Monthly => "monthly",
    };
    let days: Vec<String> = rule
        .weekdays
        .iter()
        .map(|d| format!("{d:?}").to_lowercase())
        .collect();
    out.push_str(&format!(
        "repeat = \"{freq}\"\nrepeat_on = {}\n",
        quoted_list(&days)
    ));
    if let Some(w) = rule.week {
        out.push_str(&format!("repeat_week = {w}\n"));
    }
    if rule.interval != 1 {
        out.push_str(&format!("repeat_interval = {}\n", rule.interval));
    }
    if open {
        out.push_str(&format!(
            "# Aus dem Kalender: RRULE:{rrule} (ohne Ende; übernommen für ein Jahr)\n"
        ));
    }
    out.push_str(&format!("repeat_until = {}\n", rule.until));
    if !rule.except.is_empty() {
        let days: Vec<String> = rule.except.iter().map(Date::to_string).collect();
        out.push_str(&format!("except = [{}]\n", days.join(", ")));
    }
    out
}
