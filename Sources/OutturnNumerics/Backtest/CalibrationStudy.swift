import Foundation

/// Builds and checks the tables of ``IntervalCalibration`` by rolling origin.
///
/// For each series y₁…yₙ with its last `heldOut` values set aside (the training part has
/// m = n − heldOut points) and each origin t = 2…m: forecast from y₁…yₜ with every method. Origins
/// t < m give the calibration samples: for steps h = 1…min(maxStep, m − t), the oriented error
/// d · (yₜ₊ₕ − ŷₜ₊ₕ) / s, with s = ``IntervalCalibration/scale(of:)`` and
/// d = ``IntervalCalibration/direction(of:)`` of y₁…yₜ (origins with s = 0 are
/// left out), pooled by method, length class of t and h; the table holds their quantiles (type 7,
/// linear interpolation) at ``IntervalCalibration/probabilities``. The origin t = m is the test
/// forecast, used only to measure coverage (``coverage(of:in:table:)``), never to calibrate.
package enum CalibrationStudy {
    /// One method's point forecasts (each step's `PredictiveDistribution.location`, steps 1…maxStep) from one origin.
    package struct OriginForecast: Sendable {
        /// Number of points the forecast was made from.
        package let origin: Int
        /// The method.
        package let method: ForecastMethod
        /// Point forecasts, steps 1…maxStep, in the series' units.
        package let locations: [Double]
    }

    /// A collection of series with the rolling forecasts of every method, the unit of the
    /// leave-one-collection-out check.
    package struct Collection: Sendable {
        /// A name for reports (e.g. the file name).
        package let name: String
        /// Each series' values, oldest first.
        package let series: [[Double]]
        /// Values held out at the end of each series (the test part).
        package let heldOut: Int
        /// Per series, the forecasts from every origin 2…n − heldOut.
        package let forecasts: [[OriginForecast]]

        /// Runs every method from every origin of every series (in parallel; deterministic).
        package init(name: String, series: [[Double]], heldOut: Int, maxStep: Int, methods: [ForecastMethod]) {
            self.name = name
            self.series = series
            self.heldOut = heldOut
            self.forecasts = CalibrationStudy.rollingCentres(series: series, heldOut: heldOut,
                                                             maxStep: maxStep, methods: methods)
        }
    }

    /// Point forecasts of each method from every origin t = 2…n − heldOut of every series
    /// (forecast from y₁…yₜ), per series in series order.
    package static func rollingCentres(series: [[Double]], heldOut: Int, maxStep: Int,
                                      methods: [ForecastMethod]) -> [[OriginForecast]] {
        ParallelMap.map(count: series.count) { index in
            let values = series[index]
            var records: [OriginForecast] = []
            guard values.count - heldOut >= 2 else { return records }
            for origin in 2...(values.count - heldOut) {
                let history = Array(values.prefix(origin))
                for method in methods {
                    guard let forecast = try? Forecaster.forecast(history, horizon: maxStep, method: method)
                    else { continue }
                    records.append(OriginForecast(origin: origin, method: method, locations: forecast.distributions.map(\.location)))
                }
            }
            return records
        }
    }

    /// Calibration samples of `method` from the training parts of `collections`:
    /// `[lengthClass][step − 1]` → oriented scaled errors, in a deterministic order.
    package static func scaledErrors(of method: ForecastMethod, in collections: [Collection], maxStep: Int) -> [[[Double]]] {
        let classes = IntervalCalibration.lengthClassLowerBounds.count
        var samples = Array(repeating: Array(repeating: [Double](), count: maxStep), count: classes)
        for collection in collections {
            for (values, forecasts) in zip(collection.series, collection.forecasts) {
                let training = values.count - collection.heldOut
                for record in forecasts where record.method == method && record.origin < training {
                    let history = Array(values.prefix(record.origin))
                    let scale = IntervalCalibration.scale(of: history)
                    guard scale > 0 else { continue }
                    let direction = IntervalCalibration.direction(of: history)
                    let lengthClass = IntervalCalibration.lengthClass(count: record.origin)
                    for step in 1...min(maxStep, training - record.origin, record.locations.count) {
                        let error = direction * (values[record.origin + step - 1] - record.locations[step - 1]) / scale
                        samples[lengthClass][step - 1].append(error)
                    }
                }
            }
        }
        return samples
    }

    /// Quantiles (type 7) of each cell at ``IntervalCalibration/probabilities``; an empty cell
    /// gets the standard normal's.
    package static func quantileTable(_ samples: [[[Double]]]) -> CalibrationTable {
        CalibrationTable(quantiles: samples.map { cells in
            cells.map { cell in
                let sorted = cell.sorted()
                return IntervalCalibration.probabilities.map { p in
                    sorted.isEmpty ? Normal.quantile(p) : SampleQuantile.type7(p, sorted: sorted)
                }
            }
        })
    }

    /// Coverage of `method`'s 80% and 95% intervals built from `table` on the test parts of
    /// `collection` (the forecast from the last training point, steps 1…heldOut), exactly as
    /// ``Forecaster`` builds them: centre + scale · E; a zero scale gives a point interval.
    package static func coverage(of method: ForecastMethod, in collection: Collection,
                                table: CalibrationTable) -> (coverage80: Double, coverage95: Double) {
        coverage(of: method, series: collection.series, forecasts: collection.forecasts, heldOut: collection.heldOut) { history, step in
            (IntervalCalibration.scale(of: history),
             table.shape(count: history.count, step: step, direction: IntervalCalibration.direction(of: history)))
        }
    }

    /// The coverage count shared by the yearly and seasonal studies: for each series, the forecast
    /// from its last training point, and at each step the interval centre + scale · E, where
    /// `spread(history, step)` gives the scale and the shape of E as the forecaster would.
    static func coverage(of method: ForecastMethod, series: [[Double]], forecasts: [[OriginForecast]], heldOut: Int,
                         spread: (_ history: [Double], _ step: Int) -> (scale: Double, shape: ErrorShape))
        -> (coverage80: Double, coverage95: Double) {
        var covered80 = 0, covered95 = 0, points = 0
        for (values, records) in zip(series, forecasts) {
            let training = values.count - heldOut
            guard let record = records.first(where: { $0.method == method && $0.origin == training }) else { continue }
            let history = Array(values.prefix(training))
            for step in 1...heldOut {
                let (scale, shape) = spread(history, step)
                let actual = values[training + step - 1], centre = record.locations[step - 1]
                func inside(_ level: Double) -> Bool {
                    let lower = centre + scale * shape.quantile((1 - level) / 2)
                    let upper = centre + scale * shape.quantile((1 + level) / 2)
                    return scale == 0 ? actual == centre : (lower <= actual && actual <= upper)
                }
                points += 1
                if inside(0.8) { covered80 += 1 }
                if inside(0.95) { covered95 += 1 }
            }
        }
        return (Double(covered80) / Double(max(points, 1)), Double(covered95) / Double(max(points, 1)))
    }
}
