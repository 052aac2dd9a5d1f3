//! `site.toml`: the site's settings, validated into a [`SiteConfig`].
//! Over 600 lines because it holds the raw `site.toml` shape and the one
//! validation pass that ties the tables together (languages, taxonomies,
//! base URL); tables with rules of their own live in `config/` (legal links,
//! region, map, check settings, open data).

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use unic_langid::{CharacterDirection, LanguageIdentifier};

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::toml_input::{explain_toml_error, suggest};

use crate::layout::CONFIG_FILE;

mod check;
mod legal;
mod map;
mod open_data;
mod region;

pub use check::{CheckSettings, DEFAULT_MAX_DOCUMENT_MB};
pub use legal::{Legal, is_email_address};
use legal::{RawLegal, validate_legal};
pub use map::MapConfig;
pub use open_data::OpenData;
use open_data::{RawOpenData, validate_open_data};
pub use region::Region;

/// CLDR numbering systems a language may set with `numbering` (they apply to
/// dates, times and interface numbers alike).
pub const NUMBERING_SYSTEMS: [&str; 6] = ["latn", "arab", "arabext", "deva", "beng", "thai"];

/// Text direction of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

/// One language of the site.
#[derive(Debug, Clone)]
pub struct Language {
    /// Short key used in file names and URLs (`ar`, `ls`).
    pub key: String,
    /// BCP 47 tag for `lang`, `hreflang`, Fluent and ICU (`ar`, `de`).
    pub tag: LanguageIdentifier,
    /// The language's own name in its own script.
    pub name: String,
    pub dir: Dir,
    /// Where missing text comes from, in order; ends with the default language.
    pub fallback: Vec<String>,
    /// CLDR numbering system for dates and numbers (`latn`, `arab`), if not the locale's default.
    pub numbering: Option<String>,
    /// Whether this language is announced as an hreflang alternate (false for
    /// variants such as easy-read German that share their tag with another language).
    pub hreflang: bool,
    /// Knowingly incomplete (`partial = true`): `check` does not count its
    /// missing translations as a problem; `status` still lists them.
    pub partial: bool,
}

impl Language {
    pub fn tag_str(&self) -> String {
        self.tag.to_string()
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomies {
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub audiences: Vec<String>,
    #[serde(default)]
    pub places: Vec<String>,
    /// Places (keys of `places`) outside the office's area, e.g. a
    /// neighbouring city whose events the guide lists: the gap report shows
    /// them apart and never counts them as gaps.
    #[serde(default)]
    pub outside_places: Vec<String>,
}

/// The three taxonomies of a guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Taxonomy {
    Topics,
    Audiences,
    Places,
}

impl Taxonomy {
    pub const ALL: [Taxonomy; 3] = [Taxonomy::Topics, Taxonomy::Audiences, Taxonomy::Places];

    /// Field name in front matter, URL segment and Fluent message prefix.
    pub fn key(self) -> &'static str {
        match self {
            Taxonomy::Topics => "topics",
            Taxonomy::Audiences => "audiences",
            Taxonomy::Places => "places",
        }
    }
}

impl Taxonomies {
    pub fn terms(&self, t: Taxonomy) -> &[String] {
        match t {
            Taxonomy::Topics => &self.topics,
            Taxonomy::Audiences => &self.audiences,
            Taxonomy::Places => &self.places,
        }
    }

    /// Whether `place` lies outside the office's area (`outside_places`).
    pub fn is_outside(&self, place: &str) -> bool {
        self.outside_places.iter().any(|p| p == place)
    }
}

/// What happens to HTML that editors write inside Markdown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Kept, but cleaned by an allow-list sanitiser (ammonia): no scripts,
    /// styles, frames, forms, event handlers or `javascript:`/`data:` addresses.
    #[default]
    Sanitize,
    /// Shown as text, never interpreted.
    Escape,
    /// Kept as written. Only for sites whose every editor is trusted.
    Trusted,
}

/// `[markdown]` in site.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownSettings {
    #[serde(default)]
    pub raw_html: RawHtml,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    key: toml::Spanned<String>,
    tag: String,
    name: String,
    dir: Option<Dir>,
    fallback: Option<Vec<String>>,
    numbering: Option<String>,
    hreflang: Option<bool>,
    partial: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: String,
    default_language: String,
    time_zone: String,
    region: Option<String>,
    #[serde(default = "default_theme")]
    theme: String,
    legal: RawLegal,
    languages: Vec<toml::Spanned<RawLanguage>>,
    #[serde(default)]
    taxonomies: Taxonomies,
    #[serde(default)]
    markdown: MarkdownSettings,
    #[serde(default = "default_paginate_by")]
    paginate_by: usize,
    map: Option<toml::Spanned<map::RawMap>>,
    #[serde(default)]
    check: CheckSettings,
    #[serde(default = "default_search_shard_size")]
    search_shard_size: usize,
    open_data: Option<RawOpenData>,
}

/// Cards per list page (section lists, term pages, the archive).
pub const DEFAULT_PAGINATE_BY: usize = 100;

fn default_paginate_by() -> usize {
    DEFAULT_PAGINATE_BY
}

/// Bytes (before compression) a search index file aims at: small enough
/// that a reader's first search loads little, large enough that a guide of
/// a few hundred pages has one file of each kind.
pub const DEFAULT_SEARCH_SHARD_SIZE: usize = 32 * 1024;

fn default_search_shard_size() -> usize {
    DEFAULT_SEARCH_SHARD_SIZE
}

fn default_theme() -> String {
    "default".into()
}

/// The validated site configuration.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    /// Without trailing slash, e.g. `https://integration.example.org`.
    pub base_url: String,
    pub default_language: String,
    pub time_zone_name: String,
    pub time_zone: jiff::tz::TimeZone,
    /// Whose public and school holidays `PH` and `SH` in opening hours
    /// mean; `None`: no holidays are known.
    pub region: Option<Region>,
    pub theme: String,
    pub legal: Legal,
    /// In switcher order.
    pub languages: Vec<Language>,
    pub taxonomies: Taxonomies,
    pub markdown: MarkdownSettings,
    /// Cards per list page; longer lists continue on `…/page/2/` and so on.
    pub paginate_by: usize,
    /// `[map]`: the map page of every location (`None`: no map at all).
    pub map: Option<MapConfig>,
    /// `[check]`: document size limit, BITV §4.
    pub check: CheckSettings,
    /// Bytes a file of the search index aims at (output::search::shards).
    pub search_shard_size: usize,
    /// `[open_data]`: the DCAT-AP.de catalogue's settings; `None`: no catalogue.
    pub open_data: Option<OpenData>,
}

impl SiteConfig {
    pub fn language(&self, key: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.key == key)
    }

    pub fn default_lang(&self) -> &Language {
        // `load` guarantees the default language is one of `languages`.
        self.language(&self.default_language)
            .unwrap_or(&self.languages[0])
    }

    /// Keys of all languages, in site order.
    pub fn language_keys(&self) -> Vec<String> {
        self.languages.iter().map(|l| l.key.clone()).collect()
    }

    pub fn is_language(&self, key: &str) -> bool {
        self.language(key).is_some()
    }

    /// Loads and validates `site.toml` in `root`.
    pub fn load(root: &Path) -> Result<SiteConfig, Diagnostics> {
        Self::load_reserving(root, &[])
    }

    /// [`SiteConfig::load`], refusing the language keys `reserved` (the
    /// names the URL scheme uses beside the language folders, which this
    /// module does not know: the build passes them in).
    pub fn load_reserving(root: &Path, reserved: &[String]) -> Result<SiteConfig, Diagnostics> {
        // A site.toml that links out of the site is refused, never read
        // (the rule of every input folder, crate::site_folder).
        crate::site_folder::check_path(root, Path::new(CONFIG_FILE)).map_err(Diagnostics::from)?;
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            let mut ds = Diagnostics::new();
            ds.push(
                Diagnostic::error("config-unreadable")
                    .arg("file", CONFIG_FILE)
                    .arg("detail", e.to_string())
                    .at_path(Path::new(CONFIG_FILE)),
            );
            ds
        })?;
        Self::parse_reserving(SourceFile::new(CONFIG_FILE, text), reserved)
    }

    /// Parses and validates the text of `site.toml`.
    pub fn parse(file: SourceFile) -> Result<SiteConfig, Diagnostics> {
        Self::parse_reserving(file, &[])
    }

    /// [`SiteConfig::parse`], refusing the language keys `reserved`.
    pub fn parse_reserving(
        file: SourceFile,
        reserved: &[String],
    ) -> Result<SiteConfig, Diagnostics> {
        let mut ds = Diagnostics::new();
        let raw = toml::de::DeTable::parse(&file.text).and_then(|mut table| {
            // Names and addresses here reach every page: no control characters.
            crate::text::strip_controls_toml(table.get_mut());
            RawConfig::deserialize(toml::de::Deserializer::from(table))
        });
        let raw: RawConfig = match raw {
            Ok(r) => r,
            Err(e) => {
                ds.push(explain_toml_error(&e, &file, 0, |_| None));
                return Err(ds);
            }
        };
        let cfg = validate(raw, &file, reserved, &mut ds);
        match cfg {
            Some(c) if !ds.has_errors() => Ok(c),
            _ => Err(ds),
        }
    }
}

fn key_span(file: &SourceFile, key: &str) -> Range<usize> {
    // Best effort: the first line that assigns `key`.
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with(key) && t[key.len()..].trim_start().starts_with('=') {
            let start = offset + (line.len() - t.len());
            return start..start + key.len();
        }
        offset += line.len();
    }
    0..0
}

fn valid_key(k: &str) -> bool {
    !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn validate(
    raw: RawConfig,
    file: &SourceFile,
    reserved: &[String],
    ds: &mut Diagnostics,
) -> Option<SiteConfig> {
    let base_url = raw.base_url.trim_end_matches('/').to_string();
    if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
        ds.push(
            Diagnostic::error("base-url-not-web-address")
                .arg("url", raw.base_url.as_str())
                .at(file, key_span(file, "base_url")),
        );
    }
    let time_zone = match jiff::tz::TimeZone::get(&raw.time_zone) {
        Ok(tz) => tz,
        Err(_) => {
            ds.push(
                Diagnostic::error("unknown-time-zone")
                    .arg("zone", raw.time_zone.as_str())
                    .at(file, key_span(file, "time_zone")),
            );
            jiff::tz::TimeZone::UTC
        }
    };
    let region = region::validate_region(raw.region.as_deref(), file, key_span(file, "region"), ds);
    let languages = validate_languages(&raw, file, reserved, ds)?;
    validate_taxonomies(&raw.taxonomies, file, ds);
    let legal = validate_legal(raw.legal, file, ds);
    let map = map::validate_map(raw.map, file, ds);
    if raw.paginate_by == 0 {
        ds.push(
            Diagnostic::error("paginate-by-zero")
                .arg("example", DEFAULT_PAGINATE_BY)
                .at(file, key_span(file, "paginate_by")),
        );
    }
    let open_data = raw.open_data.map(|o| validate_open_data(o, file, ds));
    Some(SiteConfig {
        base_url,
        default_language: raw.default_language,
        time_zone_name: raw.time_zone,
        time_zone,
        region,
        theme: raw.theme,
        legal,
        languages,
        taxonomies: raw.taxonomies,
        markdown: raw.markdown,
        paginate_by: raw.paginate_by.max(1),
        map,
        check: raw.check,
        // Below a few bytes every word would get a file of its own.
        search_shard_size: raw.search_shard_size.max(64),
        open_data,
    })
}

/// The `[[languages]]` validated, in order, and the default language checked
/// against them; `None` if there are none. `reserved`: names a key may not be.
fn validate_languages(
    raw: &RawConfig,
    file: &SourceFile,
    reserved: &[String],
    ds: &mut Diagnostics,
) -> Option<Vec<Language>> {
    let keys: Vec<String> = raw
        .languages
        .iter()
        .map(|l| l.get_ref().key.get_ref().clone())
        .collect();
    let mut seen = BTreeSet::new();
    let mut languages = Vec::new();
    for spanned in &raw.languages {
        let span = spanned.span();
        let l = spanned.get_ref();
        let key = l.key.get_ref();
        if !valid_key(key) {
            ds.push(
                Diagnostic::error("language-key-invalid")
                    .arg("key", key.as_str())
                    .at(file, span.clone()),
            );
        }
        reserved_key(&l.key, reserved, file, ds);
        if !seen.insert(key.clone()) {
            ds.push(
                Diagnostic::error("language-declared-twice")
                    .arg("key", key.as_str())
                    .at(file, span.clone()),
            );
        }
        let site = LanguageContext {
            keys: &keys,
            default_language: &raw.default_language,
            earlier: &languages,
        };
        if let Some(lang) = validate_language(l, span, &site, file, ds) {
            languages.push(lang);
        }
    }
    if languages.is_empty() {
        ds.push(Diagnostic::error("no-languages").in_file(file));
        return None;
    }
    if !keys.contains(&raw.default_language) {
        ds.push(
            Diagnostic::error("default-language-undeclared")
                .arg("key", raw.default_language.as_str())
                .at(file, key_span(file, "default_language"))
                .help(suggest(
                    &raw.default_language,
                    keys.iter().map(String::as_str),
                    "what-language-keys",
                )),
        );
    }
    Some(languages)
}

/// An error if the language key `key` is one of the `reserved` names.
fn reserved_key(
    key: &toml::Spanned<String>,
    reserved: &[String],
    file: &SourceFile,
    ds: &mut Diagnostics,
) {
    let k = key.get_ref();
    if !reserved.contains(k) {
        return;
    }
    // Only the names a key could have (not `sw.js`) help the editor.
    let names: Vec<&str> = reserved
        .iter()
        .map(String::as_str)
        .filter(|r| valid_key(r))
        .collect();
    ds.push(
        Diagnostic::error("language-key-reserved")
            .arg("key", k.as_str())
            .arg(
                "taken",
                crate::tool_text::Arg::Names(names.iter().map(|n| n.to_string()).collect()),
            )
            .at(file, key.span()),
    );
}

/// What one language is validated against.
struct LanguageContext<'a> {
    /// Keys of all declared languages.
    keys: &'a [String],
    default_language: &'a str,
    /// The languages validated before this one.
    earlier: &'a [Language],
}

/// One language: its tag parsed (`None` if it cannot be), its direction
/// derived, its fallbacks checked and completed, its numbering checked.
fn validate_language(
    l: &RawLanguage,
    span: Range<usize>,
    site: &LanguageContext,
    file: &SourceFile,
    ds: &mut Diagnostics,
) -> Option<Language> {
    let tag: LanguageIdentifier = match l.tag.parse() {
        Ok(t) => t,
        Err(_) => {
            ds.push(
                Diagnostic::error("language-tag-invalid")
                    .arg("tag", l.tag.as_str())
                    .at(file, span),
            );
            return None;
        }
    };
    let dir = l.dir.unwrap_or(match tag.character_direction() {
        CharacterDirection::RTL => Dir::Rtl,
        _ => Dir::Ltr,
    });
    let mut fallback = l.fallback.clone().unwrap_or_default();
    for f in &fallback {
        if !site.keys.contains(f) {
            ds.push(
                Diagnostic::error("fallback-language-unknown")
                    .arg("fallback", f.as_str())
                    .arg("key", l.key.get_ref().as_str())
                    .at(file, span.clone())
                    .help(suggest(
                        f,
                        site.keys.iter().map(String::as_str),
                        "what-language-keys",
                    )),
            );
        }
    }
    let key = l.key.get_ref();
    if key != site.default_language && !fallback.iter().any(|f| f == site.default_language) {
        fallback.push(site.default_language.to_string());
    }
    fallback.retain(|f| f != key);
    if let Some(n) = &l.numbering
        && !NUMBERING_SYSTEMS.contains(&n.as_str())
    {
        ds.push(
            Diagnostic::error("numbering-unsupported")
                .arg("numbering", n.as_str())
                .arg("supported", NUMBERING_SYSTEMS.join(", "))
                .at(file, span),
        );
    }
    // A language that shares its tag with an earlier one (easy-read German
    // has the tag `de`) is a variant: linked, not announced as hreflang.
    let shares_tag = site.earlier.iter().any(|x| x.tag == tag);
    Some(Language {
        key: key.clone(),
        tag,
        name: l.name.clone(),
        dir,
        fallback,
        numbering: l.numbering.clone(),
        hreflang: l.hreflang.unwrap_or(!shares_tag),
        partial: l.partial.unwrap_or(false),
    })
}

/// Taxonomy keys: well-formed and each listed once.
fn validate_taxonomies(taxonomies: &Taxonomies, file: &SourceFile, ds: &mut Diagnostics) {
    for t in Taxonomy::ALL {
        let mut seen = BTreeSet::new();
        for term in taxonomies.terms(t) {
            if !valid_key(term) {
                ds.push(
                    Diagnostic::error("taxonomy-key-invalid")
                        .arg("taxonomy", t.key())
                        .arg("term", term.as_str())
                        .at(file, key_span(file, t.key())),
                );
            }
            if !seen.insert(term) {
                ds.push(
                    Diagnostic::error("taxonomy-key-twice")
                        .arg("taxonomy", t.key())
                        .arg("term", term.as_str())
                        .at(file, key_span(file, t.key())),
                );
            }
        }
    }
    let mut seen = BTreeSet::new();
    for place in &taxonomies.outside_places {
        let at = key_span(file, "outside_places");
        if !taxonomies.places.contains(place) {
            ds.push(
                Diagnostic::error("outside-place-unknown")
                    .arg("place", place.as_str())
                    .at(file, at.clone())
                    .help(crate::toml_input::suggest(
                        place,
                        taxonomies.places.iter().map(String::as_str),
                        "what-places",
                    )),
            );
        }
        if !seen.insert(place) {
            ds.push(
                Diagnostic::error("outside-place-twice")
                    .arg("place", place.as_str())
                    .at(file, at),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) const MINIMAL: &str = r#"
base_url = "https://x.example.org/"
default_language = "de"
time_zone = "Europe/Berlin"
[legal]
imprint = "impressum"
privacy = "datenschutz"
accessibility = "barrierefreiheit"
feedback = "a@example.org"
[[languages]]
key = "de"
tag = "de"
name = "Deutsch"
[[languages]]
key = "fa"
tag = "fa"
name = "فارسی"
[[languages]]
key = "ls"
tag = "de"
name = "Leichte Sprache"
"#;

    #[test]
    fn derives_direction_fallback_and_variants() {
        let c = SiteConfig::parse(SourceFile::new("site.toml", MINIMAL)).unwrap();
        assert_eq!(c.base_url, "https://x.example.org");
        let fa = c.language("fa").unwrap();
        assert_eq!(fa.dir, Dir::Rtl);
        assert_eq!(fa.fallback, vec!["de".to_string()]);
        assert!(fa.hreflang);
        let ls = c.language("ls").unwrap();
        assert_eq!(ls.tag_str(), "de");
        assert!(
            !ls.hreflang,
            "a variant sharing `de` is not an hreflang alternate"
        );
        assert!(c.language("de").unwrap().fallback.is_empty());
    }

    #[test]
    fn reserved_names_are_no_language_keys() {
        let reserved = vec!["search".to_string(), "static".to_string()];
        let ok = SiteConfig::parse_reserving(SourceFile::new("site.toml", MINIMAL), &reserved);
        assert!(ok.is_ok());
        let text = MINIMAL.replace("key = \"fa\"", "key = \"search\"");
        assert!(SiteConfig::parse(SourceFile::new("site.toml", text.clone())).is_ok());
        let err =
            SiteConfig::parse_reserving(SourceFile::new("site.toml", text), &reserved).unwrap_err();
        let d = err.iter().next().unwrap();
        assert!(
            d.message().starts_with("`search` cannot be a language key"),
            "{}",
            d.message()
        );
        assert_eq!(d.line_col(), Some((15, 7)));
    }

    #[test]
    fn unknown_key_gets_a_suggestion() {
        let text = MINIMAL.replace("time_zone", "timezone");
        let err = SiteConfig::parse(SourceFile::new("site.toml", text)).unwrap_err();
        let out = err.render_short();
        assert!(out.contains("unknown field `timezone`"), "{out}");
        assert!(out.contains("did you mean `time_zone`"), "{out}");
    }

    #[test]
    fn outside_places_must_be_places() {
        let text = format!(
            "{MINIMAL}[taxonomies]\nplaces = [\"ingelheim\", \"wiesbaden\"]\noutside_places = [\"wiesbaden\"]\n"
        );
        let c = SiteConfig::parse(SourceFile::new("site.toml", text.clone())).unwrap();
        assert!(c.taxonomies.is_outside("wiesbaden"));
        assert!(!c.taxonomies.is_outside("ingelheim"));
        let bad = text.replace(
            "outside_places = [\"wiesbaden\"]",
            "outside_places = [\"wiesbadn\", \"ingelheim\", \"ingelheim\"]",
        );
        let err = SiteConfig::parse(SourceFile::new("site.toml", bad)).unwrap_err();
        let out = err.render_short();
        assert!(
            out.contains("outside_places names `wiesbadn`, which is not one of the places"),
            "{out}"
        );
        assert!(out.contains("did you mean `wiesbaden`"), "{out}");
        assert!(
            out.contains("outside_places names `ingelheim` twice"),
            "{out}"
        );
    }
}
