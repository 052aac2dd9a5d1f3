use std::path::{Path, PathBuf};
use std::process::ExitCode;

use wegweiser::diagnostics::SourceFile;
use wegweiser::editorial::import::{self, Change, Plan, ics, table};
use wegweiser::tool_text::{Lang, Msg, ToolText};

#[derive(clap::Subcommand)]
pub enum ImportAction {
    /// Turn the events of a calendar file (.ics) into event files; importing
    /// the next version of the same file updates them.
    Ics {
        /// The calendar file.
        file: PathBuf,
        /// The organizer of every event (a contact's slug).
        #[arg(long)]
        organizer: Option<String>,
        /// Topics of every event (keys, separated by commas).
        #[arg(long, value_delimiter = ',')]
        topics: Vec<String>,
        /// Places of every event (keys, separated by commas).
        #[arg(long, value_delimiter = ',')]
        places: Vec<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Turn the rows of a spreadsheet (.xlsx or .csv) into offer, contact or
    /// location files, as a mapping file says.
    Table {
        /// The spreadsheet.
        file: PathBuf,
        /// The mapping file (TOML: kind, columns, labels).
        #[arg(long = "map")]
        map: PathBuf,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(clap::Args)]
pub struct Common {
    /// Show what would be written, write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Overwrite (or remove) files an editor changed after the last import.
    #[arg(long)]
    force: bool,
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

fn read(path: &Path, t: &ToolText) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(s) => Some(s),
        Err(e) => {
            let m = Msg::new("cannot-read")
                .arg("file", path.display())
                .arg("detail", e.to_string());
            super::print_error(m, t);
            None
        }
    }
}

/// `wegweiser import ics|table`
pub fn run(action: ImportAction, tool_lang: Option<Lang>) -> ExitCode {
    let common = match &action {
        ImportAction::Ics { common, .. } | ImportAction::Table { common, .. } => common,
    };
    let t = super::tool_text(tool_lang, &common.root);
    let Some(site) = super::load_site(&common.root, &t) else {
        return ExitCode::FAILURE;
    };
    let root = &common.root;
    let plan = match &action {
        ImportAction::Ics {
            file,
            organizer,
            topics,
            places,
            common,
        } => {
            let Some(text) = read(file, &t) else {
                return ExitCode::FAILURE;
            };
            let opts = ics::IcsOptions {
                organizer: organizer.clone(),
                topics: topics.clone(),
                places: places.clone(),
                force: common.force,
            };
            ics::plan(root, &site, &SourceFile::new(file, text), &opts)
        }
        ImportAction::Table { file, map, common } => {
            match table_plan(root, &site, file, map, common.force, &t) {
                Some(p) => p,
                None => return ExitCode::FAILURE,
            }
        }
    };
    report(root, &plan, common.dry_run, &t)
}

fn table_plan(
    root: &Path,
    site: &wegweiser::content::Site,
    file: &Path,
    map: &Path,
    force: bool,
    t: &ToolText,
) -> Option<Plan> {
    let mapping_file = SourceFile::new(map, read(map, t)?);
    let mapping = match table::mapping(&mapping_file) {
        Ok(m) => m,
        Err(d) => {
            super::print_one(d, t);
            return None;
        }
    };
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let is_csv = name.to_lowercase().ends_with(".csv");
    let sheet = if is_csv {
        read(file, t).map(|text| table::read::csv(&name, &text))?
    } else {
        table::read::xlsx(file, mapping.sheet.as_deref())
    };
    let sheet = match sheet {
        Ok(s) => s,
        Err(detail) => {
            let m = Msg::new("cannot-read")
                .arg("file", file.display())
                .arg("detail", detail);
            super::print_error(m, t);
            return None;
        }
    };
    let (messages, _) = wegweiser::i18n::messages::Messages::load(root, &site.config);
    let labels = messages.term_labels(&site.config);
    let input = table::TableInput {
        path: file,
        sheet,
        mapping: &mapping,
        mapping_file: &mapping_file,
    };
    Some(table::plan(root, site, &input, &labels, force))
}

/// Prints the plan's problems and changes, and writes it unless `dry_run`.
fn report(root: &Path, plan: &Plan, dry_run: bool, t: &ToolText) -> ExitCode {
    eprint!("{}", plan.diagnostics.render_in(t));
    if plan.diagnostics.has_errors() {
        eprintln!("{}", t.say("import-nothing-written", &[]));
        return ExitCode::FAILURE;
    }
    for (path, change) in &plan.changes {
        let id = match change {
            Change::Create(_) => "import-will-create",
            Change::Update(_) => "import-will-update",
            Change::Remove => "import-will-remove",
        };
        eprintln!("  {}", t.get(&Msg::new(id).arg("file", path.display())));
        if dry_run && let Change::Create(text) | Change::Update(text) = change {
            println!("--- {}\n{text}", path.display());
        }
    }
    if !dry_run && let Err(d) = import::commit(root, plan) {
        super::print_one(d, t);
        return ExitCode::FAILURE;
    }
    let m = Msg::new(if dry_run {
        "import-dry-run"
    } else {
        "import-done"
    })
    .arg("created", plan.created())
    .arg("updated", plan.updated())
    .arg("removed", plan.removed())
    .arg("kept", plan.kept.len())
    .arg("unchanged", plan.unchanged.len());
    eprintln!("{}", t.get(&m));
    ExitCode::SUCCESS
}
