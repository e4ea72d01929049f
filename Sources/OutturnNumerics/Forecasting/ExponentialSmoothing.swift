#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fitted exponential smoothing model with additive errors and no seasonality — ETS(A,N,N),
/// ETS(A,A,N) or ETS(A,Ad,N) in the taxonomy of Hyndman, Koehler, Ord & Snyder (2008),
/// *Forecasting with Exponential Smoothing*, Springer — and its forecasts.
///
/// Recursions (ŷ = one-step forecast, e = y − ŷ, φ = 1 for Holt, no slope for SES):
/// ŷₜ = ℓₜ₋₁ + φbₜ₋₁,  ℓₜ = ℓₜ₋₁ + φbₜ₋₁ + αeₜ,  bₜ = φbₜ₋₁ + βeₜ.
/// Fit with ``fit(_:trend:)``; forecast with ``forecastMean(horizon:)`` and
/// ``forecastVariance(horizon:)``.
public struct ExponentialSmoothing: Sendable {
    /// Which trend the model carries.
    public enum Trend: Sendable, Hashable, Codable {
        /// Level only: simple exponential smoothing, ETS(A,N,N).
        case none
        /// Level and slope: Holt's linear trend, ETS(A,A,N).
        case additive
        /// Level and a slope damped by φ each period, ETS(A,Ad,N).
        case damped
    }

    /// The trend of this model.
    public let trend: Trend
    /// Level smoothing parameter α in [1e-4, 0.9999].
    public let alpha: Double
    /// Slope smoothing parameter β in [1e-4, α] (0 when there is no trend).
    public let beta: Double
    /// Damping φ in [0.8, 0.98] for `.damped`, 1 for `.additive`, 0 when there is no trend.
    public let phi: Double
    /// Initial level ℓ₀ (series units).
    package let initialLevel: Double
    /// Initial slope b₀ (series units per period; 0 without trend).
    package let initialSlope: Double
    /// Number of observations fitted.
    package let count: Int
    /// Sum of squared one-step errors (series units squared).
    package let sumOfSquaredErrors: Double
    /// One-step fitted values ŷₜ, one per observation.
    public let fitted: [Double]
    /// One-step errors eₜ = yₜ − ŷₜ.
    public let residuals: [Double]
    /// Level ℓₙ and slope bₙ after the last observation.
    package let finalLevel: Double
    /// Slope after the last observation (0 without trend).
    package let finalSlope: Double

    /// Number of estimated parameters as R's `ets` counts them for sigma²: smoothing parameters,
    /// damping and initial states (2 for SES, 4 for Holt, 5 for damped).
    public var parameterCount: Int {
        switch trend {
        case .none: return 2
        case .additive: return 4
        case .damped: return 5
        }
    }

    /// Log-likelihood exactly as R's forecast package (8.20) reports `loglik` for additive-error
    /// ETS: −½·n·log(Σeₜ²) — the Gaussian log-likelihood with σ² profiled out and the constant
    /// −½n(1 + log 2π − log n) left out. Units: depends on the units of the series.
    public var logLikelihood: Double {
        -0.5 * Double(count) * log(sumOfSquaredErrors)
    }

    /// Residual variance Σeₜ²/(n − k) with k = ``parameterCount``, as R's `ets` reports `sigma2`
    /// (falls back to Σeₜ²/n when n ≤ k).
    public var residualVariance: Double {
        let degrees = count - parameterCount
        return sumOfSquaredErrors / Double(degrees > 0 ? degrees : count)
    }

    /// Point forecasts ℓₙ + (φ + φ² + … + φʰ)·bₙ for h = 1…horizon.
    public func forecastMean(horizon: Int) -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(horizon)
        var dampedSum = 0.0
        var power = 1.0
        for _ in 0..<horizon {
            switch trend {
            case .none: break
            case .additive: dampedSum += 1
            case .damped: power *= phi; dampedSum += power
            }
            result.append(finalLevel + dampedSum * finalSlope)
        }
        return result
    }

    /// Analytic h-step forecast variances for class 1 (linear, additive-error) models
    /// (Hyndman et al. 2008, ch. 6): σ²·(1 + Σⱼ₌₁ʰ⁻¹ cⱼ²) with cⱼ = α + β(φ + … + φʲ),
    /// σ² = ``residualVariance``. For SES this is σ²(1 + (h−1)α²).
    public func forecastVariance(horizon: Int) -> [Double] {
        let sigma2 = residualVariance
        var result: [Double] = []
        result.reserveCapacity(horizon)
        var sumOfSquares = 0.0
        var dampedSum = 0.0
        var power = 1.0
        for step in 1...max(1, horizon) where step <= horizon {
            result.append(sigma2 * (1 + sumOfSquares))
            switch trend {
            case .none: break
            case .additive: dampedSum += 1
            case .damped: power *= phi; dampedSum += power
            }
            let c = alpha + beta * dampedSum
            sumOfSquares += c * c
        }
        return result
    }
}
