//! The site's region (`region = "DE-RP"` in site.toml): which public and
//! school holidays `PH` and `SH` in opening hours mean.

use std::ops::Range;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// A region with holiday data: a country or one of its subdivisions
/// (ISO 3166-2 codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Region {
    /// Germany as a whole: the public holidays of every Land, no school holidays.
    De,
    /// Rhineland-Palatinate.
    DeRp,
    /// Hesse.
    DeHe,
}

impl Region {
    pub const ALL: [Region; 3] = [Region::De, Region::DeRp, Region::DeHe];

    /// The ISO 3166 code as written in site.toml.
    pub fn code(self) -> &'static str {
        match self {
            Region::De => "DE",
            Region::DeRp => "DE-RP",
            Region::DeHe => "DE-HE",
        }
    }

    pub fn from_code(code: &str) -> Option<Region> {
        Region::ALL
            .into_iter()
            .find(|r| r.code().eq_ignore_ascii_case(code.trim()))
    }
}

/// The `region` setting validated (`None` when it is not set).
pub(super) fn validate_region(
    raw: Option<&str>,
    file: &SourceFile,
    span: Range<usize>,
    ds: &mut Diagnostics,
) -> Option<Region> {
    let raw = raw?;
    let region = Region::from_code(raw);
    if region.is_none() {
        ds.push(
            Diagnostic::error("region-unknown")
                .arg("region", raw)
                .at(file, span)
                .help(crate::toml_input::suggest(
                    raw,
                    Region::ALL.map(Region::code),
                    "what-regions",
                )),
        );
    }
    region
}
