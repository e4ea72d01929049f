#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shape of a standardised forecast error, to be multiplied by a scale and added to a centre.
///
/// `.normal` is the standard normal, `.studentT` Student's t. `.empirical` is given by its
/// quantiles `quantiles[k]` at probabilities `probabilities[k]` (a table of held-out signed errors,
/// see `IntervalCalibration`); it need not be symmetric or centred at 0 (yearly forecasts are
/// biased: growth tends to continue). Between table points the quantile is linear in p; beyond the
/// first and last points each tail grows away from the median like the normal's, so every quantile
/// exists and `cdf` inverts `quantile`.
public enum ErrorShape: Sendable, Equatable, Codable {
    /// Standard normal errors.
    case normal
    /// Student t errors with the given degrees of freedom (regression prediction intervals).
    case studentT(degreesOfFreedom: Double)
    /// Errors with quantiles `quantiles[k]` at `probabilities[k]` (both increasing; quantiles
    /// nondecreasing; 0.5 among the probabilities).
    case empirical(probabilities: [Double], quantiles: [Double])
    /// Errors of a model on the log scale: E = exp(`logScale` · Z) − 1, with Z's distribution
    /// function piecewise linear through (`points[k]`, `levels[k]`), exponential tails of unit rate
    /// beyond the first and last points, and Z censored above at `upperLimit` (`LogScaleTable`;
    /// the budget-execution model's errors of log(spend / budget), whose outcomes were clamped at
    /// +3). E > −1; with a finite `upperLimit` every moment is finite.
    case logEmpirical(points: [Double], levels: [Double], logScale: Double, upperLimit: Double)
    /// `base` with its probability reweighted on each side of `cut`: density × `below` up to `cut`,
    /// × `above` beyond it, with below·F(cut) + above·(1 − F(cut)) = 1 (a mixture of `base` and
    /// `base` conditioned on each side; ErrorShape+SideWeighted.swift).
    indirect case sideWeighted(base: ErrorShape, cut: Double, below: Double, above: Double)
    /// The mixture (1 − `weight`)·`base` + `weight`·`alternative` (ErrorShape+SideWeighted.swift).
    indirect case mixture(weight: Double, base: ErrorShape, alternative: ErrorShape)

    /// The p-quantile of the standardised error, 0 < p < 1 (±infinity at 0 and 1).
    public func quantile(_ p: Double) -> Double {
        switch self {
        case .normal:
            return Normal.quantile(p)
        case .studentT(let degrees):
            return StudentT.quantile(p, degreesOfFreedom: degrees)
        case .empirical(let probabilities, let quantiles):
            if p <= 0 { return -.infinity }
            if p >= 1 { return .infinity }
            let last = probabilities.count - 1
            if p < probabilities[0] || p > probabilities[last] {
                let edge = p < probabilities[0] ? 0 : last
                let median = ErrorShape.median(probabilities, quantiles)
                return median + (quantiles[edge] - median) * Normal.quantile(p) / Normal.quantile(probabilities[edge])
            }
            var k = 1
            while probabilities[k] < p { k += 1 }
            let t = (p - probabilities[k - 1]) / (probabilities[k] - probabilities[k - 1])
            return quantiles[k - 1] + t * (quantiles[k] - quantiles[k - 1])
        case .logEmpirical(let points, let levels, let sigma, let limit):
            if p <= 0 { return -1 }
            if p >= 1 { return .infinity }
            return expm1(sigma * LogScaleTable(points: points, levels: levels, upperLimit: limit).quantile(p))
        case .sideWeighted(let base, let cut, let below, let above):
            return ErrorShape.sideWeightedQuantile(p, base: base, cut: cut, below: below, above: above)
        case .mixture(let weight, let base, let alternative):
            return ErrorShape.mixtureQuantile(p, weight: weight, base: base, alternative: alternative)
        }
    }

    /// P(E ≤ x) for the standardised error E.
    public func cdf(_ x: Double) -> Double {
        switch self {
        case .normal:
            return Normal.cdf(x)
        case .studentT(let degrees):
            return StudentT.cdf(x, degreesOfFreedom: degrees)
        case .empirical(let probabilities, let quantiles):
            if x.isNaN { return .nan }
            let last = probabilities.count - 1
            if x < quantiles[0] || x > quantiles[last] {
                let edge = x < quantiles[0] ? 0 : last
                let median = ErrorShape.median(probabilities, quantiles)
                let reach = quantiles[edge] - median
                guard reach != 0 else { return edge == 0 ? 0 : 1 }
                return Normal.cdf((x - median) / reach * Normal.quantile(probabilities[edge]))
            }
            var k = 1
            while k < last && quantiles[k] < x { k += 1 }
            let span = quantiles[k] - quantiles[k - 1]
            let t = span > 0 ? (x - quantiles[k - 1]) / span : 0
            return probabilities[k - 1] + t * (probabilities[k] - probabilities[k - 1])
        case .logEmpirical(let points, let levels, let sigma, let limit):
            if x.isNaN { return .nan }
            if x <= -1 { return 0 }
            return LogScaleTable(points: points, levels: levels, upperLimit: limit).cdf(log1p(x) / sigma)
        case .sideWeighted(let base, let cut, let below, let above):
            return ErrorShape.sideWeightedCDF(x, base: base, cut: cut, below: below, above: above)
        case .mixture(let weight, let base, let alternative):
            return (1 - weight) * base.cdf(x) + weight * alternative.cdf(x)
        }
    }

    /// The table's quantile at p = 0.5.
    static func median(_ probabilities: [Double], _ quantiles: [Double]) -> Double {
        var k = 1
        while k < probabilities.count - 1 && probabilities[k] < 0.5 { k += 1 }
        let t = (0.5 - probabilities[k - 1]) / (probabilities[k] - probabilities[k - 1])
        return quantiles[k - 1] + t * (quantiles[k] - quantiles[k - 1])
    }
}
