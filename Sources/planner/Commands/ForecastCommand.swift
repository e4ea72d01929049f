import ArgumentParser
import Foundation
import Outturn

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

    func run() throws {
        try reportingErrors {
            let resolved = try scenario.map { try ResolvedScenario.load(path: $0) } ?? ResolvedScenario.bundled()
            let report = try ForecastReport(resolved)
            try output.emit(report.rendered(as: output.format), inputs: resolved.inputFiles)
        }
    }
}
