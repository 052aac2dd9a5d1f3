//! The theme's Tera templates, compiled once per build, and the `t()`
//! function that gives templates Fluent messages in the page's language.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use tera::{Context, Kwargs, State, Tera};

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::i18n::Messages;

use crate::layout::{TEMPLATES_DIR, THEMES_DIR};

/// Templates every theme must provide.
pub const REQUIRED: &[&str] = &[
    "home.html",
    "item.html",
    "list.html",
    "404.html",
    "chooser.html",
];

/// Compiled templates of the site's theme.
pub struct Templates {
    /// The templates as written: their errors point into the files.
    tera: Tera,
    /// The same templates minified once (`compact`), which pages are
    /// rendered with; `None` when not asked for or when a template could
    /// not be minified safely.
    compact: Option<Tera>,
    /// Template name → source, for mapping render errors to file and line.
    sources: Vec<SourceFile>,
}

impl Templates {
    /// Loads and compiles `themes/<theme>/templates/**/*.html`; with
    /// `minify`, also a minified copy of them to render pages with.
    pub fn load(
        root: &Path,
        theme: &str,
        messages: Arc<Messages>,
        minify: bool,
    ) -> Result<Templates, Diagnostics> {
        let mut ds = Diagnostics::new();
        let shown_dir = PathBuf::from(THEMES_DIR).join(theme).join(TEMPLATES_DIR);
        let dir = root.join(&shown_dir);
        if !dir.is_dir() {
            ds.push(
                Diagnostic::error(format!("theme `{theme}` has no templates folder"))
                    .at_path(&shown_dir)
                    .help("set theme = \"default\" in site.toml, or create the folder"),
            );
            return Err(ds);
        }
        let mut sources = Vec::new();
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            if !entry.file_type().is_file() || entry.path().extension().is_none_or(|x| x != "html")
            {
                continue;
            }
            let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
            let name = rel.to_string_lossy().replace('\\', "/");
            match std::fs::read_to_string(entry.path()) {
                Ok(text) => sources.push(SourceFile::new(shown_dir.join(rel), text)),
                Err(e) => ds.push(
                    Diagnostic::error(format!("cannot read template `{name}`: {e}"))
                        .at_path(&shown_dir.join(rel)),
                ),
            }
        }
        let raw: Vec<(String, String)> = sources
            .iter()
            .map(|s| (template_name(&shown_dir, &s.path), s.text.to_string()))
            .collect();
        let compact = if minify {
            compile_compact(&raw, &messages)
        } else {
            None
        };
        let mut templates = Templates {
            tera: new_tera(messages),
            compact,
            sources,
        };
        if let Err(e) = templates.tera.add_raw_templates(raw) {
            ds.push(templates.diagnostic(&e, None));
            return Err(ds);
        }
        for name in REQUIRED {
            if !templates.tera.contains_template(name) {
                ds.push(
                    Diagnostic::error(format!("theme `{theme}` lacks the template `{name}`"))
                        .at_path(&shown_dir.join(name))
                        .help("copy it from themes/default/templates/"),
                );
            }
        }
        if ds.has_errors() {
            Err(ds)
        } else {
            Ok(templates)
        }
    }

    /// Renders a page with the minified templates if there are, else with
    /// the templates as written. An error is reported from the templates as
    /// written, so that its line and column are the file's.
    pub fn render(&self, name: &str, ctx: &Context) -> Result<String, Diagnostic> {
        if let Some(compact) = &self.compact
            && let Ok(html) = compact.render(name, ctx)
        {
            return Ok(html);
        }
        self.tera
            .render(name, ctx)
            .map_err(|e| self.diagnostic(&e, Some(name)))
    }

    /// Whether pages are rendered from minified templates.
    pub fn is_compact(&self) -> bool {
        self.compact.is_some()
    }

    /// A Tera error as a diagnostic pointing into the template file.
    fn diagnostic(&self, e: &tera::Error, rendering: Option<&str>) -> Diagnostic {
        use tera::ErrorKind;
        let report = match e.kind() {
            ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => Some(r),
            _ => None,
        };
        let what = if rendering.is_some() {
            "template error"
        } else {
            "template syntax error"
        };
        match report {
            Some(r) => {
                let file = self.sources.iter().find(|s| {
                    s.path
                        .to_string_lossy()
                        .replace('\\', "/")
                        .ends_with(&format!("/{}", r.filename()))
                });
                let mut d =
                    Diagnostic::error(format!("{what} in `{}`: {}", r.filename(), r.message()));
                if let Some(f) = file {
                    d = d.at(f, r.span().range.clone());
                }
                d.help("check the template syntax at the marked place (Tera 2: https://keats.github.io/tera/)")
            }
            None => {
                let mut msg = e.to_string();
                let mut src = std::error::Error::source(e);
                while let Some(s) = src {
                    msg.push_str(": ");
                    msg.push_str(&s.to_string());
                    src = s.source();
                }
                let mut d = Diagnostic::error(format!("{what}: {msg}"));
                if let Some(name) = rendering
                    && let Some(f) = self.sources.iter().find(|s| s.path.ends_with(name))
                {
                    d = d.in_file(f);
                }
                d
            }
        }
    }
}

fn new_tera(messages: Arc<Messages>) -> Tera {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    register_functions(&mut tera, messages);
    tera
}

/// The templates minified (`super::compact`) and compiled, or `None` if one
/// of them cannot be: then pages are rendered from the templates as written.
fn compile_compact(raw: &[(String, String)], messages: &Arc<Messages>) -> Option<Tera> {
    let compacted = raw
        .iter()
        .map(|(name, text)| Some((name.clone(), super::compact::compact_template(text)?)))
        .collect::<Option<Vec<_>>>()?;
    let mut tera = new_tera(messages.clone());
    tera.add_raw_templates(compacted).ok()?;
    Some(tera)
}

fn template_name(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// `t(key="nav-offers", count=3, name="…")`: the Fluent message `key` in the
/// page's language (context variable `lang_key`), with every other keyword
/// passed as a Fluent variable. A message missing everywhere renders as its
/// id, so the page still builds, and is reported after the build.
fn register_functions(tera: &mut Tera, messages: Arc<Messages>) {
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            // Borrowed, not formatted into new Strings: this runs a dozen
            // times on every page.
            let key: &str = kwargs.must_get("key")?;
            let lang_value: Option<tera::Value> = state.get("lang_key")?;
            let lang = lang_value
                .as_ref()
                .and_then(|v| v.as_str())
                .ok_or_else(|| tera::Error::message("t(): the page has no `lang_key`"))?;
            let mut args = FluentArgs::new();
            for (k, v) in kwargs.iter() {
                let name = k.to_string();
                if name == "key" {
                    continue;
                }
                let fv = if let Some(i) = v.as_i64() {
                    FluentValue::from(i)
                } else if let Some(f) = v.as_f64() {
                    FluentValue::from(f)
                } else if let Some(s) = v.as_str() {
                    FluentValue::from(s.to_string())
                } else {
                    FluentValue::from(v.to_string())
                };
                args.set(name, fv);
            }
            let args = if args.iter().next().is_some() {
                Some(&args)
            } else {
                None
            };
            Ok(messages
                .format(lang, key, args)
                .unwrap_or_else(|| key.to_string()))
        },
    );
}
