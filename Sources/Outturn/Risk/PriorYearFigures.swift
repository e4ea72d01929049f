import OutturnNumerics

/// The ledger's latest year of a line (or of the lines together): what was spent and budgeted,
/// shown beside the projection so that a reader sees the change from last year.
public struct PriorYearFigures: Sendable, Equatable {
    /// The year the figures are from: the line's latest ledger year (for the total, the latest of any line's).
    public let year: FiscalYear
    /// Spending in that year (exact).
    public let actual: Money
    /// The budget in that year (exact).
    public let budget: Money

    /// Figures of `year`: spending `actual` against `budget`.
    public init(year: FiscalYear, actual: Money, budget: Money) {
        self.year = year
        self.actual = actual
        self.budget = budget
    }

    /// The latest entry of a line's history (oldest first), or nil for a line without history.
    init?(history: [LedgerEntry]) {
        guard let last = history.last else { return nil }
        self.init(year: last.year, actual: last.actual, budget: last.budget)
    }

    /// The budget change to `target` as a fraction of this year's budget ((target − budget) / budget,
    /// 0.05 = 5% more); nil when this year's budget is £0, where no percentage exists.
    public func budgetChange(to target: Money) -> Double? {
        guard budget.pence != 0 else { return nil }
        return Double(target.pence - budget.pence) / Double(budget.pence)
    }
}

/// The lines' prior-year figures and expected overspends summed as the lines arrive, for the
/// total's row (``TotalRisk/priorYear``, ``TotalRisk/linesExpectedOverspend``).
struct PriorYearTotals {
    private var year: FiscalYear?
    private var actual = Money.zero, budget = Money.zero
    private var expectedOverspend = Money.zero

    /// Adds one line's assessment.
    /// - Throws: ``MoneyOverflow`` if a sum leaves exact money.
    mutating func add(_ risk: RiskAssessment) throws {
        expectedOverspend = try expectedOverspend.adding(risk.expectedOverspend)
        guard let prior = risk.priorYear else { return }
        year = max(year ?? prior.year, prior.year)
        actual = try actual.adding(prior.actual)
        budget = try budget.adding(prior.budget)
    }

    /// `total` with the summed prior-year figures (nil when no line had a prior year) and the sum of
    /// the lines' expected overspends.
    func completing(_ total: TotalRisk) -> TotalRisk {
        var total = total
        total.priorYear = year.map { PriorYearFigures(year: $0, actual: actual, budget: budget) }
        total.linesExpectedOverspend = expectedOverspend
        return total
    }
}
