import ArgumentParser
import Foundation
import Outturn
import OutturnNumerics

extension ScenarioComparison.Order: ExpressibleByArgument {}

/// `planner compare A B`: two scenarios' forecasts side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two scenarios line by line: budget, projection, P(overspend) and RAG of each, and B − A.",
        discussion: """
        Without arguments, compares the two bundled 2022/23 scenarios for the Gwent Police ICT budget: \
        budgets held at 2021/22 (A) against budgets reset to the 2021/22 outturn (B). Lines are matched \
        by name; a line in one scenario only has blanks for the other.
        """
    )

    @Argument(help: "Scenario A (YAML). Default: the bundled scenario, budgets held at 2021/22.")
    var a: String?

    @Argument(help: "Scenario B (YAML). Default: the bundled scenario, budgets reset to the 2021/22 outturn.")
    var b: String?

    @OptionGroup var output: OutputOptions

    @Option(help: "Order the lines on scenario B's figures (A's for a line only A has): risk (highest P(overspend) first), line (by name), budget or overspend (largest first). Default: A's lines in A's order, then B's own.")
    var sort: ScenarioComparison.Order?

    @Option(help: ArgumentHelp("Show only lines whose status in A or in B is one of these, e.g. red,amber. The totals and the status counts stay those of all lines.",
                               valueName: "statuses"))
    var only: String?

    /// What `--sort` and `--only` ask for.
    func selection() throws -> ScenarioComparison.Selection {
        ScenarioComparison.Selection(order: sort, statuses: try only.map(LineSelectionOptions.statuses(in:)))
    }

    func validate() throws {
        try FileNameArgument.check(a, "<a>", instead: "give scenario A's file, or leave A and B out for the bundled pair")
        try FileNameArgument.check(b, "<b>", instead: "give scenario B's file, or leave A and B out for the bundled pair")
        _ = try selection()
        if a != nil && b == nil {
            throw ValidationError("give two scenarios, A and B (or none, to compare the two bundled ones)")
        }
    }

    func run() throws {
        let start = ProgressLine.monotonicSeconds()
        try reportingErrors {
            // Our worker threads are the parallelism: OpenBLAS must not start its own inside each.
            BLASThreads.setCount(1)
            let runDate = try RunRecord.runDate()
            let resolvedA = try a.map { try ResolvedScenario.load(path: $0) } ?? ResolvedScenario.bundled()
            let resolvedB = try b.map { try ResolvedScenario.load(path: $0) } ?? ResolvedScenario.bundledReset()
            guard resolvedA.scenario.targetYear == resolvedB.scenario.targetYear else {
                throw InputError(file: b ?? BundledData.resetScenarioName, line: nil,
                                 message: "scenario B forecasts \(resolvedB.scenario.targetYear) but A forecasts \(resolvedA.scenario.targetYear)",
                                 hint: "compare two scenarios of the same target year")
            }
            // Progress over both forecasts' lines, A's then B's.
            let progress = ProgressLine(label: "compare", total: resolvedA.scenario.lines.count + resolvedB.scenario.lines.count,
                                        enabled: ProgressLine.wanted(output), start: start)
            let reportA = try ForecastReport(resolvedA, progress: progress.advance(by:))
            let reportB = try ForecastReport(resolvedB, progress: progress.advance(by:))
            progress.finish()
            var comparison = ScenarioComparison(a: reportA, b: reportB)
            if sort != nil || only != nil { comparison = comparison.selecting(try selection()) }
            // One record: A's and B's inputs and assumptions, each named a. or b.
            let version = Planner.configuration.version
            let record = RunRecord.comparing(try resolvedA.runRecord(command: "compare", plannerVersion: version, runDate: runDate),
                                             try resolvedB.runRecord(command: "compare", plannerVersion: version, runDate: runDate))
            try output.write(inputs: resolvedA.inputFiles + resolvedB.inputFiles) { sink in
                try comparison.write(as: output.resolvedFormat, run: record, to: sink)
            }
            try output.writeRunRecord(inputs: resolvedA.inputFiles + resolvedB.inputFiles) { record }
        }
    }
}
