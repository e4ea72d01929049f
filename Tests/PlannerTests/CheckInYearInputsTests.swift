import Foundation
import Testing
import _TestSupport

/// `planner check` on a scenario with `actuals_to_date`, and the earlier years' monthly sums checked
/// against the ledger (issue 10), through the built binary.
@Suite("planner check: in-year inputs")
struct CheckInYearInputsTests {
    /// The bundled folder with DSD's June 2021 actual (109,359 in the file) raised by `extra` pounds.
    static func folder(raisingDSDJune2021By extra: Int) throws -> URL {
        try MonitorCommandTests.folder(editing: [MonitorCommandTests.actualsName: {
            $0.replacingOccurrences(of: "DSD,2021-06,109359\n", with: "DSD,2021-06,\(109_359 + extra)\n")
        }])
    }

    @Test("the bundled scenario: the actuals file, its months per year and lines, the latest month (monitor's default --as-of), no warnings")
    func bundledInputs() throws {
        let run = try PlannerRun(["check", "scenario-2022-23.yaml"], in: try PlannerRun.folderWithBundledFiles())
        #expect(run.result.exitCode == 0)
        let out = run.result.standardOutput
        #expect(out.contains("actuals to date: actuals-2022-23-month6.csv\n"))
        // Four lines have every month of 2021/22 (Airwave none); all five have April to September 2022.
        #expect(out.contains("  2021/22: all 12 months (2021-04 to 2022-03) for 4 of 5 lines; none for Airwave\n"))
        #expect(out.contains("  2022/23: months 1-6 (2022-04 to 2022-09) for 5 of 5 lines\n"))
        #expect(out.contains("  latest month: 2022-09 (month 6 of 2022/23; planner monitor's default --as-of)\n"))
        #expect(out.contains("  warnings: none\n"))
    }

    @Test("a scenario without actuals_to_date: no in-year section")
    func withoutActuals() throws {
        let folder = try PlannerRun.folderWithBundledFiles(editing: ["scenario-2022-23.yaml": {
            $0.replacingOccurrences(of: "actuals_to_date: actuals-2022-23-month6.csv", with: "")
        }])
        let run = try PlannerRun(["check", "scenario-2022-23.yaml"], in: folder)
        #expect(run.result.exitCode == 0)
        #expect(!run.result.standardOutput.contains("actuals to date"))
    }

    @Test("an earlier year's 12 months £100,000 above the ledger's actual: a warning naming the file's rows, the line and the ledger's row, in check and in monitor's notes (text and JSON); exit 0")
    func monthlySumMismatch() throws {
        let folder = try Self.folder(raisingDSDJune2021By: 100_000)
        // DSD 2021/22: rows 62–73 of the actuals file; the ledger (line 6) has £1,658,077; +100,000 is 6.03% more.
        let expected = "actuals-2022-23-month6.csv:62-73: line 'DSD' 2021/22: its 12 months add up to £1,758,077 "
            + "but ledger.csv:6 has £1,658,077 (6.0% more)"
        let check = try PlannerRun(["check", "scenario-2022-23.yaml"], in: folder)
        #expect(check.result.exitCode == 0)
        #expect(check.result.standardOutput.contains("  warning: " + expected), "\(check.result.standardOutput)")
        let monitor = try PlannerRun(["monitor", "scenario-2022-23.yaml"], in: folder)
        #expect(monitor.result.exitCode == 0)
        #expect(monitor.result.standardOutput.contains("  Note: " + expected), "\(monitor.result.standardOutput)")
        let json = try PlannerRun(["monitor", "scenario-2022-23.yaml", "--format", "json"], in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(json.result.standardOutput.utf8)) as? [String: Any]
        #expect((object?["notes"] as? [String])?.first?.hasPrefix(expected) == true, "\(json.result.standardOutput)")
    }

    @Test("the tolerance is 0.5% of the ledger's actual (£8,290.39 for DSD's £1,658,077): £8,290 more is rounding, £8,291 more a warning")
    func toleranceBoundary() throws {
        let within = try PlannerRun(["check", "scenario-2022-23.yaml"], in: try Self.folder(raisingDSDJune2021By: 8_290))
        #expect(within.result.standardOutput.contains("  warnings: none\n"))
        let beyond = try PlannerRun(["check", "scenario-2022-23.yaml"], in: try Self.folder(raisingDSDJune2021By: 8_291))
        #expect(beyond.result.standardOutput.contains("its 12 months add up to £1,666,368 but ledger.csv:6 has £1,658,077 (0.5% more)"))
    }

    @Test("a line short of a month up to the latest one: a warning that monitor would stop there; check still exits 0")
    func missingTargetMonth() throws {
        let folder = try MonitorCommandTests.folder(editing: [MonitorCommandTests.actualsName: {
            $0.replacingOccurrences(of: "Airwave,2022-06,46269\n", with: "")
        }])
        let run = try PlannerRun(["check", "scenario-2022-23.yaml"], in: folder)
        #expect(run.result.exitCode == 0)
        #expect(run.result.standardOutput.contains("  2022/23: months 1-6 (2022-04 to 2022-09) for 4 of 5 lines; 5 months: 1-2, 4-6 (2022-04 to 2022-09) for Airwave\n"),
                "\(run.result.standardOutput)")
        #expect(run.result.standardOutput.contains("  warning: actuals-2022-23-month6.csv: line 'Airwave' has no actual for 2022-06 (month 3 of 2022/23)"))
    }
}
