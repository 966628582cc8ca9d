#!/usr/bin/env bash
# Benchmarks of issue 8 (recorded in docs/benchmarks.md; not tests):
#  (a) `tongbiao diff` between two commits of the 100,000-file catalog
#      (scripts/gen_bench_catalog.py) where 1% of the files changed (the promised
#      deadline of 1,000 local files lengthened by 5 days);
#  (b) `tongbiao lint --base HEAD` with 5 local files edited in the work
#      tree, and a full `tongbiao lint` of the same tree for the ratio.
#
#   cargo build --release
#   scripts/bench_diff.sh [DIR] [BINARY]      # DIR default /tmp/tongbiao-bench-diff
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-/tmp/tongbiao-bench-diff}
BIN=${2:-$ROOT/target/release/tongbiao}
N=${N:-100000}
RUNS=${RUNS:-3}

rm -rf "$DIR"
mkdir -p "$DIR"
python3 "$ROOT/scripts/gen_bench_catalog.py" "$N" "$DIR/catalog"
cd "$DIR"
g() { git -c user.name=bench -c user.email=bench@example.invalid -c commit.gpgsign=false "$@"; }
g init -q
g add -A
g commit -qm base
g tag base

# Lengthen the promised deadline of 1% of all files, spread over local/.
python3 - <<'PY'
import json, os
total = sum(len(fs) for _, _, fs in os.walk("catalog"))
paths = sorted(os.path.join(d, f) for d, _, fs in os.walk("catalog/local") for f in fs)
want = total // 100
step = max(1, len(paths) // want)
done = 0
for p in paths[::step]:
    if done >= want:
        break
    with open(p, encoding="utf-8") as f:
        v = json.load(f)
    if "promised_deadline" not in v:
        continue
    v["promised_deadline"]["value"] += 5
    with open(p, "w", encoding="utf-8") as f:
        json.dump(v, f, ensure_ascii=False, indent=2)
        f.write("\n")
    done += 1
print(f"changed {done} of {total} files")
PY
g add -A
g commit -qm changed
g tag changed

measure() {
    local label=$1
    shift
    for i in $(seq "$RUNS"); do
        /usr/bin/time -f "$label run $i: wall %e s, max RSS %M KB, user %U s, sys %S s" "$@" > /dev/null 2> time.err || true
        tail -1 time.err
    done
}

echo "== (a) diff base changed (1% of files changed)"
"$BIN" diff base changed --format json > diff.json || true
python3 -c "import json; d=json.load(open('diff.json')); print(len(d['changes']), 'changes')" || true
measure "diff" "$BIN" diff base changed --format json

# Five local files of five items, edited in the work tree (not committed).
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
    print("edited", p)
PY
echo "== (b) lint --base HEAD (5 files changed in the work tree)"
"$BIN" lint catalog --base HEAD --format json 2>&1 > /dev/null | tail -1 || true
measure "lint --base" "$BIN" lint catalog --base HEAD --format json
echo "== git status of the same tree (the scan lint --base repeats, for reference; it also"
echo "   refreshes the index's racy entries, which lint --base otherwise hashes)"
measure "git status" git status --porcelain
echo "== lint --base HEAD again, after the index refresh"
measure "lint --base (refreshed index)" "$BIN" lint catalog --base HEAD --format json
echo "== full lint of the same tree"
measure "lint (full)" "$BIN" lint catalog --format json
