//! # channel-rules
//!
//! Checks message-channel configuration payloads exactly as the vendors' APIs document
//! them, before they are sent: a backend never sends a payload the vendor would reject, or
//! one that would silently delete a customer's routing.
//!
//! Covered: Yeastar P-Series PBX message channels (create and update, for SMS through 16
//! providers, WhatsApp and Facebook) and Live Chat channels; Healthing channel updates and
//! responses; Bird channels, channel lists and contact service windows. [`Target::ALL`]
//! lists them. Every rule cites its source; see `RULES.md` in the project's spec and the code
//! table in `docs/CODES.md`.
//!
//! Every finding is an [`Issue`] with a JSON Pointer, a severity, a stable code, a message
//! and the params it was built from; a [`Report`] holds all of them in document order.
//! Credentials (`account_data` values) never appear in a message, a param or a `Debug`
//! output.
//!
//! # Example
//!
//! ```
//! use channel_rules::{validate, Options, Severity, Target};
//! use serde_json::json;
//!
//! let payload = json!({
//!     "name": "Front desk SMS",
//!     "webhook_url_type": "fqdn",
//!     "channel": "twilio",
//!     "account_data": [
//!         {"k": "account_sid", "v": "QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg=="},
//!         {"k": "auth_token", "v": "c2VjcmV0LXRva2Vu"}
//!     ],
//!     "dids": [{"did_number": "+1 212 555 1234", "destination_type": "queue"}]
//! });
//! let report = validate(Target::YeastarMessageChannelCreate, &payload, &Options::default());
//! assert!(!report.valid);
//!
//! let issue = &report.issues[0];
//! assert_eq!(issue.pointer, "/dids/0/did_number");
//! assert_eq!(issue.code, "phone.e164");
//! assert_eq!(issue.params["removed"], "+12125551234");
//!
//! // A queue destination needs its id: reported where the field should be.
//! assert_eq!(report.issues[1].pointer, "/dids/0/destination_id");
//! assert_eq!(report.issues[1].severity, Severity::Error);
//! ```
//!
//! An update has no `channel` member: name the kind, or pass the channel's current state to
//! also learn what the update would delete.
//!
//! ```
//! use channel_rules::{validate, Options, Target};
//! use serde_json::json;
//!
//! let current = json!({"id": 267, "channel": "twilio", "dids": [
//!     {"id": 5, "did_number": "+12125551234", "destination_type": "api"},
//!     {"id": 3, "did_number": "+442079460857", "destination_type": "api"}
//! ]});
//! let update = json!({"id": 267, "dids": [
//!     {"id": 5, "did_number": "+12125551234", "destination_type": "api"}
//! ]});
//! let options = Options { current: Some(current), ..Options::default() };
//! let report = validate(Target::YeastarMessageChannelUpdate, &update, &options);
//! assert!(report.valid); // warnings only
//! assert_eq!(report.issues[0].code, "update.removes_item");
//! assert_eq!(report.issues[0].params["name"], "+442079460857");
//! ```

#![warn(missing_docs)]

pub mod checks;
pub mod codes;
pub mod engine;
pub mod messages;
mod normalize;
pub mod phone;
pub mod report;
pub mod schema;
pub mod target;
pub mod vendors;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use normalize::{normalize_phone, Normalized, UnknownRegion};
pub use report::{pointer_of, InvalidPointer, Issue, Report, Segment, Severity};
pub use target::{Locale, Options, Target, UnknownLocale, UnknownTarget};
pub use vendors::yeastar::providers::{Kind, UnknownKind};

/// The README's Rust examples run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

use checks::Finding;
use engine::Located;
use serde_json::Value;

/// Checks a parsed payload against a target's rules.
///
/// Never panics and never fails: everything wrong with the payload is an [`Issue`].
pub fn validate(target: Target, payload: &Value, options: &Options) -> Report {
    let schema = target.schema(payload, options);
    let found = engine::run(&schema, payload, options.current.as_ref());
    finish(found, options)
}

/// Checks JSON text; malformed text is one error at pointer `""` with line and column.
///
/// ```
/// use channel_rules::{validate_str, Options, Target};
///
/// let report = validate_str(Target::YeastarMessageChannelCreate, "{\"name\": }", &Options::default());
/// assert_eq!(report.issues[0].code, "json.syntax");
/// assert_eq!(report.issues[0].params["line"], 1);
/// assert_eq!(report.issues[0].params["column"], 10);
/// ```
pub fn validate_str(target: Target, text: &str, options: &Options) -> Report {
    match serde_json::from_str::<Value>(text) {
        Ok(v) => validate(target, &v, options),
        Err(e) => finish(
            vec![Located {
                path: Vec::new(),
                finding: syntax_error(&e),
            }],
            options,
        ),
    }
}

/// The issues about one field of a payload: the value at `pointer` (an RFC 6901 JSON
/// Pointer, such as `/dids/0/did_number`; `""` is the whole document) or inside it, in
/// document order. It is what a form shows beside the field being edited.
///
/// The whole payload is checked, because rules cross fields (a `destination_id` is
/// required when `destination_type` is `queue`, a DID may repeat an earlier one); the
/// issues are then those located at or below `pointer`. A field that should be there but is
/// missing is reported at the pointer where it would be, so it is found too.
///
/// ```
/// use channel_rules::{validate_field, Options, Target};
/// use serde_json::json;
///
/// let payload = json!({"channel": "twilio", "dids": [
///     {"did_number": "+1 212 555 1234", "destination_type": "queue"}
/// ]});
/// let target = Target::YeastarMessageChannelCreate;
/// let issues = validate_field(target, "/dids/0/destination_id", &payload, &Options::default()).unwrap();
/// assert_eq!(issues[0].code, "field.required_when");
/// let issues = validate_field(target, "/dids/0", &payload, &Options::default()).unwrap();
/// assert_eq!(issues.len(), 2); // the number's form and the missing destination_id
/// assert!(validate_field(target, "dids/0", &payload, &Options::default()).is_err());
/// ```
pub fn validate_field(
    target: Target,
    pointer: &str,
    payload: &Value,
    options: &Options,
) -> Result<Vec<Issue>, InvalidPointer> {
    field_issues(pointer, || validate(target, payload, options))
}

/// [`validate_field`] for JSON text (malformed text is the `json.syntax` issue at `""`, so
/// it is returned only for the pointer `""`).
pub fn validate_field_str(
    target: Target,
    pointer: &str,
    text: &str,
    options: &Options,
) -> Result<Vec<Issue>, InvalidPointer> {
    field_issues(pointer, || validate_str(target, text, options))
}

/// The issues of `report` at or below `pointer`, once the pointer is known to be one.
fn field_issues(
    pointer: &str,
    report: impl FnOnce() -> Report,
) -> Result<Vec<Issue>, InvalidPointer> {
    report::check_pointer(pointer)?;
    Ok(report()
        .issues
        .into_iter()
        .filter(|i| report::is_within(&i.pointer, pointer))
        .collect())
}

/// Checks raw bytes (a file as read): text that is not UTF-8 is malformed JSON, one error at
/// pointer `""` with the line and column of the first bad byte.
///
/// ```
/// use channel_rules::{validate_bytes, Options, Target};
///
/// let report = validate_bytes(Target::BirdChannel, b"{\n \xff}", &Options::default());
/// assert_eq!(report.issues[0].code, "json.syntax");
/// assert_eq!(report.issues[0].params["line"], 2);
/// assert_eq!(report.issues[0].params["column"], 2);
/// ```
pub fn validate_bytes(target: Target, bytes: &[u8], options: &Options) -> Report {
    match std::str::from_utf8(bytes) {
        Ok(text) => validate_str(target, text, options),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            let finding = Finding::error("json.syntax")
                .with("line", line)
                .with("column", column)
                .with("reason", "invalid UTF-8");
            finish(
                vec![Located {
                    path: Vec::new(),
                    finding,
                }],
                options,
            )
        }
    }
}

/// The `json.syntax` finding for a parse error. serde_json's messages describe the error
/// and never quote the input, so they are safe to pass on.
fn syntax_error(e: &serde_json::Error) -> Finding {
    let text = e.to_string();
    let reason = match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    Finding::error("json.syntax")
        .with("line", e.line())
        .with("column", e.column())
        .with("reason", reason)
}

fn finish(found: Vec<Located>, options: &Options) -> Report {
    Report::from_issues(issues(found, options.locale))
}

/// The issue records of located findings, their messages in `locale`.
fn issues(found: Vec<Located>, locale: Locale) -> Vec<Issue> {
    found
        .into_iter()
        .map(|l| Issue {
            pointer: pointer_of(&l.path),
            message: messages::render(locale, l.finding.code, &l.finding.params),
            path: l.path,
            severity: l.finding.severity,
            code: l.finding.code.to_string(),
            params: l.finding.params,
        })
        .collect()
}
