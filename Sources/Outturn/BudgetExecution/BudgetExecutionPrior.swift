/// What the budget-execution model assumes before it has seen a ledger: coefficients and an error
/// shape fitted by `scripts/fit-execution-prior.py` on the published budgets in
/// `datasets/budget-outturn/` (table in BudgetExecutionPrior+Table.swift; docs/risk.md).
public struct BudgetExecutionPrior: Sendable {
    /// Which published data it was fitted on, in plain words.
    public let fittedOn: String
    /// Coefficients of the location regression (terms: ``ExecutionFeatures/locationTerms``).
    let location: [Double]
    /// Coefficients of the scale regression (terms: ``ExecutionFeatures/scaleTerms``).
    let scale: [Double]
    /// Quantiles of the standardised errors at probabilities (k − 0.5)/count, k = 1…count.
    let errorQuantiles: [Double]
    /// Line-years the prior was fitted on.
    public let lineYears: Int

    /// Which prior to use: the one fitted on all shipped data (the default), or one fitted leaving a
    /// shipped organisation out, to score that organisation without leaking its own data into the prior.
    public enum Choice: String, Sendable, CaseIterable {
        /// Fitted on every shipped organisation (the default for `planner forecast`).
        case shipped
        /// Fitted on the Israeli data only (to score the Canadian data honestly).
        case withoutCanada = "without-canada"
        /// Fitted on the Canadian data only (to score the Israeli data honestly).
        case withoutIsrael = "without-israel"

        /// The prior itself.
        public var prior: BudgetExecutionPrior {
            switch self {
            case .shipped: return .shipped
            case .withoutCanada: return .withoutCanada
            case .withoutIsrael: return .withoutIsrael
            }
        }
    }
}
