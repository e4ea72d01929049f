import Foundation
import Testing
import _TestSupport

/// `planner backtest --season-length M` (issue 10): seasonal methods get M, and MASE is scaled by
/// the in-sample seasonal naive error.
@Suite("planner backtest --season-length")
struct BacktestSeasonLengthTests {
    // Training 10, 20, 30, 40, 12, 21, 33, 41; test 14, 22, 35, 40. Seasonal naive by hand:
    // forecasts 12, 21, 33, 41, errors 2, 1, 2, 1; sMAPE = (400/26 + 200/43 + 400/68 + 200/81)/4
    // = 7.096817 %; seasonal MASE scale = mean(2, 1, 3, 1) = 1.75, MASE = 1.5/1.75 = 0.857143.
    static let quarterly = "series,period,value\n" + [10, 20, 30, 40, 12, 21, 33, 41, 14, 22, 35, 40]
        .enumerated().map { "Q,\($0.offset + 1),\($0.element)" }.joined(separator: "\n") + "\n"

    @Test("seasonal naive scores match the hand computation with the seasonal MASE scale")
    func seasonalNaiveByHand() throws {
        let path = try BacktestCommandTests.csv(Self.quarterly)
        let result = try PlannerProcess.run(["backtest", path, "--horizon", "4", "--season-length", "4",
                                             "--method", "snaive", "--format", "json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains(#""method": "snaive", "smape": 7.09682, "mase": 0.857143"#), "\(result.standardOutput)")
    }

    @Test("a season length below 1 is a usage error (exit 64) that says what it means")
    func invalidSeasonLength() throws {
        let path = try BacktestCommandTests.csv(Self.quarterly)
        let result = try PlannerProcess.run(["backtest", path, "--horizon", "4", "--season-length", "0"])
        #expect(result.exitCode == 64)
        #expect(result.standardError.contains("--season-length must be at least 1"))
    }
}
