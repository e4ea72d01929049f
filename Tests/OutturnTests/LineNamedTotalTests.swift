import Foundation
import Outturn
import OutturnNumerics
import Testing

/// A ledger may call a budget line "Total". Every report's total is its own type (`TotalRisk`,
/// `VarianceFigures`, `ScenarioComparison.Total`), never a line named "Total", so such a line keeps
/// its own figures among the lines and the total stays the sum of every line, in the types, in the
/// table (a row against the footer) and in the JSON (`lines` against `total`).
@Suite("A line named Total stays a line")
struct LineNamedTotalTests {
    /// The JSON object `json` parsed.
    static func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    static func number(_ any: Any?) throws -> Double { try #require((any as? NSNumber)?.doubleValue) }

    @Test("variance: the line Total has its own budget and actual; the total is the sum of both lines")
    func variance() throws {
        let ledger = try Ledger(csv: "line,year,budget,actual\nTotal,2021/22,100000,150000\nRent,2021/22,1000000,900000\n",
                                fileName: "l.csv")
        let report = try VarianceReport(ledger: ledger)
        #expect(report.lines.map(\.lineName) == ["Total", "Rent"])
        let line = report.lines[0]
        #expect(line.budget == Money(pounds: 100_000) && line.actual == Money(pounds: 150_000))
        #expect(line.variance == Money(pounds: -50_000) && line.status == .adverse)
        // The total by hand: budget 1,100,000, actual 1,050,000, variance +50,000 (4.55% of budget: favourable).
        #expect(report.total == VarianceFigures(budget: Money(pounds: 1_100_000), actual: Money(pounds: 1_050_000),
                                                materiality: .standard))
        #expect(report.total.variance == Money(pounds: 50_000) && report.total.status == .favourable)

        let table = report.documentTable
        #expect(table.rows.count == 2 && table.footer.count == 1)
        #expect(table.rows[0][0] == .text("Total") && table.rows[0][1] == .money(Money(pounds: 100_000)))
        #expect(table.footer[0][0] == .text("Total") && table.footer[0][1] == .money(Money(pounds: 1_100_000)))

        let json = try Self.object(report.json().rendered())
        let lines = try #require(json["lines"] as? [[String: Any]])
        #expect(lines.count == 2 && lines[0]["line"] as? String == "Total")
        #expect(try Self.number(lines[0]["budget"]) == 100_000 && lines[0]["status"] as? String == "adverse")
        let total = try #require(json["total"] as? [String: Any])
        #expect(try Self.number(total["budget"]) == 1_100_000 && total["status"] as? String == "favourable")
        // The streamed JSON that `planner variance` writes is the same text.
        let sink = StringSink()
        try report.write(as: .json, ledgerFile: "l.csv", to: sink)
        #expect(sink.text == report.json().rendered())
    }

    /// A forecast of two lines, "Total" and "Rent", with three years of record and the budgets given.
    static func forecast(budgets: [String: Int64], fileName: String) throws -> ForecastReport {
        var csv = "line,year,budget,actual\n"
        for (index, year) in ["2019/20", "2020/21", "2021/22"].enumerated() {
            csv += "Total,\(year),\(200_000 + 10_000 * index),\(210_000 + 12_000 * index)\n"
            csv += "Rent,\(year),\(900_000 + 5_000 * index),\(880_000 + 9_000 * index)\n"
        }
        let ledger = try Ledger(csv: csv, fileName: "l.csv")
        let scenario = Scenario(fileName: fileName, ledgerPath: "l.csv", targetYear: FiscalYear("2022/23")!,
                                lines: ["Total", "Rent"].map { ScenarioLine(name: $0, budget: Money(pounds: budgets[$0]!), sourceLine: 1) })
        return try ForecastReport(try ResolvedScenario(scenario: scenario, ledger: ledger, activity: []))
    }

    @Test("compare: the line Total carries each scenario's figures for that line; the total carries each scenario's total")
    func comparison() throws {
        let a = try Self.forecast(budgets: ["Total": 230_000, "Rent": 910_000], fileName: "a.yaml")
        let b = try Self.forecast(budgets: ["Total": 260_000, "Rent": 910_000], fileName: "b.yaml")
        let comparison = ScenarioComparison(a: a, b: b)
        #expect(comparison.lines.map(\.lineName) == ["Total", "Rent"])
        #expect(comparison.lines[0].a == a.lines[0].figures && comparison.lines[0].b == b.lines[0].figures)
        #expect(comparison.total.a == a.total.figures && comparison.total.b == b.total.figures)
        #expect(comparison.total.a.budget == Money(pounds: 1_140_000) && comparison.total.b.budget == Money(pounds: 1_170_000))
        // Sorting and filtering move the line, never the total.
        let sorted = comparison.selecting(.init(order: .budget))
        #expect(sorted.lines.map(\.lineName) == ["Rent", "Total"] && sorted.total == comparison.total)

        let table = comparison.documentTable
        #expect(table.rows[0][0] == .text("Total") && table.rows[0][1] == .money(Money(pounds: 230_000)))
        #expect(table.rows[0][9] == .money(Money(pounds: 30_000)))   // the line's budget B − A
        #expect(table.footer.count == 1 && table.footer[0][0] == .text("Total"))
        #expect(table.footer[0][1] == .money(Money(pounds: 1_140_000)) && table.footer[0][5] == .money(Money(pounds: 1_170_000)))

        let json = try Self.object(comparison.json().rendered())
        let lines = try #require(json["lines"] as? [[String: Any]])
        #expect(lines.count == 2 && lines[0]["line"] as? String == "Total")
        #expect(try Self.number((lines[0]["a"] as? [String: Any])?["budget"]) == 230_000)
        let total = try #require(json["total"] as? [String: Any])
        #expect(try Self.number((total["a"] as? [String: Any])?["budget"]) == 1_140_000)
        #expect(try Self.number((total["b"] as? [String: Any])?["budget"]) == 1_170_000)
    }
}
