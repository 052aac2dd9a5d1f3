//! Content lines of iCalendar (RFC 5545 §3.1) and vCard (RFC 6350 §3.2,
//! RFC 2426 §2.6): folding long lines, the same rule for both formats.
//!
//! A line is at most 75 octets without its CRLF; a longer one continues on
//! lines that begin with one space (which counts towards the 75). A fold
//! never splits a UTF-8 sequence, and a continuation line never begins with a
//! space or tab of the text itself, because some readers trim those.

const LIMIT: usize = 75;

fn is_blank(s: &str) -> bool {
    s.starts_with([' ', '\t'])
}

/// Appends `line` (without line break) to `out`, folded, ending with CRLF.
pub fn fold_into(line: &str, out: &mut String) {
    let mut start = 0;
    let mut room = LIMIT;
    while line.len() - start > room {
        let mut cut = start + room;
        while !line.is_char_boundary(cut) {
            cut -= 1;
        }
        if is_blank(&line[cut..]) {
            // Fold before the last character that is not a space or tab;
            // a piece of nothing but blanks is folded where it is.
            let piece = &line[start..cut];
            if let Some((i, _)) = piece
                .char_indices()
                .rev()
                .find(|&(i, _)| i > 0 && !is_blank(&piece[i..]))
            {
                cut = start + i;
            }
        }
        out.push_str(&line[start..cut]);
        out.push_str("\r\n ");
        start = cut;
        room = LIMIT - 1;
    }
    out.push_str(&line[start..]);
    out.push_str("\r\n");
}

/// Folds every line of `text` (CRLF-separated, already folded or not) anew:
/// folds are undone first (RFC 5545 §3.1 unfolding), so text folded by other
/// code is folded by this module's rule alone.
pub fn refold(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
    let mut out = String::with_capacity(unfolded.len() + unfolded.len() / 24);
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        fold_into(line, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unfold(s: &str) -> String {
        s.replace("\r\n ", "")
    }

    fn check(line: &str) -> String {
        let mut out = String::new();
        fold_into(line, &mut out);
        assert!(out.ends_with("\r\n"));
        for l in out.trim_end_matches("\r\n").split("\r\n") {
            assert!(l.len() <= LIMIT, "{} octets: {l:?}", l.len());
        }
        assert_eq!(unfold(&out), format!("{line}\r\n"), "unfolds to the line");
        out
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        assert_eq!(check("SUMMARY:short"), "SUMMARY:short\r\n");
        let exact = "X".repeat(75);
        assert_eq!(check(&exact), format!("{exact}\r\n"));
        let out = check(&"Y".repeat(76));
        assert_eq!(out, format!("{}\r\n Y\r\n", "Y".repeat(75)));
        // A last piece of 75 octets needs a fold of its own (the space counts).
        let out = check(&"Z".repeat(75 + 75));
        assert_eq!(out.split("\r\n").nth(1).map(str::len), Some(75));
        assert_eq!(out.split("\r\n").nth(2), Some(" Z"));
        for unit in ["ä", "中", "😀", "a😀", "ab中"] {
            for n in [20, 37, 38, 60, 200] {
                check(&format!("SUMMARY;LANGUAGE=de:{}", unit.repeat(n)));
            }
        }
    }

    #[test]
    fn continuation_lines_do_not_begin_with_the_texts_blanks() {
        let line = format!("{}  tail", "a".repeat(74));
        let out = check(&line);
        for l in out.split("\r\n").skip(1).filter(|l| !l.is_empty()) {
            assert!(!is_blank(&l[1..]), "{out:?}");
        }
        check(&" ".repeat(300));
        check(&format!("A{}", "\t".repeat(300)));
    }

    #[test]
    fn refolding_undoes_other_folds() {
        let long = format!("DESCRIPTION:{}", "ö".repeat(100));
        let mut once = String::new();
        fold_into(&long, &mut once);
        let badly = format!(
            "BEGIN:X\r\n{}\r\n {}\r\nEND:X\r\n",
            &long[..76],
            &long[76..]
        );
        assert_eq!(refold(&badly), format!("BEGIN:X\r\n{once}END:X\r\n"));
    }
}
