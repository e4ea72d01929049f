import ArgumentParser
import Foundation
import Outturn
import OutturnNumerics

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

    func validate() throws {
        if a != nil && b == nil {
            throw ValidationError("give two scenarios, A and B (or none, to compare the two bundled ones)")
        }
    }

    func run() throws {
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
            let comparison = ScenarioComparison(a: try ForecastReport(resolvedA), b: try ForecastReport(resolvedB))
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
