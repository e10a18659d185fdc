//! A value that must itself be a regular expression ([003] `contactIdentifierFormatOverride.
//! pattern`). Compiled with a size limit, so a hostile pattern cannot exhaust memory; `\d`
//! and `\w` are accepted in their ASCII meaning when the Unicode tables are not built in.

use super::Finding;
use regex::RegexBuilder;

const SIZE_LIMIT: usize = 1 << 20;

/// Compiles `s`.
pub fn compiles(s: &str, out: &mut Vec<Finding>) {
    let build = |unicode: bool| {
        RegexBuilder::new(s)
            .unicode(unicode)
            .size_limit(SIZE_LIMIT)
            .build()
    };
    if build(true).is_err() && build(false).is_err() {
        out.push(Finding::error("regex.invalid"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiles_or_not() {
        let mut out = Vec::new();
        compiles("^\\+?[0-9]{7,15}$", &mut out);
        compiles("\\d+\\w*", &mut out);
        assert!(out.is_empty());
        compiles("([a-z]", &mut out);
        assert_eq!(out.len(), 1);
    }
}
