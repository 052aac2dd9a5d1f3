use std::process::ExitCode;

use wegweiser::BuildOptions;

use wegweiser::tool_text::ToolText;

use super::{Format, print};

pub fn run(mut opts: BuildOptions, strict: bool, format: Format, t: &ToolText) -> ExitCode {
    match super::source_date(t) {
        Some(now) => opts.now = now,
        None => return ExitCode::from(2),
    }
    let mut ds = wegweiser::check::check(&opts);
    if strict {
        ds.promote_warnings();
    }
    print(&ds, format, t);
    let (errors, warnings) = (ds.error_count(), ds.warning_count());
    if !matches!(format, Format::Json) {
        eprintln!(
            "{}",
            t.say(
                "cli-check-summary",
                &[
                    ("errors", errors.into()),
                    ("warnings", warnings.into()),
                    ("strict", if strict { "yes" } else { "no" }.into()),
                ]
            )
        );
    }
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
