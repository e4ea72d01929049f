import Outturn
import Testing
import _TestSupport

@Suite("Variance")
struct VarianceTests {
    /// Section 6.1 of the annual report, typed from the report (the independent reference).
    static let reportVariances: [(String, Int64)] = [
        ("SRS Collaboration", 722_705), ("Airwave", 239_809), ("Devolved Force Budgets", -1_065_190),
        ("National ICT Services", -157_818), ("DSD", 180_614),
    ]

    @Test("the bundled ledger reproduces every variance in the report to the pound, total −£79,880")
    func reproducesReport() throws {
        let ledger = try Ledger(csv: try Datasets.text("gwent-ict/ledger.csv"), fileName: "ledger.csv")
        let report = try VarianceReport(ledger: ledger)
        #expect(report.year == FiscalYear("2021/22"))
        for (line, (name, pounds)) in zip(report.lines, VarianceTests.reportVariances) {
            #expect(line.lineName == name)
            #expect(line.variance == Money(pounds: pounds))
        }
        #expect(report.total.variance == Money(pounds: -79_880))
        #expect(report.total.budget == Money(pounds: 9_767_942))
        #expect(report.total.actual == Money(pounds: 9_847_822))
    }

    @Test("line variances sum exactly to the total variance (seeded random ledgers)")
    func linesSumToTotal() throws {
        for seed in UInt64(1)...20 {
            var generator = SeededGenerator(seed: seed)
            var text = "line,year,budget,actual\n"
            for index in 0..<Int(generator.next() % 30 + 1) {
                let budget = Int64(generator.next() % 100_000_000_00) - 1_000_000
                let actual = Int64(generator.next() % 100_000_000_00)
                text += "L\(index),2021/22,\(Money(pence: budget).plainPounds),\(Money(pence: actual).plainPounds)\n"
            }
            let report = try VarianceReport(ledger: try Ledger(csv: text, fileName: "r.csv"))
            let sum = try Money.sum(report.lines.map(\.variance))
            #expect(sum == report.total.variance, "seed \(seed)")
            #expect(report.total.variance == report.total.budget - report.total.actual, "seed \(seed)")
        }
    }

    @Test("materiality: within 1% and £10,000 is on budget; either exceeded is favourable/adverse")
    func materiality() {
        let rule = Materiality.standard
        #expect(VarianceLine(lineName: "a", budget: Money(pounds: 2_000_000), actual: Money(pounds: 1_990_001), materiality: rule).status == .onBudget)
        #expect(VarianceLine(lineName: "a", budget: Money(pounds: 2_000_000), actual: Money(pounds: 1_989_000), materiality: rule).status == .favourable)
        #expect(VarianceLine(lineName: "a", budget: Money(pounds: 100_000), actual: Money(pounds: 102_000), materiality: rule).status == .adverse)
        #expect(VarianceLine(lineName: "a", budget: Money(pounds: 100_000), actual: Money(pounds: 100_900), materiality: rule).status == .onBudget)
    }
}
