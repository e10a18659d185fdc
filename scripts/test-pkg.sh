#!/usr/bin/env bash
# The npm package as the registry would get it (part of `make test`, after the wasm build):
#   1. `npm pack --dry-run` lists exactly the files that ship (below), nothing else;
#   2. publint --strict finds nothing;
#   3. @arethetypeswrong/cli on the packed tarball, ESM-only profile (the package is an ES
#      module; CommonJS callers use `await import()`, as pkg/README.md says), without the
#      raw `.wasm` asset subpath, which has no types to check.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

say "npm pack --dry-run (pkg/): only what ships"
want="LICENSE-APACHE LICENSE-MIT README.md api.js ids.d.ts index.d.ts index.js init-node.js init.d.ts init.js node.js package.json payload.d.ts wasm/channel_rules.js wasm/channel_rules_bg.wasm"
got=$(cd pkg && npm pack --dry-run --json 2>/dev/null | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    console.log(JSON.parse(s)[0].files.map((f) => f.path).sort().join(" "));
  });')
if [ "$got" != "$want" ]; then
  printf 'pkg/ would ship:\n  %s\nexpected:\n  %s\n' "$got" "$want" >&2
  exit 1
fi

say "publint --strict pkg"
node_modules/.bin/publint --strict pkg

say "attw --pack pkg (ESM-only profile)"
node_modules/.bin/attw --pack pkg --profile esm-only --exclude-entrypoints ./channel_rules_bg.wasm --format ascii
