import Foundation
import Testing
import _TestSupport

/// Input-side hostile cases from issue 12, run through the built binary: each ends with exit 1
/// (data) or 64 (usage) and a `FILE[:LINE]:` message, at once, instead of a trap or a hang.
@Suite("planner on hostile input files")
struct HostileInputFileTests {
    static let directoryMessage = ": is a directory, not a CSV file\n  hint: give the path of a CSV file\n"
    static let specialMessage = ": is not a regular file (a FIFO, socket or device); CSV is read from regular files only\n  hint: save the data to a file and give its path\n"

    @Test("a directory, a FIFO with no writer and /dev/zero as the ledger of variance")
    func varianceSpecialFiles() throws {
        let folder = try PlannerRun.scratchFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("D"), withIntermediateDirectories: true)
        #expect(mkfifo(folder.appendingPathComponent("F").path, 0o600) == 0)
        let directory = try PlannerRun(["variance", "D"], in: folder)
        #expect(directory.result.exitCode == 1)
        #expect(directory.result.standardError == "D" + HostileInputFileTests.directoryMessage)
        for path in ["F", "/dev/zero"] {
            let run = try PlannerRun(["variance", path], in: folder)
            #expect(run.result.exitCode == 1)
            #expect(run.result.standardError == path + HostileInputFileTests.specialMessage)
        }
    }

    @Test("a directory as a scenario's ledger, budgets or activity file", arguments: [
        "ledger: D\ntarget_year: 2022/23\nlines:\n  Airwave: 1m\n",
        "ledger: ledger.csv\ntarget_year: 2022/23\nbudgets: D\n",
        "ledger: ledger.csv\nactivity: D\ntarget_year: 2022/23\nlines:\n  Airwave: 1m\n",
    ])
    func scenarioDirectories(scenario: String) throws {
        let folder = try PlannerRun.folderWithBundledFiles()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("D"), withIntermediateDirectories: true)
        try Data(scenario.utf8).write(to: folder.appendingPathComponent("s.yaml"))
        let run = try PlannerRun(["forecast", "s.yaml"], in: folder)
        #expect(run.result.exitCode == 1)
        #expect(run.result.standardError == "D" + HostileInputFileTests.directoryMessage)
    }

    @Test("a directory as the file of backtest and fit")
    func backtestAndFitDirectories() throws {
        let folder = try PlannerRun.scratchFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("D"), withIntermediateDirectories: true)
        for arguments in [["backtest", "D", "--horizon", "2"], ["fit", "D", "--x", "x", "--y", "y"]] {
            let run = try PlannerRun(arguments, in: folder)
            #expect(run.result.exitCode == 1, "\(arguments)")
            #expect(run.result.standardError == "D" + HostileInputFileTests.directoryMessage, "\(arguments)")
        }
    }

    @Test("an amount near the Int64 limit in pence is a data error at its line")
    func amountNearInt64Limit() throws {
        let folder = try PlannerRun.scratchFolder()
        try Data("line,year,budget,actual\nA,2021/22,-92233720368547758.07,1\n".utf8)
            .write(to: folder.appendingPathComponent("l.csv"))
        let run = try PlannerRun(["variance", "l.csv"], in: folder)
        #expect(run.result.exitCode == 1)
        #expect(run.result.standardError.hasPrefix("l.csv:2: the budget column adds up to more than £46 trillion"))
    }

    @Test("budgets near the Int64 limit in pence are a data error at the budgets file's line")
    func budgetsNearInt64Limit() throws {
        let folder = try PlannerRun.folderWithBundledFiles()
        try Data("ledger: ledger.csv\ntarget_year: 2022/23\nbudgets: b.csv\nunlisted_lines: hold_latest_budget\n".utf8)
            .write(to: folder.appendingPathComponent("s.yaml"))
        try Data("line,budget\nAirwave,92233720368547758.07\n".utf8).write(to: folder.appendingPathComponent("b.csv"))
        let run = try PlannerRun(["forecast", "s.yaml"], in: folder)
        #expect(run.result.exitCode == 1)
        #expect(run.result.standardError.hasPrefix("b.csv:2: the budgets add up to more than £46 trillion"))
    }

    @Test("backtest periods near Int64.max are errors at their line", arguments: [
        ("series,period,value\ns,9223372036854775807,1\ns,9223372036854775807,2\n",
         ":3: series 's' has period 9223372036854775807 twice (also on line 2)"),
        ("series,period,value\ns,-9223372036854775808,1\ns,9223372036854775807,2\n",
         ":3: series 's' jumps from period -9223372036854775808 to 9223372036854775807"),
        ("series,period,value\ns,9223372036854775808,1\n",
         ":2: column 'period' value '9223372036854775808' is not a whole number"),
    ])
    func extremePeriods(text: String, message: String) throws {
        let path = try BacktestCommandTests.csv(text)
        let run = try PlannerRun(["backtest", path, "--horizon", "1"])
        #expect(run.result.exitCode == 1)
        #expect(run.result.standardError.hasPrefix(path + message))
    }

    @Test("--horizon 9223372036854775807 is a usage error")
    func hugeHorizon() throws {
        let path = try BacktestCommandTests.csv(BacktestCommandTests.tiny)
        let run = try PlannerRun(["backtest", path, "--horizon", "9223372036854775807"])
        #expect(run.result.exitCode == 64)
        #expect(run.result.standardError.contains("--horizon must be at most 1000000"))
    }
}
