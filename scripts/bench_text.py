#!/usr/bin/env python3
"""Time the vague-language matcher on adversarial inputs (issue 15), via
`tongbiao check-text`, so the figures cover reading, normalising, matching
and the report.

    cargo build --release
    python3 scripts/bench_text.py target/release/tongbiao

Cases: one 10 MB line with a vague phrase at its very end; 16,000 and
100,000 vague phrases in one line (a linear matcher takes ~6x as long for
6x the phrases); a lexicon whose single entry is a 4,096- and a 16,384-
character pattern (refused at load with a finding naming the entry). Inputs
are written to a temporary directory and deleted afterwards.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


def run(binary, args, cwd, stdin_path=None):
    start = time.perf_counter()
    with open(stdin_path, "rb") if stdin_path else open(os.devnull, "rb") as inp:
        p = subprocess.run([binary, *args], cwd=cwd, stdin=inp, capture_output=True)
    return time.perf_counter() - start, p


def main() -> None:
    binary = os.path.abspath(sys.argv[1])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    tmp = tempfile.mkdtemp(prefix="tongbiao-bench-text-")
    try:
        big = os.path.join(tmp, "big.txt")
        with open(big, "w", encoding="utf-8") as f:
            f.write("申请人提交身份证明" * (10 * 1024 * 1024 // 27) + "其他相关材料\n")
        secs, p = run(binary, ["check-text", "--format", "json", big], tmp)
        found = json.loads(p.stdout)[0]["findings"]
        print(f"10 MB line, phrase at the end: {secs:.2f} s, findings {len(found)}, exit {p.returncode}")
        for n in (16_000, 100_000):
            many = os.path.join(tmp, f"many{n}.txt")
            with open(many, "w", encoding="utf-8") as f:
                f.write("其他相关材料、身份证等" * (n // 2) + "\n")
            secs, p = run(binary, ["check-text", "--format", "json", many], tmp)
            found = json.loads(p.stdout)[0]["findings"]
            print(f"{n} phrases in one line: {secs:.2f} s, findings {len(found)}, exit {p.returncode}")
        with open(os.path.join(root, "rules", "lexicon.json"), encoding="utf-8") as f:
            lexicon = json.load(f)
        for n in (4_096, 16_384):
            rules = os.path.join(tmp, f"rules{n}")
            os.makedirs(rules)
            entry = dict(lexicon["entries"][0], pattern="其" * n)
            with open(os.path.join(rules, "lexicon.json"), "w", encoding="utf-8") as f:
                json.dump({"entries": [entry], "allow": []}, f, ensure_ascii=False)
            secs, p = run(binary, ["check-text", "--rules", rules, big], tmp)
            out = (p.stdout + p.stderr).decode("utf-8", "replace")
            first = [l for l in out.splitlines() if "过长" in l][:1]
            print(f"{n}-character lexicon pattern: {secs:.2f} s, exit {p.returncode}, {first}")
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
