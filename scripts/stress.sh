#!/usr/bin/env bash
# `make stress`: the bounded-cost checks of the README's "Limits", measured: every hostile
# row (tests/support/stress_rows.rs, at 1 MB and 10 MB and a few fixed ones), each in a
# fresh process,
#   1. natively: examples/stress.rs in release mode (writes the rows to target/stress/ and
#      checks each: time <= 1 s, peak RSS <= 10x size + 32 MB, report <= 1 MB);
#   2. in wasm under Node: scripts/bench/stress.mjs on the same files, through the built
#      package (pkg/, built here first; time <= 3 s, peak RSS and wasm memory within the
#      same memory bound, report <= 1 MB).
# Prints both tables (also target/stress/native.json and wasm.json). Arguments go to both
# (--only NAME,... and --timeout SECS). Exit status 1 when any row of either fails, 2 when
# something could not be built.
set -uo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

say "native: cargo run --release --example stress"
cargo build --quiet --release --example stress || exit 2
cargo run --quiet --release --example stress -- "$@"
native=$?
[ "$native" -le 1 ] || exit 2

say "wasm: the package (scripts/wasm-build.sh)"
scripts/wasm-build.sh || exit 2
say "wasm: node scripts/bench/stress.mjs"
node scripts/bench/stress.mjs "$@"
wasm=$?
[ "$wasm" -le 1 ] || exit 2

if [ "$native" -ne 0 ] || [ "$wasm" -ne 0 ]; then
  echo "stress: some rows are past the bounds (native exit $native, wasm exit $wasm)"
  exit 1
fi
echo "stress: every row within the bounds, native and wasm"
