//! Measurement only (`--features phone-stub`, used by `make bench`): the engine's interface
//! with no tables behind it, so that the size of the real engine's share of the wasm package
//! can be measured as the difference. It gives no meaningful answers; never ship it.

use super::{Analysis, Number, NumberType, ParseError};

pub const VERSION: &str = "stub";

pub fn parse(input: &str, _default_region: Option<&str>) -> Result<Number, ParseError> {
    let digits: String = input.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 2 {
        return Err(ParseError::NotANumber);
    }
    Ok(Number {
        country_code: 0,
        national_number: digits,
    })
}

pub fn analyze(_number: &Number) -> Analysis {
    Analysis {
        valid: false,
        region: None,
        number_type: NumberType::Unknown,
    }
}

pub fn calling_code(digits: &str) -> Option<u16> {
    digits.get(..1).and_then(|d| d.parse().ok())
}

pub fn length_problem(_number: &Number) -> Option<super::LengthProblem> {
    None
}

pub fn table_bytes() -> usize {
    0
}

pub fn is_supported_region(region: &str) -> bool {
    region.len() == 2 && region.bytes().all(|b| b.is_ascii_uppercase())
}

pub fn is_international(input: &str) -> bool {
    input.trim_start().starts_with('+')
}

pub fn validity(_number: &Number) -> (bool, Option<&'static str>) {
    (false, None)
}
