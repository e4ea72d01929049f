import OutturnNumerics

/// The total across lines: a seeded joint Monte Carlo simulation through a Gaussian copula.
///
/// Each draw takes correlated standard normals z (pairwise correlation ρ from the scenario), maps
/// each to u = Φ(z), and turns u into that line's spending with its own predictive quantile
/// function, so each line keeps its own distribution while lines move together as much as ρ says.
/// The total's probability of overspend, expected overspend, intervals and budget needed are the
/// simulated proportions and quantiles. Same inputs and seed → the same figures, byte for byte.
public enum TotalRiskSimulation {
    /// The risk of the sum of `projections` against the sum of their budgets.
    /// - Throws: ``MoneyOverflow`` if the budgets' sum overflows.
    public static func assess(_ projections: [LineProjection], scenario: Scenario) throws -> RiskAssessment {
        let budget = try Money.sum(projections.map(\.budget))
        let draws = CorrelatedNormalDraws.draws(count: scenario.draws, dimension: projections.count,
                                                correlation: scenario.correlation, seed: scenario.seed)
        var totals = [Double](repeating: 0, count: scenario.draws)
        for (column, projection) in projections.enumerated() {
            let quantile = projection.distribution.quantile
            for row in 0..<scenario.draws {
                totals[row] += quantile(min(max(Normal.cdf(draws[row, column]), 1e-12), 1 - 1e-12))
            }
        }
        totals.sort()
        let limit = budget.pounds
        let over = totals.filter { $0 > limit }
        let probability = Double(over.count) / Double(totals.count)
        let expected = over.reduce(0) { $0 + ($1 - limit) } / Double(totals.count)
        func quantile(_ p: Double) -> Double {
            // Type 7 sample quantile (linear interpolation), as R's default.
            let position = p * Double(totals.count - 1)
            let index = Int(position)
            let fraction = position - Double(index)
            return index + 1 < totals.count ? totals[index] + fraction * (totals[index + 1] - totals[index]) : totals[index]
        }
        let projected = try Money.sum(projections.map { RiskAssessment.money($0.distribution.point) })
        return RiskAssessment(
            line: "Total", budget: budget, projected: projected,
            intervals: scenario.confidenceLevels.map {
                (RiskAssessment.money(quantile((1 - $0) / 2)), RiskAssessment.money(quantile((1 + $0) / 2)))
            },
            levels: scenario.confidenceLevels, probabilityOfOverspend: probability,
            expectedOverspend: RiskAssessment.money(expected),
            budgetNeeded: RiskAssessment.money(quantile(scenario.budgetNeededConfidence)),
            budgetNeededConfidence: scenario.budgetNeededConfidence,
            rag: RAG.classify(probability: probability, expectedOverspend: expected, thresholds: scenario.rag,
                              materialityAmount: scenario.materiality.amount),
            method: "joint simulation",
            reason: "\(scenario.draws) seeded draws (seed \(scenario.seed)); lines correlated at \(ReportCell.fixed(scenario.correlation, decimals: 2).trimmingZeros()) through a Gaussian copula")
    }
}
