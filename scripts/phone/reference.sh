#!/usr/bin/env bash
# Regenerates everything the phone engine takes from its reference, Python `phonenumbers`
# pinned in scripts/phone/requirements.txt (version and hash, from PyPI):
#   src/phone/metadata.json    the metadata tables (export_metadata.py)
#   tests/phone/validity.json  parse / is_valid_number / region / type verdicts (gen_corpus.py)
#   tests/phone/normalize.json national input + default region -> E.164 (gen_corpus.py)
# The reference lives in a venv at target/phone-reference-venv, created when missing.
# Idempotent; runs from any directory.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION="9.0.43"
VENV="$ROOT/target/phone-reference-venv"
PY="$VENV/bin/python"

installed_version() {
    "$PY" -c 'import phonenumbers; print(phonenumbers.__version__)' 2>/dev/null || true
}

if [[ ! -x "$PY" ]]; then
    echo "creating $VENV" >&2
    mkdir -p "$ROOT/target"
    python3 -m venv "$VENV"
fi
if [[ "$(installed_version)" != "$VERSION" ]]; then
    echo "installing phonenumbers==$VERSION into $VENV" >&2
    "$PY" -m pip install --quiet --disable-pip-version-check --no-deps \
        --require-hashes -r "$ROOT/scripts/phone/requirements.txt"
fi
if [[ "$(installed_version)" != "$VERSION" ]]; then
    echo "error: $VENV does not hold phonenumbers $VERSION" >&2
    exit 1
fi

cd "$ROOT"
"$PY" scripts/phone/export_metadata.py src/phone/metadata.json
"$PY" scripts/phone/gen_corpus.py tests/phone
