import Foundation
import Testing
import _TestSupport
@testable import Outturn

@Suite("HTML report page")
struct ReportPageTests {
    static func bundledReport() throws -> (report: ForecastReport, ledger: Ledger) {
        let resolved = try ResolvedScenario.bundled()
        return (try ForecastReport(resolved), resolved.ledger)
    }

    /// The report as `--format json` prints it (through the one writer).
    static func jsonText(_ report: ForecastReport) throws -> String {
        let sink = StringSink()
        try ForecastReportWriter(format: .json, scenario: report.scenario, sink: sink).write(report)
        return sink.text
    }

    /// The page's `lines` objects from the report's own JSON (what `--format json` prints).
    static func jsonLines(_ report: ForecastReport) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try jsonText(report).utf8)) as? [String: Any])
        let lines = try #require(json["lines"] as? [[String: Any]])
        let total = try #require(json["total"] as? [String: Any])
        return lines + [total]
    }

    @Test("the page is self-contained: no scripts, no links, no fetched fonts or images")
    func selfContained() throws {
        let (report, ledger) = try Self.bundledReport()
        let html = try report.page(ledger: ledger).html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for forbidden in ["<script", "http:", "https:", "src=", "<link", "@import", "url(", "<iframe", "on"+"load="] {
            #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
        }
        #expect(html.contains("@media print") && html.contains("size: A4"))
    }

    @Test("the page is well-formed markup and shows every line's name, projection and RAG in words")
    func showsEveryLine() throws {
        let (report, ledger) = try Self.bundledReport()
        let html = try report.page(ledger: ledger).html()
        let elements = try #require(XMLElements.parse(html))
        let cells = elements.named("td").map(\.text) + elements.named("span").map(\.text)
        for risk in report.lines {
            #expect(elements.contains { $0.name == "th" && $0.attributes["scope"] == "row" && $0.text == risk.lineName })
            #expect(cells.contains(risk.projected.formatted()))
        }
        // One fan chart per line, each with a title and description.
        let svgs = elements.named("svg")
        #expect(svgs.count == report.lines.count)
        #expect(Set(svgs.compactMap { $0.attributes["aria-label"] }).count == report.lines.count)
        // RAG: a badge with the word for every line and the total, coloured by class.
        let badges = elements.filter { $0.name == "span" && ($0.attributes["class"] ?? "").hasPrefix("rag rag-") }
        let tableBadges = badges.filter { ["Red", "Amber", "Green"].contains($0.text) }
        #expect(tableBadges.count >= report.lines.count + 1)
        for badge in badges { #expect(badge.attributes["class"] == "rag rag-" + badge.text.lowercased()) }
    }

    @Test("the summary counts lines by RAG and their budgets add up to the total budget")
    func summaryCounts() throws {
        let (report, _) = try Self.bundledReport()
        let summary = try report.pageSummary()
        #expect(summary.ragCounts.map(\.count).reduce(0, +) == report.lines.count)
        #expect(try Money.sum(summary.ragCounts.map(\.amount)) == report.total.budget)
        #expect(summary.status?.rag == report.total.rag)
    }

    @Test("hostile text is escaped everywhere on the page")
    func escapesText() throws {
        let page = ReportPage(title: "A&B <script>", subtitle: "&amp; stays literal",
                              summary: PageSummary(figures: [.init(label: "<b>", value: .text("\"q\""))]),
                              sections: [PageSection(heading: "<h>", content: .notes([.init(subject: "&lt;", text: "x<y")])),
                                         PageSection(heading: "t", content: .table(DocumentTable(
                                            title: "<c>", columns: ["<col>"], rows: [[.text("a\u{0}b")]]), note: "<n>"))])
        let html = page.html()
        #expect(!html.contains("<script") && !html.contains("<b>") && !html.contains("<col>"))
        let elements = try #require(XMLElements.parse(html))
        #expect(elements.named("h1").first?.text == "A&B <script>")
        #expect(elements.named("p").first?.text == "&amp; stays literal")
        #expect(elements.named("dt").first?.text == "&lt;")
        #expect(elements.contains { $0.name == "th" && $0.attributes["scope"] == "row" && $0.text == "ab" })
    }

    @Test("the bundled workbook, read by openpyxl, holds each line's projection equal to the JSON to the penny",
          .enabled(if: ExternalTools.python != nil || ExternalTools.required))
    func workbookMatchesJSON() throws {
        let python = try #require(ExternalTools.python, "no Python with openpyxl: \(ExternalTools.installHint)")
        let (report, _) = try Self.bundledReport()
        let folder = try ExternalTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("forecast.xlsx")
        let run = try ResolvedScenario.bundled().runRecord(command: "forecast", plannerVersion: "0.1.0", runDate: "2026-11-30T00:00:00Z")
        try report.workbook(run: run).write(to: file.path, refusingToOverwrite: [])
        let script = Datasets.repositoryRoot.appendingPathComponent("scripts/report-checks/read_workbook.py").path
        let result = try ExternalTools.run(python, [script, file.path])
        try #require(result.status == 0, "openpyxl failed: \(result.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let sheets = try #require(json["sheets"] as? [[String: Any]])
        #expect(sheets.compactMap { $0["name"] as? String } == ["Forecast", "Activity", "Assumptions", "Run"])
        let rows = try #require(sheets[0]["cells"] as? [[Any]])
        let header = rows[0].compactMap { ($0 as? [String: Any])?["value"] as? String }
        let (lineColumn, budgetColumn, projectedColumn, pColumn, ragColumn) = (header.firstIndex(of: "Line")!,
            header.firstIndex(of: "Budget")!, header.firstIndex(of: "Projected")!, header.firstIndex(of: "P(overspend)")!,
            header.firstIndex(of: "RAG")!)
        let expected = try Self.jsonLines(report)
        try #require(rows.count == expected.count + 1)
        for (row, line) in zip(rows.dropFirst(), expected) {
            func value(_ column: Int) -> Any? { (row[column] as? [String: Any])?["value"] }
            #expect(value(lineColumn) as? String == line["line"] as? String)
            // To the penny: both as whole pence.
            let pence = { (any: Any?) in ((any as? NSNumber)?.doubleValue).map { ($0 * 100).rounded() } }
            #expect(pence(value(projectedColumn)) == pence(line["projected"]) && pence(value(projectedColumn)) != nil)
            #expect(pence(value(budgetColumn)) == pence(line["budget"]))
            #expect(abs((value(pColumn) as? Double ?? -1) - (line["probabilityOfOverspend"] as? Double ?? -2)) < 5e-5)
            #expect(value(ragColumn) as? String == line["rag"] as? String)
            #expect((row[projectedColumn] as? [String: Any])?["format"] as? String == WorkbookStyle.moneyFormat)
        }
        #expect(sheets[0]["freeze"] as? String == "A2")
        #expect(sheets[0]["filter"] as? String == "A1:\(WorkbookXML.columnName(header.count - 1))\(report.lines.count + 1)")
    }

    @Test("headless Chromium renders the bundled report: no console errors, a non-blank screenshot, the JSON's figures in the text",
          .enabled(if: (ExternalTools.chromium != nil && ExternalTools.python != nil) || ExternalTools.required))
    func chromiumRendersTheReport() throws {
        let chromium = try #require(ExternalTools.chromium, "no chromium: \(ExternalTools.installHint)")
        let python = try #require(ExternalTools.python, "no Python: \(ExternalTools.installHint)")
        let (report, ledger) = try Self.bundledReport()
        let folder = try ExternalTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html"), shot = folder.appendingPathComponent("report.png")
        try report.page(ledger: ledger).write(to: page.path, refusingToOverwrite: [])
        // No network at all (the markup is checked for references above); Chromium's own services are off.
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                      "--disable-background-networking", "--disable-component-update", "--disable-sync",
                      "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + folder.appendingPathComponent("profile").path]
        let shotRun = try ExternalTools.run(chromium, common + ["--enable-logging=stderr", "--v=0", "--hide-scrollbars",
                                                                "--window-size=1100,1600", "--force-device-scale-factor=0.5",
                                                                "--screenshot=" + shot.path, page.absoluteString])
        try #require(FileManager.default.fileExists(atPath: shot.path), "no screenshot: \(shotRun.standardError)")
        let consoleLines = shotRun.standardError.split(separator: "\n").filter {
            $0.contains("CONSOLE") || $0.contains("Uncaught")
        }
        #expect(consoleLines.isEmpty, "\(consoleLines)")

        // The screenshot: the page's size, mostly drawn on (not blank), with the RAG badge colours.
        let stats = try ExternalTools.run(python, [Datasets.repositoryRoot.appendingPathComponent("scripts/report-checks/png_stats.py").path,
                                                   shot.path, "F4C7C3", "FFE0B2", "C8E6C9", "6BAED6"])
        let png = try #require(try JSONSerialization.jsonObject(with: stats.standardOutput) as? [String: Any], "\(stats.standardError)")
        // Half scale (1100 × 1600 CSS pixels) keeps the standard-library PNG decoder quick.
        #expect(png["width"] as? Int == 550 && png["height"] as? Int == 800)
        #expect((png["nonWhite"] as? Double ?? 0) > 0.03)
        let colours = try #require(png["colours"] as? [String: Int])
        for rag in Set(report.lines.map(\.rag) + [report.total.rag]) {
            let code = ["red": "F4C7C3", "amber": "FFE0B2", "green": "C8E6C9"][rag.rawValue]!
            #expect((colours[code] ?? 0) > 50, "no \(rag.rawValue) badge pixels in the screenshot")
        }
        #expect((colours["6BAED6"] ?? 0) > 200, "no 80% band pixels in the screenshot")

        // The rendered DOM's text has each line's name and its JSON figures as the page writes them.
        let dom = try ExternalTools.run(chromium, common + ["--dump-dom", page.absoluteString])
        let text = String(decoding: dom.standardOutput, as: UTF8.self)
        for line in try Self.jsonLines(report) {
            let name = try #require(line["line"] as? String)
            #expect(text.contains(Markup.escaped(name)))
            for key in ["budget", "projected", "expectedOverspend"] {
                let pounds = try #require((line[key] as? NSNumber)?.doubleValue)
                #expect(text.contains(try #require(Money(roundingPounds: pounds)).formatted()), "\(name) \(key)")
            }
            let probability = try #require(line["probabilityOfOverspend"] as? Double)
            #expect(text.contains(Markup.escaped(ReportCell.probability(probability).display)))
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try Self.jsonText(report).utf8)) as? [String: Any])
        let activity = try #require(json["activity"] as? [[String: Any]])
        #expect(activity.count == report.activity.count)
        for series in activity {
            let forecast = try #require((series["forecast"] as? NSNumber)?.doubleValue)
            #expect(text.contains(Markup.escaped(try #require(series["series"] as? String))))
            #expect(text.contains(ReportCell.quantity(forecast).display), "activity \(series)")
        }
        // Printed, it comes out on A4 pages (595 × 842 pt).
        let pdf = folder.appendingPathComponent("report.pdf")
        _ = try ExternalTools.run(chromium, common + ["--no-pdf-header-footer", "--print-to-pdf=" + pdf.path, page.absoluteString])
        let pdfText = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        let boxes = pdfText.components(separatedBy: "/MediaBox [").dropFirst().map {
            $0.prefix { $0 != "]" }.split(separator: " ").compactMap { Double($0) }
        }
        #expect(!boxes.isEmpty)
        for box in boxes { #expect(box.count == 4 && abs(box[2] - 595) < 2 && abs(box[3] - 842) < 2, "\(box)") }
        if let keep = ProcessInfo.processInfo.environment["OUTTURN_KEEP_REPORT"] {
            try? FileManager.default.removeItem(atPath: keep + ".png")
            try FileManager.default.copyItem(at: shot, to: URL(fileURLWithPath: keep + ".png"))
            try? FileManager.default.removeItem(atPath: keep + ".html")
            try FileManager.default.copyItem(at: page, to: URL(fileURLWithPath: keep + ".html"))
        }
    }
}

@Suite("Variance documents")
struct VarianceDocumentTests {
    static func bundled() throws -> VarianceReport {
        try VarianceReport(ledger: try Ledger(csv: BundledData.ledger, fileName: BundledData.ledgerName))
    }

    @Test("the variance page shows the report's total variance (−£79,880) and one bar per line, labelled in words")
    func variancePage() throws {
        let report = try Self.bundled()
        let html = try report.page(ledgerFile: BundledData.ledgerName).html()
        let elements = try #require(XMLElements.parse(html))
        #expect(elements.contains { $0.attributes["class"] == "figure-value" && $0.text == "-£79,880" })
        let bars = elements.filter { ($0.attributes["class"] ?? "").hasPrefix("bar ") }
        #expect(bars.count == report.lines.count)
        for line in report.lines {
            #expect(elements.named("text").contains { $0.text == "\(line.variance.formatted()) \(line.status.rawValue)" })
        }
    }

    @Test("the variance workbook keeps variances as numbers to the penny and the status as text")
    func varianceWorkbook() throws {
        let report = try Self.bundled()
        let table = try report.workbook().sheets[0].table
        #expect(table.rows.count == report.lines.count && table.footer.count == 1)
        for (row, line) in zip(table.rows, report.lines) {
            #expect(row[3] == .money(line.variance) && row[5] == .text(line.status.rawValue))
        }
    }
}

@Suite("Chart limits for large ledgers")
struct ChartLimitTests {
    @Test("a large forecast charts only the lines with the largest expected overspend, in ledger order, and says so")
    func fanChartsAreCapped() throws {
        let (bundled, _) = try ReportPageTests.bundledReport()
        let template = bundled.lines[0]
        // 45 lines whose expected overspend is a scrambled order of 0…44 thousand pounds.
        let lines = (0..<45).map { index in
            RiskAssessment(lineName: "Line \(index)",
                           figures: RiskFigures(budget: template.budget, projected: template.projected,
                                                intervals: template.intervals,
                                                probabilityOfOverspend: template.probabilityOfOverspend,
                                                expectedOverspend: Money(pounds: Int64((index * 7) % 45) * 1_000),
                                                budgetNeeded: template.budgetNeeded,
                                                budgetNeededConfidence: template.budgetNeededConfidence, rag: template.rag),
                           method: template.method, reason: template.reason)
        }
        let report = ForecastReport(year: bundled.year, scenario: bundled.scenario, lines: lines, total: bundled.total,
                                    activity: [])
        let charted = report.chartedLines
        #expect(charted.count == ForecastReport.maxFanCharts)
        // The 30 largest of 0…44 thousand are 15…44 thousand.
        #expect(charted.allSatisfy { $0.expectedOverspend >= Money(pounds: 15_000) })
        let order = charted.map { Int($0.lineName.dropFirst(5))! }
        #expect(order == order.sorted())
        let elements = try #require(XMLElements.parse(try report.page(ledger: nil).html()))
        #expect(elements.named("svg").count == ForecastReport.maxFanCharts)
        #expect(elements.named("p").contains { $0.text.hasPrefix("Fan charts of the 30 lines (of 45)") })
        #expect(elements.named("tbody").isEmpty == false && elements.named("tr").count >= 45 + 2)
    }

    @Test("a large variance report charts the largest variances either way and says so")
    func varianceBarsAreCapped() throws {
        var csv = "line,year,budget,actual\n"
        for index in 0..<40 { csv += "Line \(index),2021/22,100000,\(100_000 + (index % 2 == 0 ? 1 : -1) * index * 1_000)\n" }
        let report = try VarianceReport(ledger: try Ledger(csv: csv, fileName: "big.csv"))
        let charted = report.chartedLines
        #expect(charted.count == VarianceReport.maxBars)
        #expect(Set(charted.map(\.lineName)) == Set((10..<40).map { "Line \($0)" }))
        let elements = try #require(XMLElements.parse(try report.page(ledgerFile: "big.csv").html()))
        #expect(elements.filter { ($0.attributes["class"] ?? "").hasPrefix("bar ") }.count == VarianceReport.maxBars)
        #expect(elements.named("p").contains { $0.text.hasPrefix("The 30 largest variances (of 40 lines)") })
    }
}
