import Foundation
import Outturn
import OutturnNumerics
import Testing
import _TestSupport

@Suite("Projection and overspend risk")
struct RiskTests {
    /// A one-line scenario and ledger: `history` as (budget, actual) pounds per year from 2019/20.
    static func report(history: [(Int64, Int64)], budget: Int64, correlation: Double = 0.3,
                       draws: Int = 4_000, targetYear: String = "2022/23") throws -> ForecastReport {
        var csv = "line,year,budget,actual\n"
        var year = FiscalYear("2021/22")!.startYear - history.count + 1
        for (b, a) in history {
            csv += "L,\(FiscalYear(startYear: year)),\(b),\(a)\n"
            year += 1
        }
        let ledger = try Ledger(csv: csv, fileName: "l.csv")
        let scenario = Scenario(fileName: "s.yaml", ledgerPath: "l.csv", targetYear: FiscalYear(targetYear)!,
                                lines: [ScenarioLine(name: "L", budget: Money(pounds: budget), sourceLine: 1)],
                                correlation: correlation, draws: draws)
        return try ForecastReport(try ResolvedScenario(scenario: scenario, ledger: ledger, activity: []))
    }

    /// The report's story: Airwave (69% of budget) green. Under the budget-execution prior its P is about
    /// 19%, under the 20% amber threshold; its expected overspend is material, which made it amber only
    /// while amber was "P ≥ 20% or material" (docs/risk.md, *Small ledgers*).
    @Test("bundled forecast: Devolved Force Budgets red, SRS Collaboration not red, Airwave (69%) green and the least likely to overspend; intervals nest; probabilities in [0, 1]")
    func bundledAcceptance() throws {
        let report = try ForecastReport(try ResolvedScenario.bundled())
        let rag = Dictionary(uniqueKeysWithValues: report.lines.map { ($0.lineName, $0.rag) })
        #expect(rag["Devolved Force Budgets"] == .red)
        #expect(rag["Airwave"] == .green)
        let airwave = try #require(report.lines.first { $0.lineName == "Airwave" })
        #expect(report.lines.allSatisfy { $0.probabilityOfOverspend >= airwave.probabilityOfOverspend })
        #expect(rag["SRS Collaboration"] != .red)
        let figures = report.lines.map { ($0.lineName, $0.intervals, $0.projected, $0.probabilityOfOverspend.value, $0.expectedOverspend) }
            + [("total", report.total.intervals, report.total.projected, report.total.probabilityOfOverspend.value,
                report.total.expectedOverspend)]
        for (name, intervals, projected, probability, expected) in figures {
            let (inner, outer) = (intervals[0], intervals[1])
            #expect(outer.lower <= inner.lower && inner.lower <= projected && projected <= inner.upper
                    && inner.upper <= outer.upper, "\(name)")
            #expect((0...1).contains(probability), "\(name)")
            #expect(expected.pence >= 0)
        }
    }

    @Test("one year of history (the budget-execution prior): spent 170% of an unchanged budget → red; 69% → not red")
    func oneYearRules() throws {
        #expect(try RiskTests.report(history: [(1_000_000, 1_700_000)], budget: 1_000_000).lines[0].rag == .red)
        #expect(try RiskTests.report(history: [(1_000_000, 690_000)], budget: 1_000_000).lines[0].rag != .red)
    }

    /// Two years ahead the budget-execution model (one year ahead) does not apply: the last outturn is
    /// carried forward as a random walk, N(a, (spread·a)²·h) with h = 2.
    @Test("one year of history, a target two years ahead: P(overspend) and expected overspend match the normal closed forms")
    func closedForms() throws {
        let sigma = Scenario.defaultYearToYearSpread * 900_000 * 2.0.squareRoot()
        let risk = try RiskTests.report(history: [(1_000_000, 900_000)], budget: 1_000_000, targetYear: "2023/24").lines[0]
        let z = 100_000 / sigma
        #expect(isClose(risk.probabilityOfOverspend.value, 1 - Normal.cdf(z), relative: 1e-9))
        let expected = sigma * (Normal.pdf(z) - z * (1 - Normal.cdf(z)))
        #expect(isClose(risk.expectedOverspend.pounds, expected, relative: 1e-3))
        #expect(isClose(risk.budgetNeeded.pounds, 900_000 + sigma * Normal.quantile(0.8), absolute: 0.01))
    }

    /// P(overspend) never rises with the budget (the rule). In pounds the expected overspend
    /// can: the budget-execution model learns that spending follows the budget, so a far tail scales
    /// with it; per pound of budget it cannot rise (the centre of log(spend / budget) is non-increasing).
    @Test("raising a line's budget never raises its P(overspend) nor its expected overspend per pound of budget (seeded histories of 1 to 6 years)")
    func budgetMonotone() throws {
        var generator = SeededGenerator(seed: 42)
        for trial in 0..<25 {
            let years = Int(generator.next() % 6) + 1
            let history: [(Int64, Int64)] = (0..<years).map { _ in
                let b = Int64(generator.next() % 2_000_000) + 100_000
                return (b, b * Int64(generator.next() % 100 + 50) / 100)
            }
            var previous: (p: Double, perPound: Double)? = nil
            for budget in stride(from: Int64(200_000), through: 4_000_000, by: 400_000) {
                let risk = try RiskTests.report(history: history, budget: budget, draws: 1_000).lines[0]
                let perPound = risk.expectedOverspend.pounds / Double(budget)
                if let previous {
                    #expect(risk.probabilityOfOverspend.value <= previous.p + 1e-12, "seed 42 trial \(trial) budget \(budget)")
                    // 1e-6: quadrature and rounding to the penny.
                    #expect(perPound <= previous.perPound + 1e-6, "seed 42 trial \(trial) budget \(budget)")
                }
                previous = (risk.probabilityOfOverspend.value, perPound)
            }
        }
    }

    @Test("a line that overspends every year is riskier than one with the same last year that never did")
    func recordCounts() throws {
        let overspender = try RiskTests.report(history: [(1_000_000, 1_150_000), (1_000_000, 1_120_000), (1_000_000, 950_000)],
                                               budget: 1_000_000).lines[0]
        let underspender = try RiskTests.report(history: [(1_000_000, 800_000), (1_000_000, 820_000), (1_000_000, 950_000)],
                                                budget: 1_000_000).lines[0]
        #expect(overspender.probabilityOfOverspend > underspender.probabilityOfOverspend)
        #expect(overspender.reason.contains("usually spends 107% of budget"))
    }

    @Test("the total's simulation matches the multivariate-normal closed form within Monte Carlo error")
    func totalMatchesClosedForm() throws {
        // Five lines, one year each, two years ahead (outside the one-year budget-execution model), far
        // from zero so no mass is clipped: each is N(aᵢ, 2(σaᵢ)²), and the Gaussian copula makes the
        // total normal with variance Σσᵢ² + ρ Σ_{i≠j} σᵢσⱼ.
        let resolved = try ResolvedScenario.bundled()
        var scenario = resolved.scenario
        scenario.targetYear = FiscalYear("2023/24")!
        scenario.draws = 200_000
        let report = try ForecastReport(try ResolvedScenario(scenario: scenario, ledger: resolved.ledger, activity: []))
        let sigmas = resolved.ledger.entries.map { Scenario.defaultYearToYearSpread * $0.actual.pounds * 2.0.squareRoot() }
        let rho = scenario.correlation
        var variance = 0.0
        for (i, a) in sigmas.enumerated() { for (j, b) in sigmas.enumerated() { variance += i == j ? a * a : rho * a * b } }
        let mean = resolved.ledger.entries.map(\.actual.pounds).reduce(0, +)
        let budget = resolved.ledger.entries.map(\.budget.pounds).reduce(0, +)
        let p = 1 - Normal.cdf((budget - mean) / variance.squareRoot())
        let standardError = (p * (1 - p) / Double(scenario.draws)).squareRoot()
        #expect(abs(report.total.probabilityOfOverspend.value - p) < 4 * standardError)
        let upper95 = mean + variance.squareRoot() * Normal.quantile(0.975)
        #expect(isClose(report.total.intervals[1].upper.pounds, upper95, relative: 0.005))
    }

    @Test("the total is reproducible from its seed and changes with it")
    func totalSeeded() throws {
        let a = try ForecastReport(try ResolvedScenario.bundled()).total
        let b = try ForecastReport(try ResolvedScenario.bundled()).total
        #expect(a == b)
        var resolved = try ResolvedScenario.bundled()
        var scenario = resolved.scenario
        scenario.seed = 7
        resolved = try ResolvedScenario(scenario: scenario, ledger: resolved.ledger, activity: [])
        #expect(try ForecastReport(resolved).total.intervals[0].lower != a.intervals[0].lower)
    }

    @Test("higher correlation between lines widens the total's interval")
    func correlationWidens() throws {
        let resolved = try ResolvedScenario.bundled()
        func width(_ rho: Double) throws -> Int64 {
            var scenario = resolved.scenario
            scenario.correlation = rho
            let total = try ForecastReport(try ResolvedScenario(scenario: scenario, ledger: resolved.ledger, activity: [])).total
            return total.intervals[1].upper.pence - total.intervals[1].lower.pence
        }
        #expect(try width(0) < width(0.3))
        #expect(try width(0.3) < width(0.9))
    }
}
