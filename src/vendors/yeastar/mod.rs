//! Yeastar P-Series PBX OpenAPI.

pub mod livechat;
pub mod message_channel;
pub mod providers;

use crate::schema::{Cond, Lit, Object, Rule};
use crate::target::Options;
use message_channel::Op;
use providers::Kind;
use serde_json::Value;
use std::sync::Arc;

/// Both Yeastar destinations ([001] `Msg_Routing`, [vendor] Live Chat): an extension or a
/// queue needs its id [decision], an API destination does not.
pub const DESTINATION_ID_REQUIRED: Rule = Rule::RequiredWhen {
    field: "destination_id",
    when: Cond {
        field: "destination_type",
        any_of: &[Lit::Str("extension"), Lit::Str("queue")],
    },
};

/// The message-channel rules: the kind is the payload's `channel` member on create; on
/// update the `channel` option, else the `channel` of the `current` state.
pub fn message_channel(op: Op, channel: Option<&str>, options: &Options) -> Arc<Object> {
    let named = |s: Option<&str>| s.and_then(|s| s.parse::<Kind>().ok());
    let kind = match op {
        Op::Create => named(channel),
        Op::Update => options.channel.or_else(|| {
            named(
                options
                    .current
                    .as_ref()
                    .and_then(|c| c.get("channel"))
                    .and_then(Value::as_str),
            )
        }),
    };
    message_channel::schema(op, kind)
}
