//! Yeastar P-Series Live Chat channels: `message_channel/createlivechat` and
//! `updatelivechat` \[vendor\] (the "Add / Edit a Live Chat Channel" pages; FACTS.md).
//!
//! On update only `id` is required; on create `destination_type` and
//! `max_concurrent_call`. The vendor spells the unit `minite`; a user typing `minute` is
//! pointed to it by the usual "did you mean".

use super::message_channel::Op;
use crate::checks::pattern::pattern;
use crate::report::Severity;
use crate::schema::{Check, Cond, Field, IntRule, Lit, Object, Rule, Shape};
use std::sync::{Arc, OnceLock};

/// One row: name, required on create, shape, doc.
type Row = (&'static str, bool, fn() -> Shape, &'static str);

#[rustfmt::skip]
const FIELDS: &[Row] = &[
    ("name", false, || Shape::string([Check::Chars { min: 1, max: 63 }]), "channel name, 1 to 63 characters"),
    ("website_domain", false, || Shape::string([Check::Chars { min: 1, max: 1023 }]), "the website's domain, 1 to 1023 characters"),
    ("communication_method", false, || Shape::Int(IntRule::one_of(&[1, 2])), "1 chat only, 2 call and chat"),
    ("destination_type", true, || Shape::string([Check::one_of(&["extension", "queue", "api"])]), "extension, queue or api"),
    ("destination_id", false, || Shape::Int(IntRule::at_least(1)), "id of the extension or queue (an integer here)"),
    ("enable_webrtc_inbound_call", false, || Shape::Int(IntRule::one_of(&[0, 1])), "accept WebRTC calls: 0 or 1"),
    ("webrtc_trunk_id", false, || Shape::Int(IntRule::at_least(1)), "trunk id, required when WebRTC calls are on"),
    ("webrtc_inbound_route_id", false, || Shape::Int(IntRule::at_least(1)), "inbound route id, required when WebRTC calls are on"),
    ("max_concurrent_call", true, || Shape::Int(IntRule::range(1, 10)), "1 to 10 concurrent calls"),
    ("message_type", false, || Shape::Int(IntRule::one_of(&[1, 2])), "1 text and emoji, 2 text, emoji and images"),
    ("auto_close_session", false, || Shape::Int(IntRule::one_of(&[0, 1])), "close inactive sessions: 0 or 1"),
    ("session_expired_unit", false, || Shape::string([Check::one_of(&["minite", "hour", "day"])]), "minite (sic), hour or day"),
    ("session_expired_time", false, || Shape::Int(IntRule::at_least(1)), "sessions close after this many units"),
    ("theme_mode", false, || Shape::string([Check::one_of(&["light", "dark"])]), "light or dark"),
    ("theme_color", false, || Shape::string([Check::Pattern(pattern!("^#[0-9A-Fa-f]{6}$", "a colour as #RRGGBB"))]), "a colour such as #00DDB3"),
    ("minimize_style", false, || Shape::string([Check::one_of(&["round", "bar"])]), "round or bar"),
    ("chat_icon", false, || Shape::Int(IntRule::range(1, 6)), "icon 1 to 6"),
];

/// The rules for create or update, built once.
pub fn schema(op: Op) -> Arc<Object> {
    static BUILT: [OnceLock<Arc<Object>>; 2] = [const { OnceLock::new() }; 2];
    BUILT[op as usize]
        .get_or_init(|| Arc::new(build(op)))
        .clone()
}

#[cfg_attr(channel_rules_pkg, optimize(size))]
fn build(op: Op) -> Object {
    let mut fields = Vec::new();
    if op == Op::Update {
        fields.push(
            Field::new("id", Shape::Int(IntRule::at_least(1)))
                .required(true)
                .doc("[vendor]", "the Live Chat channel's id"),
        );
    }
    for (name, on_create, shape, doc) in FIELDS {
        fields.push(
            Field::new(name, shape())
                .required(*on_create && op == Op::Create)
                .doc("[vendor]", doc),
        );
    }
    Object {
        title: "Live Chat channel",
        fields,
        unknown: Severity::Error,
        rules: vec![
            super::DESTINATION_ID_REQUIRED,
            Rule::RequiredWhen {
                field: "webrtc_trunk_id",
                when: Cond {
                    field: "enable_webrtc_inbound_call",
                    any_of: &[Lit::Int(1)],
                },
            },
            Rule::RequiredWhen {
                field: "webrtc_inbound_route_id",
                when: Cond {
                    field: "enable_webrtc_inbound_call",
                    any_of: &[Lit::Int(1)],
                },
            },
            Rule::RequiredWhen {
                field: "session_expired_unit",
                when: Cond {
                    field: "auto_close_session",
                    any_of: &[Lit::Int(1)],
                },
            },
        ],
    }
}
