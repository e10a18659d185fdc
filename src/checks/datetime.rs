//! RFC 3339 date-times (\[002\] `format: date-time`, \[003\] `string (date-time)`), parsed by
//! the `time` crate's RFC 3339 parser rather than a regular expression, so that
//! `2024-02-30T00:00:00Z` and `2024-11-21T25:00:00Z` are rejected too.

use super::Finding;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// An RFC 3339 date-time with an offset (`Z` or `+hh:mm`), its date and time joined by `T`
/// (or `t`) as RFC 3339's `date-time` production has it: the `time` parser also takes a
/// space there (the RFC's note allows that to applications), which the vendors' `format:
/// date-time` and the exported JSON Schema do not.
pub fn rfc3339(s: &str, out: &mut Vec<Finding>) {
    let joined_by_t = matches!(s.as_bytes().get(10), Some(b'T' | b't'));
    if !joined_by_t || OffsetDateTime::parse(s, &Rfc3339).is_err() {
        out.push(Finding::error("datetime.invalid"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> bool {
        let mut out = Vec::new();
        rfc3339(s, &mut out);
        out.is_empty()
    }

    #[test]
    fn real_dates_only() {
        assert!(ok("2024-11-21T08:56:12.986Z"));
        assert!(ok("2024-11-21T08:56:12+05:30"));
        assert!(!ok("2024-11-21"));
        assert!(!ok("2024-11-21T08:56:12"));
        assert!(!ok("2024-02-30T00:00:00Z"));
        assert!(!ok("2024-11-21T25:00:00Z"));
        assert!(!ok("text"));
        assert!(!ok("2024-11-21 08:56:12Z"));
        assert!(ok("2024-11-21t08:56:12z"));
    }
}
