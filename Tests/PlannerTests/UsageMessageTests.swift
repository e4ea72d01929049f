import Foundation
import Testing
import _TestSupport

/// A bad option value, as a new user types it, is a usage error (exit 64) whose message names the
/// option, the value and what to write instead, never ArgumentParser's "Missing value" for a
/// negative number it took for an option.
@Suite("Bad option values: exit 64 naming the option, the value and a hint")
struct UsageMessageTests {
    /// Arguments (input files need not exist: options are checked first) and the message's start.
    static let cases: [([String], String)] = [
        (["backtest", "x.csv", "--horizon", "-1"], "--horizon must be at least 1, got -1"),
        (["backtest", "x.csv", "--horizon", "1", "--season-length", "-4"], "--season-length must be at least 1 (1 = not seasonal, 4 quarterly, 12 monthly), got -4"),
        (["backtest", "x.csv", "--horizon", "1", "--method", "holtt"], "--method: unknown method 'holtt' (did you mean 'holt'?); methods are naive, "),
        (["fit", "x.csv", "--y", "y", "--x", "a", "--degree", "-2"], "--degree must be between 1 and 30, got -2"),
        (["forecast", "--level", "-1"], "--level must be 1 or more (1 = top-level groups), not -1"),
        (["monitor", "--level", "-1"], "--level must be 1 or more (1 = top-level groups), not -1"),
        (["backtest-inyear", "x.csv", "--checkpoints", "-3"], "--checkpoints must be whole numbers from 1 to 11, e.g. 3,6,9; got '-3'"),
        (["backtest-inyear", "x.csv", "--periods-per-year", "-12"], "--periods-per-year must be at least 2, got -12"),
        (["backtest-inyear", "x.csv", "--split-evenly-over", "-3"], "--split-evenly-over must divide --periods-per-year (12), e.g. 3 for quarters of 12 months; got -3"),
        (["variance", "--materiality-percent", "-5%"], "--materiality-percent '-5%' must be between 0% and 100%; write it as 5% or 5"),
        (["variance", "--materiality-percent", "150"], "--materiality-percent '150' must be between 0% and 100%; write it as 5% or 5"),
        (["variance", "--materiality-amount", "-5"], "--materiality-amount '-5' is below £0; write a size of variance, e.g. 10,000 or £25k"),
        (["variance", "--materiality-amount", "abc"], "--materiality-amount 'abc' is not an amount in pounds; write it as 10,000 or £25k"),
        (["evaluate", "h.csv", "--first", "2021", "--last", "2019"], "--first 2021 is after --last 2019; give the earlier year as --first, or one year as both"),
        // An empty file name names no file (it was `: cannot read ''`, exit 1, a file error with a blank name).
        ([""], "<scenario> '' names no file; give a scenario file such as scenario.yaml, or leave it out for the bundled one"),
        (["forecast", "--output", ""], "--output '' names no file; give a file name, or leave --output out to write to standard output"),
        (["variance", ""], "<ledger> '' names no file; give a ledger CSV such as ledger.csv, or leave it out for the bundled one"),
        (["check", ""], "<scenario> '' names no file; "),
        (["monitor", "", "--output", "m.csv"], "<scenario> '' names no file; "),
        (["compare", "", "b.yaml"], "<a> '' names no file; give scenario A's file, or leave A and B out for the bundled pair"),
        (["compare", "a.yaml", ""], "<b> '' names no file; "),
        (["init", ""], "<ledger> '' names no file; give the ledger CSV, e.g. ledger.csv"),
        (["init", "ledger.csv", "--output", ""], "--output '' names no file; "),
        (["fit", "", "--y", "y", "--x", "x"], "<file> '' names no file; "),
        (["backtest", "", "--horizon", "1"], "<file> '' names no file; "),
        (["backtest-inyear", ""], "<file> '' names no file; "),
        (["evaluate", ""], "<history> '' names no file; "),
        (["evaluate", "h.csv", "--output", ""], "--output '' names no file; "),
        (["evaluate", "h.csv", "--rows", ""], "--rows '' names no file; give a CSV file name, or leave --rows out"),
    ]

    @Test("each bad value is refused with exit 64 and a message naming the option, the value and what to write",
          arguments: UsageMessageTests.cases)
    func refused(arguments: [String], message: String) throws {
        let run = try PlannerRun(arguments)
        #expect(run.result.exitCode == 64)
        #expect(run.result.standardError.hasPrefix("Error: " + message), "\(run.result.standardError)")
        #expect(!run.result.standardError.contains("Missing value"))
    }

    @Test("the same year as --first and --last is one target year, not a usage error")
    func oneYear() throws {
        // The file does not exist: past the options, the run stops at it (exit 1, naming it).
        let run = try PlannerRun(["evaluate", "h.csv", "--first", "2021", "--last", "2021"])
        #expect(run.result.exitCode == 1 && run.result.standardError.hasPrefix("h.csv: "), "\(run.result.standardError)")
    }
}
