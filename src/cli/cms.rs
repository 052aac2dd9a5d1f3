use std::path::PathBuf;
use std::process::ExitCode;

use wegweiser::editorial::cms::{self, Backend};
use wegweiser::tool_text::{Lang, Msg};

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
pub fn run(args: Args, lang: Option<Lang>) -> ExitCode {
    let t = super::tool_text(lang, &args.root);
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
                eprintln!("{}", t.get(&Msg::new("cli-wrote").arg("file", f.display())));
            }
            if !root.join(&out).join(cms::SCRIPT).exists() {
                let m = Msg::new("cms-place-script")
                    .arg("script", cms::SCRIPT)
                    .arg("version", cms::SVELTIA_VERSION);
                eprintln!("{}", t.get(&m));
            }
            if placeholder {
                eprintln!("{}", t.say("cms-name-repo", &[]));
            }
            ExitCode::SUCCESS
        }
        Err(ds) => {
            eprint!("{}", ds.render_in(&t));
            ExitCode::FAILURE
        }
    }
}
