#!/usr/bin/env python3
"""Scores `planner monitor` on the monthly competition files, as a finance team would use it.

Usage: python3 scripts/measure/monitor-competition.py PLANNER [--quarterly] [FILE ...]
(default files: datasets/competition/tourism-monthly.csv and m1-monthly.csv; never M3).

Each series is cut into years of 12 values from its first value; year y is labelled fiscal year
2000+y (April to March). For each target year j, every series with a complete positive year j and
at least one complete positive year before it (contiguously) becomes a budget line of one ledger:
- ledger.csv: its earlier years, budget = the year before's actual (the first year: its own actual);
- budgets.csv: the target year's budget = last year's actual (a common budget-setting rule);
- actuals.csv: every month of its earlier years and months 1-9 of the target year.
`planner monitor --as-of` month 3, 6 and 9 then projects each line's total; scored against the
actual total with two baselines from the same months: the run rate (to date x 12/k) and last year's
share-to-date profile (to date / last year's share by month k). With --quarterly every quarter's
three months are replaced by their mean (quarterly actuals split evenly over the quarter's months,
the issue's real-data check), in history and target year alike.
Prints median and mean absolute % error and the monitor's 80% and 95% coverage per file and month.
"""
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict

args = [a for a in sys.argv[1:] if not a.startswith("--")]
quarterly = "--quarterly" in sys.argv
planner = args[0]
files = args[1:] or ["datasets/competition/tourism-monthly.csv", "datasets/competition/m1-monthly.csv"]
assert not any("m3" in f.lower() for f in files), "never M3"
CHECKPOINTS = [3, 6, 9]


def load(path):
    series = defaultdict(list)
    for row in csv.DictReader(open(path)):
        series[row["series"]].append((int(row["period"]), float(row["value"])))
    return {name: [v for _, v in sorted(values)] for name, values in series.items()}


def month_label(year_index, m):  # m = 0..11 from April
    calendar_year = 2000 + year_index + (1 if m >= 9 else 0)
    return f"{calendar_year}-{(3 + m) % 12 + 1:02d}"


def fiscal(year_index):
    start = 2000 + year_index
    return f"{start}/{(start + 1) % 100:02d}"


def score(path):
    data = load(path)
    years = {}
    for name, values in data.items():
        ys = [values[s:s + 12] for s in range(0, len(values) - 11, 12)]
        if quarterly:
            ys = [[sum(y[q * 3:q * 3 + 3]) / 3 for q in range(4) for _ in range(3)] for y in ys]
        years[name] = [y if min(y) > 0 else None for y in ys]
    results = {k: defaultdict(list) for k in CHECKPOINTS}
    cover = {k: [0, 0, 0] for k in CHECKPOINTS}
    max_years = max(len(y) for y in years.values())
    for j in range(1, max_years):
        lines = {}
        for name, ys in years.items():
            if j >= len(ys) or ys[j] is None or ys[j - 1] is None:
                continue
            first = j - 1
            while first > 0 and ys[first - 1] is not None:
                first -= 1
            lines[name] = first
        if not lines:
            continue
        with tempfile.TemporaryDirectory() as folder:
            with open(os.path.join(folder, "ledger.csv"), "w") as f:
                f.write("line,year,budget,actual\n")
                for name, first in lines.items():
                    for y in range(first, j):
                        actual = round(sum(years[name][y]), 2)
                        budget = actual if y == first else round(sum(years[name][y - 1]), 2)
                        f.write(f"{name},{fiscal(y)},{budget:.2f},{actual:.2f}\n")
            with open(os.path.join(folder, "budgets.csv"), "w") as f:
                f.write("line,budget\n")
                for name in lines:
                    f.write(f"{name},{round(sum(years[name][j - 1]), 2):.2f}\n")
            with open(os.path.join(folder, "actuals.csv"), "w") as f:
                f.write("line,month,actual\n")
                for name, first in lines.items():
                    for y in range(first, j + 1):
                        for m in range(12 if y < j else 9):
                            f.write(f"{name},{month_label(y, m)},{years[name][y][m]:.2f}\n")
            with open(os.path.join(folder, "scenario.yaml"), "w") as f:
                f.write(f"ledger: ledger.csv\nbudgets: budgets.csv\nactuals_to_date: actuals.csv\ntarget_year: {fiscal(j)}\n")
            for k in CHECKPOINTS:
                run = subprocess.run([planner, "monitor", os.path.join(folder, "scenario.yaml"), "--as-of",
                                      month_label(j, k - 1), "--format", "json"], capture_output=True, text=True)
                if run.returncode != 0:
                    sys.exit(f"{path} year {j} month {k}: {run.stderr}")
                report = json.loads(run.stdout)
                for line in report["lines"]:
                    name = line["line"]
                    y = years[name][j]
                    total, to_date = sum(y), sum(y[:k])
                    last = years[name][j - 1]
                    last_share = sum(last[:k]) / sum(last)
                    for method, projected in (("monitor", line["projected"]), ("run-rate", to_date * 12 / k),
                                              ("last-year-profile", to_date / last_share)):
                        results[k][method].append(100 * abs(projected - total) / total)
                    lo80, hi80 = line["interval80"]
                    lo95, hi95 = line["interval95"]
                    cover[k][0] += 1
                    cover[k][1] += lo80 <= total <= hi80
                    cover[k][2] += lo95 <= total <= hi95
    name = os.path.basename(path) + (" (quarterly actuals split evenly)" if quarterly else "")
    for k in CHECKPOINTS:
        n, c80, c95 = cover[k]
        parts = [f"{m} {statistics.median(e):.2f}/{statistics.mean(e):.2f}" for m, e in results[k].items()]
        print(f"{name} month {k}: {n} series-years; median/mean APE: " + ", ".join(parts)
              + f"; monitor coverage 80% {100 * c80 / n:.1f}%, 95% {100 * c95 / n:.1f}%")
        sys.stdout.flush()


for file in files:
    score(file)
