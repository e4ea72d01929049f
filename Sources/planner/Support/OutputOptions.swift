import ArgumentParser
import Foundation
import Outturn
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputFormat: ExpressibleByArgument {}

/// `--format` and `--output`, shared by the commands that print reports.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, csv, json, markdown, html (one self-contained page) or xlsx (an Excel workbook; needs --output unless standard output is redirected). Default: from the --output file's extension (.csv .json .md .html .xlsx .txt), else table.")
    var format: OutputFormat?

    @Option(help: "Write to this file (atomically; never over an input file) instead of standard output.")
    var output: String?

    @Flag(help: "No progress line on standard error (shown otherwise for a run longer than a second, when standard error is a terminal and the report is not).")
    var quiet = false

    /// The format to write: `--format` when given, else the one the `--output` file's extension
    /// names (`forecast.csv` → CSV), else the table (no `--output`, or another extension).
    var resolvedFormat: OutputFormat {
        format ?? output.flatMap { OutputFormat(fileName: $0) } ?? .table
    }

    /// A workbook is bytes: written to a terminal it would garble the screen, so it needs `--output`
    /// (or standard output redirected to a file or a pipe).
    func validate() throws {
        try FileNameArgument.checkOutput(output)
        let format = resolvedFormat
        if format.isBinary, output == nil, isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("--format \(format.rawValue) writes a binary workbook: give --output FILE.xlsx "
                                  + "(or redirect standard output to a file)")
        }
    }

    /// With `--output FILE`, writes the run record beside it as `FILE.run.json` (atomically; never
    /// over an input or the report); without `--output`, nothing (docs/planner.md, "Audit trail").
    func writeRunRecord(inputs: [String], _ record: () throws -> RunRecord) throws {
        guard let output else { return }
        try OutputFile.write(try record().jsonText, to: RunRecord.sidecarPath(for: output),
                             refusingToOverwrite: inputs + [output])
    }

    /// Runs `body` with the sink of the report: with `--output`, a temporary file renamed over FILE
    /// only when the whole report is written (never one of `inputs`); otherwise standard output.
    func write(inputs: [String], _ body: (ReportSink) throws -> Void) throws {
        try ReportOutput.write(to: output, inputs: inputs, body)
    }
}

/// Where a report goes, for every command: `output` (a temporary file renamed over it only when the
/// whole report is written, never one of `inputs`) or, when nil, standard output, every write checked
/// (a full disk or a closed pipe is an error, never a silently short report).
enum ReportOutput {
    /// Runs `body` with the report's sink and finishes it (commits the file or flushes standard output).
    /// - Throws: what `body` throws; ``OutputError`` when the output cannot be written, or for a
    ///   workbook beyond Excel's limits (with a hint to write CSV).
    static func write(to output: String?, inputs: [String], _ body: (ReportSink) throws -> Void) throws {
        do {
            try writeUnnamed(to: output, inputs: inputs, body)
        } catch let tooLarge as Workbook.TooLarge {
            throw OutputError(file: output ?? "standard output", message: tooLarge.description,
                              hint: "write this report as --format csv")
        }
    }

    private static func writeUnnamed(to output: String?, inputs: [String], _ body: (ReportSink) throws -> Void) throws {
        if let output {
            let file = try OutputFile.open(output, refusingToOverwrite: inputs)
            do {
                try body(file)
                try file.commit()
            } catch {
                file.abandon()
                throw error
            }
        } else {
            let standardOutput = FileHandleSink()
            try body(standardOutput)
            try standardOutput.flush()
        }
    }
}
