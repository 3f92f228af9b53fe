#!/usr/bin/env python3
"""Scores extracted article bodies against the article-extraction benchmark's
ground truth, with the benchmark's metric as ../shared/data/README.md
defines it (written for newsmill from that definition):

  for each page, split the true and the extracted body into word tokens
  (runs of Unicode word characters), form the multisets of 4-token shingles
  (a text of fewer than 4 tokens is one shingle of all its tokens), count
  tp = shared shingles, fp = extracted-only, fn = true-only, and scale the
  three to sum to 1; precision and recall are the means over pages of
  tp/(tp+fp) and tp/(tp+fn), leaving out a page with nothing on that side
  (and counting 1.0 when both sides are empty); F1 is the harmonic mean of
  the two means.

Usage: score.py GROUND_TRUTH.json PREDICTIONS.json [--per-page]
PREDICTIONS maps page id -> {"articleBody": text} (like the ground truth).
Prints: precision recall f1 (and per page figures with --per-page).
"""
import json
import re
import sys
from collections import Counter

WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    tokens = WORD.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def counts(true, pred):
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return tp, fp, fn


def precision(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def recall(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def score(truth, pred):
    per_page = {}
    for key, gold in truth.items():
        got = (pred.get(key) or {}).get("articleBody") or ""
        per_page[key] = counts(gold.get("articleBody") or "", got)
    ps = [precision(*c) for c in per_page.values() if c[0] + c[1] > 0]
    rs = [recall(*c) for c in per_page.values() if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, per_page


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    truth = json.load(open(sys.argv[1], encoding="utf-8"))
    pred = json.load(open(sys.argv[2], encoding="utf-8"))
    p, r, f1, per_page = score(truth, pred)
    if "--per-page" in sys.argv:
        for key, c in sorted(per_page.items(), key=lambda kv: precision(*kv[1]) + recall(*kv[1])):
            print(f"{key[:16]}  p={precision(*c):.3f} r={recall(*c):.3f}")
    print(f"precision={p:.3f} recall={r:.3f} f1={f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
