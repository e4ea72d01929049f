/// Budget against actual for one line (or the total).
public struct VarianceLine: Sendable, Equatable {
    /// The line's name (`Total` for the total).
    public let lineName: String
    /// Budget (exact).
    public let budget: Money
    /// Actual expenditure (exact).
    public let actual: Money
    /// budget − actual: negative means overspent, as in the annual report.
    public let variance: Money
    /// Variance as a percentage of the budget's size (nil when the budget is zero): it has the
    /// variance's sign, so an income shortfall (a negative budget) reads negative, adverse.
    public let variancePercent: Double?
    /// Favourable, adverse or on budget under the materiality rule.
    public let status: VarianceStatus

    /// Computes the variance of `actual` against `budget` under `materiality`.
    public init(lineName: String, budget: Money, actual: Money, materiality: Materiality) {
        self.lineName = lineName
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
