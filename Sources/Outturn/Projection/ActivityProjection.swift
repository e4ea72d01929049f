import OutturnNumerics

/// An activity series projected to the target year with intervals.
public struct ActivityProjection: Sendable, Equatable {
    /// The series name.
    public let series: String
    /// The projected value: the forecast's censored location, in the series' units.
    public let projected: Double
    /// The intervals at the scenario's levels (ascending levels).
    public let intervals: [PredictionInterval]
    /// The model fitted, by its technical name (JSON's `method`).
    public let method: String
    /// The model in a finance officer's words (the activity table's Method column); nil: ``method``.
    public internal(set) var methodInWords: String? = nil
    /// One plain sentence why.
    public let reason: String
    /// What the figures count: a number of things, or a share of something (a fraction in [0, 1]).
    public internal(set) var unit: ActivityUnit = .count
    /// The predictive distribution behind a fitted series (nil for a derived measure).
    package internal(set) var distribution: PredictiveDistribution? = nil

    /// Projects `series` to `targetYear` with the forecaster (automatic method, no negative values).
    /// A monthly series (``ActivitySeries/months``) goes through the seasonal methods: see
    /// `ActivityProjection+Monthly.swift`.
    package static func project(_ series: ActivitySeries, scenario: Scenario) throws -> ActivityProjection {
        if let months = series.months { return try projectMonthly(series, months: months, scenario: scenario) }
        let horizon = scenario.targetYear.startYear - series.years.last!.startYear
        guard horizon >= 1 else {
            throw InputError(file: scenario.fileName, line: nil,
                             message: "activity series '\(series.name)' already has \(scenario.targetYear)", hint: nil)
        }
        let result = try LineForecaster.forecast(series.values, horizon: horizon,
                                                 fallbackRelativeSpread: scenario.yearToYearSpread)
        var projection = ActivityProjection(series: series.name, projected: result.location,
                                            intervals: scenario.confidenceLevels.map { result.distribution.interval(level: $0) },
                                            method: result.model, reason: result.reason)
        projection.methodInWords = result.plainModel
        projection.distribution = result.distribution
        return projection
    }
}

/// What an activity projection counts.
public enum ActivityUnit: String, Sendable, Equatable {
    /// A number of things (calls, cases), shown rounded to whole units.
    case count
    /// A share of something, a fraction in [0, 1], shown as a percentage.
    case share
}
