use std::path::{Path, PathBuf};
use std::process::ExitCode;

use wegweiser::diagnostics::SourceFile;
use wegweiser::editorial::xliff::{export, import};

#[derive(clap::Subcommand)]
pub enum XliffAction {
    /// Write every item missing or outdated in LANG as one XLIFF 2.0 file.
    Export {
        /// The language to translate into.
        #[arg(long)]
        lang: String,
        /// The XLIFF file to write (default: wegweiser-LANG.xlf).
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Write the translations of an XLIFF file into content/ (stamped as current).
    Import {
        /// The XLIFF file with the translators' <target>s.
        file: PathBuf,
        /// Overwrite translation files even if they changed after the export.
        #[arg(long)]
        force: bool,
        /// Mark the imported translations as made by machine.
        #[arg(long)]
        machine: bool,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

/// `wegweiser xliff export|import`
pub fn run(action: XliffAction) -> ExitCode {
    match action {
        XliffAction::Export { lang, out, root } => export(&root, &lang, out.as_deref()),
        XliffAction::Import {
            file,
            force,
            machine,
            root,
        } => import(&root, &file, import::ImportOptions { force, machine }),
    }
}

/// `wegweiser xliff export --lang LANG [--out FILE]`
fn export(root: &Path, lang: &str, out: Option<&Path>) -> ExitCode {
    let Some(site) = super::load_site(root) else {
        return ExitCode::FAILURE;
    };
    let ex = match export::export(root, &site, lang) {
        Ok(x) => x,
        Err(d) => {
            super::print_one(d);
            return ExitCode::from(2);
        }
    };
    let path = out.map_or_else(
        || PathBuf::from(format!("wegweiser-{lang}.xlf")),
        Path::to_path_buf,
    );
    if let Err(e) = std::fs::write(&path, &ex.xml) {
        eprintln!("error: cannot write {}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    for (item, state) in &ex.items {
        eprintln!("  {item} ({})", state.as_str());
    }
    eprintln!(
        "wrote {}: {} item(s), {} unit(s) missing or outdated in `{lang}`",
        path.display(),
        ex.items.len(),
        ex.units
    );
    ExitCode::SUCCESS
}

/// `wegweiser xliff import FILE [--force] [--machine]`
fn import(root: &Path, file: &Path, opts: import::ImportOptions) -> ExitCode {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", file.display());
            return ExitCode::FAILURE;
        }
    };
    let Some(site) = super::load_site(root) else {
        return ExitCode::FAILURE;
    };
    let xliff = SourceFile::new(file, text);
    let out = import::import(root, &site, &xliff, opts);
    eprint!("{}", out.diagnostics.render());
    for p in &out.written {
        eprintln!("{}: written, current with its source", p.display());
    }
    eprintln!(
        "imported {} translation(s); {} refused, {} skipped",
        out.written.len(),
        out.diagnostics.error_count(),
        out.diagnostics.warning_count()
    );
    if out.diagnostics.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
