//! `_headers`: HTTP response headers for static hosts that read this file
//! (Netlify, Cloudflare Pages and others), with a strict
//! Content-Security-Policy that the default theme satisfies: scripts and
//! styles only from the site itself, no inline code, nothing from third
//! parties (which German data-protection law would also have the office
//! justify). The same policy is documented for Apache and nginx in docs/.

use crate::routes;

/// The Content-Security-Policy of a built site.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self'; media-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; \
worker-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; \
object-src 'none'";

/// The policy of the editor UI (`/admin/`, see docs/cms.md): the CMS runs
/// in the browser and talks to the Git host's API; it is never shown to
/// readers. The hash allows the admin page's one inline script, its import
/// map (`editorial::cms::IMPORT_MAP`; checked by tests/browser/cms.test.js).
pub const ADMIN_CSP: &str = "default-src 'self'; \
script-src 'self' 'sha256-XYUGy47GKmkKs1aW814/dD0W+gxZUyQ0WxeRF5dHOXM='; \
style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://avatars.githubusercontent.com https://secure.gravatar.com; \
connect-src 'self' https://api.github.com https://github.com https://gitlab.com; \
base-uri 'self'; frame-ancestors 'none'; object-src 'none'";

/// The readers' policy on the map pages: images also from the tile server
/// `origin` (`https://tiles.example.org`), and from nowhere else.
pub fn map_csp(origin: &str) -> String {
    CSP.replace("img-src 'self';", &format!("img-src 'self' {origin};"))
}

/// The `_headers` file. Hosts combine every rule that matches a path, and
/// two Content-Security-Policies would both apply, so the readers' policy
/// is set per folder of the public site, the editor's on `/admin/` only and,
/// with a map (`map`: the tile server's origin), the map's on the map pages
/// only (they sit outside the language folders for this reason).
pub fn headers_file(languages: &[String], map: Option<&str>) -> String {
    let mut out = String::from(
        "/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n  \
         X-Frame-Options: DENY\n  \
         Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()\n",
    );
    for p in routes::public_patterns(languages) {
        out.push_str(&format!("{p}\n  Content-Security-Policy: {CSP}\n"));
    }
    out.push_str(&format!(
        "{}\n  Content-Security-Policy: {ADMIN_CSP}\n",
        routes::below(routes::EDITOR)
    ));
    if let Some(origin) = map {
        out.push_str(&format!(
            "{}\n  Content-Security-Policy: {}\n",
            routes::below(routes::MAP_PAGES),
            map_csp(origin)
        ));
    }
    out.push_str(
        "/*.ics\n  Content-Type: text/calendar; charset=utf-8\n\
         /*.vcf\n  Content-Type: text/vcard; charset=utf-8\n",
    );
    // The open data: the API may be read by any site's scripts (it is public
    // and takes no credentials); nothing else is (CORS on /api/ only).
    out.push_str(&format!(
        "{}\n  Access-Control-Allow-Origin: *\n  Content-Type: application/json; charset=utf-8\n\
         {}\n  Content-Type: application/ld+json; charset=utf-8\n",
        routes::below(routes::API_ROOT),
        routes::DCAT
    ));
    out
}
