import Foundation
import Testing
import _TestSupport

/// Hostile input through the built planner (issue 12): a clear `FILE:LINE:` error and exit 1, or
/// output that is safe to show; never a trap, a hang or control codes on the terminal.
@Suite("planner hostile input")
struct HostileInputTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = try PlannerRun.scratchFolder()
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    static let ledger = "line,year,budget,actual\nAirwave,2021/22,763042,523233\n\"Evil\u{1B}[2J\u{1B}]0;pwned\u{7}\",2021/22,100,50\n\"Two\nrows\",2021/22,100,100\n"

    @Test("an alias bomb used as a mapping key is refused at once, naming the file and line")
    func aliasBomb() throws {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h", "i"], ["a", "b", "c", "d", "e", "f", "g", "h"]) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        yaml += "? *i\n: 1\n"
        let folder = try Self.folder(["bomb.yaml": yaml])
        let result = try PlannerRun(["check", "bomb.yaml"], in: folder).result
        #expect(result.exitCode == 1)
        #expect(result.standardError.hasPrefix("bomb.yaml:1: YAML anchors (&name) are not allowed in a scenario\n  hint: hand-written budget files do not need them"),
                "\(result.standardError)")
    }

    @Test("escape sequences and newlines in line names are escaped in the table; CSV and JSON keep them exactly")
    func namesInReports() throws {
        let folder = try Self.folder(["ledger.csv": Self.ledger])
        let table = try PlannerRun(["variance", "ledger.csv"], in: folder).result
        #expect(table.exitCode == 0, "\(table.standardError)")
        #expect(!table.standardOutput.contains("\u{1B}"))
        #expect(table.standardOutput.contains("Evil\\u{1B}[2J\\u{1B}]0;pwned\\u{7}"))
        #expect(table.standardOutput.contains("Two\\u{A}rows"))
        // One row per line: heading, rule, three lines, rule, total.
        let rows = table.standardOutput.split(separator: "\n").filter { $0.hasPrefix("Airwave") || $0.hasPrefix("Evil") || $0.hasPrefix("Two") }
        #expect(rows.count == 3)
        let csv = try PlannerRun(["variance", "ledger.csv", "--format", "csv"], in: folder).result
        #expect(csv.standardOutput.contains("\"Two\nrows\",100,100,0,"))
        #expect(csv.standardOutput.contains("Evil\u{1B}[2J\u{1B}]0;pwned\u{7},100,50"))
        let json = try PlannerRun(["variance", "ledger.csv", "--format", "json"], in: folder).result
        #expect(json.standardOutput.contains(#""line": "Evil\u001b[2J\u001b]0;pwned\u0007""#))
        #expect(json.standardOutput.contains(#""line": "Two\nrows""#))
    }

    @Test("a name holding the table spool's separator bytes (0x1E, 0x1F) cannot add a column to the forecast table")
    func spoolSeparatorsInNames() throws {
        let folder = try Self.folder([
            "ledger.csv": "line,year,budget,actual\n\"A\u{1F}B\",2021/22,1000,900\n\"C\u{1E}D\",2021/22,2000,2100\n",
            "s.yaml": "ledger: ledger.csv\ntarget_year: 2022/23\nunlisted_lines: hold_latest_budget\n",
        ])
        let result = try PlannerRun(["forecast", "s.yaml"], in: folder).result
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("A\\u{1F}B"))
        #expect(result.standardOutput.contains("  C\\u{1E}D: "))
    }

    @Test("a NUL byte or an escape in a bad amount is shown escaped in the error, which names the file and line")
    func controlCharactersInErrors() throws {
        let folder = try Self.folder(["ledger.csv": "line,year,budget,actual\nA,2021/22,1\u{0}x,2\nB,2021/22,1\u{1B}[2J,2\n"])
        let result = try PlannerRun(["variance", "ledger.csv"], in: folder).result
        #expect(result.exitCode == 1)
        #expect(result.standardError.hasPrefix("ledger.csv:2: budget '1\\u{0}x' is not an amount"), "\(result.standardError)")
        #expect(!result.standardError.contains("\u{0}"))
    }

    @Test("JSON has no -inf: a variance percentage of a 1p budget is written out in full")
    func jsonHasNoInfinity() throws {
        let folder = try Self.folder(["ledger.csv": "line,year,budget,actual\nTiny,2021/22,0.01,900000000000000\n"])
        let result = try PlannerRun(["variance", "ledger.csv", "--format", "json"], in: folder).result
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(!result.standardOutput.contains("inf") && !result.standardOutput.contains("nan"))
        // (budget − actual) / budget × 100 = (0.01 − 9e14) / 0.01 × 100 = −9e18 (to 4 decimals, exactly).
        #expect(result.standardOutput.contains(#""variancePercent": -9000000000000000000,"#))
    }

    @Test("init writes a template that check reads back, for names with a newline, U+2028 or ESC")
    func initRoundTrip() throws {
        let ledger = Self.ledger + "\"Sep\u{2028}x\",2021/22,5,5\n"
        let folder = try Self.folder(["ledger.csv": ledger])
        let written = try PlannerRun(["init", "ledger.csv", "--output", "scenario.yaml"], in: folder).result
        #expect(written.exitCode == 0, "\(written.standardError)")
        let checked = try PlannerRun(["check", "scenario.yaml"], in: folder).result
        #expect(checked.exitCode == 0, "\(checked.standardError)")
        #expect(checked.standardOutput.contains("Sep\\u{2028}x"))
        #expect(!checked.standardOutput.contains("\u{1B}") && !checked.standardOutput.contains("\u{2028}"))
    }

    @Test("scenario values that were wrongly accepted or refused, each with the file and line",
          arguments: [
            ("target_year: -2022/23\nunlisted_lines: hold_latest_budget\n", "s.yaml:2: target_year '-2022/23' is not a fiscal year"),
            ("target_year: 2022/23\nunlisted_lines: hold_latest_budget\nassumptions:\n  inflation: 0x1p-3\n", "s.yaml:5: inflation '0x1p-3' is not a rate"),
            ("target_year: 2060/61\nunlisted_lines: hold_latest_budget\nassumptions:\n  inflation: 100%\n",
             "s.yaml:2: target_year 2060/61 is 39 years after the ledger's latest year 2021/22"),
            ("target_year: 2022/23\nlines:\n  Airwave: 0\n", "s.yaml:4: line 'Airwave' has a budget of £0"),
            ("target_year: 2022/23\nlines:\n  Airwave: 5\n  Airwave:\n    budget: 6\n", "s.yaml:5: a key appears twice: Airwave"),
          ])
    func scenarioValues(body: String, expected: String) throws {
        let folder = try Self.folder(["ledger.csv": "line,year,budget,actual\nAirwave,2021/22,763042,523233\n",
                                      "s.yaml": "ledger: ledger.csv\n" + body])
        let result = try PlannerRun(["check", "s.yaml"], in: folder).result
        #expect(result.exitCode == 1)
        #expect(result.standardError.hasPrefix(expected), "\(result.standardError)")
    }

    @Test("budget_needed: 99.9% is accepted (the documented range includes its ends)")
    func budgetNeededTop() throws {
        let folder = try Self.folder(["ledger.csv": "line,year,budget,actual\nAirwave,2021/22,763042,523233\n",
                                      "s.yaml": "ledger: ledger.csv\ntarget_year: 2022/23\nunlisted_lines: hold_latest_budget\nconfidence:\n  budget_needed: 99.9%\n"])
        let result = try PlannerRun(["check", "s.yaml"], in: folder).result
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("budget needed at:     99.9%"))
    }
}

@Suite("planner hostile arguments")
struct HostileArgumentTests {
    @Test("an escape sequence in an argument is shown escaped in the usage error (exit 64)")
    func escapedUsageErrors() throws {
        for arguments in [["variance", "--year", "20\u{1B}[2J21/22"], ["variance", "--materiality-amount", "\u{1B}]0;x\u{7}"]] {
            let result = try PlannerRun(arguments).result
            #expect(result.exitCode == 64)
            #expect(!result.standardError.contains("\u{1B}"), "\(result.standardError)")
            #expect(result.standardError.contains("\\u{1B}"))
        }
    }
}
