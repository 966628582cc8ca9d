#!/usr/bin/env python3
"""Lint at scale (issue 14): CPU, wall and max RSS of `tongbiao lint`,
`lint --format json` and `uniformity --format html --out` on generated
10k and 100k-file catalogs, against the parse floor measured in the same
run (`examples/parse_floor.rs`: parallel walk + read + serde_json parse of
the same tree), so the ratio is printed, not claimed.

    cargo build --release --bins --example parse_floor
    python3 scripts/bench_scale.py                      # 10k and 100k
    TB_BENCH_SIZES=10000,100000,1000000 python3 scripts/bench_scale.py
    python3 scripts/bench_scale.py --compare /tmp/tongbiao-before

Options: `--bin PATH` (default target/release/tongbiao), `--floor PATH`
(default target/release/examples/parse_floor), `--compare PATH` (another
tongbiao build: its `lint`, `lint --format json` and uniformity page are
compared byte for byte with this one's, the "用时" figure aside, and timed
too). Environment: TB_BENCH_SIZES (comma-separated file counts),
TB_BENCH_ROUNDS (interleaved rounds, default 2; the least CPU is kept),
TB_BENCH_DIR (where catalogs are generated, default a temporary directory).
Each catalog is deleted after it is measured (1M files take ~1 GB).
"""

import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIME_FMT = "%U %S %e %M"


def timed(argv, cwd, stdout_path):
    """Run under /usr/bin/time: (cpu s, wall s, max RSS MiB, exit code)."""
    with open(stdout_path, "wb") as out:
        p = subprocess.run(
            ["/usr/bin/time", "-f", TIME_FMT, *argv], cwd=cwd, stdout=out, stderr=subprocess.PIPE, check=False
        )
    last = p.stderr.decode("utf-8", "replace").strip().splitlines()[-1]
    user, sys_, wall, rss_kb = last.split()
    return float(user) + float(sys_), float(wall), int(rss_kb) / 1024, p.returncode


def better(old, new):
    """The run to keep: the least CPU, but a run that could not start
    (exit 126/127: no such binary) never wins over one that ran."""
    if old is None:
        return new
    if (old[3] >= 126) != (new[3] >= 126):
        return old if new[3] >= 126 else new
    return min(old, new)


def commands(tag, binary, work):
    page = os.path.join(work, f"u-{tag}.html")
    return {
        "lint": ([binary, "lint", "catalog"], None),
        "lint --format json": ([binary, "lint", "catalog", "--format", "json"], None),
        "uniformity --format html": ([binary, "uniformity", "catalog", "--format", "html", "--out", page], page),
    }


def same_output(a, b, human):
    if not human:
        return filecmp.cmp(a, b, shallow=False)
    strip = lambda p: re.sub(rb"\xe7\x94\xa8\xe6\x97\xb6 [0-9.]+ ", b"", open(p, "rb").read())  # "用时 N "
    return strip(a) == strip(b)


def measure(n, args, rounds, base):
    work = os.path.join(base, f"n{n}")
    os.makedirs(work, exist_ok=True)
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_bench_catalog.py"), str(n),
                    os.path.join(work, "catalog")], check=True, stdout=subprocess.DEVNULL)
    files = sum(len(f) for _, _, f in os.walk(os.path.join(work, "catalog")))
    mib = sum(os.path.getsize(os.path.join(d, x)) for d, _, fs in os.walk(os.path.join(work, "catalog"))
              for x in fs) / 2**20
    load = os.getloadavg()
    print(f"\n## {files} files ({mib:.0f} MiB), load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    bins = [("this", args.bin)] + ([("compare", args.compare)] if args.compare else [])
    best = {}
    for _ in range(rounds):
        key = ("floor", "parse floor")
        r = timed([args.floor, os.path.join(work, "catalog")], work, os.path.join(work, "floor.out"))
        best[key] = better(best.get(key), r)
        for tag, binary in bins:
            for name, (argv, _) in commands(tag, binary, work).items():
                r = timed(argv, work, os.path.join(work, f"{tag}-{name.replace(' ', '_')}.out"))
                best[(tag, name)] = better(best.get((tag, name)), r)
    floor_cpu = best[("floor", "parse floor")][0]
    print(f"| build | command | CPU user+sys | wall | max RSS | exit | CPU / floor |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for (tag, name), (cpu, wall, rss, code) in best.items():
        print(f"| {tag} | {name} | {cpu:.2f} s | {wall:.2f} s | {rss:.0f} MiB | {code} | {cpu / floor_cpu:.2f}× |")
    if args.compare:
        for name, (_, page) in commands("this", args.bin, work).items():
            codes = (best[("this", name)][3], best[("compare", name)][3])
            if any(c not in (0, 1) for c in codes):
                # Exit 2 is a usage or config error (an older build refusing
                # this rules/, say): there is no report to compare.
                print(f"{name}: NOT COMPARED (exit {codes[0]} here, {codes[1]} for --compare)")
                continue
            mine = page or os.path.join(work, f"this-{name.replace(' ', '_')}.out")
            other = commands("compare", args.compare, work)[name][1] or os.path.join(work, f"compare-{name.replace(' ', '_')}.out")
            same = same_output(mine, other, name == "lint")
            print(f"{name}: output {'identical' if same else 'DIFFERENT'} ({os.path.getsize(mine)} bytes)")
    shutil.rmtree(work)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "tongbiao"))
    ap.add_argument("--floor", default=os.path.join(ROOT, "target", "release", "examples", "parse_floor"))
    ap.add_argument("--compare")
    args = ap.parse_args()
    args.bin, args.floor = os.path.abspath(args.bin), os.path.abspath(args.floor)
    args.compare = args.compare and os.path.abspath(args.compare)
    sizes = [int(s) for s in os.environ.get("TB_BENCH_SIZES", "10000,100000").split(",")]
    rounds = int(os.environ.get("TB_BENCH_ROUNDS", "2"))
    parent = os.environ.get("TB_BENCH_DIR")
    if parent:
        os.makedirs(parent, exist_ok=True)
    base = tempfile.mkdtemp(prefix="tongbiao-scale-", dir=parent)
    try:
        for n in sizes:
            measure(n, args, rounds, base)
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
