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
}

/// Why the fitted model is the one fitted.
public enum ModelChoice: Sendable, Hashable, Codable {
    /// ``ForecastMethod/auto``: the members for this many points (see ``AutoForecast``).
    case automatic
    /// The method asked for.
    case asked
    /// The method asked for needs `needs` points; the naive method was fitted instead.
    case tooFewPoints(asked: ForecastMethod, needs: Int)
}

/// Why a series' spread could not be measured.
public enum UnmeasuredSpread: Sendable, Hashable, Codable {
    /// A single observation has no changes.
    case onePoint
    /// Every observation is the same (fewer than ``IntervalCalibration/deviationScaleMinimumCount`` points).
    case neverChanged
    /// The year-to-year changes are all the same (an exact straight line).
    case changesNeverVaried
    /// The model fits exactly, so its variances are zero.
    case noSpreadObserved
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
}

/// Why a forecast is what it is, as data (Outturn words it for people).
public struct ForecastExplanation: Sendable, Hashable, Codable {
    /// Observations in the series.
    public let pointCount: Int
    /// Why this model.
    public let choice: ModelChoice
    /// Where the spread was meant to come from.
    public let spread: SpreadSource
    /// Why the spread could not be measured, or nil when it was. With
    /// ``Forecast/spreadAssumed`` the fallback relative spread was used; otherwise there is none.
    public let unmeasured: UnmeasuredSpread?

    /// An explanation from its parts.
    public init(pointCount: Int, choice: ModelChoice, spread: SpreadSource, unmeasured: UnmeasuredSpread?) {
        self.pointCount = pointCount
        self.choice = choice
        self.spread = spread
        self.unmeasured = unmeasured
    }
}
