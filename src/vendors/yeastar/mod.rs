//! Yeastar P-Series PBX OpenAPI.

pub mod livechat;
pub mod message_channel;
pub mod providers;

use crate::schema::{Cond, Lit, Object, Rule};
use crate::target::Options;
use message_channel::Op;
use providers::Kind;
use std::sync::Arc;

/// Both Yeastar destinations (\[001\] `Msg_Routing`, \[vendor\] Live Chat): an extension or a
/// queue needs its id \[decision\], an API destination does not.
pub const DESTINATION_ID_REQUIRED: Rule = Rule::RequiredWhen {
    field: "destination_id",
    when: Cond {
        field: "destination_type",
        any_of: &[Lit::Str("extension"), Lit::Str("queue")],
    },
};

/// The message-channel rules for the kind `channel` names (the payload's `channel` member on
/// create, the current state's on update); on update the `channel` option comes first.
pub fn message_channel(op: Op, channel: Option<&str>, options: &Options) -> Arc<Object> {
    let named = channel.and_then(|s| s.parse::<Kind>().ok());
    let kind = match op {
        Op::Create => named,
        Op::Update => options.channel.or(named),
    };
    message_channel::schema(op, kind, channel.is_some())
}
