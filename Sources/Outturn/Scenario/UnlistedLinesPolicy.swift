/// What to do with a ledger line that needs a target-year budget but has none in the scenario
/// (neither under `lines:` nor in the `budgets:` file).
public enum UnlistedLinesPolicy: String, Sendable, Equatable, CaseIterable {
    /// Stop with an error naming the line (the default: every line's budget is a decision).
    case error
    /// Hold the line at its budget in the ledger's latest year (which must be more than £0).
    case holdLatestBudget = "hold_latest_budget"
}
