#!/usr/bin/env python3
"""How often a PolNeAR Source span (the speaker of an attribution) is covered
by an entity mention: the measure of whether speakers can resolve.

Usage:
  newsmill extract --verbatim DIR/text/*.txt > records.jsonl
  bench/text/source_coverage.py records.jsonl DIR/attributions

A Source span counts as covered when some entity mention overlaps it (the
statements stage resolves a speaker span to the mention that best overlaps
it, newsmill::EntityAtSpan). Spans are code-point offsets on both sides.
One annotator's file per article (the first by name).
"""
import collections
import json
import os
import sys


def sources(ann_path):
    for line in open(ann_path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3 or not parts[0].startswith("T"):
            continue
        kind, _, offsets = parts[1].partition(" ")
        if kind != "Source":
            continue
        spans = [tuple(map(int, s.split())) for s in offsets.split(";")]
        yield spans[0][0], spans[-1][1], parts[2]


def main():
    records, ann_dir = sys.argv[1], sys.argv[2]
    by_stem = {}
    for line in open(records, encoding="utf-8"):
        r = json.loads(line)
        by_stem[os.path.basename(r["id"])[:-4]] = r
    files = collections.defaultdict(list)
    for name in sorted(os.listdir(ann_dir)):
        if name.endswith(".ann"):
            files[name.rsplit("_", 1)[0]].append(name)
    total = covered = pron_total = pron_cov = 0
    missed = collections.Counter()
    for stem, names in files.items():
        r = by_stem.get(stem)
        if r is None:
            continue
        mentions = [m for e in r["entities"] for m in e["mentions"]]
        for b, e, text in sources(os.path.join(ann_dir, names[0])):
            total += 1
            hit = any(m[0] < e and b < m[1] for m in mentions)
            covered += hit
            if text.lower() in ("he", "she", "they", "it"):
                pron_total += 1
                pron_cov += hit
            if not hit:
                missed[text.lower()] += 1
    print("PolNeAR sources covered by an entity mention: %d/%d = %.3f" %
          (covered, total, covered / max(total, 1)))
    print("  of which pronoun sources: %d/%d" % (pron_cov, pron_total))
    print("  most frequent uncovered:", missed.most_common(15))


if __name__ == "__main__":
    main()
