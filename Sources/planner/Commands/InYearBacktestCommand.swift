import ArgumentParser
import Foundation
import Outturn
import OutturnNumerics

/// `planner backtest-inyear FILE`: how well a year's total is projected from its first months.
struct InYearBacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest-inyear",
        abstract: "Project each year's total from its first months and score it against two baselines.",
        discussion: """
        Reads a long CSV of monthly series (one row per series and period). Each series is cut into \
        years of --periods-per-year consecutive values from its first value; at each checkpoint k the \
        year's total is projected from its first k values by the seasonal profile learned from the \
        series' earlier years (shrunk towards the pool of series), by the run rate (to date × 12/k) and \
        by last year's share-to-date. Reports median and mean absolute % error, and the coverage of the \
        profile's 80% and 95% intervals. With --split-evenly-over 3 every quarter's months are replaced \
        by their mean first (quarterly actuals split evenly over the quarter, as some ledgers hold them).
        """
    )

    @Argument(help: "Long CSV file with series, period and value columns.")
    var file: String

    // Unconditional (as every numeric option): `--periods-per-year -1` is a value to refuse, not a missing one.
    @Option(name: .customLong("periods-per-year"), parsing: .unconditional, help: "Values per year (12 for monthly).")
    var periodsPerYear = 12

    @Option(name: .long, parsing: .unconditional, help: "Comma-separated checkpoints, periods into the year.")
    var checkpoints = "3,6,9"

    @Option(name: .customLong("split-evenly-over"), parsing: .unconditional,
            help: "Periods per block known only as its total, split evenly (3: quarterly actuals over monthly periods).")
    var splitEvenlyOver = 1

    @Option(name: .long, help: "Output format.")
    var format = FormatOption<SupportedFormats.TableOrJSON>(.table)

    @Option(name: .customLong("series-column"), help: "Column naming the series.")
    var seriesColumn = "series"

    @Option(name: .customLong("period-column"), help: "Column with the period number (1, 2, …).")
    var periodColumn = "period"

    @Option(name: .customLong("value-column"), help: "Column with the values.")
    var valueColumn = "value"

    @Flag(help: "No progress line on standard error (shown otherwise for a run longer than a second, when standard error is a terminal and the report is not).")
    var quiet = false

    func parsedCheckpoints() throws -> [Int] {
        let values = checkpoints.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil && $0! >= 1 && $0! < periodsPerYear }) else {
            throw ValidationError("--checkpoints must be whole numbers from 1 to \(periodsPerYear - 1), e.g. 3,6,9; got '\(checkpoints)'")
        }
        return values.map { $0! }
    }

    func validate() throws {
        try FileNameArgument.check(file, "<file>", instead: "give the long CSV of monthly series, e.g. series.csv")
        _ = try format.format(for: "backtest-inyear")
        guard periodsPerYear >= 2 else { throw ValidationError("--periods-per-year must be at least 2, got \(periodsPerYear)") }
        _ = try parsedCheckpoints()
        guard splitEvenlyOver >= 1, periodsPerYear % splitEvenlyOver == 0 else {
            throw ValidationError("--split-evenly-over must divide --periods-per-year (\(periodsPerYear)), e.g. 3 for quarters of 12 months; got \(splitEvenlyOver)")
        }
    }

    func run() throws {
        let start = ProgressLine.monotonicSeconds()
        let format = try format.format(for: "backtest-inyear")
        try reportingErrors {
            let input = try LongSeriesFile(path: file, seriesColumn: seriesColumn,
                                           periodColumn: periodColumn, valueColumn: valueColumn)
            // Progress in series-years: every whole year of a series after its first is projected once.
            let seriesYears = input.values.reduce(0) { $0 + max(0, $1.count / periodsPerYear - 1) }
            let progress = ProgressLine(label: "backtest-inyear", total: seriesYears, unit: "series-years",
                                        enabled: ProgressLine.wanted(quiet: quiet, reportToFile: false), start: start)
            let report = try InYearBacktest.run(series: input.values, periodsPerYear: periodsPerYear,
                                                checkpoints: try parsedCheckpoints(), splitEvenlyOver: splitEvenlyOver,
                                                progress: progress.advance(by:))
            progress.finish()
            // The table through the one report writer (InYearBacktestReport+Documents.swift); JSON its own object.
            let sink = FileHandleSink()
            try ReportDocument.write(as: format, run: nil, to: sink, json: { _ in json(report) }, document: { report.document })
            try sink.flush()
        }
    }

    func json(_ report: InYearBacktest.Report) -> String {
        func number(_ value: Double?) -> String {
            guard let value, value.isFinite else { return "null" }
            return String(format: "%.6g", value)
        }
        let scores = report.scores.map { s in
            "{\"month\": \(s.checkpoint), \"method\": \"\(s.method.rawValue)\", \"medianAPE\": \(number(s.medianAPE)), "
                + "\"meanAPE\": \(number(s.meanAPE)), \"coverage80\": \(number(s.coverage80)), "
                + "\"coverage95\": \(number(s.coverage95)), \"years\": \(s.years)}"
        }
        return "{\"series\": \(report.seriesCount), \"yearsScored\": \(report.yearsScored), "
            + "\"yearsSkippedNonPositive\": \(report.yearsSkippedNonPositive), \"scores\": [\n  "
            + scores.joined(separator: ",\n  ") + "\n]}\n"
    }
}
