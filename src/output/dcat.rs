//! `/dcat.jsonld`: the site's open data described for portals (GovData and
//! the states' portals harvest it) in DCAT-AP.de 2.0, as JSON-LD. Written
//! only when site.toml has `[open_data]` (which gives the licence).
//!
//! One catalogue; one dataset per kind of content (offers, events, contacts,
//! locations); per dataset a distribution per format: the JSON API, web
//! pages, and iCalendar (events) or vCard (contacts). Formats are EU
//! file-type addresses, media types IANA's, languages EU language addresses,
//! the licence from the DCAT-AP.de list. The property names are spelled out
//! with prefixes (`dct:title`) and the context maps them, so the file reads
//! like the specification's tables.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;
use serde_json::{Value, json};

use crate::content::{Kind, Site};
use crate::output::api::KINDS;
use crate::routes;

/// Interface text of the catalogue in one language.
#[derive(Debug, Clone, Default)]
pub struct DcatLabels {
    pub site_title: String,
    /// The catalogue's description.
    pub catalogue: String,
    /// Each dataset's title (the section's name) and description, by kind.
    pub datasets: BTreeMap<Kind, (String, String)>,
}

const FILE_TYPE: &str = "http://publications.europa.eu/resource/authority/file-type/";
const LANGUAGE: &str = "http://publications.europa.eu/resource/authority/language/";
const MEDIA_TYPE: &str = "https://www.iana.org/assignments/media-types/";
/// EU data theme "Population and society".
const THEME: &str = "http://publications.europa.eu/resource/authority/data-theme/SOCI";

/// The EU language authority's code of a BCP 47 tag's language, for the
/// languages integration guides are written in; `None` for others.
pub fn eu_language(tag: &str) -> Option<&'static str> {
    let primary = tag.split(['-', '_']).next().unwrap_or(tag);
    Some(match primary.to_ascii_lowercase().as_str() {
        "de" => "DEU",
        "en" => "ENG",
        "ar" => "ARA",
        "uk" => "UKR",
        "fa" => "FAS",
        "prs" => "PRS",
        "tr" => "TUR",
        "ru" => "RUS",
        "fr" => "FRA",
        "es" => "SPA",
        "it" => "ITA",
        "pl" => "POL",
        "ro" => "RON",
        "bg" => "BUL",
        "el" => "ELL",
        "ku" => "KUR",
        "ps" => "PUS",
        "so" => "SOM",
        "ti" => "TIR",
        "sq" => "SQI",
        "sr" => "SRP",
        "hr" => "HRV",
        "bs" => "BOS",
        "ur" => "URD",
        "vi" => "VIE",
        "zh" => "ZHO",
        "pt" => "POR",
        "nl" => "NLD",
        _ => return None,
    })
}

/// The prefixes the catalogue's property names use.
fn context() -> Value {
    json!({
        "dcat": "http://www.w3.org/ns/dcat#",
        "dct": "http://purl.org/dc/terms/",
        "dcatde": "http://dcat-ap.de/def/dcatde/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "vcard": "http://www.w3.org/2006/vcard/ns#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    })
}

/// A typed date literal.
fn date(d: Date) -> Value {
    json!({ "@value": d.to_string(), "@type": "xsd:date" })
}

fn id(url: String) -> Value {
    json!({ "@id": url })
}

/// One distribution: where, in which format, under which licence.
struct Format {
    key: &'static str,
    title: &'static str,
    /// EU file type, where the vocabulary has one (it has none for vCard).
    file_type: Option<&'static str>,
    media_type: &'static str,
    access: String,
    downloads: Vec<String>,
}

/// The catalogue, or `None` without `[open_data]`. `today`: the build's date,
/// `dct:modified` of a dataset none of whose items gives `updated`.
///
/// Longer than 80 lines on purpose: the document is written top-down as one
/// `json!` tree (shared nodes first, then datasets, then the catalogue), so
/// that it reads like the specification's tables of properties.
pub fn catalogue(
    site: &Site,
    labels: &BTreeMap<String, DcatLabels>,
    today: Date,
) -> Option<Vec<u8>> {
    let cfg = &site.config;
    let open = cfg.open_data.as_ref()?;
    let abs = |p: &str| routes::under(&cfg.base_url, p);
    let me = abs(routes::DCAT);
    let default = labels
        .get(&cfg.default_language)
        .cloned()
        .unwrap_or_default();
    let in_languages = |f: &dyn Fn(&DcatLabels) -> &str| texts(site, labels, f);
    let languages: Vec<Value> = cfg
        .languages
        .iter()
        .filter_map(|l| eu_language(&l.tag_str()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|code| id(format!("{LANGUAGE}{code}")))
        .collect();
    let name = open
        .publisher
        .clone()
        .unwrap_or_else(|| default.site_title.clone());
    let publisher = json!({
        "@id": format!("{me}#publisher"),
        "@type": "foaf:Organization",
        "foaf:name": name,
    });
    let contact = json!({
        "@id": format!("{me}#contact"),
        "@type": "vcard:Organization",
        "vcard:fn": name,
        "vcard:hasEmail": id(format!("mailto:{}", cfg.legal.feedback)),
    });
    let newest = |kind: Kind| site.of_kind(kind).filter_map(|i| i.updated).max();
    let datasets: Vec<Value> = KINDS
        .into_iter()
        .map(|kind| {
            let d = format!("{me}#{}", kind.folder());
            let title = |t: &DcatLabels| {
                t.datasets.get(&kind).map_or("", |(title, _)| title.as_str()).to_string()
            };
            let distributions: Vec<Value> = formats(site, kind)
                .into_iter()
                .map(|f| distribution(&d, f, &open.license))
                .collect();
            let mut v = json!({
                "@id": d,
                "@type": "dcat:Dataset",
                "dct:identifier": d,
                "dct:title": in_languages(&|t| t.datasets.get(&kind).map_or("", |x| x.0.as_str())),
                "dct:description": in_languages(&|t| t.datasets.get(&kind).map_or("", |x| x.1.as_str())),
                "dct:publisher": id(format!("{me}#publisher")),
                "dcat:contactPoint": contact.clone(),
                "dct:modified": date(newest(kind).unwrap_or(today)),
                "dct:language": languages.clone(),
                "dcat:theme": id(THEME.to_string()),
                "dcat:keyword": title(&default),
                "dcat:landingPage": id(abs(&routes::section(&cfg.default_language, kind))),
                "dcat:distribution": distributions,
            });
            if let Some(c) = &open.contributor_id {
                v["dcatde:contributorID"] = id(c.clone());
            }
            v
        })
        .collect();
    let modified = KINDS.into_iter().filter_map(newest).max().unwrap_or(today);
    let doc = json!({
        "@context": context(),
        "@id": me,
        "@type": "dcat:Catalog",
        "dct:title": in_languages(&|t| t.site_title.as_str()),
        "dct:description": in_languages(&|t| t.catalogue.as_str()),
        "dct:publisher": publisher,
        "foaf:homepage": id(abs(routes::CHOOSER)),
        "dct:language": languages,
        "dct:license": id(open.license.clone()),
        "dct:modified": date(modified),
        "dcat:dataset": datasets,
    });
    // Serialising a `Value` cannot fail.
    serde_json::to_vec_pretty(&doc).ok()
}

/// A text in every language of the site: one per BCP 47 tag (easy-read
/// German shares `de`'s), none where it is empty.
fn texts(
    site: &Site,
    labels: &BTreeMap<String, DcatLabels>,
    f: &dyn Fn(&DcatLabels) -> &str,
) -> Vec<Value> {
    site.config
        .languages
        .iter()
        .filter_map(|l| labels.get(&l.key).map(|t| (l.tag_str(), f(t).to_string())))
        .filter(|(_, text)| !text.is_empty())
        .collect::<BTreeMap<_, _>>()
        .into_iter()
        .map(|(tag, text)| json!({ "@value": text, "@language": tag }))
        .collect()
}

/// One distribution of the dataset `dataset` under the licence `license`.
fn distribution(dataset: &str, f: Format, license: &str) -> Value {
    let mut v = json!({
        "@id": format!("{dataset}-{}", f.key),
        "@type": "dcat:Distribution",
        "dct:title": f.title,
        "dcat:accessURL": id(f.access),
        "dcat:mediaType": id(format!("{MEDIA_TYPE}{}", f.media_type)),
        "dct:license": id(license.to_string()),
    });
    if let Some(t) = f.file_type {
        v["dct:format"] = id(format!("{FILE_TYPE}{t}"));
    }
    if !f.downloads.is_empty() {
        v["dcat:downloadURL"] = f.downloads.into_iter().map(id).collect();
    }
    v
}

/// The distributions of a kind's dataset.
fn formats(site: &Site, kind: Kind) -> Vec<Format> {
    let cfg = &site.config;
    let abs = |p: &str| routes::under(&cfg.base_url, p);
    let keys = cfg.language_keys();
    let mut out = vec![
        Format {
            key: "json",
            title: "JSON API (/api/v1/)",
            file_type: Some("JSON"),
            media_type: "application/json",
            // The lists come in pages: no one file is the whole dataset.
            access: abs(&routes::api_root()),
            downloads: Vec::new(),
        },
        Format {
            key: "html",
            title: "HTML",
            file_type: Some("HTML"),
            media_type: "text/html",
            access: abs(&routes::section(&cfg.default_language, kind)),
            downloads: Vec::new(),
        },
    ];
    match kind {
        Kind::Event => out.push(Format {
            key: "ics",
            title: "iCalendar",
            file_type: Some("ICS"),
            media_type: "text/calendar",
            access: abs(&routes::events_ics(&cfg.default_language)),
            downloads: keys.iter().map(|l| abs(&routes::events_ics(l))).collect(),
        }),
        Kind::Contact => out.push(Format {
            key: "vcf",
            title: "vCard",
            file_type: None,
            media_type: "text/vcard",
            access: abs(&routes::section(&cfg.default_language, kind)),
            downloads: site
                .of_kind(Kind::Contact)
                .map(|c| abs(&routes::vcard(&cfg.default_language, &c.slug)))
                .collect(),
        }),
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_of_the_example() {
        let got: Vec<_> = ["de", "en", "ar", "uk", "fa", "tr", "ru", "de-x-ls", "qq"]
            .into_iter()
            .map(eu_language)
            .collect();
        let want = [
            Some("DEU"),
            Some("ENG"),
            Some("ARA"),
            Some("UKR"),
            Some("FAS"),
            Some("TUR"),
            Some("RUS"),
            Some("DEU"),
            None,
        ];
        assert_eq!(got, want);
    }
}
