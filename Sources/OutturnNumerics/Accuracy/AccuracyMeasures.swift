/// Point and interval accuracy measures of the forecasting competitions (Makridakis & Hibon 2000;
/// Hyndman & Koehler 2006; Gneiting & Raftery 2007), for one series' held-out part.
///
/// Aggregation over series is the caller's (``Backtest``): sMAPE and coverage are averaged over all
/// points, MASE and MSIS over series.
public enum AccuracyMeasures {
    /// Sum over points of 200·|y − f|/(|y| + |f|) (percent); a point with y = f = 0 adds 0.
    /// Divide by the number of points for sMAPE.
    /// - Precondition: equal lengths.
    package static func smapeSum(actual: [Double], forecast: [Double]) -> Double {
        precondition(actual.count == forecast.count, "actual (\(actual.count)) and forecast (\(forecast.count)) differ in length")
        var total = 0.0
        for (y, f) in zip(actual, forecast) {
            let denominator = abs(y) + abs(f)
            if denominator > 0 { total += 200 * abs(y - f) / denominator }
        }
        return total
    }

    /// sMAPE in percent: mean over points of 200·|y − f|/(|y| + |f|).
    public static func smape(actual: [Double], forecast: [Double]) -> Double {
        actual.isEmpty ? 0 : smapeSum(actual: actual, forecast: forecast) / Double(actual.count)
    }

    /// The MASE scale of a training part: mean |yₜ − yₜ₋₁| (non-seasonal); 0 when fewer than
    /// 2 points or constant.
    public static func maseScale(training: [Double]) -> Double {
        guard training.count >= 2 else { return 0 }
        var total = 0.0
        for t in 1..<training.count { total += abs(training[t] - training[t - 1]) }
        return total / Double(training.count - 1)
    }

    /// One series' MASE: mean |y − f| over the held-out points divided by `scale`.
    /// - Precondition: `scale > 0`, equal lengths.
    public static func mase(actual: [Double], forecast: [Double], scale: Double) -> Double {
        precondition(scale > 0, "MASE scale must be positive, got \(scale)")
        precondition(actual.count == forecast.count, "actual (\(actual.count)) and forecast (\(forecast.count)) differ in length")
        let total = zip(actual, forecast).reduce(0) { $0 + abs($1.0 - $1.1) }
        return total / Double(actual.count) / scale
    }

    /// Number of points with lower ≤ y ≤ upper.
    public static func covered(actual: [Double], lower: [Double], upper: [Double]) -> Int {
        precondition(actual.count == lower.count && actual.count == upper.count, "lengths differ")
        var count = 0
        for i in actual.indices where lower[i] <= actual[i] && actual[i] <= upper[i] { count += 1 }
        return count
    }

    /// One series' MSIS (Gneiting & Raftery 2007; M4 competition): the mean over held-out points of
    /// (u − l) + (2/α)(l − y)·[y < l] + (2/α)(y − u)·[y > u], divided by the MASE `scale`.
    /// - Parameters:
    ///   - actual: the held-out values y.
    ///   - lower: the interval's lower ends l, one per held-out value.
    ///   - upper: the interval's upper ends u, one per held-out value.
    ///   - alpha: 1 − level of the interval (0.05 for a 95% interval).
    ///   - scale: the series' MASE scale (in-sample mean absolute seasonal difference).
    /// - Precondition: `scale > 0`, equal lengths.
    public static func msis(actual: [Double], lower: [Double], upper: [Double], alpha: Double, scale: Double) -> Double {
        precondition(scale > 0, "MSIS scale must be positive, got \(scale)")
        precondition(actual.count == lower.count && actual.count == upper.count, "lengths differ")
        var total = 0.0
        for i in actual.indices {
            let (y, l, u) = (actual[i], lower[i], upper[i])
            total += u - l
            if y < l { total += 2 / alpha * (l - y) }
            if y > u { total += 2 / alpha * (y - u) }
        }
        return total / Double(actual.count) / scale
    }
}
