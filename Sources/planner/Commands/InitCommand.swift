import ArgumentParser
import Foundation
import Outturn

/// `planner init`: a commented scenario template for a ledger.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented scenario template for a ledger (every line held at its latest budget)."
    )

    @Argument(help: "Ledger CSV (columns line, year, budget, actual).")
    var ledger: String

    @Option(help: "Write the template to this file (atomically; never over an input file, nor over an existing file without --force) instead of standard output.")
    var output: String?

    @Flag(help: "Replace FILE given to --output if it already exists (atomically).")
    var force = false

    func validate() throws {
        try FileNameArgument.check(ledger, "<ledger>", instead: "give the ledger CSV, e.g. ledger.csv")
        try FileNameArgument.checkOutput(output)
    }

    func run() throws {
        try reportingErrors {
            let loaded = try Ledger(contentsOf: ledger)
            var ledgerPath = ledger
            if let output {
                // The scenario names its ledger relative to itself.
                let from = URL(fileURLWithPath: output).standardizedFileURL.deletingLastPathComponent().pathComponents
                let to = URL(fileURLWithPath: ledger).standardizedFileURL.pathComponents
                let common = zip(from, to).prefix { $0 == $1 }.count
                ledgerPath = (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
            }
            let text = ScenarioTemplate.text(for: loaded, ledgerPath: ledgerPath)
            if let output {
                // A scenario is hand-edited: a fresh template written over one would lose that work.
                // (Over the ledger itself OutputFile refuses, --force or not.)
                let isLedger = URL(fileURLWithPath: output).standardizedFileURL == URL(fileURLWithPath: ledger).standardizedFileURL
                if !force, !isLedger, FileManager.default.fileExists(atPath: output) {
                    throw OutputError(file: output, message: "already exists; not replaced",
                                      hint: "add --force to replace it, or choose another --output")
                }
                try OutputFile.write(text, to: output, refusingToOverwrite: [ledger])
            } else {
                try StandardOutput.write(text)
            }
        }
    }
}
