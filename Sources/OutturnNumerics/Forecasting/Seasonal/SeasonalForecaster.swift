import Foundation

/// Forecasts with a season length m > 1: the seasonal methods (`snaive`, `stheta`, `ets`) and
/// `auto`, which goes seasonal when the M4 autocorrelation test (`SeasonalityTest`) supports it.
/// Reached through ``Forecaster/forecast(_:horizon:method:options:)`` with
/// ``ForecastOptions/seasonLength`` > 1; the non-seasonal methods ignore the season length.
///
/// Seasonal `auto` (series seasonal by the test): the mean of theta on the series seasonally
/// adjusted by classical multiplicative decomposition (re-seasonalised) and the AICc-selected
/// seasonal ETS. Not seasonal by the test: the median of SES, theta and damped trend (with fewer
/// than 6 points the yearly `auto`, ``AutoForecast``). Intervals: calibrated on held-out errors of seasonal series (see
/// `SeasonalCalibration`), or the model-based ones for the single methods on request.
public enum SeasonalForecaster {
    /// The forecast, or nil when `method` does not use the season length (the caller's yearly
    /// path handles it). Validation of the series and options is the caller's.
    static func forecast(_ series: [Double], horizon: Int, method: ForecastMethod,
                         options: ForecastOptions) throws -> Forecast? {
        guard method.usesSeasonLength, options.seasonLength > 1 else { return nil }
        let m = options.seasonLength
        let n = series.count
        var magnitude = series.reduce(0) { max($0, abs($1)) }
        if magnitude == 0 { magnitude = 1 }
        let y = series.map { $0 / magnitude }
        let (fit, choice) = pointFit(y, method: method, seasonLength: m, horizon: horizon)
        let spread: SpreadSource
        var unmeasured: UnmeasuredSpread? = nil

        var scale: [Double]
        var shapes: [ErrorShape]
        var spreadAssumed = false
        let last = y[n - 1]
        let assumed = options.fallbackRelativeSpread.map { $0 * (last != 0 ? abs(last) : 1) }
        if method == .auto || options.intervals == .calibrated {
            spread = .seasonalCalibrated(method: method)
            var change = SeasonalCalibration.scale(of: y, seasonLength: m)
            if change == 0 {
                if let assumed {
                    scale = (1...horizon).map { assumed * magnitude * Double($0).squareRoot() }
                    shapes = Array(repeating: .normal, count: horizon)
                    spreadAssumed = true
                    unmeasured = .repeatsEveryCycle
                } else if n == 1 {
                    throw ForecastError.spreadNotEstimable(count: 1)
                } else {
                    change = 0
                    scale = Array(repeating: 0, count: horizon)
                    shapes = Array(repeating: .normal, count: horizon)
                    unmeasured = .repeatsEveryCycle
                }
            } else {
                scale = Array(repeating: change * magnitude, count: horizon)
                let direction = SeasonalCalibration.direction(of: y, seasonLength: m)
                shapes = (1...horizon).map {
                    SeasonalCalibration.shape(method: method, seasonLength: m, count: n, step: $0, direction: direction)
                }
            }
        } else {
            spread = .modelBased(.normal)
            if let variance = fit.variance, !variance.allSatisfy({ $0.squareRoot() < 1e-9 }) {
                scale = variance.map { $0.squareRoot() * magnitude }
                shapes = Array(repeating: fit.shape, count: horizon)
            } else if let assumed {
                scale = (1...horizon).map { assumed * magnitude * Double($0).squareRoot() }
                shapes = Array(repeating: .normal, count: horizon)
                spreadAssumed = true
                unmeasured = .noSpreadObserved
            } else if n == 1 {
                throw ForecastError.spreadNotEstimable(count: 1)
            } else {
                scale = Array(repeating: 0, count: horizon)
                shapes = Array(repeating: .normal, count: horizon)
                unmeasured = .noSpreadObserved
            }
        }
        let explanation = ForecastExplanation(pointCount: n, choice: choice, spread: spread, unmeasured: unmeasured,
                                              seasonLength: m)
        return Forecast(method: method, model: fit.model, explanation: explanation, spreadAssumed: spreadAssumed,
                        centre: fit.centre.map { $0 * magnitude }, scale: scale, shapes: shapes,
                        fitted: fit.fitted.map { $0 * magnitude },
                        residuals: fit.residuals.map { $0 * magnitude },
                        nonNegative: options.nonNegative)
    }

    /// The point fit of a seasonal method or seasonal `auto` on `y` (scaled), and why.
    static func pointFit(_ y: [Double], method: ForecastMethod, seasonLength m: Int,
                         horizon: Int) -> (fit: MethodFit, choice: ModelChoice) {
        let n = y.count
        switch method {
        case .snaive:
            if n >= m { return (SeasonalNaiveMethod.fit(y, seasonLength: m, horizon: horizon), .asked) }
            return (NaiveMethod.fit(y, horizon: horizon), .seasonalityNotUsed(.lessThanOneCycle))
        case .stheta:
            return adjusted(y, base: .theta, seasonLength: m, horizon: horizon)
        case .ets:
            if let model = SeasonalExponentialSmoothing.select(y, seasonLength: m) {
                return (etsFit(model, horizon: horizon), .asked)
            }
            let fallback: ForecastMethod = n >= Forecaster.minimumCount(for: .damped) ? .damped : .naive
            return (Forecaster.methodFit(y, method: fallback, horizon: horizon),
                    .seasonalityNotUsed(.fewerThanThreeCycles))
        default:
            let test = SeasonalityTest(y, seasonLength: m)
            guard test.isSeasonal else {
                let why: ModelChoice = .seasonalityNotUsed(n < 3 * m ? .fewerThanThreeCycles : .notSeasonalByTest)
                guard n >= Forecaster.minimumCount(for: .damped) else {
                    return (AutoForecast.pointForecast(y, horizon: horizon), why)
                }
                let fit = combination(of: nonSeasonalMembers.map { Forecaster.methodFit(y, method: $0, horizon: horizon) },
                                      median: true, model: .combination(.median, of: nonSeasonalMembers), y: y,
                                      horizon: horizon)
                return (fit, why)
            }
            return (seasonalAuto(y, seasonLength: m, horizon: horizon), .automaticSeasonal)
        }
    }

    /// Seasonal `auto`: the mean of these two, theta on the seasonally adjusted series and the
    /// AICc-selected seasonal ETS. Chosen on the last H points of the training parts of tourism
    /// and M1 quarterly and monthly (never their test parts) among 11 candidate combinations of
    /// seasonally adjusted theta, SES, Holt, damped, seasonal naive and seasonal ETS: see
    /// docs/forecasting.md.
    static let seasonalMembers: [ForecastMethod] = [.stheta, .ets]
    /// Non-seasonal `auto` on seasonal-frequency data (the test says no seasonality, 6+ points):
    /// the median of SES, theta and damped trend, chosen the same way among 4 candidates.
    static let nonSeasonalMembers: [ForecastMethod] = [.ses, .theta, .damped]

    static func seasonalAuto(_ y: [Double], seasonLength m: Int, horizon: Int) -> MethodFit {
        let fits = seasonalMembers.map { pointFit(y, method: $0, seasonLength: m, horizon: horizon).fit }
        return combination(of: fits, median: false, model: .combinationOfModels(.mean, of: fits.map(\.model)),
                           y: y, horizon: horizon)
    }

    /// The median or mean of `fits` at every step and fitted point.
    static func combination(of fits: [MethodFit], median: Bool, model: FittedModel, y: [Double], horizon: Int) -> MethodFit {
        func combine(_ values: [Double]) -> Double {
            guard median else { return values.reduce(0, +) / Double(values.count) }
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        let centre = (0..<horizon).map { h in combine(fits.map { $0.centre[h] }) }
        let fitted = y.indices.map { t in combine(fits.map { $0.fitted[t] }) }
        return MethodFit(model: model, centre: centre, variance: nil, fitted: fitted,
                         residuals: zip(y, fitted).map { $0 - $1 })
    }

    /// `base` (a non-seasonal method) on the series divided by its classical multiplicative
    /// seasonal indices, re-seasonalised, when the seasonality test supports it and the series is
    /// positive; otherwise `base` on the series itself (as the M4 benchmarks do).
    static func adjusted(_ y: [Double], base: ForecastMethod, seasonLength m: Int,
                         horizon: Int) -> (fit: MethodFit, choice: ModelChoice) {
        let n = y.count
        let usable = n >= Forecaster.minimumCount(for: base) ? base : .naive
        guard SeasonalityTest(y, seasonLength: m).isSeasonal,
              let decomposition = ClassicalDecomposition(y, seasonLength: m) else {
            let why: SeasonalityNotUsed = n < 3 * m ? .fewerThanThreeCycles
                : y.allSatisfy({ $0 > 0 }) ? .notSeasonalByTest : .valueNotPositive
            return (Forecaster.methodFit(y, method: usable, horizon: horizon), .seasonalityNotUsed(why))
        }
        var fit = Forecaster.methodFit(decomposition.adjust(y), method: usable, horizon: horizon)
        for h in 0..<horizon { fit.centre[h] *= decomposition.index(at: n + h) }
        for t in 0..<n {
            fit.fitted[t] *= decomposition.index(at: t)
            fit.residuals[t] = y[t] - fit.fitted[t]
        }
        if let variance = fit.variance {
            fit.variance = (0..<horizon).map { variance[$0] * pow(decomposition.index(at: n + $0), 2) }
        }
        fit.model = .seasonallyAdjusted(usable)
        return (fit, .asked)
    }

    static func etsFit(_ model: SeasonalExponentialSmoothing, horizon: Int) -> MethodFit {
        MethodFit(model: .seasonalETS(season: model.season, trend: model.trend), centre: model.forecastMean(horizon: horizon),
                  variance: model.forecastVariance(horizon: horizon),
                  fitted: model.fitted, residuals: model.residuals)
    }
}
