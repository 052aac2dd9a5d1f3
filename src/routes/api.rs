//! The paths of the open-data files: the JSON API below [`API_ROOT`]
//! (`/api/v1/`), its JSON Schemas and the DCAT-AP.de catalogue.
//!
//! Per language: `/api/v1/<lang>/index.json` (what exists),
//! `/api/v1/<lang>/<folder>/page/<n>.json` (a list, in pages),
//! `/api/v1/<lang>/<folder>/<slug>.json` (one item) and
//! `/api/v1/<lang>/taxonomies.json`. An item slug never meets a list page:
//! `page.json` and the folder `page/` are different names.

use crate::content::Kind;

/// The folder of the API (its version in the path: a change that breaks
/// consumers gets `/api/v2/` beside it).
pub const API_ROOT: &str = "/api/v1/";

/// The DCAT-AP.de catalogue (written only with `[open_data]`).
pub const DCAT: &str = "/dcat.jsonld";

/// The API's root: the languages and the schemas.
pub fn api_root() -> String {
    format!("{API_ROOT}index.json")
}

/// What a language offers: the lists with their sizes, the taxonomies.
pub fn api_index(lang: &str) -> String {
    format!("{API_ROOT}{lang}/index.json")
}

/// Page `page` (1-based) of the list of a kind's items in a language.
pub fn api_list(lang: &str, kind: Kind, page: usize) -> String {
    format!("{API_ROOT}{lang}/{}/page/{page}.json", kind.folder())
}

/// One item in a language.
pub fn api_item(lang: &str, kind: Kind, slug: &str) -> String {
    format!("{API_ROOT}{lang}/{}/{slug}.json", kind.folder())
}

/// Topics, audiences and places with their labels in a language.
pub fn api_taxonomies(lang: &str) -> String {
    format!("{API_ROOT}{lang}/taxonomies.json")
}

/// The JSON Schema of one kind of API file (`root`, `index`, `list`,
/// `item`, `taxonomies`).
pub fn api_schema(name: &str) -> String {
    format!("{API_ROOT}schema/{name}.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_paths() {
        assert_eq!(api_root(), "/api/v1/index.json");
        assert_eq!(api_index("ar"), "/api/v1/ar/index.json");
        assert_eq!(
            api_list("de", Kind::Offer, 2),
            "/api/v1/de/offers/page/2.json"
        );
        assert_eq!(
            api_item("uk", Kind::Event, "fest"),
            "/api/v1/uk/events/fest.json"
        );
        assert_eq!(api_schema("item"), "/api/v1/schema/item.json");
        assert_eq!(
            crate::routes::file_for(&api_item("de", Kind::Offer, "page")),
            "api/v1/de/offers/page.json"
        );
    }
}
