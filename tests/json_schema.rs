//! The exported JSON Schemas agree with the library: every fixture payload (and every base
//! under every target) is validated against `json_schema(target, options)` by a real JSON
//! Schema validator (the `jsonschema` crate, draft 2020-12). A payload the library calls
//! valid must pass; of those it calls invalid, the share the schema rejects too is printed
//! per target and must be at least 80% over all of them. Every schema validates against the
//! 2020-12 meta-schema.

#[path = "support/cases.rs"]
mod cases;

use cases::{cases, Payload};
use channel_rules::{json_schema, Kind, Options, Target};
use serde_json::Value;
use std::collections::BTreeMap;

#[test]
fn every_schema_is_valid_draft_2020_12() {
    for &target in Target::ALL {
        let mut options = vec![Options::new()];
        if target == Target::YeastarMessageChannelCreate
            || target == Target::YeastarMessageChannelUpdate
        {
            options.extend(Kind::all().map(|k| Options::new().with_channel(k)));
        }
        for o in &options {
            let schema = json_schema(target, o);
            assert!(
                jsonschema::draft202012::meta::is_valid(&schema),
                "{target} {:?}: {:?}",
                o.channel,
                jsonschema::draft202012::meta::validate(&schema).err()
            );
        }
    }
}

#[test]
fn the_schemas_never_reject_a_valid_payload_and_catch_most_invalid_ones() {
    // (rejected, invalid) per target
    let mut share: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut wrongly_rejected = Vec::new();
    let mut missed = Vec::new();
    let mut validators = BTreeMap::new();
    for case in cases() {
        let doc = match &case.payload {
            Payload::Value(v) => v.clone(),
            // Text that is not JSON has no document for a schema to read.
            Payload::Text(t) => match serde_json::from_str::<Value>(t) {
                Ok(v) => v,
                Err(_) => continue,
            },
        };
        let report = case.run();
        if report.issues.iter().any(|i| i.code == "json.syntax") {
            continue;
        }
        let key = serde_json::to_string(&json_schema(case.target, &case.options)).unwrap();
        let validator = validators.entry(key.clone()).or_insert_with(|| {
            let schema: Value = serde_json::from_str(&key).unwrap();
            jsonschema::draft202012::new(&schema).expect("the schema builds")
        });
        let passes = validator.is_valid(&doc);
        if report.valid {
            if !passes {
                let why: Vec<String> = validator
                    .iter_errors(&doc)
                    .take(3)
                    .map(|e| e.to_string())
                    .collect();
                wrongly_rejected.push(format!("{}: {why:?}", case.label));
            }
        } else if !case.label.starts_with("bases.json:") {
            // (The bases under every other target only check that nothing valid is
            // rejected: they would swell the share with easy cases.)
            let entry = share.entry(case.target.id()).or_default();
            entry.1 += 1;
            if !passes {
                entry.0 += 1;
            } else {
                let codes: Vec<&str> = report.errors().map(|i| i.code.as_str()).collect();
                missed.push(format!("{} {codes:?}", case.label));
            }
        }
    }
    let (mut rejected, mut invalid) = (0, 0);
    println!("share of the payloads the library calls invalid that the schema rejects too:");
    for (target, (r, n)) in &share {
        println!(
            "  {target:32} {r:4} of {n:4} ({:.1}%)",
            100.0 * *r as f64 / *n as f64
        );
        rejected += r;
        invalid += n;
    }
    let overall = 100.0 * rejected as f64 / invalid as f64;
    println!("invalid payloads the schema passes (what it cannot say):");
    for m in &missed {
        println!("  {m}");
    }
    println!(
        "  {:32} {rejected:4} of {invalid:4} ({overall:.1}%)",
        "all targets"
    );
    assert!(
        wrongly_rejected.is_empty(),
        "{} payloads the library accepts are rejected by the schema:\n{}",
        wrongly_rejected.len(),
        wrongly_rejected.join("\n")
    );
    assert!(
        overall >= 80.0,
        "the schemas reject only {overall:.1}% of the invalid payloads"
    );
}

/// Bug (review): a target's schema and the schema of one of its kinds had the same `$id`,
/// so one validator could not hold both.
#[test]
fn each_kinds_schema_has_an_id_of_its_own() {
    use channel_rules::{json_schema, Kind, Options, Target};
    let target = Target::YeastarMessageChannelCreate;
    let all = json_schema(target, &Options::default());
    let twilio = json_schema(
        target,
        &Options::default().with_channel("twilio".parse::<Kind>().unwrap()),
    );
    assert_eq!(
        all["$id"],
        "urn:channel-rules:yeastar.message_channel.create"
    );
    assert_eq!(
        twilio["$id"],
        "urn:channel-rules:yeastar.message_channel.create:twilio"
    );
    let update = Target::YeastarMessageChannelUpdate;
    let telnyx = json_schema(
        update,
        &Options::default().with_channel("telnyx".parse::<Kind>().unwrap()),
    );
    assert_eq!(
        telnyx["$id"],
        "urn:channel-rules:yeastar.message_channel.update:telnyx"
    );
}

/// Bug (review of the fix above): the `$id` took a current state's `channel` as it was, so
/// `x#y` made an `$id` with a fragment, which draft 2020-12 does not allow.
#[test]
fn an_id_names_only_a_kind_the_rules_know() {
    use channel_rules::{json_schema, Options, Target};
    let update = Target::YeastarMessageChannelUpdate;
    let odd = json_schema(
        update,
        &Options::default().with_current(serde_json::json!({"channel": "x#y"})),
    );
    assert_eq!(
        odd["$id"],
        "urn:channel-rules:yeastar.message_channel.update"
    );
    let known = json_schema(
        update,
        &Options::default().with_current(serde_json::json!({"channel": "telnyx"})),
    );
    assert_eq!(
        known["$id"],
        "urn:channel-rules:yeastar.message_channel.update:telnyx"
    );
}
