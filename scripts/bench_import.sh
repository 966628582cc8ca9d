#!/bin/sh
# Import benchmark (issue 12): 2,000 and 100,000 synthetic export records
# (scripts/gen_export.py) into a fresh Guangdong catalog from `tongbiao init`.
# For each size: a floor (reading the file once with cat), then the import
# twice (writing every file: staged beside the target, moved into place;
# after the first, a second floor: cp -r of the tree it wrote) and a
# --dry-run (planning only). Wall time, user and sys CPU, peak memory
# with /usr/bin/time; the load average before each run (the machine is
# shared). The generated data is deleted at the end.
# Usage: scripts/bench_import.sh [path/to/tongbiao] [sizes...]
set -eu
BIN=${1:-$(pwd)/target/release/tongbiao}
case "$BIN" in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
[ $# -gt 0 ] && shift
SIZES=${*:-2000 100000}
GEN=$(pwd)/scripts/gen_export.py
WORK=$(mktemp -d /tmp/tb-import.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
FMT="wall %e s, user %U s, sys %S s, max RSS %M KB"
load() { cut -d' ' -f1-3 /proc/loadavg; }
for n in $SIZES; do
    python3 "$GEN" --records "$n" > "export-$n.csv"
    /usr/bin/time -f "floor cat $n: wall %e s" cat "export-$n.csv" > /dev/null
    for run in 1 2 dry; do
        rm -rf gd rules
        "$BIN" init --province 440000 gd > /dev/null
        flag=""
        [ "$run" = dry ] && flag="--dry-run"
        echo "import $n ($run) load average before: $(load)"
        /usr/bin/time -f "import $n ($run): $FMT" \
            "$BIN" import "export-$n.csv" --out gd --date 2026-12-06 $flag > "report-$n.txt" || true
        sed -n 2p "report-$n.txt"
        echo "files in gd: $(find gd -type f | wc -l); staging left: $(ls -a | grep -c '^\.gd\.import-' || true)"
        if [ "$run" = 1 ]; then
            # Floor for the writes: the same tree created again by cp (one
            # file after another), right after the import.
            /usr/bin/time -f "floor cp -r of the written tree: $FMT" cp -r gd gd-copy
            rm -rf gd-copy
        fi
    done
done
