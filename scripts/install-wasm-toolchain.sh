#!/usr/bin/env bash
# Installs what building and testing the wasm package needs, and skips what is there:
#   - Debian's rustc-web, cargo-web, rust-web-src (a second compiler that ships the standard
#     library's source, so `-Zbuild-std` can build it for wasm32) and lld (`wasm-ld`);
#   - wasm-bindgen-cli at exactly the version Cargo.toml pins with `=`;
#   - the npm dev dependencies (binaryen's wasm-opt, playwright-core, typescript) from
#     package-lock.json, with `npm ci`;
#   - with --browser: Debian's chromium and chromium-driver, for the browser test.
# See shared/TOOLCHAIN.md for why this route (and not rustup targets or wasm-pack).
set -euo pipefail
cd "$(dirname "$0")/.."

browser=no
for arg in "$@"; do
  case "$arg" in
    --browser) browser=yes ;;
    *) echo "usage: $0 [--browser]" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# --- Debian packages ---------------------------------------------------------------------
packages=(rustc-web cargo-web rust-web-src lld)
[ "$browser" = yes ] && packages+=(chromium chromium-driver)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- wasm-bindgen CLI at the crate's pinned version ---------------------------------------
want=$(sed -n 's/^wasm-bindgen *= *"=\([0-9.]*\)".*/\1/p' Cargo.toml)
if [ -z "$want" ]; then
  echo "Cargo.toml does not pin wasm-bindgen with \"=X.Y.Z\"" >&2
  exit 1
fi
export PATH="$HOME/.cargo/bin:$PATH"
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "cargo install wasm-bindgen-cli --version $want (about 5 minutes)"
  # Built by the machine's own cargo (rustup's), for the host.
  cargo install wasm-bindgen-cli --version "$want" --force --quiet
fi

# --- npm dev dependencies ----------------------------------------------------------------
if [ ! -x node_modules/binaryen/bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ ! -x node_modules/.bin/tsc ] || [ ! -f node_modules/.package-lock.json ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
