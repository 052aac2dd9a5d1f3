//! `[check]` in site.toml: what `wegweiser check` asks of the site beyond
//! what every build does.

use serde::Deserialize;

/// `[check]` in site.toml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckSettings {
    /// Documents larger than this many megabytes are reported (readers on
    /// phone plans pay for every megabyte).
    #[serde(default = "default_max_document_mb")]
    pub max_document_mb: f64,
    /// Whether BITV 2.0 §4 applies: the home page must explain the site in
    /// German Sign Language and in Leichte Sprache. `false` for sites not
    /// bound by it.
    #[serde(default = "default_bitv")]
    pub bitv: bool,
}

/// Documents up to this size are not reported.
pub const DEFAULT_MAX_DOCUMENT_MB: f64 = 10.0;

fn default_max_document_mb() -> f64 {
    DEFAULT_MAX_DOCUMENT_MB
}

fn default_bitv() -> bool {
    true
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            max_document_mb: DEFAULT_MAX_DOCUMENT_MB,
            bitv: true,
        }
    }
}
