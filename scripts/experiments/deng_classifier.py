#!/usr/bin/env python3
"""Experiment (issue 11): a small learned classifier over the context of each
`等`, alone or as a filter on the lexicon's 开放列举 hits.

Blinding:
- Only lines of tests/corpus/real.jsonl with "split": "dev" are used; the
  split is checked first thing for every line, and test-half lines are never
  kept, printed or counted.
- Model, hyper-parameters and threshold are chosen by 5-fold cross-validation
  on the dev halves of batches <= 42 (the batches the lexicon was tuned on;
  lines without `batch` are batches 1-5). The dev halves of batches 43-46
  (tuned on by nobody) are scored once, after every choice is fixed.

Task: clause level, class 开放列举 only. Candidates are clauses containing
`等`; y = 1 if the gold labels contain 开放列举. Features: character 1-3-grams
of a +-15-character window around each `等` (windows of one clause joined by
a separator), plus one feature "the lexicon flags 开放列举 in this clause".
Model: logistic regression; class_weight and C chosen by 5-fold CV, threshold
chosen on the out-of-fold probabilities to maximise F1. A variant without the
lexicon feature is reported too (chosen the same way).

Scored systems (over every dev clause of the set; a clause without `等` has
no classifier opinion, so the classifier predicts 0 there and the lexicon's
verdict stands in the filter and OR systems):
  (a) lexicon alone, (b) classifier alone, (c) lexicon hits kept only where
  the classifier agrees, (d) lexicon OR classifier.

Run from the repository root, after `cargo build --locked`:
  python3 -m venv /tmp/expvenv && /tmp/expvenv/bin/pip install scikit-learn
  /tmp/expvenv/bin/python scripts/experiments/deng_classifier.py \
      [--bin target/debug/tongbiao] [--rules rules/]
"""
import argparse
import json
import os
import sys

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from vague_dev_eval import classes_per_line  # noqa: E402

CLASS = "开放列举"
WINDOW = 15
TRAIN_MAX = 42          # train / CV on dev batches <= 42
EVAL = range(43, 47)    # evaluate once on dev batches 43-46
SEED = 0


def load_dev():
    """Dev lines only: the split is checked before anything else is read."""
    train, held = [], []
    with open("tests/corpus/real.jsonl", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            c = json.loads(line)
            if c.get("split") != "dev":
                continue
            b = c.get("batch", 5)
            if b <= TRAIN_MAX:
                train.append(c)
            elif b in EVAL:
                held.append(c)
    return train, held


def windows(text):
    """Join the +-WINDOW contexts of every `等` (marker kept)."""
    parts = []
    for i, ch in enumerate(text):
        if ch == "等":
            parts.append(text[max(0, i - WINDOW):i + WINDOW + 1])
    return " | ".join(parts)


def prepare(cases, binary, rules):
    found = classes_per_line(binary, rules, [c["text"] for c in cases])
    lex = np.array([CLASS in found[i] for i in range(1, len(cases) + 1)], bool)
    gold = np.array([CLASS in c["labels"] for c in cases], bool)
    has = np.array(["等" in c["text"] for c in cases], bool)
    win = [windows(c["text"]) for c in cases]
    return lex, gold, has, win


def features(vec, win, lex, use_lex, fit=False):
    X = vec.fit_transform(win) if fit else vec.transform(win)
    if use_lex:
        X = hstack([X, csr_matrix(lex.reshape(-1, 1).astype(float) * 3.0)]).tocsr()
    return X


def make_vec():
    return CountVectorizer(analyzer="char", ngram_range=(1, 3), binary=True, min_df=1)


def fit_predict(win_tr, lex_tr, y_tr, win_te, lex_te, use_lex, cw, C):
    vec = make_vec()
    Xtr = features(vec, win_tr, lex_tr, use_lex, fit=True)
    Xte = features(vec, win_te, lex_te, use_lex)
    m = LogisticRegression(C=C, class_weight=cw, max_iter=5000)
    m.fit(Xtr, y_tr)
    return m.predict_proba(Xte)[:, 1]


def oof(win, lex, y, use_lex, cw, C):
    """Out-of-fold probabilities over the candidate clauses."""
    p = np.zeros(len(y))
    skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    for tr, te in skf.split(np.zeros(len(y)), y):
        p[te] = fit_predict([win[i] for i in tr], lex[tr], y[tr],
                            [win[i] for i in te], lex[te], use_lex, cw, C)
    return p


def f1(pred, gold):
    tp = int((pred & gold).sum()); fp = int((pred & ~gold).sum()); fn = int((~pred & gold).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def best_threshold(p, y):
    best = (-1, 0.5)
    for t in np.arange(0.05, 0.96, 0.025):
        s = f1(p >= t, y)
        if s > best[0]:
            best = (s, float(t))
    return best


def score(name, pred, gold):
    tp = int((pred & gold).sum()); fp = int((pred & ~gold).sum()); fn = int((~pred & gold).sum())
    P = tp / (tp + fp) if tp + fp else float("nan")
    R = tp / (tp + fn) if tp + fn else float("nan")
    print(f"  {name:<34} tp {tp:>3} fp {fp:>3} fn {fn:>3}  P {P:.3f} R {R:.3f}")


def report(title, lex, gold, has, clf_on_cand):
    """clf_on_cand: classifier verdicts on the candidate (`等`) clauses."""
    clf = np.zeros(len(gold), bool)
    clf[has] = clf_on_cand
    # Filter: on `等` clauses keep lexicon hits the classifier agrees with;
    # clauses without `等` keep the lexicon's verdict.
    filt = np.where(has, lex & clf, lex)
    print(title)
    print(f"  clauses {len(gold)}, with 等 {int(has.sum())}, positives {int(gold.sum())} "
          f"(with 等 {int((gold & has).sum())})")
    score("(a) lexicon alone", lex, gold)
    score("(b) classifier alone", clf, gold)
    score("(c) lexicon filtered by classifier", filt, gold)
    score("(d) lexicon OR classifier", lex | clf, gold)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/debug/tongbiao")
    ap.add_argument("--rules", default="rules/")
    ap.add_argument("--cv-only", action="store_true",
                    help="stop after the cross-validation on batches <= 42")
    a = ap.parse_args()
    train, held = load_dev()
    lex_tr, y_tr_all, has_tr, win_tr_all = prepare(train, a.bin, a.rules)
    cand = np.where(has_tr)[0]
    win_tr = [win_tr_all[i] for i in cand]
    lx, y = lex_tr[cand], y_tr_all[cand]

    chosen = {}
    for use_lex in (True, False):
        best = None
        for cw in (None, "balanced"):
            for C in (0.3, 1.0, 3.0, 10.0):
                p = oof(win_tr, lx, y, use_lex, cw, C)
                s, t = best_threshold(p, y)
                if best is None or s > best[0]:
                    best = (s, t, cw, C, p)
        s, t, cw, C, p = best
        chosen[use_lex] = (t, cw, C)
        tag = "with lexicon feature" if use_lex else "without lexicon feature"
        print(f"CV choice ({tag}): class_weight={cw} C={C} threshold={t:.3f} (OOF F1 {s:.3f})")
        report(f"5-fold CV on dev batches <= {TRAIN_MAX} ({tag}; threshold chosen on these same OOF scores):",
               lex_tr, y_tr_all, has_tr, p >= t)

    if a.cv_only:
        return 0
    # All choices are fixed above; the held-out set is scored once.
    lex_h, y_h, has_h, win_h_all = prepare(held, a.bin, a.rules)
    cand_h = np.where(has_h)[0]
    for use_lex in (True, False):
        t, cw, C = chosen[use_lex]
        p = fit_predict(win_tr, lx, y, [win_h_all[i] for i in cand_h], lex_h[cand_h], use_lex, cw, C)
        tag = "with lexicon feature" if use_lex else "without lexicon feature"
        report(f"Dev batches 43-46, scored once ({tag}):", lex_h, y_h, has_h, p >= t)


if __name__ == "__main__":
    sys.exit(main())
