//! Native validation against building the tree, and how the cost scales (`make bench`):
//!
//!   cargo run --release --example bench_validate
//!
//! 1. `validate_str` of the Twilio create payload against `serde_json::from_str::<Value>` of
//!    the same text, interleaved in batches, median of the batches (goal: at most 1.5x).
//! 2. For each list a payload can hold (routing rules, credential items, Bird channels,
//!    an update's kept rules with `current`), the time for 1, 1,000 and 10,000 items; the
//!    goal is linear growth: 10,000 items at most 15x the time of 1,000.

use channel_rules::{validate_str, Options, Target};
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::Instant;

const TWILIO: &str = r#"{"name":"Front desk SMS","webhook_url_type":"fqdn","channel":"twilio","account_data":[{"k":"account_sid","v":"QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg=="},{"k":"auth_token","v":"c2VjcmV0LXRva2Vu"}],"dids":[{"did_number":"+12125551234","destination_type":"queue","destination_id":"6001"}]}"#;

/// Mean seconds a call of `f`, over a batch of about 20 ms.
fn batch(mut f: impl FnMut()) -> f64 {
    let mut n = 0u32;
    let t = Instant::now();
    while t.elapsed().as_millis() < 20 {
        for _ in 0..20 {
            f();
        }
        n += 20;
    }
    t.elapsed().as_secs_f64() / f64::from(n)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn rule(i: usize) -> Value {
    json!({"id": i + 1, "did_number": format!("+1212555{:04}", i % 10_000), "destination_type": "api"})
}

fn main() {
    let options = Options::new();
    let (mut ours, mut tree) = (Vec::new(), Vec::new());
    for _ in 0..15 {
        ours.push(batch(|| {
            black_box(validate_str(
                Target::YeastarMessageChannelCreate,
                black_box(TWILIO),
                &options,
            ));
        }));
        tree.push(batch(|| {
            black_box(serde_json::from_str::<Value>(black_box(TWILIO)).unwrap());
        }));
    }
    let (a, b) = (median(ours), median(tree));
    let verdict = if a / b <= 1.5 { "PASS" } else { "FAIL" };
    println!(
        "native: validate_str {:.2} us, serde_json::from_str::<Value> {:.2} us, ratio {:.2} (goal <= 1.5) {verdict}",
        a * 1e6,
        b * 1e6,
        a / b
    );

    println!("scaling: time of a check with 1, 1,000 and 10,000 items (goal: 10,000 <= 15x 1,000)");
    type Build = fn(usize) -> (Target, String, Options);
    let lists: &[(&str, Build)] = &[
        ("create: dids", |n| {
            let mut doc: Value = serde_json::from_str(TWILIO).unwrap();
            doc["dids"] = (0..n).map(|i| json!({"did_number": format!("+1212555{:04}", i % 10_000), "destination_type": "api"})).collect();
            (
                Target::YeastarMessageChannelCreate,
                doc.to_string(),
                Options::new(),
            )
        }),
        ("create: account_data", |n| {
            let mut doc: Value = serde_json::from_str(TWILIO).unwrap();
            doc["account_data"] = (0..n)
                .map(|_| json!({"k": "auth_token", "v": "c2VjcmV0LXRva2Vu"}))
                .collect();
            (
                Target::YeastarMessageChannelCreate,
                doc.to_string(),
                Options::new(),
            )
        }),
        ("update with current: kept rules", |n| {
            let rules: Vec<Value> = (0..n).map(rule).collect();
            let current = json!({"id": 267, "channel": "twilio", "dids": rules});
            let doc = json!({"id": 267, "dids": current["dids"]});
            (
                Target::YeastarMessageChannelUpdate,
                doc.to_string(),
                Options::new().with_current(current),
            )
        }),
        ("bird.channel_list: results", |n| {
            let channel = json!({"id": "0b4b6a3f-0f1e-4f5e-9c3e-6f0e3f1d2c4b", "platformId": "sms-messagebird", "name": "SMS", "connectorId": "1b4b6a3f-0f1e-4f5e-9c3e-6f0e3f1d2c4b", "status": "active", "createdAt": "2024-11-21T08:56:12.986Z"});
            let doc = json!({"results": vec![channel; n]});
            (Target::BirdChannelList, doc.to_string(), Options::new())
        }),
    ];
    for (name, build) in lists {
        let times: Vec<f64> = [1, 1_000, 10_000]
            .iter()
            .map(|&n| {
                let (target, text, options) = build(n);
                median(
                    (0..5)
                        .map(|_| {
                            batch(|| {
                                black_box(validate_str(target, black_box(&text), &options));
                            })
                        })
                        .collect(),
                )
            })
            .collect();
        let growth = times[2] / times[1];
        let verdict = if growth <= 15.0 { "PASS" } else { "FAIL" };
        println!(
            "  {name:34} {:>9.1} us {:>10.1} us {:>11.1} us  x{growth:.1} {verdict}",
            times[0] * 1e6,
            times[1] * 1e6,
            times[2] * 1e6
        );
    }
}
