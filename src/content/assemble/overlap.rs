//! Sessions that overlap: the same session written twice, one that begins
//! before another has ended, or a series whose dates run into each other.
//! A calendar would show them twice; each is an error naming both.

use std::ops::Range;

use super::zone::shown;
use crate::content::Session;
use crate::content::parse::ParsedFile;
use crate::diagnostics::Diagnostics;

/// "2026-11-10 10:00–15:00", or with both dates if the session ends on another day.
fn describe(s: &Session) -> String {
    if s.start.date() == s.end.date() {
        format!("{}–{}", shown(s.start), s.end.strftime("%H:%M"))
    } else {
        format!("{} – {}", shown(s.start), shown(s.end))
    }
}

/// An error for each session that begins before an earlier one has ended
/// (sorted by start; each with the span of its `start`): a calendar would
/// show the same time twice. `None` if there is one.
pub(super) fn sessions_apart(
    p: &ParsedFile,
    sessions: &[(Session, Range<usize>)],
    ds: &mut Diagnostics,
) -> Option<()> {
    let mut ok = true;
    // The session that ends last among those before.
    let mut latest: Option<&(Session, Range<usize>)> = None;
    for this in sessions {
        if let Some(prev) = latest
            && this.0.start < prev.0.end
        {
            // Name the two in the order they are written.
            let (a, b) = if prev.1.start < this.1.start {
                (prev, this)
            } else {
                (this, prev)
            };
            let line = |x: &(Session, Range<usize>)| p.file.line_col(p.span(x.1.clone()).start).0;
            let d = if a.0 == b.0 {
                p.error_at(b.1.clone(), "sessions-same")
            } else {
                p.error_at(b.1.clone(), "sessions-overlap")
            };
            ds.push(
                d.arg("line_a", line(a))
                    .arg("line_b", line(b))
                    .arg("a", describe(&a.0))
                    .arg("b", describe(&b.0)),
            );
            ok = false;
        }
        if latest.is_none_or(|l| this.0.end > l.0.end) {
            latest = Some(this);
        }
    }
    ok.then_some(())
}

/// The occurrences of a series (in order) do not overlap: an event that
/// lasts longer than the time between two of its dates is an error at `end`.
pub(super) fn occurrences_apart(
    p: &ParsedFile,
    occurrences: &[Session],
    ds: &mut Diagnostics,
) -> Option<()> {
    let Some(w) = occurrences.windows(2).find(|w| w[1].start < w[0].end) else {
        return Some(());
    };
    let span = p.front.end.as_ref().map(|e| e.span()).unwrap_or(0..0);
    ds.push(
        p.error_at(span, "occurrences-overlap")
            .arg("first", describe(&w[0]))
            .arg("next", shown(w[1].start)),
    );
    None
}
