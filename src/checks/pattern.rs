//! A regular expression the value must match.

use super::Finding;
use crate::schema::Pattern;

/// Matches `p`.
pub fn matches(s: &str, p: &Pattern, out: &mut Vec<Finding>) {
    if !p.regex.is_match(s) {
        out.push(
            Finding::error("pattern.mismatch")
                .with("pattern", p.source)
                .with("expected", p.describes),
        );
    }
}
