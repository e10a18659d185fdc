//! A closed set of string values, with a "did you mean" for near misses.

use super::{suggest, Finding};
use crate::schema::Choices;

/// One of `allowed`.
pub fn one_of(s: &str, allowed: &Choices, out: &mut Vec<Finding>) {
    if allowed.contains(s) {
        return;
    }
    let mut f = Finding::error("enum.unknown").with("allowed", allowed.to_vec());
    if let Some(near) = suggest(s, allowed.iter()) {
        f = f.with("suggestion", near);
    }
    out.push(f);
}
