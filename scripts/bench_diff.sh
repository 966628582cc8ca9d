#!/usr/bin/env bash
# Benchmarks of issue 8 (recorded in docs/benchmarks.md; not tests):
#  (a) `tongbiao diff` between two commits of the 100,000-file catalog
#      (scripts/gen_bench_catalog.py) where 1% of the files changed (the promised
#      deadline of 1,000 local files lengthened by 5 days);
#  (b) `tongbiao lint --base HEAD` with 5 local files edited in the work
#      tree, and a full `tongbiao lint` of the same tree for the ratio;
#  (c) the same 5 edits committed: `tongbiao lint --base changed --head HEAD`
#      (commit to commit, the PR check in CI; no work-tree scan).
#
#   cargo build --release
#   scripts/bench_diff.sh [DIR] [BINARY]      # DIR default /tmp/tongbiao-bench-diff
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-/tmp/tongbiao-bench-diff}
BIN=${2:-$ROOT/target/release/tongbiao}
N=${N:-100000}
RUNS=${RUNS:-3}
# shellcheck source=scripts/bench_lib.sh
. "$ROOT/scripts/bench_lib.sh"

bench_catalog "$DIR" "$N"
cd "$DIR"
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

echo "== (a) diff base changed (1% of files changed)"
"$BIN" diff base changed --format json > diff.json || true
python3 -c "import json; d=json.load(open('diff.json')); print(len(d['changes']), 'changes')" || true
measure "diff" "$BIN" diff base changed --format json

# Five local files of five items, edited in the work tree (not committed).
edit_five_locals
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
echo "== (c) the 5 edits committed: lint --base changed --head HEAD (commit to commit)"
g commit -qam five
"$BIN" lint catalog --base changed --head HEAD --format json 2>&1 > /dev/null | tail -1 || true
measure "lint --base --head" "$BIN" lint catalog --base changed --head HEAD --format json
echo "== git diff-tree of the same two commits (the tree comparison alone, for reference)"
measure "git diff-tree" git diff-tree -r --name-only changed HEAD
echo "== tongbiao --version (process start, for reference)"
measure "tongbiao --version" "$BIN" --version
