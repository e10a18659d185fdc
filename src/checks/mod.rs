//! The primitive checks, one file each. Every check is a plain function from a value to
//! findings; none of them ever puts the value itself into a finding, so a credential that
//! fails a check is described ("34 characters, not valid base64"), never quoted.

use crate::report::Params;
use crate::report::Severity;
use crate::schema::{Check, Checked};
use serde_json::Value;

pub mod base64;
pub mod datetime;
pub mod digits;
pub mod enums;
pub mod integer;
pub mod length;
pub mod pattern;
pub mod phone;
pub mod regex;
pub mod url;
pub mod uuid;

/// What a check found: a code, its severity and the params the message is built from.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Stable dotted code.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// Message parameters; never the checked value when it is a credential.
    pub params: Params,
}

impl Finding {
    /// An error with no params.
    pub fn error(code: &'static str) -> Finding {
        Finding {
            code,
            severity: Severity::Error,
            params: Params::new(),
        }
    }
    /// A warning with no params.
    pub fn warning(code: &'static str) -> Finding {
        Finding {
            code,
            severity: Severity::Warning,
            params: Params::new(),
        }
    }
    /// Adds a param.
    pub fn with(self, key: &'static str, value: impl Into<Value>) -> Finding {
        self.with_value(key, value.into())
    }

    /// [`Finding::with`], once for every type of value: not copied into each check.
    #[inline(never)]
    fn with_value(mut self, key: &'static str, value: Value) -> Finding {
        self.params.insert(key, value);
        self
    }
}

/// Applies one string check. `secret` marks a credential: checks then leave out any param
/// derived from the value's text (such as a corrected number).
pub fn apply(checked: &Checked, s: &str, secret: bool, out: &mut Vec<Finding>) {
    let start = out.len();
    match &checked.check {
        Check::Chars { min, max } => length::chars(s, *min, *max, out),
        Check::NotBlank => length::not_blank(s, out),
        Check::OneOf(allowed) => enums::one_of(s, allowed, out),
        Check::Digits { min, max } => digits::digits(s, *min, *max, out),
        Check::E164 => phone::e164(s, secret, out),
        Check::Base64 { decoded } => base64::base64(s, decoded, out),
        Check::HttpsUrl => url::https_url(s, out),
        Check::Pattern(p) => pattern::matches(s, p, out),
        Check::Uuid => uuid::uuid(s, out),
        Check::DateTime => datetime::rfc3339(s, out),
        Check::Regex => regex::compiles(s, out),
        Check::AnyOf(alternatives) => any_of(alternatives, s, secret, out),
    }
    if checked.severity == Severity::Warning {
        for f in &mut out[start..] {
            f.severity = Severity::Warning;
        }
    }
}

/// Applies checks in order. An empty string is reported once, by the first check that
/// minds it, not again by every later one.
pub fn apply_all(checks: &[Checked], s: &str, secret: bool, out: &mut Vec<Finding>) {
    let start = out.len();
    for c in checks {
        let before = out.len();
        apply(c, s, secret, out);
        if out[start..before].iter().any(|f| f.code == "string.empty") {
            let mut i = before;
            while i < out.len() {
                if out[i].code == "string.empty" {
                    out.remove(i);
                } else {
                    i += 1;
                }
            }
        }
    }
}

/// The findings of the first alternative with no error (its warnings stay), or of the first
/// alternative when every one has an error.
fn any_of(alternatives: &[Check], s: &str, secret: bool, out: &mut Vec<Finding>) {
    let mut first: Option<Vec<Finding>> = None;
    for check in alternatives {
        let mut found = Vec::new();
        apply(&Checked::error(check.clone()), s, secret, &mut found);
        if !found.iter().any(|f| f.severity == Severity::Error) {
            out.extend(found);
            return;
        }
        first.get_or_insert(found);
    }
    out.extend(first.unwrap_or_default());
}

/// Whether a value passes a check with no finding at all.
pub fn passes(check: &Check, s: &str) -> bool {
    let mut out = Vec::new();
    apply(&Checked::error(check.clone()), s, true, &mut out);
    out.is_empty()
}

/// What a value passing `check` is, in words, for messages about decoded credentials.
pub fn describe(check: &Check) -> String {
    match check {
        Check::Chars { min, max } => format!("{min} to {max} characters"),
        Check::NotBlank => "not blank".into(),
        Check::OneOf(v) => format!("one of {}", v.to_vec().join(", ")),
        Check::Digits { min, max } if min == max => format!("{min} digits"),
        Check::Digits { .. } => "digits only".into(),
        Check::E164 => "an E.164 number".into(),
        Check::Base64 { .. } => "base64 text".into(),
        Check::HttpsUrl => "an https:// URL".into(),
        Check::Pattern(p) => p.describes.into(),
        Check::Uuid => "a UUID".into(),
        Check::DateTime => "an RFC 3339 date-time".into(),
        Check::Regex => "a regular expression".into(),
        Check::AnyOf(alternatives) => alternatives
            .iter()
            .map(describe)
            .collect::<Vec<_>>()
            .join(" or "),
    }
}

/// The closest candidate within edit distance 2, for "did you mean" hints; only for text
/// short enough to be a mistyped name (at most [`crate::engine::MAX_QUOTED`] characters),
/// so the cost stays bounded whatever the payload holds.
pub fn suggest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if given.chars().nth(crate::engine::MAX_QUOTED).is_some() {
        return None;
    }
    // ASCII case only: the candidates are ASCII names, and Unicode lower case (whose tables
    // the wasm package would carry) differs only for the few characters whose lower case is
    // ASCII, such as the Kelvin sign.
    let lower = ascii_lower(given);
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        if let Some(d) = near(&lower, c) {
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, c));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// The edit distance of `lower` (lower case) to `candidate` in lower case, when it is at most
/// 2. Out of line: `suggest` is generic, and this is the part its copies share.
#[inline(never)]
fn near(lower: &str, candidate: &str) -> Option<usize> {
    // The distance is at least the difference in length.
    if candidate.chars().count().abs_diff(lower.chars().count()) > 2 {
        return None;
    }
    let d = strsim::levenshtein(lower, &ascii_lower(candidate));
    (d <= 2).then_some(d)
}

/// `s` in ASCII lower case, copied only when it has an upper-case letter.
fn ascii_lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(s.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestion_needs_distance_two_or_less() {
        assert_eq!(suggest("twillio", ["twilio", "telnyx"]), Some("twilio"));
        assert_eq!(suggest("Twilio", ["twilio", "telnyx"]), Some("twilio"));
        assert_eq!(suggest("zzzzzz", ["twilio", "telnyx"]), None);
        // Bug: a 10 MB value got an edit distance over all of it.
        assert_eq!(
            suggest(&format!("twilio{}", " ".repeat(100)), ["twilio"]),
            None
        );
    }
}
