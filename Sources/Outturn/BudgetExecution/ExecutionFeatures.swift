import Foundation

/// What a line's own record says about next year's spending against its target budget: the
/// inputs of the budget-execution model (docs/risk.md). `scripts/fit-execution-prior.py` computes
/// exactly the same quantities; keep the two in step.
///
/// All ratios are on the log scale and clamped to [−3, 3] (5% to 20× of budget), so a year with
/// nothing spent or a budget of a few pounds cannot dominate a pooled fit.
struct ExecutionFeatures: Sendable, Equatable {
    /// Years of usable history (budget > 0, actual ≥ 0, contiguous, ending the year before the target).
    let years: Int
    /// Mean of log(actual / budget) over the last ≤ 5 years: the line's usual execution.
    let meanRecord: Double
    /// Share of the last ≤ 5 years in which the line spent more than its budget.
    let overspendShare: Double
    /// log(target budget / last budget), clamped: the budget change (negative = a cut).
    let budgetChange: Double
    /// Trend of log actual spending over the last ≤ 5 years, per year (0 with fewer than 3 years),
    /// from ``LineTrends``; clamped to [−0.5, 0.5].
    let trendSlope: Double
    /// Standard deviation of log(actual / budget) over the last ≤ 5 years (0 with one year).
    let recordDispersion: Double
    /// log(last actual / last budget), clamped: last year's execution.
    let lastRecord: Double

    /// Largest number of past years the features look at.
    static let window = 5

    /// log(x) clamped to [−3, 3]; 0 and negative x give −3.
    static func clampedLog(_ x: Double) -> Double {
        guard x > 0 else { return -maximumLogRatio }
        return min(maximumLogRatio, max(-maximumLogRatio, log(x)))
    }

    /// The clamp of every log ratio the model sees and predicts: ±3 (about 5% and 20 times).
    static let maximumLogRatio = 3.0

    /// Features of a line whose usable `history` (oldest first, non-empty) is followed by a year
    /// budgeted at `targetBudget` (> 0); `trendSlope` from the ledger's batch trend fit.
    init(budgets: ArraySlice<Double>, actuals: ArraySlice<Double>, targetBudget: Double, trendSlope: Double) {
        precondition(!budgets.isEmpty && budgets.count == actuals.count)
        years = budgets.count
        let m = min(years, ExecutionFeatures.window)
        let b = Array(budgets.suffix(m)), a = Array(actuals.suffix(m))
        let ratios = zip(a, b).map { ExecutionFeatures.clampedLog($0 / $1) }
        let mean = ratios.reduce(0, +) / Double(m)
        meanRecord = mean
        overspendShare = Double(zip(a, b).filter { $0 > $1 }.count) / Double(m)
        budgetChange = ExecutionFeatures.clampedLog(targetBudget / b[m - 1])
        self.trendSlope = min(0.5, max(-0.5, trendSlope))
        lastRecord = ratios[m - 1]
        recordDispersion = m >= 2 ? (ratios.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(m - 1)).squareRoot() : 0
    }

    /// Names of the location design's columns, in order (docs and the prior table use them).
    static let locationTerms = ["intercept", "lastRecord", "meanRecord", "overspendShare", "budgetChange",
                                "trendSlope", "historyWeight", "meanRecord×historyWeight", "oneYear"]
    /// Index of `budgetChange`, the only term that depends on the target budget B: with its coefficient
    /// β ≤ 0 the centre of log(spend / B) is non-increasing in B (spending scales as B^(1+β), 0 ≤ 1+β ≤ 1
    /// when β ≥ −1: β = 0 is "spends in proportion to its budget", β = −1 "ignores its budget").
    static let budgetChangeTerm = 4

    /// The location design row: the regression of log(actual / target budget) on these.
    var locationRow: [Double] {
        let weight = Double(min(years, ExecutionFeatures.window)) / Double(ExecutionFeatures.window)
        return [1, lastRecord, meanRecord, overspendShare, budgetChange, trendSlope, weight, meanRecord * weight,
                years == 1 ? 1 : 0]
    }

    /// Names of the scale design's columns.
    static let scaleTerms = ["intercept", "1/years", "log(0.02 + dispersion)", "|meanRecord|", "|lastRecord|", "|trendSlope|"]

    /// The scale design row: the regression of log(|residual| + 0.01) on these. None depends on
    /// the target budget, so the spread cannot make a larger budget riskier.
    var scaleRow: [Double] {
        let m = Double(min(years, ExecutionFeatures.window))
        return [1, 1 / m, years >= 2 ? log(0.02 + recordDispersion) : log(0.02 + 0.1), abs(meanRecord), abs(lastRecord),
                abs(trendSlope)]
    }
}
