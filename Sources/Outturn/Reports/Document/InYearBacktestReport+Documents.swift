import OutturnNumerics

/// `planner backtest-inyear` as a ``ReportDocument``: one table, a row per checkpoint and method;
/// the text is written by the one document writer, as every report's.
extension InYearBacktest.Report {
    /// The scores: the checkpoint (months into the year), the method, the median and mean absolute
    /// percentage error of the year's total (in percent), and the 80% and 95% intervals' coverage
    /// (`—` for the baselines, which have none).
    package var documentTable: DocumentTable {
        func error(_ percent: Double) -> DocumentCell { percent.isFinite ? .number(percent) : .text("n/a") }
        func coverage(_ fraction: Double?) -> DocumentCell {
            guard let fraction, fraction.isFinite else { return .text("—") }
            return .percent(100 * fraction)
        }
        return DocumentTable(
            title: "In-year backtest: \(seriesCount) series, \(yearsScored) series-years scored",
            columns: ["month", "method", "median APE %", "mean APE %", "Cov80", "Cov95"],
            rows: scores.map { score in
                [.quantity(Double(score.checkpoint)), .text(score.method.rawValue), error(score.medianAPE),
                 error(score.meanAPE), coverage(score.coverage80), coverage(score.coverage95)]
            })
    }

    /// The report as a document: its first line says how many series and series-years were scored
    /// (and how many years were skipped for a value ≤ 0), then the table (sheet In-year backtest).
    package var document: ReportDocument {
        let skipped = yearsSkippedNonPositive > 0 ? " (\(yearsSkippedNonPositive) skipped: a value ≤ 0)" : ""
        return ReportDocument(
            title: "In-year backtest", heading: "\(seriesCount) series, \(yearsScored) series-years scored" + skipped,
            sections: [.table(.init(heading: "Checkpoints", table: documentTable, sheet: "In-year backtest"))])
    }
}
