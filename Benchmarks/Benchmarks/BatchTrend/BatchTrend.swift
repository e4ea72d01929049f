import Benchmark
import BenchmarkSupport
import OutturnNumerics

/// Batch linear trend over m series × 36 periods (`BatchTrend.fit`, T×m column-major), with the
/// residual standard error of every series read out, at m = 10k, 100k and 1M; beside it the
/// benchmark-only single-pass reference kernel (BenchmarkSupport/FusedBatchTrend.swift) that
/// marks how close to the memory-bandwidth floor a straight loop gets. Data set up outside.
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

        Benchmark("batch trend reference single-pass kernel \(label)×\(periods)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(FusedBatchTrend.fit(values, periods: periods, workers: 1))
            }
        }
    }
}
