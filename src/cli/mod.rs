//! One file per command; each turns parsed arguments into library calls and
//! an exit code.

pub mod build;
pub mod check;
pub mod cms;
pub mod new;
pub mod report;
pub mod serve;
pub mod status;
pub mod translate;
pub mod xliff;

use wegweiser::diagnostics::{Diagnostic, Diagnostics};

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

pub fn print(ds: &Diagnostics, format: Format) {
    match format {
        Format::Human => eprint!("{}", ds.render()),
        Format::Short => eprint!("{}", ds.render_short()),
        Format::Json => println!("{}", ds.to_json()),
        Format::Github => print!("{}", ds.render_github()),
    }
}

pub fn print_one(d: Diagnostic) {
    let mut ds = Diagnostics::new();
    ds.push(d);
    eprint!("{}", ds.render());
}

/// The site, drafts included, for commands that work on its content
/// (translate, xliff); on problems they are printed and `None` is returned.
pub fn load_site(root: &std::path::Path) -> Option<wegweiser::content::Site> {
    match wegweiser::editorial::load(root, true) {
        Ok(s) => Some(s),
        Err(ds) => {
            eprint!("{}", ds.render());
            eprintln!("fix these problems first");
            None
        }
    }
}
