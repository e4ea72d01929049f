import Foundation
import Testing
import _TestSupport

/// What a CSV forecast's reader gets besides its one table (issue 9): the closed lines in the run
/// record beside it and in the workbook, and the activity file's `Unit` column.
@Suite("forecast CSV: closed lines in the record, units in the activity file")
struct ForecastCSVRecordTests {
    @Test("a closed line is in FILE.run.json beside the CSV (lines.NAME.closed), in the footer, and on the workbook's Assumptions sheet")
    func closedLineRecorded() throws {
        let folder = try LedgerShapesTests.fixture("closed-line")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PlannerRun(["forecast", "scenario.yaml", "--output", "f.csv"], in: folder)
        try #require(run.result.exitCode == 0, "\(run.result.standardError)")
        // The CSV stays the lines table: the closed line is not a row of it.
        #expect(!(try String(contentsOf: folder.appendingPathComponent("f.csv"), encoding: .utf8)).contains("Mobile Library"))
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("f.run.json")))
                                  as? [String: Any])
        let assumptions = try #require(record["assumptions"] as? [String: String])
        #expect(assumptions["lines.Mobile Library.closed"] == "left out: last year 2020/21, ledger line 6")
        let table = try PlannerRun(["forecast", "scenario.yaml"], in: folder)
        #expect(table.result.standardOutput.contains("lines.Mobile Library.closed left out: last year 2020/21, ledger line 6"))
        let book = try PlannerRun(["forecast", "scenario.yaml", "--output", "f.xlsx"], in: folder)
        try #require(book.result.exitCode == 0, "\(book.result.standardError)")
        guard ExternalTools.python != nil || ExternalTools.required else { return }
        let sheets = try DocumentFormatTests.readWorkbook(folder.appendingPathComponent("f.xlsx"))
        let assumptionsSheet = try #require(sheets.first { $0["name"] as? String == "Assumptions" })
        let closed = try DocumentFormatTests.records(assumptionsSheet).filter {
            ($0["Assumption"] as? [String: Any])?["value"] as? String == "Closed line"
        }
        #expect(closed.count == 1)
        #expect((closed.first?["Applies to"] as? [String: Any])?["value"] as? String == "Mobile Library")
        #expect((closed.first?["Value"] as? [String: Any])?["value"] as? String == "last 2020/21")
    }

    @Test("the activity CSV has a Unit column: count for counts, percent for a share (as JSON's unit: share says)")
    func activityUnits() throws {
        let folder = try PlannerRun.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PlannerRun(["forecast", "--output", "forecast.csv"], in: folder)
        try #require(run.result.exitCode == 0, "\(run.result.standardError)")
        let text = try String(contentsOf: folder.appendingPathComponent("forecast-activity.csv"), encoding: .utf8)
        CSVOneTablePerFileTests.checkOneTable(text, "forecast-activity.csv")
        let records = CSVOneTablePerFileTests.records(text)
        let unit = try #require(records[0].firstIndex(of: "Unit"))
        #expect(records[0][unit + 1] == "Method")
        let json = try DocumentFormatTests.json(["forecast"], in: folder)
        let activity = try #require(json["activity"] as? [[String: Any]])
        try #require(activity.count == records.count - 1)
        for (record, series) in zip(records.dropFirst(), activity) {
            #expect(record[0] == series["series"] as? String)
            #expect(record[unit] == ((series["unit"] as? String) == "share" ? "percent" : "count"), "\(record[0])")
        }
        #expect(records.dropFirst().map { $0[unit] }.contains("percent") && records.dropFirst().map { $0[unit] }.contains("count"))
    }
}
