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
