//! schema.org structured data (JSON-LD) for event, contact and offer pages.

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use serde_json::{Map, Value, json};

use crate::content::hours::Hours;
use crate::content::location::{Access, LocationData, LocationKind};
use crate::content::recurrence::{Frequency, Recurrence};
use crate::content::{
    Attendance, ContactData, ContactKind, EventData, EventTime, Item, ItemData, Listing, OfferData,
    Session, Text, address,
};

/// Inputs that are the same for every item of a page.
pub struct Ctx<'a> {
    pub tz: &'a TimeZone,
    pub lang_tag: &'a str,
    /// Absolute URL of the page.
    pub url: &'a str,
    /// Text fields in the page's language (or the fallback's).
    pub text: &'a Text,
    /// The build's day: holiday closures from here on are listed.
    pub today: jiff::civil::Date,
}

/// ISO 8601 with the site zone's offset on that day (summer or winter time).
pub fn with_offset(dt: DateTime, tz: &TimeZone) -> String {
    match dt.to_zoned(tz.clone()) {
        Ok(z) => z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        Err(_) => dt.strftime("%Y-%m-%dT%H:%M:%S").to_string(),
    }
}

fn postal_address(a: &str) -> Value {
    let (street, code, town) = address::split(a);
    let mut m = Map::new();
    m.insert("@type".into(), "PostalAddress".into());
    if !street.is_empty() {
        m.insert("streetAddress".into(), street.into());
    }
    if !code.is_empty() {
        m.insert("postalCode".into(), code.into());
    }
    m.insert("addressLocality".into(), town.into());
    m.insert("addressCountry".into(), "DE".into());
    Value::Object(m)
}

fn place(name: Option<&str>, addr: Option<&str>, geo: Option<(f64, f64)>) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), "Place".into());
    if let Some(n) = name.or(addr) {
        m.insert("name".into(), n.into());
    }
    if let Some(a) = addr {
        m.insert("address".into(), postal_address(a));
    }
    if let Some((lat, lon)) = geo {
        m.insert(
            "geo".into(),
            json!({"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}),
        );
    }
    Value::Object(m)
}

/// A party (organizer, provider) by name and page URL.
pub struct Party {
    pub name: String,
    pub url: String,
    pub is_organization: bool,
}

fn party(p: &Party) -> Value {
    let t = if p.is_organization {
        "Organization"
    } else {
        "Person"
    };
    json!({"@type": t, "name": p.name, "url": p.url})
}

fn common(ctx: &Ctx, t: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("@context".into(), "https://schema.org".into());
    m.insert("@type".into(), t.into());
    m.insert("name".into(), ctx.text.title.clone().into());
    if let Some(s) = &ctx.text.summary {
        m.insert("description".into(), s.clone().into());
    }
    m.insert("url".into(), ctx.url.into());
    m
}

fn languages(l: &Listing) -> Option<Value> {
    (!l.offered_in.is_empty()).then(|| Value::from(l.offered_in.clone()))
}

/// JSON-LD for an item page, if its kind has a schema.org type.
/// `party_of`: a contact by slug; `place_of`: a location's `Place` by slug.
pub fn item(
    item: &Item,
    ctx: &Ctx,
    party_of: impl Fn(&str) -> Option<Party>,
    place_of: impl Fn(&str) -> Option<Value>,
) -> Option<Value> {
    let at = item.data.at().and_then(place_of);
    match &item.data {
        ItemData::Event(e) => event(e, ctx, &party_of, at),
        ItemData::Offer(o) => Some(offer(o, ctx, &party_of, at)),
        ItemData::Contact(c) => Some(contact(c, ctx, &party_of)),
        ItemData::Location(l) => {
            let mut m = common(ctx, place_type(l.kind));
            if let Value::Object(p) = location_place(l, &ctx.text.title, ctx.url, ctx.today) {
                m.extend(p.into_iter().filter(|(k, _)| k != "@type" && k != "name"));
            }
            Some(Value::Object(m))
        }
        ItemData::Home | ItemData::Page => None,
    }
}

/// A location as a schema.org `Place` (or the type of its kind): address, coordinates, opening hours
/// (its closed periods as special days) and accessibility as
/// `amenityFeature`s (only what is known).
pub fn location_place(l: &LocationData, name: &str, url: &str, today: jiff::civil::Date) -> Value {
    let mut p = place(Some(name), l.address.as_deref(), l.geo);
    p["@type"] = place_type(l.kind).into();
    p["url"] = url.into();
    if let Some(h) = &l.opening_hours {
        let mut spec = hours_spec(h, today);
        if let Value::Array(specs) = &mut spec {
            specs.extend(l.closed.iter().filter(|c| c.to >= today).map(|c| {
                json!({"@type": "OpeningHoursSpecification", "validFrom": c.from.to_string(),
                       "validThrough": c.to.to_string(), "opens": "00:00", "closes": "00:00"})
            }));
        }
        p["openingHoursSpecification"] = spec;
    }
    let features: Vec<Value> = l
        .accessibility
        .features()
        .into_iter()
        .filter(|(_, a)| *a != Access::Unknown)
        .map(|(key, a)| {
            json!({"@type": "LocationFeatureSpecification", "name": amenity_name(key),
                   "value": a == Access::Yes})
        })
        .collect();
    if !features.is_empty() {
        p["amenityFeature"] = features.into();
    }
    p
}

/// The schema.org type of a sort of location: `GovernmentOffice` (a
/// `LocalBusiness`, so a `Place` and an `Organization`), `School` (a
/// `CivicStructure`), else `Place`. All three take opening hours and
/// amenity features.
fn place_type(kind: LocationKind) -> &'static str {
    match kind {
        LocationKind::Office => "GovernmentOffice",
        LocationKind::School => "School",
        LocationKind::Place => "Place",
    }
}

/// The English name of an accessibility feature for search engines.
fn amenity_name(key: &str) -> &'static str {
    match key {
        "step_free" => "Step-free entrance",
        "lift" => "Lift",
        "toilet" => "Accessible toilet",
        "hearing_loop" => "Hearing loop",
        _ => "Parking for disabled people",
    }
}

type PartyOf<'p> = &'p dyn Fn(&str) -> Option<Party>;

fn event(e: &EventData, ctx: &Ctx, party_of: PartyOf, at: Option<Value>) -> Option<Value> {
    let mut m = common(ctx, "Event");
    m.insert("inLanguage".into(), ctx.lang_tag.into());
    let sessions = e.time.sessions();
    let (first, last) = (sessions.first()?, sessions.last()?);
    match &e.time {
        EventTime::AllDay { start, end } => {
            m.insert("startDate".into(), start.to_string().into());
            m.insert("endDate".into(), end.to_string().into());
        }
        _ => {
            m.insert("startDate".into(), with_offset(first.start, ctx.tz).into());
            m.insert("endDate".into(), with_offset(last.end, ctx.tz).into());
        }
    }
    let mode = attendance_mode(e.attendance);
    let location = event_location(e, at);
    if let EventTime::Sessions(s) = &e.time
        && s.len() > 1
    {
        // Search engines require a location on every Event, sub-events
        // included; sessions have no place of their own, so the parent's.
        let subs: Vec<Value> = s
            .iter()
            .map(|x| {
                json!({"@type": "Event", "name": ctx.text.title,
                       "startDate": with_offset(x.start, ctx.tz), "endDate": with_offset(x.end, ctx.tz),
                       "location": location, "eventAttendanceMode": mode})
            })
            .collect();
        m.insert("subEvent".into(), subs.into());
    }
    if let EventTime::Recurring { first, rule, .. } = &e.time {
        m.insert("eventSchedule".into(), schedule(first, rule, ctx.tz));
    }
    m.insert("eventAttendanceMode".into(), mode.into());
    m.insert(
        "eventStatus".into(),
        "https://schema.org/EventScheduled".into(),
    );
    m.insert("location".into(), location);
    if let Some(o) = e.organizer.as_deref().and_then(party_of) {
        m.insert("organizer".into(), party(&o));
    }
    if let Some(l) = languages(&e.listing) {
        m.insert("availableLanguage".into(), l);
    }
    Some(Value::Object(m))
}

fn attendance_mode(a: Attendance) -> String {
    let mode = match a {
        Attendance::InPerson => "OfflineEventAttendanceMode",
        Attendance::Online => "OnlineEventAttendanceMode",
        Attendance::Hybrid => "MixedEventAttendanceMode",
    };
    format!("https://schema.org/{mode}")
}

/// The place (its location's, if it names one), the online address, or
/// both for a hybrid event.
fn event_location(e: &EventData, at: Option<Value>) -> Value {
    let physical = at.unwrap_or_else(|| {
        place(
            e.location.as_deref(),
            e.listing.address.as_deref(),
            e.listing.geo,
        )
    });
    let virt = e
        .online_url
        .as_ref()
        .map(|u| json!({"@type": "VirtualLocation", "url": u}));
    match (e.attendance, virt) {
        (Attendance::Online, Some(v)) => v,
        (Attendance::Hybrid, Some(v)) => json!([physical, v]),
        _ => physical,
    }
}

/// A schema.org `Schedule` for a recurring event.
fn schedule(first: &Session, rule: &Recurrence, tz: &TimeZone) -> Value {
    let freq = match rule.frequency {
        Frequency::Weekly => format!("P{}W", rule.interval),
        Frequency::Monthly => format!("P{}M", rule.interval),
    };
    let days: Vec<String> = rule
        .weekdays
        .iter()
        .map(|w| format!("https://schema.org/{w:?}"))
        .collect();
    let mut sched = json!({
        "@type": "Schedule",
        "repeatFrequency": freq,
        "byDay": days,
        "startDate": first.start.date().to_string(),
        "endDate": rule.until.to_string(),
        "startTime": first.start.time().strftime("%H:%M:%S").to_string(),
        "endTime": first.end.time().strftime("%H:%M:%S").to_string(),
        "scheduleTimezone": tz.iana_name().unwrap_or("UTC"),
    });
    if !rule.except.is_empty() {
        sched["exceptDate"] = rule
            .except
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .into();
    }
    sched
}

fn offer(o: &OfferData, ctx: &Ctx, party_of: PartyOf, at: Option<Value>) -> Value {
    let mut m = common(ctx, "Service");
    if let Some(p) = at {
        m.insert(
            "availableChannel".into(),
            json!({"@type": "ServiceChannel", "serviceLocation": p}),
        );
    }
    if let Some(p) = o.provider.as_deref().and_then(party_of) {
        m.insert("provider".into(), party(&p));
    }
    if o.listing.address.is_some() || o.listing.geo.is_some() {
        m.insert(
            "areaServed".into(),
            place(None, o.listing.address.as_deref(), o.listing.geo),
        );
    }
    if let Some(l) = languages(&o.listing) {
        m.insert("availableLanguage".into(), l);
    }
    if let Some(h) = &o.opening_hours {
        let spec = hours_spec(h, ctx.today);
        match m.get_mut("areaServed") {
            Some(Value::Object(place)) => {
                place.insert("openingHoursSpecification".into(), spec);
            }
            _ => {
                m.insert("hoursAvailable".into(), spec);
            }
        }
    }
    if let Some(u) = &o.listing.registration_url {
        m.insert(
            "potentialAction".into(),
            json!({"@type": "RegisterAction", "target": u}),
        );
    }
    Value::Object(m)
}

fn contact(c: &ContactData, ctx: &Ctx, party_of: PartyOf) -> Value {
    let person = c.kind == ContactKind::Person;
    let mut m = common(ctx, if person { "Person" } else { "Organization" });
    if let Some(r) = &ctx.text.role {
        m.insert(
            (if person { "jobTitle" } else { "description" }).into(),
            r.clone().into(),
        );
    }
    if let Some(p) = &c.phone {
        m.insert("telephone".into(), p.clone().into());
    }
    if let Some(e) = &c.email {
        m.insert("email".into(), e.clone().into());
    }
    if let Some(a) = &c.address {
        m.insert("address".into(), postal_address(a));
    }
    if person && let Some(o) = c.organization.as_deref().and_then(party_of) {
        m.insert("worksFor".into(), party(&o));
    }
    let mut point = json!({"@type": "ContactPoint", "contactType": "customer support"});
    if let Some(p) = &c.phone {
        point["telephone"] = p.clone().into();
    }
    if let Some(e) = &c.email {
        point["email"] = e.clone().into();
    }
    if !c.languages.is_empty() {
        point["availableLanguage"] = c.languages.clone().into();
    }
    if let Some(h) = &c.opening_hours {
        // An organisation's hours are its place's; a person's, when they can be reached.
        let spec = hours_spec(h, ctx.today);
        if person {
            point["hoursAvailable"] = spec;
        } else {
            let mut place = json!({"@type": "Place", "openingHoursSpecification": spec});
            if let Some(a) = &c.address {
                place["address"] = postal_address(a);
            }
            m.insert("location".into(), place);
        }
    }
    m.insert("contactPoint".into(), point);
    Value::Object(m)
}

/// schema.org `OpeningHoursSpecification`s: the regular week (days with the
/// same times together) and, as special days, the public holidays of the
/// coming weeks on which the place is closed (opens = closes = 00:00).
fn hours_spec(h: &Hours, today: jiff::civil::Date) -> Value {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let hm = |m: u16| format!("{:02}:{:02}", (m / 60) % 24, m % 60);
    let week = h.week(crate::content::hours::monday_of(today));
    // (opens, closes) → days, in the order first seen.
    let mut groups: Vec<((u16, u16), Vec<&str>)> = Vec::new();
    for (day, ranges) in DAYS.iter().zip(&week) {
        for &r in ranges {
            match groups.iter_mut().find(|(k, _)| *k == r) {
                Some((_, days)) => days.push(day),
                None => groups.push((r, vec![day])),
            }
        }
    }
    let mut specs: Vec<Value> = groups
        .into_iter()
        .map(|((a, b), days)| {
            let days: Vec<String> = days
                .iter()
                .map(|d| format!("https://schema.org/{d}"))
                .collect();
            json!({"@type": "OpeningHoursSpecification", "dayOfWeek": days, "opens": hm(a), "closes": hm(b)})
        })
        .collect();
    for c in h.holiday_closures(today, 42) {
        specs.push(json!({
            "@type": "OpeningHoursSpecification",
            "validFrom": c.date.to_string(),
            "validThrough": c.date.to_string(),
            "opens": "00:00",
            "closes": "00:00",
        }));
    }
    Value::Array(specs)
}

/// JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&`
/// are escaped so no content can close the script element.
pub fn to_script(v: &Value) -> String {
    let s = v.to_string();
    s.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_follow_summer_time_and_scripts_cannot_be_closed() {
        let tz = TimeZone::get("Europe/Berlin").unwrap();
        let winter = jiff::civil::date(2026, 3, 28).at(18, 0, 0, 0);
        let summer = jiff::civil::date(2026, 3, 29).at(18, 0, 0, 0);
        assert_eq!(with_offset(winter, &tz), "2026-03-28T18:00:00+01:00");
        assert_eq!(with_offset(summer, &tz), "2026-03-29T18:00:00+02:00");
        let v = json!({"name": "</script><script>alert(1)</script> & more"});
        let s = to_script(&v);
        assert!(!s.contains("</script"), "{s}");
        assert_eq!(
            serde_json::from_str::<Value>(&s).unwrap(),
            v,
            "still the same JSON"
        );
    }
}
