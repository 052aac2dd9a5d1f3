use std::path::PathBuf;
use std::process::ExitCode;

use wegweiser::content::status;
use wegweiser::editorial;

#[derive(clap::Args)]
pub struct Args {
    /// Also write the status as CSV for translators.
    #[arg(long)]
    csv: Option<PathBuf>,
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

/// `wegweiser status [--csv FILE]`: prints the translation status table.
pub fn run(args: Args) -> ExitCode {
    let site = match editorial::load(&args.root, true) {
        Ok(s) => s,
        Err(ds) => {
            eprint!("{}", ds.render());
            return ExitCode::FAILURE;
        }
    };
    let now = match super::build::source_date_epoch() {
        Ok(now) => now.unwrap_or_else(jiff::Timestamp::now),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let now = now.to_zoned(site.config.time_zone.clone()).datetime();
    let report = status::report(&site);
    print!("{}", report.table_at(&site, now));
    if let Some(path) = args.csv {
        if let Err(e) = std::fs::write(&path, report.csv()) {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        eprintln!("wrote {}", path.display());
    }
    ExitCode::SUCCESS
}
