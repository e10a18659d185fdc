//! The rules reference, `docs/RULES.md`, written from the model through
//! [`describe`](crate::describe) (one more reader of the same rules): every target, field,
//! check, limit, condition and credential key, with each rule's source. `make docs` writes
//! it; `cargo test` fails when the file differs.

use crate::describe::{describe, CheckInfo, CheckKind, FieldInfo, When};
use crate::target::{Options, Target};
use crate::vendors::yeastar::providers::{Family, Kind, PROVIDERS};
use crate::Severity;
use serde_json::Value;
use std::fmt::Write;

/// `docs/RULES.md`.
pub fn markdown() -> String {
    let mut s = String::from(
        "# Rules reference\n\n\
         Every rule `channel-rules` checks, target by target, written from the rules themselves \
         (`make docs`; `cargo test` fails when this file and the rules differ). A rule's source \
         is the vendor page it comes from (`[001]` Yeastar's \"Add a Message Channel\", \
         `[000]` \"Edit a Message Channel\", `[002]` Healthing's \"Update Channel\", `[003]` \
         Bird's \"Channels management\"), `[vendor]` for the vendor's other public pages, and \
         `[decision]` where the pages are silent or contradict themselves and the library \
         chose, so that a form or a backend catches the mistake before the vendor does.\n\n\
         A pointer's `-` stands for every item of an array. Lengths are counted in Unicode \
         characters. A check marked *(warning)* reports a likely mistake the vendor would \
         still accept; everything else is an error. Issue codes are in [CODES.md](CODES.md).\n",
    );
    for &target in Target::ALL {
        let _ = write!(s, "\n## `{}`\n", target.id());
        match target {
            Target::YeastarMessageChannelCreate | Target::YeastarMessageChannelUpdate => {
                s.push_str(
                    "\nThe fields depend on the kind (`channel`: an SMS provider, `whatsapp` or \
                     `facebook`); the SMS providers differ only in their credential keys \
                     (below).",
                );
                if target == Target::YeastarMessageChannelUpdate {
                    s.push_str(
                        " An update has no `channel`: the kind is the `channel` option or the \
                         `channel` of the `current` state.",
                    );
                }
                s.push('\n');
                for (title, kind) in [
                    ("SMS channels", "general"),
                    ("WhatsApp channels", "whatsapp"),
                    ("Facebook channels", "facebook"),
                ] {
                    let kind: Kind = kind.parse().expect("a kind of the table");
                    let _ = write!(s, "\n### {title}\n\n");
                    table(
                        &mut s,
                        &describe(target, &Options::new().with_channel(kind)),
                    );
                }
                s.push_str("\n### Kind not known\n\nWhat every kind shares: an unknown `channel` is an error, and the rest is checked as below.\n\n");
                table(&mut s, &describe(target, &Options::new()));
                if target == Target::YeastarMessageChannelCreate {
                    credentials(&mut s);
                }
            }
            _ => {
                s.push('\n');
                table(&mut s, &describe(target, &Options::new()));
            }
        }
    }
    s
}

fn table(s: &mut String, fields: &[FieldInfo]) {
    s.push_str("| field | type | required | checks | notes | source |\n| --- | --- | --- | --- | --- | --- |\n");
    for f in fields {
        let required = if f.required { "yes" } else { "" };
        let checks = f
            .checks
            .iter()
            .map(check)
            .chain(f.keyed_list.as_ref().map(|k| {
                if k.open {
                    format!("`{}`/`{}` items, any key", k.key_member, k.value_member)
                } else {
                    let keys: Vec<String> = k
                        .keys
                        .iter()
                        .map(|key| {
                            format!(
                                "`{}`{}",
                                key.key,
                                if key.required { "" } else { " (optional)" }
                            )
                        })
                        .collect();
                    format!(
                        "`{}`/`{}` items, keys {}, each once",
                        k.key_member,
                        k.value_member,
                        keys.join(", ")
                    )
                }
            }))
            .collect::<Vec<_>>()
            .join("; ");
        let mut notes = Vec::new();
        if let Some(w) = &f.required_when {
            notes.push(format!("required when {}", when(w)));
        }
        if let Some(w) = &f.ignored_when {
            notes.push(format!("ignored when {} (warning)", when(w)));
        }
        if let Some(k) = &f.ignored_for_kind {
            notes.push(format!(
                "ignored for {}: only {} use it (warning)",
                k.channel,
                k.used_by.join(", ")
            ));
        }
        if let Some(a) = &f.after {
            notes.push(format!("after `{}` when {}", a.field, when(&a.when)));
        }
        if f.nullable {
            notes.push("may be `null`".into());
        }
        if f.unchecked {
            notes.push("not checked without the kind (warning)".into());
        }
        if f.cleared_if_omitted {
            notes.push("an update that omits it clears it (warning, with `current`)".into());
        }
        if !f.doc.is_empty() {
            notes.push(f.doc.to_string());
        }
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} | {} | {} |",
            f.pointer,
            f.json_type,
            required,
            cell(&checks),
            cell(&notes.join("; ")),
            f.source.replace('[', "\\[").replace(']', "\\]")
        );
    }
}

/// Credential keys and what their values must be, by provider.
fn credentials(s: &mut String) {
    s.push_str("\n### Credentials (`account_data`) by kind\n\n| kind | family | required keys | optional keys |\n| --- | --- | --- | --- |\n");
    for p in PROVIDERS {
        let keys = |k: &[&str]| {
            k.iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let family = match p.family {
            Family::Sms => "SMS",
            Family::WhatsApp => "WhatsApp",
            Family::Facebook => "Facebook",
        };
        let _ = writeln!(
            s,
            "| `{}` ({}) | {family} | {} | {} |",
            p.id,
            p.label,
            keys(p.required),
            keys(p.optional)
        );
    }
    s.push_str("\nThe value of each key, as the create page says (\\[001\\]):\n\n| key | value |\n| --- | --- |\n");
    let mut seen = Vec::new();
    for kind in Kind::all() {
        for f in describe(
            Target::YeastarMessageChannelCreate,
            &Options::new().with_channel(kind),
        ) {
            for key in f.keyed_list.iter().flat_map(|k| &k.keys) {
                if !seen.contains(&key.key) {
                    seen.push(key.key);
                    let checks: Vec<String> = key.checks.iter().map(check).collect();
                    let _ = writeln!(s, "| `{}` | {} |", key.key, cell(&checks.join("; ")));
                }
            }
        }
    }
}

fn when(w: &When) -> String {
    let values: Vec<String> = w.is.iter().map(literal).collect();
    format!("`{}` is {}", w.field, values.join(" or "))
}

fn literal(v: &Value) -> String {
    match v {
        Value::String(s) => format!("`{s}`"),
        other => format!("`{other}`"),
    }
}

/// A check in words.
fn check(c: &CheckInfo) -> String {
    let words = match &c.check {
        CheckKind::Chars { min, max } => match max {
            Some(max) => format!("{min} to {max} characters"),
            None => format!(
                "at least {min} character{}",
                if *min == 1 { "" } else { "s" }
            ),
        },
        CheckKind::NotBlank => "not only whitespace".into(),
        CheckKind::OneOf { allowed } => format!(
            "one of {}",
            allowed
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        CheckKind::Digits { min, max } => match max {
            Some(max) if max == min => format!("{min} ASCII digits"),
            Some(max) => format!("{min} to {max} ASCII digits"),
            None => "ASCII digits".into(),
        },
        CheckKind::E164 => {
            use crate::checks::phone::{MAX_DIGITS, MIN_DIGITS};
            format!("E.164: `+` and {MIN_DIGITS} to {MAX_DIGITS} digits, the first not 0; a number the numbering metadata says cannot be valid is a warning")
        }
        CheckKind::Base64 { decoded } => {
            let mut w = "standard base64 (RFC 4648 section 4, `=` padding)".to_string();
            let then: Vec<String> = decoded.iter().map(check).collect();
            if !then.is_empty() {
                let _ = write!(w, ", decoded: {}", then.join("; "));
            }
            w
        }
        CheckKind::HttpsUrl => "an absolute `https://` URL with a host".into(),
        CheckKind::Pattern { pattern, describes } => format!("{describes} (`{pattern}`)"),
        CheckKind::Uuid => "a hyphenated UUID".into(),
        CheckKind::DateTime => "an RFC 3339 date-time".into(),
        CheckKind::Regex => {
            "a regular expression that compiles (RE2 syntax), at most 1,024 characters".into()
        }
        CheckKind::Integer { min, max, allowed } => match (allowed, min, max) {
            (Some(a), _, _) => format!(
                "one of {}",
                a.iter()
                    .map(|v| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            (None, Some(lo), Some(hi)) => format!("{lo} to {hi}"),
            (None, Some(lo), None) => format!("at least {lo}"),
            (None, None, Some(hi)) => format!("at most {hi}"),
            (None, None, None) => "any integer".into(),
        },
        CheckKind::AnyOf { any_of } => any_of.iter().map(check).collect::<Vec<_>>().join(", or "),
    };
    if c.severity == Severity::Warning {
        format!("{words} *(warning)*")
    } else {
        words
    }
}

/// Text for a table cell: pipes escaped.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}
