import Foundation
import Testing
import _TestSupport

/// `planner backtest` run as a built binary: output, skipped series and errors with line numbers.
@Suite("planner backtest")
struct BacktestCommandTests {
    /// Writes `text` to a fresh temporary CSV and returns its path.
    static func csv(_ text: String, name: String = "series.csv") throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("outturn-backtest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Seconds vary from run to run: replaced by 0 before comparing with the golden file.
    static func withoutSeconds(_ json: String) -> String {
        json.replacingOccurrences(of: #""seconds": [0-9.e+-]+"#, with: #""seconds": 0"#, options: .regularExpression)
    }

    // Series A: training 10, 12, 11 and test 13, 14; series B: training 100, 90 and test 80, 90.
    // Naive by hand: sMAPE = (200·2/24 + 200·3/25 + 200·10/170 + 0)/4 = 13.1078 %,
    // MASE = ((2.5/1.5) + (5/10))/2 = 1.08333.
    static let tiny = "series,period,value\nA,1,10\nA,2,12\nA,3,11\nA,4,13\nA,5,14\nB,2,90\nB,1,100\nB,3,80\nB,4,90\n"

    @Test("JSON for a tiny file matches the golden file (seconds excluded)")
    func tinyJSON() throws {
        let path = try Self.csv(Self.tiny)
        let result = try PlannerProcess.run(["backtest", path, "--horizon", "2", "--method", "naive,drift,auto", "--format", "json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        #expect(GoldenFile.check(Self.withoutSeconds(result.standardOutput), named: "backtest-tiny.json") == nil)
        #expect(result.standardOutput.contains(#""method": "naive", "smape": 13.1078, "mase": 1.08333"#))
    }

    @Test("--intervals model-based scores the analytic intervals")
    func modelBasedIntervals() throws {
        let path = try Self.csv(Self.tiny)
        let result = try PlannerProcess.run(["backtest", path, "--horizon", "2", "--method", "naive",
                                             "--intervals", "model-based", "--format", "json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        // Naive, σ² = mean squared change: A 2.5, B 100; 80% half-width 1.2816·σ·√h.
        // A: [8.97, 13.03] holds 13, [8.13, 13.87] misses 14; B: [77.2, 102.8] holds 80, ±18.1 holds 90.
        #expect(result.standardOutput.contains(#""coverage80": 0.75"#))
    }

    @Test("a 3-point series is fitted with the naive family at horizon 1 and skipped at horizon 2")
    func threePoints() throws {
        let path = try Self.csv("series,period,value\nS,1,5\nS,2,7\nS,3,8\n")
        let one = try PlannerProcess.run(["backtest", path, "--horizon", "1", "--method", "auto,damped", "--format", "json"])
        #expect(one.exitCode == 0)
        // Training 5, 7 → naive forecast 7 against 8: sMAPE 200/15, MASE 1/2.
        #expect(one.standardOutput.contains(#""method": "auto", "smape": 13.3333, "mase": 0.5"#))
        #expect(one.standardOutput.contains(#""method": "damped", "smape": 13.3333, "mase": 0.5"#))
        let two = try PlannerProcess.run(["backtest", path, "--horizon", "2", "--format", "json"])
        #expect(two.exitCode == 0)
        #expect(two.standardOutput.contains(#""skipped": {"shorter than horizon + 2": 1}"#))
        #expect(two.standardOutput.contains(#""smape": null"#))
        let table = try PlannerProcess.run(["backtest", path, "--horizon", "2"])
        #expect(table.standardOutput.contains("note: 1 series skipped: shorter than horizon + 2"))
    }

    @Test("a constant training part is scored for sMAPE and coverage and left out of MASE, with a note")
    func constantSeries() throws {
        let path = try Self.csv("series,period,value\nF,1,5\nF,2,5\nF,3,5\nF,4,6\nG,1,1\nG,2,2\nG,3,4\nG,4,5\n")
        let result = try PlannerProcess.run(["backtest", path, "--horizon", "1", "--method", "naive"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("note: 1 series with a constant training part"))
    }

    @Test("a gap, a duplicate period and a missing value are errors naming the line")
    func badFiles() throws {
        let gap = try Self.csv("series,period,value\nA,1,10\nA,2,11\nA,4,12\n", name: "gap.csv")
        let gapResult = try PlannerProcess.run(["backtest", gap, "--horizon", "1"])
        #expect(gapResult.exitCode == 1)
        #expect(gapResult.standardError.contains("gap.csv:4: series 'A' jumps from period 2 to 4"))
        let duplicate = try Self.csv("series,period,value\nA,1,10\nA,2,11\nA,2,12\n", name: "dup.csv")
        let duplicateResult = try PlannerProcess.run(["backtest", duplicate, "--horizon", "1"])
        #expect(duplicateResult.exitCode == 1)
        #expect(duplicateResult.standardError.contains("dup.csv:4: series 'A' has period 2 twice (also on line 3)"))
        let missing = try Self.csv("series,period,value\nA,1,10\nA,2,\nA,3,12\n", name: "missing.csv")
        let missingResult = try PlannerProcess.run(["backtest", missing, "--horizon", "1"])
        #expect(missingResult.exitCode == 1)
        #expect(missingResult.standardError.contains("missing.csv:3: series 'A' period 2: column 'value' is empty"))
    }

    @Test("rows interleaved across series and out of period order score the same as the grouped file")
    func interleavedRows() throws {
        let grouped = try Self.csv("series,period,value\nA,1,10\nA,2,12\nA,3,11\nA,4,13\nA,5,14\nB,1,100\nB,2,90\nB,3,80\nB,4,90\n")
        let mixed = try Self.csv("series,period,value\nB,3,80\nA,1,10\nB,1,100\nA,3,11\nA,2,12\nB,2,90\nA,5,14\nB,4,90\nA,4,13\n")
        let arguments = ["--horizon", "2", "--method", "naive,holt,auto", "--format", "json"]
        let a = try PlannerProcess.run(["backtest", grouped] + arguments)
        let b = try PlannerProcess.run(["backtest", mixed] + arguments)
        #expect(a.exitCode == 0 && b.exitCode == 0)
        #expect(Self.withoutSeconds(a.standardOutput) == Self.withoutSeconds(b.standardOutput))
        // A series that comes back after another one still has its gap found, on the gap's line.
        let gap = try Self.csv("series,period,value\nA,1,10\nB,1,5\nA,2,11\nA,4,12\n", name: "gap2.csv")
        let gapResult = try PlannerProcess.run(["backtest", gap, "--horizon", "1"])
        #expect(gapResult.exitCode == 1)
        #expect(gapResult.standardError.contains("gap2.csv:5: series 'A' jumps from period 2 to 4"))
    }

    @Test("an unknown method is a usage error (exit 64) with the closest name")
    func unknownMethod() throws {
        let path = try Self.csv(Self.tiny)
        let result = try PlannerProcess.run(["backtest", path, "--horizon", "2", "--method", "damp"])
        #expect(result.exitCode == 64)
        #expect(result.standardError.contains("did you mean 'damped'?"))
    }

    @Test("huge values (1e15) give finite scores identical to the same series in small units")
    func hugeValues() throws {
        let small = try Self.csv("series,period,value\nA,1,3.1\nA,2,3.4\nA,3,3.3\nA,4,3.9\nA,5,4.2\nA,6,4.1\nA,7,4.6\nA,8,5.0\n")
        let huge = try Self.csv("series,period,value\nA,1,3.1e15\nA,2,3.4e15\nA,3,3.3e15\nA,4,3.9e15\nA,5,4.2e15\nA,6,4.1e15\nA,7,4.6e15\nA,8,5.0e15\n")
        let arguments = ["--horizon", "2", "--format", "json"]
        let a = try PlannerProcess.run(["backtest", small] + arguments)
        let b = try PlannerProcess.run(["backtest", huge] + arguments)
        #expect(b.exitCode == 0)
        #expect(!b.standardOutput.contains("null"))
        #expect(Self.withoutSeconds(a.standardOutput) == Self.withoutSeconds(b.standardOutput))
    }
}
