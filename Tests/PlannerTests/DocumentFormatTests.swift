import Foundation
import Testing
import _TestSupport

/// `--format html` and `--format xlsx` through the built binary, opened as a person would: the page
/// in headless Chromium, the workbook in openpyxl; their figures checked against the binary's JSON.
@Suite("planner html and xlsx reports (Chromium, openpyxl)")
struct DocumentFormatTests {
    /// The JSON of `planner arguments --format json` in `folder`.
    static func json(_ arguments: [String], in folder: URL) throws -> [String: Any] {
        let run = try PlannerRun(arguments + ["--format", "json"], in: folder)
        try #require(run.result.exitCode == 0, "\(run.result.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.result.standardOutput.utf8)) as? [String: Any])
    }

    /// Pounds as the page writes them: `£1,234,567`, rounded half away from zero (an independent
    /// formatter, not the planner's).
    static func pounds(_ value: Double) -> String {
        let whole = Int64((abs(value)).rounded(.toNearestOrAwayFromZero))
        var digits = String(whole), grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return (value < 0 && whole > 0 ? "-" : "") + "£" + digits + grouped
    }

    /// The text of `page` as Chromium renders it (its DOM after layout), with no console errors.
    static func renderedText(_ page: URL, folder: URL) throws -> String {
        let chromium = try #require(ExternalTools.chromium, "no chromium: \(ExternalTools.installHint)")
        let switches = ExternalTools.chromiumSwitches(profileIn: folder)
        let dom = try ExternalTools.run(chromium, switches + ["--enable-logging=stderr", "--v=0", "--dump-dom", page.absoluteString])
        try #require(dom.status == 0, "chromium failed: \(dom.standardError)")
        let console = dom.standardError.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        #expect(console.isEmpty, "\(console)")
        let text = String(decoding: dom.standardOutput, as: UTF8.self)
        try #require(text.contains("</html>"), "no page rendered")
        return text
    }

    @Test("the bundled report: one self-contained file that Chromium renders with every line's name and projected spend from the JSON",
          .enabled(if: ExternalTools.chromium != nil || ExternalTools.required))
    func bundledHTMLReport() throws {
        let folder = try PlannerRun.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PlannerRun(["forecast", "--format", "html", "--output", "report.html"], in: folder)
        #expect(run.result.exitCode == 0 && run.result.standardOutput.isEmpty, "\(run.result.standardError)")
        let page = folder.appendingPathComponent("report.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        // Opens from an email attachment: nothing is fetched and nothing runs.
        for reference in ["http:", "https:", "//", "<script", "src=", "<link", "@import", "url("] {
            #expect(!html.lowercased().contains(reference), "the page contains \(reference)")
        }
        let text = try Self.renderedText(page, folder: folder)
        let json = try Self.json(["forecast"], in: folder)
        let lines = try #require(json["lines"] as? [[String: Any]])
        try #require(lines.count == 5)
        for line in lines {
            let name = try #require(line["line"] as? String)
            let projected = try #require((line["projected"] as? NSNumber)?.doubleValue)
            #expect(text.contains(name), "\(name) is missing")
            #expect(text.contains(Self.pounds(projected)), "\(name): projected \(Self.pounds(projected)) is missing")
        }
        let total = try #require(json["total"] as? [String: Any])
        #expect(text.contains(Self.pounds(try #require((total["projected"] as? NSNumber)?.doubleValue))))
    }

    @Test("the bundled variance report renders in Chromium with each line's variance from the JSON",
          .enabled(if: ExternalTools.chromium != nil || ExternalTools.required))
    func varianceHTMLReport() throws {
        let folder = try PlannerRun.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PlannerRun(["variance", "--format", "html", "--output", "variance.html"], in: folder)
        #expect(run.result.exitCode == 0, "\(run.result.standardError)")
        let text = try Self.renderedText(folder.appendingPathComponent("variance.html"), folder: folder)
        let json = try Self.json(["variance"], in: folder)
        for line in try #require(json["lines"] as? [[String: Any]]) {
            let variance = try #require((line["variance"] as? NSNumber)?.doubleValue)
            #expect(text.contains(try #require(line["line"] as? String)) && text.contains(Self.pounds(variance)))
        }
    }

    /// The sheets of `file` as openpyxl reads them (scripts/report-checks/read_workbook.py).
    static func readWorkbook(_ file: URL) throws -> [[String: Any]] {
        let python = try #require(ExternalTools.python, "no Python with openpyxl: \(ExternalTools.installHint)")
        let script = Datasets.repositoryRoot.appendingPathComponent("scripts/report-checks/read_workbook.py").path
        let result = try ExternalTools.run(python, [script, file.path])
        try #require(result.status == 0, "openpyxl failed: \(result.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        return try #require(json["sheets"] as? [[String: Any]])
    }

    /// A sheet's rows as objects keyed by the header row's names.
    static func records(_ sheet: [String: Any]) throws -> [[String: Any]] {
        let rows = try #require(sheet["cells"] as? [[Any]])
        let header = rows[0].map { ($0 as? [String: Any])?["value"] as? String ?? "" }
        return rows.dropFirst().map { row in
            var record: [String: Any] = [:]
            for (name, cell) in zip(header, row) { if let cell = cell as? [String: Any] { record[name] = cell } }
            return record
        }
    }

    /// Whole pence of a JSON or workbook number (nil if it is not a number).
    static func pence(_ any: Any?) -> Double? { ((any as? NSNumber)?.doubleValue).map { ($0 * 100).rounded() } }

    @Test("the bundled workbook opens in openpyxl: each projection a £-formatted number equal to the JSON's to the penny, and an Assumptions sheet",
          .enabled(if: ExternalTools.python != nil || ExternalTools.required))
    func bundledWorkbook() throws {
        let folder = try PlannerRun.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PlannerRun(["forecast", "--format", "xlsx", "--output", "forecast.xlsx"], in: folder)
        #expect(run.result.exitCode == 0, "\(run.result.standardError)")
        let sheets = try Self.readWorkbook(folder.appendingPathComponent("forecast.xlsx"))
        #expect(sheets.compactMap { $0["name"] as? String } == ["Forecast", "Activity", "Assumptions", "Run"])
        let json = try Self.json(["forecast"], in: folder)
        let lines = try #require(json["lines"] as? [[String: Any]]), total = try #require(json["total"] as? [String: Any])
        let records = try Self.records(sheets[0])
        try #require(records.count == lines.count + 1)
        for (record, line) in zip(records, lines + [total]) {
            let projected = record["Projected"] as? [String: Any]
            #expect((record["Line"] as? [String: Any])?["value"] as? String == line["line"] as? String)
            #expect(Self.pence(projected?["value"]) != nil && Self.pence(projected?["value"]) == Self.pence(line["projected"]))
            #expect((projected?["format"] as? String)?.contains("£") == true)
            #expect((record["RAG"] as? [String: Any])?["value"] as? String == line["rag"] as? String)
        }
        let assumptions = try Self.records(sheets[2])
        #expect(assumptions.contains { ($0["Assumption"] as? [String: Any])?["value"] as? String == "Inflation" })
    }

    @Test("the variance workbook holds each variance as a number equal to the JSON's to the penny",
          .enabled(if: ExternalTools.python != nil || ExternalTools.required))
    func varianceWorkbook() throws {
        let folder = try PlannerRun.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PlannerRun(["variance", "--format", "xlsx", "--output", "variance.xlsx"], in: folder)
        #expect(run.result.exitCode == 0, "\(run.result.standardError)")
        let sheets = try Self.readWorkbook(folder.appendingPathComponent("variance.xlsx"))
        #expect(sheets.compactMap { $0["name"] as? String } == ["Variance", "Run"])
        let lines = try #require(try Self.json(["variance"], in: folder)["lines"] as? [[String: Any]])
        let records = try Self.records(sheets[0])
        for (record, line) in zip(records, lines) {
            #expect(Self.pence((record["Variance"] as? [String: Any])?["value"]) == Self.pence(line["variance"]))
        }
    }

    @Test("a workbook to standard output is the same bytes as with --output when redirected; a run that fails leaves no file")
    func workbookToRedirectedOutput() throws {
        let folder = try PlannerRun.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try PlannerRun(["forecast", "--format", "xlsx", "--output", "forecast.xlsx"], in: folder)
        #expect(file.result.exitCode == 0)
        // The same run date as PlannerRun's (the workbook's Run sheet records it).
        let piped = try ExternalTools.run(URL(fileURLWithPath: "/usr/bin/env"),
                                          ["OUTTURN_RUN_DATE=2026-11-30", PlannerProcess.executableURL.path, "forecast", "--format", "xlsx"])
        #expect(piped.status == 0)
        #expect(piped.standardOutput == (try Data(contentsOf: folder.appendingPathComponent("forecast.xlsx"))))
        // "PK": a zip container, not text.
        #expect(piped.standardOutput.prefix(2) == Data("PK".utf8))
        let missing = try PlannerRun(["forecast", "missing.yaml", "--format", "xlsx", "--output", "broken.xlsx"], in: folder)
        #expect(missing.result.exitCode == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("broken.xlsx").path))
    }
}
