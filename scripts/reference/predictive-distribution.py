#!/usr/bin/env python3
"""Reference values for Tests/OutturnNumericsTests/PredictiveDistributionTests.swift.

Every figure is an expectation evaluated as a numerical integral with mpmath (50 digits,
tanh-sinh quadrature split at the kinks): over the density for the normal and Student t
(E[h(Y)] = ∫ h(y(t)) f(t) dt), over probability for the empirical shape (E[h(Y)] = ∫_0^1 h(Q(p)) dp),
so it shares no formula with Outturn's closed forms. Run: python3 scripts/reference/predictive-distribution.py
"""
import mpmath as mp

mp.mp.dps = 50


def student_pdf(nu):
    nu = mp.mpf(nu)
    c = mp.gamma((nu + 1) / 2) / (mp.sqrt(nu * mp.pi) * mp.gamma(nu / 2))
    return lambda t: c * (1 + t * t / nu) ** (-(nu + 1) / 2)


def normal_pdf(z):
    return mp.exp(-z * z / 2) / mp.sqrt(2 * mp.pi)


def density_report(name, pdf, location, scale, bound=None, thresholds=()):
    """E[h(Y)] = ∫ h(max(bound, location + scale·t)) f(t) dt, split where Y has a kink."""
    location, scale = mp.mpf(location), mp.mpf(scale)
    kinks = [(mp.mpf(v) - location) / scale for v in list(thresholds) + ([bound] if bound is not None else [])]
    points = [-mp.inf] + sorted(set(kinks)) + [mp.inf]

    def expect(h):
        def y(t):
            v = location + scale * t
            return v if bound is None else max(mp.mpf(bound), v)
        return mp.quad(lambda t: h(y(t)) * pdf(t), points)
    mean = expect(lambda v: v)
    second = expect(lambda v: (v - mean) ** 2)
    print(f"{name}: mean {mp.nstr(mean, 17)} sd {mp.nstr(mp.sqrt(second), 17)}")
    for b in thresholds:
        print(f"  E[(Y - {b})+] = {mp.nstr(expect(lambda v: max(v - b, 0)), 17)}")


def normal_q(p):
    return mp.sqrt(2) * mp.erfinv(2 * p - 1)


def empirical_q(probabilities, quantiles):
    probabilities = [mp.mpf(p) for p in probabilities]
    quantiles = [mp.mpf(q) for q in quantiles]
    k = probabilities.index(mp.mpf("0.5"))
    median = quantiles[k]

    def q(p):
        if p < probabilities[0] or p > probabilities[-1]:
            edge = 0 if p < probabilities[0] else -1
            return median + (quantiles[edge] - median) * normal_q(p) / normal_q(probabilities[edge])
        for j in range(1, len(probabilities)):
            if p <= probabilities[j]:
                t = (p - probabilities[j - 1]) / (probabilities[j] - probabilities[j - 1])
                return quantiles[j - 1] + t * (quantiles[j] - quantiles[j - 1])
    return q, probabilities


def expectation(h, q, location, scale, bound=None, kinks=()):
    """∫_0^1 h(Y(p)) dp: in probability between the table's first and last points, and in
    z = Φ⁻¹(p) beyond them (p = Φ(z), dp = φ(z) dz), where the quantile has normal tails."""
    def y(p):
        v = location + scale * q(p)
        return v if bound is None else max(bound, v)
    inner = sorted(set(mp.mpf(k) for k in kinks if mp.mpf(EDGES[0]) <= mp.mpf(k) <= mp.mpf(EDGES[1])))
    middle = mp.quad(lambda p: h(y(p)), inner)
    low, high = normal_q(mp.mpf(EDGES[0])), normal_q(mp.mpf(EDGES[1]))
    tail_kinks = sorted(set(normal_q(mp.mpf(k)) for k in kinks if mp.mpf(k) > mp.mpf(EDGES[1])))
    median, q_low, q_high = q(mp.mpf("0.5")), q(mp.mpf(EDGES[0])), q(mp.mpf(EDGES[1]))

    def y_tail(z):  # the shape's tail: median + (q_edge − median)·z/z_edge
        edge_q, edge_z = (q_low, low) if z < 0 else (q_high, high)
        v = location + scale * (median + (edge_q - median) * z / edge_z)
        return v if bound is None else max(bound, v)
    tails = mp.quad(lambda z: h(y_tail(z)) * normal_pdf(z), [-mp.inf, low]) \
        + mp.quad(lambda z: h(y_tail(z)) * normal_pdf(z), [high] + tail_kinks + [mp.inf])
    return middle + tails


EDGES = ("0.05", "0.95")


def report(name, q, location, scale, bound=None, kinks=(), thresholds=()):
    mean = expectation(lambda v: v, q, location, scale, bound, kinks)
    second = expectation(lambda v: (v - mean) ** 2, q, location, scale, bound, kinks)
    print(f"{name}: mean {mp.nstr(mean, 17)} sd {mp.nstr(mp.sqrt(second), 17)}")
    for b in thresholds:
        excess = expectation(lambda v: max(v - b, 0), q, location, scale, bound, kinks)
        print(f"  E[(Y - {b})+] = {mp.nstr(excess, 17)}")


if __name__ == "__main__":
    density_report("t5 loc 100 scale 10", student_pdf(5), 100, 10, thresholds=[115])
    density_report("t5 loc 100 scale 10 censored at 90", student_pdf(5), 100, 10, bound=90, thresholds=[80, 115])
    density_report("t3 loc 100 scale 10", student_pdf(3), 100, 10, thresholds=[130])
    density_report("normal loc 10000 scale 20000 censored at 0", normal_pdf, 10000, 20000, bound=0,
                   thresholds=[-500, 20000])
    probabilities = ["0.05", "0.25", "0.5", "0.75", "0.95"]
    quantiles = ["-1.2", "-0.5", "0.1", "0.9", "2.6"]
    q, ps = empirical_q(probabilities, quantiles)
    # Y = 50 + 4·E: the bound 48 is E = -0.5 (p = 0.25); 55 is E = 1.25 (p = 0.75 + 0.2·0.35/1.7);
    # 70 is E = 5, in the upper normal tail; 40 is below the bound.
    e_cut = mp.mpf("0.75") + mp.mpf("0.2") * (mp.mpf("1.25") - mp.mpf("0.9")) / mp.mpf("1.7")
    s_up = (mp.mpf("2.6") - mp.mpf("0.1")) / normal_q(mp.mpf("0.95"))
    p70 = mp.ncdf((mp.mpf(5) - mp.mpf("0.1")) / s_up)
    report("empirical loc 50 scale 4", q, 50, 4, kinks=ps + [e_cut, p70], thresholds=[55, 70])
    report("empirical loc 50 scale 4 censored at 48", q, 50, 4, bound=48, kinks=ps + [e_cut, p70],
           thresholds=[40, 55, 70])
