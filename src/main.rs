//! The `wegweiser` command line: argument parsing, then one file per command in `cli/`.

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use cli::Format;
use wegweiser::BuildOptions;
use wegweiser::tool_text::Lang;

/// mimalloc instead of the system allocator: rendering allocates and frees
/// millions of small strings and template values from both threads; with
/// glibc's allocator a 10,000-offer build spent a third of its CPU time in
/// malloc/free (perf: unlink_chunk, _int_malloc, malloc_consolidate).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Gives the memory freed so far back to the system, on every thread:
/// mimalloc keeps a freed page for a while (`purge_delay`, a second) and
/// purges it only when its thread allocates again, which a rayon thread
/// idle after the pages does not; the next phases' memory came on top (at
/// 10,000 offers some 80 MB of the peak). Purging everything as it is
/// freed (`MIMALLOC_PURGE_DELAY=0`) cost a second of system time instead.
fn return_freed_memory() {
    // SAFETY: mi_collect takes no pointer and has no precondition; it
    // collects the calling thread's heap (and abandoned ones).
    rayon::broadcast(|_| unsafe { libmimalloc_sys::mi_collect(true) });
    unsafe { libmimalloc_sys::mi_collect(true) };
}

/// Resident memory from which [`return_freed_if_large`] gives memory back.
const LARGE_RSS: usize = 192 << 20;

/// [`return_freed_memory`] if the process holds [`LARGE_RSS`] or more: a
/// page given back is zeroed by the system when it is used again (in huge
/// pages, 2 MiB at a time), which was 4–8 % of a 1,000-offer build's CPU
/// time (`clear_page_erms`, perf) for some 30 MB less at the peak; at
/// 10,000 offers the memory is worth it.
fn return_freed_if_large() {
    let (mut elapsed, mut user, mut system, mut rss, mut peak_rss) = (0, 0, 0, 0, 0);
    let (mut commit, mut peak_commit, mut faults) = (0, 0, 0);
    // SAFETY: every pointer is to a live, writable usize of this frame.
    unsafe {
        libmimalloc_sys::mi_process_info(
            &mut elapsed,
            &mut user,
            &mut system,
            &mut rss,
            &mut peak_rss,
            &mut commit,
            &mut peak_commit,
            &mut faults,
        )
    };
    if rss >= LARGE_RSS {
        return_freed_memory();
    }
}

#[derive(Parser)]
#[command(
    name = "wegweiser",
    version,
    about = "Builds multilingual integration guides"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of the tool's messages (default: WEGWEISER_LANG, then the
    /// locale, then the site's default language, else English). Given
    /// before the command (`wegweiser --lang en status`); build and check
    /// also take it after theirs (xliff's own --lang is the target language).
    #[arg(long, value_enum)]
    lang: Option<ToolLang>,
}

/// The languages the tool speaks.
#[derive(Clone, Copy, clap::ValueEnum)]
enum ToolLang {
    De,
    En,
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
    /// Language of the messages (as `wegweiser --lang`).
    #[arg(long, value_enum)]
    lang: Option<ToolLang>,
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
        /// List every warning (without it, the first few and their number).
        #[arg(long)]
        verbose: bool,
        /// The default, kept for scripts that say so: with the previous
        /// build's manifest beside the output, only what changed is
        /// rendered and written.
        #[arg(long, hide = true, conflicts_with = "clean")]
        incremental: bool,
        /// Build everything again, ignoring the previous build (without it,
        /// only what changed since then is rendered and written; either
        /// way the new output replaces the old one in one step).
        #[arg(long)]
        clean: bool,
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
    Serve(cli::serve::Args),
    /// Create a new content file with every field explained.
    New(cli::new::Args),
    /// Start a translation, confirm one, or mark a source change as minor.
    Translate(cli::translate::Args),
    /// Show the translation status of every item in every language.
    Status(cli::status::Args),
    /// Write the editor UI (Sveltia CMS) configuration and admin page.
    Cms(cli::cms::Args),
    /// Exchange translations with translators as XLIFF 2.0.
    Xliff {
        #[command(subcommand)]
        action: cli::xliff::XliffAction,
    },
    /// Show what the guide has and lacks: offers per topic × place, audience ×
    /// topic, language × place, events ahead per place, offers to review,
    /// contacts nothing refers to. "Now" is SOURCE_DATE_EPOCH or the clock.
    Report(cli::report::Args),
    /// Import partners' calendars (.ics) and offer spreadsheets (.xlsx, .csv).
    Import {
        #[command(subcommand)]
        action: cli::import::ImportAction,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The environment is read here, once; the choice is passed down.
    let choose = |flag: Option<ToolLang>| {
        Lang::choose(
            flag.map(|l| match l {
                ToolLang::De => Lang::De,
                ToolLang::En => Lang::En,
            }),
            |k| std::env::var(k).ok(),
        )
    };
    match cli.command {
        Command::Build {
            root,
            out,
            base_url,
            verbose,
            incremental: _,
            clean,
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
            let text = cli::tool_text(choose(input.lang.or(cli.lang)), &opts.root);
            cli::build::run(opts, clean, input.strict, input.format, verbose, &text)
        }
        Command::Check { root, input } => {
            let mut opts = BuildOptions::new(root);
            opts.drafts = input.drafts;
            opts.minify = false;
            let text = cli::tool_text(choose(input.lang.or(cli.lang)), &opts.root);
            cli::check::run(opts, input.strict, input.format, &text)
        }
        Command::Serve(args) => cli::serve::run(args, choose(cli.lang)),
        Command::New(args) => cli::new::run(args, choose(cli.lang)),
        Command::Translate(args) => cli::translate::run(args, choose(cli.lang)),
        Command::Status(args) => cli::status::run(args, choose(cli.lang)),
        Command::Cms(args) => cli::cms::run(args, choose(cli.lang)),
        Command::Xliff { action } => cli::xliff::run(action, choose(cli.lang)),
        Command::Report(args) => cli::report::run(args, choose(cli.lang)),
        Command::Import { action } => cli::import::run(action, choose(cli.lang)),
    }
}
