//! A target's rules as data, for building forms: `describe` in JavaScript.
//!
//! The form in `www/` asks the library which fields a kind of channel has, which are
//! required (and when), which values a select may offer and which credential keys a provider
//! takes, instead of repeating those rules in HTML. Every row is read off the same
//! [`Object`] the engine interprets, so a rule written once in the vendor's table shows up
//! here without being written again.
//!
//! Each [`Check`] and [`Rule`] variant is matched exhaustively: a new kind of check does not
//! compile until this export says how it looks.

use crate::report::{pointer_of, Segment, Severity};
use crate::schema::{Check, Checked, IntRule, KeyedList, Object, Rule, Shape};
use crate::target::{Options, Target};
use serde::Serialize;
use serde_json::Value;

/// One field of a target, in document order (an object's fields before the fields nested
/// in them).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldInfo {
    /// Where the field is: a JSON Pointer in which `-` stands for every item of an array
    /// (`/dids/-/did_number`).
    pub pointer: String,
    /// The same as an array of member names (`["dids", "-", "did_number"]`).
    pub path: Vec<String>,
    /// JSON type: `string`, `integer`, `boolean`, `object`, `array` or `any`.
    #[serde(rename = "type")]
    pub json_type: &'static str,
    /// Whether the member must be present (in its object, when that object is present).
    pub required: bool,
    /// Also required when a sibling has one of the listed values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_when: Option<When>,
    /// Ignored by the vendor when a sibling has one of the listed values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ignored_when: Option<When>,
    /// Ignored by the vendor for the kind described (only `used_by` kinds read it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ignored_for_kind: Option<IgnoredForKind>,
    /// Must sort after a sibling (`HH:MM` times, say) when a condition holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<After>,
    /// Cannot be checked because the kind is not known (name it with the `channel` option).
    #[serde(skip_serializing_if = "is_false")]
    pub unchecked: bool,
    /// `null` is an allowed value.
    #[serde(skip_serializing_if = "is_false")]
    pub nullable: bool,
    /// On an update, omitting the member clears what the channel has.
    #[serde(skip_serializing_if = "is_false")]
    pub cleared_if_omitted: bool,
    /// The checks on the value, in the order they are applied.
    pub checks: Vec<CheckInfo>,
    /// For a list of `{k, v}` pairs (`account_data`): its key set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyed_list: Option<KeyedListInfo>,
    /// Where the rule comes from (`[001]`, `[decision]`).
    pub source: &'static str,
    /// One line for a form hint.
    pub doc: &'static str,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// "Sibling `field` is one of `is`."
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct When {
    /// The sibling member.
    pub field: &'static str,
    /// The values that make the condition true.
    pub is: Vec<Value>,
}

/// A member that the described kind does not use.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IgnoredForKind {
    /// The kind described.
    pub channel: &'static str,
    /// The kinds that use the member.
    pub used_by: &'static [&'static str],
}

/// A member whose value must come after a sibling's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct After {
    /// The sibling that comes first.
    pub field: &'static str,
    /// When the order applies.
    pub when: When,
}

/// One check on a value and the severity of its findings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckInfo {
    /// The check and its parameters (`{"check": "chars", "min": 1, "max": 127}`).
    #[serde(flatten)]
    pub check: CheckKind,
    /// `error`, or `warning` for a plausibility check.
    pub severity: Severity,
}

/// The checks of `schema.rs`, as data; `max` is left out when there is no limit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "check", rename_all = "snake_case")]
#[non_exhaustive]
pub enum CheckKind {
    /// Length in Unicode characters.
    Chars {
        /// Fewest.
        min: usize,
        /// Most.
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<usize>,
    },
    /// Not only whitespace.
    NotBlank,
    /// One of the listed strings.
    OneOf {
        /// The allowed values.
        allowed: Vec<String>,
    },
    /// ASCII digits only.
    Digits {
        /// Fewest.
        min: usize,
        /// Most.
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<usize>,
    },
    /// An E.164 number.
    E164,
    /// Standard base64; `decoded` applies to the decoded text.
    Base64 {
        /// Checks on the decoded text.
        decoded: Vec<CheckInfo>,
    },
    /// An absolute `https://` URL.
    HttpsUrl,
    /// A regular expression.
    Pattern {
        /// The expression.
        pattern: &'static str,
        /// What a matching value is, in words.
        describes: &'static str,
    },
    /// A hyphenated UUID.
    Uuid,
    /// An RFC 3339 date-time.
    DateTime,
    /// A regular expression that compiles.
    Regex,
    /// An integer's bounds or allowed values.
    Integer {
        /// Smallest.
        #[serde(skip_serializing_if = "Option::is_none")]
        min: Option<i64>,
        /// Largest.
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<i64>,
        /// The only allowed values.
        #[serde(skip_serializing_if = "Option::is_none")]
        allowed: Option<&'static [i64]>,
    },
    /// Any one of the checks (the first one's findings when none passes).
    AnyOf {
        /// The alternatives.
        any_of: Vec<CheckInfo>,
    },
}

/// The key set of a list of `{k, v}` pairs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyedListInfo {
    /// Name of the key member (`k`).
    pub key_member: &'static str,
    /// Name of the value member (`v`).
    pub value_member: &'static str,
    /// Any key is accepted (the kind is not known).
    pub open: bool,
    /// The values are credentials: mask them, never echo them.
    pub secret: bool,
    /// The keys, required ones first, in the vendor's order.
    pub keys: Vec<KeyInfo>,
}

/// One key of a keyed list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyInfo {
    /// The key.
    pub key: &'static str,
    /// Whether the list must contain it.
    pub required: bool,
    /// The checks on its value (`base64`: encode the raw secret; `https_url`: plain).
    pub checks: Vec<CheckInfo>,
}

/// The fields of `target` under `options`. The `channel` option names the kind for a
/// create as well as an update (a create payload normally carries it itself); without a
/// kind, the fields are those every kind shares.
///
/// ```
/// use channel_rules::describe::describe;
/// use channel_rules::{Options, Target};
///
/// let options = Options::new().with_channel("twilio".parse().unwrap());
/// let fields = describe(Target::YeastarMessageChannelCreate, &options);
/// let account_data = fields.iter().find(|f| f.pointer == "/account_data").unwrap();
/// let keys: Vec<&str> = account_data.keyed_list.as_ref().unwrap().keys.iter().map(|k| k.key).collect();
/// assert_eq!(keys, ["account_sid", "auth_token"]);
/// assert!(fields.iter().any(|f| f.pointer == "/dids/-/did_number" && f.required));
/// ```
#[cfg_attr(channel_rules_pkg, optimize(size))]
pub fn describe(target: Target, options: &Options) -> Vec<FieldInfo> {
    let mut out = Vec::new();
    let channel = match options.channel {
        Some(kind) => Some(kind.id()),
        None => options.current_channel(),
    };
    object(&target.schema(channel, options), &[], &mut out);
    out
}

#[cfg_attr(channel_rules_pkg, optimize(size))]
fn object(obj: &Object, at: &[Segment], out: &mut Vec<FieldInfo>) {
    let mut own = Vec::with_capacity(obj.fields.len());
    for f in &obj.fields {
        let path = child(at, f.name);
        own.push((f.name, out.len()));
        let mut info = row(&path, &f.shape, f.required, f.source, f.doc);
        info.nullable = f.nullable;
        info.cleared_if_omitted = f.cleared_if_omitted;
        out.push(info);
        children(&f.shape, &path, out);
    }
    for rule in &obj.rules {
        let field = match rule {
            Rule::RequiredWhen { field, .. }
            | Rule::IgnoredWhen { field, .. }
            | Rule::IgnoredForKind { field, .. }
            | Rule::UncheckedWithoutKind { field } => field,
            Rule::Before { then, .. } => then,
        };
        let Some(&(_, i)) = own.iter().find(|(name, _)| name == field) else {
            continue;
        };
        let info = &mut out[i];
        match rule {
            Rule::RequiredWhen { when, .. } => info.required_when = Some(when_of(when)),
            Rule::IgnoredWhen { when, .. } => info.ignored_when = Some(when_of(when)),
            Rule::IgnoredForKind { kind, used_by, .. } => {
                info.ignored_for_kind = Some(IgnoredForKind {
                    channel: kind,
                    used_by,
                })
            }
            Rule::Before { first, when, .. } => {
                info.after = Some(After {
                    field: first,
                    when: when_of(when),
                })
            }
            Rule::UncheckedWithoutKind { .. } => info.unchecked = true,
        }
    }
}

fn children(shape: &Shape, at: &[Segment], out: &mut Vec<FieldInfo>) {
    match shape {
        Shape::Object(o) => object(o, at, out),
        Shape::Array(a) => {
            let item = child(at, "-");
            if let Shape::Object(o) = &a.items {
                object(o, &item, out);
            } else {
                out.push(row(&item, &a.items, true, "", ""));
                children(&a.items, &item, out);
            }
        }
        Shape::Any
        | Shape::Bool
        | Shape::Int(_)
        | Shape::Str(_)
        | Shape::KeyedList(_)
        | Shape::FreeObject => {}
    }
}

fn child(at: &[Segment], name: &str) -> Vec<Segment> {
    let mut path = at.to_vec();
    path.push(Segment::Key(name.to_string()));
    path
}

#[cfg_attr(channel_rules_pkg, optimize(size))]
fn row(
    path: &[Segment],
    shape: &Shape,
    required: bool,
    source: &'static str,
    doc: &'static str,
) -> FieldInfo {
    let (checks, keyed_list) = match shape {
        Shape::Str(checks) => (checks.iter().map(check_info).collect(), None),
        Shape::Int(rule) => (vec![integer(rule)], None),
        Shape::KeyedList(list) => (Vec::new(), Some(keyed(list))),
        Shape::Any | Shape::Bool | Shape::Object(_) | Shape::FreeObject | Shape::Array(_) => {
            (Vec::new(), None)
        }
    };
    FieldInfo {
        pointer: pointer_of(path),
        path: path
            .iter()
            .map(|s| match s {
                Segment::Key(k) => k.clone(),
                Segment::Index(i) => i.to_string(),
            })
            .collect(),
        json_type: shape.type_name(),
        required,
        required_when: None,
        ignored_when: None,
        ignored_for_kind: None,
        after: None,
        unchecked: false,
        nullable: false,
        cleared_if_omitted: false,
        checks,
        keyed_list,
        source,
        doc,
    }
}

fn when_of(c: &crate::schema::Cond) -> When {
    When {
        field: c.field,
        is: c.any_of.iter().map(|l| l.to_json()).collect(),
    }
}

fn limit(max: usize) -> Option<usize> {
    (max != usize::MAX).then_some(max)
}

#[cfg_attr(channel_rules_pkg, optimize(size))]
fn check_info(c: &Checked) -> CheckInfo {
    let check = match &c.check {
        Check::Chars { min, max } => CheckKind::Chars {
            min: *min,
            max: limit(*max),
        },
        Check::NotBlank => CheckKind::NotBlank,
        Check::OneOf(allowed) => CheckKind::OneOf {
            allowed: allowed.to_vec(),
        },
        Check::Digits { min, max } => CheckKind::Digits {
            min: *min,
            max: limit(*max),
        },
        Check::E164 => CheckKind::E164,
        Check::Base64 { decoded } => CheckKind::Base64 {
            decoded: decoded.iter().map(check_info).collect(),
        },
        Check::HttpsUrl => CheckKind::HttpsUrl,
        Check::Pattern(p) => CheckKind::Pattern {
            pattern: p.source,
            describes: p.describes,
        },
        Check::Uuid => CheckKind::Uuid,
        Check::DateTime => CheckKind::DateTime,
        Check::Regex => CheckKind::Regex,
        Check::AnyOf(alternatives) => CheckKind::AnyOf {
            any_of: alternatives
                .iter()
                .map(|a| {
                    check_info(&Checked {
                        check: a.clone(),
                        severity: c.severity,
                    })
                })
                .collect(),
        },
    };
    CheckInfo {
        check,
        severity: c.severity,
    }
}

fn integer(rule: &IntRule) -> CheckInfo {
    CheckInfo {
        check: CheckKind::Integer {
            min: rule.min,
            max: rule.max,
            allowed: rule.one_of,
        },
        severity: Severity::Error,
    }
}

#[cfg_attr(channel_rules_pkg, optimize(size))]
fn keyed(list: &KeyedList) -> KeyedListInfo {
    KeyedListInfo {
        key_member: list.key_member,
        value_member: list.value_member,
        open: list.open,
        secret: list.secret,
        keys: list
            .entries
            .iter()
            .map(|e| KeyInfo {
                key: e.key,
                required: e.required,
                checks: e.value.iter().map(check_info).collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(target: Target, channel: Option<&str>) -> Vec<FieldInfo> {
        let options = Options {
            channel: channel.map(|c| c.parse().unwrap()),
            ..Options::default()
        };
        describe(target, &options)
    }

    fn pointers(f: &[FieldInfo]) -> Vec<&str> {
        f.iter().map(|f| f.pointer.as_str()).collect()
    }

    #[test]
    fn whatsapp_create_has_its_own_fields() {
        let f = fields(Target::YeastarMessageChannelCreate, Some("whatsapp"));
        let p = pointers(&f);
        assert!(p.contains(&"/phone_number_id"));
        assert!(p.contains(&"/dids/-/members/-/type"));
        assert!(!p.contains(&"/send_rate"));
        let phone = f.iter().find(|f| f.pointer == "/phone_number_id").unwrap();
        assert!(phone.required);
    }

    #[test]
    fn facebook_routing_rules_have_no_members() {
        let f = fields(Target::YeastarMessageChannelCreate, Some("facebook"));
        assert!(!pointers(&f).iter().any(|p| p.contains("members")));
    }

    #[test]
    fn rules_attach_to_their_fields() {
        let f = fields(Target::YeastarMessageChannelCreate, Some("twilio"));
        let get = |p: &str| f.iter().find(|f| f.pointer == p).unwrap();
        assert_eq!(
            get("/dids/-/destination_id").required_when,
            Some(When {
                field: "destination_type",
                is: vec![json!("extension"), json!("queue")]
            })
        );
        assert_eq!(
            get("/accompanying_msg").ignored_for_kind,
            Some(IgnoredForKind {
                channel: "twilio",
                used_by: &["apidaze"]
            })
        );
        let apidaze = fields(Target::YeastarMessageChannelCreate, Some("apidaze"));
        let msg = apidaze
            .iter()
            .find(|f| f.pointer == "/accompanying_msg")
            .unwrap();
        assert!(msg.required && msg.ignored_for_kind.is_none());
    }

    #[test]
    fn json_shape_for_forms() {
        let f = fields(Target::YeastarMessageChannelCreate, Some("general"));
        let v = serde_json::to_value(&f).unwrap();
        let row = |p: &str| {
            v.as_array()
                .unwrap()
                .iter()
                .find(|r| r["pointer"] == p)
                .unwrap()
                .clone()
        };
        assert_eq!(
            row("/name"),
            json!({"pointer": "/name", "path": ["name"], "type": "string", "required": true,
                "checks": [{"check": "chars", "min": 1, "max": 127, "severity": "error"},
                           {"check": "not_blank", "severity": "error"}],
                "source": "[001]", "doc": "channel name, 1 to 127 characters, not blank"})
        );
        let account = row("/account_data");
        assert_eq!(account["keyed_list"]["keys"][0]["key"], "api_key");
        assert_eq!(
            account["keyed_list"]["keys"][0]["checks"][0]["check"],
            "base64"
        );
        assert_eq!(
            account["keyed_list"]["keys"][1]["checks"][0]["check"],
            "https_url"
        );
        assert_eq!(account["keyed_list"]["keys"][2]["required"], false);
        assert_eq!(
            row("/auto_close_session")["checks"],
            json!([{"check": "integer", "allowed": [0, 1], "severity": "error"}])
        );
    }

    #[test]
    fn update_without_kind_marks_credentials_unchecked() {
        let f = fields(Target::YeastarMessageChannelUpdate, None);
        let account = f.iter().find(|f| f.pointer == "/account_data").unwrap();
        assert!(account.unchecked);
        assert!(account.keyed_list.as_ref().unwrap().open);
        assert!(f.iter().any(|f| f.pointer == "/id" && f.required));
    }
}
