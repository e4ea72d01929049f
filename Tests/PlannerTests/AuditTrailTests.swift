import Foundation
import Testing
import _TestSupport

/// The run record inside every report of every command (issue 9, "Audit trail"; docs/planner.md):
/// the footer of the table and Markdown, JSON's `run`, the page's audit trail and the workbook's Run
/// sheet, each checked against coreutils' `sha256sum` of the input files on disk.
@Suite("the audit trail in every output: footer, JSON run, page and workbook, against sha256sum")
struct AuditTrailTests {
    /// One command on files on disk, and the files it reads.
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let inputs: [String]
        let folder: @Sendable () throws -> URL
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["forecast", "scenario-2022-23.yaml"], inputs: ["scenario-2022-23.yaml", "ledger.csv", "activity.csv"],
             folder: { try PlannerRun.folderWithBundledFiles() }),
        Case(arguments: ["variance", "ledger.csv"], inputs: ["ledger.csv"], folder: { try PlannerRun.folderWithBundledFiles() }),
        Case(arguments: ["compare", "scenario-2022-23.yaml", "scenario-2022-23.yaml"],
             inputs: ["scenario-2022-23.yaml", "ledger.csv", "activity.csv"], folder: { try PlannerRun.folderWithBundledFiles() }),
        Case(arguments: ["evaluate", "history.csv"], inputs: ["history.csv"], folder: { try EvaluateCommandTests.folder() }),
        Case(arguments: ["monitor", "scenario-2022-23.yaml"],
             inputs: ["scenario-2022-23.yaml", "ledger.csv", "activity.csv", MonitorCommandTests.actualsName],
             folder: { try MonitorCommandTests.folder() }),
    ]

    @Test("the table and Markdown end with a footer naming each input with the first 12 hex digits of its SHA-256, the command and the run date",
          arguments: cases)
    func footer(_ test: Case) throws {
        let folder = try test.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["table", "markdown"] {
            let run = try PlannerRun(test.arguments + ["--format", format], in: folder)
            try #require(run.result.exitCode == 0, "\(run.result.standardError)")
            let text = run.result.standardOutput
            // The footer is the end of the report: nothing of the report after its first line.
            let start = try #require(text.range(of: "\nRun: planner ", options: .backwards), "no footer in \(format)")
            let footer = String(text[start.lowerBound...])
            #expect(footer.contains("Run: planner 0.1.0 \(test.arguments[0]), 2026-11-30T00:00:00Z"), "\(footer)")
            for input in test.inputs {
                let digest = try RunRecordCommandTests.sha256sum(folder.appendingPathComponent(input).path)
                #expect(footer.contains("\(input) sha256 \(digest.prefix(12))…"), "\(format): \(input) \(digest) in \(footer)")
            }
            #expect(footer.contains("Assumptions: "))
            if format == "table" {
                #expect(footer.split(separator: "\n").allSatisfy { $0.count <= 100 }, "a footer line wider than 100 characters")
            }
        }
    }

    @Test("JSON ends with run: every input's full SHA-256 as sha256sum computes it, the command, the run date", arguments: cases)
    func jsonRun(_ test: Case) throws {
        let folder = try test.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PlannerRun(test.arguments + ["--format", "json"], in: folder)
        try #require(run.result.exitCode == 0, "\(run.result.standardError)")
        // run is the last top-level key (the last line indented by exactly two spaces that opens a key).
        let text = run.result.standardOutput
        let lastKey = try #require(text.range(of: "\n  \"", options: .backwards))
        #expect(text[lastKey.lowerBound...].hasPrefix("\n  \"run\": {"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.result.standardOutput.utf8)) as? [String: Any])
        let record = try #require(object["run"] as? [String: Any])
        #expect(record["command"] as? String == test.arguments[0])
        #expect(record["runDate"] as? String == "2026-11-30T00:00:00Z")
        let inputs = try #require(record["inputs"] as? [[String: Any]])
        let digests = Set(inputs.compactMap { $0["sha256"] as? String })
        for input in test.inputs {
            let digest = try RunRecordCommandTests.sha256sum(folder.appendingPathComponent(input).path)
            #expect(digests.contains(digest), "\(input) \(digest)")
            #expect(inputs.contains { ($0["path"] as? String) == input && ($0["sha256"] as? String) == digest })
        }
    }

    @Test("CSV stays one table: no record in it (its record is FILE.run.json)", arguments: [cases[0], cases[1], cases[2], cases[4]])
    func csvHasNoRecord(_ test: Case) throws {
        let folder = try test.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PlannerRun(test.arguments + ["--format", "csv"], in: folder)
        try #require(run.result.exitCode == 0, "\(run.result.standardError)")
        #expect(!run.result.standardOutput.contains("sha256") && !run.result.standardOutput.contains("Run:"))
    }

    @Test("the variance page's audit trail, rendered by Chromium, shows the ledger's full SHA-256 and the run date",
          .enabled(if: ExternalTools.chromium != nil || ExternalTools.required))
    func varianceAuditTrailInChromium() throws {
        let folder = try PlannerRun.folderWithBundledFiles()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PlannerRun(["variance", "ledger.csv", "--format", "html", "--output", "variance.html"], in: folder)
        #expect(run.result.exitCode == 0, "\(run.result.standardError)")
        let text = try DocumentFormatTests.renderedText(folder.appendingPathComponent("variance.html"), folder: folder)
        let digest = try RunRecordCommandTests.sha256sum(folder.appendingPathComponent("ledger.csv").path)
        let trail = try #require(text.range(of: "Audit trail"), "no audit trail")
        let after = String(text[trail.upperBound...])
        #expect(after.contains(digest), "the ledger's SHA-256 \(digest) is not in the audit trail")
        #expect(after.contains("2026-11-30T00:00:00Z") && after.contains("Outturn planner 0.1.0 variance"))
        #expect(after.contains("materiality.percent") && after.contains("1%"))
    }

    @Test("the monitor workbook's Run sheet, read by openpyxl: the run date, and each input's full SHA-256 as sha256sum computes it",
          .enabled(if: ExternalTools.python != nil || ExternalTools.required))
    func monitorRunSheet() throws {
        let folder = try MonitorCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PlannerRun(["monitor", "scenario-2022-23.yaml", "--format", "xlsx", "--output", "m.xlsx"], in: folder)
        #expect(run.result.exitCode == 0, "\(run.result.standardError)")
        let sheets = try DocumentFormatTests.readWorkbook(folder.appendingPathComponent("m.xlsx"))
        #expect(sheets.compactMap { $0["name"] as? String } == ["Monitor", "Assumptions", "Run"])
        let rows = try DocumentFormatTests.records(try #require(sheets.last))
        var values: [String: String] = [:]
        for row in rows {
            if let item = (row["Item"] as? [String: Any])?["value"] as? String {
                values[item] = (row["Value"] as? [String: Any])?["value"] as? String
            }
        }
        #expect(values["Run date"] == "2026-11-30T00:00:00Z")
        #expect(values["Produced by"] == "Outturn planner 0.1.0 monitor")
        #expect(values["simulation.seed"] == "20220401" && values["Seed"] == "20220401")
        for (role, file) in [("scenario", "scenario-2022-23.yaml"), ("ledger", "ledger.csv"),
                             ("actuals_to_date", MonitorCommandTests.actualsName)] {
            let digest = try RunRecordCommandTests.sha256sum(folder.appendingPathComponent(file).path)
            let value = try #require(values["Input: \(role)"], "no row for \(role)")
            #expect(value.hasPrefix(file + ", ") && value.hasSuffix("SHA-256 " + digest), "\(value)")
        }
        // The sidecar is the same record.
        let sidecar = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("m.run.json")))
                                   as? [String: Any])
        #expect(sidecar["runDate"] as? String == values["Run date"])
    }
}
