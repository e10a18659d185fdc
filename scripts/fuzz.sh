#!/usr/bin/env bash
# Runs the fuzz targets of fuzz/ (cargo-fuzz and libFuzzer), one after the other, each for
# FUZZ_SECONDS, then prints executions, exec/s and coverage per target. Exits non-zero when
# any target crashed, failed an invariant, timed out or ran out of memory; the input is then
# in fuzz/artifacts/TARGET/ and the log in fuzz/target/logs/TARGET.log.
#
#   scripts/fuzz.sh [--ci] [TARGET...]     (make fuzz, make fuzz-ci)
#
#   FUZZ_SECONDS      seconds per target (default 60; 10 with --ci)
#   FUZZ_ARGS         extra libFuzzer arguments (such as -seed=1)
#   FUZZ_SKIP_LIMITS  set to 1 to skip the invariants of INTERFACE.md's "Limits"
#
# Installs what is missing and skips what is there: cargo-fuzz (pinned below) and, when no
# C++ compiler is found, Debian's g++ (libFuzzer is C++). The fuzz crate builds on the
# machine's own toolchain: cargo-fuzz needs nightly flags (-Z), which RUSTC_BOOTSTRAP=1 lets
# a stable rustc take. Built with `-s none` (no sanitizer: the crate has no `unsafe`, and it
# runs several times faster) and debug assertions on (integer overflow panics).
#
# The fuzzers read the committed seeds (fuzz/corpus/TARGET, written by fuzz/seed.sh) and
# keep what they find in fuzz/target/corpus/TARGET, so the committed corpus never changes.
set -euo pipefail
cd "$(dirname "$0")/.."

ci=no
targets=()
for arg in "$@"; do
  case "$arg" in
    --ci) ci=yes ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "usage: $0 [--ci] [TARGET...]" >&2; exit 2 ;;
    *) targets+=("$arg") ;;
  esac
done
default_seconds=60
[ "$ci" = yes ] && default_seconds=10
seconds="${FUZZ_SECONDS:-$default_seconds}"
case "$seconds" in
  ''|*[!0-9]*) echo "FUZZ_SECONDS must be a whole number of seconds, not '$seconds'" >&2; exit 2 ;;
esac

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

# --- cargo-fuzz, at the version this script was written for ------------------------------
want_fuzz=0.13.2
have_fuzz=$(cargo fuzz --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_fuzz" != "$want_fuzz" ]; then
  say "cargo install cargo-fuzz --version $want_fuzz --locked (about a minute)"
  force=()
  [ -n "$have_fuzz" ] && force=(--force)
  cargo install cargo-fuzz --version "$want_fuzz" --locked --quiet "${force[@]}"
fi

# --- a C++ compiler for libFuzzer ----------------------------------------------------------
if ! command -v "${CXX:-c++}" >/dev/null 2>&1 && ! command -v g++ >/dev/null 2>&1 \
   && ! command -v clang++ >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "apt-get install g++ (libFuzzer is C++)"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq g++ >/dev/null
fi

export RUSTC_BOOTSTRAP=1
build=(-O -s none --debug-assertions)

say "cargo fuzz build ${build[*]}"
cargo fuzz build "${build[@]}"

if [ "${#targets[@]}" -eq 0 ]; then
  mapfile -t targets < <(cargo fuzz list)
fi

# libFuzzer options by target: the JSON targets get the dictionary and room for payloads
# large enough to reach the 1,000-issue limit.
options_for() {
  case "$1" in
    validate_str|validate_field) echo "-dict=fuzz/json.dict -max_len=65536" ;;
    structured) echo "-max_len=8192 -len_control=0" ;;
    phone) echo "-max_len=256" ;;
    pattern) echo "-max_len=2048" ;;
    complete_update) echo "-max_len=8192 -len_control=0" ;;
    *) echo "" ;;
  esac
}

mkdir -p fuzz/target/logs
failed=()
rows=()
for t in "${targets[@]}"; do
  work="fuzz/target/corpus/$t"
  seeds="fuzz/corpus/$t"
  log="fuzz/target/logs/$t.log"
  mkdir -p "$work" "$seeds" "fuzz/artifacts/$t"
  say "fuzz $t for ${seconds}s (log: $log)"
  set +e
  cargo fuzz run "${build[@]}" "$t" "$work" "$seeds" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    $(options_for "$t") ${FUZZ_ARGS:-} >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  # The last status line: "#N  DONE  cov: X ft: Y corp: Z/..." (or the last one before a crash).
  status_line=$(grep -E '^#[0-9]+' "$log" | grep -E 'cov: ' | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$status_line")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$status_line")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$status_line")
  if [ "$rc" -eq 0 ]; then
    result=ok
  else
    result="FAILED ($rc)"
    failed+=("$t")
    echo "---- $t failed; from $log:" >&2
    grep -E "invariant failed|panicked at|ERROR: libFuzzer|SUMMARY|Test unit written|timeout|out-of-memory" "$log" \
      | cut -c1-2000 | head -20 >&2 || true
    artifact=$(sed -n "s/.*Test unit written to \(.*\)/\1/p" "$log" | tail -1)
    if [ -n "$artifact" ]; then
      echo "     reproduce: RUSTC_BOOTSTRAP=1 cargo fuzz run ${build[*]} $t $artifact" >&2
      echo "     minimize:  RUSTC_BOOTSTRAP=1 cargo fuzz tmin ${build[*]} $t $artifact" >&2
    fi
  fi
  rows+=("$(printf '%-16s %-12s %12s %9s %7s %8s %7s' "$t" "$result" "${execs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}")")
done

echo
printf '%-16s %-12s %12s %9s %7s %8s %7s\n' target result executions exec/s cov ft corpus
for r in "${rows[@]}"; do echo "$r"; done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzzing failed: ${failed[*]} (inputs in fuzz/artifacts/, logs in fuzz/target/logs/)" >&2
  exit 1
fi
