#!/usr/bin/env python3
"""Quality of `newsmill cluster` on the labelled corpus of generate.py.

  quality.py [--newsmill PATH] [--from raw|records] [--work DIR] [-- cluster flags]

Generates the corpus (once, in --work), runs `newsmill cluster` on it and
prints, by kind of variant, the recall of the pairs (variant, original); the
precision of all pairs put in one cluster; recall for pairs whose true
containment is >= 0.8 and below; the share of hard-negative pairs (documents
of two different stories on the same topic) wrongly joined; and the adjusted
Rand index of the clusters against the stories.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))


def find_newsmill():
    for d in ('build-dedup', 'build', 'build-dev'):
        p = os.path.join(ROOT, d, 'newsmill')
        if os.path.exists(p):
            return p
    return 'newsmill'


def comb2(n):
    return n * (n - 1) // 2


def adjusted_rand(labels, clusters):
    table = collections.Counter(zip(labels, clusters))
    a = collections.Counter(labels)
    b = collections.Counter(clusters)
    index = sum(comb2(v) for v in table.values())
    sa = sum(comb2(v) for v in a.values())
    sb = sum(comb2(v) for v in b.values())
    expected = sa * sb / comb2(len(labels))
    top = (sa + sb) / 2
    return (index - expected) / (top - expected) if top != expected else 1.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--newsmill', default=os.environ.get('NEWSMILL') or find_newsmill())
    ap.add_argument('--from', dest='source', default='raw', choices=['raw', 'records'])
    ap.add_argument('--work', default='/tmp/newsmill-cluster-quality')
    ap.add_argument('extra', nargs='*', help='flags passed to newsmill cluster')
    args = ap.parse_args()

    labels_path = os.path.join(args.work, 'labels.tsv')
    if not os.path.exists(labels_path):
        r = subprocess.run([sys.executable, os.path.join(HERE, 'generate.py'), 'quality',
                            args.work])
        if r.returncode != 0 or not os.path.exists(labels_path):
            print('quality.py: no corpus (see above): skipped')
            return 0
    out_path = os.path.join(args.work, 'clusters.%s.jsonl' % args.source)
    cmd = [args.newsmill, 'cluster', '--from', args.source, '-o', out_path,
           os.path.join(args.work, 'docs.jsonl')] + args.extra
    print('$ ' + ' '.join(cmd))
    subprocess.run(cmd, check=True)

    story, kind = {}, {}
    with open(labels_path, encoding='utf-8') as f:
        next(f)
        for line in f:
            i, s, k, _ = line.rstrip('\n').split('\t')
            story[i], kind[i] = int(s), k
    cluster = {}
    with open(out_path, encoding='utf-8') as f:
        for line in f:
            o = json.loads(line)
            cluster[o['id']] = o['cluster']

    # Recall of labelled pairs, by kind and by containment.
    found = collections.Counter()
    total = collections.Counter()
    with open(os.path.join(args.work, 'pairs.tsv'), encoding='utf-8') as f:
        next(f)
        for line in f:
            a, b, k, c = line.rstrip('\n').split('\t')
            same = cluster[a] == cluster[b]
            band = 'containment>=0.8' if float(c) >= 0.8 else 'containment<0.8'
            for key in (k, band, 'all'):
                total[key] += 1
                found[key] += same
    # Precision over every pair put in one cluster.
    members = collections.defaultdict(list)
    for i, c in cluster.items():
        members[c].append(i)
    predicted = correct = 0
    for ids in members.values():
        by_story = collections.Counter(story[i] for i in ids)
        predicted += comb2(len(ids))
        correct += sum(comb2(v) for v in by_story.values())
    # Hard negatives: every document pair across two same-topic stories.
    docs_of = collections.defaultdict(list)
    for i, s in story.items():
        docs_of[s].append(i)
    neg_total = neg_joined = 0
    with open(os.path.join(args.work, 'hard_negatives.tsv')) as f:
        next(f)
        for line in f:
            sa, sb = map(int, line.split())
            ca = collections.Counter(cluster[i] for i in docs_of[sa])
            cb = collections.Counter(cluster[i] for i in docs_of[sb])
            neg_total += len(docs_of[sa]) * len(docs_of[sb])
            neg_joined += sum(v * cb[c] for c, v in ca.items())

    print('\nrecall of pairs by kind (variant, original):')
    for k in ['chrome', 'trim', 'drop', 'reorder', 'edit', 'quotes', 'wire',
              'syndicated', 'variant-variant', 'containment>=0.8', 'containment<0.8',
              'all']:
        if total[k]:
            print('  %-18s %6d pairs  recall %.4f' % (k, total[k], found[k] / total[k]))
    precision = correct / predicted if predicted else 1.0
    print('\npairs put in one cluster: %d, precision %.4f' % (predicted, precision))
    print('containment >= 0.8: precision %.4f recall %.4f (targets 0.99 / 0.98)'
          % (precision, found['containment>=0.8'] / max(1, total['containment>=0.8'])))
    print('hard negatives (same topic, other story): %d of %d pairs joined (%.5f; '
          'target < 0.001)' % (neg_joined, neg_total, neg_joined / max(1, neg_total)))
    ids = sorted(story)
    print('adjusted Rand index against the stories: %.4f'
          % adjusted_rand([story[i] for i in ids], [cluster[i] for i in ids]))
    return 0


if __name__ == '__main__':
    sys.exit(main())
