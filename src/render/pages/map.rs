//! The map page (`[map]` in site.toml): every location, grouped by place.
//! Without JavaScript it is that list; the theme's map script reads the
//! list's data attributes (coordinates) and links and draws the markers.

use super::PageBuilder;
use crate::config::Taxonomy;
use crate::content::{Item, ItemData, Kind};
use crate::render::views::{MapGroup, MapLocation, MapView, PageView};
use crate::routes;

impl PageBuilder<'_> {
    /// The map page of `lang` (only routed when the site has `[map]`).
    pub(super) fn map_page(&self, lang: &str, v: &mut PageView) -> &'static str {
        v.title = self.t(lang, "map-title");
        v.section = "locations";
        v.description = Some(self.t(lang, "map-description"));
        let Some(cfg) = &self.site.config.map else {
            return "map.html";
        };
        let locations: Vec<&Item> = self.site.of_kind(Kind::Location).collect();
        let places = |i: &Item| match &i.data {
            ItemData::Location(l) => l.places.clone(),
            _ => Vec::new(),
        };
        let mut groups: Vec<MapGroup> = self
            .site
            .config
            .taxonomies
            .terms(Taxonomy::Places)
            .iter()
            .map(|p| MapGroup {
                label: self.term_label(lang, Taxonomy::Places, p),
                url: Some(routes::term(lang, Taxonomy::Places, p)),
                locations: self.map_locations(
                    lang,
                    locations.iter().copied().filter(|i| places(i).contains(p)),
                ),
            })
            .filter(|g| !g.locations.is_empty())
            .collect();
        let known = self.site.config.taxonomies.terms(Taxonomy::Places);
        let elsewhere = self.map_locations(
            lang,
            locations
                .iter()
                .copied()
                .filter(|i| !places(i).iter().any(|p| known.contains(p))),
        );
        if !elsewhere.is_empty() {
            groups.push(MapGroup {
                label: self.t(lang, "map-no-place"),
                url: None,
                locations: elsewhere,
            });
        }
        v.map = Some(MapView {
            tiles: cfg.tiles.clone(),
            attribution: cfg.attribution.clone(),
            center: cfg.center.map(|(lat, lon)| format!("{lat},{lon}")),
            zoom: cfg.zoom.map(|z| z.to_string()),
            leaflet_css: routes::leaflet("leaflet.css"),
            leaflet_js: routes::leaflet("leaflet.js"),
            script: routes::MAP_SCRIPT.to_string(),
            stylesheet: routes::MAP_STYLESHEET.to_string(),
            groups,
        });
        "map.html"
    }

    /// Locations in reading order, as the map page lists them.
    fn map_locations<'s>(
        &self,
        lang: &str,
        items: impl Iterator<Item = &'s Item>,
    ) -> Vec<MapLocation> {
        self.sorted(lang, items.collect())
            .into_iter()
            .filter_map(|item| {
                let ItemData::Location(l) = &item.data else {
                    return None;
                };
                let text = self.text(item, lang);
                Some(MapLocation {
                    name: self.txt(lang, &text.lang, &text.title),
                    url: routes::item(lang, Kind::Location, &item.slug),
                    address: l.address.clone(),
                    lat: l.geo.map(|(lat, _)| lat.to_string()),
                    lon: l.geo.map(|(_, lon)| lon.to_string()),
                })
            })
            .collect()
    }
}
