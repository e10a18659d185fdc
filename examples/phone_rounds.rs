//! `make bench`'s instruction count (scripts/bench/run.sh runs it under
//! `valgrind --tool=callgrind`, which counts instructions rather than time, so the figure
//! does not move with a noisy machine): `phone::parse` + `phone::analyze` over the example
//! numbers as given, ROUNDS times.
//!
//! ```text
//! cargo run --release --example phone_rounds -- ROUNDS [CORPUS]
//! ```
//!
//! Run with two round counts, the difference of the totals over the difference of the calls
//! is the cost of one number, without the loading of the corpus.

use channel_rules::phone;
use std::hint::black_box;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(Ok(rounds)) = args.first().map(|r| r.parse::<usize>()) else {
        eprintln!("usage: phone_rounds ROUNDS [CORPUS]");
        return ExitCode::from(2);
    };
    let path = args
        .get(1)
        .map_or("tests/phone/validity.json", String::as_str);
    let doc: serde_json::Value = match std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    // The example numbers as given, as bench_phone picks them.
    let numbers: Vec<&str> = doc["cases"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|c| {
            c["from"].as_str().is_some_and(|f| {
                f.split(';').any(|p| {
                    let p = p.trim();
                    !p.starts_with("random:") && p.ends_with(" example")
                })
            })
        })
        .filter_map(|c| c["input"].as_str())
        .collect();
    let mut valid = 0usize;
    for _ in 0..rounds {
        for n in &numbers {
            if let Ok(p) = phone::parse(black_box(n), None) {
                valid += usize::from(phone::analyze(&p).valid);
            }
        }
    }
    println!("{} numbers, {rounds} rounds, {valid} valid", numbers.len());
    ExitCode::SUCCESS
}
