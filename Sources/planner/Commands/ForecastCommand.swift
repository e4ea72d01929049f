import ArgumentParser
import Foundation
import Outturn
import OutturnNumerics

/// `planner forecast`: projected spend, overspend risk and RAG per line, the total, and activity.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Project next year's spend per line with intervals, overspend risk and RAG; then the total and activity.",
        discussion: """
        Without SCENARIO, the bundled 2022/23 scenario for the Gwent Police ICT budget is used. \
        RAG defaults: red when overspend is more likely than not (P > 50%) and the expected overspend \
        exceeds the materiality amount (£10,000); amber when P ≥ 20% and the \
        expected overspend exceeds the materiality amount (£10,000); green otherwise, so an immaterial \
        line is green whatever P. \
        Every scenario key is described in docs/scenario.md.
        """
    )

    @Argument(help: "Scenario file (YAML). Default: the bundled scenario.")
    var scenario: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var selection: LineSelectionOptions

    // Unconditional: `--level -1` is a level to refuse, not a missing value and an unknown option.
    @Option(parsing: .unconditional, help: "With a grouped ledger (a group column), show group subtotals down to this level only, without the lines (1 = top-level groups). Default: every level and every line.")
    var level: Int?

    func validate() throws {
        try FileNameArgument.check(scenario, "<scenario>", instead: "give a scenario file such as scenario.yaml, or leave it out for the bundled one")
        if let level, level < 1 { throw ValidationError("--level must be 1 or more (1 = top-level groups), not \(level)") }
    }

    func run() throws {
        let start = ProgressLine.monotonicSeconds()
        try reportingErrors {
            // Our worker threads are the parallelism: OpenBLAS must not start its own inside each.
            BLASThreads.setCount(1)
            let runDate = try RunRecord.runDate() // when the run started; OUTTURN_RUN_DATE fixes it
            // One way: read and validate, project block by block, render each block as it comes.
            let resolved = try scenario.map { try ResolvedScenario.load(path: $0) } ?? ResolvedScenario.bundled()
            if let level, resolved.lineGroups == nil {
                throw InputError(file: resolved.scenario.ledgerPath, line: nil,
                                 message: "--level \(level) needs groups, and the ledger has no '\(LineGroups.columnName)' column",
                                 hint: "add a group column (e.g. Infrastructure/Network), or leave out --level")
            }
            // What produced the report: inside it (every format but CSV) and beside --output FILE.
            let record = try resolved.runRecord(command: "forecast", plannerVersion: Planner.configuration.version, runDate: runDate)
            // With --output the report goes to a temporary file that replaces FILE only when the
            // whole report is done.
            try output.write(inputs: resolved.inputFiles) { sink in
                let writer = ForecastReportWriter(format: output.resolvedFormat, scenario: resolved.scenario, sink: sink,
                                                  ledger: resolved.ledger, groups: resolved.lineGroups, level: level)
                let progress = ProgressLine(label: "forecast", total: resolved.scenario.lines.count,
                                            enabled: ProgressLine.wanted(output), start: start)
                // CSV: one table per file; the activity table in its own file (CSVActivityFile).
                let activityFile = try CSVActivityFile.open(format: output.resolvedFormat, output: output.output,
                                                            hasActivity: !resolved.activity.isEmpty, inputs: resolved.inputFiles)
                writer.csvActivitySink = activityFile
                writer.runRecord = record
                do {
                    // --sort/--only: the lines are held, then filtered and ordered (LineSelectionOptions).
                    var held: [RiskAssessment] = []
                    let outcome = try ForecastRun.run(resolved) { block in
                        if selection.isActive { held += block } else { try writer.add(block) }
                        progress.advance(by: block.count)
                    }
                    if selection.isActive {
                        let shown = try selection.apply(held)
                        writer.selection = try selection.note(shown: shown.count, of: held.count)
                        try writer.add(shown)
                    }
                    try writer.finish(outcome)
                    try activityFile?.commit()
                } catch {
                    activityFile?.abandon()
                    throw error
                }
                progress.finish()
            }
            try output.writeRunRecord(inputs: resolved.inputFiles) { record }
        }
    }
}
