//! TypeScript payload types for the npm package (`pkg/payload.d.ts`), written from the
//! model: `Payload<T>` for every target, a create payload a union discriminated by
//! `channel` (each kind with its own credential keys), nullables as `| null`, integer
//! flags as literal unions. `make docs` writes the file; `cargo test` fails when it
//! differs from the rules.

use crate::schema::{Check, Checked, Choices, IntRule, KeyedList, Object, Shape};
use crate::target::{Options, Target};
use crate::vendors::yeastar::providers::Kind;
use crate::Severity;
use std::fmt::Write;

/// `pkg/payload.d.ts`.
pub fn declarations() -> String {
    let mut s = String::from(
        "// Generated from the rules by `make docs` (src/export/typescript.rs); do not edit.\n\
         // `cargo test` fails when this file and the rules differ.\n\n\
         import type { KindId } from './ids.js';\n",
    );
    let mut map = String::from(
        "\n/** The payload of each target, as the rules describe it. */\nexport interface Payloads {\n",
    );
    for &target in Target::ALL {
        let name = type_name(target.id());
        if target.kind_in_payload() {
            let mut members = Vec::new();
            for kind in Kind::all() {
                let kind_name = format!("{name}{}", type_name(kind.id()));
                let obj = target.schema(Some(kind.id()), &Options::new());
                let _ = write!(
                    s,
                    "\n/** `{}` for a `{}` channel. */\nexport interface {kind_name} {}\n",
                    target.id(),
                    kind.id(),
                    object(&obj, Some(kind), 0)
                );
                members.push(kind_name);
            }
            let _ = write!(
                s,
                "\n/** `{}`: one type per kind, told apart by `channel`. */\nexport type {name} =\n  | {};\n",
                target.id(),
                members.join("\n  | ")
            );
        } else {
            let obj = target.schema(None, &Options::new());
            let _ = write!(
                s,
                "\n/** `{}`{} */\nexport interface {name} {}\n",
                target.id(),
                if target == Target::YeastarMessageChannelUpdate {
                    ": what every kind shares (an update names no kind; `account_data` takes any key)."
                } else {
                    "."
                },
                object(&obj, None, 0)
            );
        }
        let _ = writeln!(map, "  '{}': {name};", target.id());
    }
    map.push_str("}\n\n/** The payload of target `T`: `Payload<'yeastar.message_channel.create'>`. */\nexport type Payload<T extends keyof Payloads> = Payloads[T];\n\n/** Any Yeastar kind's create payload, by kind: `CreatePayload<'twilio'>`. */\nexport type CreatePayload<K extends KindId> = Extract<YeastarMessageChannelCreate, { channel: K }>;\n");
    s.push_str(&map);
    s
}

/// `yeastar.message_channel.create` as `YeastarMessageChannelCreate`.
fn type_name(id: &str) -> String {
    id.split(['.', '_'])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn indent(depth: usize) -> String {
    "  ".repeat(depth)
}

/// An object type; `kind` pins a create's `channel` to its own value.
fn object(obj: &Object, kind: Option<Kind>, depth: usize) -> String {
    let mut s = String::from("{\n");
    for f in &obj.fields {
        let mut t = if f.name == "channel" && kind.is_some() {
            format!("'{}'", kind.map(Kind::id).unwrap_or_default())
        } else {
            shape(&f.shape, depth + 1)
        };
        if f.nullable {
            t.push_str(" | null");
        }
        if !f.doc.is_empty() {
            let _ = writeln!(
                s,
                "{}/** {} */",
                indent(depth + 1),
                f.doc.replace("*/", "* /")
            );
        }
        let _ = writeln!(
            s,
            "{}{}{}: {t};",
            indent(depth + 1),
            f.name,
            if f.required { "" } else { "?" }
        );
    }
    if obj.unknown == Severity::Warning {
        // A response: vendors add fields over time (an unknown one is only a warning).
        let _ = writeln!(s, "{}[member: string]: unknown;", indent(depth + 1));
    }
    s.push_str(&indent(depth));
    s.push('}');
    s
}

fn shape(shape: &Shape, depth: usize) -> String {
    match shape {
        Shape::Any => "unknown".into(),
        Shape::Bool => "boolean".into(),
        Shape::Int(rule) => integer(rule),
        Shape::Str(checks) => string(checks),
        Shape::Object(obj) => object(obj, None, depth),
        Shape::FreeObject => "Record<string, unknown>".into(),
        Shape::Array(arr) => format!("Array<{}>", shape_of(&arr.items, depth)),
        Shape::KeyedList(list) => keyed(list),
    }
}

fn shape_of(s: &Shape, depth: usize) -> String {
    shape(s, depth)
}

fn integer(rule: &IntRule) -> String {
    match rule.one_of {
        Some(values) => values
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(" | "),
        None => "number".into(),
    }
}

/// A string: a literal union when an error-level check fixes its values.
fn string(checks: &[Checked]) -> String {
    for c in checks {
        if let (Check::OneOf(Choices::Fixed(values)), Severity::Error) = (&c.check, c.severity) {
            return values
                .iter()
                .map(|v| format!("'{v}'"))
                .collect::<Vec<_>>()
                .join(" | ");
        }
    }
    "string".into()
}

/// `account_data`: a union of one `{k, v}` type per key of the kind.
fn keyed(list: &KeyedList) -> String {
    let (k, v) = (list.key_member, list.value_member);
    if list.open || list.entries.is_empty() {
        return format!("Array<{{ {k}: string; {v}: string }}>");
    }
    let items: Vec<String> = list
        .entries
        .iter()
        .map(|e| format!("{{ {k}: '{}'; {v}: string }}", e.key))
        .collect();
    format!("Array<{}>", items.join(" | "))
}
