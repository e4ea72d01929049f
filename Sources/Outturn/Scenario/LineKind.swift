/// Whether a budget line is spending or income (fees, grants, recharges).
///
/// Amounts keep the ledger's sign throughout: spending positive, income negative, as most ledgers
/// write them. A line is income when its scenario budget is negative, or when the scenario says
/// `kind: income` (whose budget must then be written negative too, so that a sign slip is caught,
/// not guessed). Its risk is a **shortfall**: income received below its (negative) budget is an
/// overspend of the net budget, so the report's P(overspend) and expected overspend are, for an
/// income line, P(shortfall) and the expected shortfall, and the total nets income against spending.
public enum LineKind: String, Sendable, Equatable, CaseIterable {
    /// Spending: positive amounts; the risk is spending above the budget.
    case spending
    /// Income: negative amounts; the risk is receiving less than the budget.
    case income
}
