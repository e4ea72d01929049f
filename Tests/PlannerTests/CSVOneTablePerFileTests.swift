import Foundation
import Testing
import _TestSupport

/// `forecast --format csv` writes one table per file (issue 9, "CSV output"), so that pandas,
/// Power Query and Excel read each file as it is.
@Suite("forecast CSV: one table per file")
struct CSVOneTablePerFileTests {
    /// The fields of each record of RFC 4180 `text` (quoted fields may hold commas, quotes and newlines).
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = [], fields: [String] = [], field = ""
        var quoted = false, index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if quoted {
                if c == "\"" {
                    let next = text.index(after: index)
                    if next < text.endIndex && text[next] == "\"" { field.append("\""); index = next } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { fields.append(field); field = ""
            } else if c == "\n" { fields.append(field); records.append(fields); fields = []; field = ""
            } else { field.append(c) }
            index = text.index(after: index)
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); records.append(fields) }
        return records
    }

    /// Every record of `text` has as many fields as its header, and there is no blank line.
    static func checkOneTable(_ text: String, _ name: String) {
        let records = Self.records(text)
        #expect(records.count >= 2, "\(name)")
        guard let header = records.first else { return }
        for (number, record) in records.enumerated() {
            #expect(record.count == header.count, "\(name) record \(number + 1): \(record.count) fields, header has \(header.count)")
        }
    }

    @Test("standard output is the lines table alone; a note on standard error says where the activity goes")
    func standardOutput() throws {
        let run = try PlannerRun(["forecast", "--format", "csv"])
        #expect(run.result.exitCode == 0)
        Self.checkOneTable(run.result.standardOutput, "stdout")
        #expect(!run.result.standardOutput.contains("Telephone"))
        #expect(run.result.standardError.contains("FILE-activity.csv"))
    }

    @Test("--output forecast.csv writes the lines to forecast.csv and the activity, with reasons, to forecast-activity.csv")
    func twoFiles() throws {
        let folder = try PlannerRun.scratchFolder()
        let run = try PlannerRun(["forecast", "--format", "csv", "--output", "forecast.csv"], in: folder)
        #expect(run.result.exitCode == 0)
        #expect(run.result.standardOutput.isEmpty && run.result.standardError.isEmpty)
        let lines = try String(contentsOf: folder.appendingPathComponent("forecast.csv"), encoding: .utf8)
        let activity = try String(contentsOf: folder.appendingPathComponent("forecast-activity.csv"), encoding: .utf8)
        Self.checkOneTable(lines, "forecast.csv")
        Self.checkOneTable(activity, "forecast-activity.csv")
        let records = Self.records(activity)
        #expect(records[0].first == "Series" && records[0].last == "Reason")
        #expect(records.dropFirst().map { $0[0] } == ["Telephone", "Self Service", "Closed at first point of contact",
                                                      "Total calls", "First contact resolution"])
        #expect(records.dropFirst().prefix(3).allSatisfy { $0.last!.hasPrefix("3 years: ") })
        // The share is a percentage in the CSV's percent convention, between 0 and 100.
        let share = try #require(Double(records[5][1]))
        #expect(share > 0 && share < 100)
        #expect(Self.records(lines).last?.first == "Total")
        // Nothing else is left in the folder (the temporary files were renamed); the run record
        // goes beside the report (docs/planner.md, *Audit trail*).
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["forecast-activity.csv", "forecast.csv", "forecast.run.json"])
    }

    @Test("the activity file is never written over an input: the run is refused, the input kept and no file left")
    func activityFileNeverOverAnInput() throws {
        let folder = try PlannerRun.folderWithBundledFiles(editing: [
            "scenario-2022-23.yaml": { $0.replacingOccurrences(of: "activity: activity.csv", with: "activity: forecast-activity.csv") },
        ])
        let input = folder.appendingPathComponent("forecast-activity.csv")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("activity.csv"), to: input)
        let before = try Data(contentsOf: input)
        let refused = try PlannerRun(["forecast", "scenario-2022-23.yaml", "--format", "csv", "--output", "forecast.csv"], in: folder)
        #expect(refused.result.exitCode == 1)
        #expect(refused.result.standardError.contains("refusing to overwrite the input file"))
        #expect(try Data(contentsOf: input) == before)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("forecast.csv").path))
    }

    @Test("Markdown shows each activity series' reason")
    func markdownActivityReasons() throws {
        let run = try PlannerRun(["forecast", "--format", "markdown"])
        #expect(run.result.standardOutput.contains("| Series | Forecast | 80% low | 80% high | 95% low | 95% high | Method | Reason |"))
        #expect(run.result.standardOutput.contains("| Telephone | 20,249 |"))
    }
}
