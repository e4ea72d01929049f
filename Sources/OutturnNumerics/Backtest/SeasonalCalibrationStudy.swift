import Foundation

/// Builds and checks the tables of ``SeasonalCalibration`` by rolling origin on the training
/// parts of seasonal collections, as ``CalibrationStudy`` does for the yearly ones.
///
/// For each series with its last `heldOut` values set aside (training part of T points) the
/// origins are t = T − j·m, j = 1, 2, …, one per cycle, as long as t ≥ 2m and j·m ≤ maxStep + m
/// (about one horizon and one cycle back: 3 origins per series for both season classes). From each origin every method
/// forecasts; for steps h = 1…min(maxStep, T − t) the oriented error
/// d·(yₜ₊ₕ − ŷₜ₊ₕ)/scale (``SeasonalCalibration/scale(of:seasonLength:)`` and
/// ``SeasonalCalibration/direction(of:seasonLength:)`` of y₁…yₜ) is a calibration sample, pooled
/// by season class, length class and step. The origin t = T is the test forecast: used only to
/// measure coverage, never to calibrate.
package enum SeasonalCalibrationStudy {
    /// Largest step of the tables per season class (quarterly-like 8, monthly-like 24: the
    /// competitions' horizons).
    package static let maxSteps = [8, 24]

    /// One collection: its series, held-out count, season length and the rolling forecasts.
    package struct Collection: Sendable {
        /// A name for reports.
        package let name: String
        /// Each series' values, oldest first.
        package let series: [[Double]]
        /// Values held out at the end of each series (the test part).
        package let heldOut: Int
        /// Season length m of every series.
        package let seasonLength: Int
        /// Per series, the forecasts (origin, method, locations) from every origin and the test origin.
        package let forecasts: [[CalibrationStudy.OriginForecast]]

        /// Runs every method from every origin of every series (in parallel; deterministic).
        package init(name: String, series: [[Double]], heldOut: Int, seasonLength: Int, methods: [ForecastMethod]) {
            self.name = name
            self.series = series
            self.heldOut = heldOut
            self.seasonLength = seasonLength
            let m = seasonLength
            let maxStep = SeasonalCalibrationStudy.maxSteps[SeasonalCalibration.seasonClass(seasonLength: m)]
            let horizon = max(maxStep, heldOut)
            let options = ForecastOptions(seasonLength: m)
            self.forecasts = ParallelMap.map(count: series.count) { index in
                let values = series[index]
                let training = values.count - heldOut
                var records: [CalibrationStudy.OriginForecast] = []
                for origin in SeasonalCalibrationStudy.origins(training: training, seasonLength: m, maxStep: maxStep) + [training]
                where origin >= 1 {
                    let history = Array(values.prefix(origin))
                    for method in methods {
                        guard let forecast = try? Forecaster.forecast(history, horizon: horizon, method: method, options: options)
                        else { continue }
                        records.append(.init(origin: origin, method: method, locations: forecast.distributions.map(\.location)))
                    }
                }
                return records
            }
        }
    }

    /// Calibration origins of a training part of `training` points (see the type's description).
    package static func origins(training: Int, seasonLength m: Int, maxStep: Int) -> [Int] {
        let stride = m
        var result: [Int] = []
        var back = stride
        while back <= maxStep + m && training - back >= 2 * m {
            result.append(training - back)
            back += stride
        }
        return result
    }

    /// Samples of `method`: [season class][length class][step − 1] → oriented scaled errors.
    package static func scaledErrors(of method: ForecastMethod, in collections: [Collection]) -> [[[[Double]]]] {
        var samples = maxSteps.map { steps in [0, 1].map { _ in Array(repeating: [Double](), count: steps) } }
        for collection in collections {
            let m = collection.seasonLength
            let seasonClass = SeasonalCalibration.seasonClass(seasonLength: m)
            let maxStep = maxSteps[seasonClass]
            for (values, forecasts) in zip(collection.series, collection.forecasts) {
                let training = values.count - collection.heldOut
                for record in forecasts where record.method == method && record.origin < training {
                    let history = Array(values.prefix(record.origin))
                    let scale = SeasonalCalibration.scale(of: history, seasonLength: m)
                    guard scale > 0 else { continue }
                    let direction = SeasonalCalibration.direction(of: history, seasonLength: m)
                    let lengthClass = SeasonalCalibration.lengthClass(count: record.origin, seasonLength: m)
                    for step in 1...min(maxStep, training - record.origin) {
                        let error = direction * (values[record.origin + step - 1] - record.locations[step - 1]) / scale
                        samples[seasonClass][lengthClass][step - 1].append(error)
                    }
                }
            }
        }
        return samples
    }

    /// Quantile tables of ``scaledErrors(of:in:)``; an empty cell borrows the other length class's
    /// cell (or the standard normal's when both are empty).
    package static func quantileTable(_ samples: [[[[Double]]]]) -> [CalibrationTable] {
        samples.map { classes in
            let tables = classes.map { CalibrationStudy.quantileTable([$0]).quantiles[0] }
            return CalibrationTable(quantiles: tables.enumerated().map { k, rows in
                rows.enumerated().map { step, cell in
                    classes[k][step].isEmpty && !classes[1 - k][step].isEmpty ? tables[1 - k][step] : cell
                }
            })
        }
    }

    /// Coverage of `method`'s 80% and 95% intervals from `table` on the test part of `collection`,
    /// exactly as ``SeasonalForecaster`` builds them.
    package static func coverage(of method: ForecastMethod, in collection: Collection,
                                table: [CalibrationTable]) -> (coverage80: Double, coverage95: Double) {
        let m = collection.seasonLength
        return CalibrationStudy.coverage(of: method, series: collection.series, forecasts: collection.forecasts,
                                         heldOut: collection.heldOut) { history, step in
            (SeasonalCalibration.scale(of: history, seasonLength: m),
             SeasonalCalibration.shape(method: method, seasonLength: m, count: history.count, step: step,
                                       direction: SeasonalCalibration.direction(of: history, seasonLength: m), tables: table))
        }
    }
}
