import Dispatch

/// Rolling-free, single-origin backtest of the forecasting competitions: hold out the last
/// `horizon` values of each series, fit each method on the rest, forecast `horizon` steps with 80%
/// and 95% intervals, and score (``AccuracyMeasures``). Numbers in, metrics out; series run in
/// parallel on all cores, and the result does not depend on thread scheduling.
public enum Backtest {
    /// Scores `methods` on `series`.
    /// - Parameters:
    ///   - series: each series' values, oldest first, finite.
    ///   - horizon: held-out periods per series (≥ 1).
    ///   - methods: methods to score, in report order.
    ///   - options: passed to every forecast (e.g. a fallback spread).
    ///   - progress: called with each method before it runs (e.g. to report progress).
    public static func run(series: [[Double]], horizon: Int, methods: [ForecastMethod],
                           options: ForecastOptions = .init(),
                           progress: ((ForecastMethod) -> Void)? = nil) -> BacktestReport {
        var offsets = [0]
        offsets.reserveCapacity(series.count + 1)
        for values in series { offsets.append(offsets[offsets.count - 1] + values.count) }
        return run(values: Array(series.joined()), offsets: offsets, horizon: horizon, methods: methods,
                   options: options, progress: progress)
    }

    /// Scores `methods` on series stored back to back in one array (no array per series): series
    /// k is `values[offsets[k] ..< offsets[k + 1]]`. Same results as ``run(series:horizon:methods:options:progress:)``.
    /// - Parameters:
    ///   - values: every series' values, oldest first, finite; series after series.
    ///   - offsets: start of each series in `values`, then `values.count` (series count + 1 entries,
    ///     non-decreasing).
    ///   - horizon: held-out periods per series (≥ 1).
    ///   - methods: methods to score, in report order.
    ///   - options: passed to every forecast (e.g. a fallback spread); its season length m also
    ///     sets the MASE/MSIS scale (in-sample lag-m naive error when m > 1, as in M4).
    ///   - progress: called with each method before it runs (e.g. to report progress).
    public static func run(values: [Double], offsets: [Int], horizon: Int, methods: [ForecastMethod],
                           options: ForecastOptions = .init(),
                           progress: ((ForecastMethod) -> Void)? = nil) -> BacktestReport {
        precondition(horizon >= 1, "horizon must be at least 1, got \(horizon)")
        precondition(!offsets.isEmpty && offsets[offsets.count - 1] == values.count,
                     "offsets must end at values.count (\(values.count))")
        let seriesCount = offsets.count - 1
        // Usable series as indices into `offsets`: no copy of the values.
        let usable = (0..<seriesCount).filter { offsets[$0 + 1] - offsets[$0] >= horizon + 2 }
        var skipped: [SkipReason: Int] = [:]
        if usable.count < seriesCount { skipped[.tooShort] = seriesCount - usable.count }
        // MASE/MSIS scale: in-sample naive error, seasonal naive (lag m) when m > 1, as in M4.
        let scales = usable.map { k in
            AccuracyMeasures.maseScale(training: Array(values[offsets[k]..<(offsets[k + 1] - horizon)]),
                                       seasonLength: options.seasonLength)
        }
        let flat = scales.filter { $0 == 0 }.count
        var failures = 0
        var results: [BacktestResult] = []
        for method in methods {
            progress?(method)
            let started = DispatchTime.now().uptimeNanoseconds
            // Per-series scores are a few numbers each (no forecasts kept), summed in series order.
            let chunks = ParallelMap.chunkedMap(count: usable.count) { index in
                let k = usable[index]
                return score(values[offsets[k]..<offsets[k + 1]], scale: scales[index], horizon: horizon,
                             method: method, options: options)
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            var smapeSum = 0.0, maseSum = 0.0, msisSum = 0.0
            var covered80 = 0, covered95 = 0, points = 0, evaluated = 0, scaled = 0
            for chunk in chunks {
                for case let score? in chunk {
                    evaluated += 1
                    points += horizon
                    smapeSum += score.smapeSum
                    covered80 += score.covered80
                    covered95 += score.covered95
                    if let mase = score.mase, let msis = score.msis {
                        maseSum += mase; msisSum += msis; scaled += 1
                    }
                }
            }
            failures = max(failures, usable.count - evaluated)
            results.append(BacktestResult(
                method: method,
                smape: points > 0 ? smapeSum / Double(points) : nil,
                mase: scaled > 0 ? maseSum / Double(scaled) : nil,
                coverage80: points > 0 ? Double(covered80) / Double(points) : nil,
                coverage95: points > 0 ? Double(covered95) / Double(points) : nil,
                msis: scaled > 0 ? msisSum / Double(scaled) : nil,
                seconds: seconds, seriesEvaluated: evaluated, seriesScaled: scaled))
        }
        if failures > 0 { skipped[.forecastFailed] = failures }
        return BacktestReport(seriesCount: seriesCount, horizon: horizon, results: results,
                              skipped: skipped, flatTrainingSeries: flat)
    }

    private struct SeriesScore {
        var smapeSum: Double
        var covered80: Int
        var covered95: Int
        var mase: Double?
        var msis: Double?
    }

    private static func score(_ values: ArraySlice<Double>, scale: Double, horizon: Int, method: ForecastMethod,
                              options: ForecastOptions) -> SeriesScore? {
        let training = Array(values.dropLast(horizon))
        let actual = Array(values.suffix(horizon))
        guard let forecast = try? Forecaster.forecast(training, horizon: horizon, method: method, options: options)
        else { return nil }
        let steps = 1...horizon
        let i80 = steps.map { forecast.interval(level: 0.8, step: $0) }
        let i95 = steps.map { forecast.interval(level: 0.95, step: $0) }
        let lower95 = i95.map(\.lower), upper95 = i95.map(\.upper)
        return SeriesScore(
            smapeSum: AccuracyMeasures.smapeSum(actual: actual, forecast: forecast.locations),
            covered80: AccuracyMeasures.covered(actual: actual, lower: i80.map(\.lower), upper: i80.map(\.upper)),
            covered95: AccuracyMeasures.covered(actual: actual, lower: lower95, upper: upper95),
            mase: scale > 0 ? AccuracyMeasures.mase(actual: actual, forecast: forecast.locations, scale: scale) : nil,
            msis: scale > 0 ? AccuracyMeasures.msis(actual: actual, lower: lower95, upper: upper95, alpha: 0.05, scale: scale) : nil)
    }
}
