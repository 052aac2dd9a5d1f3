//! The `wegweiser` command line: argument parsing, then one file per command in `cli/`.

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use cli::Format;
use wegweiser::BuildOptions;
use wegweiser::content::Kind;
use wegweiser::translate::Action;

/// mimalloc instead of the system allocator: rendering allocates and frees
/// millions of small strings and template values from both threads; with
/// glibc's allocator a 10,000-offer build spent a third of its CPU time in
/// malloc/free (perf: unlink_chunk, _int_malloc, malloc_consolidate).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Build the site, serve it on this computer, and rebuild and reload on every change.
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Port (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; only this computer by default.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Include files marked `draft = true`.
        #[arg(long)]
        drafts: bool,
        /// Open the site in the browser.
        #[arg(long)]
        open: bool,
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
    /// Start a translation, confirm one, or mark a source change as minor.
    Translate {
        /// ITEM [LANG]: the item (offers/sprachcafe-ingelheim, pages/impressum, _index)
        /// and the language; with --all only the language.
        #[arg(num_args = 1..=2, value_names = ["ITEM", "LANG"])]
        args: Vec<String>,
        /// Apply --confirm to every item that has a translation into LANG.
        #[arg(long, requires = "confirm")]
        all: bool,
        /// Record that this translation matches the current source text.
        #[arg(long, conflicts_with = "minor")]
        confirm: bool,
        /// The last change to the source was minor (a typo): keep all translations up to date.
        #[arg(long)]
        minor: bool,
        /// Mark a new translation as machine-translated (readers are told so).
        #[arg(long)]
        machine: bool,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Show the translation status of every item in every language.
    Status {
        /// Also write the status as CSV for translators.
        #[arg(long)]
        csv: Option<PathBuf>,
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

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build {
            root,
            out,
            base_url,
            drafts,
            strict,
            format,
        } => {
            let opts = BuildOptions {
                root,
                out,
                base_url,
                drafts,
                minify: true,
                now: None,
            };
            cli::build::run(opts, strict, format)
        }
        Command::Serve {
            root,
            port,
            bind,
            drafts,
            open,
        } => {
            let opts = wegweiser::serve::ServeOptions {
                root,
                bind,
                port,
                drafts,
                open,
            };
            match wegweiser::serve::run(opts) {
                Ok(()) => ExitCode::SUCCESS,
                Err(d) => {
                    cli::print_one(d);
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
            cli::new::run(&root, kind, &slug)
        }
        Command::Translate {
            args,
            all,
            confirm,
            minor,
            machine,
            root,
        } => {
            let (item, lang) = match (all, args.as_slice()) {
                (true, [lang]) => (None, Some(lang.clone())),
                (false, [item]) => (Some(item.clone()), None),
                (false, [item, lang]) => (Some(item.clone()), Some(lang.clone())),
                _ => {
                    eprintln!(
                        "error: use `wegweiser translate ITEM LANG` or `wegweiser translate --all --confirm LANG`"
                    );
                    return ExitCode::from(2);
                }
            };
            let action = match (minor, lang) {
                (true, _) => Action::Minor,
                (false, Some(lang)) if confirm => Action::Confirm { lang },
                (false, Some(lang)) => Action::Start { lang, machine },
                (false, None) => {
                    eprintln!(
                        "error: name the language to translate into, e.g. `wegweiser translate {} ar`",
                        item.as_deref().unwrap_or("offers/…")
                    );
                    return ExitCode::from(2);
                }
            };
            cli::translate::run(&root, item.as_deref(), action)
        }
        Command::Status { csv, root } => cli::status::run(&root, csv.as_deref()),
    }
}
