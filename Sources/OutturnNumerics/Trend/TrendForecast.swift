/// A trend forecast for one future period.
public struct TrendForecast: Equatable, Sendable {
    /// The period forecast (n + step for a series observed at 1…n).
    public let period: Int
    /// The point forecast on the data scale. For linear and polynomial trends it is the fitted
    /// mean x₀ᵀβ̂. For a log-linear trend it is the back-transformed MEDIAN exp(x₀ᵀβ̂) (the mean of
    /// a log-normal is higher; see ``mean``).
    public let median: Double
    /// The expected value on the data scale. Equal to ``median`` for linear and polynomial trends;
    /// for a log-linear trend exp(x₀ᵀβ̂ + s²/2), the log-normal mean, which ignores the sampling
    /// error of β̂ (nil when s is undefined, i.e. zero degrees of freedom).
    public let mean: Double?
    /// The prediction interval for a new observation at the level asked (Student t on the fitting
    /// scale; for log-linear trends its ends are exponentiated, which keeps it exact as a quantile
    /// interval). nil when the fit has no residual degrees of freedom.
    public let interval: ClosedRange<Double>?
}
