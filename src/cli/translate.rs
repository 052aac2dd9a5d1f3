use std::path::{Path, PathBuf};
use std::process::ExitCode;

use wegweiser::editorial::translate::{self, Action};

#[derive(clap::Args)]
pub struct Args {
    /// ITEM [LANG]: the item (offers/sprachcafe-ingelheim, pages/impressum, _index)
    /// and the language; with --all only the language.
    #[arg(num_args = 1..=2, value_names = ["ITEM", "LANG"])]
    args: Vec<String>,
    /// Apply --confirm to every item that has a translation into LANG.
    #[arg(long, requires = "confirm")]
    all: bool,
    /// Record that this translation matches the current source text.
    #[arg(long, conflicts_with = "minor")]
    confirm: bool,
    /// The last change to the source was minor (a typo): keep all translations up to date.
    #[arg(long)]
    minor: bool,
    /// Mark a new translation as machine-translated (readers are told so).
    #[arg(long)]
    machine: bool,
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

/// `wegweiser translate ITEM LANG [--confirm | --machine]`, `translate ITEM
/// --minor` and `translate --all --confirm LANG`.
pub fn run(args: Args) -> ExitCode {
    match action_of(&args) {
        Ok((item, action)) => run_action(&args.root, item.as_deref(), action),
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
    }
}

/// The item (`None` with --all) and what to do with it, or why the
/// arguments do not say.
fn action_of(args: &Args) -> Result<(Option<String>, Action), String> {
    let (item, lang) = match (args.all, args.args.as_slice()) {
        (true, [lang]) => (None, Some(lang.clone())),
        (false, [item]) => (Some(item.clone()), None),
        (false, [item, lang]) => (Some(item.clone()), Some(lang.clone())),
        _ => {
            return Err(
                "use `wegweiser translate ITEM LANG` or `wegweiser translate --all --confirm LANG`"
                    .into(),
            );
        }
    };
    let action = match (args.minor, lang) {
        (true, _) => Action::Minor,
        (false, Some(lang)) if args.confirm => Action::Confirm { lang },
        (false, Some(lang)) => Action::Start {
            lang,
            machine: args.machine,
        },
        (false, None) => {
            return Err(format!(
                "name the language to translate into, e.g. `wegweiser translate {} ar`",
                item.as_deref().unwrap_or("offers/…")
            ));
        }
    };
    Ok((item, action))
}

/// `item`: one item, or `None` for every item of the site.
fn run_action(root: &Path, item: Option<&str>, action: Action) -> ExitCode {
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
