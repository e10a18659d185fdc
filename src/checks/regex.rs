//! A value that must itself be a regular expression (\[003\] `contactIdentifierFormatOverride.
//! pattern`). Compiled with a size limit, so a hostile pattern cannot exhaust memory; `\d`
//! and `\w` are accepted in their ASCII meaning when the Unicode tables are not built in.

use super::Finding;
use regex::RegexBuilder;

const SIZE_LIMIT: usize = 1 << 20;

/// \[decision\] The longest pattern compiled, in characters. The vendor states no bound; a
/// contact identifier's format is a line, and the bound keeps parsing (whose memory the
/// engine's size limit does not cover) small whatever the payload holds.
pub const MAX_PATTERN: usize = 1024;

/// Compiles `s`, once; a second time in ASCII mode only when the first failed for want of
/// the Unicode class tables (`\d`, `\w`), which the build leaves out for size.
pub fn compiles(s: &str, out: &mut Vec<Finding>) {
    let length = s.chars().count();
    if length > MAX_PATTERN {
        out.push(
            Finding::error("regex.invalid")
                .with("reason", "too_long")
                .with("max", MAX_PATTERN)
                .with("length", length),
        );
        return;
    }
    let build = |unicode: bool| {
        RegexBuilder::new(s)
            .unicode(unicode)
            .size_limit(SIZE_LIMIT)
            .build()
    };
    let ok = match build(true) {
        Ok(_) => true,
        Err(e) if e.to_string().contains("Unicode") => build(false).is_ok(),
        Err(_) => false,
    };
    if !ok {
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

    #[test]
    fn long_patterns_are_refused_unparsed() {
        let mut out = Vec::new();
        compiles(&"a".repeat(MAX_PATTERN), &mut out);
        assert!(out.is_empty());
        compiles(&"a".repeat(MAX_PATTERN + 1), &mut out);
        assert_eq!(out[0].params["reason"], "too_long");
    }
}
