import Foundation
import Outturn
import Testing
import _TestSupport

@Suite("A generated 2,000-line ledger (budgets from a CSV)")
struct GeneratedLedgerTests {
    /// 2,000 lines with 1 to 5 years (as scripts/generate-ledger.py makes them), their 2022/23 budgets
    /// as a budgets CSV, resolved against a scenario with 2,000 simulation draws.
    static func resolved() throws -> ResolvedScenario {
        var random = SeededGenerator(seed: 2_000)
        var ledger = "line,year,budget,actual\n", budgets = "line,budget\n"
        for index in 0..<2_000 {
            let name = "CC-\(index) Facilities"
            let years = index % 3 == 0 ? Int.random(in: 1...4, using: &random) : 5
            var budget = Double.random(in: 5_000...500_000, using: &random)
            let bias = Double.random(in: -0.15...0.15, using: &random)
            for k in 0..<years {
                let actual = budget * (1 + bias + Double.random(in: -0.12...0.12, using: &random))
                ledger += "\(name),\(FiscalYear(startYear: 2021 - years + 1 + k)),\(Int(budget)),\(Int(actual))\n"
                budget *= 1.03
            }
            budgets += "\(name),\(Int(budget))\n"
        }
        var scenario = try Scenario(yaml: "ledger: ledger.csv\ntarget_year: 2022/23\nbudgets: budgets.csv\n", fileName: "s.yaml")
        scenario.draws = 2_000
        return try ResolvedScenario(scenario: scenario, ledger: try Ledger(csv: ledger, fileName: "ledger.csv"), activity: [],
                                    budgets: try CSVRowReader(text: budgets, fileName: "budgets.csv"))
    }

    @Test("every line is reported once, in ledger order, with nested intervals, probabilities in [0, 1] and consistent RAG")
    func invariants() throws {
        let resolved = try GeneratedLedgerTests.resolved()
        var names: [String] = []
        var budgets: [Money] = []
        let total = try ForecastRun.run(resolved, blockSize: 300) { block in for risk in block {
            names.append(risk.lineName)
            budgets.append(risk.budget)
            let (inner, outer) = (risk.intervals[0], risk.intervals[1])
            #expect(outer.lower <= inner.lower && inner.lower <= inner.upper && inner.upper <= outer.upper, "\(risk.lineName)")
            #expect((0...1).contains(risk.probabilityOfOverspend.value))
            #expect(risk.expectedOverspend.pence >= 0)
            #expect(inner.lower <= risk.budgetNeeded && risk.budgetNeeded <= outer.upper)
            #expect(risk.rag == RAG.classify(probability: risk.probabilityOfOverspend.value, expectedOverspend: risk.expectedOverspend.pounds,
                                             thresholds: resolved.scenario.rag, materialityAmount: resolved.scenario.materiality.amount))
        } }.total
        #expect(names == resolved.ledger.lineNames)
        #expect(total.budget == (try Money.sum(budgets)))
        #expect((0...1).contains(total.probabilityOfOverspend.value))
        #expect(total.intervals[1].lower <= total.intervals[0].lower && total.intervals[0].upper <= total.intervals[1].upper)
        // 1,333 lines have 5 years (the forecaster's calibrated, non-normal shapes): few enough to simulate one by one.
        #expect(!total.reason.contains("entered as normals"))
    }
}
