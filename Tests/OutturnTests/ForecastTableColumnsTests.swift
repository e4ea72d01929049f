import Foundation
@testable import Outturn
import Testing
import _TestSupport

/// The forecast table's prior-year actual and budget change, the rounding note and the total's
/// explanation of its expected overspend (issue 9, "The forecast table").
@Suite("Forecast table: prior year, budget change, rounding, the total's offset")
struct ForecastTableColumnsTests {
    static func text(_ resolved: ResolvedScenario, _ format: OutputFormat) throws -> String {
        try ForecastReportWriterTests.whole(resolved, format: format)
    }

    static func json(_ resolved: ResolvedScenario) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text(resolved, .json).utf8)) as? [String: Any])
    }

    @Test("each line's prior-year actual and budget change come from its own latest ledger year")
    func priorYearPerLine() throws {
        // ForecastReportWriterTests.generated(): line i has i % 4 + 1 years, budget 100,000 + i and
        // actual 95,000 + 3,000 × (year number) + 17i; every target budget is £101,000.
        let lines = try #require(try Self.json(ForecastReportWriterTests.generated())["lines"] as? [[String: Any]])
        #expect(lines.count == 300)
        for (i, line) in lines.enumerated() {
            let years = i % 4 + 1
            let lastActual = 95_000 + 3_000 * (years - 1) + 17 * i, lastBudget = 100_000 + i
            #expect((line["priorYearActual"] as? NSNumber)?.intValue == lastActual, "line \(i)")
            #expect((line["priorYearBudget"] as? NSNumber)?.intValue == lastBudget, "line \(i)")
            #expect(line["priorYear"] as? String == "2021/22")
            let change = try #require((line["budgetChange"] as? NSNumber)?.doubleValue)
            #expect(abs(change - Double(101_000 - lastBudget) / Double(lastBudget)) < 5e-5, "line \(i)")
        }
    }

    @Test("the total's prior-year actual is the lines' added up, and its budget change is against their summed budgets")
    func priorYearTotal() throws {
        let json = try Self.json(ForecastReportWriterTests.generated())
        let total = try #require(json["total"] as? [String: Any])
        let actuals = (0..<300).reduce(0) { $0 + 95_000 + 3_000 * ($1 % 4) + 17 * $1 }
        let budgets = (0..<300).reduce(0) { $0 + 100_000 + $1 }
        #expect((total["priorYearActual"] as? NSNumber)?.intValue == actuals)
        #expect((total["priorYearBudget"] as? NSNumber)?.intValue == budgets)
        let change = try #require((total["budgetChange"] as? NSNumber)?.doubleValue)
        #expect(abs(change - Double(300 * 101_000 - budgets) / Double(budgets)) < 5e-5)
    }

    @Test("a budget of £0 last year has no budget change: blank in the table, absent from JSON")
    func zeroPriorBudget() {
        let prior = PriorYearFigures(year: FiscalYear(startYear: 2021), actual: Money(pounds: 10), budget: .zero)
        #expect(prior.budgetChange(to: Money(pounds: 100)) == nil)
        #expect(ReportCell.percent(prior.budgetChange(to: Money(pounds: 100))).display == "")
        let raised = PriorYearFigures(year: FiscalYear(startYear: 2021), actual: .zero, budget: Money(pounds: 200))
        #expect(raised.budgetChange(to: Money(pounds: 210)) == 0.05)
        #expect(raised.budgetChange(to: Money(pounds: 150)) == -0.25)
    }

    @Test("the table, Markdown and HTML say that rounded figures may not add up; CSV, JSON and XLSX carry exact figures and do not")
    func roundingNote() throws {
        let resolved = try ResolvedScenario.bundled()
        for format in [OutputFormat.table, .markdown, .html] {
            #expect(try Self.text(resolved, format).contains(ForecastReportWriter.roundingNote), "\(format)")
        }
        for format in [OutputFormat.csv, .json] {
            #expect(try !Self.text(resolved, format).contains("may not add up"), "\(format)")
        }
    }

    @Test("the bundled total explains why its expected overspend is less than the lines' added up")
    func totalOffset() throws {
        let resolved = try ResolvedScenario.bundled()
        let report = try ForecastReport(resolved)
        let sum = try Money.sum(report.lines.map(\.expectedOverspend))
        #expect(report.total.linesExpectedOverspend == sum)
        // max(Σx, 0) ≤ Σ max(x, 0) draw by draw; the bundled lines underspend and overspend at once.
        #expect(report.total.expectedOverspend < sum)
        #expect(report.total.reason.contains("less than the lines' added up (\(sum.formatted()))"))
        #expect(report.total.reason.contains("underspends on some lines offset overspends on others"))
        let total = try #require(try Self.json(resolved)["total"] as? [String: Any])
        #expect((total["linesExpectedOverspend"] as? NSNumber)?.doubleValue == sum.pounds)
        #expect((total["reason"] as? String)?.contains("offset") == true)
    }

    @Test("no offset sentence when the lines' expected overspends add up to the total's")
    func noOffsetWhenEqual() throws {
        let report = try ForecastReport(try ResolvedScenario.bundled())
        var total = report.total
        total.linesExpectedOverspend = total.expectedOverspend
        #expect(total.offsetSentence == nil)
        total.linesExpectedOverspend = nil
        #expect(total.offsetSentence == nil)
    }
}
