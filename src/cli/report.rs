use std::path::PathBuf;
use std::process::ExitCode;

use wegweiser::editorial::report;

#[derive(clap::Args)]
pub struct Args {
    /// Also write one CSV file per table into this folder.
    #[arg(long)]
    csv: Option<PathBuf>,
    /// Also write the report as a standalone HTML page.
    #[arg(long)]
    out: Option<PathBuf>,
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

/// `wegweiser report`: prints the gap report, and writes it as HTML and CSV when asked.
pub fn run(args: Args) -> ExitCode {
    let (root, csv_dir, html) = (&args.root, args.csv.as_deref(), args.out.as_deref());
    let now = match super::build::source_date_epoch() {
        Ok(now) => now.unwrap_or_else(jiff::Timestamp::now),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let r = match report::load_and_report(root, now) {
        Ok(r) => r,
        Err(ds) => {
            eprint!("{}", ds.render());
            eprintln!("fix these problems first");
            return ExitCode::FAILURE;
        }
    };
    print!("{}", report::text(&r));
    if let Some(path) = html {
        if let Err(e) = std::fs::write(path, report::html::page(&r)) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        eprintln!("wrote {}", path.display());
    }
    if let Some(dir) = csv_dir {
        let files = match report::csv::files(&r) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("error: cannot write CSV: {e}");
                return ExitCode::FAILURE;
            }
        };
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("error: cannot create {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
        for (name, text) in files {
            let path = dir.join(name);
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("error: cannot write {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
        eprintln!("wrote CSV files into {}", dir.display());
    }
    ExitCode::SUCCESS
}
