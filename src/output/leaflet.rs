//! The map's files, published only when `[map]` is set in site.toml: the
//! theme's map script and stylesheet (`themes/<theme>/map/`), and Leaflet
//! from npm as `scripts/install-map` installed it there
//! (`node_modules/leaflet/`): its script, stylesheet, marker images and
//! licence (BSD-2-Clause: the notice goes with the copied files). Nothing is
//! loaded from a CDN.

use std::path::{Path, PathBuf};

use super::OutputFiles;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::layout::THEMES_DIR;
use crate::routes;

/// Where Leaflet's npm package is, below the theme's map folder.
const PACKAGE: &str = "node_modules/leaflet";

/// Leaflet's files the map needs: (file in the npm package, name below
/// [`routes::LEAFLET`]). The images are those its stylesheet and default
/// marker icon refer to, relative to the stylesheet.
const LEAFLET_FILES: [(&str, &str); 8] = [
    ("dist/leaflet.js", "leaflet.js"),
    ("dist/leaflet.css", "leaflet.css"),
    ("dist/images/marker-icon.png", "images/marker-icon.png"),
    (
        "dist/images/marker-icon-2x.png",
        "images/marker-icon-2x.png",
    ),
    ("dist/images/marker-shadow.png", "images/marker-shadow.png"),
    ("dist/images/layers.png", "images/layers.png"),
    ("dist/images/layers-2x.png", "images/layers-2x.png"),
    ("LICENSE", "LICENSE.txt"),
];

/// The theme's map folder (`themes/<theme>/map`), relative to the site.
fn map_folder(theme: &str) -> PathBuf {
    Path::new(THEMES_DIR).join(theme).join("map")
}

/// The theme's map script and stylesheet (minified with the theme's other
/// files by the caller).
pub fn theme_files(root: &Path, theme: &str, files: &mut OutputFiles, ds: &mut Diagnostics) {
    let folder = map_folder(theme);
    for (file, url) in [
        ("map.js", routes::MAP_SCRIPT),
        ("map.css", routes::MAP_STYLESHEET),
    ] {
        add(root, &folder.join(file), url, files, ds, "file-unreadable");
    }
}

/// Leaflet's files, as npm installed them; a missing one is an error that
/// names the command that installs them.
pub fn leaflet_files(root: &Path, theme: &str, files: &mut OutputFiles, ds: &mut Diagnostics) {
    let package = map_folder(theme).join(PACKAGE);
    for (file, name) in LEAFLET_FILES {
        let url = routes::leaflet(name);
        add(
            root,
            &package.join(file),
            &url,
            files,
            ds,
            "map-leaflet-missing",
        );
    }
}

/// Leaflet's stylesheet minified in place (14.8 KB as npm ships it, with
/// comments and indentation; the map page's stylesheets would otherwise
/// pass the 30 KB budget of a page's HTML and CSS).
pub fn minify_stylesheet(files: &mut OutputFiles) {
    let path = routes::file_for(&routes::leaflet("leaflet.css"));
    let small = files
        .get(&path)
        .and_then(|css| std::str::from_utf8(css).ok())
        .and_then(super::css::minified);
    if let Some(small) = small {
        files.insert(path, small.into_bytes().into());
    }
}

/// Reads `rel` (below `root`, by the site folder's rule for links) into
/// `files` at the site path `url`; `missing`: the diagnostic if it cannot.
fn add(
    root: &Path,
    rel: &Path,
    url: &str,
    files: &mut OutputFiles,
    ds: &mut Diagnostics,
    missing: &'static str,
) {
    if let Err(d) = crate::site_folder::check_path(root, rel) {
        ds.push(d);
        return;
    }
    match std::fs::read(root.join(rel)) {
        Ok(bytes) => {
            files.insert(routes::file_for(url), bytes.into());
        }
        Err(e) => ds.push(
            Diagnostic::error(missing)
                .arg("file", rel.display().to_string())
                .arg("detail", e.to_string())
                .at_path(rel),
        ),
    }
}
