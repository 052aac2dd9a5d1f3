use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use wegweiser::content::Kind;
use wegweiser::editorial::scaffold;

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
}

/// `wegweiser new KIND SLUG`: writes a pre-filled source file.
pub fn run(args: Args) -> ExitCode {
    let kind = match args.kind {
        NewKind::Offer => Kind::Offer,
        NewKind::Event => Kind::Event,
        NewKind::Contact => Kind::Contact,
        NewKind::Page => Kind::Page,
    };
    match scaffold::create(&args.root, kind, &args.slug) {
        Ok(path) => {
            eprintln!(
                "created {} — fill in the fields, then remove `draft = true`",
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(d) => {
            super::print_one(d);
            ExitCode::FAILURE
        }
    }
}
