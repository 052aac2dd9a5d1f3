//! Merging a source file and its translations into one [`Item`], with the
//! checks that need only that item: required fields, dates, value formats.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::spanned::Spanned;
use jiff::civil::Date;
use toml::value::Datetime;

use super::parse::{ParsedFile, RawFront};
use super::{ContactData, ContactKind, EventData, Item, ItemData, Kind, Listing, OfferData, Text};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

mod event;
mod location;
mod overlap;
mod zone;

use event::{attendance, event_time};

/// Builds an item from its files (all with the same kind and slug).
pub fn assemble(files: Vec<ParsedFile>, config: &SiteConfig, ds: &mut Diagnostics) -> Option<Item> {
    let (sources, translations): (Vec<_>, Vec<_>) = files.into_iter().partition(|f| {
        f.id.lang
            .as_deref()
            .is_none_or(|l| l == config.default_language)
    });
    let Some(source) = sources.into_iter().next() else {
        report_orphans(&translations, ds);
        return None;
    };

    let before = ds.error_count();
    let (texts, draft_translations) = texts(&source, &translations, config, ds);
    let f = &source.front;
    let Some(data) = item_data(&source, config, ds) else {
        // An item is only left out with a reason the editor is told.
        debug_assert!(
            ds.error_count() > before,
            "{} dropped without an error",
            source.file.path.display()
        );
        return None;
    };
    let updated = f
        .updated
        .as_ref()
        .and_then(|d| date(&source, d, "updated", ds));
    if ds.error_count() > before {
        return None;
    }
    let fingerprint = super::status::fingerprint(texts.get(&config.default_language)?);
    Some(Item {
        kind: source.id.kind,
        slug: source.id.slug.clone(),
        draft: f.draft.unwrap_or(false),
        updated,
        data,
        texts,
        draft_translations,
        fingerprint,
        image: image_field(&source, ds),
        media: Default::default(),
    })
}

/// An error for each translation whose source file is missing.
fn report_orphans(translations: &[ParsedFile], ds: &mut Diagnostics) {
    for t in translations {
        let name = if t.id.kind == Kind::Home {
            "_index.md".to_string()
        } else {
            format!("{}.md", t.id.slug)
        };
        ds.push(
            Diagnostic::error("translation-without-source")
                .arg("name", name)
                .in_file(&t.file),
        );
    }
}

/// The texts of the source and its finished translations, by language, and
/// the languages whose translation is still a draft.
fn texts(
    source: &ParsedFile,
    translations: &[ParsedFile],
    config: &SiteConfig,
    ds: &mut Diagnostics,
) -> (BTreeMap<String, Text>, BTreeSet<String>) {
    let mut texts = BTreeMap::new();
    if let Some(t) = text_of(source, &config.default_language, ds) {
        texts.insert(config.default_language.clone(), t);
    }
    let mut draft_translations = BTreeSet::new();
    for tr in translations {
        let lang = tr.id.lang.clone().unwrap_or_default();
        if let Some(mut t) = text_of(tr, &lang, ds) {
            // A translation in progress is not shown to readers yet.
            if tr.front.draft == Some(true) {
                draft_translations.insert(lang);
                continue;
            }
            t.meta = super::TranslationMeta {
                source_hash: tr.front.source_hash.as_ref().map(|h| h.get_ref().clone()),
                machine_translated: tr.front.machine_translated.unwrap_or(false),
                reviewed: tr.front.reviewed.unwrap_or(false),
            };
            texts.insert(lang, t);
        }
    }
    (texts, draft_translations)
}

/// The kind-specific data of the source file; `None` if an event's time or
/// a contact cannot be read.
fn item_data(source: &ParsedFile, config: &SiteConfig, ds: &mut Diagnostics) -> Option<ItemData> {
    let f = &source.front;
    Some(match source.id.kind {
        Kind::Home => ItemData::Home,
        Kind::Page => ItemData::Page,
        Kind::Offer => ItemData::Offer(OfferData {
            listing: listing(source, ds),
            provider: f.provider.as_ref().map(|s| s.get_ref().clone()),
            childcare: f.childcare,
            website: url(source, f.website.as_ref(), ds),
            review_by: f
                .review_by
                .as_ref()
                .and_then(|d| date(source, d, "review_by", ds)),
            opening_hours: opening_hours(source, "", config, ds),
        }),
        Kind::Event => {
            let time = event_time(source, config, ds)?;
            let online_url = url(source, f.online_url.as_ref(), ds);
            let attendance = attendance(source, online_url.is_some(), ds);
            ItemData::Event(EventData {
                listing: listing(source, ds),
                organizer: f.organizer.as_ref().map(|s| s.get_ref().clone()),
                time,
                location: f.location.clone(),
                online_url,
                attendance,
                archived: f.archived.unwrap_or(false),
            })
        }
        Kind::Contact => ItemData::Contact(ContactData {
            opening_hours: opening_hours(source, "", config, ds),
            ..contact(source, ds)?
        }),
        Kind::Location => ItemData::Location(location::data(source, config, ds)),
    })
}

/// The `opening_hours` value parsed, with `more` rules appended (a
/// location's closures); a syntax error points at the place in the value
/// the parser stopped.
fn opening_hours(
    p: &ParsedFile,
    more: &str,
    config: &SiteConfig,
    ds: &mut Diagnostics,
) -> Option<super::hours::Hours> {
    let v = p.front.opening_hours.as_ref()?;
    // The editor's value alone first: an error's offset is then inside it.
    match super::hours::Hours::parse(v.get_ref(), config.region) {
        Ok(h) if more.is_empty() => Some(h),
        // The appended rules are generated and valid; should the
        // combination still fail, the regular hours are the better truth.
        Ok(h) => Some(
            super::hours::Hours::parse(&format!("{}{more}", v.get_ref()), config.region)
                .unwrap_or(h),
        ),
        Err(e) => {
            let span = p.span(v.span());
            // The value starts after its opening quote(s).
            let quotes = match p.file.text.get(span.start..span.start + 3) {
                Some("\"\"\"" | "'''") => 3,
                _ => 1,
            };
            let at = span.start + quotes + e.offset;
            ds.push(
                Diagnostic::error("hours-unreadable")
                    .arg("detail", e.message.clone())
                    .at(&p.file, at..(at + 1).min(span.end)),
            );
            None
        }
    }
}

fn text_of(p: &ParsedFile, lang: &str, ds: &mut Diagnostics) -> Option<Text> {
    let f = &p.front;
    let Some(title) = f.title.as_ref().map(|t| t.get_ref().trim().to_string()) else {
        ds.push(Diagnostic::error("title-missing").at(&p.file, p.front_offset..p.front_offset));
        return None;
    };
    if title.is_empty() {
        let span = f.title.as_ref().map(|t| t.span()).unwrap_or(0..0);
        ds.push(p.error_at(span, "title-empty"));
        return None;
    }
    Some(Text {
        lang: lang.to_string(),
        file: p.file.clone(),
        title,
        summary: f.summary.clone(),
        schedule: f.schedule.clone(),
        cost: f.cost.clone(),
        role: f.role.clone(),
        office_hours: f.office_hours.clone(),
        transit: f.transit.clone(),
        accessibility_note: f.accessibility_note.clone(),
        closed_reasons: f
            .closed
            .iter()
            .flat_map(|c| c.get_ref())
            .map(|c| c.reason.clone().unwrap_or_default())
            .collect(),
        body: p.body.clone(),
        links: p.links.clone(),
        meta: super::TranslationMeta::default(),
        image_alt: f.image_alt.clone().filter(|a| !a.trim().is_empty()),
        on_disk: p.on_disk.clone(),
        front_form: p.front_form(),
    })
}

/// The `image` of the source file; without `image_alt` (and not marked
/// decorative) it is an error.
fn image_field(p: &ParsedFile, ds: &mut Diagnostics) -> Option<super::ImageField> {
    let f = &p.front;
    let v = f.image.as_ref()?;
    let decorative = f.image_decorative.unwrap_or(false);
    let span = p.span(v.span());
    let has_alt = f.image_alt.as_ref().is_some_and(|a| !a.trim().is_empty());
    if !decorative && !has_alt {
        ds.push(Diagnostic::error("image-alt-missing").at(&p.file, span.clone()));
    }
    Some(super::ImageField {
        path: v.get_ref().trim().to_string(),
        file: p.file.clone(),
        span,
        decorative,
        credit: f.image_credit.clone().filter(|c| !c.trim().is_empty()),
    })
}

fn keys(v: &Option<Vec<Spanned<String>>>) -> Vec<String> {
    v.iter().flatten().map(|s| s.get_ref().clone()).collect()
}

/// The `geo` value: latitude and longitude in range.
fn geo(p: &ParsedFile, ds: &mut Diagnostics) -> Option<(f64, f64)> {
    p.front
        .geo
        .as_ref()
        .and_then(|g| match g.get_ref().as_slice() {
            [lat, lon] if (-90.0..=90.0).contains(lat) && (-180.0..=180.0).contains(lon) => {
                Some((*lat, *lon))
            }
            _ => {
                ds.push(p.error_at(g.span(), "geo-invalid"));
                None
            }
        })
}

fn listing(p: &ParsedFile, ds: &mut Diagnostics) -> Listing {
    let f: &RawFront = &p.front;
    let geo = geo(p, ds);
    Listing {
        topics: keys(&f.topics),
        audiences: keys(&f.audiences),
        places: keys(&f.places),
        offered_in: keys(&f.offered_in),
        contacts: keys(&f.contacts),
        address: f.address.clone(),
        geo,
        accessible: f.accessible,
        registration_url: url(p, f.registration_url.as_ref(), ds),
        at: f.at.as_ref().map(|s| s.get_ref().clone()),
    }
}

fn url(p: &ParsedFile, v: Option<&Spanned<String>>, ds: &mut Diagnostics) -> Option<String> {
    let v = v?;
    let s = v.get_ref().trim();
    if (s.starts_with("https://") || s.starts_with("http://")) && !s.contains(char::is_whitespace) {
        Some(s.to_string())
    } else {
        ds.push(p.error_at(v.span(), "url-invalid").arg("url", s));
        None
    }
}

/// A date field (no time).
fn date(p: &ParsedFile, v: &Spanned<Datetime>, field: &str, ds: &mut Diagnostics) -> Option<Date> {
    let dt = v.get_ref();
    match (dt.date, dt.time) {
        (Some(d), None) => civil_date(p, v.span(), d, ds),
        _ => {
            ds.push(p.error_at(v.span(), "date-with-time").arg("field", field));
            None
        }
    }
}

fn civil_date(
    p: &ParsedFile,
    span: Range<usize>,
    d: toml::value::Date,
    ds: &mut Diagnostics,
) -> Option<Date> {
    match Date::new(d.year as i16, d.month as i8, d.day as i8) {
        Ok(x) => Some(x),
        Err(_) => {
            ds.push(
                p.error_at(span, "date-does-not-exist")
                    .arg("date", format!("{}-{:02}-{:02}", d.year, d.month, d.day)),
            );
            None
        }
    }
}

fn contact(p: &ParsedFile, ds: &mut Diagnostics) -> Option<ContactData> {
    let f = &p.front;
    let kind = match f.kind.as_ref() {
        None => {
            ds.push(
                Diagnostic::error("contact-kind-missing")
                    .at(&p.file, p.front_offset..p.front_offset),
            );
            return None;
        }
        Some(k) => match k.get_ref().as_str() {
            "person" => ContactKind::Person,
            "organization" => ContactKind::Organization,
            other => {
                ds.push(
                    p.error_at(k.span(), "contact-kind-unknown")
                        .arg("kind", other)
                        .help(crate::toml_input::suggest(
                            other,
                            ["person", "organization"],
                            "what-values",
                        )),
                );
                return None;
            }
        },
    };
    if let Some(e) = &f.email {
        let s = e.get_ref();
        if !crate::config::is_email_address(s) {
            ds.push(
                p.error_at(e.span(), "email-invalid")
                    .arg("address", s.as_str()),
            );
        }
    }
    if let Some(ph) = &f.phone {
        let s = ph.get_ref();
        let ok = s.starts_with('+')
            && s.chars().filter(char::is_ascii_digit).count() >= 6
            && s.chars()
                .all(|c| c.is_ascii_digit() || " +-/()".contains(c));
        if !ok {
            ds.push(
                p.error_at(ph.span(), "phone-invalid")
                    .arg("phone", s.as_str()),
            );
        }
    }
    Some(ContactData {
        kind,
        organization: f.organization.as_ref().map(|s| s.get_ref().clone()),
        phone: f.phone.as_ref().map(|s| s.get_ref().clone()),
        email: f.email.as_ref().map(|s| s.get_ref().clone()),
        website: url(p, f.website.as_ref(), ds),
        address: f.address.clone(),
        languages: keys(&f.languages),
        opening_hours: None,
        at: f.at.as_ref().map(|s| s.get_ref().clone()),
    })
}

/// Two files that claim the same item in the same language (e.g. the same
/// slug in two sub-folders, or `x.md` beside `x.de.md`) are an error.
pub(super) fn dedupe(
    files: Vec<ParsedFile>,
    config: &SiteConfig,
    ds: &mut Diagnostics,
) -> Vec<ParsedFile> {
    let mut seen: BTreeMap<String, SourceFile> = BTreeMap::new();
    let mut out = Vec::new();
    for f in files {
        let lang =
            f.id.lang
                .clone()
                .unwrap_or_else(|| config.default_language.clone());
        if let Some(first) = seen.get(&lang) {
            ds.push(
                Diagnostic::error("item-duplicate")
                    .arg("kind", f.id.kind.name())
                    .arg("slug", f.id.slug.as_str())
                    .arg("lang", lang.as_str())
                    .arg("first", first.path.display())
                    .in_file(&f.file),
            );
            continue;
        }
        seen.insert(lang, f.file.clone());
        out.push(f);
    }
    out
}
