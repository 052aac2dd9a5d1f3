use std::process::ExitCode;

use wegweiser::BuildOptions;

use super::{Format, print};

pub fn run(mut opts: BuildOptions, strict: bool, format: Format) -> ExitCode {
    match super::build::source_date_epoch() {
        Ok(now) => opts.now = now,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    }
    let mut ds = wegweiser::check::check(&opts);
    if strict {
        ds.promote_warnings();
    }
    print(&ds, format);
    let (errors, warnings) = (ds.error_count(), ds.warning_count());
    if !matches!(format, Format::Json) {
        eprintln!(
            "check: {errors} error(s), {warnings} warning(s){}",
            if strict {
                " (--strict: warnings count as errors)"
            } else {
                ""
            }
        );
    }
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
