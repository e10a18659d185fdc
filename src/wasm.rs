//! The wasm-bindgen surface that `pkg/` wraps (compiled only for `wasm32`).
//!
//! Every export is thin: read its arguments, call the core, write the answer. Structured
//! values cross the boundary as JSON text, parsed on the JavaScript side by `pkg/api.js`:
//! - the payload is checked exactly as the JSON it would be sent as (`undefined` members
//!   dropped, `1.0` written `1`), through the same `validate_str` the CLI uses;
//! - what comes back is plain objects and arrays (never `Map`s) in exactly the shape
//!   `serde_json` gives the native API, so the two surfaces cannot drift;
//! - no `js-sys` or `serde-wasm-bindgen` in the binary.
//!
//! A caller's mistake (an unknown target, kind or option) throws a JavaScript `TypeError`
//! naming the known values; nothing about the payload ever throws.

use crate::checks::base64;
use crate::codes::CODES;
use crate::schema::describe::describe as describe_fields;
use crate::target::{Locale, Options, Target};
use crate::vendors::yeastar::providers::PROVIDERS;
use serde::Serialize;
use std::fmt::Display;
use wasm_bindgen::prelude::*;

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
    let text = e.to_string();
    let text = match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => &text,
    };
    TypeError::new(text).into()
}

fn target(id: &str) -> Result<Target, JsValue> {
    id.parse().map_err(type_error)
}

/// `options` is JSON text; `""` means none.
fn options(json: &str) -> Result<Options, JsValue> {
    if json.is_empty() {
        return Ok(Options::default());
    }
    serde_json::from_str(json).map_err(type_error)
}

fn json(value: &impl Serialize) -> String {
    serde_json::to_string(value).expect("the library's output types serialize")
}

/// `validate(target, payloadJson, optionsJson)`: the report as JSON text.
#[wasm_bindgen]
pub fn validate(target_id: &str, payload: &str, options_json: &str) -> Result<String, JsValue> {
    let (target, options) = (target(target_id)?, options(options_json)?);
    Ok(json(&crate::validate_str(target, payload, &options)))
}

/// `describe(target, optionsJson)`: the target's fields as JSON text.
#[wasm_bindgen]
pub fn describe(target_id: &str, options_json: &str) -> Result<String, JsValue> {
    let (target, options) = (target(target_id)?, options(options_json)?);
    Ok(json(&describe_fields(target, &options)))
}

/// Every target id, as a JSON array.
#[wasm_bindgen]
pub fn targets() -> String {
    json(&Target::ALL.iter().map(|t| t.id()).collect::<Vec<_>>())
}

/// Every locale tag, as a JSON array.
#[wasm_bindgen]
pub fn locales() -> String {
    json(&Locale::ALL.iter().map(|l| l.tag()).collect::<Vec<_>>())
}

/// The Yeastar kinds and their credential keys (the provider table), as JSON text.
#[wasm_bindgen]
pub fn kinds() -> String {
    json(&PROVIDERS)
}

/// The code table, as a JSON array of `{code, severity, meaning}`.
#[wasm_bindgen]
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

/// Standard base64 of the UTF-8 bytes of `raw`.
#[wasm_bindgen]
pub fn encode_secret(raw: &str) -> String {
    base64::encode(raw)
}

/// The crate's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
