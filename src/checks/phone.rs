//! E.164 numbers. \[001\] "The WhatsApp phone number in E.164 format"; \[vendor\] the generic
//! SMS integration requires E.164.
//!
//! Form is an error: `+`, then 7 to 15 digits, the first not `0`, nothing else. Validity is
//! a warning: a number whose country calling code is not assigned, or that the number
//! metadata says cannot be valid for its country (two of the seed's own examples are such
//! numbers, and the seed examples must pass without errors).

use super::Finding;
use crate::phone::{self, Verdict};

/// Fewest digits after the `+` (\[001\] \[vendor\] E.164).
pub const MIN_DIGITS: usize = 7;
/// Most digits after the `+` (E.164: at most 15 with the country code).
pub const MAX_DIGITS: usize = 15;
const SEPARATORS: &[char] = &[' ', '-', '.', '(', ')', '/', '\u{a0}'];

/// Checks form (errors), then validity (warnings).
pub fn e164(s: &str, secret: bool, out: &mut Vec<Finding>) {
    match form(s) {
        Err(mut f) => {
            if !secret {
                if let Some(fixed) = corrected(s) {
                    f = f.with("removed", fixed);
                }
            }
            out.push(f);
        }
        Ok(digits) => validity(phone::classify(digits), secret, out),
    }
}

/// The warning, if any, for what the number metadata says of a well-formed number
/// (`reads_as`, digits of the value, left out for a credential).
fn validity(verdict: Verdict, secret: bool, out: &mut Vec<Finding>) {
    match verdict {
        Verdict::Valid { .. } => {}
        Verdict::UnassignedCode => out.push(Finding::warning("phone.country_code")),
        Verdict::Invalid {
            country_code,
            region,
            reads_as,
            length,
        } => {
            let mut f = Finding::warning("phone.invalid").with("country_code", country_code);
            if let Some(l) = length {
                f = f.with("reason", l.as_str());
            }
            if let Some(r) = region {
                f = f.with("region", r);
            }
            if let Some(r) = reads_as.filter(|_| !secret) {
                f = f.with("reads_as", r);
            }
            out.push(f);
        }
    }
}

/// The digits after `+` when `s` is well-formed, else the finding that says why not.
pub fn form(s: &str) -> Result<&str, Finding> {
    let base = || {
        Finding::error("phone.e164")
            .with("min", MIN_DIGITS)
            .with("max", MAX_DIGITS)
    };
    if s.is_empty() {
        return Err(Finding::error("string.empty"));
    }
    let Some(digits) = s.strip_prefix('+') else {
        return Err(base().with("reason", "plus"));
    };
    if let Some((i, c)) = digits
        .chars()
        .enumerate()
        .find(|(_, c)| !c.is_ascii_digit())
    {
        return Err(base()
            .with("reason", "char")
            .with("position", i + 2)
            .with("char", c.to_string()));
    }
    let n = digits.len();
    if digits.starts_with('0') {
        return Err(base().with("reason", "zero"));
    }
    if n < MIN_DIGITS {
        return Err(base().with("reason", "short").with("digits", n));
    }
    if n > MAX_DIGITS {
        return Err(base().with("reason", "long").with("digits", n));
    }
    Ok(digits)
}

/// The number with separators removed (and `00` or a missing `+` turned into `+`), when
/// that is well-formed; when it still carries a trunk prefix after the country code
/// (`+44 (0)20 7946 0857`), the valid number it reads as. Digits typed with no `+` or `00`
/// at all are offered with a `+` only when the numbering metadata says the result is a
/// valid number: such text is as often a national number (`(212) 555-1234`), whose digits
/// behind a `+` make another country's number (+212 is Morocco).
fn corrected(s: &str) -> Option<String> {
    let t = s.trim();
    let body: String = t.chars().filter(|c| !SEPARATORS.contains(c)).collect();
    let (rest, guessed) = match body.strip_prefix('+').or_else(|| body.strip_prefix("00")) {
        Some(rest) => (rest, false),
        None => (&*body, true),
    };
    let fixed = ["+", rest].concat();
    let digits = form(&fixed).ok().filter(|_| fixed != s)?;
    if !guessed {
        // The text had its `+` (or `00`): the digits without separators, unless they read
        // as another number, which is then the one meant. Only that reading is needed.
        return Some(phone::reads_as(digits).unwrap_or(fixed));
    }
    match phone::classify(digits) {
        Verdict::Valid { .. } => Some(fixed),
        Verdict::Invalid {
            reads_as: Some(number),
            ..
        } => Some(number),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_is_named_with_position_and_fix() {
        let f = form("+1 2125551234").unwrap_err();
        assert_eq!(f.params["position"], 3);
        let mut out = Vec::new();
        e164("+1 212 555 1234", false, &mut out);
        assert_eq!(out[0].params["removed"], "+12125551234");
    }

    #[test]
    fn bounds() {
        assert!(form("+1234567").is_ok());
        assert!(form("+123456").is_err());
        assert!(form("+123456789012345").is_ok());
        assert!(form("+1234567890123456").is_err());
        assert!(form("+0234567").is_err());
    }
}
