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

/// What to read and how to report problems (build and check).
#[derive(clap::Args)]
struct Input {
    /// Include files marked `draft = true`.
    #[arg(long)]
    drafts: bool,
    /// Treat warnings as errors (for CI).
    #[arg(long)]
    strict: bool,
    /// How problems are printed.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder.
    Build {
        /// Site folder (holds site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder, relative to the site folder.
        #[arg(long, default_value = wegweiser::layout::OUTPUT_DIR)]
        out: PathBuf,
        /// Use this base URL instead of the one in site.toml.
        #[arg(long)]
        base_url: Option<String>,
        #[command(flatten)]
        input: Input,
    },
    /// Check the site for everything a build checks and more (dead anchors and
    /// files, review dates, finished events, translations, unused text).
    /// Exit code: 0 clean, 1 errors (or warnings with --strict), 2 usage.
    Check {
        /// Site folder (holds site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[command(flatten)]
        input: Input,
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
    /// Write the editor UI (Sveltia CMS) configuration and admin page.
    Cms {
        /// Folder for admin/index.html and config.yml, relative to the site folder.
        #[arg(long, default_value_os_t = wegweiser::cms::default_out())]
        out: PathBuf,
        /// Where the CMS saves: github, gitlab, gitea (or test-repo to try it out).
        #[arg(long, default_value = "github")]
        backend: String,
        /// The repository, owner/name.
        #[arg(long, default_value = "OWNER/REPO")]
        repo: String,
        /// The branch the CMS commits to.
        #[arg(long, default_value = "main")]
        branch: String,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Exchange translations with translators as XLIFF 2.0.
    Xliff {
        #[command(subcommand)]
        action: XliffAction,
    },
    /// Show what the guide has and lacks: offers per topic × place, audience ×
    /// topic, language × place, events ahead per place, offers to review,
    /// contacts nothing refers to. "Now" is SOURCE_DATE_EPOCH or the clock.
    Report {
        /// Also write one CSV file per table into this folder.
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Also write the report as a standalone HTML page.
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Subcommand)]
enum XliffAction {
    /// Write every item missing or outdated in LANG as one XLIFF 2.0 file.
    Export {
        /// The language to translate into.
        #[arg(long)]
        lang: String,
        /// The XLIFF file to write (default: wegweiser-LANG.xlf).
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Write the translations of an XLIFF file into content/ (stamped as current).
    Import {
        /// The XLIFF file with the translators' <target>s.
        file: PathBuf,
        /// Overwrite translation files even if they changed after the export.
        #[arg(long)]
        force: bool,
        /// Mark the imported translations as made by machine.
        #[arg(long)]
        machine: bool,
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
            input,
        } => {
            let opts = BuildOptions {
                root,
                out,
                base_url,
                drafts: input.drafts,
                minify: true,
                now: None,
            };
            cli::build::run(opts, input.strict, input.format)
        }
        Command::Check { root, input } => {
            let mut opts = BuildOptions::new(root);
            opts.drafts = input.drafts;
            opts.minify = false;
            cli::check::run(opts, input.strict, input.format)
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
        Command::Cms {
            out,
            backend,
            repo,
            branch,
            root,
        } => cli::cms::run(
            &root,
            &out,
            wegweiser::cms::Backend {
                name: backend,
                repo,
                branch,
            },
        ),
        Command::Xliff { action } => match action {
            XliffAction::Export { lang, out, root } => {
                cli::xliff::export(&root, &lang, out.as_deref())
            }
            XliffAction::Import {
                file,
                force,
                machine,
                root,
            } => cli::xliff::import(
                &root,
                &file,
                wegweiser::xliff::import::ImportOptions { force, machine },
            ),
        },
        Command::Report { csv, out, root } => {
            cli::report::run(&root, csv.as_deref(), out.as_deref())
        }
    }
}
