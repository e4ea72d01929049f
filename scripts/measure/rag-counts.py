#!/usr/bin/env python3
"""Counts the statuses in a `planner forecast --format csv` report (issue 9's materiality check).

Usage: scripts/measure/rag-counts.py FORECAST.csv [--materiality 10000]

Prints the number and share of red, amber and green lines; how many red lines expect to overspend
by no more than the materiality amount (the RAG rule makes that 0); and, for comparison with the
rule before materiality (red when P(overspend) > 50% alone), how many lines have P > 50% and how
many of those expect an immaterial overspend. Reads the lines table only (the Total row and, with
groups, group rows are left out). Standard library only.
"""
import argparse
import csv
from collections import Counter


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("forecast")
    parser.add_argument("--materiality", type=float, default=10_000)
    args = parser.parse_args()
    with open(args.forecast, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["Line"] != "Total" and r.get("Row", "line") == "line"]
    n = len(rows)
    p = [float(r["P(overspend)"]) for r in rows]
    eo = [float(r["Expected overspend"]) for r in rows]
    rag = Counter(r["RAG"] for r in rows)
    print(f"lines: {n:,}")
    for status in ("red", "amber", "green"):
        print(f"{status}: {rag[status]:,} ({100 * rag[status] / n:.1f}%)")
    immaterial_red = sum(1 for r, e in zip(rows, eo) if r["RAG"] == "red" and e <= args.materiality)
    print(f"red with expected overspend <= {args.materiality:,.0f}: {immaterial_red:,}")
    likely = [e for q, e in zip(p, eo) if q > 0.5]
    small = sum(1 for e in likely if e <= args.materiality)
    print(f"P(overspend) > 50% (red before materiality): {len(likely):,} ({100 * len(likely) / n:.1f}%), "
          f"of which expected overspend <= {args.materiality:,.0f}: {small:,}")


if __name__ == "__main__":
    main()
