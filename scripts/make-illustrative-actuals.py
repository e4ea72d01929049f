#!/usr/bin/env python3
"""Writes datasets/gwent-ict/actuals-2022-23-month6.csv: ILLUSTRATIVE monthly actuals, made up.

The Gwent Police ICT annual report gives annual figures only, so no real monthly actuals exist for
the bundled lines. This file exists to show `planner monitor` on the bundled scenario. It holds:
- 2021/22, April to March, for four of the five lines: each line's 2021/22 actual from ledger.csv
  (exactly; the last month takes the rounding) spread over the months by a stated pattern with
  +/-3% seeded noise; Airwave has no monthly history (to show a line without a profile of its own);
- 2022/23, April to September (month 6), for all five lines: the same pattern at a stated pace
  (a fraction of the line's 2022/23 budget per year), with the same kind of noise.
Rerun to regenerate the same bytes (fixed seed): python3 scripts/make-illustrative-actuals.py
"""
import csv
import random
from pathlib import Path

root = Path(__file__).resolve().parent.parent
ledger = {r["line"]: r for r in csv.DictReader(open(root / "datasets/gwent-ict/ledger.csv"))}
budget_2022 = {  # scenario-2022-23.yaml: each line held at its 2021/22 budget
    name: int(row["budget"]) for name, row in ledger.items()
}
# Monthly weights, April first, and the 2022/23 pace as a share of the budget per full year.
patterns = {
    "SRS Collaboration": ([0.6, 0.6, 1.8] * 4, 0.88),                   # quarterly recharges
    "Airwave": ([1.0] * 12, 0.72),                                      # flat; no 2021/22 months
    "Devolved Force Budgets": ([1.0] * 11 + [3.0], 1.55),               # year-end accruals
    "National ICT Services": ([1.0] * 12, 1.05),                        # even
    "DSD": ([0.7 + 0.6 * m / 11 for m in range(12)], 0.97),             # back-loaded
}
rng = random.Random(20220401)
rows = []
for name, (weights, pace) in patterns.items():
    total_w = sum(weights)
    if name != "Airwave":
        actual = int(ledger[name]["actual"])
        months = [round(actual * w / total_w * rng.uniform(0.97, 1.03)) for w in weights]
        months[-1] += actual - sum(months)
        for m, value in enumerate(months):
            year, month = (2021, 4 + m) if m < 9 else (2022, m - 8)
            rows.append((name, f"{year}-{month:02d}", value))
    for m in range(6):
        value = round(budget_2022[name] * pace * weights[m] / total_w * rng.uniform(0.97, 1.03))
        rows.append((name, f"2022-{4 + m:02d}", value))
with open(root / "datasets/gwent-ict/actuals-2022-23-month6.csv", "w", newline="") as f:
    f.write("line,month,actual\n")
    for name, month, value in rows:
        f.write(f"{name},{month},{value}\n")
print(f"wrote {len(rows)} rows")
