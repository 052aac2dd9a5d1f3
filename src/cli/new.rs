use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use wegweiser::content::Kind;
use wegweiser::editorial::scaffold::{self, TemplateLang};
use wegweiser::tool_text::{Lang, Msg};

#[derive(clap::Args)]
pub struct Args {
    #[arg(value_enum)]
    kind: NewKind,
    /// File name without .md: lower-case letters, digits and -.
    slug: String,
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
enum NewKind {
    Offer,
    Event,
    Contact,
    Page,
    Location,
}

/// `wegweiser new KIND SLUG`: writes a pre-filled source file.
/// The template's comments are in the tool's language.
pub fn run(args: Args, lang: Option<Lang>) -> ExitCode {
    let t = super::tool_text(lang, &args.root);
    let kind = match args.kind {
        NewKind::Offer => Kind::Offer,
        NewKind::Event => Kind::Event,
        NewKind::Contact => Kind::Contact,
        NewKind::Page => Kind::Page,
        NewKind::Location => Kind::Location,
    };
    let template_lang = match t.lang() {
        Lang::De => TemplateLang::De,
        Lang::En => TemplateLang::En,
    };
    match scaffold::create_in(&args.root, kind, &args.slug, template_lang) {
        Ok(path) => {
            eprintln!(
                "{}",
                t.get(&Msg::new("new-created").arg("file", path.display()))
            );
            ExitCode::SUCCESS
        }
        Err(d) => {
            super::print_one(d, &t);
            ExitCode::FAILURE
        }
    }
}
