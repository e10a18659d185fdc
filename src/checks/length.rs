//! Length in characters and blankness. \[decision\] Lengths are counted in Unicode scalar
//! values, what a person calls characters, and every message says so.

use super::Finding;

/// `min..=max` characters; an empty string below a minimum of 1 is `string.empty`.
pub fn chars(s: &str, min: usize, max: usize, out: &mut Vec<Finding>) {
    let n = s.chars().count();
    if n == 0 && min > 0 {
        out.push(Finding::error("string.empty"));
    } else if n < min {
        out.push(
            Finding::error("string.too_short")
                .with("min", min)
                .with("length", n)
                .with("unit", "characters"),
        );
    } else if n > max {
        out.push(
            Finding::error("string.too_long")
                .with("max", max)
                .with("length", n)
                .with("unit", "characters"),
        );
    }
}

/// Not only whitespace. The empty string is left to [`chars`].
pub fn not_blank(s: &str, out: &mut Vec<Finding>) {
    if !s.is_empty() && s.chars().all(char::is_whitespace) {
        out.push(Finding::error("string.blank"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_scalar_values_not_bytes() {
        let mut out = Vec::new();
        chars("ééé", 1, 3, &mut out);
        assert!(out.is_empty());
        chars("éééé", 1, 3, &mut out);
        assert_eq!(out[0].code, "string.too_long");
        assert_eq!(out[0].params["length"], 4);
    }
}
