import Foundation

/// The distribution of standardised errors z = (log(actual / budget) − centre) / scale, as a
/// weighted sample (the prior's quantile table plus the ledger's own pooled residuals) with a
/// piecewise-linear distribution function between sample points and exponential tails beyond them
/// (unit rate in z), so that every probability is strictly inside (0, 1) and the quantile function
/// is the exact inverse of the distribution function.
struct EmpiricalErrorShape: Sendable {
    /// Sorted distinct sample points.
    let points: [Double]
    /// F at each point: the cumulative weight up to and including half the point's own weight,
    /// strictly increasing in (0, 1).
    let levels: [Double]

    /// `prior` quantiles (equally weighted, total weight `priorWeight`) mixed with `sample`
    /// (weight 1 each, or `weights`).
    init(prior: [Double], priorWeight: Double, sample: [Double], weights: [Double]? = nil) {
        var weighted: [(Double, Double)] = prior.map { ($0, priorWeight / Double(max(1, prior.count))) }
        for (i, z) in sample.enumerated() where z.isFinite { weighted.append((z, weights?[i] ?? 1)) }
        weighted.sort { $0.0 < $1.0 }
        let total = weighted.reduce(0) { $0 + $1.1 }
        var points: [Double] = [], levels: [Double] = []
        var cumulative = 0.0
        for (z, w) in weighted {
            let level = (cumulative + 0.5 * w) / total
            cumulative += w
            if let last = points.last, z <= last + 1e-12 { levels[levels.count - 1] = level; continue }
            points.append(z)
            levels.append(level)
        }
        self.points = points
        self.levels = levels
    }

    /// P(Z ≤ z).
    func cdf(_ z: Double) -> Double {
        guard let first = points.first, let last = points.last else { return 0.5 }
        if z <= first { return levels[0] * exp(z - first) }
        if z >= last { return 1 - (1 - levels[levels.count - 1]) * exp(-(z - last)) }
        var lo = 0, hi = points.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if points[mid] <= z { lo = mid } else { hi = mid }
        }
        let t = (z - points[lo]) / (points[hi] - points[lo])
        return levels[lo] + t * (levels[hi] - levels[lo])
    }

    /// The z with P(Z ≤ z) = p, 0 < p < 1.
    func quantile(_ p: Double) -> Double {
        guard let first = points.first, let last = points.last else { return 0 }
        let p = min(max(p, 1e-15), 1 - 1e-15)
        if p <= levels[0] { return first + log(p / levels[0]) }
        if p >= levels[levels.count - 1] { return last - log((1 - p) / (1 - levels[levels.count - 1])) }
        var lo = 0, hi = levels.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if levels[mid] <= p { lo = mid } else { hi = mid }
        }
        let t = (p - levels[lo]) / (levels[hi] - levels[lo])
        return points[lo] + t * (points[hi] - points[lo])
    }
}
