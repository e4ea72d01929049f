@testable import Outturn
import OutturnNumerics
import Testing

/// The one set of risk figures (``RiskFigures``) that a line, a group and the total hold.
@Suite("Risk figures of a simulated sum")
struct RiskFiguresTests {
    static func scenario(materiality: Money) -> Scenario {
        Scenario(fileName: "s.yaml", ledgerPath: "l.csv", targetYear: FiscalYear("2022/23")!, lines: [],
                 materiality: Materiality(amount: materiality))
    }

    @Test("draws £1k…£10k against £7.5k: P = 3/10, E[excess] = (£0.5k + £1.5k + £2.5k)/10, type-7 quantiles")
    func closedForm() throws {
        let draws = (1...10).map { Double($0) * 1_000 }
        let budget = Money(pounds: 7_500), projected = Money(pounds: 5_500)
        let figures = try RiskFigures(sorted: draws, budget: budget, projected: projected,
                                      scenario: RiskFiguresTests.scenario(materiality: Money(pounds: 100)))
        #expect(figures.budget == budget && figures.projected == projected)
        #expect(figures.probabilityOfOverspend.value == 0.3)
        #expect(figures.expectedOverspend == Money(pounds: 450))
        // Type 7 on n = 10 sorted values: Q(p) = x[h] with h = 1 + 9p, interpolated between neighbours.
        #expect(figures.intervals == [MoneyInterval(level: 0.8, lower: Money(pounds: 1_900), upper: Money(pounds: 9_100)),
                                      MoneyInterval(level: 0.95, lower: Money(pounds: 1_225), upper: Money(pounds: 9_775))])
        #expect(figures.levels == [0.8, 0.95])
        #expect(figures.budgetNeeded == Money(pounds: 8_200) && figures.budgetNeededConfidence == 0.8)
        // P = 0.3 is at least amber's 0.2 and not above red's 0.5; £450 expected is above the £100 materiality.
        #expect(figures.rag == .amber)
        // The same figures against a materiality of £10,000 are immaterial, so green.
        let immaterial = try RiskFigures(sorted: draws, budget: budget, projected: projected,
                                         scenario: RiskFiguresTests.scenario(materiality: Money(pounds: 10_000)))
        #expect(immaterial.rag == .green)
    }
}
