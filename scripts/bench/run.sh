#!/usr/bin/env bash
# `make bench`: the phone engine's figures in one run, each printed as it is measured, then a
# summary against the goals (scripts/bench/summary.mjs):
#   1. native: examples/bench_phone.rs in release mode (per number, first call, cold pass;
#      the phonenumber crate on the same numbers); then instructions a number under
#      callgrind (bench_phone --rounds), a figure that a noisy machine does not move;
#   2. size: the optimised .wasm gzipped (-9), built normally (pkg/) and with the Cargo
#      feature phone-stub (the engine without its tables, into target/bench/wasm-stub/);
#      the difference is the engine's share. libphonenumber-js's own max bundle for scale;
#   3. Node: scripts/bench/phone.mjs (cold start and per number, the wasm package and
#      libphonenumber-js/max in the same run).
#   4. package: scripts/bench/package.mjs, the npm package against ajv + libphonenumber-js
#      (size, start-up, per call), then examples/bench_validate.rs (native against
#      serde_json, and how every target scales from 1 to 10,000 items);
#   5. stress: scripts/stress.sh (make stress), the bounded-cost rows (hostile documents up to 10 MB),
#      native and wasm, after the summary.
# Installs what it needs (scripts/install-wasm-toolchain.sh, npm ci). Figures go to
# target/bench/*.json as well.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out="$root/target/bench"
corpus="${PHONE_CORPUS:-tests/phone/validity.json}"
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

scripts/install-wasm-toolchain.sh
if [ ! -f node_modules/libphonenumber-js/package.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
mkdir -p "$out"
rm -f "$out"/native.json "$out"/size.json "$out"/node.json "$out"/instructions.json

say "native: cargo build --release --example bench_phone"
cargo build --quiet --release --example bench_phone
target/release/examples/bench_phone "$corpus" --json "$out/native.json"

# Instructions a number (callgrind counts instructions, which a noisy machine does not move):
# the totals of 1 and 11 rounds, their difference over 10 rounds of the example numbers.
if command -v valgrind >/dev/null; then
  say "native: instructions a number (valgrind --tool=callgrind, bench_phone --rounds)"
  # The total from callgrind's summary line ("==pid== I refs: 123,456"), or nothing.
  irs() {
    { valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        target/release/examples/bench_phone --rounds "$1" "$corpus" 2>&1 >/dev/null || true; } |
      sed -n 's/.*I *refs: *\([0-9,]*\).*/\1/p' | tr -d , | head -n 1
  }
  one=$(irs 1)
  eleven=$(irs 11)
  numbers=$(target/release/examples/bench_phone --rounds 1 "$corpus" | cut -d' ' -f1)
  if [[ $one =~ ^[0-9]+$ && $eleven =~ ^[0-9]+$ && $numbers =~ ^[1-9][0-9]*$ ]] && ((eleven > one)); then
    per=$(( (eleven - one) / (10 * numbers) ))
    echo "native instructions a number (parse + analyze, callgrind): $per over $numbers example numbers"
    printf '{"instructions_per_number": %s}\n' "$per" > "$out/instructions.json"
  else
    echo "native instructions a number: skipped (no instruction totals read from valgrind)"
  fi
else
  echo "native instructions a number: skipped (valgrind is not installed)"
fi

# The stub first: both builds share target/wasm, and pkg/ must end as the real package.
say "size: the wasm package with --features phone-stub (into target/bench/wasm-stub/)"
WASM_FEATURES=phone-stub WASM_OUT="$out/wasm-stub" scripts/wasm-build.sh
say "size: the wasm package built normally (pkg/)"
scripts/wasm-build.sh

gz() { gzip -9 -c "$1" | wc -c; }
full=$(gz pkg/wasm/channel_rules_bg.wasm)
stub=$(gz "$out/wasm-stub/channel_rules_bg.wasm")
lpn_bundle=node_modules/libphonenumber-js/bundle/libphonenumber-max.js
lpn=$(gz "$lpn_bundle")
echo "size (gzip -9 of the optimised .wasm): package $full bytes, with phone-stub $stub bytes," \
  "engine's share $((full - stub)) bytes ($(awk -v b=$((full - stub)) 'BEGIN { printf "%.1f", b / 1000 }') KB)"
echo "  for scale: libphonenumber-js's own minified bundle of the whole library with max" \
  "metadata ($lpn_bundle): $lpn bytes gzip -9 (a bundler keeping only what one call needs ships less)"
printf '{"package_gzip": %s, "stub_gzip": %s, "engine_gzip": %s, "lpn_max_bundle_gzip": %s}\n' \
  "$full" "$stub" "$((full - stub))" "$lpn" > "$out/size.json"

say "node: scripts/bench/phone.mjs"
node scripts/bench/phone.mjs --corpus "$corpus" --json "$out/node.json"

node scripts/bench/summary.mjs "$out"

# The whole package against ajv + libphonenumber-js/max (size, start-up, per call), and the
# native validation against building the tree, with the scaling table.
say "package: scripts/bench/package.mjs (against ajv + ajv-formats + libphonenumber-js/max)"
cargo build --release --quiet --bin channel-rules
node scripts/bench/package.mjs --json "$out/package.json"
say "native: examples/bench_validate.rs (validate_str against serde_json, scaling)"
cargo run --release --quiet --example bench_validate

# The bounded-cost rows (make stress): both tables, PASS or FAIL, without failing make bench
# (as the goals above).
say "stress: scripts/stress.sh (hostile documents up to 10 MB, native and wasm)"
scripts/stress.sh || echo "stress: not every row is within the bounds (the tables above)"
