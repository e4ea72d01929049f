import OutturnNumerics

/// Overspend risk of one line (or the total) for the target year.
public struct RiskAssessment: Sendable, Equatable {
    /// The line's name (`Total` for the total).
    public let line: String
    /// Target-year budget (exact).
    public let budget: Money
    /// Central projection of spending, rounded to the penny.
    public let projected: Money
    /// The lower and higher central intervals (levels in ``levels``), pounds rounded to pence.
    public let intervals: [(lower: Money, upper: Money)]
    /// The interval levels, ascending (0.8, 0.95).
    public let levels: [Double]
    /// P(spending > budget), in [0, 1].
    public let probabilityOfOverspend: Double
    /// E[max(spending − budget, 0)], pounds rounded to pence.
    public let expectedOverspend: Money
    /// The budget needed to be `budgetNeededConfidence` sure of not overspending (a quantile).
    public let budgetNeeded: Money
    /// The confidence behind ``budgetNeeded``.
    public let budgetNeededConfidence: Double
    /// Red, amber or green.
    public let rag: RAG
    /// The method, in a few words.
    public let method: String
    /// One plain sentence on what was done and assumed.
    public let reason: String

    public static func == (lhs: RiskAssessment, rhs: RiskAssessment) -> Bool {
        lhs.line == rhs.line && lhs.budget == rhs.budget && lhs.projected == rhs.projected
            && lhs.intervals.map(\.lower) == rhs.intervals.map(\.lower)
            && lhs.intervals.map(\.upper) == rhs.intervals.map(\.upper)
            && lhs.probabilityOfOverspend == rhs.probabilityOfOverspend && lhs.expectedOverspend == rhs.expectedOverspend
            && lhs.budgetNeeded == rhs.budgetNeeded && lhs.rag == rhs.rag && lhs.method == rhs.method
            && lhs.reason == rhs.reason
    }
}

extension RiskAssessment {
    /// The risk of a line from its projection, under the scenario's levels, thresholds and materiality.
    public init(projection: LineProjection, scenario: Scenario) {
        let distribution = projection.distribution
        let budget = projection.budget.pounds
        let probability = distribution.probabilityAbove(budget)
        // Lines' shapes (normal, calibrated empirical) always have a finite partial expectation.
        guard let expected = distribution.expectedExcess(over: budget) else {
            preconditionFailure("line '\(projection.line)': infinite expected overspend (shape \(distribution.shape))")
        }
        self.init(line: projection.line, budget: projection.budget, projected: RiskAssessment.money(projection.projected),
                  intervals: scenario.confidenceLevels.map { level in
                      let interval = distribution.interval(level: level)
                      return (RiskAssessment.money(interval.lower), RiskAssessment.money(interval.upper))
                  },
                  levels: scenario.confidenceLevels, probabilityOfOverspend: probability,
                  expectedOverspend: RiskAssessment.money(expected),
                  budgetNeeded: RiskAssessment.money(distribution.quantile(scenario.budgetNeededConfidence)),
                  budgetNeededConfidence: scenario.budgetNeededConfidence,
                  rag: RAG.classify(probability: probability, expectedOverspend: expected, thresholds: scenario.rag,
                                    materialityAmount: scenario.materiality.amount),
                  method: projection.method, reason: projection.reason)
    }

    /// Pounds (a model output) to exact money; non-finite values (never expected) become zero.
    static func money(_ pounds: Double) -> Money { Money(roundingPounds: pounds) ?? .zero }
}
