#!/usr/bin/env bash
# The JavaScript side of `make test`: builds the wasm package, type-checks its .d.ts, then
# runs in one `node --test` run the API tests and the fixture replay of pkg/ and the
# browser test of www/ (headless Debian Chromium). Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-wasm-toolchain.sh --browser
scripts/wasm-build.sh

scripts/test-pkg.sh

printf '\033[1m==> %s\033[0m\n' "tsc -p pkg/tsconfig.json" >&2
node_modules/.bin/tsc -p pkg/tsconfig.json

printf '\033[1m==> %s\033[0m\n' "tsc and vite build of examples/react-form (react-hook-form, typed payloads)" >&2
node_modules/.bin/tsc -p examples/react-form/tsconfig.json
# Vite 8 by path: node_modules/.bin/vite may be the Vite 6 that examples/entries tests too.
node node_modules/vite/bin/vite.js build --config examples/react-form/vite.config.mjs

printf '\033[1m==> %s\033[0m\n' "node --test (pkg/ API, fixtures and entries, www/ and examples in Chromium)" >&2
node --test \
  pkg/test/api.test.mjs \
  pkg/test/fixtures.test.mjs \
  pkg/test/phone-corpus.test.mjs \
  www/test/form.test.mjs \
  www/test/edit.test.mjs \
  examples/react-form/form.test.mjs \
  pkg/test/init.test.mjs \
  examples/entries/entries.test.mjs
