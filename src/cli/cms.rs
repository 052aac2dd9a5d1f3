use std::path::PathBuf;
use std::process::ExitCode;

use wegweiser::editorial::cms::{self, Backend};

/// The repository named until `--repo` names the real one.
const PLACEHOLDER_REPO: &str = "OWNER/REPO";

#[derive(clap::Args)]
pub struct Args {
    /// Folder for admin/index.html and config.yml, relative to the site folder.
    #[arg(long, default_value_os_t = cms::default_out())]
    out: PathBuf,
    /// Where the CMS saves: github, gitlab, gitea (or test-repo to try it out).
    #[arg(long, default_value = "github")]
    backend: String,
    /// The repository, owner/name.
    #[arg(long, default_value = PLACEHOLDER_REPO)]
    repo: String,
    /// The branch the CMS commits to.
    #[arg(long, default_value = "main")]
    branch: String,
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

/// `wegweiser cms [--out DIR]`: writes the editor UI's admin page and configuration.
pub fn run(args: Args) -> ExitCode {
    let (root, out) = (args.root, args.out);
    let backend = Backend {
        name: args.backend,
        repo: args.repo,
        branch: args.branch,
    };
    let placeholder = backend.repo == PLACEHOLDER_REPO;
    match cms::write(&root, &out, &backend) {
        Ok(files) => {
            for f in &files {
                eprintln!("wrote {}", f.display());
            }
            if !root.join(&out).join(cms::SCRIPT).exists() {
                eprintln!(
                    "note: {} (Sveltia CMS {}) is not there yet: scripts/install-editor installs it; \
                     a build fails without it (see docs/cms.md)",
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
