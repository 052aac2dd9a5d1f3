//! The documentation lists every front-matter field: each field the schema
//! allows in a source file of a kind is named (as `` `field` ``) in that
//! kind's section of docs/content.md or among the fields for every kind;
//! and every field of a location in the German handbook page docs/de/orte.md.

use wegweiser::content::Kind;
use wegweiser::content::schema;

fn read(rel: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The text of the `###` section whose heading contains `needle`, up to the
/// next `###` heading (its `####` subsections included).
fn section<'a>(doc: &'a str, needle: &str) -> &'a str {
    let start = doc
        .match_indices("\n### ")
        .map(|(i, _)| i + 1)
        .find(|&i| doc[i..].lines().next().is_some_and(|h| h.contains(needle)))
        .unwrap_or_else(|| panic!("no section with {needle:?}"));
    let rest = &doc[start + 4..];
    let end = rest.find("\n### ").map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

/// The source-file fields of `kind` not named in `text`.
fn missing(kind: Kind, text: &str) -> Vec<&'static str> {
    schema::allowed(kind, false)
        .map(|f| f.name)
        .filter(|name| !text.contains(&format!("`{name}`")))
        .collect()
}

#[test]
fn every_field_of_every_kind_is_explained_in_content_md() {
    let doc = read("docs/content.md");
    let common = section(&doc, "Fields for every kind");
    for kind in [Kind::Offer, Kind::Event, Kind::Contact, Kind::Location] {
        let own = section(&doc, &format!("(`content/{}/`)", kind.folder()));
        let gaps = missing(kind, &format!("{common}{own}"));
        assert!(
            gaps.is_empty(),
            "docs/content.md, section of content/{}/: no word on {gaps:?}",
            kind.folder()
        );
    }
}

#[test]
fn every_field_of_a_location_is_explained_in_the_german_handbook() {
    let gaps = missing(Kind::Location, &read("docs/de/orte.md"));
    assert!(gaps.is_empty(), "docs/de/orte.md: no word on {gaps:?}");
}
