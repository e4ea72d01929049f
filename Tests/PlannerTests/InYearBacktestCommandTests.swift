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

    @Test("--split-evenly-over 3 on a pattern repeating by quarter changes nothing at quarter ends; 5 does not divide 12 (exit 64)")
    func splitEvenly() throws {
        let path = try BacktestCommandTests.csv(Self.repeating)
        let monthly = try PlannerProcess.run(["backtest-inyear", path, "--checkpoints", "3,6,9", "--format", "json"])
        let split = try PlannerProcess.run(["backtest-inyear", path, "--checkpoints", "3,6,9", "--format", "json",
                                            "--split-evenly-over", "3"])
        #expect(split.exitCode == 0, "\(split.standardError)")
        // The run rate's error at quarter ends depends only on the quarters' totals.
        for month in [3, 6, 9] {
            let key = "\"month\": \(month), \"method\": \"run-rate\", \"medianAPE\": "
            let value = { (text: String) in text.components(separatedBy: key).dropFirst().first?.prefix(8) }
            #expect(value(split.standardOutput) != nil && value(split.standardOutput) == value(monthly.standardOutput), "month \(month)")
        }
        let bad = try PlannerProcess.run(["backtest-inyear", path, "--split-evenly-over", "5"])
        #expect(bad.exitCode == 64)
        #expect(bad.standardError.contains("--split-evenly-over must divide --periods-per-year (12)"))
    }
}
