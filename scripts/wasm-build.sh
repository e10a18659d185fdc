#!/usr/bin/env bash
# Builds the npm package in pkg/: the crate for wasm32 (Debian's rustc-web, std built from
# source), wasm-bindgen's ES-module glue into pkg/wasm/, then wasm-opt -O3. Prints the size
# of the .wasm raw and gzipped. Installs the toolchain first when something is missing.
#
# A variant for measurement (make bench): WASM_FEATURES="phone-stub" builds with those Cargo
# features, and WASM_OUT=DIR writes the wasm-bindgen output and the optimised .wasm to DIR
# instead of pkg/wasm (pkg/ is then untouched: pkg/ids.d.ts is not regenerated). Both
# builds share target/wasm, so switching features re-links the crate (the standard library
# is built once).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
features=${WASM_FEATURES:-}
out=${WASM_OUT:-$root/pkg/wasm}
case "$out" in /*) ;; *) out="$root/$out" ;; esac
out=${out%/}
variant=yes
case "$out" in
  "$root/pkg/wasm") variant=no ;;
  "$root"/target/?*) ;;  # emptied and rewritten below: only ever a directory under target/
  *) echo "WASM_OUT must be a directory under target/ (or pkg/wasm): $out" >&2; exit 2 ;;
esac

scripts/install-wasm-toolchain.sh
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
start=$(date +%s)

# Debian's compiler, called by path: rustup's cargo and rustc on PATH have no wasm32 std.
# The wasm build gets its own target dir (another compiler, other flags) and a profile
# tuned for size, but for this crate itself, at opt-level 2 (fat LTO then optimizes the
# merged module at this crate's level, keeping the dependencies' size attributes). Measured
# on the same sources with scripts/bench/compare-wasm.mjs: at `s`, phoneInfo took 1.48 to
# 1.49 us instead of 1.11 to 1.16 us; level 3 against level 2, phoneInfo 1.01x and 0.97x
# the time (two runs) for 6.2 KB more gzipped; everything at level 3 cost 36 KB more.
# The native profile in Cargo.toml is left as it is.
# Panics: `-Cpanic=immediate-abort` (unstable, hence -Zunstable-options; as a rustflag for the
# wasm target alone, because the profile's `panic = "immediate-abort"` needs a cargo-features
# line that the stable native toolchain refuses). A panic already aborted the instance with
# `unreachable` and no message reached JavaScript (no panic hook, no stderr on
# wasm32-unknown-unknown); now it is the same trap without the formatting machinery that
# built the message nobody read: 11.5 KB less gzipped (227,611 -> 216,091 bytes).
# `--cfg channel_rules_pkg` marks the package build: talc as the allocator and
# `optimize(size)` on the code that runs once (src/lib.rs), neither of which a crate that
# depends on this one gets.
# `-Zfmt-debug=none`: `{:?}` writes nothing in the package, so no `Debug` formatting code is
# linked (3.0 KB less gzipped, 169,022 -> 165,978 bytes). No message text depends on it: the
# errors that quote what the caller gave use `Quoted` or `escape_debug` (src/lib.rs), and the
# options reader names a string's type without serde's `Debug` quoting of it; the node tests
# check those messages on the package. (`-Zlocation-detail=none` measured no change.)
say "cargo rustc --crate-type cdylib --target wasm32-unknown-unknown (Debian rustc-web, -Zbuild-std)${features:+ --features $features}"
env -u RUSTFLAGS -u CARGO_ENCODED_RUSTFLAGS -u RUSTUP_TOOLCHAIN \
  RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
  CARGO_TARGET_DIR="$root/target/wasm" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld \
  CARGO_PROFILE_RELEASE_OPT_LEVEL=s \
  CARGO_PROFILE_RELEASE_LTO=true \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
  CARGO_PROFILE_RELEASE_PANIC=abort \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none --cfg channel_rules_pkg" \
  /usr/bin/cargo rustc --release --lib --crate-type cdylib --no-default-features ${features:+--features "$features"} \
    --config 'profile.release.package.channel-rules.opt-level=2' \
    --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort

raw="$root/target/wasm/wasm32-unknown-unknown/release/channel_rules.wasm"

# wasm-opt takes most of a warm build: skip the post-processing when cargo's output, the
# tools and this script are what the last run used.
stamp=$( { sha256sum "$raw" "$0"; wasm-bindgen --version; node_modules/binaryen/bin/wasm-opt --version; } \
  | sha256sum | cut -d' ' -f1)
if [ -f "$out/.stamp" ] && [ "$(cat "$out/.stamp")" = "$stamp" ] \
   && { [ "$variant" = yes ] || [ -f pkg/ids.d.ts ]; }; then
  say "${out#"$root"/} is up to date"
else
  say "wasm-bindgen --target web"
  rm -rf "$out"
  wasm-bindgen "$raw" --out-dir "$out" --out-name channel_rules --target web --no-typescript

  # -O3 rather than -Oz: measured on the same build, phoneInfo was 6 to 8% faster for 201
  # more bytes gzipped (9.5 KB more raw).
  say "wasm-opt -O3"
  node_modules/binaryen/bin/wasm-opt "$out/channel_rules_bg.wasm" -O3 \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    -o "$out/channel_rules_bg.opt.wasm"
  mv "$out/channel_rules_bg.opt.wasm" "$out/channel_rules_bg.wasm"

  if [ "$variant" = no ]; then
    say "pkg/ids.d.ts"
    node scripts/gen-ids.mjs
  fi
  echo "$stamp" > "$out/.stamp"
fi

bytes=$(stat -c %s "$out/channel_rules_bg.wasm")
gz=$(gzip -9 -c "$out/channel_rules_bg.wasm" | wc -c)
kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
say "built ${out#"$root"/} in $(( $(date +%s) - start ))s"
printf '%s/channel_rules_bg.wasm: %s bytes (%s) raw, %s bytes (%s) gzip -9\n' \
  "${out#"$root"/}" "$bytes" "$(kib "$bytes")" "$gz" "$(kib "$gz")"
