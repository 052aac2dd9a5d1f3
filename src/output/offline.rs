//! Offline use: a web app manifest per language, the list of pages to keep
//! for each language, and the service worker, versioned by the build's hash
//! so that a redeployed site replaces the old cache cleanly.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::routes;

#[derive(Serialize)]
struct Icon<'a> {
    src: &'a str,
    sizes: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
}

#[derive(Serialize)]
struct Manifest<'a> {
    name: &'a str,
    short_name: &'a str,
    lang: &'a str,
    dir: &'a str,
    start_url: String,
    scope: String,
    display: &'a str,
    background_color: &'a str,
    theme_color: &'a str,
    icons: [Icon<'a>; 1],
}

/// The web app manifest of a language ([`routes::manifest`]); `base` is the
/// path the site is published below.
pub fn manifest(lang_key: &str, tag: &str, dir: &str, site_title: &str, base: &str) -> Vec<u8> {
    let icon = routes::under(base, routes::ICON);
    let m = Manifest {
        name: site_title,
        short_name: site_title,
        lang: tag,
        dir,
        start_url: routes::under(base, &routes::home(lang_key)),
        scope: routes::under(base, &routes::home(lang_key)),
        display: "standalone",
        background_color: "#ffffff",
        theme_color: "#0b5394",
        icons: [Icon {
            src: &icon,
            sizes: "any",
            kind: "image/svg+xml",
        }],
    };
    // Serialising strings cannot fail.
    serde_json::to_vec_pretty(&m).unwrap_or_default()
}

/// [`routes::offline_list`]: what the service worker keeps of a language as
/// soon as a reader opens one of its pages.
pub fn offline_list(urls: &[String]) -> Vec<u8> {
    serde_json::to_vec(urls).unwrap_or_default()
}

/// A digest of one page (path and bytes), computed as pages are written:
/// XXH3-64 (a specified hash whose values are the same on every platform),
/// because every byte of every page passes through it; what it tells apart
/// is changed content, not an adversary's collisions.
pub fn page_digest(path: &str, bytes: &[u8]) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(path.as_bytes());
    h.update(&[0]);
    h.update(bytes);
    h.digest()
}

/// The digests of all pages, in page order, as one.
pub fn combine(digests: &[u64]) -> u64 {
    let mut h = Sha256::new();
    for d in digests {
        h.update(d.to_le_bytes());
    }
    let d = h.finalize();
    u64::from_le_bytes([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]])
}

/// A short hash of everything built: the pages' digest and every other
/// file's digest ([`page_digest`] of its path and bytes), in path order.
/// Built from digests, so a preview re-hashes only the files that changed.
pub fn build_hash<'a>(
    pages_digest: u64,
    files: impl IntoIterator<Item = (&'a str, u64)>,
) -> String {
    let mut h = Sha256::new();
    h.update(pages_digest.to_le_bytes());
    for (path, digest) in files {
        h.update(path.as_bytes());
        h.update([0]);
        h.update(digest.to_le_bytes());
    }
    h.finalize()[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// [`routes::SERVICE_WORKER`], the service worker: pages come from the network while there is
/// one (and are kept), from the cache when there is none; a new build's
/// version replaces the old cache.
pub fn service_worker(version: &str) -> Vec<u8> {
    include_str!("sw.js")
        .replace("__VERSION__", version)
        .into_bytes()
}
