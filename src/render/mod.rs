//! Rendering: Markdown bodies, view structs for templates, the theme's Tera
//! templates, and HTML minification.

pub mod compact;
pub mod jsonld;
pub mod markdown;
pub mod pages;
pub mod picture;
pub mod qr;
pub mod templates;
pub mod views;

/// Minifies a page with minify-html's spec-compliant settings (optional
/// closing tags are dropped; the result is still valid HTML). Builds minify
/// the templates instead (`compact`); the stages benchmark times this for
/// comparison.
pub fn minify(html: &str) -> Vec<u8> {
    let cfg = minify_html::Cfg::new();
    minify_html::minify(html.as_bytes(), &cfg)
}
