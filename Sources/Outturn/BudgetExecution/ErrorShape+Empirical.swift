import Foundation
import OutturnNumerics

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
    /// The median of Z.
    let median: Double
    /// ``points`` less the median, computed once: every line's distribution shares this one array
    /// (a copy per line made a 10,000-line forecast hold 10,000 copies of the ledger's error table).
    let centredPoints: [Double]

    /// The most points a summarised shape keeps (``summarised(forLines:)``).
    static let summaryPoints = 512
    /// Above this many line × point pairs the shape is summarised: each line's expected overspend and
    /// mean integrate over every point, so an exact table of the ledger's own errors (a point per
    /// held-out line-year) would make the work grow with the square of the ledger's size. The shipped
    /// organisations (at most 9.5×10⁶ pairs for Canada and 1.5×10⁷ for Israel, counting every line ever in the
    /// ledger) are never summarised. The limit
    /// also bounds the pattern break's per-line shifted copy of the table (docs/risk.md) to about 160 MB per
    /// block of 4,096 lines.
    static let exactPairLimit = 20_000_000

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
        self.init(points: points, levels: levels)
    }

    private init(points: [Double], levels: [Double]) {
        self.points = points
        self.levels = levels
        let median = points.isEmpty ? 0 : LogScaleTable(points: points, levels: levels).quantile(0.5)
        self.median = median
        self.centredPoints = points.isEmpty ? [0] : points.map { $0 - median }
    }

    /// This shape as used by a ledger of `lines` lines: itself, or, when `lines` × its point count
    /// exceeds ``exactPairLimit``, its own distribution function sampled at ``summaryPoints`` levels
    /// (k − ½)/K (k = 1…K) with the same exponential tails beyond them. The summary's F differs from
    /// the exact one by less than 1/K between its points.
    func summarised(forLines lines: Int) -> EmpiricalErrorShape {
        let k = Self.summaryPoints
        let pairs = lines.multipliedReportingOverflow(by: points.count)
        guard points.count > k, pairs.overflow || pairs.partialValue > Self.exactPairLimit else { return self }
        let levels = (1...k).map { (Double($0) - 0.5) / Double(k) }
        var summary: [Double] = [], kept: [Double] = []
        for level in levels {
            let z = quantile(level)
            if let last = summary.last, z <= last + 1e-12 { continue }
            summary.append(z)
            kept.append(level)
        }
        return EmpiricalErrorShape(points: summary, levels: kept)
    }

    /// The same distribution as OutturnNumerics' table (one implementation of F and its inverse).
    var table: LogScaleTable { LogScaleTable(points: points, levels: levels) }

    /// P(Z ≤ z).
    func cdf(_ z: Double) -> Double {
        guard !points.isEmpty else { return 0.5 }
        return table.cdf(z)
    }

    /// The z with P(Z ≤ z) = p, 0 < p < 1.
    func quantile(_ p: Double) -> Double {
        guard !points.isEmpty else { return 0 }
        return table.quantile(p)
    }

    /// The distribution of spending `shift + base · exp(min(3, centre + spread·Z))` (base > 0,
    /// spread > 0) as the exact ``PredictiveDistribution``: location = shift + m, scale = m with
    /// m = base·exp(centre + spread·median(Z)) (the median spend above the shift), error shape
    /// exp(spread·(Z − median)) − 1 with Z censored where centre + spread·Z reaches 3, censored at £0.
    ///
    /// The cap: the model is fitted to log(actual / budget) clamped to [−3, 3]
    /// (``ExecutionFeatures/clampedLog(_:)``), so it says nothing beyond 20 times the budget; and
    /// without it a line with a large spread (a Canadian programme reaches 1.18, an Israeli one 1.97)
    /// has an expected overspend of 10²⁰ or none at all (no finite mean once spread ≥ 1, the
    /// unit-rate tail). P(overspend) is unchanged by the cap; quantiles change only above 20 times
    /// the target budget. The lower end keeps its exact tail (reserves that are never spent).
    func spending(shift: Double, base: Double, centre: Double, spread: Double) -> PredictiveDistribution {
        let m = base * exp(centre + spread * median)
        let shape = ErrorShape.logEmpirical(points: centredPoints, levels: points.isEmpty ? [0.5] : levels, logScale: spread,
                                            upperLimit: (ExecutionFeatures.maximumLogRatio - centre) / spread - median)
        return PredictiveDistribution(location: shift + m, scale: m, shape: shape, lowerBound: 0)
    }
}
