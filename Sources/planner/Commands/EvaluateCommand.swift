import ArgumentParser
import Foundation
import Outturn

extension BudgetExecutionPrior.Choice: ExpressibleByArgument {}

/// `planner evaluate`: how well the overspend probabilities and intervals would have done on a
/// ledger's own history, one year ahead (docs/risk.md).
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score P(overspend) and the intervals one year ahead on your own budget history.",
        discussion: """
        For each target year, every line with budget > 0 and actual ≥ 0 that year and in the year before \
        is forecast from its contiguous earlier years, as `planner forecast` would with that year's budgets \
        in a budgets file and the default settings; nothing after the target year is used. Reports the Brier \
        score, log loss, a reliability table by probability decile, coverage of the 80% and 95% intervals, each \
        by years of history, and two baselines on the same line-years.
        """
    )

    @Argument(help: "History CSV: columns line, year, budget, actual, optionally body (blank amounts allowed).")
    var history: String

    @Option(help: "First target year to score, e.g. 2017-18 or 1995 (default: the file's second year).")
    var first: String?

    @Option(help: "Last target year to score (default: the file's last year).")
    var last: String?

    @Option(help: "Prior of the budget-execution model: shipped, without-canada or without-israel (to score a shipped organisation without its own data in the prior).")
    var prior: BudgetExecutionPrior.Choice = .shipped

    @Option(help: "Output format: table, json, markdown, html (one self-contained page with the reliability diagram) or xlsx (an Excel workbook; needs --output unless standard output is redirected). Default: from the --output file's extension (.json .md .html .xlsx .txt), else table.")
    var format: FormatOption<SupportedFormats.Evaluate>?

    /// `--format`, else the format the `--output` file's extension names, else the table.
    /// - Throws: a usage error for a format evaluate does not write (`--format csv`, `--output scores.csv`).
    func resolvedFormat() throws -> OutputFormat {
        try FormatOption.resolved(format, output: output, command: "evaluate")
    }

    @Option(help: "Write to this file (atomically; never over the input) instead of standard output.")
    var output: String?

    @Option(help: "Also write every scored line-year (P(overspend), intervals, outcome) to this CSV.")
    var rows: String?

    @Flag(help: "No progress line on standard error (shown otherwise for a run longer than a second, when standard error is a terminal and the report is not).")
    var quiet = false

    func validate() throws {
        try FileNameArgument.check(history, "<history>", instead: "give the history CSV, e.g. history.csv")
        try FileNameArgument.checkOutput(output)
        try FileNameArgument.check(rows, "--rows", instead: "give a CSV file name, or leave --rows out")
        for (name, value) in [("--first", first), ("--last", last)] {
            if let value, BudgetHistory.year(value) == nil {
                throw ValidationError("\(name) '\(DisplayText.escaped(DisplayText.shortened(value)))' is not a year; write 2019/20, 2019-20, 2019 or FY2019")
            }
        }
        if let first, let last, let from = BudgetHistory.year(first), let to = BudgetHistory.year(last), from > to {
            let (shownFirst, shownLast) = (DisplayText.escaped(DisplayText.shortened(first)), DisplayText.escaped(DisplayText.shortened(last)))
            throw ValidationError("--first \(shownFirst) is after --last \(shownLast); give the earlier year as --first, or one year as both")
        }
        let resolvedFormat = try resolvedFormat()
        if resolvedFormat.isBinary, output == nil, isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("--format \(resolvedFormat.rawValue) writes a binary workbook: give --output FILE.xlsx (or redirect standard output to a file)")
        }
    }

    func run() throws {
        let start = ProgressLine.monotonicSeconds()
        let resolvedFormat = try resolvedFormat()
        try reportingErrors {
            let runDate = try RunRecord.runDate()
            let loaded = try BudgetHistory(contentsOf: history)
            let (from, to) = (first.flatMap(BudgetHistory.year), last.flatMap(BudgetHistory.year))
            // Progress in target years: those Evaluation.run scores (by default the file's second year to its last).
            let (lowest, highest) = (from ?? loaded.years.first?.next, to ?? loaded.years.last)
            let years = loaded.years.filter { year in lowest.map { year >= $0 } ?? false && highest.map { year <= $0 } ?? false }
            let progress = ProgressLine(label: "evaluate", total: years.count, unit: "target years",
                                        enabled: ProgressLine.wanted(quiet: quiet, reportToFile: output != nil), start: start)
            let report = try Evaluation.run(loaded, first: from, last: to, prior: prior.prior, progress: progress.advance(by:))
            progress.finish()
            if let rows { try OutputFile.write(report.rowsAsCSV(), to: rows, refusingToOverwrite: [history]) }
            // What produced the report: inside it and, with --output, beside it (docs/planner.md, "Audit trail").
            let record = report.runRecord(history: try RunRecord.digest(ofFileAt: history, role: "history"), prior: prior.rawValue,
                                          plannerVersion: Planner.configuration.version, runDate: runDate)
            try ReportOutput.write(to: output, inputs: [history]) { sink in
                try report.write(as: resolvedFormat, run: record, to: sink)
            }
            if let output {
                try OutputFile.write(record.jsonText, to: RunRecord.sidecarPath(for: output),
                                     refusingToOverwrite: [history, output] + (rows.map { [$0] } ?? []))
            }
        }
    }
}
