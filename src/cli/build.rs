use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use wegweiser::BuildOptions;
use wegweiser::build::{Progress, build_kept};
use wegweiser::diagnostics::Diagnostics;

/// A progress bar on a terminal (indicatif); nothing when output goes
/// elsewhere. The second field is the word for pages.
struct Bar(indicatif::ProgressBar, String);

impl Bar {
    fn new(t: &ToolText) -> Bar {
        let bar = if std::io::stderr().is_terminal() {
            indicatif::ProgressBar::new(0)
        } else {
            indicatif::ProgressBar::hidden()
        };
        Bar(bar, t.say("cli-progress-pages", &[]))
    }
}

impl Progress for Bar {
    fn start(&self, pages: u64) {
        self.0.set_length(pages);
        self.0.set_style(
            indicatif::ProgressStyle::with_template(&format!(
                "{{bar:30}} {{pos}}/{{len}} {} {{elapsed}}",
                self.1
            ))
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
    }
    fn page_done(&self) {
        self.0.inc(1);
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
    fn phase_done(&self) {
        crate::return_freed_if_large();
    }
}

use wegweiser::tool_text::ToolText;

use super::{Format, print};

/// "Now" from `SOURCE_DATE_EPOCH` (seconds since 1970), the convention for
/// reproducible builds; `None` means the clock; the error is the value given.
pub(super) fn source_date_epoch() -> Result<Option<jiff::Timestamp>, String> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Err(_) => Ok(None),
        Ok(v) => v
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .map(Some)
            .ok_or(v),
    }
}

/// Warnings a build lists without `--verbose` (the summary counts them all).
const WARNINGS_SHOWN: usize = 5;

/// The build's warnings: all of them for tools (JSON, GitHub), with
/// `verbose` and with `--strict` (where they are errors: every one is
/// listed), else the first few and how many more there are.
fn print_warnings(warnings: &Diagnostics, format: Format, verbose: bool, t: &ToolText) {
    let all = verbose || matches!(format, Format::Json | Format::Github);
    if all || warnings.iter().count() <= WARNINGS_SHOWN {
        return print(warnings, format, t);
    }
    let mut first = Diagnostics::new();
    first.extend(warnings.iter().take(WARNINGS_SHOWN).cloned());
    print(&first, format, t);
    let more = warnings.iter().count() - WARNINGS_SHOWN;
    eprintln!("{}", t.say("cli-more-warnings", &[("n", more.into())]));
}

pub fn run(
    mut opts: BuildOptions,
    clean: bool,
    strict: bool,
    format: Format,
    verbose: bool,
    t: &ToolText,
) -> ExitCode {
    let started = Instant::now();
    match super::source_date(t) {
        Some(now) => opts.now = now,
        None => return ExitCode::from(2),
    }
    let before = wegweiser::output::Generation::of(&opts.out_dir());
    let root = opts.root.clone();
    let examine = |p: &wegweiser::build::Pipeline| wegweiser::check::examine(&root, p);
    match build_kept(&opts, clean, &Bar::new(t), &examine) {
        Ok((report, _mode)) => {
            print_warnings(&report.warnings, format, verbose || strict, t);
            let failed = strict && !report.warnings.is_empty();
            if std::io::stderr().is_terminal() || !matches!(format, Format::Json) {
                let langs: Vec<String> = report
                    .per_language
                    .iter()
                    .map(|(l, n)| format!("{l} {n}"))
                    .collect();
                eprintln!(
                    "{}",
                    t.say(
                        "cli-built",
                        &[
                            ("strict", if failed { "yes" } else { "no" }.into()),
                            ("pages", report.pages.into()),
                            ("languages", langs.join(", ").into()),
                            ("files", report.files.into()),
                            ("kib", (report.bytes / 1024).into()),
                            ("ms", started.elapsed().as_millis().into()),
                            ("out", opts.out_dir().display().into()),
                            ("warnings", report.warnings.warning_count().into()),
                        ]
                    )
                );
            }
            if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(ds) => {
            print(&ds, format, t);
            eprintln!(
                "{}",
                t.say(
                    "cli-build-failed",
                    &[
                        ("errors", ds.error_count().into()),
                        ("warnings", ds.warning_count().into()),
                        ("out", before.what_became_of(&opts.out_dir()).into()),
                    ]
                )
            );
            ExitCode::FAILURE
        }
    }
}
