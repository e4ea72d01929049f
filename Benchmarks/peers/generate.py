#!/usr/bin/env python3
"""Seeded synthetic inputs for the Outturn benchmarks and the peer comparison.

Writes into Benchmarks/.data/ (git-ignored; never commit generated data):

  series-100k.csv         `series,period,value`: 100,000 yearly series of 6 to 14 points,
                          shaped like yearly competition data (M1, tourism): positive levels
                          spread over four orders of magnitude, compound growth with a
                          series-specific drift, multiplicative year-to-year shocks and
                          occasional level shifts.
  ledger-1m.csv           `line,year,budget,actual` (the ledger format of datasets/gwent-ict/):
                          200,000 cost-centre lines x 5 fiscal years = 1,000,000 rows, pounds.
  scenario-ledger-1m.yaml a scenario for `planner forecast` naming every line of that ledger
                          with its next-year budget (the format of datasets/gwent-ict/).

Only the Python standard library is used, with a fixed seed, so `make bench` needs no
virtual environment and the same command always writes byte-identical files.

Usage: python3 Benchmarks/peers/generate.py [--series N] [--lines N] [--years N] [--force]
"""
import argparse
import math
import os
import random
import sys

SEED = 20261129
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", ".data"))


def yearly_series(rng, count):
    """Yields (name, values) for `count` competition-like yearly series."""
    for index in range(count):
        length = rng.randint(6, 14)
        level = math.exp(rng.gauss(8.0, 1.5))          # ~3,000 typical, 50 to 200,000 range
        drift = rng.gauss(0.03, 0.05)                   # yearly growth
        volatility = abs(rng.gauss(0.08, 0.04)) + 0.01  # year-to-year relative spread
        momentum = rng.uniform(0.0, 0.6)                # growth persists a little
        growth = drift
        values = []
        for _ in range(length):
            values.append(level)
            growth = drift + momentum * (growth - drift) + volatility * rng.gauss(0, 1)
            if rng.random() < 0.03:                     # a reorganisation: level shift
                growth += rng.gauss(0, 0.3)
            level *= math.exp(growth)
        yield f"S{index + 1:06d}", values


def write_series(path, count, rng):
    with open(path, "w", buffering=1 << 20) as out:
        out.write("series,period,value\n")
        for name, values in yearly_series(rng, count):
            out.write("".join(f"{name},{period},{value:.1f}\n" for period, value in enumerate(values, 1)))


def fiscal_year(start):
    return f"{start}/{(start + 1) % 100:02d}"


def write_ledger(ledger_path, scenario_path, lines, years, rng):
    first_year = 2022 - years
    target = fiscal_year(2022)
    budgets_next = []
    with open(ledger_path, "w", buffering=1 << 20) as out:
        out.write("line,year,budget,actual\n")
        for index in range(lines):
            name = f"CC{index + 1:06d} {('Staff', 'Licences', 'Hardware', 'Contracts', 'Travel', 'Estates')[index % 6]}"
            budget = round(math.exp(rng.gauss(10.5, 1.3)))  # ~36,000 pounds typical
            growth = rng.gauss(0.03, 0.04)
            spread = abs(rng.gauss(0.10, 0.05)) + 0.01
            rows = []
            for offset in range(years):
                actual = max(0, round(budget * math.exp(spread * rng.gauss(0, 1) - 0.02)))
                rows.append(f"{name},{fiscal_year(first_year + offset)},{budget},{actual}\n")
                budget = max(1, round(budget * math.exp(growth + 0.02 * rng.gauss(0, 1))))
            out.write("".join(rows))
            budgets_next.append((name, budget))
    with open(scenario_path, "w", buffering=1 << 20) as out:
        out.write(f"# Synthetic scenario for {lines} lines (Benchmarks/peers/generate.py, seed {SEED}).\n")
        out.write(f"ledger: {os.path.basename(ledger_path).removesuffix('.partial')}\n")
        out.write(f"target_year: {target}\n")
        out.write("lines:\n")
        out.write("".join(f"  {name}:\n    budget: {budget}\n" for name, budget in budgets_next))
        out.write("assumptions:\n  inflation: 2%\n  year_to_year_spread: 14%\n  correlation: 0.3\n")
        out.write("confidence:\n  levels: [80%, 95%]\n  budget_needed: 80%\n")
        out.write("simulation:\n  seed: 20220401\n  draws: 20000\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--series", type=int, default=100_000, help="yearly series in series-100k.csv")
    parser.add_argument("--lines", type=int, default=200_000, help="cost-centre lines in the ledger")
    parser.add_argument("--years", type=int, default=5, help="fiscal years per ledger line")
    parser.add_argument("--force", action="store_true", help="rewrite files that already exist")
    parser.add_argument("--ledger-only", action="store_true",
                        help="write only ledger-<rows>.csv and scenario-ledger-<rows>.yaml (for scaling runs)")
    arguments = parser.parse_args()
    os.makedirs(DATA, exist_ok=True)
    rows = arguments.lines * arguments.years
    label = "1m" if rows == 1_000_000 else str(rows)
    jobs = [] if arguments.ledger_only else [
        ("series-100k.csv", lambda p: write_series(p, arguments.series, random.Random(SEED))),
    ]
    jobs.append((f"ledger-{label}.csv", lambda p: write_ledger(p, os.path.join(DATA, f"scenario-ledger-{label}.yaml"),
                                                              arguments.lines, arguments.years, random.Random(SEED + 1))))
    for name, job in jobs:
        path = os.path.join(DATA, name)
        if os.path.exists(path) and not arguments.force:
            print(f"{path}: exists (use --force to rewrite)", file=sys.stderr)
            continue
        job(path + ".partial")
        os.replace(path + ".partial", path)
        print(f"{path}: {os.path.getsize(path) / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
