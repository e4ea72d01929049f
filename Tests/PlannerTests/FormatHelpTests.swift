import Foundation
import Testing
import _TestSupport

/// Each command's `--help` lists under `--format` exactly the formats it writes, and any other
/// `--format` is a usage error that says what the command writes and what to do instead.
@Suite("--format: --help lists what each command writes; any other is a usage error")
struct FormatHelpTests {
    static let everyFormat = ["table", "csv", "json", "markdown", "html", "xlsx"]

    /// Each command with arguments that pass its other checks and name an input that does not
    /// exist: a format it writes gets past validation to the missing file (exit 1), one it does
    /// not write is refused first (exit 64).
    static let commands: [(name: String, arguments: [String])] = [
        ("fit", ["fit", "missing.csv", "--y", "y", "--x", "x"]),
        ("backtest", ["backtest", "missing.csv", "--horizon", "1"]),
        ("backtest-inyear", ["backtest-inyear", "missing.csv"]),
        ("evaluate", ["evaluate", "missing.csv"]),
        ("forecast", ["forecast", "missing.yaml"]),
        ("variance", ["variance", "missing.csv"]),
        ("compare", ["compare", "missing-a.yaml", "missing-b.yaml"]),
        ("monitor", ["monitor", "missing.yaml"]),
    ]

    /// The `(values: …)` list of the `--format` entry in `planner command --help` (the entry's
    /// text runs on over its indented continuation lines).
    static func formatsInHelp(of command: String) throws -> [String] {
        let run = try PlannerProcess.run([command, "--help"])
        try #require(run.exitCode == 0, "\(run.standardError)")
        let lines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("  --format ") }, "\(command) --help has no --format")
        let entry = ([lines[start]] + lines[(start + 1)...].prefix { $0.hasPrefix("   ") })
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let values = try #require(entry.firstMatch(of: /\(values: ([a-z, ]+)[;)]/), "\(command): \(entry)")
        return values.1.split(separator: ", ").map(String.init)
    }

    @Test("each command's --help lists under --format exactly the formats it does not refuse, in the usual order",
          arguments: FormatHelpTests.commands.map(\.name))
    func helpListsWhatTheCommandWrites(command: String) throws {
        let arguments = try #require(Self.commands.first { $0.name == command }).arguments
        var written: [String] = []
        for format in Self.everyFormat {
            let run = try PlannerRun(arguments + ["--format", format])
            #expect([1, 64].contains(run.result.exitCode), "\(command) --format \(format): \(run.result.standardError)")
            if run.result.exitCode == 1 { written.append(format) }
        }
        #expect(try Self.formatsInHelp(of: command) == written)
        let expected = ["fit": ["table", "json"], "backtest": ["table", "json"], "backtest-inyear": ["table", "json"],
                        "evaluate": ["table", "json", "markdown", "html", "xlsx"]][command] ?? Self.everyFormat
        #expect(written == expected)
    }

    @Test("a format the command does not write: exit 64, naming --format, the value, the command, the formats it writes and a hint",
          arguments: [("fit", "csv"), ("backtest", "markdown"), ("backtest-inyear", "html"), ("evaluate", "csv")])
    func formatNotWritten(command: String, format: String) throws {
        let arguments = try #require(Self.commands.first { $0.name == command }).arguments
        let run = try PlannerRun(arguments + ["--format", format])
        #expect(run.result.exitCode == 64)
        let writes = command == "evaluate" ? "table, json, markdown, html or xlsx" : "table or json"
        let hint = command == "evaluate" ? "use --format xlsx for a spreadsheet, or --rows FILE.csv for every scored line-year as CSV"
            : "use --format json for a file another program reads, or leave --format out for the table"
        #expect(run.result.standardError.hasPrefix("Error: --format \(format): planner \(command) writes \(writes), not \(format); \(hint)\n"),
                "\(run.result.standardError)")
    }

    @Test("a word that is no format at all: exit 64 with the nearest format the command writes")
    func notAFormat() throws {
        let typo = try PlannerRun(["fit", "missing.csv", "--y", "y", "--x", "x", "--format", "jsn"])
        #expect(typo.result.exitCode == 64)
        #expect(typo.result.standardError.hasPrefix("Error: --format 'jsn' is not a format (did you mean 'json'?); planner fit writes table or json\n"),
                "\(typo.result.standardError)")
        // `markdwn` is near markdown, which backtest does not write: no suggestion of it.
        let far = try PlannerRun(["backtest", "missing.csv", "--horizon", "1", "--format", "markdwn"])
        #expect(far.result.exitCode == 64)
        #expect(far.result.standardError.hasPrefix("Error: --format 'markdwn' is not a format; planner backtest writes table or json\n"),
                "\(far.result.standardError)")
    }

    @Test("evaluate --output scores.csv (no --format): exit 64 naming the file, the format its extension asks for and the extensions evaluate takes")
    func evaluateOutputExtension() throws {
        let run = try PlannerRun(["evaluate", "missing.csv", "--output", "scores.csv"])
        #expect(run.result.exitCode == 64)
        #expect(run.result.standardError.hasPrefix(
            "Error: --output scores.csv: its extension asks for csv, but planner evaluate writes table, json, markdown, html or xlsx; "
                + "name the file .txt, .json, .md, .html or .xlsx, or give --format; "), "\(run.result.standardError)")
        // An explicit --format wins over the extension, as for every command.
        #expect(try PlannerRun(["evaluate", "missing.csv", "--output", "scores.csv", "--format", "json"]).result.exitCode == 1)
    }

    @Test("fit --help, as a user reads it on an 80-column terminal")
    func fitHelpGolden() throws {
        // Help is wrapped to COLUMNS when set (else the terminal's width, else 80): fixed here.
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        let run = try PlannerProcess.run(["fit", "--help"], workingDirectory: PlannerRun.scratchFolder(), environment: environment)
        #expect(run.exitCode == 0)
        let transcript = "$ planner fit --help\nexit: \(run.exitCode)\n--- stdout\n\(run.standardOutput)--- stderr\n\(run.standardError)"
        #expect(GoldenFile.check(transcript, named: "fit-help.txt") == nil)
    }
}
