use std::path::{Path, PathBuf};
use std::process::ExitCode;

use wegweiser::diagnostics::SourceFile;
use wegweiser::editorial::xliff::{export, import};
use wegweiser::tool_text::{Lang, Msg, ToolText};

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
/// (`tool_lang` is the language of the tool's messages, not the target language.)
pub fn run(action: XliffAction, tool_lang: Option<Lang>) -> ExitCode {
    match action {
        XliffAction::Export { lang, out, root } => {
            let t = super::tool_text(tool_lang, &root);
            export(&root, &lang, out.as_deref(), &t)
        }
        XliffAction::Import {
            file,
            force,
            machine,
            root,
        } => {
            let t = super::tool_text(tool_lang, &root);
            import(&root, &file, import::ImportOptions { force, machine }, &t)
        }
    }
}

/// `wegweiser xliff export --lang LANG [--out FILE]`
fn export(root: &Path, lang: &str, out: Option<&Path>, t: &ToolText) -> ExitCode {
    let Some(site) = super::load_site(root, t) else {
        return ExitCode::FAILURE;
    };
    let ex = match export::export(root, &site, lang) {
        Ok(x) => x,
        Err(d) => {
            super::print_one(d, t);
            return ExitCode::from(2);
        }
    };
    let path = out.map_or_else(
        || PathBuf::from(format!("wegweiser-{lang}.xlf")),
        Path::to_path_buf,
    );
    if let Err(e) = std::fs::write(&path, &ex.xml) {
        super::print_unwritable(&path, &e, t);
        return ExitCode::FAILURE;
    }
    for (item, state) in &ex.items {
        let state = wegweiser::editorial::status::state_msg(*state);
        let m = Msg::new("xliff-exported-item")
            .arg("item", item)
            .arg("state", state);
        eprintln!("  {}", t.get(&m));
    }
    let m = Msg::new("xliff-exported")
        .arg("file", path.display())
        .arg("items", ex.items.len())
        .arg("units", ex.units)
        .arg("lang", lang);
    eprintln!("{}", t.get(&m));
    ExitCode::SUCCESS
}

/// `wegweiser xliff import FILE [--force] [--machine]`
fn import(root: &Path, file: &Path, opts: import::ImportOptions, t: &ToolText) -> ExitCode {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            let m = Msg::new("cannot-read")
                .arg("file", file.display())
                .arg("detail", e.to_string());
            super::print_error(m, t);
            return ExitCode::FAILURE;
        }
    };
    let Some(site) = super::load_site(root, t) else {
        return ExitCode::FAILURE;
    };
    let xliff = SourceFile::new(file, text);
    let out = import::import(root, &site, &xliff, opts);
    eprint!("{}", out.diagnostics.render_in(t));
    for p in &out.written {
        let m = Msg::new("xliff-imported-file").arg("file", p.display());
        eprintln!("{}", t.get(&m));
    }
    let m = Msg::new("xliff-imported")
        .arg("written", out.written.len())
        .arg("refused", out.diagnostics.error_count())
        .arg("skipped", out.diagnostics.warning_count());
    eprintln!("{}", t.get(&m));
    if out.diagnostics.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
