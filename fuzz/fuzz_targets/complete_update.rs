//! `complete_update`: see `channel_rules_fuzz::targets::complete_update` for the inputs, and
//! `channel_rules_fuzz::check_complete_update` for the invariants.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| channel_rules_fuzz::targets::complete_update(data));
