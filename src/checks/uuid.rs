//! UUIDs in their hyphenated 8-4-4-4-12 form.

use super::Finding;

/// A hyphenated UUID (36 characters).
pub fn uuid(s: &str, out: &mut Vec<Finding>) {
    let ok = s.len() == 36 && ::uuid::Uuid::try_parse(s).is_ok();
    if !ok {
        out.push(Finding::error("uuid.invalid").with("length", s.chars().count()));
    }
}

/// Whether `s` is a hyphenated UUID.
pub fn is_uuid(s: &str) -> bool {
    let mut out = Vec::new();
    uuid(s, &mut out);
    out.is_empty()
}
