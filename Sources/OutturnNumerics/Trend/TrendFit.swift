#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A trend fitted to periods 1…n, ready to forecast.
public struct TrendFit: Sendable {
    /// The model fitted.
    public let trend: DeterministicTrend
    /// n, the number of periods fitted.
    public let observations: Int
    /// The underlying regression on [1, t, t², …] (on log y for a log-linear trend).
    public let regression: LeastSquaresFit

    /// β₀, β₁, … on the period scale (t = 1…n), on log scale for a log-linear trend.
    public var coefficients: [Double] { regression.coefficients }

    /// Residual standard error on the fitting scale; nil with zero degrees of freedom (n = p).
    public var residualStandardError: Double? { regression.residualStandardError }

    /// Fitted values on the data scale (medians, for a log-linear trend), periods 1…n.
    public var fitted: [Double] {
        (1...observations).map { period in
            let value = linearPredictor(at: Double(period))
            return trend == .logLinear ? exp(value) : value
        }
    }

    /// x₀ᵀβ̂ at period t on the fitting scale.
    func linearPredictor(at period: Double) -> Double {
        var value = 0.0, power = 1.0
        for coefficient in coefficients {
            value += coefficient * power
            power *= period
        }
        return value
    }

    /// Forecasts for periods n+1 … n+horizon with prediction intervals.
    ///
    /// - Parameters:
    ///   - horizon: number of periods ahead, ≥ 1.
    ///   - level: two-sided prediction level as a fraction, e.g. 0.95.
    /// - Returns: one ``TrendForecast`` per step; intervals use the Student t quantile with the fit's
    ///   degrees of freedom and include the uncertainty of β̂ (s·√(1 + x₀ᵀ(XᵀX)⁻¹x₀)).
    /// - Precondition: horizon ≥ 1, 0 < level < 1.
    public func forecast(horizon: Int, level: Double) -> [TrendForecast] {
        precondition(horizon >= 1, "Forecast horizon must be at least 1, got \(horizon)")
        precondition(level > 0 && level < 1, "Level must be in (0, 1), got \(level)")
        return (1...horizon).map { step in
            let period = observations + step
            var row = [Double](repeating: 1, count: coefficients.count)
            for k in 1..<row.count { row[k] = row[k - 1] * Double(period) }
            let prediction = regression.predict(at: row, level: level)
            switch trend {
            case .logLinear:
                let s = regression.residualStandardError
                return TrendForecast(period: period, median: exp(prediction.mean),
                                     mean: s.map { exp(prediction.mean + $0 * $0 / 2) },
                                     interval: prediction.prediction.map { exp($0.lowerBound)...exp($0.upperBound) })
            case .linear, .polynomial:
                return TrendForecast(period: period, median: prediction.mean, mean: prediction.mean,
                                     interval: prediction.prediction)
            }
        }
    }
}
