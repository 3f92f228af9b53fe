#!/usr/bin/env python3
"""Scores each system's predictions with score.py and prints the benchmark table.

Usage: report.py GROUND_TRUTH.json RESULTS_DIR SYSTEM [SYSTEM ...]

For each SYSTEM, RESULTS_DIR holds SYSTEM.json (predictions, {id: {"articleBody": text}}),
SYSTEM.timing.json ({"pages", "seconds", "failures"}) and SYSTEM.mem (peak RSS in KiB,
as /usr/bin/time -f %M prints it). The first SYSTEM is newsmill; the speed ratio of it
to every other system is printed under the table. RESULTS_DIR/header.txt, if present,
is printed above the table.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402  (the benchmark's metric)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def peak_kib(path):
    # /usr/bin/time -o writes the %M line last (after a "Command exited" line on failure).
    with open(path, encoding="utf-8") as f:
        lines = [line.strip() for line in f if line.strip()]
    return int(lines[-1])


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    truth = load(sys.argv[1])
    results = sys.argv[2]
    systems = sys.argv[3:]
    rows = []
    for name in systems:
        pred = load(os.path.join(results, name + ".json"))
        timing = load(os.path.join(results, name + ".timing.json"))
        p, r, f1, _ = score.score(truth, pred)
        rows.append({
            "system": name,
            "precision": p, "recall": r, "f1": f1,
            "pps": timing["pages"] / timing["seconds"] if timing["seconds"] > 0 else float("inf"),
            "mib": peak_kib(os.path.join(results, name + ".mem")) / 1024.0,
            "failed": timing["failures"],
        })

    out = []
    header = os.path.join(results, "header.txt")
    if os.path.exists(header):
        with open(header, encoding="utf-8") as f:
            out.extend(line.rstrip("\n") for line in f)
        out.append("")
    width = max(len("system"), *(len(row["system"]) for row in rows))
    out.append(f"{'system':<{width}}  precision  recall     F1  pages/s (1 core)  peak MiB  failed")
    for row in rows:
        out.append(f"{row['system']:<{width}}  {row['precision']:9.3f}  {row['recall']:6.3f}"
                   f"  {row['f1']:5.3f}  {row['pps']:16.1f}  {row['mib']:8.1f}  {row['failed']:6d}")
    out.append("")
    # Ratios of each newsmill run to each peer.
    ours = [row for row in rows if row["system"].startswith("newsmill")]
    peers = [row for row in rows if not row["system"].startswith("newsmill")]
    for mine in ours:
        for row in peers:
            out.append(f"{mine['system']} is {mine['pps'] / row['pps']:.1f}x {row['system']}"
                       f" (pages/s, one core)")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
