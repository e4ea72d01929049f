/// What the budget-execution model assumes before it has seen a ledger: coefficients and an error
/// shape fitted by `scripts/fit-execution-prior.py` on the published budgets in
/// `datasets/budget-outturn/` (table in BudgetExecutionPrior+Table.swift; docs/risk.md).
package struct BudgetExecutionPrior: Sendable {
    /// Which published data it was fitted on, in plain words.
    package let fittedOn: String
    /// Coefficients of the location regression (terms: ``ExecutionFeatures/locationTerms``).
    let location: [Double]
    /// Coefficients of the scale regression (terms: ``ExecutionFeatures/scaleTerms``).
    let scale: [Double]
    /// Quantiles of the standardised errors at probabilities (k − 0.5)/count, k = 1…count.
    let errorQuantiles: [Double]
    /// Line-years the prior was fitted on.
    package let lineYears: Int
    /// The weight w of the pattern break (docs/risk.md, *A pattern-break mixture*): a line's
    /// distribution is (1 − w)·the model's + w·a break component that overspends with the line's own
    /// past frequency; ledgers too small to learn from (the prior-only path) get no break. 0.19 in every
    /// shipped prior: the largest w (to 0.01) at which the 80% intervals still cover 76–84% on both
    /// shipped organisations under the shipped and the leave-one-body-out priors — a choice made on the
    /// scored data, below the weights fitted by maximum likelihood (`fittedPatternBreakWeights`), with
    /// which Canada's 80% intervals cover 84.1–84.8%. With it every reliability decile with ≥ 20
    /// line-years is within ±0.06 and the Brier scores fall on both organisations.
    package internal(set) var patternBreakWeight: Double = 0.19

    /// The pattern-break weights fitted by maximum likelihood of the one-year-ahead overspends that
    /// `planner evaluate` scores on the shipped data (docs/risk.md): on both organisations (for
    /// ``shipped``), on Israel alone (for ``withoutCanada``) and on Canada alone (for ``withoutIsrael``).
    package static let fittedPatternBreakWeights: [Choice: Double] = [.shipped: 0.219, .withoutCanada: 0.292, .withoutIsrael: 0.166]

    /// Which prior to use: the one fitted on all shipped data (the default), or one fitted leaving a
    /// shipped organisation out, to score that organisation without leaking its own data into the prior.
    package enum Choice: String, Sendable, CaseIterable {
        /// Fitted on every shipped organisation (the default for `planner forecast`).
        case shipped
        /// Fitted on the Israeli data only (to score the Canadian data honestly).
        case withoutCanada = "without-canada"
        /// Fitted on the Canadian data only (to score the Israeli data honestly).
        case withoutIsrael = "without-israel"

        /// The prior itself.
        package var prior: BudgetExecutionPrior {
            switch self {
            case .shipped: return .shipped
            case .withoutCanada: return .withoutCanada
            case .withoutIsrael: return .withoutIsrael
            }
        }
    }

    /// This prior with another pattern-break weight (0 ≤ `weight` ≤ 1).
    package func withPatternBreakWeight(_ weight: Double) -> BudgetExecutionPrior {
        var copy = self
        copy.patternBreakWeight = weight
        return copy
    }
}
