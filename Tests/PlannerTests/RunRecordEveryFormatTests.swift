import Foundation
import Testing
import _TestSupport

/// docs/planner.md, *Audit trail*: "The same sidecar is written for every format", by every command
/// that takes `--output` and a scenario or history; here the cases the other tests do not cover.
@Suite("FILE.run.json for evaluate's workbook and for monitor")
struct RunRecordEveryFormatTests {
    /// The record beside `file` in `folder`, parsed.
    static func record(beside file: String, in folder: URL) throws -> [String: Any] {
        let name = (file as NSString).deletingPathExtension + ".run.json"
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("evaluate --output scores.xlsx writes the workbook and scores.run.json with the history's SHA-256")
    func evaluateWorkbookRecord() throws {
        let folder = try EvaluateCommandTests.folder()
        let run = try PlannerProcess.run(["evaluate", "history.csv", "--output", "scores.xlsx"], workingDirectory: folder)
        #expect(run.exitCode == 0, "\(run.standardError)")
        let workbook = try Data(contentsOf: folder.appendingPathComponent("scores.xlsx"))
        #expect(workbook.prefix(2) == Data("PK".utf8))   // a ZIP container
        let record = try Self.record(beside: "scores.xlsx", in: folder)
        #expect(record["command"] as? String == "evaluate")
        let inputs = try #require(record["inputs"] as? [[String: Any]])
        #expect(inputs.first?["sha256"] as? String
                == (try RunRecordCommandTests.sha256sum(folder.appendingPathComponent("history.csv").path)))
    }

    @Test("monitor --output m.csv writes m.run.json naming the monthly actuals among its inputs")
    func monitorRecord() throws {
        let folder = try PlannerRun.folderWithBundledFiles()
        try Data(try Datasets.text("gwent-ict/actuals-2022-23-month6.csv").utf8)
            .write(to: folder.appendingPathComponent("actuals-2022-23-month6.csv"))
        let run = try PlannerProcess.run(["monitor", "scenario-2022-23.yaml", "--output", "m.csv"], workingDirectory: folder)
        #expect(run.exitCode == 0, "\(run.standardError)")
        let record = try Self.record(beside: "m.csv", in: folder)
        #expect(record["command"] as? String == "monitor")
        let roles = try #require(record["inputs"] as? [[String: Any]]).compactMap { $0["role"] as? String }
        #expect(roles.contains("actuals_to_date"), "\(roles)")
    }
}
