/// The automatic method: a robust combination whose members depend on how long the series is.
///
/// Principle: on short yearly series no single model is reliably best, parameter estimates are
/// noisy, and the median of several reasonable forecasts is at least as accurate as the typical
/// member while ignoring any one member that runs away (Makridakis et al.'s combination results;
/// Petropoulos & Svetunkov 2020 for median combinations of ETS/theta-type forecasts). With fewer
/// points the members that need more data are dropped, down to the naive family:
///
/// | points | members |
/// |---|---|
/// | 1–2 | naive only (one change cannot separate trend from noise) |
/// | 3–4 | mean of naive and drift (shrinks the noisy drift halfway to no change) |
/// | 5   | median of drift, theta, ses (too few points for a damped trend's 5 parameters) |
/// | 6+  | median of drift, theta, damped trend |
///
/// Intervals are not the members' model-based ones (too narrow on yearly data) but calibrated
/// held-out errors: see ``IntervalCalibration``.
public enum AutoForecast {
    /// The members combined for a series of `count` points, and how they are combined.
    static func members(count: Int) -> (methods: [ForecastMethod], combination: String) {
        switch count {
        case ...2: return ([.naive], "naive")
        case 3...4: return ([.naive, .drift], "mean")
        case 5: return ([.drift, .theta, .ses], "median")
        default: return ([.drift, .theta, .damped], "median")
        }
    }

    /// Point forecast of the combination for `y` (already scaled to moderate magnitude).
    static func pointForecast(_ y: [Double], horizon: Int) -> MethodFit {
        let (methods, combination) = members(count: y.count)
        let fits = methods.map { Forecaster.methodFit(y, method: $0, horizon: horizon) }
        if fits.count == 1 {
            var only = fits[0]
            only.variance = nil
            return only
        }
        func combine(_ values: [Double]) -> Double {
            if combination == "mean" { return values.reduce(0, +) / Double(values.count) }
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        let centre = (0..<horizon).map { step in combine(fits.map { $0.centre[step] }) }
        let fitted = (0..<y.count).map { t in combine(fits.map { $0.fitted[t] }) }
        let names = methods.map(\.rawValue)
        let model = combination == "mean"
            ? "mean of " + names.joined(separator: " and ")
            : "median of " + names.joined(separator: ", ")
        return MethodFit(model: model, centre: centre, variance: nil, fitted: fitted,
                         residuals: zip(y, fitted).map { $0 - $1 })
    }
}
