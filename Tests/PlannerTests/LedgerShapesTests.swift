import Foundation
import Testing
import _TestSupport

/// Issue 9's ledger shapes through the built binary: income, a new line, a closed line, materiality
/// in the RAG, --sort/--only and the status footer. Inputs: Tests/PlannerTests/Fixtures/<case>/.
@Suite("planner on everyday ledger shapes (golden files)")
struct LedgerShapesTests {
    /// A scratch folder holding the fixture `name`'s files (ledger.csv, scenario.yaml).
    static func fixture(_ name: String) throws -> URL {
        let source = Datasets.repositoryRoot.appendingPathComponent("Tests/PlannerTests/Fixtures/\(name)")
        let folder = try PlannerRun.scratchFolder()
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: folder.appendingPathComponent(file))
        }
        return folder
    }

    @Test("income lines: projected as negative amounts, the risk a shortfall, the total net of the income")
    func incomeForecast() throws {
        let folder = try Self.fixture("income")
        let run = try PlannerRun(["forecast", "scenario.yaml"], in: folder)
        #expect(run.result.exitCode == 0, "\(run.result.standardError)")
        let out = run.result.standardOutput
        #expect(out.contains("Fees and Charges: income, so the risk is a shortfall below budget"))
        #expect(out.contains("Government Grant: income, so the risk is a shortfall below budget"))
        #expect(out.contains("net of £675,000 income"))
        // The total budget nets the income: 1,340,000 − 215,000 − 460,000.
        #expect(out.split(separator: "\n").first { $0.hasPrefix("Total ") }?.contains(" £665,000 ") == true)
        #expect(GoldenFile.check(run.transcript, named: "forecast-income-table.txt") == nil)
        let json = try PlannerRun(["forecast", "scenario.yaml", "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.result.standardOutput.utf8)) as? [String: Any])
        let lines = try #require(object["lines"] as? [[String: Any]])
        #expect(lines.map { $0["kind"] as? String } == ["spending", "income", "income"])
        let fees = lines[1]
        #expect((fees["budget"] as? Double) == -215_000)
        #expect(((fees["projected"] as? Double) ?? 0) < 0)
    }

    @Test("variance: a £20,000 shortfall on a −£210,000 income budget is −£20,000, −9.5%, adverse")
    func incomeVariance() throws {
        let folder = try Self.fixture("income")
        let run = try PlannerRun(["variance", "ledger.csv"], in: folder)
        #expect(run.result.exitCode == 0)
        let fees = try #require(run.result.standardOutput.split(separator: "\n").first { $0.hasPrefix("Fees and Charges") })
        #expect(fees.contains("-£20,000") && fees.contains("-9.5%") && fees.contains("adverse"), "\(fees)")
        #expect(GoldenFile.check(run.transcript, named: "variance-income-table.txt") == nil)
    }

    @Test("init on a ledger with income writes a template that forecast accepts, income negative")
    func incomeTemplate() throws {
        let folder = try Self.fixture("income")
        let initRun = try PlannerRun(["init", "ledger.csv", "--output", "new.yaml"], in: folder)
        #expect(initRun.result.exitCode == 0, "\(initRun.result.standardError)")
        let template = try String(contentsOf: folder.appendingPathComponent("new.yaml"), encoding: .utf8)
        #expect(template.contains("budget: -£210,000   # income"))
        let run = try PlannerRun(["forecast", "new.yaml"], in: folder)
        #expect(run.result.exitCode == 0, "\(run.result.standardError)")
    }

    @Test("a sign slip is an error naming the scenario line: income budgeted positive, kind: income with a positive budget")
    func incomeSignSlips() throws {
        let folder = try Self.fixture("income")
        try Data("ledger: ledger.csv\ntarget_year: 2022/23\nlines:\n  Staff: 1,340,000\n  Fees and Charges: 215,000\n  Government Grant: -460,000\n".utf8)
            .write(to: folder.appendingPathComponent("slip.yaml"))
        let slip = try PlannerRun(["forecast", "slip.yaml"], in: folder)
        #expect(slip.result.exitCode == 1)
        #expect(slip.result.standardError.hasPrefix("slip.yaml:5: line 'Fees and Charges' is spending here (budget £215,000) but income in ledger.csv"))
        #expect(slip.result.standardError.contains("-215,000"))
        try Data("ledger: ledger.csv\ntarget_year: 2022/23\nlines:\n  Staff: 1,340,000\n  Fees and Charges: -215,000\n  Government Grant:\n    kind: income\n    budget: 460,000\n".utf8)
            .write(to: folder.appendingPathComponent("kind.yaml"))
        let kind = try PlannerRun(["check", "kind.yaml"], in: folder)
        #expect(kind.result.exitCode == 1)
        #expect(kind.result.standardError.hasPrefix("kind.yaml:7: line 'Government Grant' is income (kind: income) but its budget is £460,000"))
    }

    @Test("a new line (new: true) is projected at its budget with the new-line spread; reason 'new line: no history'")
    func newLine() throws {
        let folder = try Self.fixture("new-line")
        let run = try PlannerRun(["forecast", "scenario.yaml"], in: folder)
        #expect(run.result.exitCode == 0, "\(run.result.standardError)")
        #expect(run.result.standardOutput.contains("Early Help Hubs: new line: no history"))
        #expect(GoldenFile.check(run.transcript, named: "forecast-new-line-table.txt") == nil)
        let check = try PlannerRun(["check", "scenario.yaml"], in: folder)
        #expect(check.result.exitCode == 0)
        #expect(check.result.standardOutput.contains("Early Help Hubs"))
    }

    @Test("a name not in the ledger without new: true is an error: did-you-mean for a near miss, else the new: true hint")
    func newLineNeedsMarking() throws {
        let folder = try Self.fixture("new-line")
        let unmarked = try String(contentsOf: folder.appendingPathComponent("scenario.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "    new: true\n", with: "")
        try Data(unmarked.utf8).write(to: folder.appendingPathComponent("unmarked.yaml"))
        let run = try PlannerRun(["forecast", "unmarked.yaml"], in: folder)
        #expect(run.result.exitCode == 1)
        #expect(run.result.standardError.contains("unmarked.yaml:7: 'Early Help Hubs' is not a budget line in ledger.csv"))
        #expect(run.result.standardError.contains("new: true"))
        let typo = unmarked.replacingOccurrences(of: "  Youth Services: 380,000", with: "  Youth Service: 380,000")
        try Data(typo.utf8).write(to: folder.appendingPathComponent("typo.yaml"))
        let typoRun = try PlannerRun(["forecast", "typo.yaml"], in: folder)
        #expect(typoRun.result.exitCode == 1)
        #expect(typoRun.result.standardError.contains("did you mean 'Youth Services'?"))
        // Marking a line with history new would throw its history away: refused.
        let marked = unmarked.replacingOccurrences(of: "  Youth Services: 380,000", with: "  Youth Services:\n    new: true\n    budget: 380,000")
        try Data(marked.utf8).write(to: folder.appendingPathComponent("marked.yaml"))
        let markedRun = try PlannerRun(["check", "marked.yaml"], in: folder)
        #expect(markedRun.result.exitCode == 1)
        #expect(markedRun.result.standardError.contains("is marked new: true but has history"))
    }

    @Test("a closed line: check lists it, forecast leaves it out with a note in table and Markdown and a list in JSON")
    func closedLine() throws {
        let folder = try Self.fixture("closed-line")
        let check = try PlannerRun(["check", "scenario.yaml"], in: folder)
        #expect(check.result.exitCode == 0, "\(check.result.standardError)")
        #expect(GoldenFile.check(check.transcript, named: "check-closed-line.txt") == nil)
        let run = try PlannerRun(["forecast", "scenario.yaml"], in: folder)
        #expect(run.result.exitCode == 0)
        #expect(!run.result.standardOutput.contains("\nMobile Library "))
        #expect(run.result.standardOutput.contains("Closed lines (no row for 2021/22; left out of the forecast): Mobile Library (last 2020/21, ledger line 6)."))
        #expect(GoldenFile.check(run.transcript, named: "forecast-closed-line-table.txt") == nil)
        let markdown = try PlannerRun(["forecast", "scenario.yaml", "--format", "markdown"], in: folder)
        #expect(markdown.result.standardOutput.contains("Closed lines (no row for 2021/22; left out of the forecast): Mobile Library"))
        let json = try PlannerRun(["forecast", "scenario.yaml", "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.result.standardOutput.utf8)) as? [String: Any])
        let closed = try #require(object["closedLines"] as? [[String: Any]])
        #expect(closed.count == 1)
        #expect(closed.first?["line"] as? String == "Mobile Library" && closed.first?["lastYear"] as? String == "2020/21")
        #expect((object["lines"] as? [[String: Any]])?.count == 2)
        let html = try PlannerRun(["forecast", "scenario.yaml", "--format", "html"], in: folder)
        #expect(html.result.exitCode == 0)
        #expect(html.result.standardOutput.contains("left out of the forecast): Mobile Library (last 2020/21"))
    }

    @Test("init leaves a closed line commented out with its last budget; uncommented, forecast projects it again")
    func closedLineTemplate() throws {
        let folder = try Self.fixture("closed-line")
        let run = try PlannerRun(["init", "ledger.csv"], in: folder)
        #expect(run.result.exitCode == 0)
        let template = run.result.standardOutput
        let comment = "  # Mobile Library: £48,000   # closed: its last year is 2020/21; uncomment to forecast it anyway\n"
        #expect(template.contains(comment))
        try Data(template.utf8).write(to: folder.appendingPathComponent("t.yaml"))
        let closed = try PlannerRun(["forecast", "t.yaml"], in: folder)
        #expect(closed.result.exitCode == 0 && closed.result.standardOutput.contains("Closed lines (no row for 2021/22"))
        try Data(template.replacingOccurrences(of: comment, with: "  Mobile Library: £48,000\n").utf8)
            .write(to: folder.appendingPathComponent("u.yaml"))
        let reopened = try PlannerRun(["forecast", "u.yaml"], in: folder)
        #expect(reopened.result.exitCode == 0, "\(reopened.result.standardError)")
        #expect(reopened.result.standardOutput.contains("\nMobile Library ") && !reopened.result.standardOutput.contains("Closed lines"))
    }

    @Test("a £900 line likely to overspend by about £80 is not red; the same record at £900,000 is")
    func smallLineNotRed() throws {
        let folder = try Self.fixture("small-line")
        let run = try PlannerRun(["forecast", "scenario.yaml"], in: folder)
        #expect(run.result.exitCode == 0)
        let rows = run.result.standardOutput.split(separator: "\n")
        #expect(rows.first { $0.hasPrefix("Stationery ") }?.contains(" green ") == true)
        #expect(run.result.standardOutput.contains("; likely to overspend, by an immaterial £179\n"))
        #expect(rows.first { $0.hasPrefix("Postage ") }?.contains(" red ") == true)
        #expect(GoldenFile.check(run.transcript, named: "forecast-small-line-table.txt") == nil)
    }

    @Test("--only red,amber --sort risk: the shown lines in order of risk, the total and the status counts of all lines")
    func onlyAndSort() throws {
        let run = try PlannerRun(["forecast", "--only", "red,amber", "--sort", "risk"])
        #expect(run.result.exitCode == 0)
        let out = run.result.standardOutput
        let names = out.split(separator: "\n").compactMap { row in
            ["Devolved Force Budgets", "National ICT Services", "DSD", "SRS Collaboration", "Airwave"].first { row.hasPrefix($0 + " ") }
        }
        // Airwave (P = 19%, under the amber threshold) is the only green bundled line (docs/risk.md, *Small ledgers*).
        #expect(names == ["Devolved Force Budgets", "National ICT Services", "DSD", "SRS Collaboration"])
        #expect(out.contains("Shown: red and amber lines only (4 of 5), sorted by risk; the Total row and the status counts are of all 5 lines."))
        // The total is the same as without the options.
        let all = try PlannerRun(["forecast"]).result.standardOutput
        let totalRow = { (text: String) in text.split(separator: "\n").first { $0.hasPrefix("Total ") } }
        #expect(totalRow(out) != nil && totalRow(out) == totalRow(all))
        #expect(GoldenFile.check(run.transcript, named: "forecast-only-red-amber-sort-risk.txt") == nil)
        let byBudget = try PlannerRun(["forecast", "--sort", "budget", "--format", "csv"]).result.standardOutput
        let csvRows = byBudget.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let budgetColumn = try #require(csvRows.first?.firstIndex(of: "Budget"))
        let budgets = csvRows.dropFirst().prefix(5).map { $0[budgetColumn] }
        #expect(budgets.map { Double($0)! } == budgets.map { Double($0)! }.sorted(by: >))
    }

    @Test("--only with a word that is not a status is a usage error (exit 64)")
    func onlyRejectsUnknownStatus() throws {
        let run = try PlannerRun(["forecast", "--only", "red,orange"])
        #expect(run.result.exitCode == 64)
        #expect(run.result.standardError.contains("'orange' is not red, amber or green"))
    }
}
