import Foundation
import Outturn
import OutturnNumerics
import Testing
import _TestSupport

@Suite("New lines: projected at budget with the spread of new programmes' first year")
struct NewLineTests {
    /// Over both files of datasets/budget-outturn: each programme's first year, when it is not the
    /// file's first year (so the programme is new, not merely where the file begins) and its budget
    /// is above 0 and its actual at least 0: |actual / budget − 1|.
    static func firstYearDeviations() throws -> [Double] {
        var deviations: [Double] = []
        for file in ["budget-outturn/gc-infobase-programs.csv", "budget-outturn/israel-budget-history.csv"] {
            let table = try CSVTable(text: try Datasets.text(file), fileName: file)
            let (body, line, year) = (try table.columnIndex("body"), try table.columnIndex("line"), try table.columnIndex("year"))
            let (budget, actual) = (try table.columnIndex("budget"), try table.columnIndex("actual"))
            let firstYearOfFile = table.rows.map { $0.fields[year] }.min()!
            var first: [String: Int] = [:]
            for (index, row) in table.rows.enumerated() {
                let key = row.fields[body] + "\u{1F}" + row.fields[line]
                if let known = first[key], table.rows[known].fields[year] <= row.fields[year] { continue }
                first[key] = index
            }
            for index in first.values {
                let row = table.rows[index].fields
                guard row[year] != firstYearOfFile, let b = Double(row[budget]), let a = Double(row[actual]), b > 0, a >= 0 else { continue }
                deviations.append(abs(a / b - 1))
            }
        }
        return deviations
    }

    @Test("the new-line spread (34%) is the new programmes' median |actual/budget − 1| / Φ⁻¹(0.75), rounded")
    func spreadMatchesEvidence() throws {
        let deviations = try Self.firstYearDeviations().sorted()
        #expect(deviations.count == 2_555)
        let middle = deviations.count / 2
        let median = deviations.count % 2 == 1 ? deviations[middle] : (deviations[middle - 1] + deviations[middle]) / 2
        let spread = median / Normal.quantile(0.75)
        #expect(abs(spread - 0.344) < 0.0005)
        #expect(abs(Scenario.newLineSpread - (spread * 100).rounded() / 100) < 1e-12)
    }

    @Test("a new line's P(overspend), expected overspend and intervals are those of N(B, (0.34·B)²) censored at £0")
    func newLineClosedForm() throws {
        let ledger = try Ledger(csv: "line,year,budget,actual\nOld,2021/22,100000,100000\n", fileName: "l.csv")
        var hubs = ScenarioLine(name: "Hubs", budget: Money(pounds: 250_000), sourceLine: 5)
        hubs.isNew = true
        let scenario = Scenario(fileName: "s.yaml", ledgerPath: "l.csv", targetYear: FiscalYear("2022/23")!,
                                lines: [ScenarioLine(name: "Old", budget: Money(pounds: 100_000), sourceLine: 4), hubs],
                                draws: 2_000)
        let report = try ForecastReport(try ResolvedScenario(scenario: scenario, ledger: ledger, activity: []))
        let line = try #require(report.lines.last)
        #expect(line.lineName == "Hubs" && line.reason.hasPrefix("new line: no history"))
        let sigma = 0.34 * 250_000
        #expect(abs(line.probabilityOfOverspend.value - 0.5) < 1e-12)
        #expect(abs(line.expectedOverspend.pounds - sigma * Normal.pdf(0)) < 0.01)
        #expect(abs(line.intervals[1].upper.pounds - (250_000 + Normal.quantile(0.975) * sigma)) < 0.01)
        #expect(line.projected == Money(pounds: 250_000))
        #expect(line.rag == .amber)
    }
}
