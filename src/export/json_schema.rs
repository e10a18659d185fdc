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
use serde_json::{Map, Value};

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
    // The kind the schema is for, when it is for one: part of its `$id`, since the schemas
    // of one target's kinds differ (and a validator holds its schemas by `$id`).
    let kind = match options.channel {
        Some(kind) => Some(kind.id()),
        None if !target.kind_in_payload() => options.current_channel(),
        None => None,
    };
    let mut schema = if target.kind_in_payload() {
        match options.channel {
            Some(kind) => {
                let mut s = w.object(&target.schema(Some(kind.id()), options));
                s["properties"]["channel"] = members(vec![("const", kind.id().into())]);
                s
            }
            None => w.by_kind(target, options),
        }
    } else {
        w.object(&target.schema(kind, options))
    };
    let mut top = Map::new();
    top.insert(
        "$schema".into(),
        "https://json-schema.org/draft/2020-12/schema".into(),
    );
    top.insert(
        "$id".into(),
        // Only a kind the rules know: a current state's `channel` is the caller's text.
        match kind.and_then(|k| k.parse::<Kind>().ok()) {
            Some(kind) => format!("urn:channel-rules:{}:{}", target.id(), kind.id()),
            None => format!("urn:channel-rules:{}", target.id()),
        }
        .into(),
    );
    top.insert("title".into(), target.id().into());
    let mut description = format!(
        "The {} payload, as channel-rules checks it (errors only: warnings are never schema failures).",
        target.id()
    );
    if !w.unsaid.is_empty() {
        description.push_str(" Not expressed here, and checked by the library only: ");
        description.push_str(&w.unsaid.0.join("; "));
        description.push('.');
    }
    top.insert("description".into(), description.into());
    if let Value::Object(m) = &mut schema {
        top.append(m);
    }
    Value::Object(top)
}

/// Writes schemas, noting what they cannot say.
#[derive(Default)]
struct Writer {
    unsaid: Unsaid,
}

/// What the schemas cannot say, each once, in sorted order (a `BTreeSet`'s order, without
/// its code in the wasm package: 1.8 KB).
#[derive(Default)]
struct Unsaid(Vec<&'static str>);

impl Unsaid {
    fn insert(&mut self, what: &'static str) {
        if let Err(at) = self.0.binary_search(&what) {
            self.0.insert(at, what);
        }
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
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
            branches.push(if_then(
                when_const("channel", id),
                members(vec![("$ref", format!("#/$defs/{id}").into())]),
            ));
        }
        members(vec![
            ("type", "object".into()),
            ("required", vec!["channel"].into()),
            (
                "properties",
                members(vec![("channel", members(vec![("enum", ids.into())]))]),
            ),
            ("allOf", branches.into()),
            ("$defs", Value::Object(defs)),
        ])
    }

    #[cfg_attr(channel_rules_pkg, optimize(size))]
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
        s.insert("type".into(), "object".into());
        if !obj.title.is_empty() {
            s.insert("title".into(), obj.title.into());
        }
        s.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            s.insert("required".into(), required.into());
        }
        if obj.unknown == Severity::Error {
            s.insert("additionalProperties".into(), false.into());
        }
        let mut all_of = Vec::new();
        for rule in &obj.rules {
            match rule {
                Rule::RequiredWhen { field, when } => {
                    let values: Vec<Value> = when.any_of.iter().map(|l| l.to_json()).collect();
                    all_of.push(if_then(
                        when_is(when.field, members(vec![("enum", values.into())])),
                        members(vec![("required", vec![*field].into())]),
                    ));
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
                m.insert("description".into(), f.doc.into());
            }
        }
        if f.nullable {
            members(vec![("anyOf", vec![typed("null"), s].into())])
        } else {
            s
        }
    }

    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn shape(&mut self, shape: &Shape) -> Value {
        match shape {
            Shape::Any => members(vec![]),
            Shape::Bool => typed("boolean"),
            Shape::Int(rule) => self.integer(rule),
            Shape::Str(checks) => self.string(checks),
            Shape::Object(obj) => self.object(obj),
            Shape::FreeObject => typed("object"),
            Shape::Array(arr) => self.array(arr),
            Shape::KeyedList(list) => self.keyed(list),
        }
    }

    fn integer(&mut self, rule: &IntRule) -> Value {
        // JSON Schema counts 1.0 as an integer; the library does not.
        self.unsaid
            .insert("that an integer is written without a fraction (1, not 1.0)");
        let mut s = typed("integer");
        if let Some(values) = rule.one_of {
            s["enum"] = values.into();
            return s;
        }
        if let Some(min) = rule.min {
            s["minimum"] = min.into();
        }
        if let Some(max) = rule.max {
            s["maximum"] = max.into();
        }
        s
    }

    /// A string with its checks: each error-level check is one schema in `allOf` (so two
    /// patterns both hold), warnings left out.
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn string(&mut self, checks: &[Checked]) -> Value {
        let mut s = Map::new();
        s.insert("type".into(), "string".into());
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
    #[cfg_attr(channel_rules_pkg, optimize(size))]
    fn check(&mut self, check: &Check) -> Value {
        match check {
            Check::Chars { min, max } => {
                let mut s = members(vec![("minLength", (*min).into())]);
                if *max != usize::MAX {
                    s["maxLength"] = (*max).into();
                }
                s
            }
            // Some character that is not Unicode White_Space, as Rust's `char::is_whitespace`
            // has it (ECMA-262's `\s` would count U+FEFF too).
            Check::NotBlank => pattern(
                "[^\\t\\n\\u000B\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]",
            ),
            Check::OneOf(choices) => members(vec![("enum", choices.to_vec().into())]),
            Check::Digits { min, max } => {
                let max = if *max == usize::MAX {
                    String::new()
                } else {
                    max.to_string()
                };
                pattern(&format!("^[0-9]{{{min},{max}}}$"))
            }
            Check::E164 => {
                self.unsaid.insert(
                    "number validity by libphonenumber's metadata (a warning), beyond the E.164 form",
                );
                // `+`, a first digit 1-9, then the rest of MIN_DIGITS..=MAX_DIGITS digits.
                use crate::checks::phone::{MAX_DIGITS, MIN_DIGITS};
                pattern(&format!(
                    "^\\+[1-9][0-9]{{{},{}}}$",
                    MIN_DIGITS - 1,
                    MAX_DIGITS - 1
                ))
            }
            Check::Base64 { decoded } => {
                self.unsaid
                    .insert("that a base64 credential's last character is canonical");
                for c in decoded {
                    self.warning(&c.check);
                }
                members(vec![
                    ("minLength", 1.into()),
                    (
                        "pattern",
                        "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$".into(),
                    ),
                ])
            }
            Check::HttpsUrl => {
                self.unsaid
                    .insert("that an https:// URL names a valid host and port, without whitespace");
                pattern("^[Hh][Tt][Tt][Pp][Ss]://[^/?#]")
            }
            Check::Pattern(p) => pattern(p.source),
            Check::Uuid => pattern(
                "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
            ),
            Check::DateTime => {
                self.unsaid
                    .insert("that a date-time is a real date and time (2024-02-30 is not)");
                members(vec![
                    ("format", "date-time".into()),
                    (
                        "pattern",
                        "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$".into(),
                    ),
                ])
            }
            Check::Regex => {
                self.unsaid
                    .insert("that a pattern compiles as a regular expression (RE2 syntax)");
                members(vec![])
            }
            Check::AnyOf(alternatives) => {
                let parts: Vec<Value> = alternatives.iter().map(|a| self.check(a)).collect();
                members(vec![("anyOf", parts.into())])
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
        members(vec![
            ("type", "array".into()),
            ("items", self.shape(&arr.items)),
        ])
    }

    /// `account_data`: `{k, v}` items, `k` one of the kind's keys, each key at most once,
    /// every required key present, each value checked as its key says.
    fn keyed(&mut self, list: &KeyedList) -> Value {
        let (k, v) = (list.key_member, list.value_member);
        let mut key = non_empty_string();
        if !list.open {
            key["enum"] = list
                .entries
                .iter()
                .map(|e| e.key)
                .collect::<Vec<_>>()
                .into();
        }
        let per_key: Vec<Value> = list
            .entries
            .iter()
            .filter_map(|e| {
                let value = self.string(&e.value);
                (value.as_object().is_some_and(|m| m.len() > 1)).then(|| {
                    if_then(
                        when_const(k, e.key),
                        members(vec![("properties", members(vec![(v, value)]))]),
                    )
                })
            })
            .collect();
        let mut item = members(vec![
            ("type", "object".into()),
            (
                "properties",
                members(vec![(k, key), (v, non_empty_string())]),
            ),
            ("required", vec![k, v].into()),
            ("additionalProperties", false.into()),
        ]);
        if !per_key.is_empty() {
            item["allOf"] = Value::Array(per_key);
        }
        let mut s = members(vec![("type", "array".into()), ("items", item)]);
        let counts: Vec<Value> = list
            .entries
            .iter()
            .map(|e| {
                members(vec![
                    ("contains", when_const(k, e.key)),
                    ("maxContains", 1.into()),
                    ("minContains", u8::from(e.required).into()),
                ])
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

// What `json!` wrote, as plain functions: the macro serialized each value through serde
// at every one of its 43 uses, inlined; these leave the wasm package 4 KB smaller gzipped
// for the same schemas, byte for byte.

/// An object of these members, in this order.
#[cfg_attr(channel_rules_pkg, optimize(size))]
fn members(members: Vec<(&str, Value)>) -> Value {
    Value::Object(
        members
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

/// `{"type": name}`.
fn typed(name: &str) -> Value {
    members(vec![("type", name.into())])
}

/// `{"pattern": source}`.
fn pattern(source: &str) -> Value {
    members(vec![("pattern", source.into())])
}

/// `{"type": "string", "minLength": 1}`.
fn non_empty_string() -> Value {
    members(vec![("type", "string".into()), ("minLength", 1.into())])
}

/// `{"properties": {member: schema}, "required": [member]}`.
fn when_is(member: &str, schema: Value) -> Value {
    members(vec![
        ("properties", members(vec![(member, schema)])),
        ("required", vec![member].into()),
    ])
}

/// `member` present and equal to `value`.
fn when_const(member: &str, value: &str) -> Value {
    when_is(member, members(vec![("const", value.into())]))
}

/// `{"if": condition, "then": then}`.
fn if_then(condition: Value, then: Value) -> Value {
    members(vec![("if", condition), ("then", then)])
}
