import ArgumentParser
import Foundation
import Outturn
import OutturnNumerics

/// `planner monitor`: each line's projected full-year outturn from its actuals so far.
struct MonitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Project each line's full-year outturn from its monthly actuals so far, with intervals, overspend risk and RAG.",
        discussion: """
        Reads the scenario's actuals_to_date (a CSV with columns line,month,actual; month like 2022-09). Each \
        line's run rate goes through its seasonal profile, learnt from its earlier years' months (shrunk towards \
        the pool of lines; flat with a wider spread when there are none), and is weighted against the forecast \
        made before the year from the budget and the line's budget-execution record; the run rate counts more as \
        the year goes on, and after month 12 the projection is the actual. Without SCENARIO, the bundled 2022/23 \
        scenario with its illustrative month-6 actuals is used. See docs/planner.md.
        """
    )

    @Argument(help: "Scenario file (YAML) with an actuals_to_date key. Default: the bundled scenario.")
    var scenario: String?

    @Option(name: .customLong("as-of"), help: "The last month to count, e.g. 2022-09 (default: the latest month of the target year in the file; later months are ignored).")
    var asOf: String?

    @OptionGroup var output: OutputOptions

    // Unconditional: `--level -1` is a level to refuse, not a missing value and an unknown option.
    @Option(parsing: .unconditional, help: "With a grouped ledger (a group column), show group subtotals down to this level only, without the lines (1 = top-level groups). Default: every level and every line.")
    var level: Int?

    func validate() throws {
        try FileNameArgument.check(scenario, "<scenario>", instead: "give a scenario file such as scenario.yaml, or leave it out for the bundled one")
        if let level, level < 1 { throw ValidationError("--level must be 1 or more (1 = top-level groups), not \(level)") }
        if let asOf, CalendarMonth(asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a month; write the year and month as 2022-09")
        }
    }

    func run() throws {
        let start = ProgressLine.monotonicSeconds()
        try reportingErrors {
            BLASThreads.setCount(1)
            let runDate = try RunRecord.runDate()
            let inputs = try scenario.map { try MonitorInputs.load(path: $0) } ?? MonitorInputs.bundled()
            let progress = ProgressLine(label: "monitor", total: inputs.resolved.scenario.lines.count,
                                        enabled: ProgressLine.wanted(output), start: start)
            var report = try MonitorRun.run(inputs.resolved, actuals: inputs.actuals, asOf: asOf.flatMap(CalendarMonth.init),
                                            progress: progress.advance(by:))
            progress.finish()
            if let level {
                guard inputs.resolved.lineGroups != nil else {
                    throw InputError(file: inputs.resolved.ledger.fileName, line: nil,
                                     message: "--level \(level) needs groups, and the ledger has no '\(LineGroups.columnName)' column",
                                     hint: "add a group column (e.g. Infrastructure/Network), or leave out --level")
                }
                report.shownLevel = level
            }
            let record = try inputs.runRecord(plannerVersion: Planner.configuration.version, runDate: runDate)
            try output.write(inputs: inputs.inputFiles) { sink in try report.write(as: output.resolvedFormat, run: record, to: sink) }
            try output.writeRunRecord(inputs: inputs.inputFiles) { record }
        }
    }
}
