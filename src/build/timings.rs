//! What each step of `wegweiser build` took, printed to the standard error
//! when `WEGWEISER_TIMINGS` is set (for measuring, as in
//! docs/performance.md; an editor never sees it).

use std::time::Instant;

/// The start of a build and whether its steps are printed.
pub(super) struct Timings {
    start: Instant,
    on: bool,
}

impl Timings {
    /// Starts timing; printed if `WEGWEISER_TIMINGS` is set.
    pub fn start() -> Timings {
        Timings {
            start: Instant::now(),
            on: std::env::var_os("WEGWEISER_TIMINGS").is_some(),
        }
    }

    /// Notes that the step `step` ended (the time since the start).
    pub fn mark(&self, step: &str) {
        if self.on {
            eprintln!(
                "timing: {step:<24} {:>8.1} ms",
                self.start.elapsed().as_secs_f64() * 1e3
            );
        }
    }
}
