//! Where content names images: the `image` front-matter field of every item
//! and the images of every Markdown body (in every language), and how a
//! written path becomes a file of the site.

use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::content::links::OPTIONS;
use crate::content::{Item, Site};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};

/// The Markdown title that marks an image as decoration (`![](x.png "decorative")`):
/// it gets `alt=""` and needs no alt text. German editors may write "dekorativ".
pub const DECORATIVE_TITLES: [&str; 2] = ["decorative", "dekorativ"];

/// One reference to an image file.
#[derive(Debug, Clone)]
pub struct Ref {
    pub file: SourceFile,
    /// Byte range of the reference in `file` (the front-matter value, or the Markdown image).
    pub span: Range<usize>,
    /// The path as written.
    pub written: String,
    /// Whether it is a Markdown image (else the `image` field).
    pub in_body: bool,
}

/// Whether a Markdown image address names a file of the site (not a web
/// address, a fragment or a `data:` URL, which are left as they are).
pub fn is_local(dest: &str) -> bool {
    let scheme = dest
        .split_once(':')
        .is_some_and(|(s, _)| !s.is_empty() && !s.contains('/'));
    !dest.is_empty() && !scheme && !dest.starts_with("//") && !dest.starts_with('#')
}

/// Every reference of the site, the front matter's first; a Markdown image
/// with neither alt text nor the decorative title is reported.
pub fn collect(site: &Site, ds: &mut Diagnostics) -> Vec<Ref> {
    let mut out = Vec::new();
    for item in std::iter::once(&site.home).chain(site.items.values()) {
        item_refs(item, &mut out, ds);
    }
    out
}

/// The references of one item, in [`collect`]'s order.
fn item_refs(item: &Item, out: &mut Vec<Ref>, ds: &mut Diagnostics) {
    if let Some(img) = &item.image {
        out.push(Ref {
            file: img.file.clone(),
            span: img.span.clone(),
            written: img.path.clone(),
            in_body: false,
        });
    }
    for text in item.texts.values() {
        body_refs(text, out, ds);
    }
}

/// Whether two versions of an item refer to images alike: the same
/// references at the same places, each shown the same in a diagnostic (the
/// files' text equal up to the end of the reference's line), and neither
/// reported. Then the site's measured images stay as they are (an update
/// measures again only when this fails).
pub fn same_refs(a: &Item, b: &Item) -> bool {
    let (mut ra, mut rb) = (Vec::new(), Vec::new());
    let (mut da, mut db) = (Diagnostics::new(), Diagnostics::new());
    item_refs(a, &mut ra, &mut da);
    item_refs(b, &mut rb, &mut db);
    fn shown(r: &Ref) -> &str {
        let text = &r.file.text;
        let end = text[r.span.end.min(text.len())..]
            .find('\n')
            .map_or(text.len(), |n| r.span.end + n);
        &text[..end]
    }
    da.is_empty()
        && db.is_empty()
        && ra.len() == rb.len()
        && ra.iter().zip(&rb).all(|(x, y)| {
            x.file.path == y.file.path
                && x.span == y.span
                && x.written == y.written
                && x.in_body == y.in_body
                && shown(x) == shown(y)
        })
}

/// The local images of one text's body (a shed body, `crate::content::shed`,
/// is read again if it has any; a reference's diagnostics get the whole
/// file).
fn body_refs(text: &crate::content::Text, out: &mut Vec<Ref>, ds: &mut Diagnostics) {
    if !text.body_has_images() {
        return;
    }
    // A reference's place and diagnostics need the whole file.
    let file = text.whole_file();
    text.with_body(|md| markdown_refs(&file, text.body.start, md, out, ds));
}

/// The local images of the Markdown `md`, which starts at byte `start` of `file`.
fn markdown_refs(
    file: &SourceFile,
    start: usize,
    md: &str,
    out: &mut Vec<Ref>,
    ds: &mut Diagnostics,
) {
    if !md.contains("![") {
        return;
    }
    // (address, title, span, alt text so far) of the image being read.
    let mut open: Option<(String, String, Range<usize>, String)> = None;
    for (event, range) in Parser::new_ext(md, OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) if open.is_none() && is_local(&dest_url) => {
                let span = start + range.start..start + range.end;
                open = Some((dest_url.to_string(), title.to_string(), span, String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, _, alt)) = &mut open {
                    alt.push_str(&t);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((dest, title, span, alt)) = open.take() {
                    let decorative = DECORATIVE_TITLES.contains(&title.trim());
                    if alt.trim().is_empty() && !decorative {
                        ds.push(
                            Diagnostic::error("image-alt-missing-markdown")
                                .arg("path", dest.as_str())
                                .at(file, span.clone()),
                        );
                    }
                    out.push(Ref {
                        file: file.clone(),
                        span,
                        written: dest,
                        in_body: true,
                    });
                }
            }
            _ => {}
        }
    }
}

/// The file `written` names, relative to the site folder `root`: a path
/// beginning with `/` is in `static/`, any other is relative to the content
/// file `file` (itself relative to `root`). A path that leaves the site,
/// or a link on the way that does, is an error (its code; the caller adds
/// the path and the position).
pub fn resolve(root: &Path, file: &Path, written: &str) -> Result<PathBuf, Diagnostic> {
    let decoded = percent_encoding::percent_decode_str(written).decode_utf8_lossy();
    let (mut rel, rest) = match decoded.strip_prefix('/') {
        Some(r) => (PathBuf::from(crate::layout::STATIC_DIR), r.to_string()),
        None => (
            file.parent().map(Path::to_path_buf).unwrap_or_default(),
            decoded.to_string(),
        ),
    };
    for c in Path::new(&rest).components() {
        match c {
            Component::Normal(p) => rel.push(p),
            Component::CurDir => {}
            Component::ParentDir if rel.pop() => {}
            _ => return Err(Diagnostic::error("image-outside-site")),
        }
    }
    if rel.as_os_str().is_empty() {
        return Err(Diagnostic::error("image-missing"));
    }
    crate::site_folder::check_path(root, &rel)
        .map_err(|_| Diagnostic::error("image-outside-site"))?;
    Ok(rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_relative_to_the_file_or_from_static() {
        let root = Path::new("/nonexistent-site");
        let f = Path::new("content/offers/x.md");
        let r = |w| resolve(root, f, w).map_err(|d| d.code().to_string());
        assert_eq!(
            r("images/a.jpg"),
            Ok(PathBuf::from("content/offers/images/a.jpg"))
        );
        assert_eq!(r("../b.png"), Ok(PathBuf::from("content/b.png")));
        assert_eq!(r("/fotos/c.jpg"), Ok(PathBuf::from("static/fotos/c.jpg")));
        assert_eq!(r("../../../etc/passwd"), Err("image-outside-site".into()));
        assert!(is_local("a.jpg") && !is_local("https://x.org/a.jpg") && !is_local("data:x"));
    }
}
