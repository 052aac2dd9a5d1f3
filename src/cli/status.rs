use std::path::PathBuf;
use std::process::ExitCode;

use wegweiser::content::status;
use wegweiser::editorial;
use wegweiser::tool_text::{Lang, Msg};

#[derive(clap::Args)]
pub struct Args {
    /// Also write the status as CSV for translators.
    #[arg(long)]
    csv: Option<PathBuf>,
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

/// `wegweiser status [--csv FILE]`: prints the translation status table.
pub fn run(args: Args, lang: Option<Lang>) -> ExitCode {
    let t = super::tool_text(lang, &args.root);
    let site = match editorial::load(&args.root, true) {
        Ok(s) => s,
        Err(ds) => {
            eprint!("{}", ds.render_in(&t));
            return ExitCode::FAILURE;
        }
    };
    let Some(now) = super::source_date(&t) else {
        return ExitCode::from(2);
    };
    let now = now.unwrap_or_else(jiff::Timestamp::now);
    let now = now.to_zoned(site.config.time_zone.clone()).datetime();
    let report = status::report(&site);
    print!("{}", report.table_in(&site, now, &t));
    if let Some(path) = args.csv {
        if let Err(e) = std::fs::write(&path, report.csv()) {
            super::print_unwritable(&path, &e, &t);
            return ExitCode::FAILURE;
        }
        eprintln!(
            "{}",
            t.get(&Msg::new("cli-wrote").arg("file", path.display()))
        );
    }
    ExitCode::SUCCESS
}
