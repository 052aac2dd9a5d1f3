use std::path::PathBuf;
use std::process::ExitCode;

use wegweiser::editorial::report;
use wegweiser::tool_text::{Lang, Msg};

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
pub fn run(args: Args, lang: Option<Lang>) -> ExitCode {
    let t = super::tool_text(lang, &args.root);
    let (root, csv_dir, html) = (&args.root, args.csv.as_deref(), args.out.as_deref());
    let Some(now) = super::source_date(&t) else {
        return ExitCode::from(2);
    };
    let now = now.unwrap_or_else(jiff::Timestamp::now);
    let r = match report::load_and_report_in(root, now, &t) {
        Ok(r) => r,
        Err(ds) => {
            eprint!("{}", ds.render_in(&t));
            eprintln!("{}", t.say("cli-fix-first", &[]));
            return ExitCode::FAILURE;
        }
    };
    print!("{}", report::text_in(&r, &t));
    if let Some(path) = html {
        if let Err(e) = std::fs::write(path, report::html::page_in(&r, &t)) {
            super::print_unwritable(path, &e, &t);
            return ExitCode::FAILURE;
        }
        eprintln!(
            "{}",
            t.get(&Msg::new("cli-wrote").arg("file", path.display()))
        );
    }
    if let Some(dir) = csv_dir {
        let files = match report::csv::files(&r) {
            Ok(f) => f,
            Err(e) => {
                let m = Msg::new("report-cannot-write-csv").arg("detail", e.to_string());
                super::print_error(m, &t);
                return ExitCode::FAILURE;
            }
        };
        if let Err(e) = std::fs::create_dir_all(dir) {
            let m = Msg::new("cannot-create")
                .arg("file", dir.display())
                .arg("detail", e.to_string());
            super::print_error(m, &t);
            return ExitCode::FAILURE;
        }
        for (name, text) in files {
            let path = dir.join(name);
            if let Err(e) = std::fs::write(&path, text) {
                super::print_unwritable(&path, &e, &t);
                return ExitCode::FAILURE;
            }
        }
        let m = Msg::new("report-wrote-csv").arg("folder", dir.display());
        eprintln!("{}", t.get(&m));
    }
    ExitCode::SUCCESS
}
