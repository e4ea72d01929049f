/// The shape of a standardised forecast error: a symmetric distribution with median 0, to be
/// multiplied by a scale and added to a centre.
///
/// `.normal` is the standard normal, `.studentT` Student's t. `.empirical` is given by its absolute quantiles: the
/// coverage `c` (0…1) of the central interval [−A(c), A(c)] and its half-width `A(c)`, from a
/// table of held-out errors (see ``IntervalCalibration``). Between table points A is linear in c;
/// beyond the last point it grows like the normal's `z((1 + c)/2)`, so every quantile exists.
public enum ErrorShape: Sendable, Equatable {
    /// Standard normal errors.
    case normal
    /// Student t errors with the given degrees of freedom (regression prediction intervals).
    case studentT(degreesOfFreedom: Double)
    /// Symmetric errors with half-widths `halfWidths[k]` at central coverages `coverages[k]`
    /// (increasing, first coverage 0 with half-width 0, half-widths nondecreasing).
    case empirical(coverages: [Double], halfWidths: [Double])

    /// The p-quantile of the standardised error, 0 < p < 1 (±infinity at 0 and 1).
    public func quantile(_ p: Double) -> Double {
        switch self {
        case .normal:
            return Normal.quantile(p)
        case .studentT(let degrees):
            return StudentT.quantile(p, degreesOfFreedom: degrees)
        case .empirical(let coverages, let halfWidths):
            if p <= 0 { return -.infinity }
            if p >= 1 { return .infinity }
            let coverage = abs(2 * p - 1)
            let width = ErrorShape.halfWidth(at: coverage, coverages: coverages, halfWidths: halfWidths)
            return p < 0.5 ? -width : width
        }
    }

    /// P(E ≤ x) for the standardised error E.
    public func cdf(_ x: Double) -> Double {
        switch self {
        case .normal:
            return Normal.cdf(x)
        case .studentT(let degrees):
            return StudentT.cdf(x, degreesOfFreedom: degrees)
        case .empirical(let coverages, let halfWidths):
            if x.isNaN { return .nan }
            let coverage = ErrorShape.coverage(at: abs(x), coverages: coverages, halfWidths: halfWidths)
            return x < 0 ? 0.5 - coverage / 2 : 0.5 + coverage / 2
        }
    }

    private static func halfWidth(at coverage: Double, coverages: [Double], halfWidths: [Double]) -> Double {
        let last = coverages.count - 1
        if coverage >= coverages[last] {
            // Normal-shaped tail beyond the table.
            let ratio = Normal.quantile((1 + coverage) / 2) / Normal.quantile((1 + coverages[last]) / 2)
            return halfWidths[last] * ratio
        }
        var k = 1
        while coverages[k] < coverage { k += 1 }
        let t = (coverage - coverages[k - 1]) / (coverages[k] - coverages[k - 1])
        return halfWidths[k - 1] + t * (halfWidths[k] - halfWidths[k - 1])
    }

    private static func coverage(at width: Double, coverages: [Double], halfWidths: [Double]) -> Double {
        let last = coverages.count - 1
        if width >= halfWidths[last] {
            guard halfWidths[last] > 0 else { return 1 }
            let z = width / halfWidths[last] * Normal.quantile((1 + coverages[last]) / 2)
            return min(1, 2 * Normal.cdf(z) - 1)
        }
        var k = 1
        while halfWidths[k] < width { k += 1 }
        let span = halfWidths[k] - halfWidths[k - 1]
        let t = span > 0 ? (width - halfWidths[k - 1]) / span : 0
        return coverages[k - 1] + t * (coverages[k] - coverages[k - 1])
    }
}
