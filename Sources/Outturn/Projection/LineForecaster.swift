import Foundation
import OutturnNumerics

/// The one place that calls the forecasting module (`Forecaster.forecast` on the `forecasting`
/// branch, contract in COMMON-BRIEF.md). Until that branch is merged, an interim forecaster here
/// implements the same contract for the cases the planner needs (see `interimForecast`).
enum LineForecaster {
    /// What the forecaster fitted and its predictive distribution at `horizon` steps.
    struct Result {
        /// The model actually fitted ("naive", "drift").
        let model: String
        /// One plain sentence why.
        let reason: String
        /// True when the spread came from the fallback assumption, not the series.
        let spreadAssumed: Bool
        /// The predictive distribution at the last step.
        let distribution: PredictiveDistribution
    }

    /// Forecasts `series` (oldest first, non-negative quantities) `horizon` years ahead, with
    /// `fallbackRelativeSpread` (a coefficient of variation) where the series is too short to measure spread.
    /// - Throws: an error when the series is empty or has non-finite values.
    static func forecast(_ series: [Double], horizon: Int, fallbackRelativeSpread: Double) throws -> Result {
        guard !series.isEmpty else { throw LineForecasterError.emptySeries }
        guard series.allSatisfy(\.isFinite) else { throw LineForecasterError.nonFinite }
        return interimForecast(series, horizon: horizon, spread: fallbackRelativeSpread)
    }

    /// Interim method: 1 point → naive with the assumed spread; 2 points → naive and drift averaged,
    /// assumed spread; 3+ points → drift, with the spread of the year-on-year changes shrunk toward the
    /// assumed spread (the assumption counts as two extra years of evidence). Normal predictive
    /// distribution, variance growing with the horizon as a random walk with drift; no negative values.
    static func interimForecast(_ series: [Double], horizon: Int, spread: Double) -> Result {
        let n = series.count
        let last = series[n - 1]
        let steps = Double(horizon)
        let assumedSD = spread * abs(last)
        let mean: Double, sd: Double, model: String, reason: String
        switch n {
        case 1:
            mean = last
            sd = assumedSD * steps.squareRoot()
            model = "naive"
            reason = "one year of history: last value carried forward; spread assumed"
        case 2:
            let drift = last - series[0]
            mean = last + 0.5 * drift * steps
            sd = assumedSD * steps.squareRoot()
            model = "naive and drift combined"
            reason = "two years of history: last value and its trend averaged; spread assumed"
        default:
            let changes = zip(series.dropFirst(), series).map { $0 - $1 }
            let drift = changes.reduce(0, +) / Double(changes.count)
            let ownVariance = changes.map { ($0 - drift) * ($0 - drift) }.reduce(0, +) / Double(changes.count - 1)
            let pooled = (ownVariance * Double(changes.count - 1) + assumedSD * assumedSD * 2) / Double(changes.count + 1)
            mean = last + drift * steps
            sd = (pooled * steps * (1 + steps / Double(changes.count))).squareRoot()
            model = "drift"
            reason = "\(n) years of history: trend of the year-on-year changes; spread from those changes, shrunk toward the assumed spread"
        }
        let safeSD = max(sd, 1e-9 * max(1, abs(mean)))
        let distribution = PredictiveDistribution(
            point: mean,
            quantile: { mean + safeSD * Normal.quantile($0) },
            cdf: { Normal.cdf(($0 - mean) / safeSD) })
        return Result(model: model, reason: reason, spreadAssumed: n < 3, distribution: distribution.nonNegative())
    }
}

/// Why the line forecaster could not run.
enum LineForecasterError: Error, CustomStringConvertible {
    case emptySeries, nonFinite
    var description: String {
        switch self {
        case .emptySeries: return "no history to forecast from"
        case .nonFinite: return "the history has a value that is not a finite number"
        }
    }
}
