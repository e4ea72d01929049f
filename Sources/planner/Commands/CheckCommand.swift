import ArgumentParser
import Foundation
import Outturn

/// `planner check`: validates a scenario and shows what it resolves to, with its in-year inputs
/// (`actuals_to_date`: months per year, the latest month, warnings) when it has them.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a scenario file and show what it resolves to (defaults filled in)."
    )

    @Argument(help: "Scenario file (YAML). Default: the bundled scenario, as for forecast.")
    var scenario: String?

    func validate() throws {
        try FileNameArgument.check(scenario, "<scenario>", instead: "give a scenario file such as scenario.yaml, or leave it out for the bundled one")
    }

    func run() throws {
        try reportingErrors {
            let resolved = try scenario.map { try ResolvedScenario.load(path: $0) } ?? ResolvedScenario.bundled()
            var summary = resolved.summary
            // The in-year inputs (planner monitor's), read and checked as monitor reads them.
            if resolved.scenario.actualsToDatePath != nil {
                let inputs = try scenario.map { try MonitorInputs.load(path: $0, resolved: resolved) } ?? MonitorInputs.bundled()
                summary += "\n" + inputs.actuals.checkSummary(ledger: resolved.ledger, scenario: resolved.scenario)
            }
            try StandardOutput.write(summary)
            // Warnings (a line's missing years) go to standard error: the summary stays as it was.
            for warning in resolved.warnings { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        }
    }
}
