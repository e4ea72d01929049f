import Foundation
import Testing
import _TestSupport

/// `planner evaluate --format html|xlsx` through the built binary: the page in headless Chromium
/// (no console errors, a screenshot that is not blank, the JSON's figures in the text) and the
/// workbook in openpyxl (the JSON's figures as numbers).
@Suite("planner evaluate as an html page and an xlsx workbook (Chromium, openpyxl)")
struct EvaluateDocumentTests {
    /// A number as the page writes a plain number: four decimals, trailing zeros dropped (an
    /// independent formatter, not the planner's).
    static func plain(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A rate in [0, 1] as the page writes a percentage: one decimal.
    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    static func number(_ any: Any?) throws -> Double { try #require((any as? NSNumber)?.doubleValue) }

    @Test("the evaluate page renders in Chromium with no console errors, a drawn reliability diagram, and every score and bin of the JSON",
          .enabled(if: (ExternalTools.chromium != nil && ExternalTools.python != nil) || ExternalTools.required))
    func htmlPage() throws {
        let folder = try EvaluateCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PlannerRun(["evaluate", "history.csv", "--format", "html", "--output", "evaluation.html"], in: folder)
        #expect(run.result.exitCode == 0 && run.result.standardOutput.isEmpty, "\(run.result.standardError)")
        let page = folder.appendingPathComponent("evaluation.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        for reference in ["http:", "https:", "<script", "src=", "<link", "@import", "url("] {
            #expect(!html.lowercased().contains(reference), "the page contains \(reference)")
        }
        // The screenshot: drawn on, with the diagram's points and line.
        let chromium = try #require(ExternalTools.chromium), python = try #require(ExternalTools.python)
        let shot = folder.appendingPathComponent("evaluation.png")
        let shotRun = try ExternalTools.run(chromium, ExternalTools.chromiumSwitches(profileIn: folder) + [
            "--enable-logging=stderr", "--v=0", "--hide-scrollbars", "--window-size=1100,1600",
            "--force-device-scale-factor=0.5", "--screenshot=" + shot.path, page.absoluteString])
        try #require(FileManager.default.fileExists(atPath: shot.path), "no screenshot: \(shotRun.standardError)")
        let console = shotRun.standardError.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        #expect(console.isEmpty, "\(console)")
        let stats = try ExternalTools.run(python, [Datasets.repositoryRoot.appendingPathComponent("scripts/report-checks/png_stats.py").path,
                                                   shot.path, "08519C"])
        let png = try #require(try JSONSerialization.jsonObject(with: stats.standardOutput) as? [String: Any], "\(stats.standardError)")
        #expect((png["nonWhite"] as? Double ?? 0) > 0.03)
        #expect(((png["colours"] as? [String: Int])?["08519C"] ?? 0) > 30, "no reliability points in the screenshot")

        let text = try DocumentFormatTests.renderedText(page, folder: folder)
        let json = try DocumentFormatTests.json(["evaluate", "history.csv"], in: folder)
        for key in ["brier", "logLoss"] {
            let shown = Self.plain(try Self.number(json[key]))
            #expect(text.contains(shown), "\(key) \(shown) is missing")
        }
        for key in ["overspendRate", "coverage80", "coverage95"] {
            #expect(text.contains(Self.percent(try Self.number(json[key]))), "\(key) is missing")
        }
        let baselines = try #require(json["baselines"] as? [String: Any])
        for key in ["pastOverspendFrequency", "constant"] {
            #expect(text.contains(Self.plain(try Self.number(baselines[key]))), "baseline \(key) is missing")
        }
        let bins = try #require(json["reliability"] as? [[String: Any]])
        try #require(!bins.isEmpty)
        for bin in bins {
            let mean = Self.plain(try Self.number(bin["meanProbability"])), observed = Self.plain(try Self.number(bin["observedRate"]))
            #expect(text.contains(mean) && text.contains(observed), "bin \(bin) is missing")
        }
        // One point of the diagram per non-empty bin.
        let points = html.components(separatedBy: "class=\"bin\"").count - 1
        #expect(points == bins.filter { (($0["count"] as? Int) ?? 0) > 0 }.count)
    }

    @Test("the evaluate workbook opens in openpyxl with the JSON's scores and reliability bins as numbers",
          .enabled(if: ExternalTools.python != nil || ExternalTools.required))
    func workbook() throws {
        let folder = try EvaluateCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try PlannerRun(["evaluate", "history.csv", "--format", "xlsx", "--output", "evaluation.xlsx"], in: folder)
        #expect(run.result.exitCode == 0, "\(run.result.standardError)")
        let sheets = try DocumentFormatTests.readWorkbook(folder.appendingPathComponent("evaluation.xlsx"))
        #expect(sheets.compactMap { $0["name"] as? String } == ["Evaluation", "Reliability", "Run"])
        let json = try DocumentFormatTests.json(["evaluate", "history.csv"], in: folder)
        let scores = try DocumentFormatTests.records(sheets[0])
        let all = try #require(scores.last)
        func value(_ record: [String: Any], _ column: String) throws -> Double {
            try Self.number((record[column] as? [String: Any])?["value"])
        }
        // JSON writes six decimals; the workbook holds the full double.
        #expect(abs(try value(all, "Brier") - (try Self.number(json["brier"]))) < 5e-7)
        #expect(abs(try value(all, "Log loss") - (try Self.number(json["logLoss"]))) < 5e-7)
        #expect(abs(try value(all, "Cover 80%") - (try Self.number(json["coverage80"]))) < 5e-7)
        #expect(((all["Cover 80%"] as? [String: Any])?["format"] as? String)?.contains("%") == true)
        #expect(try value(all, "Line-years") == (try Self.number(json["lineYears"])))
        let bins = try #require(json["reliability"] as? [[String: Any]])
        let rows = try DocumentFormatTests.records(sheets[1])
        try #require(rows.count == bins.count)
        for (row, bin) in zip(rows, bins) {
            #expect(try value(row, "Line-years") == (try Self.number(bin["count"])))
            #expect(abs(try value(row, "Observed") - (try Self.number(bin["observedRate"]))) < 5e-7)
        }
    }

    @Test("--format xlsx to a terminal-less standard output writes the workbook; --format csv stays a usage error")
    func formats() throws {
        let folder = try EvaluateCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let piped = try PlannerRun(["evaluate", "history.csv", "--format", "xlsx"], in: folder)
        #expect(piped.result.exitCode == 0 && piped.result.standardOutput.utf8.starts(with: Array("PK".utf8)))
        #expect(try PlannerRun(["evaluate", "history.csv", "--format", "csv"], in: folder).result.exitCode == 64)
    }
}
