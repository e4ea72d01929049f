import BenchmarkSupport

/// The benchmark-only single-pass reference kernel (BenchmarkSupport/FusedBatchTrend.swift) on
/// the same inputs as `batch-trend`, with 1 and 2 workers: how close the bandwidth floor can be got.
enum FusedTrendTiming {
    static func run(_ options: Options) {
        let seriesCount = options.integer("series"), periods = options.integer("periods", default: 36)
        let values = SyntheticSeries.trendingColumns(seriesCount: seriesCount, periods: periods, seed: 7)
        for workers in [1, 2] {
            let (seconds, fit) = Report.bestOf(seriesCount >= 1_000_000 ? 3 : 5) {
                FusedBatchTrend.fit(values, periods: periods, workers: workers)
            }
            precondition(fit.slopes.count == seriesCount)
            Report.emit("batch trend \(seriesCount)x\(periods) fused reference \(workers) worker", seconds: seconds,
                        ["bytes": values.count * 8, "route": "benchmark-only single-pass kernel"])
        }
    }
}
