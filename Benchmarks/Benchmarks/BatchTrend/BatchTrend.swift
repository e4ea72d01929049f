import Benchmark
import BenchmarkSupport
import OutturnNumerics

/// Batch linear trend over m series × 36 periods (`BatchTrend.fit`, T×m column-major), with the
/// residual standard error of every series read out, at m = 10k, 100k and 1M, on every core and on
/// one (`workers: 1`: the library's line kernel alone against the memory-bandwidth floor). Data set
/// up outside.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(5), maxIterations: 100)

    let periods = 36
    for seriesCount in [10_000, 100_000, 1_000_000] {
        let values = SyntheticSeries.trendingColumns(seriesCount: seriesCount, periods: periods, seed: 7)
        let series = Matrix(rows: periods, columns: seriesCount, columnMajor: values)
        let label = seriesCount >= 1_000_000 ? "\(seriesCount / 1_000_000)M" : "\(seriesCount / 1_000)k"

        Benchmark("batch trend fit \(label)×\(periods) with residual SEs") { benchmark in
            for _ in benchmark.scaledIterations {
                let fit = try BatchTrend.fit(series)
                blackHole(fit.residualStandardErrors)
            }
        }

        Benchmark("batch trend fit \(label)×\(periods) one worker") { benchmark in
            for _ in benchmark.scaledIterations {
                let fit = try BatchTrend.fit(series, workers: 1)
                blackHole(fit.residualStandardErrors)
            }
        }
    }
}
