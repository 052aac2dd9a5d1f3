//! The theme's Tera templates, compiled once per build, and the `t()`
//! function that gives templates Fluent messages in the page's language.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use tera::{Context, Kwargs, State, Tera};

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::i18n::Messages;
use crate::site_folder::{self, Folder, Walk};
use crate::tool_text::Msg;

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
    /// The template files, for mapping errors to file and line.
    sources: Vec<SourceFile>,
    /// Where the templates are, relative to the site root
    /// (`themes/<theme>/templates`).
    shown_dir: PathBuf,
    /// Whether `list.html` includes the card partial itself
    /// ([`Templates::list_includes_card`]): found once, asked per card.
    list_includes_card: bool,
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
        let files = match site_folder::walk(root, &shown_dir, Walk::EVERYTHING, &mut ds) {
            Folder::Files(files) => files,
            Folder::Refused => return Err(ds),
            Folder::Missing => {
                ds.push(
                    Diagnostic::error("theme-templates-missing")
                        .arg("theme", theme.to_string())
                        .at_path(&shown_dir),
                );
                return Err(ds);
            }
        };
        // A refused link may be one of the required templates: its errors
        // say all there is to say.
        if ds.has_errors() {
            return Err(ds);
        }
        let mut sources = Vec::new();
        for rel in files
            .iter()
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
        {
            let name = rel.to_string_lossy().replace('\\', "/");
            match std::fs::read_to_string(root.join(&shown_dir).join(rel)) {
                Ok(text) => sources.push(SourceFile::new(shown_dir.join(rel), text)),
                Err(e) => ds.push(
                    Diagnostic::error("template-unreadable")
                        .arg("name", name.to_string())
                        .arg("detail", e.to_string())
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
        let list_includes_card = raw
            .iter()
            .any(|(name, text)| name == "list.html" && text.contains("partials/card.html"));
        let mut templates = Templates {
            tera: new_tera(messages),
            compact,
            sources,
            shown_dir: shown_dir.clone(),
            list_includes_card,
        };
        if let Err(e) = templates.tera.add_raw_templates(raw) {
            ds.extend(templates.diagnostics(&e, None));
            return Err(ds);
        }
        for name in REQUIRED {
            if !templates.tera.contains_template(name) {
                ds.push(
                    Diagnostic::error("theme-template-lacking")
                        .arg("theme", theme.to_string())
                        .arg("name", name.to_string())
                        .at_path(&shown_dir.join(name)),
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
            .map_err(|e| self.first_diagnostic(&e, name))
    }

    /// [`Templates::render`] into bytes, for a whole page that goes to a
    /// file: Tera's `render` checks its whole output for UTF-8 once more
    /// (a third of the time rendering took), and a file needs no `String`.
    /// The bytes are UTF-8 all the same: Tera writes text only.
    pub fn render_bytes(&self, name: &str, ctx: &Context) -> Result<Vec<u8>, Diagnostic> {
        if let Some(compact) = &self.compact {
            let mut html = Vec::with_capacity(32 * 1024);
            if compact.render_to(name, ctx, &mut html).is_ok() {
                return Ok(html);
            }
        }
        let mut html = Vec::new();
        self.tera
            .render_to(name, ctx, &mut html)
            .map(|()| html)
            .map_err(|e| self.first_diagnostic(&e, name))
    }

    /// The first diagnostic of a failed rendering of `name`.
    fn first_diagnostic(&self, e: &tera::Error, name: &str) -> Diagnostic {
        {
            let mut ds = self.diagnostics(e, Some(name)).into_iter();
            // `diagnostics` returns at least one; a page fails with the first.
            ds.next()
                .unwrap_or_else(|| Diagnostic::error("template-error").arg("detail", e.to_string()))
        }
    }

    /// Whether the theme's `list.html` includes `partials/card.html` for
    /// each card itself (a theme written before cards were rendered once
    /// per item, render/pages/cards.rs): its lists get the cards' views.
    pub fn list_includes_card(&self) -> bool {
        self.list_includes_card
    }

    /// Whether the theme has a template called `name`.
    pub fn has(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Whether pages are rendered from minified templates.
    pub fn is_compact(&self) -> bool {
        self.compact.is_some()
    }

    /// The loaded template file called `name` (relative to the templates folder).
    fn source(&self, name: &str) -> Option<&SourceFile> {
        self.sources
            .iter()
            .find(|s| template_name(&self.shown_dir, &s.path) == name)
    }

    /// A Tera error as diagnostics pointing into the template files: one
    /// for most errors, one per problem when Tera found several at once
    /// (unknown functions, filters, tests and includes are checked together).
    fn diagnostics(&self, e: &tera::Error, rendering: Option<&str>) -> Vec<Diagnostic> {
        use tera::ErrorKind;
        let what = if rendering.is_some() {
            "template-error-in"
        } else {
            "template-syntax-error-in"
        };
        let ds = match e.kind() {
            ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
                let mut d = Diagnostic::error(what)
                    .arg("name", r.filename())
                    .arg("detail", r.message());
                if let Some(f) = self.source(r.filename()) {
                    d = d.at(f, r.span().range.clone());
                }
                vec![d.help("template-syntax-help")]
            }
            ErrorKind::CircularExtend {
                tpl,
                inheritance_chain,
            } => {
                let chain: Vec<&str> = std::iter::once(tpl.as_str())
                    .chain(inheritance_chain.iter().map(String::as_str))
                    .collect();
                vec![self.cycle(["extend", "extends", "extends"], &chain)]
            }
            ErrorKind::CircularInclude { include_chain, .. } => {
                let chain: Vec<&str> = include_chain.iter().map(String::as_str).collect();
                vec![self.cycle(["include", "includes", "include"], &chain)]
            }
            ErrorKind::MissingParent { current, parent } => {
                let d = Diagnostic::error("template-parent-missing")
                    .arg("name", current.as_str())
                    .arg("parent", parent.as_str())
                    .arg("dir", self.shown_dir.display());
                vec![self.at_tag(d, current, "extends", parent)]
            }
            ErrorKind::Msg(text) => self.reports(text),
            _ => Vec::new(),
        };
        if ds.is_empty() {
            vec![self.unplaced(e, what, rendering)]
        } else {
            ds
        }
    }

    /// An include or extend cycle (`a → b → a`), marked at the tag in the
    /// first template that starts it. `words`: the verb, its third person and
    /// the tag's keyword.
    fn cycle(&self, words: [&str; 3], chain: &[&str]) -> Diagnostic {
        let [noun, _, keyword] = words;
        let d = match chain {
            [one, _] => Diagnostic::error("template-cycle-self").arg("name", *one),
            _ => Diagnostic::error("template-cycle"),
        }
        .arg("how", noun)
        .arg("chain", chain.join(" → "));
        match chain {
            [first, next, ..] => self.at_tag(d, first, keyword, next),
            _ => d,
        }
    }

    /// Points `d` at the `{% keyword "target" %}` tag of the template `name`
    /// (the whole file when the tag cannot be found).
    fn at_tag(&self, d: Diagnostic, name: &str, keyword: &str, target: &str) -> Diagnostic {
        let Some(file) = self.source(name) else {
            return d;
        };
        match find_tag(&file.text, keyword, target) {
            Some(span) => d.at(file, span),
            None => d.in_file(file),
        }
    }

    /// The problems Tera reports together as one text, each as
    /// `error: message` followed by `--> name:line:column` and the source
    /// line with `^^^` under the place. Empty if the text has none.
    fn reports(&self, text: &str) -> Vec<Diagnostic> {
        let lines: Vec<&str> = text.lines().collect();
        let mut ds = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let Some(message) = line.strip_prefix("error: ") else {
                continue;
            };
            let Some((name, line_no, col)) = lines
                .get(i + 1)
                .and_then(|l| l.trim_start().strip_prefix("--> "))
                .and_then(parse_locus)
            else {
                continue;
            };
            // The marker line: the first one with `^` before the next report.
            let width = lines[i + 1..]
                .iter()
                .take_while(|l| !l.starts_with("error: "))
                .find_map(|l| l.contains('^').then(|| l.matches('^').count()))
                .unwrap_or(1);
            let mut d = Diagnostic::error("template-error-in")
                .arg("name", name.to_string())
                .arg("detail", message)
                .help(self.report_help(message));
            if let Some(f) = self.source(name) {
                d = d.at(f, char_span(&f.text, line_no, col, width));
            }
            ds.push(d);
        }
        ds
    }

    /// How to fix a problem of [`Templates::reports`].
    fn report_help(&self, message: &str) -> Msg {
        if message.starts_with("Unknown template") {
            Msg::new("template-names-relative").arg("dir", self.shown_dir.display())
        } else if message.starts_with("Block") {
            Msg::new("template-block-name")
        } else {
            Msg::new("template-functions")
        }
    }

    /// Any other Tera error: its text with its causes, in the first loaded
    /// template it names, else in the template being rendered.
    fn unplaced(&self, e: &tera::Error, what: &str, rendering: Option<&str>) -> Diagnostic {
        let mut msg = e.to_string();
        let mut src = std::error::Error::source(e);
        while let Some(s) = src {
            msg.push_str(": ");
            msg.push_str(&s.to_string());
            src = s.source();
        }
        let named = msg
            .split(['`', '\'', '"'])
            .skip(1)
            .step_by(2)
            .find_map(|name| self.source(name));
        let what = if what == "template-error-in" {
            "template-error"
        } else {
            "template-syntax-error"
        };
        let mut d = Diagnostic::error(what).arg("detail", msg);
        if let Some(f) = named.or_else(|| rendering.and_then(|n| self.source(n))) {
            d = d.in_file(f);
        }
        d
    }
}

/// `name:line:column` (1-based line and column) of a Tera report.
fn parse_locus(locus: &str) -> Option<(&str, usize, usize)> {
    let mut parts = locus.trim().rsplitn(3, ':');
    let col = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    Some((parts.next()?, line, col))
}

/// The byte range of `width` characters from 1-based `line` and `col`
/// (both counted in characters, as Tera counts them).
fn char_span(text: &str, line: usize, col: usize, width: usize) -> std::ops::Range<usize> {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let rest = &text[line_start..];
    let offset = |chars: usize| {
        rest.char_indices()
            .nth(chars)
            .map_or(rest.len(), |(i, _)| i)
    };
    let start = offset(col.saturating_sub(1));
    let end = offset(col.saturating_sub(1) + width);
    line_start + start..line_start + end
}

/// The byte range of the quoted name in the first `{% keyword "target" %}`
/// tag of `text` (any quotes, any `-` whitespace control).
fn find_tag(text: &str, keyword: &str, target: &str) -> Option<std::ops::Range<usize>> {
    text.match_indices("{%").find_map(|(at, open)| {
        let after = at + open.len();
        let rest = text[after..].strip_prefix('-').unwrap_or(&text[after..]);
        let trimmed = rest.trim_start();
        let args = trimmed.strip_prefix(keyword)?;
        let quoted = args.trim_start();
        if quoted.len() == args.len() {
            return None; // `{% extendsX`: another word
        }
        let quote = quoted
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\'' | '`'))?;
        let name = quoted[1..].split(quote).next()?;
        let start = text.len() - quoted.len();
        (name == target).then(|| start..start + name.len() + 2)
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_quoted_name_of_a_tag() {
        let text = "{# extends \"a.html\" #}\n{%- extends 'base.html' -%}\n{% include `a.html` %}";
        let at = find_tag(text, "extends", "base.html").unwrap();
        assert_eq!(&text[at], "'base.html'");
        let at = find_tag(text, "include", "a.html").unwrap();
        assert_eq!(&text[at], "`a.html`");
        assert_eq!(find_tag(text, "include", "base.html"), None);
        assert_eq!(find_tag("{% extendsx \"a\" %}", "extends", "a"), None);
    }

    #[test]
    fn tera_positions_count_characters() {
        let text = "<p>\nÄö {{ nope() }}\n";
        let span = char_span(text, 2, 7, 4);
        assert_eq!(&text[span], "nope");
        assert_eq!(parse_locus(" a:b.html:2:7"), Some(("a:b.html", 2, 7)));
        assert_eq!(parse_locus("a.html:x:7"), None);
    }
}
