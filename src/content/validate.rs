//! Checks between items: taxonomy keys, contact references, organisations
//! that belong to themselves, links, legal pages.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;

use super::links::{content_link, safe_address, scheme};
use super::naming::{TermLabels, meant};
use super::{Item, ItemData, Kind, Site, Text};
use crate::config::Taxonomy;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::layout::CONTENT_DIR;
use crate::toml_input::suggest;
use crate::tool_text::{Arg, Msg};

mod location;

/// Runs all cross-item checks on a loaded site. `reserved_pages`: names
/// free pages may not have (see [`super::load::LoadOptions`]).
pub fn validate(site: &Site, reserved_pages: &[&str], labels: &TermLabels, ds: &mut Diagnostics) {
    validate_items(site, None, reserved_pages, labels, ds);
}

/// [`validate`], checking the references and links of only the items `only`
/// (with the home page as `(Kind::Home, "")`). Whether a reference or link
/// holds depends only on which items exist, so after a change that added
/// and removed none, checking the changed items is checking the site.
pub fn validate_items(
    site: &Site,
    only: Option<&BTreeSet<crate::content::ItemKey>>,
    reserved_pages: &[&str],
    labels: &TermLabels,
    ds: &mut Diagnostics,
) {
    let langs = site.config.language_keys();
    // Sorted, for binary search (a guide has hundreds of contacts and
    // thousands of references to them).
    let mut contacts: Vec<&str> = site
        .slugs(Kind::Contact)
        .chain(
            site.broken
                .iter()
                .filter(|k| k.0 == Kind::Contact)
                .map(|k| k.1.as_str()),
        )
        .collect();
    contacts.sort_unstable();
    let checked = |i: &&Item| only.is_none_or(|o| o.contains(&(i.kind, i.slug.clone())));
    let items: Vec<&Item> = site
        .items
        .values()
        .map(|i| &**i)
        .chain(std::iter::once(&*site.home))
        .filter(checked)
        .collect();
    // Each item checked on its own (in parallel: at 10,000 offers the
    // checks are 40 ms of a one-edit build); the findings in item order.
    let found: Vec<Diagnostics> = items
        .par_iter()
        .map(|item| {
            let mut ds = Diagnostics::new();
            check_references(site, item, &contacts, labels, &mut ds);
            for text in item.texts.values() {
                check_links(site, text, &langs, &mut ds);
            }
            ds
        })
        .collect();
    for d in found {
        ds.extend(d);
    }
    // A cycle can run through items that did not change: always the whole site.
    check_organization_cycles(site, ds);
    for page in site.of_kind(Kind::Page) {
        if reserved_pages.contains(&page.slug.as_str()) {
            ds.push(
                Diagnostic::error("page-name-reserved")
                    .arg("slug", page.slug.as_str())
                    .arg("reserved", reserved_pages.join(", "))
                    .in_file(&page.source_text(&site.config).file),
            );
        }
    }
    let legal = &site.config.legal;
    for (what, slug) in [
        ("imprint", &legal.imprint),
        ("privacy", &legal.privacy),
        ("accessibility", &legal.accessibility),
    ] {
        if site.get(Kind::Page, slug).is_none() {
            ds.push(
                Diagnostic::error("legal-page-missing")
                    .arg("what", what)
                    .arg("slug", slug.as_str())
                    .at_path(
                        &Path::new(CONTENT_DIR)
                            .join(Kind::Page.folder())
                            .join(format!("{slug}.md")),
                    )
                    .help(
                        Msg::new("legal-page-create")
                            .arg("slug", slug.as_str())
                            .arg("what", what)
                            .arg(
                                "suggestion",
                                suggest(slug, site.slugs(Kind::Page), "what-pages"),
                            ),
                    ),
            );
        }
    }
}

/// Spans of list fields are only in the source front matter; re-read them from
/// the text to point at the exact value.
fn value_span(text: &Text, field: &str, value: &str) -> std::ops::Range<usize> {
    let src = &*text.file.text;
    let mut offset = 0;
    for line in src.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with(field) && t[field.len()..].trim_start().starts_with('=') {
            let needle = format!("\"{value}\"");
            if let Some(i) = line.find(&needle) {
                return offset + i..offset + i + needle.len();
            }
            let start = offset + (line.len() - t.len());
            return start..start + field.len();
        }
        offset += line.len();
        if t.trim_end() == "+++" && offset > 4 {
            break;
        }
    }
    0..0
}

/// Reports a bad value in front matter: field, value, message, help.
type BadValue<'a> = dyn FnMut(&str, &str, Diagnostic) + 'a;

fn check_references(
    site: &Site,
    item: &Item,
    contacts: &[&str],
    labels: &TermLabels,
    ds: &mut Diagnostics,
) {
    let source = item.source_text(&site.config);
    let mut err = |field: &str, value: &str, d: Diagnostic| {
        ds.push(d.at(&source.file, value_span(source, field, value)));
    };
    check_contact_refs(site, item, contacts, &mut err);
    check_keys(site, item, labels, &mut err);
    location::check(site, item, &mut err);
}

/// Each item of `kind` by slug, with its titles in every language: what
/// an editor may have typed instead of the slug ([`meant`]).
fn named(site: &Site, kind: Kind) -> Vec<(&str, Vec<&str>)> {
    site.of_kind(kind)
        .map(|i| {
            let titles = i.texts.values().map(|t| t.title.as_str()).collect();
            (i.slug.as_str(), titles)
        })
        .collect()
}

/// Every contact an item names exists (`contacts` is sorted).
fn check_contact_refs(site: &Site, item: &Item, contacts: &[&str], err: &mut BadValue) {
    let mut contact_ref = |field: &str, slug: &str| {
        if contacts.binary_search(&slug).is_err() {
            // A contact's name (in any language) or a near miss of its slug.
            let help = match meant(slug, &named(site, Kind::Contact)) {
                Some(key) => Msg::new("contact-slug-not-name").arg("key", key),
                None => Msg::new("contact-create").arg("slug", slug).arg(
                    "suggestion",
                    suggest(slug, contacts.iter().copied(), "what-contacts"),
                ),
            };
            err(
                field,
                slug,
                Diagnostic::error("contact-missing")
                    .arg("field", field)
                    .arg("slug", slug)
                    .help(help),
            );
        }
    };
    if let Some(l) = item.data.listing() {
        for c in &l.contacts {
            contact_ref("contacts", c);
        }
    }
    match &item.data {
        ItemData::Offer(o) => {
            if let Some(p) = &o.provider {
                contact_ref("provider", p);
            }
        }
        ItemData::Event(e) => {
            if let Some(p) = &e.organizer {
                contact_ref("organizer", p);
            }
        }
        ItemData::Contact(c) => {
            if let Some(p) = &c.organization {
                contact_ref("organization", p);
            }
        }
        ItemData::Home | ItemData::Page | ItemData::Location(_) => {}
    }
}

/// No contact belongs to itself through `organization`, directly or
/// through others (its page would list it as its own member): one error per
/// cycle, at the `organization` of its first contact by name, with the chain.
fn check_organization_cycles(site: &Site, ds: &mut Diagnostics) {
    let organization_of: BTreeMap<&str, &str> = site
        .of_kind(Kind::Contact)
        .filter_map(|i| match &i.data {
            ItemData::Contact(c) => c.organization.as_deref().map(|o| (i.slug.as_str(), o)),
            _ => None,
        })
        .collect();
    // Contacts whose chain has been followed to its end (or into a cycle).
    let mut done: BTreeSet<&str> = BTreeSet::new();
    for &start in organization_of.keys() {
        let mut path: Vec<&str> = Vec::new();
        let mut at = start;
        loop {
            if done.contains(at) {
                break;
            }
            if let Some(i) = path.iter().position(|&p| p == at) {
                report_cycle(site, &path[i..], ds);
                break;
            }
            path.push(at);
            match organization_of.get(at) {
                Some(&next) => at = next,
                None => break,
            }
        }
        done.extend(path);
    }
}

/// The error for the contacts `cycle` (each names the next as its
/// organisation, the last the first).
fn report_cycle(site: &Site, cycle: &[&str], ds: &mut Diagnostics) {
    // Start the chain at the first contact by name, so that it reads the
    // same whichever contact the search began with.
    let first = (0..cycle.len()).min_by_key(|&i| cycle[i]).unwrap_or(0);
    let chain: Vec<&str> = cycle[first..]
        .iter()
        .chain(&cycle[..first])
        .chain(std::iter::once(&cycle[first]))
        .copied()
        .collect();
    let Some(item) = site.get(Kind::Contact, chain[0]) else {
        return;
    };
    let text = item.source_text(&site.config);
    let d = if cycle.len() == 1 {
        Diagnostic::error("organization-self").arg("contact", chain[0])
    } else {
        Diagnostic::error("organization-cycle")
            .arg(
                "contacts",
                Arg::Names(chain[..cycle.len()].iter().map(|c| c.to_string()).collect()),
            )
            .arg("chain", chain.join(" → "))
    };
    ds.push(d.at(&text.file, value_span(text, "organization", chain[1])));
}

/// Taxonomy keys are declared in site.toml; language codes look like ones.
fn check_keys(site: &Site, item: &Item, labels: &TermLabels, err: &mut BadValue) {
    if let Some(l) = item.data.listing() {
        for t in Taxonomy::ALL {
            let declared = site.config.taxonomies.terms(t);
            for term in l.terms(t) {
                if !declared.contains(term) {
                    let keys: Vec<(&str, Vec<&str>)> = declared
                        .iter()
                        .map(|k| (k.as_str(), labels.of(t.key(), k)))
                        .collect();
                    // A label (or its near miss) rather than a typo of the key itself.
                    let help = match meant(term, &keys) {
                        Some(key) if strsim::levenshtein(term, key) > 2 => {
                            Msg::new("taxonomy-key-not-label").arg("key", key)
                        }
                        _ => Msg::new("taxonomy-key-add").arg(
                            "suggestion",
                            suggest(term, declared.iter().map(String::as_str), "what-keys"),
                        ),
                    };
                    err(
                        t.key(),
                        term,
                        Diagnostic::error("unknown-taxonomy-key")
                            .arg("taxonomy", t.key())
                            .arg("term", term.as_str())
                            .help(help),
                    );
                }
            }
        }
    }
    let (field, codes) = match (item.data.listing(), &item.data) {
        (Some(l), _) => ("offered_in", &l.offered_in),
        (None, ItemData::Contact(c)) => ("languages", &c.languages),
        (None, _) => return,
    };
    for code in codes {
        if !valid_language_code(code) {
            err(
                field,
                code,
                Diagnostic::error("language-code-invalid").arg("code", code.as_str()),
            );
        }
    }
}

fn valid_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn check_links(site: &Site, text: &Text, langs: &[String], ds: &mut Diagnostics) {
    for (dest, span) in text.links.iter() {
        let span = span.clone();
        if let Some(scheme) = scheme(dest)
            && !safe_address(dest)
        {
            ds.push(
                Diagnostic::error("link-scheme-unsafe")
                    .arg("scheme", scheme)
                    .at(&text.whole_file(), span),
            );
            continue;
        }
        match content_link(dest, langs) {
            None => {}
            Some(Err(msg)) => ds.push(
                Diagnostic::error("link-broken")
                    .arg("dest", dest.as_str())
                    .arg("detail", msg)
                    .at(&text.whole_file(), span),
            ),
            Some(Ok(link)) => {
                let exists = link.kind == Kind::Home || site.known(link.kind, &link.slug);
                if !exists {
                    ds.push(
                        Diagnostic::error("link-dangling")
                            .arg("dest", dest.as_str())
                            .at(&text.whole_file(), span)
                            .help(
                                Msg::new("link-dangling-create")
                                    .arg("folder", link.kind.folder())
                                    .arg("slug", link.slug.as_str())
                                    .arg(
                                        "suggestion",
                                        suggest(
                                            &link.slug,
                                            site.slugs(link.kind),
                                            "what-files-there",
                                        ),
                                    ),
                            ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes() {
        assert!(valid_language_code("ar"));
        assert!(valid_language_code("prs"));
        assert!(valid_language_code("fa-af"));
        assert!(!valid_language_code("arabic"));
        assert!(!valid_language_code("AR"));
    }
}
