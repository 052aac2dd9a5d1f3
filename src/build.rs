//! A whole build: config → content → i18n → render → output.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::content::load::{LoadOptions, load_site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::{LocaleFormatter, Messages};
use crate::output::data::{Labels, data_files};
use crate::output::sitemap::{self, SitemapEntry};
use crate::output::{self, OutputFiles};
use crate::render::pages::PageBuilder;
use crate::render::templates::{THEMES_DIR, Templates};
use crate::render::{self};

/// What to build and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holds site.toml).
    pub root: PathBuf,
    /// Output folder; relative paths are relative to `root`.
    pub out: PathBuf,
    /// Overrides `base_url` from site.toml (e.g. for previews).
    pub base_url: Option<String>,
    pub drafts: bool,
    pub minify: bool,
    /// "Now" for upcoming/past events; `None` = the clock. The command line
    /// sets it from `SOURCE_DATE_EPOCH` for reproducible builds.
    pub now: Option<jiff::Timestamp>,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            out: PathBuf::from("public"),
            base_url: None,
            drafts: false,
            minify: true,
            now: None,
        }
    }

    pub fn out_dir(&self) -> PathBuf {
        if self.out.is_absolute() {
            self.out.clone()
        } else {
            self.root.join(&self.out)
        }
    }
}

/// The result of a successful build.
#[derive(Debug)]
pub struct BuildReport {
    /// HTML pages written (all languages, including 404 pages and the chooser).
    pub pages: usize,
    /// All files written.
    pub files: usize,
    pub bytes: usize,
    /// Warnings (missing translations of interface text, ignored files, …).
    pub warnings: Diagnostics,
}

/// Builds the site in memory: everything but writing it.
pub fn render_site(opts: &BuildOptions) -> Result<(OutputFiles, Diagnostics), Diagnostics> {
    let root = &opts.root;
    let mut config = SiteConfig::load(root)?;
    if let Some(b) = &opts.base_url {
        config.base_url = b.trim_end_matches('/').to_string();
    }
    let mut ds = Diagnostics::new();
    let (messages, mds) = Messages::load(root, &config);
    ds.extend(mds);
    let messages = Arc::new(messages);
    let (site, cds) = load_site(
        root,
        &config,
        LoadOptions {
            drafts: opts.drafts,
        },
    );
    ds.extend(cds);
    let mut formatters = BTreeMap::new();
    for l in &config.languages {
        match LocaleFormatter::new(&l.tag_str(), l.numbering.as_deref()) {
            Ok(f) => {
                formatters.insert(l.key.clone(), f);
            }
            Err(e) => ds.push(
                Diagnostic::error(format!("language `{}`: {e}", l.key))
                    .at_path(Path::new(crate::config::CONFIG_FILE)),
            ),
        }
    }
    let templates = match Templates::load(root, &config.theme, messages.clone()) {
        Ok(t) => Some(t),
        Err(e) => {
            ds.extend(e);
            None
        }
    };
    let (Some(site), Some(templates)) = (site, templates) else {
        ds.sort();
        return Err(ds);
    };
    if ds.has_errors() {
        ds.sort();
        return Err(ds);
    }

    let site_css = root
        .join("static/site.css")
        .is_file()
        .then_some("/site.css");
    let now = opts
        .now
        .unwrap_or_else(jiff::Timestamp::now)
        .to_zoned(config.time_zone.clone())
        .datetime();
    let builder = PageBuilder::new(
        &site,
        &messages,
        &formatters,
        "/static/style.css",
        site_css,
        now,
    );
    let mut pages = builder.render_all(&templates);
    pages.push(builder.render_chooser(&templates));
    let mut rendered = Vec::with_capacity(pages.len());
    for p in pages {
        match p {
            Ok(p) => rendered.push(p),
            Err(d) => ds.push(d),
        }
    }
    if ds.has_errors() {
        ds.sort();
        return Err(ds);
    }

    let base = &config.base_url;
    let entries: Vec<SitemapEntry> = rendered
        .iter()
        .filter_map(|p| {
            p.sitemap.as_ref().map(|alts| SitemapEntry {
                loc: format!("{base}{}", p.path),
                alternates: alts.clone(),
            })
        })
        .collect();
    let minified: Vec<(String, Vec<u8>)> = rendered
        .par_iter()
        .map(|p| {
            let bytes = if opts.minify {
                render::minify(&p.html)
            } else {
                p.html.clone().into_bytes()
            };
            (crate::routes::file_for(&p.path), bytes)
        })
        .collect();
    let mut files: OutputFiles = minified.into_iter().collect();
    // Static hosts serve /404.html for unknown paths: use the default language's.
    let default_404 = crate::routes::file_for(&crate::routes::not_found(&config.default_language));
    if let Some(b) = files.get(&default_404).cloned() {
        files.insert("404.html".into(), b);
    }
    let labels = config
        .languages
        .iter()
        .map(|l| {
            let t = |id: &str| {
                messages
                    .format(&l.key, id, None)
                    .unwrap_or_else(|| id.to_string())
            };
            (
                l.key.clone(),
                Labels {
                    site_title: t("site-title"),
                    events: t("nav-events"),
                },
            )
        })
        .collect();
    files.extend(data_files(&site, now, &labels));
    files.insert("sitemap.xml".into(), sitemap::sitemap(&entries));
    files.insert("robots.txt".into(), sitemap::robots(base));
    let theme_static = root.join(THEMES_DIR).join(&config.theme).join("static");
    if let Err(d) = output::add_static_dir(&theme_static, "static/", &mut files) {
        ds.push(d);
    }
    if let Err(d) = output::add_static_dir(&root.join("static"), "", &mut files) {
        ds.push(d);
    }
    ds.extend(messages.missing_report());
    ds.sort();
    if ds.has_errors() {
        Err(ds)
    } else {
        Ok((files, ds))
    }
}

/// Builds the site and replaces the output folder. On any error nothing is
/// written and the previous output stays as it was.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let out = opts.out_dir();
    let one = |d: Diagnostic| {
        let mut ds = Diagnostics::new();
        ds.push(d);
        ds
    };
    output::check_output_dir(&opts.root, &out).map_err(one)?;
    let (files, warnings) = render_site(opts)?;
    output::write_atomic(&out, &files).map_err(one)?;
    Ok(BuildReport {
        pages: files.keys().filter(|k| k.ends_with(".html")).count(),
        files: files.len(),
        bytes: files.values().map(Vec::len).sum(),
        warnings,
    })
}
