/// What every forecasting method returns: the point forecast, the predictive distribution at each
/// step, the in-sample fit, and a plain account of what was fitted and why.
///
/// The predictive distribution at step h (1…horizon) is `centre[h] + scale[h] · E` with E of the
/// given ``ErrorShape``; with ``ForecastOptions/nonNegative`` the distribution is censored at 0
/// (quantiles and interval ends below 0 become 0, `cdf` is 0 below 0), and `mean` is clipped at 0.
/// Intervals are central: `interval(level:step:)` is (quantile((1−level)/2), quantile((1+level)/2)),
/// so a wider level always contains a narrower one.
public struct Forecast: Sendable {
    /// The method that was asked for.
    public let method: ForecastMethod
    /// What was actually fitted, e.g. "damped trend", "naive", "median of drift, theta, ses, damped".
    public let model: String
    /// One plain sentence saying why this model and where its spread came from.
    public let reason: String
    /// True when the spread was not estimated from the series but taken from
    /// ``ForecastOptions/fallbackRelativeSpread``.
    public let spreadAssumed: Bool
    /// Point forecasts for steps 1…horizon, in the series' units.
    public let mean: [Double]
    /// One-step in-sample fitted values, one per observation (the first may equal the observation
    /// itself where a method has no forecast for it).
    public let fitted: [Double]
    /// Observations minus fitted values.
    public let residuals: [Double]
    /// Centre of the predictive distribution per step (the unclipped point forecast).
    public let centre: [Double]
    /// Scale of the predictive distribution per step (≥ 0, in the series' units).
    public let scale: [Double]
    /// Shape of the standardised error per step.
    public let shapes: [ErrorShape]
    /// Whether the distribution is censored at zero.
    public let nonNegative: Bool

    /// Assembles a forecast. `centre`, `scale` and `shapes` have one entry per step.
    public init(method: ForecastMethod, model: String, reason: String, spreadAssumed: Bool,
                centre: [Double], scale: [Double], shapes: [ErrorShape],
                fitted: [Double], residuals: [Double], nonNegative: Bool) {
        precondition(centre.count == scale.count && centre.count == shapes.count,
                     "centre (\(centre.count)), scale (\(scale.count)) and shapes (\(shapes.count)) differ in length")
        self.method = method
        self.model = model
        self.reason = reason
        self.spreadAssumed = spreadAssumed
        self.centre = centre
        self.scale = scale
        self.shapes = shapes
        self.fitted = fitted
        self.residuals = residuals
        self.nonNegative = nonNegative
        self.mean = nonNegative ? centre.map { max(0, $0) } : centre
    }

    /// Number of steps forecast.
    public var horizon: Int { centre.count }

    /// The `probability`-quantile of the predictive distribution at `step` (1…horizon).
    /// A zero scale gives the centre for every probability.
    public func quantile(_ probability: Double, step: Int) -> Double {
        precondition(step >= 1 && step <= horizon, "step \(step) outside 1…\(horizon)")
        let index = step - 1
        let value: Double
        if scale[index] == 0 {
            value = centre[index]
        } else {
            value = centre[index] + scale[index] * shapes[index].quantile(probability)
        }
        return nonNegative ? max(0, value) : value
    }

    /// P(Y ≤ value) at `step` (1…horizon); consistent with ``quantile(_:step:)``.
    public func cdf(_ value: Double, step: Int) -> Double {
        precondition(step >= 1 && step <= horizon, "step \(step) outside 1…\(horizon)")
        let index = step - 1
        if nonNegative && value < 0 { return 0 }
        if scale[index] == 0 { return value >= centre[index] ? 1 : 0 }
        return shapes[index].cdf((value - centre[index]) / scale[index])
    }

    /// The central prediction interval at `level` (a fraction, e.g. 0.8 or 0.95) for `step`.
    public func interval(level: Double, step: Int) -> (lower: Double, upper: Double) {
        precondition(level > 0 && level < 1, "level \(level) must be a fraction between 0 and 1")
        return (quantile((1 - level) / 2, step: step), quantile((1 + level) / 2, step: step))
    }
}
