//! One file per command; each turns parsed arguments into library calls and
//! an exit code.

pub mod build;
pub mod check;
pub mod cms;
pub mod import;
pub mod new;
pub mod report;
pub mod serve;
pub mod status;
pub mod translate;
pub mod xliff;

use wegweiser::diagnostics::{Diagnostic, Diagnostics};
use wegweiser::tool_text::{Lang, ToolText};

/// How problems are printed.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// Messages with the source snippet.
    Human,
    /// One line per problem: file:line:col: message (help: …).
    Short,
    /// JSON for tools.
    Json,
    /// GitHub Actions annotations (`::error file=…,line=…::…`).
    Github,
}

pub fn print(ds: &Diagnostics, format: Format, t: &ToolText) {
    match format {
        Format::Human => eprint!("{}", ds.render_in(t)),
        Format::Short => eprint!("{}", ds.render_short_in(t)),
        Format::Json => println!("{}", ds.to_json_in(t)),
        Format::Github => print!("{}", ds.render_github_in(t)),
    }
}

/// The tool's text in the language asked for (`choice`, from `--lang` and
/// the environment), else in the site's default language if the tool
/// speaks it, else in English.
pub fn tool_text(choice: Option<Lang>, root: &std::path::Path) -> ToolText {
    let site_default = || {
        let text = std::fs::read_to_string(root.join(wegweiser::layout::CONFIG_FILE)).ok()?;
        let table: toml::Table = text.parse().ok()?;
        Lang::parse(table.get("default_language")?.as_str()?)
    };
    ToolText::new(choice.or_else(site_default).unwrap_or_default())
}

pub fn print_one(d: Diagnostic, t: &ToolText) {
    let mut ds = Diagnostics::new();
    ds.push(d);
    eprint!("{}", ds.render_in(t));
}

/// `error: …` for a problem that is no diagnostic (an I/O error, a usage mistake).
pub fn print_error(message: impl Into<wegweiser::tool_text::Arg>, t: &ToolText) {
    eprintln!("{}", t.say("cli-error", &[("message", message.into())]));
}

/// `cannot write FILE: …` as an error line.
pub fn print_unwritable(file: &std::path::Path, e: &std::io::Error, t: &ToolText) {
    let m = wegweiser::tool_text::Msg::new("cannot-write")
        .arg("file", file.display())
        .arg("detail", e.to_string());
    print_error(m, t);
}

/// "Now" from `SOURCE_DATE_EPOCH` (`Some(None)`: the clock); on a bad
/// value the error is printed and `None` returned.
pub fn source_date(t: &ToolText) -> Option<Option<jiff::Timestamp>> {
    match build::source_date_epoch() {
        Ok(now) => Some(now),
        Err(value) => {
            let m = wegweiser::tool_text::Msg::new("cli-source-date-epoch").arg("value", value);
            print_error(m, t);
            None
        }
    }
}

/// The site, drafts included, for commands that work on its content
/// (translate, xliff); on problems they are printed and `None` is returned.
pub fn load_site(root: &std::path::Path, t: &ToolText) -> Option<wegweiser::content::Site> {
    match wegweiser::editorial::load(root, true) {
        Ok(s) => Some(s),
        Err(ds) => {
            eprint!("{}", ds.render_in(t));
            eprintln!("{}", t.say("cli-fix-first", &[]));
            None
        }
    }
}
