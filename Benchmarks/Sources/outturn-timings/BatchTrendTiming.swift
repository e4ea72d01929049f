import Foundation
import BenchmarkSupport
import OutturnNumerics

/// `BatchTrend.fit` of m series × T periods (T×m column-major, one series per column), with every
/// series' residual standard error read out (the bulk `residualStandardErrors`), on the same synthetic data as the peer script's shape.
/// `--degree` (default 1) picks the kernel: 1 lines, 2 quadratics, 3 or more the general orthonormal basis;
/// `--workers` (default: every active processor) how many threads split the series.
enum BatchTrendTiming {
    static func run(_ options: Options) {
        let seriesCount = options.integer("series"), periods = options.integer("periods", default: 36)
        let degree = options.integer("degree", default: 1)
        let all = ProcessInfo.processInfo.activeProcessorCount
        let workers = options.integer("workers", default: all)
        let series = Matrix(rows: periods, columns: seriesCount,
                            columnMajor: SyntheticSeries.trendingColumns(seriesCount: seriesCount, periods: periods, seed: 7))
        let (seconds, errors) = Report.bestOf(seriesCount >= 1_000_000 ? 3 : 5) { () -> [Double] in
            try! BatchTrend.fit(series, degree: degree, workers: workers).residualStandardErrors
        }
        let (fitSeconds, _) = Report.bestOf(seriesCount >= 1_000_000 ? 3 : 5) { try! BatchTrend.fit(series, degree: degree, workers: workers) }
        precondition(errors.count == seriesCount)
        var name = degree == 1 ? "batch trend \(seriesCount)x\(periods)" : "batch trend \(seriesCount)x\(periods) degree \(degree)"
        if workers != all { name += " \(workers) worker" }
        Report.emit(name, seconds: seconds, [
            "fit_seconds": fitSeconds, "bytes": seriesCount * periods * 8,
            "route": "BatchTrend.fit with residualStandardErrors (every series)",
        ])
    }
}
