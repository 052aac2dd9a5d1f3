//! `[map]` in site.toml: the optional map page of every location, drawn by a
//! self-hosted Leaflet on tiles of a server the office controls (or has a
//! data-processing contract with). Without `[map]` there is no map page, no
//! Leaflet file and no request to anyone.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// `[map]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMap {
    tiles: Option<Spanned<String>>,
    attribution: Option<Spanned<String>>,
    center: Option<Spanned<Vec<f64>>>,
    zoom: Option<Spanned<i64>>,
}

/// The map's settings, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct MapConfig {
    /// Tile URL template with `{z}`, `{x}` and `{y}`.
    pub tiles: String,
    /// `scheme://host[:port]` of the tile server: the one origin the map
    /// pages' Content-Security-Policy allows images from.
    pub origin: String,
    /// Shown on the map (the tile server's licence asks for it).
    pub attribution: String,
    /// Where the map opens (latitude, longitude) and at which zoom; `None`:
    /// fitted to all locations.
    pub center: Option<(f64, f64)>,
    pub zoom: Option<u8>,
}

/// The highest zoom level tile servers commonly serve.
pub const MAX_ZOOM: i64 = 19;

/// `[map]` validated; `None` when it is absent or has errors (pushed to `ds`).
pub(super) fn validate_map(
    raw: Option<Spanned<RawMap>>,
    file: &SourceFile,
    ds: &mut Diagnostics,
) -> Option<MapConfig> {
    let raw = raw?;
    let table = raw.span();
    let raw = raw.into_inner();
    let errors = ds.error_count();
    let Some(tiles) = raw.tiles else {
        ds.push(Diagnostic::error("map-tiles-missing").at(file, table));
        return None;
    };
    let origin = tile_origin(tiles.get_ref(), file, tiles.span(), ds);
    let attribution = match raw.attribution {
        Some(a) if !a.get_ref().trim().is_empty() => a.into_inner().trim().to_string(),
        Some(a) => {
            ds.push(Diagnostic::error("map-attribution-missing").at(file, a.span()));
            String::new()
        }
        None => {
            ds.push(Diagnostic::error("map-attribution-missing").at(file, table));
            String::new()
        }
    };
    let center = raw.center.and_then(|c| {
        let span = c.span();
        match c.get_ref().as_slice() {
            [lat, lon] if lat.abs() <= 90.0 && lon.abs() <= 180.0 => Some((*lat, *lon)),
            _ => {
                ds.push(Diagnostic::error("map-center-invalid").at(file, span));
                None
            }
        }
    });
    let zoom = raw.zoom.and_then(|z| match u8::try_from(*z.get_ref()) {
        Ok(v) if i64::from(v) <= MAX_ZOOM => Some(v),
        _ => {
            ds.push(
                Diagnostic::error("map-zoom-out-of-range")
                    .arg("zoom", *z.get_ref())
                    .arg("max", MAX_ZOOM)
                    .at(file, z.span()),
            );
            None
        }
    });
    if ds.error_count() > errors {
        return None;
    }
    Some(MapConfig {
        tiles: tiles.into_inner(),
        origin: origin?,
        attribution,
        center,
        zoom,
    })
}

/// The origin of a tile URL template, if it is one: `https://` (or `http://`
/// for a loopback host, which only tests use), one fixed host (no `{s}`
/// subdomains: the policy allows exactly one), and `{z}`, `{x}`, `{y}`.
fn tile_origin(
    tiles: &str,
    file: &SourceFile,
    span: Range<usize>,
    ds: &mut Diagnostics,
) -> Option<String> {
    let (scheme, rest) = match tiles.split_once("://") {
        Some((s, rest)) if s == "https" || s == "http" => (s, rest),
        _ => {
            ds.push(
                Diagnostic::error("map-tiles-not-https")
                    .arg("url", tiles)
                    .at(file, span),
            );
            return None;
        }
    };
    let host = rest.split('/').next().unwrap_or("");
    let host_ok = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b));
    if !host_ok {
        ds.push(
            Diagnostic::error("map-tiles-host")
                .arg("url", tiles)
                .at(file, span),
        );
        return None;
    }
    if scheme == "http" && !is_loopback(host) {
        ds.push(
            Diagnostic::error("map-tiles-not-https")
                .arg("url", tiles)
                .at(file, span),
        );
        return None;
    }
    let path = &rest[host.len()..];
    if !["{z}", "{x}", "{y}"].iter().all(|p| path.contains(p)) {
        ds.push(
            Diagnostic::error("map-tiles-placeholders")
                .arg("url", tiles)
                .at(file, span),
        );
        return None;
    }
    Some(format!("{scheme}://{}", host.to_ascii_lowercase()))
}

/// Whether `host` (with an optional port) is this machine.
fn is_loopback(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => return v6.starts_with("::1]"),
        None => host.split(':').next().unwrap_or(""),
    };
    name.eq_ignore_ascii_case("localhost") || name.starts_with("127.")
}

#[cfg(test)]
mod tests {
    use crate::config::SiteConfig;
    use crate::diagnostics::SourceFile;

    const BASE: &str = "base_url = \"https://x.org\"\ndefault_language = \"de\"\ntime_zone = \"Europe/Berlin\"\n\
[legal]\nimprint = \"i\"\nprivacy = \"p\"\naccessibility = \"a\"\nfeedback = \"a@x.org\"\n\
[[languages]]\nkey = \"de\"\ntag = \"de\"\nname = \"Deutsch\"\n";

    fn parse(map: &str) -> Result<SiteConfig, Vec<(String, usize)>> {
        let text = format!("{BASE}{map}");
        SiteConfig::parse(SourceFile::new("site.toml", text)).map_err(|ds| {
            ds.iter()
                .map(|d| (d.code().to_string(), d.line_col().map_or(0, |(l, _)| l)))
                .collect()
        })
    }

    #[test]
    fn off_by_default() {
        assert_eq!(parse("").unwrap().map, None);
    }

    #[test]
    fn on_with_an_https_server() {
        let c = parse(
            "[map]\ntiles = \"https://Tiles.example.org/osm/{z}/{x}/{y}.png\"\nattribution = \"© OSM\"\ncenter = [49.9, 8.1]\nzoom = 11\n",
        )
        .unwrap();
        let m = c.map.unwrap();
        assert_eq!(m.origin, "https://tiles.example.org");
        assert_eq!(m.attribution, "© OSM");
        assert_eq!(m.center, Some((49.9, 8.1)));
        assert_eq!(m.zoom, Some(11));
    }

    #[test]
    fn http_only_on_loopback() {
        let ok = parse(
            "[map]\ntiles = \"http://127.0.0.1:8123/{z}/{x}/{y}.png\"\nattribution = \"t\"\n",
        );
        assert_eq!(ok.unwrap().map.unwrap().origin, "http://127.0.0.1:8123");
        let bad = parse(
            "[map]\ntiles = \"http://tiles.example.org/{z}/{x}/{y}.png\"\nattribution = \"t\"\n",
        );
        assert_eq!(bad.unwrap_err(), vec![("map-tiles-not-https".into(), 14)]);
    }

    #[test]
    fn positioned_errors() {
        let e = parse("[map]\ntiles = \"https://{s}.tile.org/{z}/{x}/{y}.png\"\n").unwrap_err();
        assert_eq!(
            e,
            vec![
                ("map-tiles-host".into(), 14),
                ("map-attribution-missing".into(), 13)
            ]
        );
        let e = parse("[map]\ntiles = \"https://t.org/{z}/{x}.png\"\nattribution = \"t\"\nzoom = 30\ncenter = [1.0]\n")
            .unwrap_err();
        assert_eq!(
            e,
            vec![
                ("map-tiles-placeholders".into(), 14),
                ("map-center-invalid".into(), 17),
                ("map-zoom-out-of-range".into(), 16)
            ]
        );
        let e = parse("[map]\nattribution = \"t\"\n").unwrap_err();
        assert_eq!(e, vec![("map-tiles-missing".into(), 13)]);
    }
}
