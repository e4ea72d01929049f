import Foundation
import Testing
import _TestSupport

/// The text tables of `planner backtest` and `planner backtest-inyear` against golden files, through
/// the one snapshot helper (`GoldenFile`): the layout every report's table shares, the notes under it.
@Suite("backtest tables")
struct BacktestTableTests {
    /// The run time of each method varies: every digit of a row's last field (the `seconds` column)
    /// becomes 0, so the widths are kept and nothing else is touched.
    static func withoutSeconds(table: String) -> String {
        table.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let last = line.split(separator: " ").last, last.allSatisfy({ $0.isNumber || $0 == "." }),
                  last.contains(".") else { return String(line) }
            return line.dropLast(last.count) + String(last.map { $0 == "." ? "." : "0" })
        }.joined(separator: "\n")
    }

    // `tiny` (two scored series), C too short for horizon 2 (skipped), F with a constant training part.
    static let withNotes = BacktestCommandTests.tiny + "C,1,5\nC,2,6\nC,3,7\nF,1,5\nF,2,5\nF,3,5\nF,4,6\nF,5,7\n"

    @Test("backtest's table: a row per method, the skipped and flat series as notes")
    func backtestTable() throws {
        let path = try BacktestCommandTests.csv(Self.withNotes)
        let result = try PlannerProcess.run(["backtest", path, "--horizon", "2", "--method", "naive,drift,auto"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(GoldenFile.check(Self.withoutSeconds(table: result.standardOutput), named: "backtest-table.txt") == nil)
    }

    @Test("the table and the JSON of one run agree: each method's sMAPE, MASE and MSIS, the skipped series' reason")
    func tableAgreesWithJSON() throws {
        let path = try BacktestCommandTests.csv(Self.withNotes)
        let arguments = ["backtest", path, "--horizon", "2", "--method", "naive,drift,auto"]
        let table = try PlannerProcess.run(arguments), json = try PlannerProcess.run(arguments + ["--format", "json"])
        #expect(table.exitCode == 0 && json.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        let rows = table.standardOutput.split(separator: "\n").map { $0.split(separator: " ") }
        for result in results {
            let method = try #require(result["method"] as? String)
            let row = try #require(rows.first { $0.first.map(String.init) == method }, "no row for \(method)")
            for (column, key) in [(1, "smape"), (2, "mase"), (5, "msis")] {
                let shown = try #require(Double(row[column])), value = try #require(result[key] as? Double)
                // The table shows four decimals, the JSON six significant digits.
                #expect(abs(shown - value) <= 0.00005 + 1e-6 * abs(value), "\(method) \(key): \(shown) against \(value)")
            }
        }
        let skipped = try #require(object["skipped"] as? [String: Int])
        #expect(skipped == ["shorter than horizon + 2": 1])
        #expect(table.standardOutput.contains("note: 1 series skipped: shorter than horizon + 2\n"))
    }

    // A repeats 1…12 three times; B grows 10% a year; C has a zero in its second year (skipped).
    static let monthly = "series,period,value\n"
        + (0..<36).map { "A,\($0 + 1),\($0 % 12 + 1)" }.joined(separator: "\n") + "\n"
        + (0..<36).map { "B,\($0 + 1),\(100 + 10 * ($0 / 12) + $0 % 12)" }.joined(separator: "\n") + "\n"
        + (0..<24).map { "C,\($0 + 1),\($0 == 14 ? 0 : 50 + $0 % 12)" }.joined(separator: "\n") + "\n"

    @Test("backtest-inyear's table: a row per month and method, — where a baseline has no interval, skipped years said")
    func inYearTable() throws {
        let path = try BacktestCommandTests.csv(Self.monthly)
        let result = try PlannerProcess.run(["backtest-inyear", path, "--checkpoints", "3,6,9"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(GoldenFile.check(result.standardOutput, named: "backtest-inyear-table.txt") == nil)
    }

    @Test("backtest-inyear with standard output on a full disk is an error naming standard output (it printed unchecked before)")
    func inYearFullDisk() throws {
        let path = try BacktestCommandTests.csv(Self.monthly)
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        for format in ["table", "json"] {
            let result = try OutputSafetyTests.run(["backtest-inyear", path, "--format", format], standardOutput: full)
            #expect(result.exitCode == 1)
            #expect(result.standardError.hasPrefix("standard output: cannot write the output: No space left on device"),
                    "\(result.standardError)")
        }
    }
}
