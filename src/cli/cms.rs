use std::path::Path;
use std::process::ExitCode;

use wegweiser::cms::{self, Backend};

/// `wegweiser cms [--out DIR]`: writes the editor UI's admin page and configuration.
pub fn run(root: &Path, out: &Path, backend: Backend) -> ExitCode {
    let placeholder = backend.repo == "OWNER/REPO";
    match cms::write(root, out, &backend) {
        Ok(files) => {
            for f in &files {
                eprintln!("wrote {}", f.display());
            }
            if !root.join(out).join(cms::SCRIPT).exists() {
                eprintln!(
                    "note: place {} ({} of the npm package @sveltia/cms) beside them; see docs/cms.md",
                    cms::SCRIPT,
                    cms::SVELTIA_VERSION
                );
            }
            if placeholder {
                eprintln!("note: name the repository with --repo owner/name");
            }
            ExitCode::SUCCESS
        }
        Err(ds) => {
            eprint!("{}", ds.render());
            ExitCode::FAILURE
        }
    }
}
