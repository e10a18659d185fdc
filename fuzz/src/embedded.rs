//! The fixtures' bases and the bundled examples, compiled in: real payloads for the
//! structure-aware target to start from, and the `current` of header mode 1.

use channel_rules::Target;
use serde_json::{Map, Value};
use std::sync::OnceLock;

const BASES: &str = include_str!("../../tests/fixtures/bases.json");

/// (file, target) of every bundled example.
const EXAMPLES: &[(&str, Target)] = &[
    (
        include_str!("../../examples/yeastar/create-general-sms.json"),
        Target::YeastarMessageChannelCreate,
    ),
    (
        include_str!("../../examples/yeastar/create-whatsapp.json"),
        Target::YeastarMessageChannelCreate,
    ),
    (
        include_str!("../../examples/yeastar/create-facebook.json"),
        Target::YeastarMessageChannelCreate,
    ),
    (
        include_str!("../../examples/yeastar/create-twilio-with-mistakes.json"),
        Target::YeastarMessageChannelCreate,
    ),
    (
        include_str!("../../examples/yeastar/update-sms.json"),
        Target::YeastarMessageChannelUpdate,
    ),
    (
        include_str!("../../examples/yeastar/livechat-create.json"),
        Target::YeastarLivechatCreate,
    ),
    (
        include_str!("../../examples/healthing/channel-update.json"),
        Target::HealthingChannelUpdate,
    ),
    (
        include_str!("../../examples/healthing/channel.json"),
        Target::HealthingChannel,
    ),
    (
        include_str!("../../examples/bird/channel.json"),
        Target::BirdChannel,
    ),
    (
        include_str!("../../examples/bird/channel-list.json"),
        Target::BirdChannelList,
    ),
    (
        include_str!("../../examples/bird/channel-contact.json"),
        Target::BirdChannelContact,
    ),
];

/// The target a base of `bases.json` is written for.
fn target_of_base(name: &str) -> Target {
    match name {
        n if n.starts_with("livechat") => Target::YeastarLivechatCreate,
        n if n.starts_with("healthing") => Target::HealthingChannel,
        n if n.starts_with("bird") => Target::BirdChannel,
        n if n.ends_with("_update") || n.ends_with("_current") => {
            Target::YeastarMessageChannelUpdate
        }
        _ => Target::YeastarMessageChannelCreate,
    }
}

fn bases() -> &'static Map<String, Value> {
    static B: OnceLock<Map<String, Value>> = OnceLock::new();
    B.get_or_init(|| serde_json::from_str(BASES).expect("bases.json is JSON"))
}

/// A base of `tests/fixtures/bases.json` by name.
pub fn base(name: &str) -> &'static Value {
    &bases()[name]
}

/// Every real payload: the bases and the examples, each with its target.
pub fn payloads() -> &'static [(Target, Value)] {
    static P: OnceLock<Vec<(Target, Value)>> = OnceLock::new();
    P.get_or_init(|| {
        let mut out: Vec<(Target, Value)> = bases()
            .iter()
            .map(|(n, v)| (target_of_base(n), v.clone()))
            .collect();
        for (text, t) in EXAMPLES {
            out.push((*t, serde_json::from_str(text).expect("examples are JSON")));
        }
        out
    })
}
