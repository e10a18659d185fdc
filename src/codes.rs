//! Every issue code, with its usual severity and meaning: the source of the code table in
//! `docs/CODES.md` (a test keeps the two equal) and of the message catalogues' key set.

/// One issue code.
#[derive(Debug, Clone, Copy)]
pub struct Code {
    /// The stable dotted code.
    pub code: &'static str,
    /// `"error"`, `"warning"`, or `"either"` (set by the rule that uses it).
    pub severity: &'static str,
    /// What it means.
    pub meaning: &'static str,
}

macro_rules! codes {
    ($($code:literal $sev:literal $meaning:literal;)*) => {
        /// Every code the library reports.
        pub const CODES: &[Code] = &[$(Code { code: $code, severity: $sev, meaning: $meaning }),*];
    };
}

codes! {
    "json.syntax" "error" "The text is not JSON; params give `line`, `column` (in characters) and the `reason` (`eof`, `expected_value`, `expected_colon`, `expected_comma_or_bracket`, `expected_comma_or_brace`, `expected_key`, `invalid_escape`, `invalid_unicode`, `invalid_number`, `number_out_of_range`, `control_character`, `trailing_comma`, `trailing_characters`, `bom` for a byte-order mark, `utf8` for bytes that are not UTF-8, `other`).";
    "json.too_deep" "error" "The document nests arrays and objects deeper than `limit` (128) levels; it is not checked further. Reported at `\"\"` for well-formed text too.";
    "report.truncated" "either" "The report holds its first `limit` (1,000) issues; `omitted` more were found. `valid` counts them all; an error when one of those left out was an error, else a warning.";
    "type.mismatch" "error" "The value has the wrong JSON type (`expected`, `found`); no coercion, and `null` only where the vendor allows it.";
    "field.required" "error" "A required member is missing; reported at the pointer where it should be.";
    "field.required_when" "error" "A member that another member's value makes required is missing (`when`, `is`).";
    "field.unknown" "either" "A member the target does not define: an error in requests, a warning in responses; `suggestion` when a known name is within edit distance 2 (names of at most 64 characters). `field` is cut to 64 characters; a longer name is reported at its object. Inside an `account_data` item (`reason`: `credential_item`) the member is reported at the item and never named.";
    "field.duplicate" "either" "A member name given twice in one object, reported at the later one (an error in requests, a warning in responses): parsers differ on which value they keep. Inside `account_data` items an unknown name is not shown.";
    "field.ignored" "warning" "A member the vendor ignores because of another member's value (`when`, `is`).";
    "field.ignored_for_kind" "warning" "A member the vendor ignores for this channel kind (`channel`, `used_by`).";
    "string.empty" "error" "An empty string where a value is required.";
    "string.blank" "error" "A string of whitespace only.";
    "string.too_short" "error" "Fewer characters than `min` (Unicode characters).";
    "string.too_long" "error" "More characters than `max` (Unicode characters).";
    "enum.unknown" "error" "Not one of the `allowed` values; `suggestion` when one is within edit distance 2.";
    "integer.too_small" "error" "An integer below `min`.";
    "integer.too_large" "error" "An integer above `max`; an integer written too large for 64 bits is above every bound (`max` is then the rule's, or 18446744073709551615).";
    "integer.not_allowed" "error" "An integer not among the `allowed` values (a 0/1 flag, say).";
    "digits.invalid" "either" "A character other than 0-9 in an id (`char`, `position`).";
    "digits.length" "error" "An id with a number of digits outside `min`..`max`.";
    "phone.e164" "error" "Not an E.164 number (`reason`: `plus`, `char`, `zero`, `short`, `long`); `removed` shows the number without separators when that is well-formed (for digits typed without `+` or `00`, only when the metadata says it is valid).";
    "phone.country_code" "warning" "A well-formed number whose country calling code is not assigned.";
    "phone.unreadable" "error" "Text that does not read as a phone number (`normalize_phone` only; `reason`: `not_a_number`, `no_region` for text without `+` and no default region, `country_code` for an unassigned calling code, `too_short_after_idd`, `too_short`, `too_long`).";
    "phone.invalid" "warning" "A well-formed number that the numbering metadata says cannot be valid for its country (`country_code`, `region`; `reads_as` when libphonenumber reads the digits as another, valid number, such as with a trunk prefix after the country code; `reason` when the length alone rules it out: `too_short` (a length dialled only locally included), `too_long`, `invalid_length`).";
    "base64.invalid" "error" "A credential that is not standard base64 (`reason`: `char`, `length`, `whitespace`, `padding_inside` for an `=` before the end, `padding_too_long` for more than two, `padding` for padding that does not fit the length or a last character that is not canonical); the value is never quoted.";
    "base64.url_safe" "error" "A credential in URL-safe base64; the vendor wants the standard alphabet.";
    "base64.raw_secret" "error" "A credential that looks like the raw, unencoded secret (`looks_like`).";
    "base64.not_utf8" "warning" "A credential whose decoded bytes are not UTF-8 text.";
    "base64.decoded_format" "warning" "A decoded credential that does not look like what the provider issues (`expected`).";
    "url.not_https" "error" "An endpoint URL whose scheme is not `https` (`reason`: `http`, `other`).";
    "url.invalid" "error" "An endpoint that is not an absolute URL with a host (`reason`: `scheme`, `host`, `port`, `whitespace`).";
    "pattern.mismatch" "either" "A value that does not match the vendor's `pattern`.";
    "uuid.invalid" "either" "Not a hyphenated UUID.";
    "datetime.invalid" "error" "Not an RFC 3339 date-time with an offset (`2024-11-21T08:56:12.986Z`); impossible dates and times count too.";
    "regex.invalid" "error" "A value that must be a regular expression does not compile; `reason` names the construct: `look_around`, `backreference`, `unicode_class`, `escape`, `group`, `group_name`, `flags`, `repetition`, `class`, `no_unicode` (with `(?-u)`, what could match bytes that are not UTF-8, or more than ASCII in a class), `too_deep` (nested past 250 levels as `regex` counts them), `too_big` (past 1 MiB compiled), or `too_long` past `max` characters, which is not compiled.";
    "credential.key_missing" "error" "A required `account_data` key is absent; reported at `/account_data` with the `key` named.";
    "credential.key_unknown" "error" "An `account_data` key that the channel kind does not take (`allowed`, `suggestion`); `key` is named only when it is a key some kind uses, since anything else may be a misplaced secret; `reason` `any_kind` when the kind is not known and no kind takes the key.";
    "credential.key_duplicate" "error" "An `account_data` key given twice; reported at the later `/k`, naming the `key` only when it is a key some kind uses.";
    "array.duplicate" "either" "An item repeats the `fields` of an earlier item (`first`): a DID or routing-rule id is an error, a member a warning.";
    "order.not_before" "error" "A time that must come after another does not (`first`, `then`).";
    "channel.kind_unknown" "warning" "An update whose channel kind is unknown: `field` could not be checked.";
    "update.removes_item" "warning" "An update that would delete a current routing rule (`id` when it is an integer, `name`): updates replace the whole list.";
    "update.clears_field" "warning" "An update that omits a member of a kept routing rule, which clears it.";
}

/// The code table as Markdown, as `docs/CODES.md` holds it.
pub fn markdown() -> String {
    let mut s = String::from(
        "# Issue codes\n\nEvery code `channel-rules` reports. Codes are stable: a released code is \
         never reworded or reused. Severity `either` means the rule that uses the code sets \
         it. This file is generated from `src/codes.rs`; `cargo test` fails when they differ \
         (run `UPDATE_DOCS=1 cargo test` to rewrite it).\n\n| code | severity | meaning |\n| --- | --- | --- |\n",
    );
    for c in CODES {
        s.push_str(&format!(
            "| `{}` | {} | {} |\n",
            c.code, c.severity, c.meaning
        ));
    }
    s
}
