use std::path::{Path, PathBuf};
use std::process::ExitCode;

use wegweiser::editorial::translate::{self, Action};
use wegweiser::tool_text::{Lang, Msg, ToolText};

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
pub fn run(args: Args, lang: Option<Lang>) -> ExitCode {
    let t = super::tool_text(lang, &args.root);
    match action_of(&args) {
        Ok((item, action)) => run_action(&args.root, item.as_deref(), action, &t),
        Err(msg) => {
            super::print_error(msg, &t);
            ExitCode::from(2)
        }
    }
}

/// The item (`None` with --all) and what to do with it, or why the
/// arguments do not say.
fn action_of(args: &Args) -> Result<(Option<String>, Action), Msg> {
    let (item, lang) = match (args.all, args.args.as_slice()) {
        (true, [lang]) => (None, Some(lang.clone())),
        (false, [item]) => (Some(item.clone()), None),
        (false, [item, lang]) => (Some(item.clone()), Some(lang.clone())),
        _ => {
            return Err(Msg::new("translate-usage"));
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
            return Err(Msg::new("translate-name-language")
                .arg("item", item.as_deref().unwrap_or("offers/…")));
        }
    };
    Ok((item, action))
}

/// `item`: one item, or `None` for every item of the site.
fn run_action(root: &Path, item: Option<&str>, action: Action, t: &ToolText) -> ExitCode {
    let Some(site) = super::load_site(root, t) else {
        return ExitCode::FAILURE;
    };
    let items: Vec<_> = match item {
        Some(name) => match translate::find(&site, name) {
            Ok(i) => vec![i],
            Err(d) => {
                super::print_one(d, t);
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
        if let Err(code) = run_one(root, &site, it, &action, t) {
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
    t: &ToolText,
) -> Result<(), ExitCode> {
    match translate::run(root, site, it, action) {
        Ok(files) => {
            for f in &files {
                let id = match action {
                    Action::Start { .. } => Msg::new("translate-started"),
                    Action::Confirm { .. } => Msg::new("translate-confirmed"),
                    Action::Minor => Msg::new("translate-minor"),
                };
                eprintln!("{}", t.get(&id.arg("file", f.display())));
            }
            if files.is_empty() && matches!(action, Action::Minor) {
                let m = Msg::new("translate-none-yet").arg("item", it.path());
                eprintln!("{}", t.get(&m));
            }
            Ok(())
        }
        Err(ds) => {
            eprint!("{}", ds.render_in(t));
            Err(ExitCode::FAILURE)
        }
    }
}
