/// How several methods' point forecasts are combined into one.
public enum Combination: String, Sendable, Codable, CaseIterable {
    /// The average of the members' forecasts (in member order).
    case mean
    /// The middle member's forecast (the average of the middle two for an even count).
    case median
}

/// What a forecast actually fitted: one method's model, or a combination of several.
public enum FittedModel: Sendable, Hashable, Codable {
    /// One method's model (never ``ForecastMethod/auto``).
    case single(ForecastMethod)
    /// The members' point forecasts combined.
    case combination(Combination, of: [ForecastMethod])
    /// Seasonal exponential smoothing with this seasonality (and error type) and trend:
    /// ETS(A,·,A) or ETS(M,·,M), chosen by AICc (see ``SeasonalExponentialSmoothing``).
    case seasonalETS(season: SeasonalExponentialSmoothing.Season, trend: ExponentialSmoothing.Trend)
    /// `method` on the series divided by its classical multiplicative seasonal indices, its
    /// forecasts multiplied back by them (see `ClassicalDecomposition`).
    case seasonallyAdjusted(ForecastMethod)
    /// Fitted models' point forecasts combined (seasonal `auto`, whose members are seasonal models).
    case combinationOfModels(Combination, of: [FittedModel])
}

/// Why a seasonal method (or `auto` with a season length) did not use the seasonal pattern.
public enum SeasonalityNotUsed: Sendable, Hashable, Codable {
    /// Less than one full cycle: there is no same period a cycle earlier.
    case lessThanOneCycle
    /// Fewer than three cycles: too few to test the seasonality or fit seasonal ETS.
    case fewerThanThreeCycles
    /// The 90% autocorrelation test (`SeasonalityTest`) finds no seasonality.
    case notSeasonalByTest
    /// A value ≤ 0 rules out the multiplicative decomposition.
    case valueNotPositive
}

/// Why the fitted model is the one fitted.
public enum ModelChoice: Sendable, Hashable, Codable {
    /// ``ForecastMethod/auto``: the members for this many points (see ``AutoForecast``).
    case automatic
    /// The method asked for.
    case asked
    /// The method asked for needs `needs` points; the naive method was fitted instead.
    case tooFewPoints(asked: ForecastMethod, needs: Int)
    /// ``ForecastMethod/auto`` with a season length: the series is seasonal by the 90%
    /// autocorrelation test, so the seasonal members (see ``SeasonalForecaster``).
    case automaticSeasonal
    /// A seasonal method, or `auto` with a season length, left the seasonal pattern out for this
    /// reason; ``Forecast/model`` says what was fitted instead.
    case seasonalityNotUsed(SeasonalityNotUsed)
}

/// Why a series' spread could not be measured.
public enum UnmeasuredSpread: Sendable, Hashable, Codable {
    /// A single observation has no changes.
    case onePoint
    /// Every observation is the same (fewer than `IntervalCalibration/deviationScaleMinimumCount` points).
    case neverChanged
    /// The year-to-year changes are all the same (an exact straight line).
    case changesNeverVaried
    /// The model fits exactly, so its variances are zero.
    case noSpreadObserved
    /// The series repeats exactly every cycle (its seasonal differences are all zero).
    case repeatsEveryCycle
}

/// The error family of a model's own (analytic) intervals.
public enum ModelErrors: Sendable, Hashable, Codable {
    /// Normal errors (exponential smoothing, naive, drift, theta).
    case normal
    /// Student t errors (regression prediction intervals of ``ForecastMethod/linear``).
    case studentT
}

/// Where a forecast's spread was meant to come from.
public enum SpreadSource: Sendable, Hashable, Codable {
    /// Held-out errors of `method` on series of similar length, scaled by the series' own changes;
    /// `widenedForShortHistory` for ``ForecastMethod/auto`` on 3–4 points.
    case calibrated(method: ForecastMethod, widenedForShortHistory: Bool)
    /// The model's own variances.
    case modelBased(ModelErrors)
    /// Held-out errors of `method` on seasonal series, scaled by the series' own cycle-to-cycle
    /// changes (see `SeasonalCalibration`).
    case seasonalCalibrated(method: ForecastMethod)
}

/// Why a forecast is what it is, as data (Outturn words it for people).
public struct ForecastExplanation: Sendable, Hashable, Codable {
    /// Observations in the series.
    public let pointCount: Int
    /// Periods per seasonal cycle used (1: not seasonal; see ``ForecastOptions/seasonLength``).
    public let seasonLength: Int
    /// Why this model.
    public let choice: ModelChoice
    /// Where the spread was meant to come from.
    public let spread: SpreadSource
    /// Why the spread could not be measured, or nil when it was. With
    /// ``Forecast/spreadAssumed`` the fallback relative spread was used; otherwise there is none.
    public let unmeasured: UnmeasuredSpread?

    /// An explanation from its parts.
    package init(pointCount: Int, choice: ModelChoice, spread: SpreadSource, unmeasured: UnmeasuredSpread?,
                seasonLength: Int = 1) {
        self.pointCount = pointCount
        self.seasonLength = seasonLength
        self.choice = choice
        self.spread = spread
        self.unmeasured = unmeasured
    }
}
