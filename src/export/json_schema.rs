//! JSON Schema (draft 2020-12) of a target's payload, written from the model: one more
//! reader of `schema.rs`, beside the engine and `describe`.
//!
//! What JSON Schema can say is said: types, required members, closed objects in requests,
//! enums, integer bounds, lengths (in code points, as the library counts), patterns, nulls,
//! the conditional rules (`if`/`then`), each kind's credential keys (`contains` with
//! `minContains` for a required key, `maxContains` 1 for every key), and a create payload's
//! kind (an `if`/`then` on `channel` for each kind). What it cannot say is left out and
//! named in the schema's `description`. Warnings are never schema failures, so a schema never
//! rejects a payload the library calls valid (a test holds every fixture to that).

use crate::schema::{ArrayOf, Check, Checked, Field, IntRule, KeyedList, Object, Rule, Shape};
use crate::target::{Options, Target};
use crate::vendors::yeastar::providers::Kind;
use crate::Severity;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

/// The JSON Schema (draft 2020-12) of `target`'s payload under `options`: with a `channel`
/// option, that kind alone; a create payload without it is checked against the kind its
/// own `channel` names.
///
/// ```
/// use channel_rules::{json_schema, Options, Target};
///
/// let schema = json_schema(Target::YeastarMessageChannelCreate, &Options::new());
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert!(schema["description"].as_str().unwrap().contains("number validity"));
/// ```
pub fn json_schema(target: Target, options: &Options) -> Value {
    let mut w = Writer::default();
    let mut schema = if target.kind_in_payload() {
        match options.channel {
            Some(kind) => {
                let mut s = w.object(&target.schema(Some(kind.id()), options));
                s["properties"]["channel"] = json!({ "const": kind.id() });
                s
            }
            None => w.by_kind(target, options),
        }
    } else {
        let channel = match options.channel {
            Some(kind) => Some(kind.id()),
            None => options.current_channel(),
        };
        w.object(&target.schema(channel, options))
    };
    let mut top = Map::new();
    top.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    top.insert(
        "$id".into(),
        json!(format!("urn:channel-rules:{}", target.id())),
    );
    top.insert("title".into(), json!(target.id()));
    let mut description = format!(
        "The {} payload, as channel-rules checks it (errors only: warnings are never schema failures).",
        target.id()
    );
    if !w.unsaid.is_empty() {
        description.push_str(" Not expressed here, and checked by the library only: ");
        description.push_str(&w.unsaid.iter().copied().collect::<Vec<_>>().join("; "));
        description.push('.');
    }
    top.insert("description".into(), json!(description));
    if let Value::Object(m) = &mut schema {
        top.append(m);
    }
    Value::Object(top)
}

/// Writes schemas, noting what they cannot say.
#[derive(Default)]
struct Writer {
    unsaid: BTreeSet<&'static str>,
}

impl Writer {
    /// A create payload: the kind's own schema for each value of `channel`.
    fn by_kind(&mut self, target: Target, options: &Options) -> Value {
        let ids: Vec<&str> = Kind::all().map(Kind::id).collect();
        let mut defs = Map::new();
        let mut branches = Vec::new();
        for id in &ids {
            defs.insert(
                (*id).to_string(),
                self.object(&target.schema(Some(id), options)),
            );
            branches.push(json!({
                "if": { "properties": { "channel": { "const": id } }, "required": ["channel"] },
                "then": { "$ref": format!("#/$defs/{id}") },
            }));
        }
        json!({
            "type": "object",
            "required": ["channel"],
            "properties": { "channel": { "enum": ids } },
            "allOf": branches,
            "$defs": defs,
        })
    }

    fn object(&mut self, obj: &Object) -> Value {
        let mut properties = Map::new();
        let mut required = Vec::new();
        for f in &obj.fields {
            properties.insert(f.name.to_string(), self.field(f));
            if f.required {
                required.push(f.name);
            }
        }
        let mut s = Map::new();
        s.insert("type".into(), json!("object"));
        if !obj.title.is_empty() {
            s.insert("title".into(), json!(obj.title));
        }
        s.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            s.insert("required".into(), json!(required));
        }
        if obj.unknown == Severity::Error {
            s.insert("additionalProperties".into(), json!(false));
        }
        let mut all_of = Vec::new();
        for rule in &obj.rules {
            match rule {
                Rule::RequiredWhen { field, when } => {
                    let values: Vec<Value> = when.any_of.iter().map(|l| l.to_json()).collect();
                    all_of.push(json!({
                        "if": { "properties": { when.field: { "enum": values } }, "required": [when.field] },
                        "then": { "required": [field] },
                    }));
                }
                Rule::Before { .. } => {
                    self.unsaid
                        .insert("that a day's start comes before its end");
                }
                // Warnings only.
                Rule::IgnoredWhen { .. }
                | Rule::IgnoredForKind { .. }
                | Rule::UncheckedWithoutKind { .. } => {}
            }
        }
        if !all_of.is_empty() {
            s.insert("allOf".into(), Value::Array(all_of));
        }
        self.unsaid
            .insert("a member name given twice in one object (an error in requests)");
        Value::Object(s)
    }

    fn field(&mut self, f: &Field) -> Value {
        let mut s = self.shape(&f.shape);
        if !f.doc.is_empty() {
            if let Value::Object(m) = &mut s {
                m.insert("description".into(), json!(f.doc));
            }
        }
        if f.nullable {
            json!({ "anyOf": [{ "type": "null" }, s] })
        } else {
            s
        }
    }

    fn shape(&mut self, shape: &Shape) -> Value {
        match shape {
            Shape::Any => json!({}),
            Shape::Bool => json!({ "type": "boolean" }),
            Shape::Int(rule) => self.integer(rule),
            Shape::Str(checks) => self.string(checks),
            Shape::Object(obj) => self.object(obj),
            Shape::FreeObject => json!({ "type": "object" }),
            Shape::Array(arr) => self.array(arr),
            Shape::KeyedList(list) => self.keyed(list),
        }
    }

    fn integer(&mut self, rule: &IntRule) -> Value {
        // JSON Schema counts 1.0 as an integer; the library does not.
        self.unsaid
            .insert("that an integer is written without a fraction (1, not 1.0)");
        let mut s = json!({ "type": "integer" });
        if let Some(values) = rule.one_of {
            s["enum"] = json!(values);
            return s;
        }
        if let Some(min) = rule.min {
            s["minimum"] = json!(min);
        }
        if let Some(max) = rule.max {
            s["maximum"] = json!(max);
        }
        s
    }

    /// A string with its checks: each error-level check is one schema in `allOf` (so two
    /// patterns both hold), warnings left out.
    fn string(&mut self, checks: &[Checked]) -> Value {
        let mut s = Map::new();
        s.insert("type".into(), json!("string"));
        let mut parts = Vec::new();
        for c in checks {
            if c.severity == Severity::Error {
                parts.push(self.check(&c.check));
            } else {
                self.warning(&c.check);
            }
        }
        let mut parts: Vec<Value> = parts
            .into_iter()
            .filter(|p| p.as_object().is_some_and(|m| !m.is_empty()))
            .collect();
        match parts.len() {
            0 => {}
            1 => {
                if let Value::Object(m) = parts.remove(0) {
                    s.extend(m);
                }
            }
            _ => {
                s.insert("allOf".into(), Value::Array(parts));
            }
        }
        Value::Object(s)
    }

    /// What a warning-level check would have said, noted as unsaid.
    fn warning(&mut self, check: &Check) {
        self.unsaid.insert(match check {
            Check::Digits { .. } => "ids expected to be digits (warnings)",
            Check::Pattern(_) | Check::Uuid => {
                "what a decoded credential should look like (warnings)"
            }
            _ => "checks that are warnings only",
        });
    }

    /// The schema of one error-level string check (no `type`).
    fn check(&mut self, check: &Check) -> Value {
        match check {
            Check::Chars { min, max } => {
                let mut s = json!({ "minLength": min });
                if *max != usize::MAX {
                    s["maxLength"] = json!(max);
                }
                s
            }
            // Some character that is not Unicode White_Space, as Rust's `char::is_whitespace`
            // has it (ECMA-262's `\s` would count U+FEFF too).
            Check::NotBlank => json!({
                "pattern": "[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]"
            }),
            Check::OneOf(choices) => json!({ "enum": choices.to_vec() }),
            Check::Digits { min, max } => {
                let max = if *max == usize::MAX {
                    String::new()
                } else {
                    max.to_string()
                };
                json!({ "pattern": format!("^[0-9]{{{min},{max}}}$") })
            }
            Check::E164 => {
                self.unsaid.insert(
                    "number validity by libphonenumber's metadata (a warning), beyond the E.164 form",
                );
                // `+`, a first digit 1-9, then the rest of MIN_DIGITS..=MAX_DIGITS digits.
                use crate::checks::phone::{MAX_DIGITS, MIN_DIGITS};
                json!({ "pattern": format!("^\\+[1-9][0-9]{{{},{}}}$", MIN_DIGITS - 1, MAX_DIGITS - 1) })
            }
            Check::Base64 { decoded } => {
                self.unsaid
                    .insert("that a base64 credential's last character is canonical");
                for c in decoded {
                    self.warning(&c.check);
                }
                json!({
                    "minLength": 1,
                    "pattern": "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
                })
            }
            Check::HttpsUrl => {
                self.unsaid
                    .insert("that an https:// URL names a valid host and port, without whitespace");
                json!({ "pattern": "^[Hh][Tt][Tt][Pp][Ss]://[^/?#]" })
            }
            Check::Pattern(p) => json!({ "pattern": p.source }),
            Check::Uuid => json!({
                "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"
            }),
            Check::DateTime => {
                self.unsaid
                    .insert("that a date-time is a real date and time (2024-02-30 is not)");
                json!({
                    "format": "date-time",
                    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$",
                })
            }
            Check::Regex => {
                self.unsaid
                    .insert("that a pattern compiles as a regular expression (RE2 syntax)");
                json!({})
            }
            Check::AnyOf(alternatives) => {
                let parts: Vec<Value> = alternatives.iter().map(|a| self.check(a)).collect();
                json!({ "anyOf": parts })
            }
        }
    }

    fn array(&mut self, arr: &ArrayOf) -> Value {
        if !arr.unique.is_empty() {
            self.unsaid
                .insert("that no two items repeat a did_number, a routing rule id or a member");
        }
        if arr.replaced_by_key.is_some() {
            self.unsaid
                .insert("what an update would delete or clear, given the current state (warnings)");
        }
        json!({ "type": "array", "items": self.shape(&arr.items) })
    }

    /// `account_data`: `{k, v}` items, `k` one of the kind's keys, each key at most once,
    /// every required key present, each value checked as its key says.
    fn keyed(&mut self, list: &KeyedList) -> Value {
        let (k, v) = (list.key_member, list.value_member);
        let mut key = json!({ "type": "string", "minLength": 1 });
        if !list.open {
            key["enum"] = json!(list.entries.iter().map(|e| e.key).collect::<Vec<_>>());
        }
        let per_key: Vec<Value> = list
            .entries
            .iter()
            .filter_map(|e| {
                let value = self.string(&e.value);
                (value.as_object().is_some_and(|m| m.len() > 1)).then(|| {
                    json!({
                        "if": { "properties": { k: { "const": e.key } }, "required": [k] },
                        "then": { "properties": { v: value } },
                    })
                })
            })
            .collect();
        let mut item = json!({
            "type": "object",
            "properties": { k: key, v: { "type": "string", "minLength": 1 } },
            "required": [k, v],
            "additionalProperties": false,
        });
        if !per_key.is_empty() {
            item["allOf"] = Value::Array(per_key);
        }
        let mut s = json!({ "type": "array", "items": item });
        let counts: Vec<Value> = list
            .entries
            .iter()
            .map(|e| {
                let mut c = json!({
                    "contains": { "properties": { k: { "const": e.key } }, "required": [k] },
                    "maxContains": 1,
                });
                c["minContains"] = json!(if e.required { 1 } else { 0 });
                c
            })
            .collect();
        if !counts.is_empty() {
            s["allOf"] = Value::Array(counts);
        }
        if list.open {
            self.unsaid
                .insert("the credential keys, when the channel kind is not known");
        }
        s
    }
}
