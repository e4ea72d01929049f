import ArgumentParser
import Foundation
import Outturn

/// `planner check`: validates a scenario and shows what it resolves to.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a scenario file and show what it resolves to (defaults filled in)."
    )

    @Argument(help: "Scenario file (YAML). Default: the bundled scenario, as for forecast.")
    var scenario: String?

    func run() throws {
        try reportingErrors {
            let resolved = try scenario.map { try ResolvedScenario.load(path: $0) } ?? ResolvedScenario.bundled()
            try StandardOutput.write(resolved.summary)
            // Warnings (a line's missing years) go to standard error: the summary stays as it was.
            for warning in resolved.warnings { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        }
    }
}
