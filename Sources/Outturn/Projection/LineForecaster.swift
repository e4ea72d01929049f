import Foundation
import OutturnNumerics

/// The one place that calls the forecasting module (`Forecaster.forecast`).
enum LineForecaster {
    /// What the forecaster fitted and its predictive distribution at `horizon` steps.
    struct Result {
        /// The model actually fitted, by its technical name ("naive", "mean of naive and drift", …;
        /// JSON's `method`).
        let model: String
        /// The model in plain words, short for the Method column ("trend from 5 years", "halfway
        /// between last year and the trend").
        let plainModel: String
        /// The model in plain words with how far a combination's members agree, for reasons
        /// ("trend from 5 years (three methods agree within 2%, the middle one taken)").
        let plainDescription: String
        /// One plain sentence why, in a finance officer's words (``ForecastWording/plainReason(_:agreement:spreadSetting:)``).
        let reason: String
        /// True when the spread came from the fallback assumption, not the series.
        let spreadAssumed: Bool
        /// The predictive distribution at the last step (censored at zero).
        let distribution: PredictiveDistribution
        /// The point forecast at the last step (the distribution's censored location).
        var location: Double { distribution.censoredLocation }
    }

    /// Forecasts `series` (oldest first, non-negative quantities) `horizon` years ahead.
    ///
    /// Method: with fewer than 3 points, `.naive` — the last value carried forward with a normal
    /// spread whose standard deviation is `fallbackRelativeSpread` × the last value per year when it
    /// cannot be measured (one point) — so the scenario's `year_to_year_spread` means exactly what
    /// docs/scenario.md says (a relative standard deviation). With 3 or more points, `.auto`: the
    /// forecasting module's combination with intervals calibrated on held-out yearly series.
    /// - Throws: ``ForecastError`` (empty series, non-finite values, horizon < 1).
    static func forecast(_ series: [Double], horizon: Int, fallbackRelativeSpread: Double) throws -> Result {
        let method: ForecastMethod = series.count < 3 ? .naive : .auto
        let forecast = try Forecaster.forecast(series, horizon: horizon, method: method,
                                               options: ForecastOptions(nonNegative: true,
                                                                        fallbackRelativeSpread: fallbackRelativeSpread))
        let distribution = forecast.distribution(step: horizon)
        let agreement = try membersAgreement(forecast, series: series, horizon: horizon,
                                             fallbackRelativeSpread: fallbackRelativeSpread)
        return Result(model: ForecastWording.model(forecast.model),
                      plainModel: ForecastWording.plainModel(forecast.model, count: series.count, brief: true),
                      plainDescription: ForecastWording.plainModel(forecast.model, count: series.count, agreement: agreement),
                      reason: ForecastWording.plainReason(forecast, agreement: agreement), spreadAssumed: forecast.spreadAssumed,
                      distribution: distribution)
    }

    /// Forecasts `series` (oldest first; any sign, e.g. log-odds) `horizon` years ahead, uncensored.
    /// With one point the spread is `fallbackSpread` in the series' own units per year (a relative
    /// spread means nothing on a scale around 0); otherwise as ``forecast(_:horizon:fallbackRelativeSpread:)``.
    static func forecastUnbounded(_ series: [Double], horizon: Int, fallbackSpread: Double) throws -> Result {
        let method: ForecastMethod = series.count < 3 ? .naive : .auto
        // A relative spread is relative to the last value: scale it so that it is `fallbackSpread` absolute.
        let last = abs(series.last ?? 1)
        let relative = last > 1e-9 ? fallbackSpread / last : nil
        let forecast = try Forecaster.forecast(series, horizon: horizon, method: method,
                                               options: ForecastOptions(nonNegative: false, fallbackRelativeSpread: relative))
        let agreement = try membersAgreement(forecast, series: series, horizon: horizon,
                                             fallbackRelativeSpread: relative ?? 0, nonNegative: false)
        return Result(model: ForecastWording.model(forecast.model),
                      plainModel: ForecastWording.plainModel(forecast.model, count: series.count, brief: true),
                      plainDescription: ForecastWording.plainModel(forecast.model, count: series.count, agreement: agreement),
                      reason: ForecastWording.plainReason(forecast, agreement: agreement), spreadAssumed: forecast.spreadAssumed,
                      distribution: forecast.distribution(step: horizon))
    }

    /// How far apart a combination's members' own forecasts at `horizon` are (nil for a single
    /// method, or a combined forecast of 0 where no relative range exists). Each member is fitted
    /// again on its own: the combination does not keep its members' forecasts.
    static func membersAgreement(_ forecast: Forecast, series: [Double], horizon: Int,
                                 fallbackRelativeSpread: Double, nonNegative: Bool = true) throws -> ForecastWording.Agreement? {
        // "halfway between last year's figure and the trend" needs no agreement: it says what it is.
        guard case .combination(_, let members) = forecast.model, members.count > 1, members != [.naive, .drift] else { return nil }
        let combined = forecast.distribution(step: horizon).location
        guard combined != 0 else { return nil }
        let options = ForecastOptions(nonNegative: nonNegative, fallbackRelativeSpread: fallbackRelativeSpread)
        let forecasts = try members.map {
            try Forecaster.forecast(series, horizon: horizon, method: $0, options: options).distribution(step: horizon).location
        }
        return ForecastWording.Agreement(members: members.count,
                                         relativeRange: (forecasts.max()! - forecasts.min()!) / abs(combined))
    }
}
