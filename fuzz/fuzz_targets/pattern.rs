//! `pattern`: see `channel_rules_fuzz::targets::pattern` for what the input means, and
//! fuzz/src/lib.rs for the invariants every report is held to.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| channel_rules_fuzz::targets::pattern(data));
