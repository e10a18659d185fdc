//! Strings of ASCII digits (object ids, page ids).

use super::Finding;

/// Only ASCII digits, `min..=max` of them.
pub fn digits(s: &str, min: usize, max: usize, out: &mut Vec<Finding>) {
    if s.is_empty() && min > 0 {
        out.push(Finding::error("string.empty"));
        return;
    }
    if let Some((i, c)) = s.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
        out.push(
            Finding::error("digits.invalid")
                .with("position", i + 1)
                .with("char", c.to_string()),
        );
        return;
    }
    let n = s.len();
    if n < min || n > max {
        let mut f = Finding::error("digits.length")
            .with("min", min)
            .with("length", n);
        if max != usize::MAX {
            f = f.with("max", max);
        }
        out.push(f);
    }
}
