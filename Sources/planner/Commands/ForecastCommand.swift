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
        RAG defaults: red when overspend is more likely than not (P > 50%); amber when P ≥ 20% or the \
        expected overspend exceeds the materiality amount (£10,000); green otherwise. \
        Every scenario key is described in docs/scenario.md.
        """
    )

    @Argument(help: "Scenario file (YAML). Default: the bundled scenario.")
    var scenario: String?

    @OptionGroup var output: OutputOptions

    @Option(help: "With a grouped ledger (a group column), show group subtotals down to this level only, without the lines (1 = top-level groups). Default: every level and every line.")
    var level: Int?

    func validate() throws {
        if let level, level < 1 { throw ValidationError("--level must be 1 or more (1 = top-level groups), not \(level)") }
    }

    func run() throws {
        try reportingErrors {
            // Our worker threads are the parallelism: OpenBLAS must not start its own inside each.
            BLASThreads.setCount(1)
            // One way: read and validate, project block by block, render each block as it comes.
            let resolved = try scenario.map { try ResolvedScenario.load(path: $0) } ?? ResolvedScenario.bundled()
            if let level, resolved.lineGroups == nil {
                throw InputError(file: resolved.scenario.ledgerPath, line: nil,
                                 message: "--level \(level) needs groups, and the ledger has no '\(LineGroups.columnName)' column",
                                 hint: "add a group column (e.g. Infrastructure/Network), or leave out --level")
            }
            // With --output the report goes to a temporary file that replaces FILE only when the
            // whole report is done.
            try output.write(inputs: resolved.inputFiles) { sink in
                let writer = ForecastReportWriter(format: output.format, scenario: resolved.scenario, sink: sink,
                                                  ledger: resolved.ledger, groups: resolved.lineGroups, level: level)
                let outcome = try ForecastRun.run(resolved) { try writer.add($0) }
                try writer.finish(outcome)
            }
        }
    }
}
