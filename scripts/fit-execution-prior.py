#!/usr/bin/env python3
"""Fit the budget-execution model's prior on the published budgets in datasets/budget-outturn/ and
write Sources/Outturn/BudgetExecution/BudgetExecutionPrior+Table.swift.

The prior is the same model as BudgetExecutionModel (docs/risk.md) fitted by plain weighted least
squares on every line-year that has an earlier usable year (budget > 0, actual >= 0, contiguous),
each organisation weighted equally. Features are computed exactly as ExecutionFeatures.swift does;
keep the two in step. Three priors are written: `shipped` (all organisations), and one leaving each
organisation out (`withoutCanada`, `withoutIsrael`), so that `planner evaluate --prior without-X`
scores X without X's data in the prior. The Israeli state-enterprise sections 89, 91, 94-98 (which
net to about zero on the execution side, see the dataset's README) are left out of the fit.

usage: python3 scripts/fit-execution-prior.py   (from the repository root; needs numpy)
"""
import csv, math, os
from collections import defaultdict
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "datasets", "budget-outturn")
OUT = os.path.join(ROOT, "Sources", "Outturn", "BudgetExecution", "BudgetExecutionPrior+Table.swift")
WINDOW = 5
QUANTILES = 199
LEFT_OUT_SECTIONS = {"89", "91", "94", "95", "96", "97", "98"}


def clamped_log(x):
    if x <= 0:
        return -3.0
    return min(3.0, max(-3.0, math.log(x)))


def year_start(label):
    return int(label[:4])


def load(name, skip_bodies=()):
    series = defaultdict(dict)
    with open(os.path.join(DATA, name), newline="") as f:
        for r in csv.DictReader(f):
            if r["body"] in skip_bodies:
                continue
            b = float(r["budget"]) if r["budget"] else None
            a = float(r["actual"]) if r["actual"] else None
            series[r["body"] + " :: " + r["line"]][year_start(r["year"])] = (b, a)
    return series


def slope(values):
    n = len(values)
    t = np.arange(1, n + 1, dtype=float)
    u = t - t.mean()
    return float((u * (np.array(values) - np.mean(values))).sum() / (u * u).sum())


def features(b, a, target):
    """ExecutionFeatures: b, a usable history (oldest first), target budget."""
    n = len(b)
    m = min(n, WINDOW)
    bw, aw = b[-m:], a[-m:]
    ratios = [clamped_log(x / y) for x, y in zip(aw, bw)]
    mean = sum(ratios) / m
    trend = 0.0
    if m >= 3:
        trend = slope([math.log(max(x, math.exp(-3) * y)) for x, y in zip(aw, bw)])
    trend = min(0.5, max(-0.5, trend))
    disp = math.sqrt(sum((r - mean) ** 2 for r in ratios) / (m - 1)) if m >= 2 else 0.0
    share = sum(x > y for x, y in zip(aw, bw)) / m
    change = clamped_log(target / bw[-1])
    weight = m / WINDOW
    loc = [1, ratios[-1], mean, share, change, trend, weight, mean * weight, 1 if n == 1 else 0]
    scale = [1, 1 / m, math.log(0.02 + disp) if n >= 2 else math.log(0.02 + 0.1), abs(mean), abs(ratios[-1]), abs(trend)]
    return loc, scale


def examples(series):
    X, G, y = [], [], []
    for s in series.values():
        years = sorted(s)
        run_b, run_a, prev = [], [], None
        for yr in years:
            b, a = s[yr]
            usable = b is not None and b > 0 and a is not None and a >= 0
            if not usable or (prev is not None and yr != prev + 1):
                run_b, run_a = [], []
            if usable:
                if run_b:
                    loc, sc = features(run_b, run_a, b)
                    X.append(loc); G.append(sc); y.append(clamped_log(a / b))
                run_b.append(b); run_a.append(a)
            prev = yr
    return np.array(X), np.array(G), np.array(y)


def wls(X, y, w, fixed=()):
    free = [j for j in range(X.shape[1]) if j not in fixed]
    sw = np.sqrt(w)
    coef, *_ = np.linalg.lstsq(X[:, free] * sw[:, None], y * sw, rcond=None)
    beta = np.zeros(X.shape[1])
    beta[free] = coef
    return beta


def fit(parts):
    X = np.vstack([p[0] for p in parts]); G = np.vstack([p[1] for p in parts]); y = np.concatenate([p[2] for p in parts])
    total = len(y)
    w = np.concatenate([np.full(len(p[2]), total / (len(parts) * len(p[2]))) for p in parts])
    fixed = set()
    for _ in range(3):
        beta = wls(X, y, w, fixed)
        wrong = set(fixed)
        if beta[4] > 0: wrong.add(4)
        if wrong == fixed: break
        fixed = wrong
    e = y - X @ beta
    gamma = wls(G, np.log(np.abs(e) + 0.01), w)
    z = e / np.exp(G @ gamma)
    order = np.argsort(z)
    cw = np.cumsum(w[order]) - 0.5 * w[order]
    cw /= w.sum()
    probs = (np.arange(1, QUANTILES + 1) - 0.5) / QUANTILES
    q = np.interp(probs, cw, z[order])
    return beta, gamma, q, total


def swift_array(values):
    return "[" + ", ".join(f"{v:.6g}" for v in values) + "]"


def main():
    canada = examples(load("gc-infobase-programs.csv"))
    israel = examples(load("israel-budget-history.csv", LEFT_OUT_SECTIONS))
    priors = [("shipped", "published Canadian and Israeli programme budgets", [canada, israel]),
              ("withoutCanada", "published Israeli programme budgets (Canada left out)", [israel]),
              ("withoutIsrael", "published Canadian programme budgets (Israel left out)", [canada])]
    out = ["// Generated by scripts/fit-execution-prior.py from datasets/budget-outturn/ — do not edit by hand.",
           "// Terms: ExecutionFeatures.locationTerms and .scaleTerms; errorQuantiles at (k − 0.5)/" + str(QUANTILES) + ".",
           "extension BudgetExecutionPrior {"]
    for name, words, parts in priors:
        beta, gamma, q, n = fit(parts)
        print(f"{name}: {n} line-years; location {np.round(beta, 4).tolist()}; scale {np.round(gamma, 4).tolist()}")
        out.append(f"    /// Fitted on {n} line-years of {words}.")
        out.append(f"    public static let {name} = BudgetExecutionPrior(\n        fittedOn: \"{words}\",")
        out.append(f"        location: {swift_array(beta)},")
        out.append(f"        scale: {swift_array(gamma)},")
        out.append(f"        errorQuantiles: {swift_array(q)},")
        out.append(f"        lineYears: {n})")
    out.append("}")
    with open(OUT, "w") as f:
        f.write("\n".join(out) + "\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
