#!/usr/bin/env python3
"""Independent recomputation of `planner monitor` on the bundled data (month 6 of 2022/23).

Written from docs/planner.md's description of the method, without the planner's code: profiles
from the one earlier year of months of four lines (log share to date at month 6, within-line
variance = the prior 0.0918^2 because no line has two years, between-line variance tau^2 from the
four lines' log shares, shrinkage kappa = sigma^2 / tau^2; with one year per line there is no
rolling record, so the candidates are weighted by the prior errors sigma^2, 2 sigma^2, 2 sigma^2:
1/2 the shrunk profile, 1/4 the even share 6/12, 1/4 last year's share; variance sigma^2.
Airwave takes the pool with variance sigma^2 + tau^2); the view before the year = the forecast's projection (for this one-year ledger the
budget-execution prior, checked by the forecast's own tests) as a log-normal with the same median and
80% range, taken as INPUT from `planner monitor --format json`'s `beforeYear` (BEFORE_YEAR below; the
test checks the binary still reports these); the normal-normal update on the
log scale with the t weight min(1, 5 / (4 + z^2)) on the earlier view. Exact normal quantiles
(Python's statistics.NormalDist). Prints line, projected, 80% low, 80% high. Checked by
MonitorCommandTests ("the bundled projections equal an independent recomputation").
"""
import csv
import math
from pathlib import Path
from statistics import NormalDist

root = Path(__file__).resolve().parent.parent.parent
rows = list(csv.DictReader(open(root / "datasets/gwent-ict/actuals-2022-23-month6.csv")))
ledger = {r["line"]: float(r["actual"]) for r in csv.DictReader(open(root / "datasets/gwent-ict/ledger.csv"))}
lines = ["SRS Collaboration", "Airwave", "Devolved Force Budgets", "National ICT Services", "DSD"]
history = {l: [float(r["actual"]) for r in rows if r["line"] == l and r["month"] < "2022-04"] for l in lines}
to_date = {l: sum(float(r["actual"]) for r in rows if r["line"] == l and r["month"] >= "2022-04") for l in lines}
# beforeYear of `planner monitor --format json` on the bundled data: (median £, log-scale spread).
BEFORE_YEAR = {
    "SRS Collaboration": (4300664.067514114, 0.21631366489479767),
    "Airwave": (627793.6520574018, 0.25453963226175097),
    "Devolved Force Budgets": (2256261.035191972, 0.2875188323826774),
    "National ICT Services": (1204197.5769437987, 0.21180676684438987),
    "DSD": (1778075.3760728724, 0.20531674589275078),
}
k, sigma = 6, 0.0918
s2 = sigma * sigma
means = {l: math.log(sum(h[:k]) / sum(h)) for l, h in history.items() if h}
mu = sum(means.values()) / len(means)
between = sum((m - mu) ** 2 for m in means.values()) / (len(means) - 1)
tau2 = max(between - s2, 1e-6 * s2)
kappa = s2 / tau2
z90 = NormalDist().inv_cdf(0.9)
for line in lines:
    if line in means:
        shrunk = (means[line] + kappa * mu) / (1 + kappa)
        log_share, variance = 0.5 * shrunk + 0.25 * math.log(k / 12) + 0.25 * means[line], s2
    else:
        log_share, variance = mu, s2 + tau2
    run_rate, spread = math.log(to_date[line]) - log_share, math.sqrt(variance)
    median0, spread0 = BEFORE_YEAR[line]
    z = (run_rate - math.log(median0)) / math.sqrt(spread ** 2 + spread0 ** 2)
    a, b = 1 / spread ** 2, min(1, 5 / (4 + z * z)) / spread0 ** 2
    centre = (a * run_rate + b * math.log(median0)) / (a + b)
    sd = math.sqrt(1 / (a + b))
    print(f"{line},{math.exp(centre):.2f},{math.exp(centre - z90 * sd):.2f},{math.exp(centre + z90 * sd):.2f}")
