#!/usr/bin/env python3
"""Precision/recall of the vague-language detector on the DEVELOPMENT half
of tests/corpus/real.jsonl only (test-half clauses are never read past the
`split` field, so nothing about them is printed).

usage: scripts/vague_dev_eval.py [--bin target/debug/tongbiao] [--rules rules/]
                                 [--batches tuned|1-6|7|all] [--errors]
`tuned` (the default) means the batches tuned on so far (<= TUNED_ON, read
from the constant of that name in tests/corpus.rs); `all` takes every batch
in the file.
Compares classes per clause as tests/corpus.rs does (batches 1-5 have no
`batch` field and count as batch <= 5).
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys
from collections import defaultdict


def tuned_on():
    """The last batch whose development half a pass has tuned on: one
    number, kept in tests/corpus.rs (`const TUNED_ON`)."""
    src = pathlib.Path(__file__).resolve().parent.parent / "tests" / "corpus.rs"
    m = re.search(r"^const TUNED_ON: u32 = (\d+);", src.read_text(encoding="utf-8"), re.M)
    if m is None:
        raise SystemExit(f"{src}: no `const TUNED_ON: u32 = N;`")
    return int(m.group(1))


TUNED_ON = tuned_on()


def keep(batch, spec):
    b = batch if batch is not None else 5
    if spec == "tuned":
        return b <= TUNED_ON
    if spec == "all":
        return True
    if "-" in spec:
        lo, hi = spec.split("-")
        return int(lo) <= b <= int(hi) if batch is not None or int(lo) <= 5 else False
    return batch == int(spec)


def classes_per_line(binary, rules, texts):
    """The classes `check-text` finds in each text, by 1-based position
    (one text per input line). Shared with scripts/agreement.py."""
    inp = "\n".join(t.replace("\n", " ") for t in texts) + "\n"
    out = subprocess.run(
        [binary, "check-text", "--format", "json", "--rules", rules],
        input=inp.encode(), capture_output=True, check=False,
    ).stdout
    found = defaultdict(set)
    for r in json.loads(out):
        for f in r["findings"]:
            found[r["line"]].add(f["class"])
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/debug/tongbiao")
    ap.add_argument("--rules", default="rules/")
    ap.add_argument("--batches", default="tuned")
    ap.add_argument("--errors", action="store_true")
    a = ap.parse_args()
    cases = []
    with open("tests/corpus/real.jsonl", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            c = json.loads(line)
            if c["split"] != "dev" or not keep(c.get("batch"), a.batches):
                continue
            cases.append((n, c))
    found = classes_per_line(a.bin, a.rules, [c["text"] for _, c in cases])
    by = defaultdict(lambda: [0, 0, 0])
    errors = []
    for i, (n, c) in enumerate(cases, 1):
        pred, exp = found[i], set(c["labels"])
        for k in pred | exp:
            if k in pred and k in exp:
                by[k][0] += 1
            elif k in pred:
                by[k][1] += 1
                errors.append(f"  误报 {k} (line {n}, batch {c.get('batch', '1-5')}): {c['text']}")
            else:
                by[k][2] += 1
                errors.append(f"  漏报 {k} (line {n}, batch {c.get('batch', '1-5')}): {c['text']}")
    def pr(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else float("nan")
        r = tp / (tp + fn) if tp + fn else float("nan")
        return p, r
    print(f"development half, batches {a.batches}: {len(cases)} clauses")
    tot = [0, 0, 0]
    for k in sorted(by):
        tp, fp, fn = by[k]
        tot = [x + y for x, y in zip(tot, by[k])]
        p, r = pr(tp, fp, fn)
        print(f"  {k:<8} pos {tp + fn:>3} tp {tp:>3} fp {fp:>3} fn {fn:>3}  P {p:.3} R {r:.3}")
    p, r = pr(*tot)
    print(f"  overall  pos {tot[0] + tot[2]:>3} tp {tot[0]:>3} fp {tot[1]:>3} fn {tot[2]:>3}  P {p:.3} R {r:.3}")
    if a.errors:
        print("\n".join(errors))


if __name__ == "__main__":
    sys.exit(main())
