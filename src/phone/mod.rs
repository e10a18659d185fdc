//! Number validity: is a well-formed E.164 number one that can exist?
//!
//! This module is the only place that knows which engine answers that, so the engine can be
//! replaced without touching any rule. Today it is the `phonenumber` crate (the card's
//! choice) with the metadata it ships.

use phonenumber::country::Id;
use phonenumber::metadata::DATABASE;

/// What the number metadata says of a well-formed E.164 number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// A valid number; `region` is the ISO 3166 region when the metadata names one.
    Valid {
        /// Region code, such as `US`.
        region: Option<String>,
    },
    /// No country uses the calling code the number starts with.
    UnassignedCode,
    /// The calling code exists, but the number cannot be valid for it.
    Invalid {
        /// The country calling code.
        country_code: u16,
        /// The region the number was matched to, when the code has one main region.
        region: Option<String>,
    },
}

/// The calling code (1 to 3 digits) that `digits` starts with, if any is assigned.
pub fn calling_code(digits: &str) -> Option<u16> {
    (1..=3.min(digits.len())).find_map(|n| {
        let code: u16 = digits[..n].parse().ok()?;
        DATABASE.by_code(&code).map(|_| code)
    })
}

/// Classifies the digits of a well-formed E.164 number (without the `+`).
pub fn classify(digits: &str) -> Verdict {
    let Some(code) = calling_code(digits) else {
        return Verdict::UnassignedCode;
    };
    let parsed = phonenumber::parse(None, format!("+{digits}"));
    let region_of = |id: Option<Id>| id.map(|id| id.as_ref().to_string());
    match parsed {
        Ok(n) if phonenumber::is_valid(&n) => Verdict::Valid {
            region: region_of(n.country().id()),
        },
        Ok(n) => Verdict::Invalid {
            country_code: code,
            region: region_of(n.country().id()),
        },
        Err(_) => Verdict::Invalid {
            country_code: code,
            region: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_numbers() {
        assert!(matches!(classify("442079460857"), Verdict::Valid { .. }));
        assert!(matches!(classify("12125551234"), Verdict::Valid { .. }));
        assert!(matches!(classify("1234567890"), Verdict::Invalid { .. }));
        assert!(matches!(classify("15567778888"), Verdict::Invalid { .. }));
        assert_eq!(classify("8091234567"), Verdict::UnassignedCode);
    }
}
