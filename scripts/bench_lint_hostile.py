#!/usr/bin/env python3
"""Time `tongbiao lint` on hostile catalogs (issue 15): the size targets in a
catalog file rather than in `check-text`, and check that the human report
loses no finding (its frames and, past the frame limit, its one-line
findings are counted against the JSON output).

    cargo build --release
    python3 scripts/bench_lint_hostile.py target/release/tongbiao

Cases, each a copy of tests/cases/clean/catalog with one item edited: a
10 MB one-line condition with a vague phrase at its end; 100,000 vague
phrases in one condition; 100,000 unknown keys in one item; and the clean
catalog with a 16,384-character lexicon pattern in rules/ (refused as
config). Prints CPU time (user + sys, of the child) and wall time per
format. Inputs are written to a temporary directory and deleted afterwards.
"""

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ITEM = "items/630101001000.json"


def run(binary, args, cwd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run([binary, *args], cwd=cwd, capture_output=True, env=dict(os.environ, NO_COLOR="1"))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, p


def case(root, tmp, name, edit):
    d = os.path.join(tmp, name)
    shutil.copytree(os.path.join(root, "tests/cases/clean/catalog"), os.path.join(d, "catalog"))
    shutil.copytree(os.path.join(root, "rules"), os.path.join(d, "rules"))
    path = os.path.join(d, "catalog", ITEM)
    with open(path, encoding="utf-8") as f:
        item = json.load(f)
    edit(item)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(item, f, ensure_ascii=False)  # one line
    return d


def measure(binary, d, label):
    args = ["lint", "catalog", "--rules", "rules"]
    cpu, wall, p = run(binary, [*args, "--format", "json"], d)
    found = [f for f in json.loads(p.stdout)["findings"] if f["severity"] != "info"]
    rules = sorted({f["rule"] for f in found})
    print(f"{label}: json {cpu:.2f} s CPU, {wall:.2f} s wall, exit {p.returncode}, {len(found)} findings {rules}")
    cpu, wall, p = run(binary, args, d)
    text = p.stdout.decode("utf-8", "replace")
    frames = text.count("╭─[")
    # Past the frame limit the rest are listed one per line after a notice.
    listed = text.split("条逐行列出", 1)[1].splitlines()[1:] if "条逐行列出" in text else []
    lines = sum(1 for line in listed if ".json:" in line)
    status = "all shown" if frames + lines == len(found) else f"LOST {len(found) - frames - lines}"
    print(f"{label}: human {cpu:.2f} s CPU, {wall:.2f} s wall, exit {p.returncode}, {frames} frames + {lines} lines ({status})")


def main() -> None:
    binary = os.path.abspath(sys.argv[1])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    tmp = tempfile.mkdtemp(prefix="tongbiao-bench-lint-hostile-")
    try:

        def long_line(item):
            item["conditions"] = ["申请人提交身份证明" * (10 * 1024 * 1024 // 27) + "其他相关材料"]

        def many_phrases(item):
            item["conditions"] = ["其他相关材料、身份证等" * 50_000]

        def many_keys(item):
            item.update({f"k{i}": i for i in range(100_000)})

        measure(binary, case(root, tmp, "long", long_line), "10 MB one-line condition, phrase at its end")
        measure(binary, case(root, tmp, "phrases", many_phrases), "100,000 phrases in one condition")
        measure(binary, case(root, tmp, "keys", many_keys), "100,000 unknown keys in one item")
        d = case(root, tmp, "pattern", lambda item: None)
        lex_path = os.path.join(d, "rules", "lexicon.json")
        with open(lex_path, encoding="utf-8") as f:
            lexicon = json.load(f)
        lexicon["entries"][0]["pattern"] = "其" * 16_384
        with open(lex_path, "w", encoding="utf-8") as f:
            json.dump(lexicon, f, ensure_ascii=False)
        cpu, wall, p = run(binary, ["lint", "catalog", "--rules", "rules"], d)
        out = (p.stdout + p.stderr).decode("utf-8", "replace")
        first = [line.strip() for line in out.splitlines() if "过长" in line][:1]
        print(f"16,384-character lexicon pattern: {cpu:.2f} s CPU, {wall:.2f} s wall, exit {p.returncode}, {first}")
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
