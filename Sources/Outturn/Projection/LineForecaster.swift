import Foundation
import OutturnNumerics

/// The one place that calls the forecasting module (`Forecaster.forecast`).
enum LineForecaster {
    /// What the forecaster fitted and its predictive distribution at `horizon` steps.
    struct Result {
        /// The model actually fitted, in words ("naive", "mean of naive and drift", …).
        let model: String
        /// One plain sentence why (the forecaster's own).
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
        return Result(model: ForecastWording.model(forecast.model), reason: ForecastWording.reason(forecast), spreadAssumed: forecast.spreadAssumed,
                      distribution: distribution)
    }
}
