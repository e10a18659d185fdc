//! Safe updates for Yeastar message channels: the whole update body written from the
//! channel's current state and the changes.
//!
//! \[000\] "Always submit all fields you wish to retain, as partial updates are not
//! supported. Fields omitted from the request body will be cleared or reset to default
//! values." So a backend that changes one routing rule must send every other rule and member
//! as they are; [`complete_update`] does that from the model:
//! - a member the changes give replaces the current one; a member they leave out keeps its
//!   current value, for the members the kind's field table knows (read-only fields the PBX
//!   returns are not copied);
//! - credentials (a secret keyed list, `account_data`) come only from the changes: the
//!   library never copies a credential out of `current`;
//! - an array the update replaces whole (`dids`, matched by `id`) is edited, not replaced:
//!   each changed item is matched to a current one by its key (`id`), or by its label
//!   (`did_number`) when it has no key, and takes the current item's members it leaves out
//!   (all of them: a `destination_id` kept beside a destination that becomes `api` is
//!   reported as ignored, and dropping it would be reported as cleared);
//!   a member given as `null` is cleared (left out of the body, which the report then names
//!   as `update.clears_field`, and left out of a new item too); an unmatched item without a
//!   key is new; an item is deleted
//!   only by an explicit `{"id": 5, "delete": true}`; every other current item is kept;
//! - `id` comes from `current` when the changes leave it out.
//!
//! The report is [`crate::validate`] of the body with `current`, so whatever the body would
//! still clear is reported.
//!
//! Live Chat updates are not covered: their pages say only that `id` is required, not that
//! an update replaces what it omits.

use crate::engine::{Key, Names, Table};
use crate::schema::{ArrayOf, Shape};
use crate::target::{Options, Target};
use crate::Report;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// The member that marks a routing rule to delete (`{"id": 5, "delete": true}`).
pub const DELETE: &str = "delete";

/// Why an update body could not be written: the inputs contradict each other (a caller's
/// mistake: a `TypeError` in JavaScript, exit status 2 in the CLI). Ids are quoted as the
/// caller gave them, cut to 64 characters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UpdateError {
    /// `current` is not a JSON object.
    #[error("current must be a JSON object: the channel as the PBX returns it")]
    CurrentNotObject,
    /// `changes` is not a JSON object.
    #[error("changes must be a JSON object: the members to change")]
    ChangesNotObject,
    /// The changes give another channel's id.
    #[error("the changes give id {given}, but current is channel {current}; an update cannot change a channel's id")]
    IdMismatch {
        /// The id in the changes.
        given: String,
        /// The id of `current`.
        current: String,
    },
    /// A changed item names a key that no current item has.
    #[error("{member} item {index} names {key} {id}, which no item of current has; leave {key} out to add a new one")]
    UnknownItem {
        /// The array (`dids`).
        member: &'static str,
        /// The item's index in the changes.
        index: usize,
        /// The key member (`id`).
        key: &'static str,
        /// The key given.
        id: String,
    },
    /// A deletion without the key of the item to delete, or with other members, or a
    /// `delete` that is not `true` or `false`.
    #[error("{member} item {index} has a \"delete\" member: a deletion is {{\"{key}\": N, \"delete\": true}}, with the {key} of the item to delete and nothing else")]
    BadDelete {
        /// The array (`dids`).
        member: &'static str,
        /// The item's index in the changes.
        index: usize,
        /// The key member (`id`).
        key: &'static str,
    },
    /// Two changed items are the same current item.
    #[error("{member} items {first} and {index} both change the current item {key} {id}; give each change once")]
    RepeatedItem {
        /// The array (`dids`).
        member: &'static str,
        /// The earlier item's index in the changes.
        first: usize,
        /// The later item's index.
        index: usize,
        /// The key member (`id`).
        key: &'static str,
        /// The key of the current item.
        id: String,
    },
    /// An input nests deeper than the library's limit.
    #[error("{input} is nested more than {} levels deep", crate::engine::MAX_DEPTH)]
    TooDeep {
        /// `current` or `changes`.
        input: &'static str,
    },
}

/// Writes the full update body for `yeastar.message_channel.update` from `current` (the
/// channel as the PBX returns it) and `changes` (a partial update), and validates it with
/// `current`. The kind is `options.channel`, else `current`'s `channel`.
///
/// ```
/// use channel_rules::{complete_update, Options};
/// use serde_json::json;
///
/// let current = json!({"id": 267, "name": "SMS", "channel": "twilio", "dids": [
///     {"id": 5, "did_number": "+12125551234", "destination_type": "queue", "destination_id": "6001",
///      "members": [{"type": "extension", "value": "137"}]},
///     {"id": 3, "did_number": "+442079460857", "destination_type": "extension", "destination_id": "137"}
/// ]});
/// let changes = json!({"dids": [{"id": 5, "destination_type": "api"}]});
/// let (body, report) = complete_update(&current, &changes, &Options::default()).unwrap();
/// assert_eq!(body["id"], 267);
/// assert_eq!(body["dids"].as_array().unwrap().len(), 2); // rule 3 is kept
/// assert_eq!(body["dids"][0]["destination_type"], "api");
/// assert_eq!(body["dids"][0]["members"][0]["value"], "137"); // members kept
/// assert_eq!(body["dids"][0]["destination_id"], "6001"); // kept, and reported as ignored
/// assert!(report.valid);
/// assert!(!report.issues.iter().any(|i| i.code.starts_with("update.")));
/// ```
#[cfg_attr(channel_rules_pkg, optimize(size))]
pub fn complete_update(
    current: &Value,
    changes: &Value,
    options: &Options,
) -> Result<(Value, Report), UpdateError> {
    let cur = current.as_object().ok_or(UpdateError::CurrentNotObject)?;
    let ch = changes.as_object().ok_or(UpdateError::ChangesNotObject)?;
    for (input, v) in [("current", current), ("changes", changes)] {
        if deeper_than(v, crate::engine::MAX_DEPTH) {
            return Err(UpdateError::TooDeep { input });
        }
    }
    let target = Target::YeastarMessageChannelUpdate;
    let schema = target.schema(cur.get("channel").and_then(Value::as_str), options);
    if let (Some(given), Some(id)) = (ch.get("id"), cur.get("id")) {
        if given != id {
            return Err(UpdateError::IdMismatch {
                given: show(given),
                current: show(id),
            });
        }
    }
    let mut body = Map::new();
    for f in &schema.fields {
        let value = match (ch.get(f.name), cur.get(f.name), &f.shape) {
            (Some(change), now, Shape::Array(arr)) if arr.replaced_by_key.is_some() => {
                Some(edit_items(f.name, arr, now, change)?)
            }
            (Some(change), _, _) => Some(change.clone()),
            // [000]/INTERFACE.md: a credential is never copied from `current`.
            (None, _, Shape::KeyedList(list)) if list.secret => None,
            (None, Some(now), shape) => Some(known_members(shape, now)),
            (None, None, _) => None,
        };
        if let Some(v) = value {
            body.insert(f.name.to_string(), v);
        }
    }
    // Members the kind does not know are sent as given, for the report to name.
    for (name, v) in ch {
        if !body.contains_key(name) {
            body.insert(name.clone(), v.clone());
        }
    }
    let body = Value::Object(body);
    let text = serde_json::to_string(&body).expect("a Value serializes");
    let report = crate::validate_str_with_current(target, &text, options, Some(current));
    Ok((body, report))
}

/// A value for a message: a number as it is, a string quoted and cut.
fn show(v: &Value) -> String {
    match v {
        Value::String(s) => format!("'{}'", crate::messages::shown(s)),
        Value::Number(n) => n.to_string(),
        other => crate::engine::type_of(other).to_string(),
    }
}

/// Whether `v` nests arrays and objects deeper than `limit` (counted without recursion).
fn deeper_than(v: &Value, limit: usize) -> bool {
    let mut stack = vec![(v, 1)];
    while let Some((v, depth)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match v {
            Value::Array(a) => Box::new(a.iter()),
            Value::Object(m) => Box::new(m.values()),
            _ => continue,
        };
        if depth > limit {
            return true;
        }
        stack.extend(children.map(|c| (c, depth + 1)));
    }
    false
}

/// A current value as the body carries it: for an object the rules describe, only the
/// members they know (the PBX returns read-only ones too), and so on inside.
#[cfg_attr(channel_rules_pkg, optimize(size))]
fn known_members(shape: &Shape, v: &Value) -> Value {
    match (shape, v) {
        (Shape::Object(obj), Value::Object(m)) => Value::Object(
            m.iter()
                .filter_map(|(k, v)| {
                    let f = obj.field(k)?;
                    Some((k.clone(), known_members(&f.shape, v)))
                })
                .collect(),
        ),
        (Shape::Array(arr), Value::Array(items)) => {
            Value::Array(items.iter().map(|i| known_members(&arr.items, i)).collect())
        }
        _ => v.clone(),
    }
}

/// The current items of an array an update replaces whole, with the changes' edits: see the
/// module docs.
#[cfg_attr(channel_rules_pkg, optimize(size))]
fn edit_items(
    member: &'static str,
    arr: &ArrayOf,
    current: Option<&Value>,
    changes: &Value,
) -> Result<Value, UpdateError> {
    let Some(rk) = &arr.replaced_by_key else {
        return Ok(changes.clone());
    };
    // Not a list: sent as given, for the report to say what is wrong with it.
    let Value::Array(edits) = changes else {
        return Ok(changes.clone());
    };
    let now: &[Value] = current.and_then(Value::as_array).map_or(&[], Vec::as_slice);
    // The first of repeated keys and labels wins, as in the walk's index.
    let mut by_key: Table<Key> = Table::default();
    let mut by_label = Names::default();
    for (i, item) in now.iter().enumerate() {
        if let Some(k) = item.get(rk.key).and_then(Key::of_value) {
            by_key.entry(k).or_insert(i);
        }
        if let Some(l) = item.get(rk.label).and_then(Value::as_str) {
            by_label.entry(Cow::Borrowed(l)).or_insert(i);
        }
    }
    let mut items: Vec<Option<Value>> = now
        .iter()
        .map(|i| Some(known_members(&arr.items, i)))
        .collect();
    let mut edited: Vec<Option<usize>> = vec![None; now.len()];
    let mut added = Vec::new();
    for (index, edit) in edits.iter().enumerate() {
        let Value::Object(change) = edit else {
            added.push(edit.clone());
            continue;
        };
        let matched = match change.get(rk.key) {
            Some(k) => Some(
                Key::of_value(k)
                    .and_then(|k| by_key.get(&k).copied())
                    .ok_or_else(|| UpdateError::UnknownItem {
                        member,
                        index,
                        key: rk.key,
                        id: show(k),
                    })?,
            ),
            None => change
                .get(rk.label)
                .and_then(Value::as_str)
                .and_then(|l| by_label.get(l).copied()),
        };
        let bad = || UpdateError::BadDelete {
            member,
            index,
            key: rk.key,
        };
        let delete = match change.get(DELETE) {
            None | Some(Value::Bool(false)) => false,
            Some(Value::Bool(true)) => true,
            // A deletion asked for in any other way (`1`, `"true"`) is not guessed at.
            Some(_) => return Err(bad()),
        };
        if delete && (matched.is_none() || change.len() != 2 || !change.contains_key(rk.key)) {
            return Err(bad());
        }
        let Some(i) = matched else {
            let mut new = change.clone();
            new.shift_remove(DELETE);
            // As on a kept item, a member given as `null` is left out.
            new.retain(|_, v| !v.is_null());
            added.push(Value::Object(new));
            continue;
        };
        if let Some(first) = edited[i] {
            return Err(UpdateError::RepeatedItem {
                member,
                first,
                index,
                key: rk.key,
                id: now[i].get(rk.key).map_or_else(String::new, show),
            });
        }
        edited[i] = Some(index);
        if delete {
            items[i] = None;
            continue;
        }
        let mut merged = match items[i].take() {
            Some(Value::Object(m)) => m,
            _ => Map::new(),
        };
        for (k, v) in change {
            match (k.as_str(), v) {
                // `"delete": false` only says what it is not.
                (DELETE, _) => {}
                // A member given as `null` is cleared: the vendor clears what an update
                // leaves out, and the report names it (`update.clears_field`).
                (_, Value::Null) => {
                    merged.shift_remove(k);
                }
                _ => {
                    merged.insert(k.clone(), v.clone());
                }
            }
        }
        items[i] = Some(Value::Object(merged));
    }
    Ok(Value::Array(
        items.into_iter().flatten().chain(added).collect(),
    ))
}
