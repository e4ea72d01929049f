import Foundation
import Testing
import _TestSupport

/// `planner backtest-inyear` run as a built binary.
@Suite("planner backtest-inyear")
struct InYearBacktestCommandTests {
    // Three identical years of 1…12 (total 78): month 3 to date 6, run rate 24, |24 − 78|/78 = 69.2308%.
    static let repeating = "series,period,value\n" + (0..<36).map { "A,\($0 + 1),\($0 % 12 + 1)" }.joined(separator: "\n") + "\n"

    @Test("JSON reports the hand-computed run-rate error and an exact profile for a repeating pattern")
    func repeatingPattern() throws {
        let path = try BacktestCommandTests.csv(Self.repeating)
        let result = try PlannerProcess.run(["backtest-inyear", path, "--checkpoints", "3", "--format", "json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains(#""month": 3, "method": "run-rate", "medianAPE": 69.2308"#), "\(result.standardOutput)")
        #expect(result.standardOutput.contains(#""yearsScored": 2"#))
    }

    @Test("a checkpoint outside the year is a usage error (exit 64)")
    func badCheckpoint() throws {
        let path = try BacktestCommandTests.csv(Self.repeating)
        let result = try PlannerProcess.run(["backtest-inyear", path, "--checkpoints", "3,12"])
        #expect(result.exitCode == 64)
        #expect(result.standardError.contains("--checkpoints must be whole numbers from 1 to 11"))
    }
}
