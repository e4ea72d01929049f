/// ``ErrorShape/sideWeighted(base:cut:below:above:)``: a base shape whose probability is reweighted
/// on each side of a cut, the exact form of the mixture (1 − w)·base + w·(base conditioned to fall
/// above the cut with probability q). With p = P(E > cut) under the base,
/// below = (1 − w) + w(1 − q)/(1 − p) and above = (1 − w) + w·q/p, so that
/// P(E > cut) = (1 − w)·p + w·q exactly. Every figure is exact from the base's:
/// - cdf: below·F(x) up to the cut, below·F(cut) + above·(F(x) − F(cut)) beyond it;
/// - quantile: the inverse of that, F⁻¹(p/below) or F⁻¹(F(cut) + (p − below·F(cut))/above);
/// - upper partial moments: the base's on (c, cut] times below plus the base's above the cut times
///   above (both pieces about the same reference, so they add).
extension ErrorShape {
    /// The mixture (1 − `weight`)·`base` + `weight`·(`base` reweighted so that P(E > `cut`) is
    /// `probabilityAbove`), as a ``sideWeighted(base:cut:below:above:)`` shape. `base` is returned
    /// unchanged when `weight` is 0 or the base puts (almost) no probability on one side of the cut
    /// (there is nothing there to reweight).
    /// - Precondition: `weight` and `probabilityAbove` in [0, 1].
    package static func mixingSides(of base: ErrorShape, cut: Double, weight: Double, probabilityAbove q: Double) -> ErrorShape {
        precondition((0...1).contains(weight) && (0...1).contains(q), "weight \(weight) and probability \(q) must be in [0, 1]")
        let p = 1 - base.cdf(cut)
        guard weight > 0, cut.isFinite, p > 1e-12, p < 1 - 1e-12 else { return base }
        return .sideWeighted(base: base, cut: cut, below: (1 - weight) + weight * (1 - q) / (1 - p),
                             above: (1 - weight) + weight * q / p)
    }

    /// The p-quantile of the mixture: the smallest x with F(x) ≥ p, F = (1 − w)·F_base + w·F_alt.
    /// F lies between its components' cdfs, so the quantile lies between theirs, [a, b]; within that
    /// bracket a safeguarded Illinois regula falsi (Dowell & Jarratt 1971) keeps F(lo) < p ≤ F(hi) and
    /// stops once F(hi) − p ≤ 4·10⁻¹⁶ (so x is off by at most that over the density: far below a
    /// penny on any budget) or the bracket is a few ulps wide. On the piecewise-linear tables it
    /// lands in a handful of cdf evaluations where bisection took about 60: this quantile is called
    /// once per line per draw when the total is simulated. A step that fails to halve the bracket
    /// twice running is replaced by a halving, so the worst case stays bisection's.
    static func mixtureQuantile(_ p: Double, weight: Double, base: ErrorShape, alternative: ErrorShape) -> Double {
        let a = base.quantile(p), b = alternative.quantile(p)
        var lo = min(a, b), hi = max(a, b)
        guard lo.isFinite, hi.isFinite, lo < hi else { return lo }
        let gap = { (x: Double) in (1 - weight) * base.cdf(x) + weight * alternative.cdf(x) - p }
        var gapLo = gap(lo), gapHi = gap(hi)
        if gapLo >= 0 { return lo }
        var trueGapHi = gapHi  // gapLo and gapHi are the secant's weights (Illinois halves them)
        let tolerance = 4e-16
        var side = 0, slow = 0
        for _ in 0..<200 {
            if trueGapHi <= tolerance { break }
            let width = hi - lo
            guard lo + width / 2 > lo, lo + width / 2 < hi else { break }
            var x = slow >= 2 ? lo + width / 2 : hi - gapHi * (width / (gapHi - gapLo))
            if !(x > lo && x < hi) { x = lo + width / 2 }
            let g = gap(x)
            if g >= 0 {
                (hi, gapHi, trueGapHi) = (x, g, g)
                if side == 1 { gapLo /= 2 }
                side = 1
            } else {
                (lo, gapLo) = (x, g)
                if side == -1 { gapHi /= 2 }
                side = -1
            }
            slow = hi - lo > width / 2 ? slow + 1 : 0
        }
        return hi
    }

    static func sideWeightedCDF(_ x: Double, base: ErrorShape, cut: Double, below: Double, above: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= cut { return below * base.cdf(x) }
        let atCut = base.cdf(cut)
        return min(1, below * atCut + above * (base.cdf(x) - atCut))
    }

    static func sideWeightedQuantile(_ p: Double, base: ErrorShape, cut: Double, below: Double, above: Double) -> Double {
        if p <= 0 { return base.quantile(0) }
        if p >= 1 { return base.quantile(1) }
        let atCut = base.cdf(cut), lowMass = below * atCut
        if p <= lowMass { return below > 0 ? base.quantile(p / below) : cut }
        guard above > 0 else { return cut }
        return max(cut, base.quantile(min(atCut + (p - lowMass) / above, 1 - 1e-16)))
    }

    static func sideWeightedMoments(base: ErrorShape, split: Double, below: Double, above: Double,
                                    cut: Double, reference: Double) -> UpperPartialMoments {
        let beyond = base.upperPartialMoments(above: max(cut, split), about: reference)
        var total = UpperPartialMoments(mass: above * beyond.mass, first: beyond.first.map { above * $0 },
                                        second: beyond.second.map { above * $0 })
        guard cut < split else { return total }
        let all = base.upperPartialMoments(above: cut, about: reference)
        // The base's moments on (cut, split]: everything above cut less everything above split.
        total.add(UpperPartialMoments(mass: below * (all.mass - beyond.mass),
                                      first: all.first.flatMap { a in beyond.first.map { below * (a - $0) } },
                                      second: all.second.flatMap { a in beyond.second.map { below * (a - $0) } }))
        return total
    }
}
