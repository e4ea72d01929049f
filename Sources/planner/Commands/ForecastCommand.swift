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
            // Streamed: each block of lines is written as soon as it is projected; with --output the
            // text goes to a temporary file that replaces FILE only when the whole report is done.
            func write(to sink: ReportSink) throws {
                let writer = ForecastReportWriter(format: output.format, scenario: resolved.scenario, sink: sink)
                // Rows are rendered on the worker threads; only writing them out is one at a time.
                let preparer = writer.preparer
                let (total, activity) = try ForecastRun.run(resolved, prepare: { preparer.prepare($0) }) { try writer.add($0) }
                try writer.finish(total: total, activity: activity)
            }
            if let path = output.output {
                let file = try OutputFile.open(path, refusingToOverwrite: resolved.inputFiles)
                do {
                    try write(to: file)
                    try file.commit()
                } catch {
                    file.abandon()
                    throw error
                }
            } else {
                let standardOutput = FileHandleSink()
                try write(to: standardOutput)
                try standardOutput.flush()
            }
        }
    }
}
