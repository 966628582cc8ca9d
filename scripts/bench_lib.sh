# Shared by the benchmark scripts (sourced, not run): the generated
# catalog, git with a fixed identity, the five-file edit, timed runs.
# Expects ROOT (the repository) to be set by the sourcing script.

# A fresh DIR holding the N-file benchmark catalog at DIR/catalog.
bench_catalog() {
    rm -rf "$1"
    mkdir -p "$1"
    python3 "$ROOT/scripts/gen_bench_catalog.py" "$2" "$1/catalog" | tail -1
}

# git with a fixed identity, no signing and no automatic gc (fixture repos).
g() { git -c gc.auto=0 -c user.name=bench -c user.email=bench@example.invalid -c commit.gpgsign=false "$@"; }

# Lengthen the promised deadline of five local files of five items (in
# the work tree under ./catalog).
edit_five_locals() {
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
}

# Run a command RUNS times (default 3) under /usr/bin/time, standard output
# discarded; print the last LINES (default 1) of what it wrote to stderr,
# which ends with the timing line.
measure() {
    local label=$1
    shift
    for i in $(seq "${RUNS:-3}"); do
        /usr/bin/time -f "$label run $i: wall %e s, max RSS %M KB, user %U s, sys %S s" "$@" > /dev/null 2> time.err || true
        grep -v '^$' time.err | tail -"${LINES_SHOWN:-1}"
    done
}
