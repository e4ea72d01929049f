/// How a line's spending compares with its budget.
public enum VarianceStatus: String, Sendable, Equatable, CaseIterable {
    /// Spent materially less than budget.
    case favourable
    /// Spent materially more than budget.
    case adverse
    /// Within the materiality rule.
    case onBudget = "on budget"
}
