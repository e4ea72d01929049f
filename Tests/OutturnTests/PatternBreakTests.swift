import Foundation
@testable import Outturn
import OutturnNumerics
import Testing
import _TestSupport

/// The pattern-break mixture of the budget-execution model (docs/risk.md, *A pattern-break mixture*),
/// with a prior that carries a weight (the shipped priors carry 0: not adopted).
@Suite("Budget-execution model: the pattern-break mixture")
struct PatternBreakTests {
    /// The model's projection of every line of a seeded 40-line, 6-year ledger at `budgetFactor` × its
    /// last budget, under the shipped prior with pattern-break weight `weight`.
    static func projections(weight: Double, budgetFactor: Double, seed: UInt64 = 11) throws -> [(LineProjection, ExecutionFeatures)] {
        let ledger = try SyntheticLedger(lines: 40, years: 6, seed: seed) { _, g in 0.6 + 0.8 * Double(g.next() % 1_000) / 1_000 }.ledger
        let model = try BudgetExecutionModel(ledger: ledger, prior: BudgetExecutionPrior.shipped.withPatternBreakWeight(weight))
        let scenario = Scenario(fileName: "s.yaml", ledgerPath: "ledger.csv", targetYear: FiscalYear("2022/23")!, lines: [])
        return try ledger.lineNames.indices.map { k in
            let history = ledger.history(atIndex: k)
            let budget = try #require(Money(roundingPounds: history.last!.budget.pounds * budgetFactor))
            let line = ScenarioLine(name: ledger.lineNames[k], budget: budget, sourceLine: k + 1)
            let projection = try #require(model.projection(line: line, lineIndex: k, history: history, scenario: scenario))
            let b = history.map(\.budget.pounds), a = history.map(\.actual.pounds)
            return (projection, ExecutionFeatures(budgets: b[...], actuals: a[...], targetBudget: budget.pounds, trendSlope: 0))
        }
    }

    @Test("P(overspend) is exactly (1 − w)·P_model + w·(k + 1)/(n + 2), k of the last n ≤ 5 years overspent", arguments: [0.219, 0.5])
    func probabilityIsTheMixture(weight: Double) throws {
        let plain = try PatternBreakTests.projections(weight: 0, budgetFactor: 1.05)
        let mixed = try PatternBreakTests.projections(weight: weight, budgetFactor: 1.05)
        for ((p0, features), (p1, _)) in zip(plain, mixed) {
            let budget = p0.budget.pounds
            let n = Double(min(features.years, 5)), k = (features.overspendShare * n).rounded()
            let expected = (1 - weight) * p0.distribution.probabilityAbove(budget).value + weight * (k + 1) / (n + 2)
            #expect(isClose(p1.distribution.probabilityAbove(budget).value, expected, relative: 1e-12), "\(p0.lineName)")
            // The intervals nest and hold their levels under the mixture's cdf.
            let i80 = p1.distribution.interval(level: 0.8), i95 = p1.distribution.interval(level: 0.95)
            #expect(i95.lower <= i80.lower && i80.upper <= i95.upper)
            #expect(isClose(p1.distribution.cdf(i80.upper) - p1.distribution.cdf(i80.lower), 0.8, relative: 1e-9))
        }
    }

    @Test("with the mixture, raising the target budget never raises P(overspend) nor the expected overspend per pound of budget")
    func budgetMonotone() throws {
        var previous: [(p: Double, perPound: Double)]? = nil
        for factor in stride(from: 0.5, through: 2.0, by: 0.1) {
            let now = try PatternBreakTests.projections(weight: 0.219, budgetFactor: factor).map { projection, _ in
                let budget = projection.budget.pounds
                return (p: projection.distribution.probabilityAbove(budget).value,
                        perPound: try #require(projection.distribution.expectedExcess(over: budget)) / budget)
            }
            if let previous {
                for (line, (before, after)) in zip(previous, now).enumerated() {
                    #expect(after.p <= before.p + 1e-12, "line \(line) factor \(factor)")
                    #expect(after.perPound <= before.perPound + 1e-9, "line \(line) factor \(factor)")
                }
            }
            previous = now
        }
    }

    @Test("the shipped priors carry the adopted weight 0.19, under the fitted ones, which are recorded")
    func adoptedWeight() {
        for choice in BudgetExecutionPrior.Choice.allCases {
            #expect(choice.prior.patternBreakWeight == 0.19)
            let fitted = BudgetExecutionPrior.fittedPatternBreakWeights[choice] ?? -1
            #expect((0.1...0.3).contains(fitted))
        }
    }

    @Test("a ledger too small to learn from (one year) gets no pattern break: its distribution is the prior's alone")
    func priorOnlyPathHasNoBreak() throws {
        let ledger = try SyntheticLedger(lines: 5, years: 1, seed: 3) { _, g in 0.6 + 0.8 * Double(g.next() % 1_000) / 1_000 }.ledger
        let scenario = Scenario(fileName: "s.yaml", ledgerPath: "ledger.csv", targetYear: FiscalYear("2022/23")!, lines: [])
        let mixed = try BudgetExecutionModel(ledger: ledger, prior: BudgetExecutionPrior.shipped.withPatternBreakWeight(0.5))
        let plain = try BudgetExecutionModel(ledger: ledger, prior: BudgetExecutionPrior.shipped.withPatternBreakWeight(0))
        #expect(mixed.usesPriorOnly)
        for k in ledger.lineNames.indices {
            let history = ledger.history(atIndex: k)
            let line = ScenarioLine(name: ledger.lineNames[k], budget: history.last!.budget, sourceLine: k + 1)
            let a = try #require(mixed.projection(line: line, lineIndex: k, history: history, scenario: scenario))
            let b = try #require(plain.projection(line: line, lineIndex: k, history: history, scenario: scenario))
            #expect(a.distribution == b.distribution, "\(line.name)")
        }
    }
}
