#!/usr/bin/env python3
"""Seeded generator of a large synthetic ledger for `planner forecast` at organisation scale.

Writes into FOLDER (created if needed; nothing here is ever committed):
  ledger.csv            line,year,budget,actual  (long format, one row per line and fiscal year)
  budgets-2022-23.csv   line,budget              (each line's 2022/23 budget)
  scenario.yaml         a scenario naming both files

Lines are cost centres ("CC-0000042 Facilities"). Each line's history ends in 2021/22 and is
`--years` long, except a share (`--short-share`, default 0.3) that started later (1 to years−1
years), so both the naive path (1-2 years) and the forecaster (3+ years) are exercised. Budgets are
log-normal around £60k, grow about 3% a year; actuals follow the budget with a per-line bias
(some lines overspend year after year) and year-to-year noise. The same seed gives the same files.

Example:
  scripts/generate-ledger.py --lines 1000000 --years 5 --seed 1 /tmp/ledger-1m
  swift build -c release --product planner
  /usr/bin/time -v .build/release/planner forecast /tmp/ledger-1m/scenario.yaml --format csv --output /tmp/out.csv
"""
import argparse
import os
import random

SERVICES = ["Facilities", "Licences", "Hardware", "Cloud hosting", "Agency staff", "Training", "Telephony",
            "Fleet", "Consultancy", "Maintenance", "Postage", "Utilities"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--short-share", type=float, default=0.3)
    args = parser.parse_args()
    if args.lines < 1 or not 1 <= args.years <= 30:
        parser.error("--lines must be at least 1 and --years from 1 to 30")
    rng = random.Random(args.seed)
    os.makedirs(args.folder, exist_ok=True)
    last_start = 2021
    with open(os.path.join(args.folder, "ledger.csv"), "w", newline="") as ledger, \
            open(os.path.join(args.folder, "budgets-2022-23.csv"), "w", newline="") as budgets:
        ledger.write("line,year,budget,actual\n")
        budgets.write("line,budget\n")
        for index in range(args.lines):
            name = f"CC-{index:07d} {SERVICES[index % len(SERVICES)]}"
            years = args.years
            if years > 1 and rng.random() < args.short_share:
                years = rng.randint(1, years - 1)
            budget = rng.lognormvariate(11.0, 1.0)
            bias = rng.gauss(0.0, 0.06)
            rows = []
            for k in range(years):
                start = last_start - years + 1 + k
                actual = budget * (1 + bias + rng.gauss(0.0, 0.08))
                rows.append(f"{name},{start}/{(start + 1) % 100:02d},{budget:.2f},{max(actual, 0):.2f}\n")
                budget *= 1 + rng.gauss(0.03, 0.02)
            ledger.write("".join(rows))
            budgets.write(f"{name},{budget:.2f}\n")
    with open(os.path.join(args.folder, "scenario.yaml"), "w") as scenario:
        scenario.write(
            f"# Synthetic scenario: {args.lines} lines, up to {args.years} years (seed {args.seed}).\n"
            "ledger: ledger.csv\n"
            "target_year: 2022/23\n"
            "budgets: budgets-2022-23.csv\n"
            "assumptions:\n"
            "  inflation: 2%\n")


if __name__ == "__main__":
    main()
