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

    /// The p-quantile of the mixture: the mixture's cdf lies between its components', so its quantile
    /// lies between theirs; bisection on the cdf (to the last representable step, at most 200 halvings)
    /// finds the smallest x with F(x) ≥ p.
    static func mixtureQuantile(_ p: Double, weight: Double, base: ErrorShape, alternative: ErrorShape) -> Double {
        let a = base.quantile(p), b = alternative.quantile(p)
        var lo = min(a, b), hi = max(a, b)
        guard lo.isFinite, hi.isFinite, lo < hi else { return lo }
        let cdf = { (x: Double) in (1 - weight) * base.cdf(x) + weight * alternative.cdf(x) }
        for _ in 0..<200 {
            let mid = lo + (hi - lo) / 2
            guard mid > lo && mid < hi else { break }
            if cdf(mid) >= p { hi = mid } else { lo = mid }
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
