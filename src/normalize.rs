//! `normalizePhone` of the interface (`shared/spec/INTERFACE.md`): a phone number as a person
//! types it into a form, turned into the E.164 form the vendors want, with the same issue
//! records the validator reports.
//!
//! The number is read as libphonenumber reads it ([`phone::parse`]): national text with a
//! default region (`(212) 555-1234` with `US`), international text with or without one
//! (`+44 20 7946 0857`, `011 44 20 7946 0857` from `US`). What comes out is then held to the
//! very rule a `did_number` is held to (the E.164 check of `checks::phone`), so a value this
//! gives is one the validator accepts without an error, and a number the metadata says
//! cannot be valid carries the same `phone.invalid` warning.

use crate::checks::phone as e164;
use crate::checks::{length, Finding};
use crate::engine::Located;
use crate::phone::{self, ParseError};
use crate::report::{Issue, Severity};
use crate::target::Locale;
use serde::Serialize;

/// What [`normalize_phone`] made of the text: `{ value?, issues }` in JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Normalized {
    /// The number in E.164 form (`+12125551234`); `None` when the text does not read as a
    /// well-formed number (an issue says why). Present even when the number is not valid
    /// for its country: that is a warning, as it is for a `did_number`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Issues about the text as a whole (pointer `""`), in the order found: an error when
    /// there is no value, warnings otherwise.
    pub issues: Vec<Issue>,
}

/// A default region that the number metadata does not know: a caller's mistake, like an
/// unknown target (the JavaScript package throws it as a `TypeError`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown region '{}': give an upper-case ISO 3166 code that the numbering \
     metadata has, such as US or GB",
    crate::messages::shown(region)
)]
pub struct UnknownRegion {
    /// The region as given.
    pub region: String,
}

impl UnknownRegion {
    /// A caller's default region, checked: `None` and `Some("")` are no region; any other
    /// value must be a region the metadata has ([`phone::is_supported_region`]).
    ///
    /// ```
    /// use channel_rules::UnknownRegion;
    /// assert_eq!(UnknownRegion::check(Some("US")), Ok(Some("US")));
    /// assert_eq!(UnknownRegion::check(Some("")), Ok(None));
    /// assert!(UnknownRegion::check(Some("us")).is_err());
    /// ```
    pub fn check(region: Option<&str>) -> Result<Option<&str>, UnknownRegion> {
        match region {
            None | Some("") => Ok(None),
            Some(r) if phone::is_supported_region(r) => Ok(Some(r)),
            Some(r) => Err(UnknownRegion {
                region: r.to_string(),
            }),
        }
    }
}

/// Reads `input` as a phone number (national text needs `default_region`, an upper-case
/// ISO 3166 code such as `US`; `None` or `""` for none) and gives its E.164 form with the
/// issues found, their messages in `locale`.
///
/// ```
/// use channel_rules::{normalize_phone, Locale};
///
/// let n = normalize_phone("(212) 555-1234", Some("US"), Locale::En).unwrap();
/// assert_eq!(n.value.as_deref(), Some("+12125551234"));
/// assert!(n.issues.is_empty());
///
/// // Reads, but cannot be a valid North American number: a value, and a warning.
/// let n = normalize_phone("+1 234 567 890", None, Locale::En).unwrap();
/// assert_eq!(n.value.as_deref(), Some("+1234567890"));
/// assert_eq!(n.issues[0].code, "phone.invalid");
///
/// // National text without a region does not read: no value, and an error saying why.
/// let n = normalize_phone("212 555 1234", None, Locale::En).unwrap();
/// assert_eq!(n.value, None);
/// assert_eq!(n.issues[0].code, "phone.unreadable");
/// assert_eq!(n.issues[0].params["reason"], "no_region");
///
/// // An unknown region is the caller's mistake.
/// assert!(normalize_phone("212 555 1234", Some("us"), Locale::En).is_err());
/// ```
pub fn normalize_phone(
    input: &str,
    default_region: Option<&str>,
    locale: Locale,
) -> Result<Normalized, UnknownRegion> {
    let region = UnknownRegion::check(default_region)?;
    let mut found = Vec::new();
    let value = read(input, region, &mut found);
    let value = value.filter(|_| !found.iter().any(|f| f.severity == Severity::Error));
    let located = found
        .into_iter()
        .map(|finding| Located {
            path: Vec::new(),
            finding,
        })
        .collect();
    Ok(Normalized {
        value,
        issues: crate::issues(located, locale),
    })
}

/// The E.164 text of `input`, with the findings about it.
fn read(input: &str, region: Option<&str>, out: &mut Vec<Finding>) -> Option<String> {
    // The empty and blank checks every string field gets.
    length::chars(input, 1, usize::MAX, out);
    length::not_blank(input, out);
    if !out.is_empty() {
        return None;
    }
    match phone::parse(input, region) {
        Err(e) => {
            out.push(Finding::error("phone.unreadable").with("reason", reason(e, input, region)));
            None
        }
        Ok(number) => {
            // The very check a `did_number` gets, so the two agree on every value.
            let text = number.e164();
            e164::e164(&text, false, out);
            Some(text)
        }
    }
}

/// The `reason` param of `phone.unreadable`: libphonenumber's parse error, with its
/// `INVALID_COUNTRY_CODE` told apart into the two mistakes it covers.
fn reason(e: ParseError, input: &str, region: Option<&str>) -> &'static str {
    match e {
        ParseError::NotANumber => "not_a_number",
        ParseError::InvalidCountryCode if region.is_none() && !phone::is_international(input) => {
            "no_region"
        }
        ParseError::InvalidCountryCode => "country_code",
        ParseError::TooShortAfterIdd => "too_short_after_idd",
        ParseError::TooShortNsn => "too_short",
        ParseError::TooLong => "too_long",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(input: &str, region: Option<&str>) -> (Option<String>, Vec<(String, String)>) {
        let n = normalize_phone(input, region, Locale::En).unwrap();
        let issues = n
            .issues
            .iter()
            .map(|i| {
                let reason = i.params.get("reason").and_then(|r| r.as_str());
                (i.code.clone(), reason.unwrap_or("").into())
            })
            .collect();
        (n.value, issues)
    }

    #[test]
    fn reasons_for_text_that_does_not_read() {
        let unreadable = |reason: &str| (None, vec![("phone.unreadable".into(), reason.into())]);
        assert_eq!(codes("212 555 1234", None), unreadable("no_region"));
        assert_eq!(codes("+999 123 456", None), unreadable("country_code"));
        assert_eq!(
            codes("\u{ff0b}999 123 456", Some("US")),
            unreadable("country_code")
        );
        assert_eq!(
            codes("011 999 123 456", Some("US")),
            unreadable("country_code")
        );
        assert_eq!(codes("hello", Some("US")), unreadable("not_a_number"));
        assert_eq!(
            codes("+44 20 7946 0857 ext. 2", None),
            unreadable("not_a_number")
        );
        assert_eq!(
            codes(&format!("+1{}", "2".repeat(20)), None),
            unreadable("too_long")
        );
        assert_eq!(
            codes("", None),
            (None, vec![("string.empty".into(), "".into())])
        );
        assert_eq!(
            codes(" \t", None),
            (None, vec![("string.blank".into(), "".into())])
        );
    }

    #[test]
    fn a_value_is_always_well_formed_e164() {
        // Reads as +1 and two digits: libphonenumber parses it, but it is no E.164 number.
        let (value, issues) = codes("+1 23", None);
        assert_eq!(value, None);
        assert_eq!(issues, vec![("phone.e164".into(), "short".into())]);
    }

    #[test]
    fn unknown_regions_are_refused() {
        for r in ["us", "XX", "001", "USA", " US"] {
            let e = normalize_phone("+442079460857", Some(r), Locale::En).unwrap_err();
            assert_eq!(e.region, r);
        }
    }
}
