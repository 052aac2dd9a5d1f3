//! The `wegweiser` command line: a thin layer over the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use wegweiser::content::Kind;
use wegweiser::diagnostics::Diagnostics;
use wegweiser::{BuildOptions, build, scaffold};

#[derive(Parser)]
#[command(
    name = "wegweiser",
    version,
    about = "Builds multilingual integration guides"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Messages with the source snippet.
    Human,
    /// One line per problem: file:line:col: message.
    Short,
    /// JSON for tools.
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder.
    Build {
        /// Site folder (holds site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder, relative to the site folder.
        #[arg(long, default_value = "public")]
        out: PathBuf,
        /// Use this base URL instead of the one in site.toml.
        #[arg(long)]
        base_url: Option<String>,
        /// Include files marked `draft = true`.
        #[arg(long)]
        drafts: bool,
        /// Fail on warnings too (for CI).
        #[arg(long)]
        strict: bool,
        /// How problems are printed.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Create a new content file with every field explained.
    New {
        #[arg(value_enum)]
        kind: NewKind,
        /// File name without .md: lower-case letters, digits and -.
        slug: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum NewKind {
    Offer,
    Event,
    Contact,
    Page,
}

fn print(ds: &Diagnostics, format: Format) {
    match format {
        Format::Human => eprint!("{}", ds.render()),
        Format::Short => eprint!("{}", ds.render_short()),
        Format::Json => println!("{}", ds.to_json()),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            out,
            base_url,
            drafts,
            strict,
            format,
        } => {
            let started = Instant::now();
            let opts = BuildOptions {
                root,
                out,
                base_url,
                drafts,
                minify: true,
            };
            match build(&opts) {
                Ok(report) => {
                    print(&report.warnings, format);
                    let failed = strict && !report.warnings.is_empty();
                    if std::io::stderr().is_terminal() || !matches!(format, Format::Json) {
                        eprintln!(
                            "{} {} pages, {} files, {} KiB in {} ms → {}{}",
                            if failed {
                                "built (but --strict and there are warnings):"
                            } else {
                                "built"
                            },
                            report.pages,
                            report.files,
                            report.bytes / 1024,
                            started.elapsed().as_millis(),
                            opts.out_dir().display(),
                            if report.warnings.is_empty() {
                                String::new()
                            } else {
                                format!(", {} warning(s)", report.warnings.warning_count())
                            }
                        );
                    }
                    if failed {
                        ExitCode::FAILURE
                    } else {
                        ExitCode::SUCCESS
                    }
                }
                Err(ds) => {
                    print(&ds, format);
                    eprintln!(
                        "build failed: {} error(s), {} warning(s); nothing was written",
                        ds.error_count(),
                        ds.warning_count()
                    );
                    ExitCode::FAILURE
                }
            }
        }
        Command::New { kind, slug, root } => {
            let kind = match kind {
                NewKind::Offer => Kind::Offer,
                NewKind::Event => Kind::Event,
                NewKind::Contact => Kind::Contact,
                NewKind::Page => Kind::Page,
            };
            match scaffold::create(&root, kind, &slug) {
                Ok(path) => {
                    eprintln!(
                        "created {} — fill in the fields, then remove `draft = true`",
                        path.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(d) => {
                    let mut ds = Diagnostics::new();
                    ds.push(d);
                    eprint!("{}", ds.render());
                    ExitCode::FAILURE
                }
            }
        }
    }
}
