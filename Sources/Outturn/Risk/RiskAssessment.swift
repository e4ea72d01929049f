import OutturnNumerics

/// Overspend risk of one budget line for the target year (the total is ``TotalRisk``): its
/// ``RiskFigures`` (read as its own properties: `risk.probabilityOfOverspend`) and what says how
/// they were reached.
public struct RiskAssessment: RiskFigured, Sendable, Equatable {
    /// The line's name.
    public let lineName: String
    /// The line's budget, projection, intervals, P(overspend), expected overspend, budget needed and RAG.
    public let figures: RiskFigures
    /// The method by its technical name (JSON's `method`).
    public let method: String
    /// The method in a finance officer's words (the tables' Method column); nil: ``method``.
    public internal(set) var methodInWords: String? = nil
    /// One plain sentence on what was done and assumed.
    public let reason: String
    /// Spending or income. For income every figure keeps the ledger's negative sign and the
    /// overspend figures are of a shortfall: P(income < budget) and E[max(budget − income, 0)].
    public internal(set) var kind: LineKind = .spending
    /// The line's latest ledger year (spending and budget), nil for a line without history.
    public internal(set) var priorYear: PriorYearFigures? = nil
}

extension RiskAssessment {
    /// The risk of a line from its projection, under the scenario's levels, thresholds and materiality.
    /// - Throws: ``MoneyOverflow`` if a figure is beyond exact money (about £92 trillion).
    public init(projection: LineProjection, scenario: Scenario) throws {
        if projection.kind == .income {
            self = try RiskAssessment(income: projection, scenario: scenario)
            return
        }
        let distribution = projection.distribution
        let budget = projection.budget.pounds
        let probability = distribution.probabilityAbove(budget)
        // Lines' shapes (normal, calibrated empirical, the budget-execution model's log-empirical shape
        // with its upper limit) always have a finite partial expectation.
        guard let expected = distribution.expectedExcess(over: budget) else {
            preconditionFailure("line '\(projection.lineName)': infinite expected overspend (shape \(distribution.shape))")
        }
        let rag = RAG.classify(probability: probability.value, expectedOverspend: expected, thresholds: scenario.rag,
                               materialityAmount: scenario.materiality.amount)
        let expectedMoney = try RiskAssessment.money(expected)
        let figures = RiskFigures(
            budget: projection.budget, projected: try RiskAssessment.money(projection.projected),
            intervals: try scenario.confidenceLevels.map { level in
                let interval = distribution.interval(level: level)
                return MoneyInterval(level: level, lower: try RiskAssessment.money(interval.lower),
                                     upper: try RiskAssessment.money(interval.upper))
            },
            probabilityOfOverspend: probability,
            expectedOverspend: expectedMoney,
            budgetNeeded: try RiskAssessment.money(distribution.quantile(scenario.budgetNeededConfidence)),
            budgetNeededConfidence: scenario.budgetNeededConfidence,
            rag: rag)
        self.init(lineName: projection.lineName, figures: figures, method: projection.method,
                  reason: RiskAssessment.reason(projection.reason, rag: rag, probability: probability.value,
                                                expectedOverspend: expectedMoney, scenario: scenario, shortfall: false))
        methodInWords = projection.methodInWords
    }

    /// The projection's reason, ending with why a line that could overspend is green when that is
    /// only because its expected overspend is immaterial ("…; likely to overspend, by an immaterial £50").
    static func reason(_ base: String, rag: RAG, probability: Double, expectedOverspend: Money, scenario: Scenario,
                       shortfall: Bool) -> String {
        guard rag == .green, let note = RAG.immaterialNote(probability: probability, expectedOverspend: expectedOverspend,
                                                           thresholds: scenario.rag, materialityAmount: scenario.materiality.amount,
                                                           shortfall: shortfall) else { return base }
        return base.isEmpty ? note : base + "; " + note
    }

    /// Pounds (a model output) to exact money, rounded to the penny.
    /// - Throws: ``MoneyOverflow`` when the figure is not finite or beyond about £92 trillion.
    static func money(_ pounds: Double) throws -> Money {
        guard let money = Money(roundingPounds: pounds) else { throw MoneyOverflow() }
        return money
    }
}

/// A central interval of spending at `level`: pounds rounded to pence.
public struct MoneyInterval: Sendable, Equatable {
    /// The probability the interval holds (0.8 → the 10% and 90% quantiles).
    public let level: Double
    /// The (1 − level)/2 quantile.
    public let lower: Money
    /// The (1 + level)/2 quantile.
    public let upper: Money

    /// An interval at `level` from `lower` to `upper`.
    public init(level: Double, lower: Money, upper: Money) {
        self.level = level
        self.lower = lower
        self.upper = upper
    }
}
