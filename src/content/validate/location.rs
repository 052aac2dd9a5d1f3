//! References to locations (`at`) and the keys a location names.

use super::super::naming::meant;
use super::super::{Item, ItemData, Kind, Site};
use super::BadValue;
use crate::config::Taxonomy;
use crate::diagnostics::Diagnostic;
use crate::toml_input::suggest;
use crate::tool_text::Msg;

/// The location an offer, event or contact names with `at` exists; a
/// location's `places` are declared in site.toml.
pub(super) fn check(site: &Site, item: &Item, err: &mut BadValue) {
    if let Some(slug) = item.data.at()
        && !site.known(Kind::Location, slug)
    {
        // A location's name (in any language) rather than a typo of its
        // slug (that gets "did you mean").
        let help = match meant(slug, &super::named(site, Kind::Location)) {
            Some(key) if strsim::levenshtein(slug, key) > 2 => {
                Msg::new("location-slug-not-name").arg("key", key)
            }
            _ => Msg::new("location-create").arg("slug", slug).arg(
                "suggestion",
                suggest(slug, site.slugs(Kind::Location), "what-locations"),
            ),
        };
        err(
            "at",
            slug,
            Diagnostic::error("location-missing")
                .arg("slug", slug)
                .help(help),
        );
    }
    if let ItemData::Location(l) = &item.data {
        let declared = site.config.taxonomies.terms(Taxonomy::Places);
        for term in l.places.iter().filter(|t| !declared.contains(*t)) {
            err(
                "places",
                term,
                Diagnostic::error("unknown-taxonomy-key")
                    .arg("taxonomy", Taxonomy::Places.key())
                    .arg("term", term.as_str())
                    .help(Msg::new("taxonomy-key-add").arg(
                        "suggestion",
                        suggest(term, declared.iter().map(String::as_str), "what-keys"),
                    )),
            );
        }
    }
}
