#!/usr/bin/env python3
"""Throughput and memory of `newsmill cluster` at 10k, 100k and 1M documents.

  scale.py [--newsmill PATH] [--work DIR] [--sizes 10000,100000,1000000]

For each size: generates the records once (generate.py scale, cached in
--work), runs `newsmill cluster` on them, and prints documents per second,
the peak resident memory (from wait4's rusage of the child), and how both
grow against the smallest size; plus the pair precision and recall against
the generator's stories (ids are "s<story>-<kind>-<copy>").
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from quality import find_newsmill, comb2  # noqa: E402


def run(cmd):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    err = proc.stderr.read()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit('scale.py: %s failed: %s' % (cmd[0], err))
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss * 1024, err.strip()


def pair_scores(path):
    members = collections.defaultdict(list)
    stories = collections.Counter()
    with open(path) as f:
        for line in f:
            o = json.loads(line)
            story = o['id'].split('-', 1)[0]
            members[o['cluster']].append(story)
            stories[story] += 1
    predicted = correct = 0
    for ids in members.values():
        predicted += comb2(len(ids))
        correct += sum(comb2(v) for v in collections.Counter(ids).values())
    truth = sum(comb2(v) for v in stories.values())
    return correct / max(1, predicted), correct / max(1, truth)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--newsmill', default=os.environ.get('NEWSMILL') or find_newsmill())
    ap.add_argument('--work', default='/tmp/newsmill-cluster-scale')
    ap.add_argument('--sizes', default='10000,100000,1000000')
    ap.add_argument('--threads', default='2')
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    rows = []
    for n in [int(x) for x in args.sizes.split(',')]:
        corpus = os.path.join(args.work, 'records-%d.jsonl' % n)
        if not os.path.exists(corpus):
            subprocess.run([sys.executable, os.path.join(HERE, 'generate.py'), 'scale',
                            str(n), corpus + '.part'], check=True)
            if not os.path.exists(corpus + '.part'):
                print('scale.py: no corpus (see above): skipped')
                return 0
            os.rename(corpus + '.part', corpus)
        out = os.path.join(args.work, 'clusters-%d.jsonl' % n)
        cmd = [args.newsmill, 'cluster', '--threads', args.threads, '-o', out, corpus]
        print('$ ' + ' '.join(cmd), flush=True)
        seconds, cpu, rss, summary = run(cmd)
        precision, recall = pair_scores(out)
        size = os.path.getsize(corpus)
        rows.append((n, seconds, cpu, rss, size, precision, recall))
        print('  %s' % summary, flush=True)
    print('\n%10s %7s %8s %8s %8s %9s %7s %9s %8s' % (
        'documents', 'MB in', 'seconds', 'CPU s', 'docs/s', 'peak MiB', 'x time',
        'x memory', 'P / R'))
    n0, s0, r0 = rows[0][0], rows[0][1], rows[0][3]
    for n, s, cpu, r, size, p, rc in rows:
        print('%10d %7.0f %8.1f %8.1f %8.0f %9.0f %7.2f %9.2f  %.4f / %.4f' % (
            n, size / 1e6, s, cpu, n / s, r / 2**20, (s / s0) / (n / n0),
            (r / r0) / (n / n0), p, rc))
    print('(x time, x memory: growth relative to the first size, divided by the '
          'growth in documents; 1.00 is linear)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
