import OutturnNumerics

/// Overspend risk of the total across lines for the target year, from the seeded joint simulation
/// (see `TotalRiskAccumulator`). Its own type, not a line: a ledger may have a line named "Total".
/// Its ``RiskFigures`` read as its own properties (`total.probabilityOfOverspend`).
public struct TotalRisk: RiskFigured, Sendable, Equatable {
    /// The figures of the simulated total: the budget is the sum of the lines' target-year budgets
    /// (exact; income lines count negative, so it is net of income), the projection the sum of the
    /// lines' projections (each rounded to the penny first); P(overspend) is the share of draws whose
    /// total exceeds the budget, the expected overspend the mean over draws of max(total − budget, 0),
    /// the intervals and the budget needed are quantiles of the draws.
    public let figures: RiskFigures
    /// Draws simulated.
    public let draws: Int
    /// The simulation's seed.
    public let seed: UInt64
    /// Correlation between every pair of lines (the one-factor Gaussian copula's ρ).
    public let correlation: Double
    /// Lines with non-normal projections entered as normals with their own mean and standard
    /// deviation because there were too many to simulate one by one.
    public let linesApproximated: Int
    /// The income lines' budgets as a positive amount: the budget and every figure are spending net
    /// of this income (zero without income lines).
    public var incomeBudget: Money = .zero
    /// The lines' latest ledger years summed (nil when no line has one).
    public internal(set) var priorYear: PriorYearFigures? = nil
    /// The sum of the lines' own expected overspends (nil when not known). It is more than the
    /// total's expected overspend whenever some lines may underspend: within one draw their
    /// underspends offset the others' overspends.
    public internal(set) var linesExpectedOverspend: Money? = nil

    /// The method by its technical name (JSON's `method`).
    public var method: String { "joint simulation" }
    /// The method in a finance officer's words (the tables' Method column).
    public var methodInWords: String { "all lines simulated together" }

    /// One plain sentence on how the total was simulated.
    public var reason: String {
        var reason = "simulated \(Money.grouped(UInt64(max(0, draws)))) times (seed \(seed)), every two lines moving together with a correlation of \(DecimalText.trimmed(correlation, decimals: 2))"
        if incomeBudget.pence > 0 {
            reason += "; net of \(incomeBudget.formatted()) income (spending less income: an income shortfall adds to the overspend)"
        }
        if linesApproximated > 0 {
            reason += "; \(linesApproximated) lines with non-normal projections entered as normals with their own mean and spread (too many to simulate one by one)"
        }
        if let offset = offsetSentence { reason += "; " + offset }
        return reason
    }
}
