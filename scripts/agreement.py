#!/usr/bin/env python3
"""Agreement between independent readers of tests/corpus/real.jsonl, the
gold labels and (optionally) the detector, on the clauses the readers
labelled. Precision/recall of X "against" Y count Y's labels as the
reference, per clause and class, as tests/corpus.rs does.

usage: scripts/agreement.py STUDY_DIR [--bin target/debug/tongbiao] [--real FILE]
                             [--rules DIR] [--split dev|test] [--batches FIRST-LAST]
STUDY_DIR holds one `<reader>.jsonl` per reader: {"text", "labels"} lines
matched to real.jsonl by text, or {"line", "labels"} by line number
(`adjudicated*.jsonl` is not a reader and is skipped). With --bin, the detector (shipped rules/)
is scored against the gold and each reader on the same clauses. --split and
--batches keep only the clauses of one half and of a range of batches (clauses
without a batch number, batches 1-5, count as batch 0).
"""
import argparse
import itertools
import json
import pathlib
from collections import defaultdict

from vague_dev_eval import classes_per_line


def load_gold(path):
    """The gold labels by text, the text of each line number, and each
    text's (split, batch)."""
    gold, texts, where = {}, {}, {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                c = json.loads(line)
                gold[c["text"]] = set(c["labels"])
                texts[n] = c["text"]
                where[c["text"]] = (c["split"], c.get("batch", 0))
    return gold, texts, where


def batch_range(arg):
    """`FIRST-LAST` (or one number) as an inclusive range."""
    first, _, last = arg.partition("-")
    return range(int(first), int(last or first) + 1)


def load_reader(path, texts):
    """A reader's labels by text; a line gives `text`, or `line` (a line
    number of real.jsonl, for label sets over the whole corpus)."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                c = json.loads(line)
                out[c["text"] if "text" in c else texts[c["line"]]] = set(c["labels"])
    return out


def score(pred, ref, texts):
    tp = fp = fn = 0
    per = defaultdict(lambda: [0, 0, 0])
    for t in texts:
        p, r = pred[t], ref[t]
        for c in p | r:
            k = 0 if c in p and c in r else (1 if c in p else 2)
            per[c][k] += 1
            if k == 0:
                tp += 1
            elif k == 1:
                fp += 1
            else:
                fn += 1
    return tp, fp, fn, per


def ratio(a, b):
    return a / b if b else 1.0


def line(name, s):
    tp, fp, fn, per = s
    p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{name:<24} precision {p:.3f} recall {r:.3f} F1 {f1:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    for c, (a, b, d) in sorted(per.items(), key=lambda x: -(x[1][0] + x[1][2])):
        print(f"    {c:<6} reference {a + d:>3}  precision {ratio(a, a + b):.3f}  recall {ratio(a, a + d):.3f}")


def kappa(x, y, texts):
    a = [bool(x[t]) for t in texts]
    b = [bool(y[t]) for t in texts]
    n = len(texts)
    po = sum(i == j for i, j in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return po, (po - pe) / (1 - pe) if pe < 1 else 1.0


def detect(binary, rules, texts):
    found = classes_per_line(binary, rules, texts)
    return {t: found.get(i + 1, set()) for i, t in enumerate(texts)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("study")
    ap.add_argument("--bin")
    ap.add_argument("--real", default="tests/corpus/real.jsonl",
                    help="the gold file (an earlier version: `git show REV:tests/corpus/real.jsonl > FILE`)")
    ap.add_argument("--rules", default="rules/",
                    help="the detector's rules directory (an earlier lexicon: `git archive REV rules | tar -x -C DIR`)")
    ap.add_argument("--split", choices=["dev", "test"], help="only the clauses of this half")
    ap.add_argument("--batches", type=batch_range, help="only these batches, e.g. 31-46")
    a = ap.parse_args()
    gold, lines, where = load_gold(a.real)
    files = sorted(p for p in pathlib.Path(a.study).glob("*.jsonl") if not p.stem.startswith("adjudicated"))
    readers = {p.stem: load_reader(p, lines) for p in files}
    texts = sorted(set.intersection(*(set(r) for r in readers.values())))
    missing = [t for t in texts if t not in gold]
    if missing:
        raise SystemExit(f"{len(missing)} reader clauses are not in real.jsonl, e.g. {missing[0]!r}")
    texts = [t for t in texts if (a.split is None or where[t][0] == a.split)
             and (a.batches is None or where[t][1] in a.batches)]
    if not texts:
        raise SystemExit("no clause left after --split / --batches")
    sets = {"gold": {t: gold[t] for t in texts}, **readers}
    print(f"{len(texts)} clauses read by {', '.join(readers)}; gold labels {sum(len(gold[t]) for t in texts)}")
    if a.bin:
        sets["detector"] = detect(a.bin, a.rules, texts)
    # Everything against the gold; each pair of readers, and the detector
    # against each reader, once (X against Y is Y against X with precision
    # and recall swapped).
    names = list(readers)
    for name in [*names, *(["detector"] if a.bin else [])]:
        line(f"{name} against gold", score(sets[name], sets["gold"], texts))
    for i, ref in enumerate(names):
        for name in [*names[i + 1:], *(["detector"] if a.bin else [])]:
            line(f"{name} against {ref}", score(sets[name], sets[ref], texts))
    for x, y in itertools.combinations(["gold", *readers], 2):
        po, k = kappa(sets[x], sets[y], texts)
        print(f"vague or not, {x} and {y}: agree {po:.3f}, Cohen's kappa {k:.3f}")


if __name__ == "__main__":
    main()
