/// Calibrated predictive distributions for seasonal series (season length m > 1), built the same
/// way as the yearly ones (``IntervalCalibration``): the error at step h is `scale · E`, where
/// - `scale` (``scale(of:seasonLength:)``) is the series' own cycle-to-cycle variability: the mean
///   absolute seasonal difference |yₜ − yₜ₋ₘ| (the M4 MASE scale; with less than one cycle the
///   yearly scale). Unlike the yearly tables, not the deviation of the differences from their
///   mean: by leave-one-collection-out that form was too narrow on M1 (docs/forecasting.md);
/// - `E` has the empirical distribution of the signed, oriented errors
///   d·(actual − forecast)/scale of the same method by rolling origin on the **training parts
///   only** of seasonal collections (see ``SeasonalCalibrationStudy``), pooled by season class
///   (m ≤ 6: quarterly-like; m > 6: monthly-like), by history length in cycles (< 6, 6+) and step;
///   d = ``direction(of:seasonLength:)``.
///
/// Steps beyond the table widen by h/h* as the yearly tables do.
package enum SeasonalCalibration {
    /// Fewest cycles for the second length class.
    package static let longHistoryCycles = 6

    /// Index of the season class: 0 for m ≤ 6 (quarterly-like), 1 above (monthly-like).
    package static func seasonClass(seasonLength m: Int) -> Int { m <= 6 ? 0 : 1 }

    /// Index of the length class: 0 below ``longHistoryCycles`` cycles, 1 from there.
    package static func lengthClass(count: Int, seasonLength m: Int) -> Int { count >= longHistoryCycles * m ? 1 : 0 }

    /// The series' variability per cycle: mean |yₜ − yₜ₋ₘ|, the in-sample error of seasonal naive
    /// (the M4 MASE scale); with m points or fewer, the yearly ``IntervalCalibration/scale(of:)``.
    /// 0 when it is below 1e-9 of the largest |value| (a series that repeats exactly).
    package static func scale(of series: [Double], seasonLength m: Int) -> Double {
        let n = series.count
        guard n > m else { return IntervalCalibration.scale(of: series) }
        var total = 0.0
        for t in m..<n { total += abs(series[t] - series[t - m]) }
        let scale = total / Double(n - m)
        let largest = series.reduce(0) { max($0, abs($1)) }
        return scale < 1e-9 * largest ? 0 : scale
    }

    /// +1 when the last cycle's mean is at or above the first cycle's (with less than two cycles:
    /// the last value against the first), −1 otherwise.
    package static func direction(of series: [Double], seasonLength m: Int) -> Double {
        let n = series.count
        guard n >= 2 * m else { return IntervalCalibration.direction(of: series) }
        let first = series[0..<m].reduce(0, +), last = series[(n - m)...].reduce(0, +)
        return last >= first ? 1 : -1
    }

    /// The shipped tables of `method`, one per season class (each `[length class][step − 1][probability]`).
    package static func tables(for method: ForecastMethod) -> [CalibrationTable] {
        shippedTable(for: method).map(CalibrationTable.init(quantiles:))
    }

    /// The standardised error shape of `method` at `step` for a history of `count` points with
    /// season length m, from `tables` (one per season class; default the shipped ones) of oriented errors.
    package static func shape(method: ForecastMethod, seasonLength m: Int, count: Int, step: Int,
                             direction: Double, tables: [CalibrationTable]? = nil) -> ErrorShape {
        let table = (tables ?? self.tables(for: method))[seasonClass(seasonLength: m)]
        return table.shape(lengthClass: lengthClass(count: count, seasonLength: m), step: step, direction: direction)
    }

    /// The methods with a seasonal table.
    package static let calibratedMethods: [ForecastMethod] = [.snaive, .stheta, .ets, .auto]
}
