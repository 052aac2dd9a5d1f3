use std::path::Path;
use std::process::ExitCode;

use wegweiser::content::Kind;
use wegweiser::scaffold;

pub fn run(root: &Path, kind: Kind, slug: &str) -> ExitCode {
    match scaffold::create(root, kind, slug) {
        Ok(path) => {
            eprintln!(
                "created {} — fill in the fields, then remove `draft = true`",
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(d) => {
            super::print_one(d);
            ExitCode::FAILURE
        }
    }
}
