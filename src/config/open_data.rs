//! `[open_data]` in site.toml: whether the site publishes a DCAT-AP.de
//! catalogue (`/dcat.jsonld`) for open-data portals, under which licence,
//! and who publishes it. Without the table there is no catalogue (the JSON
//! API is written in any case: it is the site's content, readable by anyone).

use serde::Deserialize;

use super::key_span;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// Where the licences DCAT-AP.de names live: `dl-by-de/2.0` is
/// `http://dcat-ap.de/def/licenses/dl-by-de/2.0`.
pub const LICENSES: &str = "http://dcat-ap.de/def/licenses/";

/// Where the data providers GovData registers live (`dcatde:contributorID`).
pub const CONTRIBUTORS: &str = "http://dcat-ap.de/def/contributors/";

/// The validated `[open_data]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenData {
    /// The licence's address in the DCAT-AP.de vocabulary.
    pub license: String,
    /// Who publishes the data (the office's or its authority's name);
    /// `None`: the site's title.
    pub publisher: Option<String>,
    /// The provider's address in the DCAT-AP.de vocabulary, which GovData
    /// gives on registration (required there).
    pub contributor_id: Option<String>,
}

/// `[open_data]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOpenData {
    license: String,
    publisher: Option<String>,
    contributor_id: Option<String>,
}

/// A name in a DCAT-AP.de vocabulary: letters, digits, `-`, `.`, `_` and `/`
/// between parts (`dl-by-de/2.0`, `cc-by/4.0`, `openDataBund`).
fn vocabulary_name(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('/')
        && !s.ends_with('/')
        && !s.contains("//")
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '/'))
}

/// The address of `value` in the vocabulary at `base`: a name is put
/// after it, an address already in it is kept; anything else is `None`.
fn in_vocabulary(value: &str, base: &str) -> Option<String> {
    let name = value.strip_prefix(base).unwrap_or(value);
    vocabulary_name(name).then(|| format!("{base}{name}"))
}

pub(super) fn validate_open_data(
    raw: RawOpenData,
    file: &SourceFile,
    ds: &mut Diagnostics,
) -> OpenData {
    let license = in_vocabulary(&raw.license, LICENSES).unwrap_or_else(|| {
        ds.push(
            Diagnostic::error("open-data-license-invalid")
                .arg("license", raw.license.as_str())
                .at(file, key_span(file, "license")),
        );
        String::new()
    });
    let contributor_id = raw.contributor_id.and_then(|c| {
        let id = in_vocabulary(&c, CONTRIBUTORS);
        if id.is_none() {
            ds.push(
                Diagnostic::error("open-data-contributor-invalid")
                    .arg("id", c.as_str())
                    .at(file, key_span(file, "contributor_id")),
            );
        }
        id
    });
    OpenData {
        license,
        publisher: raw.publisher.filter(|p| !p.trim().is_empty()),
        contributor_id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_addresses_in_the_vocabularies() {
        assert_eq!(
            in_vocabulary("dl-by-de/2.0", LICENSES).as_deref(),
            Some("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
        );
        assert_eq!(
            in_vocabulary("http://dcat-ap.de/def/licenses/cc-by/4.0", LICENSES).as_deref(),
            Some("http://dcat-ap.de/def/licenses/cc-by/4.0")
        );
        for bad in ["", "/x", "x/", "a b", "https://example.org/licence", "a//b"] {
            assert_eq!(in_vocabulary(bad, LICENSES), None, "{bad}");
        }
    }
}
