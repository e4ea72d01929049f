import OutturnNumerics

/// The risk figures of spending against a budget, the one set that a line (``RiskAssessment``), a
/// group of lines (``GroupRisk``) and the total (``TotalRisk``) each hold and every report shows:
/// adding a figure touches this type, and the report's columns, only.
///
/// For an income line every figure keeps the ledger's negative sign and the overspend figures are
/// of a shortfall (``RiskAssessment/kind``).
public struct RiskFigures: Sendable, Equatable {
    /// The target-year budget (exact; of a group or the total, the sum of its lines' budgets).
    public let budget: Money
    /// Central projection of spending, rounded to the penny (of a group or the total, its lines'
    /// projections summed, each rounded to the penny first).
    public let projected: Money
    /// The central intervals at the scenario's levels, ascending (0.8, 0.95).
    public let intervals: [MoneyInterval]
    /// P(spending > budget).
    public let probabilityOfOverspend: Probability
    /// E[max(spending − budget, 0)], pounds rounded to pence.
    public let expectedOverspend: Money
    /// The budget needed to be ``budgetNeededConfidence`` sure of not overspending (a quantile).
    public let budgetNeeded: Money
    /// The confidence behind ``budgetNeeded``, in (0, 1).
    public let budgetNeededConfidence: Double
    /// Red, amber or green.
    public let rag: RAG

    /// The interval levels, ascending (0.8, 0.95).
    public var levels: [Double] { intervals.map(\.level) }

    /// Figures given one by one (every figure already rounded to the penny).
    package init(budget: Money, projected: Money, intervals: [MoneyInterval], probabilityOfOverspend: Probability,
                 expectedOverspend: Money, budgetNeeded: Money, budgetNeededConfidence: Double, rag: RAG) {
        self.budget = budget
        self.projected = projected
        self.intervals = intervals
        self.probabilityOfOverspend = probabilityOfOverspend
        self.expectedOverspend = expectedOverspend
        self.budgetNeeded = budgetNeeded
        self.budgetNeededConfidence = budgetNeededConfidence
        self.rag = rag
    }
}

extension RiskFigures {
    /// The figures of a simulated sum (the total's or a group's) against `budget`, from its draws
    /// `sorted` ascending (not empty): the share of draws above the budget, the mean excess over it,
    /// and type-7 sample quantiles for the intervals and the budget needed.
    /// - Throws: ``MoneyOverflow`` if a figure is beyond exact money.
    init(sorted draws: [Double], budget: Money, projected: Money, scenario: Scenario) throws {
        let limit = budget.pounds
        var over = 0, excess = 0.0
        for value in draws.reversed() {
            guard value > limit else { break }
            over += 1
            excess += value - limit
        }
        let probability = Double(over) / Double(draws.count)
        let expected = excess / Double(draws.count)
        func quantile(_ p: Double) throws -> Money { try RiskAssessment.money(SampleQuantile.type7(p, sorted: draws)) }
        self.init(budget: budget, projected: projected,
                  intervals: try scenario.confidenceLevels.map {
                      MoneyInterval(level: $0, lower: try quantile((1 - $0) / 2), upper: try quantile((1 + $0) / 2))
                  },
                  probabilityOfOverspend: Probability(clamping: probability),
                  expectedOverspend: try RiskAssessment.money(expected),
                  budgetNeeded: try quantile(scenario.budgetNeededConfidence),
                  budgetNeededConfidence: scenario.budgetNeededConfidence,
                  rag: RAG.classify(probability: probability, expectedOverspend: expected, thresholds: scenario.rag,
                                    materialityAmount: scenario.materiality.amount))
    }
}

/// A line, a group or the total: something with ``RiskFigures``. Its figures read as its own
/// properties (`risk.probabilityOfOverspend` is `risk.figures.probabilityOfOverspend`), so the three
/// types declare them once, in ``RiskFigures``, and their readers need not say `figures`.
@dynamicMemberLookup
public protocol RiskFigured {
    /// The figures against the budget.
    var figures: RiskFigures { get }
}

extension RiskFigured {
    /// One of ``figures``' properties, by name (`risk.budget`, `risk.rag`).
    public subscript<Value>(dynamicMember keyPath: KeyPath<RiskFigures, Value>) -> Value { figures[keyPath: keyPath] }
}
