//! The wasm-bindgen surface that `pkg/` wraps (compiled only for `wasm32`).
//!
//! Every export is thin: read its arguments, call the core, write the answer. Structured
//! values cross the boundary as JSON text, parsed on the JavaScript side by `pkg/api.js`:
//! - the payload is checked exactly as the JSON it would be sent as (`undefined` members
//!   dropped, `1.0` written `1`), through the same `validate_str` the CLI uses (`validate`
//!   takes that text's UTF-8 bytes, a faster copy into wasm memory than a string);
//! - what comes back is plain objects and arrays (never `Map`s) in exactly the shape
//!   `serde_json` gives the native API, so the two surfaces cannot drift;
//! - no `js-sys` or `serde-wasm-bindgen` in the binary.
//!
//! The exception is `phone_info`, called on every keystroke: a short line sliced by
//! `pkg/api.js`, because JSON cost more than the number engine (see its doc).
//!
//! A caller's mistake (an unknown target, kind or option) throws a JavaScript `TypeError`
//! naming the known values; nothing about the payload ever throws. The same holds for phone
//! numbers: text that is not a number is an answer (`{"valid": false, "error": ...}`),
//! never a throw (`pkg/api.js` throws the `TypeError` for arguments that are not strings).

use crate::checks::base64;
use crate::codes::CODES;
use crate::phone;
use crate::schema::describe::describe as describe_fields;
use crate::target::{Locale, Options, Target};
use crate::vendors::yeastar::providers::PROVIDERS;
use serde::Serialize;
use std::fmt::Display;
use wasm_bindgen::prelude::*;

/// Talc in place of dlmalloc in the npm package (README, "Size and speed"): 4 KB smaller,
/// no slower. Only where `scripts/wasm-build.sh` builds the package (`--cfg
/// channel_rules_pkg`): a crate that depends on this one keeps its own allocator.
#[cfg(channel_rules_pkg)]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen]
extern "C" {
    /// The global `TypeError` constructor.
    #[wasm_bindgen(js_name = TypeError)]
    type TypeError;
    #[wasm_bindgen(constructor, js_class = "TypeError")]
    fn new(message: &str) -> TypeError;
}

fn type_error(e: impl Display) -> JsValue {
    // serde_json appends " at line 1 column 20" to errors about the options text, which
    // the caller never wrote: keep the part that names the mistake.
    TypeError::new(crate::without_position(&e.to_string())).into()
}

fn target(id: &str) -> Result<Target, JsValue> {
    id.parse().map_err(type_error)
}

/// `options` is JSON text; `""` means none. A `current` nested past the limit is the
/// caller's mistake, said as such (not as serde's "recursion limit exceeded").
fn options(json: &str) -> Result<Options, JsValue> {
    if json.is_empty() {
        return Ok(Options::default());
    }
    let value = input(json, "options.current")?;
    Options::from_json(value).map_err(type_error)
}

/// JSON text the caller gave (`JSON.stringify` wrote it), read as the library reads JSON: a
/// `TypeError` when it nests too deep (or is not JSON at all, which `JSON.stringify` does not
/// write).
fn input(text: &str, name: &'static str) -> Result<serde_json::Value, JsValue> {
    crate::read_value(text).map_err(|finding| {
        if finding.code == "json.too_deep" {
            type_error(crate::UpdateError::TooDeep { input: name })
        } else {
            type_error(format_args!("{name} is not JSON"))
        }
    })
}

fn json(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("the library's output types serialize")
}

/// `validate(target, payloadUtf8, optionsJson, errorsOnly)`: the report as JSON text in the
/// [`Positional`] form; with `errorsOnly`, of the errors alone (Standard Schema's
/// `validate`, in `pkg/api.js`: no warning uses up the report's limit). The payload comes as
/// the UTF-8 bytes of its JSON text (`TextEncoder`, in `pkg/api.js`): copied into memory at
/// once, where a `&str` is copied a character at a time by the glue's loop.
#[wasm_bindgen]
pub fn validate(
    target_id: &str,
    payload: &[u8],
    options_json: &str,
    errors_only: bool,
) -> Result<String, JsValue> {
    let (target, mut options) = (target(target_id)?, options(options_json)?);
    options.errors_only = errors_only;
    let report = crate::validate_bytes(target, payload, &options);
    Ok(json(&Positional(&report)))
}

/// [`validate`] of a payload given as a string, which the glue writes into memory itself:
/// what `pkg/api.js` uses for long text, so that no second copy of a large document (its
/// UTF-8 bytes in a buffer of their own) is held while the call lasts. The same call on its
/// bytes (which a `str` holds as UTF-8, so they pass the check).
#[wasm_bindgen]
pub fn validate_text(
    target_id: &str,
    payload: &str,
    options_json: &str,
    errors_only: bool,
) -> Result<String, JsValue> {
    validate(target_id, payload.as_bytes(), options_json, errors_only)
}

/// A report as `[valid, [[pointer, path, severity, code, message, params], ...]]`, which
/// `pkg/api.js` turns back into the records: the member names of an issue are written once
/// there rather than in every issue, so there is less text to write, copy and parse (the
/// parse was a fifth of a call with three issues, profiled in Node). Every export that
/// returns issues writes them this way ([`Rows`]), so there is one writer and one reader.
struct Positional<'a>(&'a crate::Report);

impl Serialize for Positional<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.0.valid, Rows(&self.0.issues)).serialize(s)
    }
}

/// Issues as `[[pointer, path, severity, code, message, params], ...]`.
struct Rows<'a>(&'a [crate::Issue]);

impl Serialize for Rows<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for i in self.0 {
            seq.serialize_element(&(
                &i.pointer, &i.path, i.severity, &i.code, &i.message, &i.params,
            ))?;
        }
        seq.end()
    }
}

/// `validateField(target, pointer, payloadJson, optionsJson)`: the issues at or below
/// `pointer`, as [`Rows`]. A pointer that is not one throws the `TypeError`.
#[wasm_bindgen]
#[cfg_attr(channel_rules_pkg, optimize(size))]
pub fn validate_field(
    target_id: &str,
    pointer: &str,
    payload: &str,
    options_json: &str,
) -> Result<String, JsValue> {
    let (target, options) = (target(target_id)?, options(options_json)?);
    let issues =
        crate::validate_field_str(target, pointer, payload, &options).map_err(type_error)?;
    Ok(json(&Rows(&issues)))
}

/// `completeUpdate(currentJson, changesJson, optionsJson)`: `[payload, report]` as JSON
/// text, the report [`Positional`]. Inputs that contradict each other (another channel's id,
/// a rule `current` does not have) throw the `TypeError`, as does text that is not JSON (the
/// caller serialized it).
#[wasm_bindgen]
#[cfg_attr(channel_rules_pkg, optimize(size))]
pub fn complete_update(
    current: &str,
    changes: &str,
    options_json: &str,
) -> Result<String, JsValue> {
    let options = options(options_json)?;
    let (current, changes) = (input(current, "current")?, input(changes, "changes")?);
    let (payload, report) =
        crate::complete_update(&current, &changes, &options).map_err(type_error)?;
    Ok(json(&(payload, Positional(&report))))
}

/// `jsonSchema(target, optionsJson)`: the target's JSON Schema (draft 2020-12) as JSON text.
#[wasm_bindgen]
#[cfg_attr(channel_rules_pkg, optimize(size))]
pub fn json_schema(target_id: &str, options_json: &str) -> Result<String, JsValue> {
    let (target, options) = (target(target_id)?, options(options_json)?);
    Ok(json(&crate::json_schema(target, &options)))
}

/// `describe(target, optionsJson)`: the target's fields as JSON text.
#[wasm_bindgen]
#[cfg_attr(channel_rules_pkg, optimize(size))]
pub fn describe(target_id: &str, options_json: &str) -> Result<String, JsValue> {
    let (target, options) = (target(target_id)?, options(options_json)?);
    Ok(json(&describe_fields(target, &options)))
}

/// Every target id, as a JSON array.
#[wasm_bindgen]
#[cfg_attr(channel_rules_pkg, optimize(size))]
pub fn targets() -> String {
    json(&Target::ALL.iter().map(|t| t.id()).collect::<Vec<_>>())
}

/// Every locale tag, as a JSON array.
#[wasm_bindgen]
#[cfg_attr(channel_rules_pkg, optimize(size))]
pub fn locales() -> String {
    json(&Locale::ALL.iter().map(|l| l.tag()).collect::<Vec<_>>())
}

/// The Yeastar kinds and their credential keys (the provider table), as JSON text.
#[wasm_bindgen]
#[cfg_attr(channel_rules_pkg, optimize(size))]
pub fn kinds() -> String {
    json(&PROVIDERS)
}

/// The code table, as a JSON array of `{code, severity, meaning}`.
#[wasm_bindgen]
#[cfg_attr(channel_rules_pkg, optimize(size))]
pub fn codes() -> String {
    #[derive(Serialize)]
    struct Row {
        code: &'static str,
        severity: &'static str,
        meaning: &'static str,
    }
    json(
        &CODES
            .iter()
            .map(|c| Row {
                code: c.code,
                severity: c.severity,
                meaning: c.meaning,
            })
            .collect::<Vec<_>>(),
    )
}

/// `phoneInfo(input, region)`: what the number metadata says of `input` read with the
/// default region (`""` for none; `UnknownRegion::check` decides).
///
/// The one exception to JSON at the boundary: forms call this on every keystroke, and JSON
/// (`serde_json` here, `JSON.parse` there) cost more than the engine itself (measured with
/// `make bench`), so the answer is one short line that `pkg/api.js` (`phoneFromWire`)
/// slices into the same plain object:
/// - text that reads as a number (valid or not): `V` (valid) or `I`, the region padded
///   with spaces to 3 characters (`GB `, `001`, or 3 spaces for none), the number of
///   digits of the calling code (`1` to `3`), the E.164 form, a space, the type name:
///   `VGB 2+442079460857 FIXED_LINE`;
/// - text that does not: `E` and the parse-error name: `EINVALID_COUNTRY_CODE`.
///
/// A region the metadata does not have (`us`, `XX`, `001`) throws the `TypeError`, as
/// `normalizePhone` does, rather than being read as none.
#[wasm_bindgen]
pub fn phone_info(input: &str, region_code: &str) -> Result<String, JsValue> {
    let region = crate::UnknownRegion::check(Some(region_code)).map_err(type_error)?;
    let number = match phone::parse(input, region) {
        Ok(number) => number,
        Err(e) => return Ok(format!("E{}", e.as_str())),
    };
    let analysis = phone::analyze(&number);
    let region = analysis.region.unwrap_or("");
    let code = number.country_code.to_string();
    let kind = analysis.number_type.as_str();
    let mut line =
        String::with_capacity(8 + code.len() + number.national_number.len() + kind.len());
    line.push(if analysis.valid { 'V' } else { 'I' });
    line.push_str(region);
    line.extend(std::iter::repeat_n(
        ' ',
        3usize.saturating_sub(region.len()),
    ));
    line.push(char::from(b'0' + code.len() as u8));
    line.push('+');
    line.push_str(&code);
    line.push_str(&number.national_number);
    line.push(' ');
    line.push_str(kind);
    Ok(line)
}

/// `normalizePhone(input, region, optionsJson)`: `[value or null, issues]` as JSON text,
/// the issues as [`Rows`]. An unknown region throws the `TypeError`.
#[wasm_bindgen]
#[cfg_attr(channel_rules_pkg, optimize(size))]
pub fn normalize_phone(
    input: &str,
    region_code: &str,
    options_json: &str,
) -> Result<String, JsValue> {
    let locale = options(options_json)?.locale;
    let normalized =
        crate::normalize_phone(input, Some(region_code), locale).map_err(type_error)?;
    Ok(json(&(&normalized.value, Rows(&normalized.issues))))
}

/// Standard base64 of the UTF-8 bytes of `raw`.
#[wasm_bindgen]
#[cfg_attr(channel_rules_pkg, optimize(size))]
pub fn encode_secret(raw: &str) -> String {
    base64::encode(raw)
}

/// The crate's version.
#[wasm_bindgen]
#[cfg_attr(channel_rules_pkg, optimize(size))]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
