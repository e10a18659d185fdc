//! Runs fuzz inputs through a target's body without libFuzzer, printing the report of each
//! (for `validate_str` / `validate_field` inputs) and panicking where the fuzzer would crash:
//!
//! ```sh
//! cargo run --manifest-path fuzz/Cargo.toml --no-default-features --example replay -- TARGET FILE...
//! ```

use channel_rules_fuzz::{setup, targets};

fn main() {
    let mut args = std::env::args().skip(1);
    let target = args.next().expect("usage: replay TARGET FILE...");
    for file in args {
        let data = std::fs::read(&file).expect("readable input");
        if let (true, Some(s)) = (target.starts_with("validate"), setup::decode(&data)) {
            eprintln!("{file}: {} {:?} entry {:?}", s.target, s.options, s.entry);
            eprintln!("payload: {}", String::from_utf8_lossy(s.payload));
            let r = channel_rules::validate_bytes(s.target, s.payload, &s.options);
            eprintln!("report: {}", serde_json::to_string_pretty(&r).unwrap());
        }
        match target.as_str() {
            "validate_str" => targets::validate_str(&data),
            "validate_field" => targets::validate_field(&data),
            "structured" => targets::structured(&data),
            "phone" => targets::phone(&data),
            "complete_update" => targets::complete_update(&data),
            other => panic!("unknown target {other}"),
        }
        eprintln!("{file}: ok");
    }
}
