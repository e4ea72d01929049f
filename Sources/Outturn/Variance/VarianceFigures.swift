/// Budget against actual: the figures of one line (``VarianceLine``) or of the total
/// (``VarianceReport/total``). The total is these figures with no name, never a line: a ledger line
/// named "Total" stays a line.
public struct VarianceFigures: Sendable, Equatable {
    /// Budget (exact; of the total, the sum of every line's budget).
    public let budget: Money
    /// Actual expenditure (exact; of the total, the sum of every line's actual).
    public let actual: Money
    /// budget − actual: negative means overspent, as in the annual report.
    public let variance: Money
    /// Variance as a percentage of the budget's size (nil when the budget is zero): it has the
    /// variance's sign, so an income shortfall (a negative budget) reads negative, adverse.
    public let variancePercent: Double?
    /// Favourable, adverse or on budget under the materiality rule.
    public let status: VarianceStatus

    /// Computes the variance of `actual` against `budget` under `materiality`.
    public init(budget: Money, actual: Money, materiality: Materiality) {
        self.budget = budget
        self.actual = actual
        self.variance = budget - actual
        self.variancePercent = budget.pence == 0 ? nil : 100 * Double(variance.pence) / Double(budget.pence.magnitude)
        if materiality.isImmaterial(variance, budget: budget) {
            status = .onBudget
        } else {
            status = variance.pence > 0 ? .favourable : .adverse
        }
    }
}
