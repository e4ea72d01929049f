/// What every forecasting method returns: the point forecast, the predictive distribution at each
/// step, the in-sample fit, and a plain account of what was fitted and why.
///
/// The predictive distribution at step h (1…horizon) is `distributions[h − 1]`, `location + scale · E`
/// with E of the given ``ErrorShape``; with ``ForecastOptions/nonNegative`` it is censored at 0
/// (quantiles and interval ends below 0 become 0, `cdf` is 0 below 0), and so is the point forecast
/// ``locations``.
/// Intervals are central: `interval(level:step:)` is (quantile((1−level)/2), quantile((1+level)/2)),
/// so a wider level always contains a narrower one.
public struct Forecast: Sendable, Equatable {
    /// The method that was asked for.
    public let method: ForecastMethod
    /// What was actually fitted (e.g. `.single(.damped)`, `.combination(.median, of: [.drift, .theta, .holt])`).
    public let model: FittedModel
    /// Why this model and where its spread came from, as data.
    public let explanation: ForecastExplanation
    /// True when the spread was not estimated from the series but taken from
    /// ``ForecastOptions/fallbackRelativeSpread``.
    public let spreadAssumed: Bool
    /// One-step in-sample fitted values, one per observation (the first may equal the observation
    /// itself where a method has no forecast for it).
    public let fitted: [Double]
    /// Observations minus fitted values.
    public let residuals: [Double]
    /// The predictive distribution at each step 1…horizon (index step − 1).
    public let distributions: [PredictiveDistribution]

    /// Assembles a forecast from one distribution per step.
    package init(method: ForecastMethod, model: FittedModel, explanation: ForecastExplanation, spreadAssumed: Bool,
                distributions: [PredictiveDistribution], fitted: [Double], residuals: [Double]) {
        self.method = method
        self.model = model
        self.explanation = explanation
        self.spreadAssumed = spreadAssumed
        self.distributions = distributions
        self.fitted = fitted
        self.residuals = residuals
    }

    /// Assembles a forecast from per-step locations, scales and shapes (one entry each per step),
    /// censored at zero when `nonNegative`.
    package init(method: ForecastMethod, model: FittedModel, explanation: ForecastExplanation, spreadAssumed: Bool,
                centre: [Double], scale: [Double], shapes: [ErrorShape],
                fitted: [Double], residuals: [Double], nonNegative: Bool) {
        precondition(centre.count == scale.count && centre.count == shapes.count,
                     "centre (\(centre.count)), scale (\(scale.count)) and shapes (\(shapes.count)) differ in length")
        let distributions = centre.indices.map {
            PredictiveDistribution(location: centre[$0], scale: scale[$0], shape: shapes[$0],
                                   lowerBound: nonNegative ? 0 : nil)
        }
        self.init(method: method, model: model, explanation: explanation, spreadAssumed: spreadAssumed,
                  distributions: distributions, fitted: fitted, residuals: residuals)
    }

    /// The point forecast per step: each distribution's censored location (clipped at 0 when the
    /// forecast is non-negative), in the series' units.
    public var locations: [Double] { distributions.map(\.censoredLocation) }

    /// Number of steps forecast.
    public var horizon: Int { distributions.count }

    /// The `probability`-quantile of the predictive distribution at `step` (1…horizon).
    public func quantile(_ probability: Double, step: Int) -> Double {
        distribution(step: step).quantile(probability)
    }

    /// P(Y ≤ value) at `step` (1…horizon); consistent with ``quantile(_:step:)``.
    public func cdf(_ value: Double, step: Int) -> Double {
        distribution(step: step).cdf(value)
    }

    /// The central prediction interval at `level` (a fraction, e.g. 0.8 or 0.95) for `step`.
    public func interval(level: Double, step: Int) -> PredictionInterval {
        distribution(step: step).interval(level: level)
    }

    /// The predictive distribution at `step` (1…horizon).
    public func distribution(step: Int) -> PredictiveDistribution {
        precondition(step >= 1 && step <= horizon, "step \(step) outside 1…\(horizon)")
        return distributions[step - 1]
    }
}
