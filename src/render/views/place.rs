//! The views of where and when: opening hours and locations (split from
//! `views.rs`, which holds the other view structs).

use serde::Serialize;

use super::{Card, Txt};

/// Opening hours: the regular week, the holiday closures ahead, and what the
/// "open now" badge reads.
#[derive(Debug, Clone, Serialize)]
pub struct HoursView {
    /// Monday to Sunday.
    pub rows: Vec<HoursRow>,
    /// "25. Dezember 2026 (1. Weihnachtstag)".
    pub closures: Vec<String>,
    /// Open intervals of the coming weeks: UTC epoch minutes, start and end
    /// alternating, comma-separated (the time zone and digits the badge
    /// shows them in: [`super::LangView`]).
    pub open: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct HoursRow {
    pub day: String,
    /// The open times of the day; `None`: closed.
    pub times: Option<String>,
    pub today: bool,
}

/// A location as an offer, event or contact shows it, and as its own page
/// shows it (then with what is held there, see [`LocationView`]).
#[derive(Debug, Clone, Serialize)]
pub struct PlaceView {
    pub name: Txt,
    /// Its page.
    pub url: String,
    pub address: Option<String>,
    /// `geo:` URI and the OpenStreetMap route planner (links only).
    pub geo_uri: Option<String>,
    pub directions_url: Option<String>,
    pub opening_hours: Option<HoursView>,
    /// The closed periods not over yet: "20.07.2027 – 14.08.2027 (Sommerpause)".
    pub closed: Vec<String>,
    pub appointment_only: bool,
    pub appointment_url: Option<String>,
    /// The known accessibility features: label and yes/no in words.
    pub access: Vec<AccessRow>,
    pub accessibility_note: Option<Txt>,
    pub transit: Option<Txt>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AccessRow {
    pub label: String,
    /// `yes`, `no` or `unknown`.
    pub value: &'static str,
    pub text: String,
}

/// A location's own page: the place, and what is held there.
#[derive(Debug, Clone, Serialize)]
pub struct LocationView {
    pub place: PlaceView,
    pub offers: Vec<Card>,
    pub events: Vec<Card>,
    pub contacts: Vec<Card>,
}

/// The map page: every location, grouped by place (the page without
/// JavaScript), and what the map script needs to draw them on tiles.
#[derive(Debug, Clone, Serialize)]
pub struct MapView {
    /// Tile URL template (`https://tiles.example.org/{z}/{x}/{y}.png`).
    pub tiles: String,
    pub attribution: String,
    /// `lat,lon` where the map opens, and its zoom; else fitted to the markers.
    pub center: Option<String>,
    pub zoom: Option<String>,
    pub leaflet_css: String,
    pub leaflet_js: String,
    /// The theme's map script and stylesheet.
    pub script: String,
    pub stylesheet: String,
    pub groups: Vec<MapGroup>,
}

/// The locations of one place (a `places` term), or of none.
#[derive(Debug, Clone, Serialize)]
pub struct MapGroup {
    pub label: String,
    /// The place's list page; `None` for the locations without a place.
    pub url: Option<String>,
    pub locations: Vec<MapLocation>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MapLocation {
    pub name: Txt,
    /// Its page.
    pub url: String,
    pub address: Option<String>,
    /// Latitude and longitude as written in data attributes (`None`: no `geo`, no marker).
    pub lat: Option<String>,
    pub lon: Option<String>,
}
