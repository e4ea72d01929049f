import Dispatch
import Foundation
import OutturnNumerics

/// `auto` over every series of a yearly file: fit on all but the last `horizon` values, forecast
/// the horizon with 80 % and 95 % intervals, score against the held-out values. Series are
/// split into `jobs` contiguous chunks run in parallel (run.sh sets OPENBLAS_NUM_THREADS=1 so
/// BLAS threads and these do not fight).
enum AutoTiming {
    static func run(_ options: Options) {
        let path = options.string("file")
        let file = SeriesFile(path: path)
        let horizon = options.integer("horizon")
        let jobs = options.integer("jobs", default: 1)
        let method = ForecastMethod(rawValue: options.optionalString("method") ?? "auto") ?? .auto
        let usable = file.values.indices.filter { file.values[$0].count > horizon }

        // Warm-up outside the timing: first touches of code and caches.
        for index in usable.prefix(5) {
            _ = try? Forecaster.forecast(Array(file.values[index].dropLast(horizon)), horizon: horizon, method: method)
        }

        let chunks = (0..<jobs).map { job in
            Array(usable[(usable.count * job / jobs)..<(usable.count * (job + 1) / jobs)])
        }
        var results = [(accuracy: Accuracy, failures: Int)](repeating: (Accuracy(), 0), count: jobs)
        let start = Report.now()
        results.withUnsafeMutableBufferPointer { slots in
            let slots = UncheckedSendable(slots)
            DispatchQueue.concurrentPerform(iterations: jobs) { job in
                var accuracy = Accuracy()
                var failures = 0
                for index in chunks[job] {
                    let series = file.values[index]
                    let training = Array(series.dropLast(horizon))
                    do {
                        let forecast = try Forecaster.forecast(training, horizon: horizon, method: method)
                        let steps = 1...horizon
                        accuracy.add(training: training, test: Array(series.suffix(horizon)), mean: forecast.locations,
                                     interval80: steps.map { let i = forecast.interval(level: 0.8, step: $0); return (i.lower, i.upper) },
                                     interval95: steps.map { let i = forecast.interval(level: 0.95, step: $0); return (i.lower, i.upper) })
                    } catch {
                        failures += 1
                    }
                }
                slots.value[job] = (accuracy, failures)
            }
        }
        let seconds = Report.now() - start
        var accuracy = Accuracy()
        for result in results { accuracy.merge(result.accuracy) }
        let name = URL(fileURLWithPath: path).lastPathComponent
        Report.emit("auto \(name) \(jobs) core", seconds: seconds, accuracy.fields.merging([
            "series": usable.count, "failures": results.map(\.failures).reduce(0, +),
            "series_per_second": Double(usable.count) / seconds, "route": "Forecaster.forecast(method: .\(method))",
        ]) { first, _ in first })
    }
}

/// Lets a buffer whose slots are written by distinct iterations cross into concurrentPerform.
struct UncheckedSendable<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
