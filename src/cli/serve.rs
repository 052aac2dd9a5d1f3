use std::path::PathBuf;
use std::process::ExitCode;

use wegweiser::serve::{self, ServeOptions};
use wegweiser::tool_text::Lang;

#[derive(clap::Args)]
pub struct Args {
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
}

/// `wegweiser serve`: builds, serves and rebuilds until stopped.
pub fn run(args: Args, lang: Option<Lang>) -> ExitCode {
    let t = super::tool_text(lang, &args.root);
    let opts = ServeOptions {
        root: args.root,
        bind: args.bind,
        port: args.port,
        drafts: args.drafts,
        open: args.open,
        lang: t.lang(),
        return_freed: crate::return_freed_memory,
    };
    match serve::run(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(d) => {
            super::print_one(d, &t);
            ExitCode::FAILURE
        }
    }
}
