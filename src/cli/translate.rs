use std::path::Path;
use std::process::ExitCode;

use wegweiser::translate::{self, Action};

/// `item`: one item, or `None` for every item of the site.
pub fn run(root: &Path, item: Option<&str>, action: Action) -> ExitCode {
    let Some(site) = super::load_site(root) else {
        return ExitCode::FAILURE;
    };
    let items: Vec<_> = match item {
        Some(name) => match translate::find(&site, name) {
            Ok(i) => vec![i],
            Err(d) => {
                super::print_one(d);
                return ExitCode::FAILURE;
            }
        },
        None => std::iter::once(&site.home)
            .chain(site.items.values())
            .map(|i| &**i)
            .collect(),
    };
    for it in items {
        // With --all, items without a translation into the language are skipped.
        if item.is_none()
            && let Action::Confirm { lang } = &action
            && !root
                .join(translate::translation_path(&site, it, lang))
                .exists()
        {
            continue;
        }
        if let Err(code) = run_one(root, &site, it, &action) {
            return code;
        }
    }
    ExitCode::SUCCESS
}

fn run_one(
    root: &Path,
    site: &wegweiser::content::Site,
    it: &wegweiser::content::Item,
    action: &Action,
) -> Result<(), ExitCode> {
    match translate::run(root, site, it, action) {
        Ok(files) => {
            for f in &files {
                let what = match action {
                    Action::Start { .. } => {
                        "created (draft: translate it, then remove `draft = true`)"
                    }
                    Action::Confirm { .. } => "confirmed as up to date",
                    Action::Minor => "kept up to date (minor source change)",
                };
                eprintln!("{}: {what}", f.display());
            }
            if files.is_empty() && matches!(action, Action::Minor) {
                eprintln!("{} has no translations yet", it.path());
            }
            Ok(())
        }
        Err(ds) => {
            eprint!("{}", ds.render());
            Err(ExitCode::FAILURE)
        }
    }
}
