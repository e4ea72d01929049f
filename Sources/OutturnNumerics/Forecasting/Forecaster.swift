/// The single entry point for forecasting a series with any ``ForecastMethod``.
public enum Forecaster {
    /// Minimum number of points each method needs; shorter series get the naive method and the
    /// ``Forecast/explanation`` says so. One or two points always get the naive family.
    public static func minimumCount(for method: ForecastMethod) -> Int {
        switch method {
        case .naive, .auto, .snaive: return 1
        case .drift, .linear, .ses, .theta, .stheta: return 3
        case .holt: return 5
        case .damped, .ets: return 6
        }
    }

    /// Forecasts `series` `horizon` steps ahead.
    ///
    /// The series is divided by its largest absolute value before fitting (and the results
    /// multiplied back), so amounts of any magnitude up to ~1e300 fit the same way.
    /// Spread: calibrated on held-out errors of the same method (see `IntervalCalibration`), or
    /// with `options.intervals == .modelBased` the single methods' analytic variances (normal;
    /// Student t for `.linear`; `.auto` is always calibrated). When the spread cannot be estimated
    /// (one point, a series that never changed, or calibrated on 5+ points whose changes never
    /// varied) it is `fallbackRelativeSpread · |last value|` per period, growing like a random
    /// walk (√h), and ``Forecast/spreadAssumed`` is true.
    /// - Parameters:
    ///   - series: observations, oldest first, equally spaced (e.g. fiscal years).
    ///   - horizon: number of periods ahead (≥ 1).
    ///   - method: the method to use.
    ///   - options: non-negativity, the fallback spread, the interval source and the season length
    ///     (m > 1: the seasonal methods and `auto` go through ``SeasonalForecaster``).
    /// - Throws: ``ForecastError`` for an empty series, a NaN or infinite value, a horizon below 1,
    ///   an invalid fallback spread, a season length below 1, or a single point without a fallback
    ///   spread.
    public static func forecast(_ series: [Double], horizon: Int, method: ForecastMethod = .auto,
                                options: ForecastOptions = .init()) throws -> Forecast {
        guard !series.isEmpty else { throw ForecastError.emptySeries }
        for (index, value) in series.enumerated() {
            if value.isNaN { throw ForecastError.missingValue(index: index) }
            if !value.isFinite { throw ForecastError.nonFiniteValue(index: index) }
        }
        guard horizon >= 1 else { throw ForecastError.horizonTooShort(horizon) }
        if let spread = options.fallbackRelativeSpread, !(spread.isFinite && spread >= 0) {
            throw ForecastError.invalidFallbackSpread(spread)
        }
        // BEGIN seasonal (issue 10): with a season length > 1 the seasonal methods and auto go
        // through SeasonalForecaster; everything else continues below unchanged.
        if options.seasonLength < 1 { throw ForecastError.invalidSeasonLength(options.seasonLength) }
        if options.seasonLength > 1,
           let seasonal = try SeasonalForecaster.forecast(series, horizon: horizon, method: method, options: options) {
            return seasonal
        }
        // END seasonal
        let n = series.count
        var magnitude = series.reduce(0) { max($0, abs($1)) }
        if magnitude == 0 { magnitude = 1 }
        let y = series.map { $0 / magnitude }
        let last = y[n - 1]
        // Typical size of one period's change when it has to be assumed (scaled units).
        let assumedChange: Double? = options.fallbackRelativeSpread.map { spread in
            spread * (last != 0 ? abs(last) : 1)
        }

        var fit: MethodFit
        let choice: ModelChoice
        if method == .auto {
            fit = AutoForecast.pointForecast(y, horizon: horizon)
            choice = .automatic
        } else {
            let usable = n >= max(3, minimumCount(for: method)) || method == .naive
            fit = methodFit(y, method: usable ? method : .naive, horizon: horizon)
            choice = usable ? .asked : .tooFewPoints(asked: method, needs: minimumCount(for: method))
        }

        var scale: [Double]
        var shapes: [ErrorShape]
        var spreadAssumed = false
        let spread: SpreadSource
        var unmeasured: UnmeasuredSpread? = nil
        if method == .auto || options.intervals == .calibrated {
            // Calibrated: the table of this method (what was asked, so short-history fallbacks are
            // calibrated as they were run), scaled by the series' own variability.
            var change = IntervalCalibration.scale(of: y)
            if change == 0 {
                unmeasured = n == 1 ? .onePoint
                    : n < IntervalCalibration.deviationScaleMinimumCount ? .neverChanged : .changesNeverVaried
                if let assumed = assumedChange {
                    change = assumed
                    spreadAssumed = true
                } else if n == 1 {
                    throw ForecastError.spreadNotEstimable(count: 1)
                }
            }
            if spreadAssumed {
                // An assumed spread is a standard deviation of one year's change, not an estimate
                // with its own noise: normal random-walk growth, not the calibration table.
                scale = (1...horizon).map { change * magnitude * Double($0).squareRoot() }
                shapes = Array(repeating: .normal, count: horizon)
            } else {
                scale = Array(repeating: change * magnitude, count: horizon)
                let direction = IntervalCalibration.direction(of: y)
                shapes = (1...horizon).map {
                    IntervalCalibration.shape(method: method, count: n, step: $0, direction: direction)
                }
            }
            spread = .calibrated(method: method,
                                 widenedForShortHistory: method == .auto && (3...4).contains(n) && !spreadAssumed)
        } else {
            spread = .modelBased(fit.shape == .normal ? .normal : .studentT)
            var variance = fit.variance
            // Spread below 1e-9 of the largest value is rounding noise of an exact fit: none observed.
            if variance == nil || variance!.allSatisfy({ $0.squareRoot() < 1e-9 }) {
                unmeasured = n == 1 ? .onePoint : .noSpreadObserved
                if let assumed = assumedChange {
                    variance = (1...horizon).map { Double($0) * assumed * assumed }
                    spreadAssumed = true
                } else if n == 1 {
                    throw ForecastError.spreadNotEstimable(count: 1)
                } else {
                    variance = Array(repeating: 0, count: horizon)
                }
            }
            scale = variance!.map { $0.squareRoot() * magnitude }
            shapes = Array(repeating: spreadAssumed ? .normal : fit.shape, count: horizon)
        }
        return Forecast(method: method, model: fit.model,
                        explanation: ForecastExplanation(pointCount: n, choice: choice, spread: spread,
                                                         unmeasured: unmeasured),
                        spreadAssumed: spreadAssumed,
                        centre: fit.centre.map { $0 * magnitude }, scale: scale, shapes: shapes,
                        fitted: fit.fitted.map { $0 * magnitude },
                        residuals: fit.residuals.map { $0 * magnitude },
                        nonNegative: options.nonNegative)
    }

    /// One single method's fit on an already-validated series (auto excluded).
    static func methodFit(_ y: [Double], method: ForecastMethod, horizon: Int) -> MethodFit {
        switch method {
        case .naive: return NaiveMethod.fit(y, horizon: horizon)
        case .drift: return DriftMethod.fit(y, horizon: horizon)
        case .linear: return LinearTrendMethod.fit(y, horizon: horizon)
        case .ses: return SmoothingMethod.fit(y, trend: .none, horizon: horizon)
        case .holt: return SmoothingMethod.fit(y, trend: .additive, horizon: horizon)
        case .damped: return SmoothingMethod.fit(y, trend: .damped, horizon: horizon)
        case .theta: return ThetaMethod.fit(y, horizon: horizon)
        case .auto: return AutoForecast.pointForecast(y, horizon: horizon)
        // Seasonal methods without seasonality (m = 1): their non-seasonal counterparts.
        case .snaive, .stheta, .ets: return methodFit(y, method: method.yearlyCounterpart, horizon: horizon)
        }
    }
}
