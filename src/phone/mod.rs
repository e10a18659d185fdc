//! Phone numbers: parsing, validity, region and type, as Google's libphonenumber decides
//! them.
//!
//! The engine is libphonenumber's own algorithm over tables generated at build time
//! (`build.rs` runs `compile.rs` over `metadata.json`, which `scripts/phone/reference.sh`
//! exports from the reference, Python `phonenumbers`): every national-number pattern of a
//! territory is one deterministic automaton, so checking a number is one walk over its
//! digits, with no regular-expression engine, no cache and no start-up work. The test
//! `tests/phone_corpus.rs` replays a corpus made by the reference.

#[cfg(any(test, not(feature = "phone-stub")))]
mod ops;

#[cfg(test)]
#[allow(dead_code)]
mod compile;

#[cfg(not(feature = "phone-stub"))]
mod engine;

#[cfg(feature = "phone-stub")]
#[path = "stub.rs"]
mod engine;

/// The libphonenumber metadata version the engine's tables were generated from.
pub const METADATA_VERSION: &str = engine::VERSION;

/// A number's type, as libphonenumber's `PhoneNumberType` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NumberType {
    /// `FIXED_LINE`
    FixedLine,
    /// `MOBILE`
    Mobile,
    /// `FIXED_LINE_OR_MOBILE`: the metadata cannot tell the two apart.
    FixedLineOrMobile,
    /// `TOLL_FREE`
    TollFree,
    /// `PREMIUM_RATE`
    PremiumRate,
    /// `SHARED_COST`
    SharedCost,
    /// `VOIP`
    Voip,
    /// `PERSONAL_NUMBER`
    PersonalNumber,
    /// `PAGER`
    Pager,
    /// `UAN`
    Uan,
    /// `VOICEMAIL`
    Voicemail,
    /// `UNKNOWN`: not a number of any type (so not valid).
    Unknown,
}

impl NumberType {
    /// The name libphonenumber uses, such as `FIXED_LINE`.
    pub fn as_str(self) -> &'static str {
        match self {
            NumberType::FixedLine => "FIXED_LINE",
            NumberType::Mobile => "MOBILE",
            NumberType::FixedLineOrMobile => "FIXED_LINE_OR_MOBILE",
            NumberType::TollFree => "TOLL_FREE",
            NumberType::PremiumRate => "PREMIUM_RATE",
            NumberType::SharedCost => "SHARED_COST",
            NumberType::Voip => "VOIP",
            NumberType::PersonalNumber => "PERSONAL_NUMBER",
            NumberType::Pager => "PAGER",
            NumberType::Uan => "UAN",
            NumberType::Voicemail => "VOICEMAIL",
            NumberType::Unknown => "UNKNOWN",
        }
    }
}

/// Why text could not be read as a phone number (libphonenumber's `NumberParseException`
/// error types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// `INVALID_COUNTRY_CODE`: no assigned calling code follows the `+`, or the text is
    /// national and no (known) default region was given.
    #[error("the country calling code is not assigned, or a national number has no known default region")]
    InvalidCountryCode,
    /// `NOT_A_NUMBER`: the text does not look like a phone number.
    #[error("the text does not look like a phone number")]
    NotANumber,
    /// `TOO_SHORT_AFTER_IDD`: too few digits after the `+` or international prefix.
    #[error("too few digits after the international prefix")]
    TooShortAfterIdd,
    /// `TOO_SHORT_NSN`: the national number has fewer than 2 digits.
    #[error("the national number is too short")]
    TooShortNsn,
    /// `TOO_LONG`: the national number has more than 17 digits, or the text is over 250
    /// characters.
    #[error("the number is too long")]
    TooLong,
}

impl ParseError {
    /// The name libphonenumber uses, such as `INVALID_COUNTRY_CODE`.
    pub fn as_str(self) -> &'static str {
        match self {
            ParseError::InvalidCountryCode => "INVALID_COUNTRY_CODE",
            ParseError::NotANumber => "NOT_A_NUMBER",
            ParseError::TooShortAfterIdd => "TOO_SHORT_AFTER_IDD",
            ParseError::TooShortNsn => "TOO_SHORT_NSN",
            ParseError::TooLong => "TOO_LONG",
        }
    }
}

/// A parsed number: a country calling code and the national significant number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Number {
    /// The country calling code, such as 44.
    pub country_code: u16,
    /// The national significant number, digits only (leading zeros kept, as in Italy).
    pub national_number: String,
}

impl Number {
    /// The number in E.164 form, such as `+442079460857`.
    pub fn e164(&self) -> String {
        format!("+{}{}", self.country_code, self.national_number)
    }
}

/// What the metadata says of a parsed number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Analysis {
    /// libphonenumber's `is_valid_number`.
    pub valid: bool,
    /// libphonenumber's `region_code_for_number`: the ISO 3166 region, `001` for
    /// non-geographic numbers (such as +800), `None` when no region matches.
    pub region: Option<&'static str>,
    /// libphonenumber's `number_type`.
    pub number_type: NumberType,
}

/// Reads `input` as a phone number, as libphonenumber's `parse(input, default_region)`
/// does: an international number (`+44 20 7946 0857`) needs no region; a national one
/// (`(212) 555-1234`) is read as a number of `default_region` (an ISO 3166 code in upper
/// case, such as `US`), with its national prefix removed and its international dialling
/// prefix understood (`011 44 20 7946 0857` from `US`).
///
/// Not read (unlike libphonenumber): extensions (`ext. 12`, `x12`, `#12`), `tel:` URIs.
/// Text with them is `NotANumber` rather than a number with part of the text dropped.
///
/// ```
/// use channel_rules::phone;
/// let n = phone::parse("(212) 555-1234", Some("US")).unwrap();
/// assert_eq!(n.e164(), "+12125551234");
/// assert_eq!(phone::parse("212 555 1234", None), Err(phone::ParseError::InvalidCountryCode));
/// ```
pub fn parse(input: &str, default_region: Option<&str>) -> Result<Number, ParseError> {
    if has_extension(input) {
        return Err(ParseError::NotANumber);
    }
    engine::parse(input, default_region)
}

/// Whether `input` has an extension (`#`, `;`, `,`, `ext`, or digits after one of
/// libphonenumber's short markers at the end: `x12`, `~12`, `int 12`) or is a `tel:` URI.
fn has_extension(input: &str) -> bool {
    if short_extension(input) {
        return true;
    }
    let b = input.as_bytes();
    b.iter().enumerate().any(|(i, &c)| match c {
        b'#' | b';' | b',' => true,
        b'e' | b'E' => b[i..]
            .get(..3)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"ext")),
        b't' | b'T' => b[i..]
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"tel:")),
        _ => false,
    })
}

/// Whether the text ends with digits after one of the extension markers that libphonenumber
/// reads at the end of a number besides `ext` (`x`, `~`, `int` and their full-width forms,
/// `доб`, `anexo`), with the separators it allows between them: `+1 212 555 1234 x12`.
/// Without this, the engine would run the extension's digits into the number.
fn short_extension(input: &str) -> bool {
    const MARKERS: &[&str] = &["x", "ｘ", "~", "～", "int", "ｉｎｔ", "доб", "anexo"];
    let t = input.trim_end();
    let t = t
        .strip_suffix('#')
        .or_else(|| t.strip_suffix('＃'))
        .unwrap_or(t);
    let before_digits = t.trim_end_matches(|c: char| c.is_numeric());
    if before_digits.len() == t.len() {
        return false;
    }
    let marker_end = before_digits.trim_end_matches(|c: char| {
        matches!(c, ' ' | '\t' | ',' | ':' | '.' | '．' | '-' | '\u{a0}')
    });
    // Every marker ends in one of these letters: most numbers stop here, with no copy.
    if !marker_end.ends_with([
        'x', 'X', '~', 't', 'T', 'o', 'O', 'ｘ', 'Ｘ', '～', 'ｔ', 'Ｔ', 'б', 'Б',
    ]) {
        return false;
    }
    let lower: String = marker_end.chars().map(marker_lowercase).collect();
    MARKERS.iter().any(|m| lower.ends_with(m))
}

/// A capital of the markers' alphabets (ASCII, full-width Latin, Cyrillic) in lower case;
/// no other character's lower case is a letter of a marker, so for [`short_extension`] this
/// is `str::to_lowercase` without the Unicode case tables it would bring into the wasm
/// package.
fn marker_lowercase(c: char) -> char {
    match c {
        'A'..='Z' | 'Ａ'..='Ｚ' | 'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        _ => c,
    }
}

/// Validity, region and type of a parsed number, as libphonenumber's `is_valid_number`,
/// `region_code_for_number` and `number_type` give them.
///
/// ```
/// use channel_rules::phone::{self, NumberType};
/// let a = phone::analyze(&phone::parse("+442079460857", None).unwrap());
/// assert!(a.valid);
/// assert_eq!(a.region, Some("GB"));
/// assert_eq!(a.number_type, NumberType::FixedLine);
/// ```
pub fn analyze(number: &Number) -> Analysis {
    engine::analyze(number)
}

/// The E.164 form of `input` read with `default_region` (see [`parse`]).
///
/// ```
/// use channel_rules::phone;
/// assert_eq!(phone::normalize("(212) 555-1234", Some("US")).unwrap(), "+12125551234");
/// assert_eq!(phone::normalize("020 7946 0857", Some("GB")).unwrap(), "+442079460857");
/// ```
pub fn normalize(input: &str, default_region: Option<&str>) -> Result<String, ParseError> {
    parse(input, default_region).map(|n| n.e164())
}

/// What the number metadata says of a well-formed E.164 number.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Verdict {
    /// A valid number; `region` is the ISO 3166 region when the metadata names one.
    Valid {
        /// Region code, such as `US`.
        region: Option<String>,
    },
    /// No country uses the calling code the number starts with.
    UnassignedCode,
    /// The calling code exists, but the number cannot be valid for it.
    #[non_exhaustive]
    Invalid {
        /// The country calling code.
        country_code: u16,
        /// The region the number was matched to, when the code has one main region.
        region: Option<String>,
        /// The valid number libphonenumber reads the digits as, when that is another
        /// number (a trunk prefix after the country code: `+4402079460857` reads as
        /// `+442079460857`).
        reads_as: Option<String>,
        /// When the number of digits alone rules the number out for its calling code.
        length: Option<LengthProblem>,
    },
}

/// Why a number's length cannot be right for its calling code (libphonenumber's
/// `ValidationResult`, with `IS_POSSIBLE_LOCAL_ONLY` counted as too short: a number dialled
/// only locally lacks its area code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LengthProblem {
    /// Fewer digits than any number of the calling code has.
    TooShort,
    /// More digits than any number of the calling code has.
    TooLong,
    /// A length between the shortest and the longest that no number has.
    Invalid,
}

impl LengthProblem {
    /// `too_short`, `too_long` or `invalid_length` (the `reason` of `phone.invalid`).
    pub fn as_str(self) -> &'static str {
        match self {
            LengthProblem::TooShort => "too_short",
            LengthProblem::TooLong => "too_long",
            LengthProblem::Invalid => "invalid_length",
        }
    }
}

/// The number as its digits are written after the calling code `code`.
fn as_typed(code: u16, digits: &str) -> Number {
    let skip = if code >= 100 {
        3
    } else if code >= 10 {
        2
    } else {
        1
    };
    Number {
        country_code: code,
        national_number: digits.get(skip..).unwrap_or_default().to_owned(),
    }
}

/// Bytes of automata and prefix programs the engine's tables hold (0 with `phone-stub`).
pub fn table_bytes() -> usize {
    engine::table_bytes()
}

/// The calling code (1 to 3 digits) that `digits` starts with, if any is assigned.
pub fn calling_code(digits: &str) -> Option<u16> {
    engine::calling_code(digits)
}

/// Whether the number part of `input` starts with `+` (ASCII or full-width), as [`parse`]
/// decides that text is international rather than national.
pub fn is_international(input: &str) -> bool {
    engine::is_international(input)
}

/// Whether E.164 text parses to itself.
fn reads_back(e164: &str) -> bool {
    engine::parse(e164, None).is_ok_and(|n| n.e164() == e164)
}

/// Whether `region` is a region code that national numbers can be read with: an ISO 3166
/// code in upper case that the metadata has (`US`, `GB`; not `us`, and not `001`, which
/// names the non-geographic codes such as +800). [`parse`] treats any other default region
/// as none, as libphonenumber does.
///
/// ```
/// use channel_rules::phone;
/// assert!(phone::is_supported_region("US"));
/// assert!(!phone::is_supported_region("us"));
/// assert!(!phone::is_supported_region("001"));
/// ```
pub fn is_supported_region(region: &str) -> bool {
    engine::is_supported_region(region)
}

/// Classifies the digits of a well-formed E.164 number (without the `+`), as written.
///
/// libphonenumber reads some text that is not a number's E.164 form as that number: it drops
/// a trunk prefix typed after the country code (`+44 0 20 7946 0857`, `+1 1 212 555 1234`).
/// Such digits are judged as written, so they are not valid, and `reads_as` gives the
/// number they read as when that one is valid.
///
/// ```
/// use channel_rules::phone::{classify, Verdict};
/// assert!(matches!(classify("442079460857"), Verdict::Valid { .. }));
/// let Verdict::Invalid { reads_as, .. } = classify("4402079460857") else { panic!() };
/// assert_eq!(reads_as.as_deref(), Some("+442079460857"));
/// ```
pub fn classify(digits: &str) -> Verdict {
    let (code, read) = read_as_written(digits);
    let Some(code) = code else {
        return Verdict::UnassignedCode;
    };
    let invalid = |region, reads_as, length| Verdict::Invalid {
        country_code: code,
        region,
        reads_as,
        length,
    };
    let Some((n, as_written)) = read else {
        return invalid(None, None, None);
    };
    let (valid, region) = engine::validity(&n);
    let region = region.map(str::to_owned);
    match (as_written, valid) {
        (true, true) => Verdict::Valid { region },
        (true, false) => invalid(region, None, engine::length_problem(&n)),
        (false, valid) => match reading(&n, valid) {
            Some(e164) => invalid(None, Some(e164), None),
            // The length as written: the digits may read as another number (a trunk prefix).
            None => invalid(None, None, engine::length_problem(&as_typed(code, digits))),
        },
    }
}

/// The number that digits not read as written read as (`n`, `valid` as [`analyze`] says), as
/// [`classify`] offers it: when it is valid and reads back as itself (Belarus's `8 10`
/// prefix, say, makes a number whose reading reads as yet another).
fn reading(n: &Number, valid: bool) -> Option<String> {
    if !valid {
        return None;
    }
    let e164 = n.e164();
    reads_back(&e164).then_some(e164)
}

/// The number `+` and `digits` reads as, with whether that is the digits as written (a
/// trunk prefix after the calling code is dropped in the reading), or why there is none: the
/// calling code first (`None` when no country has it), then the reading (`None` when the
/// digits do not parse).
fn read_as_written(digits: &str) -> (Option<u16>, Option<(Number, bool)>) {
    let Some(code) = calling_code(digits) else {
        return (None, None);
    };
    // "+" and the digits, on the stack (E.164 has at most 15 digits; more go to the heap),
    // and the E.164 form only when it is needed: this runs for every DID checked.
    let mut buf = [0u8; 32];
    let heap;
    let text = match buf.get_mut(..digits.len() + 1) {
        Some(t) => {
            t[0] = b'+';
            t[1..].copy_from_slice(digits.as_bytes());
            std::str::from_utf8(t).unwrap_or_default()
        }
        None => {
            heap = format!("+{digits}");
            &heap
        }
    };
    let Ok(n) = engine::parse(text, None) else {
        return (Some(code), None);
    };
    // Whether the number reads as the digits as written: calling code, then national number.
    let as_written = {
        let (mut buf, mut at, mut c) = ([0u8; 5], 5, n.country_code);
        loop {
            at -= 1;
            buf[at] = b'0' + (c % 10) as u8;
            c /= 10;
            if c == 0 {
                break;
            }
        }
        digits
            .as_bytes()
            .strip_prefix(&buf[at..])
            .is_some_and(|rest| rest == n.national_number.as_bytes())
    };
    (Some(code), Some((n, as_written)))
}

/// What [`classify`] gives as `reads_as` for a well-formed E.164 number's digits, without
/// judging the number when it reads as written (then there is no other reading): the cheap
/// question a malformed number's correction asks.
pub(crate) fn reads_as(digits: &str) -> Option<String> {
    match read_as_written(digits) {
        (_, Some((n, false))) => reading(&n, engine::validity(&n).0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_as_is_classifys_reading() {
        // Valid, too short, trunk prefixes (valid readings and not), unassigned codes,
        // digits that do not parse, and more than E.164 allows.
        for digits in [
            "12125551234",
            "1212555",
            "442079460857",
            "4402079460857",
            "11212555123",
            "3750291234567",
            "375810291234567",
            "999123456",
            "0",
            "1",
            "44",
            "2125551234",
            "1234567890123456789",
            "8008001234",
            "8820000000",
        ] {
            let expected = match classify(digits) {
                Verdict::Invalid { reads_as, .. } => reads_as,
                _ => None,
            };
            assert_eq!(reads_as(digits), expected, "{digits}");
        }
        assert_eq!(reads_as("4402079460857").as_deref(), Some("+442079460857"));
    }

    #[test]
    fn marker_lowercase_is_to_lowercase_for_the_markers() {
        // Every character lowers as str::to_lowercase does, or neither lowering ends in a
        // letter of a marker (İ lowers to i and a combining dot): no marker can end at it
        // or run through it, so the suffix test of short_extension cannot tell them apart.
        let letters: Vec<char> = ["x", "ｘ", "~", "～", "int", "ｉｎｔ", "доб", "anexo"]
            .concat()
            .chars()
            .collect();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let full: String = c.to_lowercase().collect();
            let ours = marker_lowercase(c);
            assert!(
                full == ours.to_string()
                    || !(full.ends_with(&letters[..]) || letters.contains(&ours)),
                "{c:?}"
            );
        }
    }

    #[test]
    fn short_extensions_are_not_run_into_the_number() {
        for text in [
            "+1 212 555 1234 x12",
            "+1 212 555 1234X12",
            "+1 212 555 1234 ~ 12",
            "+1 212 555 1234 int. 12#",
            "+7 495 123 45 67 доб. 12",
            "+1 212 555 1234 ｘ１２",
        ] {
            assert_eq!(parse(text, None), Err(ParseError::NotANumber), "{text}");
        }
        // Letters that are no marker, or a marker without digits after it, stay as they were.
        assert!(parse("+1 212 555 1234", None).is_ok());
        assert!(parse("+1 800 FLOWERS", None).is_ok());
        assert!(!short_extension("+1 212 555 1234 x"));
        assert!(!short_extension("+1 212 555 box"));
    }

    #[test]
    fn seed_numbers() {
        assert!(matches!(classify("442079460857"), Verdict::Valid { .. }));
        assert!(matches!(classify("12125551234"), Verdict::Valid { .. }));
        assert!(matches!(classify("1234567890"), Verdict::Invalid { .. }));
        assert!(matches!(classify("15567778888"), Verdict::Invalid { .. }));
        assert_eq!(classify("8091234567"), Verdict::UnassignedCode);
    }
}
