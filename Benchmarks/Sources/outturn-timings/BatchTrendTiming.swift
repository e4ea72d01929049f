import BenchmarkSupport
import OutturnNumerics

/// `BatchTrend.fit` of m series × T periods (T×m column-major, one series per column), with every
/// series' residual standard error read out (the bulk `residualStandardErrors`), on the same synthetic data as the peer script's shape.
enum BatchTrendTiming {
    static func run(_ options: Options) {
        let seriesCount = options.integer("series"), periods = options.integer("periods", default: 36)
        let series = Matrix(rows: periods, columns: seriesCount,
                            columnMajor: SyntheticSeries.trendingColumns(seriesCount: seriesCount, periods: periods, seed: 7))
        let (seconds, errors) = Report.bestOf(seriesCount >= 1_000_000 ? 3 : 5) { () -> [Double] in
            try! BatchTrend.fit(series).residualStandardErrors
        }
        let (fitSeconds, _) = Report.bestOf(seriesCount >= 1_000_000 ? 3 : 5) { try! BatchTrend.fit(series) }
        precondition(errors.count == seriesCount)
        Report.emit("batch trend \(seriesCount)x\(periods)", seconds: seconds, [
            "fit_seconds": fitSeconds, "bytes": seriesCount * periods * 8,
            "route": "BatchTrend.fit with residualStandardErrors (every series)",
        ])
    }
}
