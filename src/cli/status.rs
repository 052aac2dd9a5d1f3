use std::path::Path;
use std::process::ExitCode;

use wegweiser::content::status;
use wegweiser::translate;

pub fn run(root: &Path, csv: Option<&Path>) -> ExitCode {
    let site = match translate::load(root) {
        Ok(s) => s,
        Err(ds) => {
            eprint!("{}", ds.render());
            return ExitCode::FAILURE;
        }
    };
    let report = status::report(&site);
    print!("{}", report.table(&site));
    if let Some(path) = csv {
        if let Err(e) = std::fs::write(path, report.csv()) {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        eprintln!("wrote {}", path.display());
    }
    ExitCode::SUCCESS
}
