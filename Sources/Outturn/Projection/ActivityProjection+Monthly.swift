import Foundation
import OutturnNumerics

/// The monthly path of an activity projection (issue 10, item 5): a monthly series' target-year
/// total is the months already counted in the target year plus the seasonal forecasts of the rest.
package enum MonthlyActivity {
    /// What the monthly path projects for one target year.
    package struct YearTotal: Sendable {
        /// The target year's total: location and scale in the series' units, censored below at
        /// ``known`` (what has been counted cannot be uncounted).
        package let distribution: PredictiveDistribution
        /// The seasonal forecast of the remaining months (season length 12).
        package let forecast: Forecast
        /// The sum of the target year's months already present.
        package let known: Double
        /// How the forecast months' errors were added up.
        package let dependence: Dependence
    }

    /// The total of a year whose `knownMonths` are counted (the last months of `history`, oldest
    /// first) and whose year ends `remaining` months after `history`: the seasonal `auto` of
    /// ``Forecaster`` at season length 12 with its calibrated intervals, `remaining` steps ahead,
    /// non-negative; the year's own forecast months (the last 12 − `knownMonths`) are summed with
    /// their errors correlated as the series' seasonal ETS model implies (``dependence(history:steps:)``,
    /// ``narrowedSum(_:plus:factor:)``).
    /// With `knownMonths` 0, `remaining` may exceed 12 (the months before the year are forecast,
    /// not added).
    /// - Throws: ``ForecastError`` for a series the forecaster cannot use.
    package static func yearTotal(history: [Double], knownMonths: Int, remaining: Int,
                                  fallbackRelativeSpread: Double) throws -> YearTotal {
        precondition(remaining >= 1 && (0...min(11, history.count)).contains(knownMonths)
                     && (knownMonths == 0 || knownMonths + remaining == 12), "the known and remaining months must make up the year")
        let forecast = try Forecaster.forecast(history, horizon: remaining, method: .auto,
                                               options: ForecastOptions(nonNegative: true,
                                                                        fallbackRelativeSpread: fallbackRelativeSpread,
                                                                        seasonLength: 12))
        let known = history.suffix(knownMonths).reduce(0, +)
        // Months before the target year (a gap of a year or more since the last month) are forecast but not added.
        let targetSteps = Array(forecast.distributions.suffix(12 - knownMonths))
        let steps = Array((remaining - targetSteps.count + 1)...remaining)
        let dependence = dependence(history: history, steps: steps)
        let distribution = switch dependence {
        case .modelImplied(let factor): narrowedSum(targetSteps, plus: known, factor: factor)
        case .pooledCorrelation(let rho): correlatedSum(targetSteps, plus: known, correlation: rho)
        }
        return YearTotal(distribution: distribution, forecast: forecast, known: known, dependence: dependence)
    }

    /// Why the monthly path is not taken for `months` (oldest first) holding `completeYears`
    /// complete fiscal years, in a few words; nil when it is: at least two complete years and
    /// seasonal by the 90% autocorrelation test at lag 12 (which needs three years).
    package static func refusal(_ months: [Double], completeYears: Int) -> String? {
        if completeYears < 2 { return "fewer than two complete years of months" }
        guard SeasonalityTest(months, seasonLength: 12).isSeasonal else {
            return ForecastWording.seasonalityNotUsed(months.count < 36 ? .fewerThanThreeCycles : .notSeasonalByTest)
        }
        return nil
    }

    /// Probabilities at which a sum of step distributions of different shapes is tabulated.
    static let grid: [Double] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5,
                                 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999]

    /// The distribution of `known + Σ Xᵢ` for the step outcomes Xᵢ ~ `steps` moving together
    /// perfectly (comonotone: every Xᵢ at the same quantile), which for one model's multi-step
    /// errors is the conservative choice. Its p-quantile is `known + Σ Qᵢ(p)` exactly. When every
    /// step has the same shape and none is censored this is location Σμ, scale Σσ, the same shape
    /// (exact everywhere); otherwise the sum is tabulated at ``grid`` (exact there, so at the 80%
    /// and 95% interval ends, linear in p between points and normal-like beyond 0.1% and 99.9%)
    /// as an empirical shape about location `known + Σ` censored locations and scale Σσ. The
    /// result is censored below at `known`.
    /// - Precondition: `steps` is not empty.
    package static func comonotoneSum(_ steps: [PredictiveDistribution], plus known: Double) -> PredictiveDistribution {
        precondition(!steps.isEmpty, "a sum needs steps")
        let scale = steps.reduce(0) { $0 + $1.scale }
        if steps.allSatisfy({ $0.shape == steps[0].shape && $0.lowerBound == nil }) || scale == 0 {
            return PredictiveDistribution(location: known + steps.reduce(0) { $0 + ($1.scale == 0 ? $1.censoredLocation : $1.location) },
                                          scale: scale, shape: steps[0].shape, lowerBound: known)
        }
        let location = known + steps.reduce(0) { $0 + $1.censoredLocation }
        var quantiles = grid.map { p in (known + steps.reduce(0) { $0 + $1.quantile(p) } - location) / scale }
        // Sums of non-decreasing quantile functions are non-decreasing; rounding must not break that.
        for k in quantiles.indices.dropFirst() where quantiles[k] < quantiles[k - 1] { quantiles[k] = quantiles[k - 1] }
        return PredictiveDistribution(location: location, scale: scale,
                                      shape: .empirical(probabilities: grid, quantiles: quantiles), lowerBound: known)
    }
}

extension ActivityProjection {
    /// Projects a monthly series' target-year total: the monthly path when it has at least two
    /// complete fiscal years of months and the months are seasonal by the 90% autocorrelation
    /// test; otherwise the yearly path on its complete fiscal years' sums, the reason saying why.
    static func projectMonthly(_ series: ActivitySeries, months: ActivityMonths, scenario: Scenario) throws -> ActivityProjection {
        let start = scenario.fiscalYearStart
        let yearEnd = scenario.targetYear.firstMonth(startingIn: start).advanced(by: 11)
        let remaining = yearEnd.ordinal - months.last.ordinal
        guard remaining >= 1 else {
            throw InputError(file: scenario.fileName, line: scenario.targetYearLine,
                             message: "activity series '\(series.name)' already has every month of \(scenario.targetYear)",
                             hint: "a complete year needs no forecast: set target_year to a later year, or leave its last months out")
        }
        let knownMonths = max(0, 12 - remaining)
        if let why = MonthlyActivity.refusal(months.values, completeYears: series.years.count) {
            let yearly = try project(ActivitySeries(name: series.name, years: series.years, values: series.values), scenario: scenario)
            var projection = ActivityProjection(series: yearly.series, projected: yearly.projected, intervals: yearly.intervals,
                                                method: yearly.method,
                                                reason: ForecastWording.monthlyNotUsed(why, months: months.values.count) + yearly.reason)
            projection.methodInWords = yearly.methodInWords.map(ForecastWording.monthlyFallbackMethod)
            projection.distribution = yearly.distribution
            return projection
        }
        let total = try MonthlyActivity.yearTotal(history: months.values, knownMonths: knownMonths, remaining: remaining,
                                  fallbackRelativeSpread: scenario.yearToYearSpread)
        let forecast = total.forecast
        let plain = ForecastWording.plainModel(forecast.model, count: months.values.count, seasonLength: 12, brief: true)
        var projection = ActivityProjection(
            series: series.name, projected: total.distribution.censoredLocation,
            intervals: scenario.confidenceLevels.map { total.distribution.interval(level: $0) },
            method: ForecastWording.monthlyMethod(ForecastWording.model(forecast.model)),
            reason: ForecastWording.monthlyReason(known: knownMonths, knownTotal: total.known, remaining: remaining,
                                                  lastMonth: months.last, dependence: total.dependence,
                                                  forecastReason: ForecastWording.plainReason(forecast)))
        projection.methodInWords = ForecastWording.monthlyMethod(plain)
        projection.distribution = total.distribution
        return projection
    }
}
