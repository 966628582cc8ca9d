#!/usr/bin/env bash
# Benchmark of issue 8 (recorded in docs/benchmarks.md; not a test): the PR
# check in commit mode, `lint --base REV --head HEAD`, for 5 committed edits in
# a 100,031-file catalog. PACK=1 (default) packs the repository first, as a
# clone or `git gc` leaves it; PACK=0 keeps the objects loose.
# Usage: scripts/bench_base_commit.sh [DIR] [BINARY]   (N=files, default 100000; RUNS, default 7)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-/tmp/tongbiao-bench-base}
BIN=${2:-$ROOT/target/release/tongbiao}
PACK=${PACK:-1}
N=${N:-100000}
# shellcheck source=scripts/bench_lib.sh
. "$ROOT/scripts/bench_lib.sh"
bench_catalog "$DIR" "$N"
cd "$DIR"
g init -q; g add -A; g commit -qm base; g tag changed
edit_five_locals
g commit -qam five
if [ "$PACK" = 1 ]; then g gc -q; fi
g count-objects -v | grep -E "^(count|in-pack)"
uptime
"$BIN" lint catalog --base changed --head HEAD --format json 2>&1 >/dev/null | tail -1 || true
RUNS=${RUNS:-7} measure "lint --base --head" "$BIN" lint catalog --base changed --head HEAD --format json
uptime
cd /; rm -rf "$DIR"
