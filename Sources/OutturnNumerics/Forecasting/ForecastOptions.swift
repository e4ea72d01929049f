/// Choices that apply to every forecasting method.
public struct ForecastOptions: Sendable, Equatable {
    /// The series cannot go below zero (costs, counts): means and interval ends are clipped at 0,
    /// and the predictive distribution puts the probability of negative values at 0.
    public var nonNegative: Bool
    /// The year-to-year relative spread to assume (a coefficient of variation, e.g. 0.10 for 10%)
    /// when the history is too short or too flat to estimate spread: a single point, a series
    /// that never changed, or (calibrated intervals, 5+ points) one whose changes never varied.
    /// The standard deviation of one step is then `fallbackRelativeSpread · |last value|` (the
    /// largest |value| if the last is 0), normal and growing like a random walk (√h), and the
    /// ``Forecast`` says so in ``Forecast/spreadAssumed``. When nil, a one-point series
    /// throws ``ForecastError/spreadNotEstimable(count:)`` and a constant series gets a
    /// zero-width distribution.
    public var fallbackRelativeSpread: Double?
    /// Calibrated (default) or model-based intervals; see ``IntervalSource``.
    public var intervals: IntervalSource
    /// Periods per seasonal cycle m (4 quarterly, 12 monthly; 1 = no seasonality, the default).
    /// Used by the seasonal methods and by `auto`, which goes seasonal when the seasonality test
    /// supports it (see ``SeasonalForecaster``).
    public var seasonLength: Int = 1

    /// - Parameters:
    ///   - nonNegative: clip means, quantiles and interval ends at zero.
    ///   - fallbackRelativeSpread: assumed coefficient of variation of one year's change, or nil.
    ///   - intervals: calibrated (default) or the method's model-based variance.
    ///   - seasonLength: periods per seasonal cycle (1 = not seasonal).
    public init(nonNegative: Bool = false, fallbackRelativeSpread: Double? = nil,
                intervals: IntervalSource = .calibrated, seasonLength: Int = 1) {
        self.nonNegative = nonNegative
        self.fallbackRelativeSpread = fallbackRelativeSpread
        self.intervals = intervals
        self.seasonLength = seasonLength
    }
}
