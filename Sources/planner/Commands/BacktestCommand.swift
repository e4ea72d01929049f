import ArgumentParser
import Foundation
import Outturn
import OutturnNumerics

/// `planner backtest`: how accurate each forecasting method has been on the user's own history.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Hold out the last periods of each series, forecast them, and score each method.",
        discussion: """
        Reads a long CSV (one row per series and period). For each series the last HORIZON values are \
        held out; each method is fitted on the rest and scored: sMAPE (percent), MASE, the share of \
        held-out values inside the 80% and 95% intervals, and MSIS (95% interval score, MASE-scaled). \
        Series shorter than HORIZON + 2 are skipped and counted; series whose training part never \
        changes are scored for sMAPE and coverage only (MASE is undefined for them).
        """
    )

    @Argument(help: "Long CSV file with series, period and value columns.")
    var file: String

    // Unconditional (as every numeric option): `--horizon -1` is a horizon to refuse, not a missing value.
    @Option(name: .long, parsing: .unconditional, help: "Number of final periods to hold out per series.")
    var horizon: Int

    @Option(name: .long, help: "Comma-separated methods (\(ForecastMethod.allCases.map(\.rawValue).joined(separator: ","))); default all.")
    var method: String?

    @Option(name: .long, help: "Intervals: calibrated (default) or model-based (the methods' analytic variances; auto stays calibrated).")
    var intervals: IntervalChoice = .calibrated

    @Option(name: .customLong("season-length"), parsing: .unconditional, help: "Periods per seasonal cycle (4 quarterly, 12 monthly; default 1, not seasonal). Seasonal methods and auto use it, and when above 1 MASE and MSIS are scaled by the in-sample seasonal naive error, as in M4.")
    var seasonLength = 1

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

    /// The largest `--horizon` accepted.
    static let maximumHorizon = 1_000_000

    enum IntervalChoice: String, ExpressibleByArgument, CaseIterable {
        case calibrated
        case modelBased = "model-based"
    }

    func validate() throws {
        try FileNameArgument.check(file, "<file>", instead: "give the long CSV of series, e.g. series.csv")
        _ = try format.format(for: "backtest")
        guard horizon >= 1 else { throw ValidationError("--horizon must be at least 1, got \(horizon)") }
        // Far beyond any series a file could hold, and keeps `horizon + 2` and the like exact.
        guard horizon <= BacktestCommand.maximumHorizon else {
            throw ValidationError("--horizon must be at most \(BacktestCommand.maximumHorizon), got \(horizon)")
        }
        _ = try methods()
        guard seasonLength >= 1 else {
            throw ValidationError("--season-length must be at least 1 (1 = not seasonal, 4 quarterly, 12 monthly), got \(seasonLength)")
        }
    }

    func methods() throws -> [ForecastMethod] {
        guard let method else { return ForecastMethod.allCases }
        let names = ForecastMethod.allCases.map(\.rawValue)
        // `--method ""` or `--method ,` names no method: a usage error, not an empty report.
        guard method.split(separator: ",").contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw ValidationError("--method names no method; give one or more of \(names.joined(separator: ", ")), or leave --method out for all")
        }
        return try method.split(separator: ",").map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let found = ForecastMethod(rawValue: trimmed) else {
                let names = ForecastMethod.allCases.map(\.rawValue)
                let hint = ClosestName.match(trimmed, among: names).map { " (did you mean '\($0)'?)" } ?? ""
                throw ValidationError("--method: unknown method '\(DisplayText.escaped(DisplayText.shortened(trimmed)))'\(hint); methods are \(names.joined(separator: ", "))")
            }
            return found
        }
    }

    func run() throws {
        let start = ProgressLine.monotonicSeconds()
        let format = try format.format(for: "backtest")
        try reportingErrors {
            // Series run on every core: OpenBLAS must not start threads of its own inside each.
            BLASThreads.setCount(1)
            let input = try LongSeriesFile(path: file, seriesColumn: seriesColumn,
                                           periodColumn: periodColumn, valueColumn: valueColumn)
            let methods = try methods()
            let options = ForecastOptions(intervals: intervals == .calibrated ? .calibrated : .modelBased,
                                          seasonLength: seasonLength)
            // Progress in series scored: Backtest.run calls back before each method, whose series
            // run on every core, so the line moves on by every series as each method ends.
            let progress = ProgressLine(label: "backtest", total: input.count * methods.count, unit: "series scored",
                                        enabled: ProgressLine.wanted(quiet: quiet, reportToFile: false), start: start)
            var methodsStarted = 0
            let report = Backtest.run(values: input.allValues, offsets: input.offsets, horizon: horizon, methods: methods, options: options) { _ in
                if methodsStarted > 0 { progress.advance(by: input.count) }
                methodsStarted += 1
            }
            progress.advance(by: input.count)
            progress.finish()
            try BacktestRendering.write(report, as: format)
        }
    }
}
