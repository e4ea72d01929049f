#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A year's total projected from its first k periods: the run rate through a share-to-date profile,
/// combined with a view of the total held before the year began (for a budget line: the forecast
/// from its budget and budget-execution record).
///
/// Both are log-normal beliefs about the total T. The run rate says log T = log(to-date) − log s,
/// with log s ~ N(log ŝ, v) from the profile (``ShareProfiles``); the earlier view says
/// log T ~ N(μ₀, σ₀²). They are combined by precision weighting (the normal–normal update):
/// log T ~ N((μ₀/σ₀² + y/v)/(1/σ₀² + 1/v), 1/(1/σ₀² + 1/v)) with y = log(to-date) − log ŝ. As the year
/// goes on v shrinks (the share to date varies less), so the run rate takes over; after the last
/// period v = 0 and the total is what was spent.
public enum InYearProjection {
    /// A log-normal belief about a positive total: log T ~ N(log ``median``, ``logSpread``²).
    public struct Belief: Sendable, Equatable {
        /// The median of T (its units).
        public let median: Double
        /// The standard deviation of log T (≥ 0).
        public let logSpread: Double

        /// A belief with this median (> 0) and log-scale standard deviation (≥ 0).
        package init(median: Double, logSpread: Double) {
            precondition(median > 0 && logSpread >= 0, "a belief needs a positive median and a non-negative spread")
            self.median = median
            self.logSpread = logSpread
        }

        /// The log-normal belief matching a distribution's median and its central 80% range
        /// (log q₉₀ − log q₁₀ = 2·1.2816·σ); nil when the median or the 10% quantile is not positive.
        package init?(matching distribution: PredictiveDistribution) {
            let median = distribution.quantile(0.5), low = distribution.quantile(0.1), high = distribution.quantile(0.9)
            guard median > 0, low > 0, high.isFinite else { return nil }
            self.init(median: median, logSpread: max(0, log(high / low)) / (2 * Normal.quantile(0.9)))
        }
    }

    /// Degrees of freedom of the Student-t tails given to the earlier view in ``combine(runRate:earlier:)``.
    package static let conflictDegreesOfFreedom = 4.0

    /// The run rate's belief: to-date ÷ ŝ with the profile's spread (to-date floored at
    /// `floor` > 0, so that nothing spent yet still says "little").
    package static func runRate(toDate: Double, logShare: Double, logSpread: Double, floor: Double) -> Belief {
        Belief(median: exp(log(max(toDate, floor)) - logShare), logSpread: logSpread)
    }

    /// The precision-weighted combination of the run rate with the earlier view (nil: the run rate
    /// alone), and the weight the run rate got (1 when it is certain or alone). The earlier view's
    /// precision is down-weighted by how far the two disagree (see ``conflictDegreesOfFreedom``);
    /// within one standard deviation of each other this is the plain normal–normal update.
    package static func combine(runRate: Belief, earlier: Belief?) -> (belief: Belief, runRateWeight: Double) {
        guard let earlier, runRate.logSpread > 0 else { return (runRate, 1) }
        guard earlier.logSpread > 0 else { return (earlier, 0) }
        let a = 1 / (runRate.logSpread * runRate.logSpread)
        // The earlier view is believed with Student-t tails (ν = ``conflictDegreesOfFreedom``): when it and
        // the run rate disagree by z standard deviations (|z| > 1), its precision is scaled by (ν + 1)/(ν + z²),
        // the t likelihood's weight, so a view the year has overtaken (a break, a new contract) stops pulling.
        let conflict = (log(runRate.median) - log(earlier.median))
            / (runRate.logSpread * runRate.logSpread + earlier.logSpread * earlier.logSpread).squareRoot()
        let nu = conflictDegreesOfFreedom
        let b = min(1, (nu + 1) / (nu + conflict * conflict)) / (earlier.logSpread * earlier.logSpread)
        let weight = a / (a + b)
        let logMedian = weight * log(runRate.median) + (1 - weight) * log(earlier.median)
        return (Belief(median: exp(logMedian), logSpread: (1 / (a + b)).squareRoot()), weight)
    }
}

extension PredictiveDistribution {
    /// Standard-normal z values of the table behind ``logNormal(median:logSpread:lowerBound:)``.
    private static let normalTablePoints: [Double] = stride(from: -3.5, through: 3.5, by: 0.05).map { $0 }
    private static let normalTableLevels: [Double] = normalTablePoints.map { Normal.cdf($0) }

    /// The log-normal T = median · exp(logSpread · Z), Z standard normal, optionally censored below
    /// at `lowerBound`, as an exact ``PredictiveDistribution``: shape
    /// ``ErrorShape/logEmpirical(points:levels:logScale:upperLimit:)`` whose table is Φ at
    /// z = −3.5, −3.45, …, 3.5 (linear between, exponential tails beyond, Z capped at 8 so every
    /// moment is finite); location = scale = median. A zero spread gives the certain value `median`.
    package static func logNormal(median: Double, logSpread: Double, lowerBound: Double? = nil) -> PredictiveDistribution {
        precondition(median > 0 && logSpread >= 0, "a log-normal needs a positive median and a non-negative spread")
        guard logSpread > 0 else {
            let value = max(median, lowerBound ?? median)
            return PredictiveDistribution(location: value, scale: 0, shape: .normal)
        }
        let shape = ErrorShape.logEmpirical(points: normalTablePoints, levels: normalTableLevels, logScale: logSpread,
                                            upperLimit: 8)
        return PredictiveDistribution(location: median, scale: median, shape: shape, lowerBound: lowerBound)
    }
}
