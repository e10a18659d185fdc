//! `complete_update` loses nothing: over generated current states and random partial
//! changes, the body never makes the report warn of a deleted routing rule except those
//! the changes deleted explicitly, never of a cleared member, and carries the changes' own
//! members exactly and every other known member as it is now.

use channel_rules::{complete_update, Options};
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

const KINDS: &[&str] = &["twilio", "general", "whatsapp", "facebook"];

fn routing_rule(
    id: u64,
    number: String,
    destination: usize,
    destination_id: u32,
    members: Option<Vec<(usize, u32)>>,
    with_api_id: bool,
) -> Value {
    let types = ["extension", "queue", "api"];
    let mut r = json!({"id": id, "did_number": number, "destination_type": types[destination]});
    if destination < 2 || with_api_id {
        r["destination_id"] = json!(destination_id.to_string());
    }
    if let Some(m) = members {
        let member_types = ["extension", "ext_group", "organization"];
        r["members"] = m
            .into_iter()
            .map(|(t, v)| json!({"type": member_types[t], "value": v.to_string()}))
            .collect();
    }
    r
}

fn number(kind: &str, n: u32) -> String {
    if kind == "facebook" {
        format!("10485730{n:04}")
    } else {
        format!("+1212555{n:04}")
    }
}

/// A current state: the channel as the PBX returns it (read-only members too).
fn current() -> impl Strategy<Value = Value> {
    (
        0..KINDS.len(),
        1u64..1000,
        "[A-Za-z][A-Za-z0-9 ]{0,20}",
        any::<bool>(),
        prop::collection::btree_set(1u64..60, 0..6),
        prop::collection::vec(
            (
                0usize..3,
                1u32..999,
                prop::option::of(prop::collection::vec((0usize..3, 1u32..999), 0..3)),
                any::<bool>(),
            ),
            6,
        ),
    )
        .prop_map(|(k, id, name, closes, ids, rules)| {
            let kind = KINDS[k];
            let dids: Vec<Value> = ids
                .iter()
                .zip(rules)
                .enumerate()
                .map(|(i, (&rid, (d, did, members, api_id)))| {
                    let members = if kind == "facebook" { None } else { members };
                    routing_rule(rid, number(kind, i as u32), d, did, members, api_id)
                })
                .collect();
            let mut c = json!({
                "id": id, "name": name, "type": "sms", "status": "status_connect_succ",
                "webhook_url_type": "fqdn", "channel": kind,
                "auto_close_session": if closes { 1 } else { 0 },
                "account_data": [{"k": "api_key", "v": "Y3VycmVudC1zZWNyZXQ="}],
                "dids": dids,
            });
            if closes {
                c["session_expired_time"] = json!(3);
            }
            if kind != "whatsapp" && kind != "facebook" {
                c["send_rate"] = json!(2);
            }
            c
        })
}

/// What to do to one current routing rule.
#[derive(Debug, Clone)]
enum Edit {
    Keep,
    Delete,
    /// A new destination (with its id when it needs one), matched by id or by number.
    Destination {
        by_id: bool,
        to: usize,
        id: u32,
    },
    /// New members.
    Members {
        by_id: bool,
        values: Vec<u32>,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => Just(Edit::Keep),
        1 => Just(Edit::Delete),
        2 => (any::<bool>(), 0usize..3, 1u32..999).prop_map(|(by_id, to, id)| Edit::Destination { by_id, to, id }),
        2 => (any::<bool>(), prop::collection::vec(1u32..999, 0..3)).prop_map(|(by_id, values)| Edit::Members { by_id, values }),
    ]
}

/// Changes to `current`, with the ids they delete.
fn changes(
    current: &Value,
    top: &[(usize, bool)],
    edits: &[Edit],
    new_rules: usize,
) -> (Value, BTreeSet<u64>) {
    let kind = current["channel"].as_str().unwrap();
    let mut ch = Map::new();
    for &(which, flag) in top {
        match which {
            0 => ch.insert("name".into(), json!(format!("Renamed {flag}"))),
            1 => ch.insert("webhook_url_type".into(), json!(if flag { "nat" } else { "fqdn" })),
            2 => ch.insert("session_expired_time".into(), json!(if flag { 7 } else { 1 })),
            _ => ch.insert(
                "account_data".into(),
                json!([{"k": "api_key", "v": "bmV3LWtleQ=="}, {"k": "api_send_url", "v": "https://api.example.com/send"}]),
            ),
        };
    }
    let mut deleted = BTreeSet::new();
    let mut dids = Vec::new();
    for (rule, e) in current["dids"].as_array().unwrap().iter().zip(edits) {
        let locate = |by_id: bool| {
            if by_id {
                json!({"id": rule["id"]})
            } else {
                json!({"did_number": rule["did_number"]})
            }
        };
        match e {
            Edit::Keep => {}
            Edit::Delete => {
                deleted.insert(rule["id"].as_u64().unwrap());
                dids.push(json!({"id": rule["id"], "delete": true}));
            }
            Edit::Destination { by_id, to, id } => {
                let mut c = locate(*by_id);
                c["destination_type"] = json!(["extension", "queue", "api"][*to]);
                if *to < 2 {
                    c["destination_id"] = json!(id.to_string());
                }
                dids.push(c);
            }
            Edit::Members { by_id, values } if kind != "facebook" => {
                let mut c = locate(*by_id);
                c["members"] = values
                    .iter()
                    .map(|v| json!({"type": "extension", "value": v.to_string()}))
                    .collect();
                dids.push(c);
            }
            Edit::Members { .. } => {}
        }
    }
    for n in 0..new_rules {
        dids.push(json!({"did_number": number(kind, 9000 + n as u32), "destination_type": "api"}));
    }
    if !dids.is_empty() || !deleted.is_empty() {
        ch.insert("dids".into(), Value::Array(dids));
    }
    (Value::Object(ch), deleted)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn complete_update_loses_nothing(
        current in current(),
        top in prop::collection::vec((0usize..4, any::<bool>()), 0..4),
        edits in prop::collection::vec(edit(), 6),
        new_rules in 0usize..3,
    ) {
        let (changes, deleted) = changes(&current, &top, &edits, new_rules);
        let (body, report) = complete_update(&current, &changes, &Options::default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;

        // Nothing is deleted or cleared but what the changes deleted.
        let removed: BTreeSet<u64> = report.issues.iter()
            .filter(|i| i.code == "update.removes_item")
            .map(|i| i.params["id"].as_u64().unwrap())
            .collect();
        prop_assert_eq!(&removed, &deleted);
        prop_assert!(!report.issues.iter().any(|i| i.code == "update.clears_field"), "{:?}", report.issues);

        // The changes' own members, exactly; every other known member as it is now;
        // credentials and read-only members never copied.
        let ch = changes.as_object().unwrap();
        for (k, v) in ch.iter().filter(|(k, _)| *k != "dids") {
            prop_assert_eq!(&body[k], v);
        }
        for k in ["id", "name", "webhook_url_type", "auto_close_session", "session_expired_time", "send_rate"] {
            if !ch.contains_key(k) {
                prop_assert_eq!(body.get(k), current.get(k), "{}", k);
            }
        }
        prop_assert_eq!(body.get("account_data"), ch.get("account_data"));
        for k in ["type", "status", "channel"] {
            prop_assert!(body.get(k).is_none(), "{} copied", k);
        }

        // Every current rule not deleted is there, in order, with the changed members
        // exactly and the others as they are now; new rules come after.
        let edits_of = |rule: &Value| -> Option<&Map<String, Value>> {
            ch.get("dids")?.as_array()?.iter().filter_map(Value::as_object).find(|c| {
                c.get("id") == rule.get("id") || (c.get("id").is_none() && c.get("did_number") == rule.get("did_number"))
            })
        };
        let kept: Vec<&Value> = current["dids"].as_array().unwrap().iter()
            .filter(|r| !deleted.contains(&r["id"].as_u64().unwrap()))
            .collect();
        let sent = body["dids"].as_array().unwrap();
        prop_assert_eq!(sent.len(), kept.len() + new_rules);
        for (rule, out) in kept.iter().zip(sent) {
            let change = edits_of(rule);
            for (k, v) in rule.as_object().unwrap() {
                match change.and_then(|c| c.get(k)) {
                    Some(new) => prop_assert_eq!(&out[k], new),
                    None => prop_assert_eq!(&out[k], v),
                }
            }
            for (k, v) in change.into_iter().flatten() {
                prop_assert_eq!(&out[k], v);
            }
        }
    }
}
