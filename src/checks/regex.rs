//! A value that must itself be a regular expression (\[003\] `contactIdentifierFormatOverride.
//! pattern`). Compiled with a size limit, so a hostile pattern cannot exhaust memory.
//! `regex-lite` parses the RE2 syntax of `regex` without its Unicode tables (a fraction of
//! the size in the wasm package): `\d` and `\w` have their ASCII meaning, and a Unicode
//! class such as `\pL` does not compile, as it did not when `regex` was built without them.

use super::Finding;
use regex_lite::RegexBuilder;

const SIZE_LIMIT: usize = 1 << 20;

/// \[decision\] The longest pattern compiled, in characters. The vendor states no bound; a
/// contact identifier's format is a line, and the bound keeps parsing (whose memory the
/// engine's size limit does not cover) small whatever the payload holds.
pub const MAX_PATTERN: usize = 1024;

/// Compiles `s`.
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
    let build = |p: &str| {
        RegexBuilder::new(p)
            .size_limit(SIZE_LIMIT)
            .nest_limit(NEST_LIMIT)
            .build()
    };
    let compiles = match build(s) {
        Ok(_) => true,
        // RE2 syntax has class set operations (`[\w&&\d]`, `--`, `~~`), which `regex-lite`
        // does not: with them taken out, the rest of the pattern must still compile.
        Err(e) if e.to_string().contains("is not supported") => {
            let plain = s.replace("&&", "").replace("--", "").replace("~~", "");
            plain != s && build(&plain).is_ok()
        }
        Err(_) => false,
    };
    if !compiles {
        out.push(Finding::error("regex.invalid"));
    }
}

/// How deeply groups may nest: 250 nested groups compile, as with `regex`'s default limit
/// (`regex-lite` counts one level more for the same pattern).
const NEST_LIMIT: u32 = 251;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiles_or_not() {
        let mut out = Vec::new();
        compiles("^\\+?[0-9]{7,15}$", &mut out);
        compiles("\\d+\\w*", &mut out);
        compiles("[[:alpha:]]+(?i)x", &mut out);
        assert!(out.is_empty());
        // RE2 has Unicode classes; this build has no tables for them.
        compiles("\\pL", &mut out);
        assert_eq!(out.len(), 1);
        out.clear();
        compiles("([a-z]", &mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn nesting_is_bounded() {
        let nested = |n: usize| format!("{}a{}", "(".repeat(n), ")".repeat(n));
        let mut out = Vec::new();
        compiles(&nested(250), &mut out);
        assert!(out.is_empty());
        compiles(&nested(300), &mut out);
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
