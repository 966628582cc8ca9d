#!/usr/bin/env bash
# Benchmark of issue 8 (recorded in docs/benchmarks.md; not a test): the PR
# check in commit mode, `lint --base REV --head HEAD`, for 5 committed edits in
# a 100,031-file catalog. PACK=1 (default) packs the repository first, as a
# clone or `git gc` leaves it; PACK=0 keeps the objects loose.
# Usage: scripts/bench_base_commit.sh [DIR] [BINARY]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-/tmp/tongbiao-bench-base}
BIN=${2:-$ROOT/target/release/tongbiao}
PACK=${PACK:-1}
rm -rf "$DIR"; mkdir -p "$DIR"
python3 "$ROOT/scripts/gen_bench_catalog.py" 100000 "$DIR/catalog" | tail -1
cd "$DIR"
g() { git -c gc.auto=0 -c user.name=bench -c user.email=bench@example.invalid -c commit.gpgsign=false "$@"; }
g init -q; g add -A; g commit -qm base; g tag changed
python3 - <<'PY'
import json, os
paths = sorted(os.path.join(d, f) for d, _, fs in os.walk("catalog/local") for f in fs)
for p in paths[7::len(paths) // 5][:5]:
    with open(p, encoding="utf-8") as f:
        v = json.load(f)
    v["promised_deadline"]["value"] += 1
    with open(p, "w", encoding="utf-8") as f:
        json.dump(v, f, ensure_ascii=False, indent=2)
        f.write("\n")
PY
g commit -qam five
if [ "$PACK" = 1 ]; then g gc -q; fi
g count-objects -v | grep -E "^(count|in-pack)"
uptime
"$BIN" lint catalog --base changed --head HEAD --format json 2>&1 >/dev/null | tail -1 || true
for i in 1 2 3 4 5 6 7; do
  /usr/bin/time -f "lint --base --head run $i: wall %e s, max RSS %M KB, user %U s, sys %S s" \
    "$BIN" lint catalog --base changed --head HEAD --format json >/dev/null 2>time.err || true
  tail -1 time.err
done
uptime
cd /; rm -rf "$DIR"
