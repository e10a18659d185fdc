//! Integers: bounds and closed sets. [decision] No coercion: `"1"` and `1.0` are not `1`.

use super::Finding;
use crate::schema::IntRule;
use serde_json::Number;

/// Checks an integer against its rule. `n` is known to be an integer (i64 or u64).
pub fn check(n: &Number, rule: &IntRule, out: &mut Vec<Finding>) {
    // A u64 above i64::MAX is larger than every bound the rules use.
    let v = n.as_i64();
    if let Some(allowed) = rule.one_of {
        if !v.is_some_and(|v| allowed.contains(&v)) {
            out.push(Finding::error("integer.not_allowed").with("allowed", allowed.to_vec()));
        }
        return;
    }
    if let Some(min) = rule.min {
        if v.is_some_and(|v| v < min) {
            out.push(Finding::error("integer.too_small").with("min", min));
            return;
        }
    }
    if let Some(max) = rule.max {
        if v.is_none_or(|v| v > max) {
            out.push(Finding::error("integer.too_large").with("max", max));
        }
    }
}

/// Whether a JSON number is an integer (not `2.5`, not `1.0`).
pub fn is_integer(n: &Number) -> bool {
    n.is_i64() || n.is_u64()
}
