#!/usr/bin/env bash
# Benchmark of issue 10 (recorded in docs/benchmarks.md; not a test):
# `tongbiao guide` on the 100,000-file catalog of scripts/gen_bench_catalog.py,
# with floors measured in the same run: `tongbiao lint` alone (the check
# guide runs first) and `cp -r` of the finished site (writing that many
# files without rendering anything).
#
#   cargo build --release
#   scripts/bench_guide.sh [DIR] [BINARY]     # DIR default /tmp/tongbiao-bench-guide
#
# The catalog and the sites are deleted at the end (KEEP=1 keeps them).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-/tmp/tongbiao-bench-guide}
BIN=${2:-$ROOT/target/release/tongbiao}
N=${N:-100000}
RUNS=${RUNS:-3}
# shellcheck source=scripts/bench_lib.sh
. "$ROOT/scripts/bench_lib.sh"
LINES_SHOWN=4

bench_catalog "$DIR" "$N"
cd "$DIR"
echo "local files (guides): $(find catalog/local -name '*.json' | wc -l)"

echo "== lint alone (the check guide runs before rendering)"
measure "lint" "$BIN" lint catalog --format json
echo "== guide (first run into an empty place, then replacing the previous site)"
rm -rf site
measure "guide" "$BIN" guide catalog --out site --timings
echo "site: $(find site -type f | wc -l) files, $(du -sh site | cut -f1)"
echo "== floor: cp -r of the finished site (same number of files written, nothing rendered)"
for i in $(seq "$RUNS"); do
    rm -rf site-copy
    sync
    /usr/bin/time -f "cp -r run $i: wall %e s, max RSS %M KB, user %U s, sys %S s" cp -r site site-copy 2> time.err
    tail -1 time.err
done
rm -rf site-copy
cd /
if [ "${KEEP:-0}" != 1 ]; then
    rm -rf "$DIR"
fi
