//! Integers: bounds and closed sets. \[decision\] No coercion: `"1"` and `1.0` are not `1`.

use super::Finding;
use crate::schema::IntRule;
use serde_json::{Number, Value};

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

/// Whether a JSON number is an integer written too large (or too small) for 64 bits, which
/// a parser can hold only as a float (`18446744073709551616`).
pub fn beyond_64_bits(n: &Number) -> bool {
    n.as_f64().is_some_and(|f| {
        f.fract() == 0.0 && !(-9223372036854775808.0..18446744073709551616.0).contains(&f)
    })
}

/// [`check`] for an integer [`beyond_64_bits`]: out of range for every rule. \[decision\]
/// Without a bound in the rules, the bound is what 64 bits hold (`u64::MAX`, `i64::MIN`).
pub fn out_of_range(n: &Number, rule: &IntRule, out: &mut Vec<Finding>) {
    if let Some(allowed) = rule.one_of {
        out.push(Finding::error("integer.not_allowed").with("allowed", allowed.to_vec()));
    } else if n.as_f64().is_some_and(|f| f < 0.0) {
        out.push(Finding::error("integer.too_small").with("min", rule.min.unwrap_or(i64::MIN)));
    } else {
        let max = rule.max.map_or(Value::from(u64::MAX), Value::from);
        out.push(Finding::error("integer.too_large").with("max", max));
    }
}

/// Whether a JSON number is an integer (not `2.5`, not `1.0`).
pub fn is_integer(n: &Number) -> bool {
    n.is_i64() || n.is_u64()
}
