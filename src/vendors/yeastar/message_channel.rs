//! Yeastar P-Series message channels: `POST message_channel/create` \[001\] and
//! `POST message_channel/update` \[000\], for SMS, WhatsApp and Facebook channels.
//!
//! The tables below are RULES.md's "Fields, by kind" and "dids" tables; [`schema`] turns
//! them into the concrete [`Object`] for one operation and one kind (or for an unknown
//! kind: what all kinds share), built once and kept.

use super::providers::{Family, Kind, KIND_IDS, PROVIDERS};
use crate::report::Severity;
use crate::schema::{
    ArrayOf, Check, Checked, Cond, Field, IntRule, KeyedList, Lit, Object, ReplaceKey, Rule, Shape,
    Unique,
};
use std::sync::{Arc, OnceLock};

/// Create or update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `message_channel/create` \[001\].
    Create = 0,
    /// `message_channel/update` \[000\].
    Update = 1,
}

/// How a field exists for one kind: a cell of the "Fields, by kind" table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Avail {
    /// Required on create, optional on update.
    Create,
    /// Required on create, not an update field (`channel`: a channel's kind cannot change).
    CreateRequiredOnly,
    /// Optional on create, not an update field.
    CreateOnly,
    /// Required on update, not a create field.
    Update,
    /// Optional on both.
    Yes,
    /// Not a field of this kind.
    No,
}

impl Avail {
    /// `Some(required)` when the field exists for `op`.
    fn on(self, op: Op) -> Option<bool> {
        use Avail::*;
        match (self, op) {
            (Create | CreateRequiredOnly, Op::Create) => Some(true),
            (Create, Op::Update) => Some(false),
            (CreateOnly | Yes, Op::Create) => Some(false),
            (Update, Op::Update) => Some(true),
            (Yes, Op::Update) => Some(false),
            _ => None,
        }
    }
}

/// What a field's value is; resolved per kind by [`shape`].
#[derive(Debug, Clone, Copy)]
enum Value {
    Id,
    Name,
    WebhookUrlType,
    Channel,
    AccountData,
    AtLeastOne,
    Flag,
    AnyString,
    PhoneNumberId,
    BusinessAccountId,
    Dids,
}

/// One row of the field table: availability in the SMS, WhatsApp and Facebook columns.
struct Row {
    name: &'static str,
    avail: [Avail; 3],
    value: Value,
    source: &'static str,
    doc: &'static str,
}

use Avail::*;

#[rustfmt::skip]
const FIELDS: &[Row] = &[
    Row { name: "id", avail: [Update; 3], value: Value::Id, source: "[000]",
          doc: "the message channel's id, integer >= 1" },
    // [001] "The length must not exceed 127 characters."
    Row { name: "name", avail: [Create; 3], value: Value::Name, source: "[001]",
          doc: "channel name, 1 to 127 characters, not blank" },
    Row { name: "webhook_url_type", avail: [Create; 3], value: Value::WebhookUrlType, source: "[001]",
          doc: "domain type of the webhook URL: fqdn or nat" },
    Row { name: "channel", avail: [CreateRequiredOnly; 3], value: Value::Channel, source: "[001]",
          doc: "the kind: an SMS provider, whatsapp or facebook" },
    Row { name: "account_data", avail: [Create; 3], value: Value::AccountData, source: "[001]",
          doc: "the provider's credentials as {k, v} pairs" },
    Row { name: "send_rate", avail: [Yes, No, No], value: Value::AtLeastOne, source: "[001]",
          doc: "messages per second, integer >= 1" },
    Row { name: "auto_close_session", avail: [Yes; 3], value: Value::Flag, source: "[001]",
          doc: "close inactive sessions: 0 or 1" },
    Row { name: "session_expired_time", avail: [Yes; 3], value: Value::AtLeastOne, source: "[001]",
          doc: "days of inactivity before a session closes, integer >= 1" },
    // [000] lists no enb_duplicate_active_session on update; [001] marks it optional ("0 (default)").
    Row { name: "enb_duplicate_active_session", avail: [CreateOnly, CreateOnly, No], value: Value::Flag, source: "[001]",
          doc: "allow a new session beside an active one: 0 or 1" },
    Row { name: "accompanying_msg", avail: [Yes, No, No], value: Value::AnyString, source: "[001]",
          doc: "text accompanying a chat file; required for Apidaze" },
    Row { name: "phone_number_id", avail: [No, Create, No], value: Value::PhoneNumberId, source: "[001]",
          doc: "WhatsApp phone-number id, 1 to 31 characters" },
    Row { name: "business_account_id", avail: [No, Create, No], value: Value::BusinessAccountId, source: "[001]",
          doc: "WhatsApp business account id, base64, at most 500 characters" },
    Row { name: "dids", avail: [Yes; 3], value: Value::Dids, source: "[001]",
          doc: "routing rules" },
];

/// \[001\] "This parameter is REQUIRED when creating an Apidaze SMS channel."
const ACCOMPANYING_MSG_USED_BY: &[&str] = &["apidaze"];

const DESTINATION_TYPES: &[&str] = &["extension", "queue", "api"];
const MEMBER_TYPES: &[&str] = &["extension", "ext_group", "organization"];
const WEBHOOK_URL_TYPES: &[&str] = &["fqdn", "nat"];
const FLAG: &[i64] = &[0, 1];
const OBJECT_ID: Check = Check::Digits {
    min: 1,
    max: usize::MAX,
};

/// The concrete rules for one operation and kind, built once per process. `None` is a kind
/// not known: `named` when the payload or the current state names one the rules do not
/// have (a typo), otherwise not given at all (an update without the `channel` option or
/// `current`).
pub fn schema(op: Op, kind: Option<Kind>, named: bool) -> Arc<Object> {
    const SLOTS: usize = PROVIDERS.len() + 2;
    static BUILT: [OnceLock<Arc<Object>>; 2 * SLOTS] = [const { OnceLock::new() }; 2 * SLOTS];
    let slot = match kind {
        Some(k) => k.index(),
        None if named => PROVIDERS.len() + 1,
        None => PROVIDERS.len(),
    };
    BUILT[op as usize * SLOTS + slot]
        .get_or_init(|| Arc::new(build(op, kind, named)))
        .clone()
}

/// Availability of a row for a kind; for an unknown kind, the loosest of the three columns.
fn avail_for(row: &Row, op: Op, family: Option<Family>) -> Option<bool> {
    match family {
        Some(f) => row.avail[f as usize].on(op),
        None => {
            let cells: Vec<Option<bool>> = row.avail.iter().map(|a| a.on(op)).collect();
            if cells.iter().all(Option::is_none) {
                None
            } else {
                Some(cells.iter().all(|c| *c == Some(true)))
            }
        }
    }
}

#[cfg_attr(channel_rules_pkg, optimize(size))]
fn build(op: Op, kind: Option<Kind>, named: bool) -> Object {
    let family = kind.map(Kind::family);
    let mut fields = Vec::new();
    for row in FIELDS {
        let Some(mut required) = avail_for(row, op, family) else {
            continue;
        };
        if row.name == "accompanying_msg" && op == Op::Create {
            required = kind.is_some_and(|k| ACCOMPANYING_MSG_USED_BY.contains(&k.id()));
        }
        fields.push(
            Field::new(row.name, shape(row.value, op, kind, named))
                .required(required)
                .doc(row.source, row.doc),
        );
    }
    let mut rules = Vec::new();
    if op == Op::Create {
        // [decision] a session cannot close after "no time": the duration is needed.
        rules.push(Rule::RequiredWhen {
            field: "session_expired_time",
            when: Cond {
                field: "auto_close_session",
                any_of: &[Lit::Int(1)],
            },
        });
    }
    rules.push(Rule::IgnoredWhen {
        field: "session_expired_time",
        when: Cond {
            field: "auto_close_session",
            any_of: &[Lit::Int(0)],
        },
    });
    match kind {
        Some(k) if k.family() == Family::Sms && !ACCOMPANYING_MSG_USED_BY.contains(&k.id()) => {
            rules.push(Rule::IgnoredForKind {
                field: "accompanying_msg",
                kind: k.id(),
                used_by: ACCOMPANYING_MSG_USED_BY,
            });
        }
        None if op == Op::Update => rules.push(Rule::UncheckedWithoutKind {
            field: "account_data",
        }),
        _ => {}
    }
    Object {
        title: match family {
            Some(Family::Sms) => "SMS channel",
            Some(Family::WhatsApp) => "WhatsApp channel",
            Some(Family::Facebook) => "Facebook channel",
            None => "message channel",
        },
        fields,
        unknown: Severity::Error,
        rules,
    }
}

fn shape(value: Value, op: Op, kind: Option<Kind>, named: bool) -> Shape {
    match value {
        Value::Id | Value::AtLeastOne => Shape::Int(IntRule::at_least(1)),
        Value::Flag => Shape::Int(IntRule::one_of(FLAG)),
        Value::Name => Shape::string([Check::Chars { min: 1, max: 127 }, Check::NotBlank]),
        Value::WebhookUrlType => Shape::string([Check::one_of(WEBHOOK_URL_TYPES)]),
        Value::Channel => Shape::string([Check::one_of(KIND_IDS)]),
        Value::AnyString => Shape::Str(vec![]),
        Value::AccountData => Shape::KeyedList(Arc::new(match kind {
            Some(k) => k.credentials(),
            // [decision] A kind named but not known: what is wrong for every kind.
            None if named => super::providers::any_kind_credentials(),
            // [decision] No kind given: only the {k, v} form can be checked.
            None => KeyedList {
                key_member: "k",
                value_member: "v",
                entries: vec![],
                open: true,
                secret: true,
                owner: "",
                vocabulary: super::providers::KEY_NAMES,
            },
        })),
        // [001] "The length must not exceed 31 characters."; [vendor] Meta's ids are numeric.
        Value::PhoneNumberId => Shape::Str(vec![
            Checked::error(Check::Chars { min: 1, max: 31 }),
            Checked::warning(Check::Digits {
                min: 1,
                max: usize::MAX,
            }),
        ]),
        // [001] "passed in Base64-encoded format", "must not exceed 500 characters".
        Value::BusinessAccountId => Shape::Str(vec![
            Checked::error(Check::Chars { min: 1, max: 500 }),
            Checked::error(Check::Base64 {
                decoded: vec![Checked::warning(Check::Digits {
                    min: 1,
                    max: usize::MAX,
                })],
            }),
        ]),
        Value::Dids => Shape::Array(Arc::new(dids(op, kind.map(Kind::family)))),
    }
}

/// \[decision\] A Facebook routing rule's `did_number` is the page id: 1 to 20 ASCII digits.
const FACEBOOK_PAGE_ID: Check = Check::Digits { min: 1, max: 20 };

/// The `Msg_Routing` array of \[001\]/\[000\].
fn dids(op: Op, family: Option<Family>) -> ArrayOf {
    let did_number = match family {
        Some(Family::Sms | Family::WhatsApp) => vec![Checked::error(Check::E164)],
        Some(Family::Facebook) => vec![Checked::error(FACEBOOK_PAGE_ID)],
        // [decision] With the kind unknown, what is wrong for every kind is still wrong.
        None => vec![Checked::error(Check::AnyOf(vec![
            Check::E164,
            FACEBOOK_PAGE_ID,
        ]))],
    };
    let mut fields = Vec::new();
    if op == Op::Update {
        fields.push(Field::new("id", Shape::Int(IntRule::at_least(1))).doc(
            "[000]",
            "id of an existing routing rule; omit for a new one",
        ));
    }
    fields.push(
        Field::new("did_number", Shape::Str(did_number))
            .required(true)
            .doc("[001]", "the DID in E.164 (Facebook: the page id)"),
    );
    fields.push(
        Field::new(
            "destination_type",
            Shape::string([Check::one_of(DESTINATION_TYPES)]),
        )
        .required(true)
        .doc("[001]", "extension, queue or api"),
    );
    fields.push(
        Field::new("destination_id", Shape::string([OBJECT_ID]))
            .cleared_if_omitted()
            .doc("[001]", "id of the extension or queue"),
    );
    if family != Some(Family::Facebook) {
        fields.push(
            Field::new("members", Shape::Array(Arc::new(members())))
                .cleared_if_omitted()
                .doc("[001]", "members allowed to start sessions on this DID"),
        );
    }
    let routing = Object {
        title: "Msg_Routing",
        fields,
        unknown: Severity::Error,
        rules: vec![
            // [decision] the vendor needs to know which extension or queue.
            super::DESTINATION_ID_REQUIRED,
            Rule::IgnoredWhen {
                field: "destination_id",
                when: Cond {
                    field: "destination_type",
                    any_of: &[Lit::Str("api")],
                },
            },
        ],
    };
    ArrayOf {
        items: Shape::Object(Arc::new(routing)),
        unique: vec![
            Unique {
                fields: &["did_number"],
                severity: Severity::Error,
            },
            Unique {
                fields: &["id"],
                severity: Severity::Error,
            },
        ],
        // [000] "partial updates are not supported ... missing entries will be cleared."
        replaced_by_key: (op == Op::Update).then_some(ReplaceKey {
            key: "id",
            label: "did_number",
        }),
    }
}

/// The `Members` array of \[001\].
fn members() -> ArrayOf {
    let member = Object {
        title: "Members",
        fields: vec![
            Field::new("type", Shape::string([Check::one_of(MEMBER_TYPES)]))
                .required(true)
                .doc("[001]", "extension, ext_group or organization"),
            Field::new("value", Shape::string([OBJECT_ID]))
                .required(true)
                .doc("[001]", "the member's id"),
        ],
        unknown: Severity::Error,
        rules: vec![],
    };
    ArrayOf {
        items: Shape::Object(Arc::new(member)),
        unique: vec![Unique {
            fields: &["type", "value"],
            severity: Severity::Warning,
        }],
        replaced_by_key: None,
    }
}
