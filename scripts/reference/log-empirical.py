#!/usr/bin/env python3
"""Reference values for the log-empirical cases in Tests/OutturnNumericsTests/LogEmpiricalShapeTests.swift.

The outcome is Y = max(bound, location + scale·E) with E = exp(σ·min(Z, limit)) − 1. Z's
distribution function runs linearly through (points[k], levels[k]) and has exponential tails of unit
rate. Every figure is E[h(Y)] = ∫_0^1 h(Y(Q(p))) dp, evaluated with mpmath (50 digits, tanh-sinh
quadrature split at the table's levels, at F(limit) and at the thresholds' levels). Q is written
from the definition (the inverse of each piece), so the script shares no formula with the
closed forms in ErrorShape+LogEmpirical.swift. Run: python3 scripts/reference/log-empirical.py
"""
import mpmath as mp

mp.mp.dps = 50

CASES = [
    # name, points, levels, sigma, limit, location, scale, bound, thresholds
    ("moderate, limit in the upper tail", [-2, -0.5, 0, 0.4, 1.5], [0.05, 0.3, 0.5, 0.7, 0.96], "0.35", "2.5",
     "1000", "800", None, ["900", "1500", "2000"]),
    ("heavy (σ 1.2), limit inside a segment, censored at 0", [-2, -0.5, 0, 0.4, 1.5], [0.05, 0.3, 0.5, 0.7, 0.96],
     "1.2", "1.0", "100", "300", "0", ["-50", "100", "400"]),
]


def table(points, levels):
    points = [mp.mpf(x) for x in points]
    levels = [mp.mpf(x) for x in levels]
    n = len(points) - 1

    def cdf(z):
        if z <= points[0]:
            return levels[0] * mp.exp(z - points[0])
        if z >= points[n]:
            return 1 - (1 - levels[n]) * mp.exp(-(z - points[n]))
        for k in range(n):
            if z <= points[k + 1]:
                return levels[k] + (z - points[k]) / (points[k + 1] - points[k]) * (levels[k + 1] - levels[k])

    def q(p):
        if p <= levels[0]:
            return points[0] + mp.log(p / levels[0])
        if p >= levels[n]:
            return points[n] - mp.log((1 - p) / (1 - levels[n]))
        for k in range(n):
            if p <= levels[k + 1]:
                return points[k] + (p - levels[k]) / (levels[k + 1] - levels[k]) * (points[k + 1] - points[k])
    return cdf, q, levels


for name, points, levels, sigma, limit, location, scale, bound, thresholds in CASES:
    cdf, q, lv = table(points, levels)
    sigma, limit, location, scale = mp.mpf(sigma), mp.mpf(limit), mp.mpf(location), mp.mpf(scale)

    def y(p):
        v = location + scale * (mp.exp(sigma * min(q(p), limit)) - 1)
        return v if bound is None else max(mp.mpf(bound), v)

    def level_of(v):  # P(Y ≤ v) before censoring below, for the split points
        e = (mp.mpf(v) - location) / scale
        if e <= -1:
            return mp.mpf(0)
        z = mp.log(1 + e) / sigma
        return mp.mpf(1) if z >= limit else cdf(z)

    splits = set(lv) | {cdf(limit)} | {level_of(t) for t in thresholds}
    if bound is not None:
        splits.add(level_of(bound))
    grid = [mp.mpf(0)] + sorted(s for s in splits if 0 < s < 1) + [mp.mpf(1)]

    def expect(h):
        return mp.quad(lambda p: h(y(p)), grid)
    mean = expect(lambda v: v)
    sd = mp.sqrt(expect(lambda v: (v - mean) ** 2))
    print(f"{name}: mean {mp.nstr(mean, 17)} sd {mp.nstr(sd, 17)}")
    for t in thresholds:
        print(f"  E[(Y - {t})+] = {mp.nstr(expect(lambda v: max(v - mp.mpf(t), 0)), 17)}")
