//! Locations: a building or room where offers, events and contacts are
//! found (`content/locations/<slug>.md`). Others name one by slug
//! (`at = "zukunftswerk"`) instead of repeating its address.

use jiff::civil::Date;

use super::hours::Hours;
use super::{ItemData, Kind, Listing, Site};

impl Site {
    /// The data of the location `slug`, if there is one.
    pub fn location(&self, slug: &str) -> Option<&LocationData> {
        match &self.get(Kind::Location, slug)?.data {
            ItemData::Location(l) => Some(l),
            _ => None,
        }
    }

    /// Where an offer or event is: its own address and coordinates if it
    /// gives any, else those of the location it names (`at`).
    pub fn where_of(&self, l: &Listing) -> (Option<String>, Option<(f64, f64)>) {
        if l.address.is_some() || l.geo.is_some() {
            return (l.address.clone(), l.geo);
        }
        match l.at.as_deref().and_then(|s| self.location(s)) {
            Some(d) => (d.address.clone(), d.geo),
            None => (None, None),
        }
    }
}

/// Language-independent data of a location.
#[derive(Debug, Clone)]
pub struct LocationData {
    /// What sort of place it is (`kind`).
    pub kind: LocationKind,
    pub address: Option<String>,
    pub geo: Option<(f64, f64)>,
    /// Taxonomy key of its municipality (`places`).
    pub places: Vec<String>,
    /// Regular hours, with the `closed` periods folded in (so the week, the
    /// badge and the structured data all know them).
    pub opening_hours: Option<Hours>,
    pub closed: Vec<Closure>,
    pub appointment_url: Option<String>,
    /// Visits only by appointment.
    pub appointment_only: bool,
    pub accessibility: Accessibility,
}

/// What sort of place a location is (`kind = "office"`): what search
/// engines are told it is (schema.org `GovernmentOffice`, `School`, `Place`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LocationKind {
    /// Anything else (the default).
    #[default]
    Place,
    /// An office of a public authority (the county administration's
    /// buildings, the immigration office).
    Office,
    /// A school or an adult education centre (Volkshochschule).
    School,
}

impl LocationKind {
    pub const VALUES: [&'static str; 3] = ["place", "office", "school"];

    pub fn from_value(s: &str) -> Option<LocationKind> {
        match s {
            "place" => Some(LocationKind::Place),
            "office" => Some(LocationKind::Office),
            "school" => Some(LocationKind::School),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            LocationKind::Place => "place",
            LocationKind::Office => "office",
            LocationKind::School => "school",
        }
    }
}

/// A period the location is closed (`closed = [{ from, to, reason }]`);
/// the reason is text, in [`super::Text::closed_reasons`] by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closure {
    pub from: Date,
    /// Last closed day (inclusive).
    pub to: Date,
}

/// Whether a feature of accessibility is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Access {
    Yes,
    No,
    #[default]
    Unknown,
}

impl Access {
    pub const VALUES: [&'static str; 3] = ["yes", "no", "unknown"];

    pub fn from_value(s: &str) -> Option<Access> {
        match s {
            "yes" => Some(Access::Yes),
            "no" => Some(Access::No),
            "unknown" => Some(Access::Unknown),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Access::Yes => "yes",
            Access::No => "no",
            Access::Unknown => "unknown",
        }
    }
}

/// The `accessibility` table: each feature yes, no or unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Accessibility {
    pub step_free: Access,
    pub lift: Access,
    pub toilet: Access,
    pub hearing_loop: Access,
    pub parking: Access,
}

impl Accessibility {
    /// The features by their key, in the order the table lists them.
    pub const KEYS: [&'static str; 5] = ["step_free", "lift", "toilet", "hearing_loop", "parking"];

    /// Each feature with its key, in [`Self::KEYS`] order.
    pub fn features(&self) -> [(&'static str, Access); 5] {
        [
            ("step_free", self.step_free),
            ("lift", self.lift),
            ("toilet", self.toilet),
            ("hearing_loop", self.hearing_loop),
            ("parking", self.parking),
        ]
    }

    /// Whether any feature is known (yes or no).
    pub fn is_known(&self) -> bool {
        self.features().iter().any(|(_, a)| *a != Access::Unknown)
    }
}

/// The `closed` periods as OpenStreetMap rules (`2027 Jul 20-2027 Aug 14
/// off`), appended to the regular hours so every evaluation counts them.
pub fn closure_rules(closed: &[Closure]) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let day = |d: Date| {
        let m = MONTHS[(d.month() as usize).clamp(1, 12) - 1];
        format!("{} {m} {:02}", d.year(), d.day())
    };
    closed
        .iter()
        .map(|c| format!("; {}-{} off", day(c.from), day(c.to)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn closures_close_the_hours() {
        let closed = [Closure {
            from: date(2027, 7, 20),
            to: date(2027, 8, 14),
        }];
        let rules = closure_rules(&closed);
        assert_eq!(rules, "; 2027 Jul 20-2027 Aug 14 off");
        let h = Hours::parse(&format!("Mo-Fr 09:00-12:00{rules}"), None).unwrap();
        assert!(!h.is_open(date(2027, 7, 20).at(10, 0, 0, 0)));
        assert!(!h.is_open(date(2027, 8, 13).at(10, 0, 0, 0)));
        assert!(h.is_open(date(2027, 7, 19).at(10, 0, 0, 0)));
        assert!(h.is_open(date(2027, 8, 16).at(10, 0, 0, 0)));
    }
}
