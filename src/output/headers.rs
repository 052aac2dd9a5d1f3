//! `_headers`: HTTP response headers for static hosts that read this file
//! (Netlify, Cloudflare Pages and others), with a strict
//! Content-Security-Policy that the default theme satisfies: scripts and
//! styles only from the site itself, no inline code, nothing from third
//! parties (which German data-protection law would also have the office
//! justify). The same policy is documented for Apache and nginx in docs/.

/// The Content-Security-Policy of a built site.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; \
worker-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; \
object-src 'none'";

/// The `_headers` file.
pub fn headers_file() -> String {
    format!(
        "/*\n  Content-Security-Policy: {CSP}\n  X-Content-Type-Options: nosniff\n  \
         Referrer-Policy: no-referrer\n  X-Frame-Options: DENY\n  \
         Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()\n\
         /*.ics\n  Content-Type: text/calendar; charset=utf-8\n\
         /*.vcf\n  Content-Type: text/vcard; charset=utf-8\n"
    )
}
