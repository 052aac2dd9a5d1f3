//! `<picture>` for a measured image: WebP variants and the fallback's in
//! `srcset`, the widest fallback as `src`, width and height always (no
//! layout shift), `decoding="async"`, and `loading="lazy"` unless the
//! image is at the top of the page.

use crate::media::{Format, Measured};
use crate::render::qr::escape_attr;

/// How wide an image is shown: the main column (48rem less padding) or the screen.
pub const SIZES: &str = "(min-width: 48rem) 46rem, 100vw";

/// Where on the page an image stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// At the top (the item's own image): loaded at once.
    Top,
    /// Further down (images in a body): loaded when scrolled near.
    Below,
}

/// The `<picture>` element; `alt` empty for a decorative image.
pub fn html(m: &Measured, alt: &str, placement: Placement) -> String {
    let fallback = m.widest(m.fallback);
    let (src, w, h) = fallback.map_or((String::new(), m.width, m.height), |v| {
        (v.path.clone(), v.width, v.height)
    });
    let mut out = String::from("<picture>");
    for format in [Format::Webp, m.fallback] {
        out.push_str(&format!(
            "<source type=\"{}\" srcset=\"{}\" sizes=\"{SIZES}\">",
            format.mime(),
            escape_attr(&m.srcset(format))
        ));
    }
    let loading = match placement {
        Placement::Top => "",
        Placement::Below => " loading=\"lazy\"",
    };
    out.push_str(&format!(
        "<img src=\"{}\" width=\"{w}\" height=\"{h}\" alt=\"{}\"{loading} decoding=\"async\"></picture>",
        escape_attr(&src),
        escape_attr(alt)
    ));
    out
}
