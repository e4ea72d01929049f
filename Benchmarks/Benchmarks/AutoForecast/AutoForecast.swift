import Benchmark
import BenchmarkSupport
import Foundation
import OutturnNumerics

/// `auto` over every series of each yearly competition file (datasets/competition/), fitted on
/// the training part (all but the competition horizon) and forecast over the horizon, on one
/// thread. The file is parsed outside the measurement.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10), maxIterations: 20)

    for (file, horizon) in [("m1-yearly.csv", 6), ("tourism-yearly.csv", 4)] {
        let text = try! String(contentsOf: Workloads.dataset("competition/\(file)"), encoding: .utf8)
        let training = SyntheticSeries.parseLongCSV(text)
            .map { Array($0.values.dropLast(horizon)) }
            .filter { $0.count >= 1 }
        Benchmark("auto \(file) \(training.count) series h\(horizon)") { benchmark in
            for _ in benchmark.scaledIterations {
                for series in training {
                    blackHole(try? Forecaster.forecast(series, horizon: horizon, method: .auto))
                }
            }
        }
    }
}
