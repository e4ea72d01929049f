/// The automatic method: a robust combination whose members depend on how long the series is.
///
/// Principle: on short yearly series no single model is reliably best and parameter estimates are
/// noisy; the median of three different views of the trend — the whole average past change
/// (drift), half the global slope on a smoothed level (theta), a locally re-estimated slope
/// (Holt) — takes the middle view and ignores whichever one runs away (combination results of
/// Makridakis & Hibon 2000; Petropoulos & Svetunkov 2020 for median combinations). The members
/// were chosen among 224 candidate subsets and median/mean combinations of naive, drift, theta,
/// ses, damped, Holt and linear by their accuracy on the last H points of the competition files'
/// training parts (never the test parts); see docs/forecasting.md. With fewer points the members
/// that need more data are dropped, down to the naive family:
///
/// | points | members |
/// |---|---|
/// | 1–2 | naive only (one change cannot separate trend from noise) |
/// | 3–4 | mean of naive and drift (shrinks the noisy drift halfway to no change) |
/// | 5+  | median of drift, theta, Holt |
///
/// Intervals are not the members' model-based ones (too narrow on yearly data) but calibrated
/// held-out errors: see `IntervalCalibration`.
public enum AutoForecast {
    /// The members combined for a series of `count` points, and how they are combined.
    static func members(count: Int) -> (methods: [ForecastMethod], combination: Combination?) {
        switch count {
        case ...2: return ([.naive], nil)
        case 3...4: return ([.naive, .drift], .mean)
        default: return ([.drift, .theta, .holt], .median)
        }
    }

    /// Point forecast of the combination for `y` (already scaled to moderate magnitude).
    static func pointForecast(_ y: [Double], horizon: Int) -> MethodFit {
        let (methods, combination) = members(count: y.count)
        let fits = methods.map { Forecaster.methodFit(y, method: $0, horizon: horizon) }
        guard let combination, fits.count > 1 else {
            var only = fits[0]
            only.variance = nil
            return only
        }
        let isMean = combination == .mean
        // The combination of every member's value at index `i` of `centre` or `fitted`, without an
        // array per point: the mean sums in member order (as `reduce(0, +)` does); the median of
        // three is the middle value; other counts fall back to sorting.
        func combine(_ i: Int, fitted: Bool) -> Double {
            if isMean {
                var sum = 0.0
                for fit in fits { sum += fitted ? fit.fitted[i] : fit.centre[i] }
                return sum / Double(fits.count)
            }
            if fits.count == 3 {
                let a = fitted ? fits[0].fitted[i] : fits[0].centre[i]
                let b = fitted ? fits[1].fitted[i] : fits[1].centre[i]
                let c = fitted ? fits[2].fitted[i] : fits[2].centre[i]
                return max(min(a, b), min(max(a, b), c))
            }
            let sorted = fits.map { fitted ? $0.fitted[i] : $0.centre[i] }.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        let centre = (0..<horizon).map { combine($0, fitted: false) }
        let fitted = (0..<y.count).map { combine($0, fitted: true) }
        return MethodFit(model: .combination(combination, of: methods), centre: centre, variance: nil, fitted: fitted,
                         residuals: zip(y, fitted).map { $0 - $1 })
    }
}
