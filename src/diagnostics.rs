//! Diagnostics: every problem a build finds, with file, position and a hint.
//!
//! Stages never stop at the first problem: they push [`Diagnostic`]s into a
//! [`Diagnostics`] list and go on where they can. The build reports all of them
//! at once through one printer ([`Diagnostics::render`] for terminals,
//! [`Diagnostics::to_json`] for tools and the browser overlay).

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config, DisplayStyle};
use serde::Serialize;

use crate::tool_text::{Arg, Lang, Msg, ToolText};

/// How bad a problem is. Errors fail the build; warnings are printed (and fail
/// the build only in strict mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// The text of a source file, shared between the loader and diagnostics.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, as shown to editors.
    pub path: PathBuf,
    /// (An `Arc<String>`, not `Arc<str>`: a file read into a `String` is
    /// kept without copying it, 312 MB at 10,000 offers.)
    pub text: Arc<String>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            text: Arc::new(text.into()),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = self.text[line_start..offset].chars().count() + 1;
        (line, col)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem found by the build.
///
/// It holds no sentence, only a stable code (the Fluent id of its text in
/// `src/tool_text/`) and the arguments; printers put it into words in the
/// language the user chose. Help and label come from the message's `.help`
/// and `.label` attributes unless set with [`Diagnostic::help`] and
/// [`Diagnostic::label`].
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// What is wrong: the code (its id) and the arguments.
    pub text: Msg,
    /// The file it is in (relative to the site root), if it is in a file.
    /// Boxed to keep `Result<_, Diagnostic>` small.
    pub file: Option<Box<SourceFile>>,
    /// Byte range inside `file`.
    pub span: Option<Range<usize>>,
    /// Short label shown under the marked text (instead of the `.label` attribute).
    /// Boxed, like `file`, to keep `Result<_, Diagnostic>` small.
    pub label: Option<Box<Msg>>,
    /// How to fix it (instead of the `.help` attribute).
    pub help: Option<Box<Msg>>,
}

impl Diagnostic {
    /// An error with the stable code `code` (also its message id).
    pub fn error(code: &'static str) -> Self {
        Self {
            severity: Severity::Error,
            text: Msg::new(code),
            file: None,
            span: None,
            label: None,
            help: None,
        }
    }

    /// An error whose message (code and arguments) was made elsewhere.
    pub fn error_with(text: Msg) -> Self {
        Self {
            text,
            ..Self::error("")
        }
    }

    pub fn warning(code: &'static str) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code)
        }
    }

    /// An argument of the message (and of its help and label attributes).
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.text = self.text.arg(name, value);
        self
    }

    /// The stable code, e.g. `unknown-field`.
    pub fn code(&self) -> &str {
        &self.text.id
    }

    /// The message in English (tests and logs).
    pub fn message(&self) -> String {
        ToolText::new(Lang::En).get(&self.text)
    }

    /// The message in the language of `t`.
    pub fn message_in(&self, t: &ToolText) -> String {
        t.get(&self.text)
    }

    /// The help in the language of `t`.
    pub fn help_in(&self, t: &ToolText) -> Option<String> {
        match &self.help {
            Some(h) => Some(t.get(&self.with_own_args(h))),
            None => t.attr(&self.text, "help"),
        }
    }

    /// The label in the language of `t`.
    pub fn label_in(&self, t: &ToolText) -> Option<String> {
        match &self.label {
            Some(l) => Some(t.get(&self.with_own_args(l))),
            None => t.attr(&self.text, "label"),
        }
    }

    /// A help or label given by id alone uses the message's arguments.
    fn with_own_args(&self, m: &Msg) -> Msg {
        if m.args.is_empty() {
            Msg {
                id: m.id.clone(),
                args: self.text.args.clone(),
            }
        } else {
            m.clone()
        }
    }

    /// Points the diagnostic at a whole file: its first line, so that
    /// editors and CI annotations still get `file:1:1`.
    pub fn in_file(self, file: &SourceFile) -> Self {
        let first_line = file.text.find('\n').unwrap_or(file.text.len());
        self.at(file, 0..first_line)
    }

    /// Points the diagnostic at a byte range of a file.
    pub fn at(mut self, file: &SourceFile, span: Range<usize>) -> Self {
        let len = file.text.len();
        let start = floor_char_boundary(&file.text, span.start.min(len));
        let end = floor_char_boundary(&file.text, span.end.clamp(start, len));
        self.file = Some(Box::new(file.clone()));
        self.span = Some(start..end);
        self
    }

    /// Points at a file that is not loaded as a [`SourceFile`] (e.g. a missing one).
    pub fn at_path(mut self, path: &Path) -> Self {
        self.file = Some(Box::new(SourceFile::new(path, "")));
        self
    }

    pub fn label(mut self, label: impl Into<Msg>) -> Self {
        self.label = Some(Box::new(label.into()));
        self
    }

    pub fn help(mut self, help: impl Into<Msg>) -> Self {
        self.help = Some(Box::new(help.into()));
        self
    }

    /// `(line, column)`, 1-based, where the diagnostic points.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        match (&self.file, &self.span) {
            (Some(f), Some(s)) => Some(f.line_col(s.start)),
            _ => None,
        }
    }

    /// `path:line:col` (or just the path) for one-line listings.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        let path = file.path.display();
        Some(match self.line_col() {
            Some((l, c)) => format!("{path}:{l}:{c}"),
            None => path.to_string(),
        })
    }
}

/// Machine-readable form of a diagnostic (for `--format json` and the browser overlay).
#[derive(Debug, Serialize)]
pub struct DiagnosticRecord {
    pub severity: Severity,
    /// The stable code (English, the same in every language).
    pub code: String,
    /// The message in the chosen language.
    pub message: String,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub label: Option<String>,
    pub help: Option<String>,
    /// The diagnostic as the terminal shows it (with the source snippet).
    pub rendered: String,
}

/// All diagnostics of one build, in a stable order.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, s: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == s).count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorts by file, position, then message, so output does not depend on
    /// the order in which parallel stages finished.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            let ka = (
                a.file.as_ref().map(|f| f.path.clone()),
                a.span.as_ref().map(|s| s.start),
                &a.text,
            );
            let kb = (
                b.file.as_ref().map(|f| f.path.clone()),
                b.span.as_ref().map(|s| s.start),
                &b.text,
            );
            ka.cmp(&kb)
        });
        self.items
            .dedup_by(|a, b| a.text == b.text && a.location() == b.location());
    }

    /// Renders every diagnostic with its source snippet, as a terminal
    /// shows it, in English.
    pub fn render(&self) -> String {
        self.render_in(&ToolText::new(Lang::En))
    }

    /// Renders every diagnostic with its source snippet in the language of `t`.
    pub fn render_in(&self, t: &ToolText) -> String {
        self.items.iter().map(|d| render_one(d, t)).collect()
    }

    /// One line per diagnostic: `file:line:col: error: message`, for CI logs (English).
    pub fn render_short(&self) -> String {
        self.render_short_in(&ToolText::new(Lang::En))
    }

    /// One line per diagnostic in the language of `t`.
    pub fn render_short_in(&self, t: &ToolText) -> String {
        self.items.iter().map(|d| short_line(d, t)).collect()
    }

    pub fn records(&self) -> Vec<DiagnosticRecord> {
        self.records_in(&ToolText::new(Lang::En))
    }

    pub fn records_in(&self, t: &ToolText) -> Vec<DiagnosticRecord> {
        self.items
            .iter()
            .map(|d| {
                let lc = d.line_col();
                DiagnosticRecord {
                    severity: d.severity,
                    code: d.code().to_string(),
                    message: d.message_in(t),
                    file: d.file.as_ref().map(|f| f.path.display().to_string()),
                    line: lc.map(|x| x.0),
                    column: lc.map(|x| x.1),
                    label: d.label_in(t),
                    help: d.help_in(t),
                    rendered: render_one(d, t),
                }
            })
            .collect()
    }

    /// Turns every warning into an error (`--strict`).
    pub fn promote_warnings(&mut self) {
        for d in &mut self.items {
            d.severity = Severity::Error;
        }
    }

    /// GitHub Actions workflow commands (`::error file=…,line=…::message`), in English.
    pub fn render_github(&self) -> String {
        self.render_github_in(&ToolText::new(Lang::En))
    }

    /// GitHub Actions workflow commands, which show as annotations on the
    /// changed lines of a pull request; the title holds the stable code.
    pub fn render_github_in(&self, t: &ToolText) -> String {
        let mut out = String::new();
        for d in &self.items {
            let sev = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut props = Vec::new();
            if let Some(f) = &d.file {
                props.push(format!(
                    "file={}",
                    github_property(&f.path.display().to_string())
                ));
            }
            if let Some((line, col)) = d.line_col() {
                props.push(format!("line={line},col={col}"));
            }
            let title = match d.label_in(t) {
                Some(l) => format!("{l} [{}]", d.code()),
                None => format!("[{}]", d.code()),
            };
            props.push(format!("title={}", github_property(&title)));
            let mut message = d.message_in(t);
            if let Some(h) = d.help_in(t) {
                message.push('\n');
                message.push_str(&t.say("help-prefix", &[("help", h.into())]));
            }
            out.push_str(&format!(
                "::{sev} {}::{}\n",
                props.join(","),
                github_data(&message)
            ));
        }
        out
    }

    /// JSON records in English.
    pub fn to_json(&self) -> String {
        self.to_json_in(&ToolText::new(Lang::En))
    }

    /// JSON records: stable code, message in the language of `t`.
    pub fn to_json_in(&self, t: &ToolText) -> String {
        // Serialising plain strings and numbers cannot fail.
        serde_json::to_string_pretty(&self.records_in(t)).unwrap_or_default()
    }
}

/// A list of one diagnostic (for `?` where a step fails with one problem).
impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics { items: vec![d] }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// Escapes a workflow command's message.
fn github_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn severity_word(d: &Diagnostic, t: &ToolText) -> String {
    match d.severity {
        Severity::Error => t.say("severity-error", &[]),
        Severity::Warning => t.say("severity-warning", &[]),
    }
}

/// `file:line:col: error: message (help: …)` — one line, for CI logs and editors' problem matchers.
fn short_line(d: &Diagnostic, t: &ToolText) -> String {
    let sev = severity_word(d, t);
    let message = d.message_in(t);
    let mut line = match d.location() {
        Some(loc) => format!("{loc}: {sev}: {message}"),
        None => format!("{sev}: {message}"),
    };
    if let Some(h) = d.help_in(t) {
        line.push_str(&format!(
            " ({})",
            t.say("help-prefix", &[("help", h.into())])
        ));
    }
    line.push('\n');
    line
}

fn render_one(d: &Diagnostic, t: &ToolText) -> String {
    let mut files = SimpleFiles::new();
    let severity = match d.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
    };
    let message = d.message_in(t);
    let mut cs = CsDiagnostic::new(severity).with_message(&message);
    let mut notes = Vec::new();
    match (&d.file, &d.span) {
        (Some(f), Some(span)) => {
            let id = files.add(f.path.display().to_string(), f.text.as_str());
            let mut label = Label::primary(id, span.clone());
            if let Some(l) = d.label_in(t) {
                label = label.with_message(l);
            }
            cs = cs.with_labels(vec![label]);
        }
        (Some(f), None) => notes.push(t.say("in-file", &[("file", f.path.display().into())])),
        _ => {}
    }
    if let Some(h) = d.help_in(t) {
        notes.push(t.say("help-prefix", &[("help", h.into())]));
    }
    cs = cs.with_notes(notes);
    let config = Config {
        display_style: DisplayStyle::Rich,
        ..Config::default()
    };
    let text = match term::emit_into_string(&config, &files, &cs) {
        Ok(s) => s,
        // Only fails on an out-of-range span, which `Diagnostic::at` prevents;
        // fall back to a plain line rather than losing the message.
        Err(_) => format!("{}: {message}\n", d.location().unwrap_or_default()),
    };
    // codespan writes the severity in English; the first word is replaced.
    let english = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    match text.strip_prefix(english) {
        Some(rest) if t.lang() != Lang::En => format!("{}{rest}", severity_word(d, t)),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let f = SourceFile::new("a.md", "ab\nçd x\n");
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(3), (2, 1));
        // 'ç' is two bytes: the space after "çd" is column 3.
        assert_eq!(f.line_col(6), (2, 3));
    }

    #[test]
    fn short_render_names_file_line_and_column() {
        let f = SourceFile::new("content/offers/x.md", "+++\ntitel = \"x\"\n+++\n");
        let mut ds = Diagnostics::new();
        ds.push(
            Diagnostic::error("unknown-field")
                .arg("name", "titel")
                .at(&f, 4..9),
        );
        assert!(
            ds.render_short()
                .starts_with("content/offers/x.md:2:1: error")
        );
        assert!(ds.has_errors());
    }
}
