#!/usr/bin/env bash
# Rewrites the seed corpus fuzz/corpus/<target>/ (from tests/fixtures and tests/phone) and
# the dictionary fuzz/json.dict (from the rules). Run after changing fixtures or rules;
# both outputs are committed. See fuzz/examples/seeds.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --quiet --manifest-path fuzz/Cargo.toml --no-default-features --example seeds
du -sh fuzz/corpus
