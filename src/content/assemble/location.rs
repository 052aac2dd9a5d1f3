//! A location's data from its source file: closures, accessibility,
//! appointments (each value checked where it is written).

use super::super::location::{
    Access, Accessibility, Closure, LocationData, LocationKind, closure_rules,
};
use super::super::parse::ParsedFile;
use super::{date, geo, keys, opening_hours, url};
use crate::config::SiteConfig;
use crate::diagnostics::Diagnostics;
use crate::toml_input::suggest;

pub(super) fn data(p: &ParsedFile, config: &SiteConfig, ds: &mut Diagnostics) -> LocationData {
    let f = &p.front;
    let closed = closures(p, ds);
    LocationData {
        kind: kind(p, ds),
        address: f.address.clone(),
        geo: geo(p, ds),
        places: keys(&f.places),
        opening_hours: opening_hours(p, &closure_rules(&closed), config, ds),
        closed,
        appointment_url: url(p, f.appointment_url.as_ref(), ds),
        appointment_only: f.appointment_only.unwrap_or(false),
        accessibility: accessibility(p, ds),
    }
}

/// The `kind` of place; a value not known is an error with the nearest one.
fn kind(p: &ParsedFile, ds: &mut Diagnostics) -> LocationKind {
    let Some(v) = &p.front.kind else {
        return LocationKind::default();
    };
    let s = v.get_ref().trim();
    LocationKind::from_value(s).unwrap_or_else(|| {
        ds.push(
            p.error_at(v.span(), "location-kind-unknown")
                .arg("kind", s)
                .help(suggest(s, LocationKind::VALUES, "what-values")),
        );
        LocationKind::default()
    })
}

/// The `closed` periods: each with `from` and `to` (dates, `from` first).
fn closures(p: &ParsedFile, ds: &mut Diagnostics) -> Vec<Closure> {
    let Some(list) = &p.front.closed else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in list.get_ref() {
        let (Some(from), Some(to)) = (&c.from, &c.to) else {
            ds.push(p.error_at(list.span(), "closed-period-incomplete"));
            continue;
        };
        let (Some(a), Some(b)) = (date(p, from, "from", ds), date(p, to, "to", ds)) else {
            continue;
        };
        if b < a {
            ds.push(
                p.error_at(to.span(), "closed-period-reversed")
                    .arg("from", a.to_string())
                    .arg("to", b.to_string()),
            );
            continue;
        }
        out.push(Closure { from: a, to: b });
    }
    out
}

/// The `accessibility` table; a value other than yes, no or unknown is an
/// error with the nearest one.
fn accessibility(p: &ParsedFile, ds: &mut Diagnostics) -> Accessibility {
    let Some(a) = &p.front.accessibility else {
        return Accessibility::default();
    };
    let mut one = |v: &Option<crate::content::spanned::Spanned<String>>| {
        let v = v.as_ref()?;
        let s = v.get_ref().trim();
        let found = Access::from_value(s);
        if found.is_none() {
            ds.push(
                p.error_at(v.span(), "accessibility-value-unknown")
                    .arg("value", s)
                    .help(suggest(s, Access::VALUES, "what-values")),
            );
        }
        found
    };
    Accessibility {
        step_free: one(&a.step_free).unwrap_or_default(),
        lift: one(&a.lift).unwrap_or_default(),
        toilet: one(&a.toilet).unwrap_or_default(),
        hearing_loop: one(&a.hearing_loop).unwrap_or_default(),
        parking: one(&a.parking).unwrap_or_default(),
    }
}
