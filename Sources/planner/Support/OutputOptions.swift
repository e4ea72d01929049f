import ArgumentParser
import Foundation
import Outturn

extension OutputFormat: ExpressibleByArgument {}

/// `--format` and `--output`, shared by the commands that print reports.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat = .table

    @Option(help: "Write to this file (atomically; never over an input file) instead of standard output.")
    var output: String?

    /// Prints `text` to standard output, or writes it to `--output`.
    func emit(_ text: String, inputs: [String]) throws {
        if let output {
            try OutputFile.write(text, to: output, refusingToOverwrite: inputs)
        } else {
            try StandardOutput.write(text)
        }
    }
}
