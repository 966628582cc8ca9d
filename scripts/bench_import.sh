#!/bin/sh
# Import benchmark (issue 12): 2,000 and 100,000 synthetic export records
# (scripts/gen_export.py) into a fresh Guangdong catalog from `tongbiao init`.
# Wall time and peak memory with /usr/bin/time; the generated data is deleted
# at the end. Usage: scripts/bench_import.sh [path/to/tongbiao]
set -eu
BIN=${1:-$(pwd)/target/release/tongbiao}
GEN=$(pwd)/scripts/gen_export.py
WORK=$(mktemp -d /tmp/tb-import.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
for n in 2000 100000; do
    python3 "$GEN" --records "$n" > "export-$n.csv"
    # Floor in the same run: reading the file once (cat), so a slow disk shows.
    /usr/bin/time -f "floor cat $n: wall %e s" cat "export-$n.csv" > /dev/null
    for i in 1 2; do
        rm -rf gd rules
        "$BIN" init --province 440000 gd > /dev/null
        /usr/bin/time -f "import $n run $i: wall %e s, max RSS %M KB, user %U s, sys %S s" \
            "$BIN" import "export-$n.csv" --out gd --date 2026-12-06 > "report-$n.txt" || true
        head -4 "report-$n.txt" | sed -n 2,4p
        echo "files written: $(find gd -name '*.json' | wc -l)"
    done
done
