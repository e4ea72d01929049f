import Foundation
import Testing
import _TestSupport

@Suite("planner compare")
struct CompareCommandTests {
    /// `planner compare arguments --format json` in `folder`, parsed.
    static func json(_ arguments: [String], in folder: URL? = nil) throws -> [String: Any] {
        let run = try PlannerRun(["compare"] + arguments + ["--format", "json"], in: folder)
        try #require(run.result.exitCode == 0, "\(run.result.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.result.standardOutput.utf8)) as? [String: Any])
    }

    static func side(_ line: [String: Any], _ key: String) throws -> [String: Any] {
        try #require(line[key] as? [String: Any], "\(line["line"] ?? "?") has no \(key)")
    }

    static func number(_ any: Any?) throws -> Double { try #require((any as? NSNumber)?.doubleValue) }

    @Test("with no arguments: A is the bundled forecast as `planner forecast` gives it, B's budgets are the ledger's 2021/22 actuals")
    func bundledPair() throws {
        let comparison = try Self.json([])
        let lines = try #require(comparison["lines"] as? [[String: Any]])
        #expect(comparison["a"] as? String == "scenario-2022-23.yaml (bundled)")
        #expect(comparison["b"] as? String == "scenario-2022-23-reset.yaml (bundled)")
        // B's budgets: the expenditure column of the report's section 6.1, read from the dataset file itself.
        var actuals: [String: Double] = [:]
        for row in try Datasets.text("gwent-ict/ledger.csv").split(separator: "\n").dropFirst() {
            let fields = row.split(separator: ",")
            if fields[1] == "2021/22" { actuals[String(fields[0])] = Double(fields[3]) }
        }
        #expect(lines.count == 5 && actuals.count == 5)
        let forecast = try DocumentFormatTests.json(["forecast"], in: try PlannerRun.scratchFolder())
        let forecastLines = try #require(forecast["lines"] as? [[String: Any]])
        for (line, single) in zip(lines, forecastLines) {
            let name = try #require(line["line"] as? String)
            #expect(name == single["line"] as? String)
            let a = try Self.side(line, "a"), b = try Self.side(line, "b")
            #expect(try Self.number(b["budget"]) == actuals[name])
            for key in ["budget", "projected", "probabilityOfOverspend"] {
                #expect(try Self.number(a[key]) == (try Self.number(single[key])), "\(name) \(key)")
            }
            #expect(a["rag"] as? String == single["rag"] as? String)
            // Budget reset to what the line spent, and nothing else changed: a lower budget never lowers
            // P(overspend), a higher one never raises it (the budget-execution model's rule, docs/risk.md).
            let (budgetA, budgetB) = (try Self.number(a["budget"]), try Self.number(b["budget"]))
            let (riskA, riskB) = (try Self.number(a["probabilityOfOverspend"]), try Self.number(b["probabilityOfOverspend"]))
            if budgetB < budgetA { #expect(riskB >= riskA, "\(name)") }
            if budgetB > budgetA { #expect(riskB <= riskA, "\(name)") }
        }
        let total = try #require(comparison["total"] as? [String: Any])
        #expect(try Self.number(try Self.side(total, "a")["budget"]) == 9_767_942)   // the report's total budget
        #expect(try Self.number(try Self.side(total, "b")["budget"]) == 9_847_822)   // the report's total expenditure
    }

    @Test("raising one line's budget in B lowers that line's P(overspend) and leaves the others' alone")
    func raisingABudgetLowersItsRisk() throws {
        let folder = try PlannerRun.folderWithBundledFiles()
        let scenario = try String(contentsOf: folder.appendingPathComponent("scenario-2022-23.yaml"), encoding: .utf8)
        let raised = scenario.replacingOccurrences(of: "    budget: £1,026,146", with: "    budget: £1,200,000")
        try #require(raised != scenario)
        try Data(raised.utf8).write(to: folder.appendingPathComponent("raised.yaml"))
        let comparison = try Self.json(["scenario-2022-23.yaml", "raised.yaml"], in: folder)
        let lines = try #require(comparison["lines"] as? [[String: Any]])
        for line in lines {
            let a = try Self.side(line, "a"), b = try Self.side(line, "b")
            let pA = try Self.number(a["probabilityOfOverspend"]), pB = try Self.number(b["probabilityOfOverspend"])
            if line["line"] as? String == "National ICT Services" {
                #expect(try Self.number(b["budget"]) == 1_200_000)
                #expect(pB < pA, "P(overspend) \(pA) → \(pB)")
            } else {
                #expect(pB == pA, "\(line["line"] ?? "?")")
            }
        }
        let total = try #require(comparison["total"] as? [String: Any])
        #expect(try Self.number(try Self.side(total, "b")["probabilityOfOverspend"])
                < (try Self.number(try Self.side(total, "a")["probabilityOfOverspend"])))
    }

    @Test("one scenario alone is a usage error (exit 64); a missing file names itself (exit 1)")
    func usageAndDataErrors() throws {
        let one = try PlannerRun(["compare", "a.yaml"])
        #expect(one.result.exitCode == 64 && one.result.standardError.contains("give two scenarios"))
        let missing = try PlannerRun(["compare", "a.yaml", "b.yaml"])
        #expect(missing.result.exitCode == 1 && missing.result.standardError.hasPrefix("a.yaml"))
    }

    @Test("the comparison as a page in Chromium and a workbook in openpyxl shows the JSON's figures",
          .enabled(if: (ExternalTools.chromium != nil && ExternalTools.python != nil) || ExternalTools.required))
    func documents() throws {
        let folder = try PlannerRun.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try PlannerRun(["compare", "--format", "html", "--output", "compare.html"], in: folder).result.exitCode == 0)
        #expect(try PlannerRun(["compare", "--format", "xlsx", "--output", "compare.xlsx"], in: folder).result.exitCode == 0)
        let comparison = try Self.json([])
        let lines = try #require(comparison["lines"] as? [[String: Any]])
        let text = try DocumentFormatTests.renderedText(folder.appendingPathComponent("compare.html"), folder: folder)
        let sheets = try DocumentFormatTests.readWorkbook(folder.appendingPathComponent("compare.xlsx"))
        #expect(sheets.first?["name"] as? String == "Compare")
        #expect(sheets.contains { $0["name"] as? String == "Assumptions A" } && sheets.contains { $0["name"] as? String == "Assumptions B" })
        let records = try DocumentFormatTests.records(sheets[0])
        try #require(records.count == lines.count + 1)
        for (record, line) in zip(records, lines) {
            let name = try #require(line["line"] as? String)
            for (key, column) in [("a", "A budget"), ("b", "B budget")] {
                let budget = try Self.number(try Self.side(line, key)["budget"])
                #expect(text.contains(DocumentFormatTests.pounds(budget)), "\(name) \(key) budget")
                #expect(DocumentFormatTests.pence((record[column] as? [String: Any])?["value"])
                        == DocumentFormatTests.pence(budget), "\(name) \(column)")
            }
            #expect(text.contains(name))
        }
    }
}
