import Foundation
import OutturnNumerics

/// The total across lines, built up one line at a time (so a million-line ledger never needs its
/// lines in memory together), by a seeded one-factor Gaussian copula.
///
/// Each line's surprise is z_i = √ρ·F + √(1−ρ)·e_i, with F common to all lines and e_i the line's
/// own: the equicorrelated Gaussian copula with correlation ρ, without any lines × lines matrix.
/// Draw d of the total is the sum over lines of Q_i(Φ(z_i,d)). Two cases keep the work at
/// O(draws) per simulated line and O(1) per other line:
/// - **Normal lines** (normal projections with under 10⁻⁹ of mass censored, e.g. every line with
///   one or two years of history) have Q_i(Φ(z)) = μ_i + σ_i·z, so their sum over lines is
///   Σμ_i + √ρ·F·Σσ_i + √(1−ρ)·√(Σσ_i²)·g with g one more standard normal per draw: the same
///   distribution as simulating each line, exactly, at no cost per line.
/// - **Other lines** are simulated one by one, each with its own stream of e seeded from the
///   scenario seed and the line's position, while (such lines × draws) stays within
///   ``individualWorkLimit``; beyond that, each enters as a normal with its own exact mean and
///   standard deviation (a normal approximation, said in the reason). The choice is made up front from the
///   number of lines with three or more years (the only ones the forecaster may give a non-normal
///   shape); lines past the limit are approximated in any case, so the work stays bounded.
/// The common F and g are drawn first from the scenario seed, so the figures do not depend on
/// how lines are grouped into blocks or threads.
package struct TotalRiskAccumulator: Sendable {
    /// Most line-draws simulated one by one (40 million: about 2,000 non-normal lines at 20,000 draws).
    package static let individualWorkLimit = 40_000_000

    let scenario: Scenario
    /// Whether non-normal lines are simulated one by one (else entered as normals).
    package let simulatesIndividually: Bool
    private var common: [Double]
    private var own: [Double]
    private var totals: [Double]
    private var normalMean = 0.0
    private var sumOfSD = 0.0
    private var sumOfVariance = 0.0
    private var approximated = 0
    private var simulated = 0
    private var count = 0
    private var budget = Money.zero
    private var projected = Money.zero
    /// The income lines' budgets as positive amounts (what the total is net of).
    private var incomeBudget = Money.zero

    /// Prepares the total for `scenario`; `linesNeedingSimulation` bounds how many lines may have
    /// non-normal projections (lines with three or more years of history), to choose the method up front.
    package init(scenario: Scenario, linesNeedingSimulation: Int) {
        self.scenario = scenario
        simulatesIndividually = linesNeedingSimulation <= TotalRiskAccumulator.individualWorkLimit / max(1, scenario.draws)
        var generator = Xoshiro256StarStar(seed: scenario.seed)
        common = (0..<scenario.draws).map { _ in generator.nextStandardNormal() }
        own = (0..<scenario.draws).map { _ in generator.nextStandardNormal() }
        totals = [Double](repeating: 0, count: scenario.draws)
    }

    /// Adds the next line (lines must come in the same order every run).
    /// - Throws: ``MoneyOverflow`` if the budgets' or projections' sum overflows.
    package mutating func add(_ projection: LineProjection) throws {
        budget = try budget.adding(projection.budget)
        projected = try projected.adding(try RiskAssessment.money(projection.projected))
        let distribution = projection.distribution
        defer { count += 1 }
        // Income enters as net spending −R (R the income received): its quantile at u is −Q_R(1 − u),
        // so an income shortfall moves with the common factor like an overspend (they add up).
        let sign: Double = projection.kind == .income ? -1 : 1
        if projection.kind == .income { incomeBudget = try incomeBudget.adding(Money(pence: -projection.budget.pence)) }
        if TotalRiskAccumulator.isEffectivelyNormal(distribution) {
            addNormal(mean: sign * distribution.location, standardDeviation: distribution.scale)
        } else if simulatesIndividually && (simulated + 1) * scenario.draws <= TotalRiskAccumulator.individualWorkLimit {
            totals.withUnsafeMutableBufferPointer { totals in
                TotalRiskAccumulator.addDraws(of: distribution, sign: sign, position: count, scenario: scenario,
                                              common: common, to: totals)
            }
            simulated += 1
        } else {
            let moments = projection.moments
            addNormal(mean: sign * moments.mean, standardDeviation: moments.standardDeviation)
            approximated += 1
        }
    }

    /// Adds the draws of the line at `position` (0-based, in ledger order) to `totals`: its own
    /// stream, seeded by the position, mixed with the `common` factor at the scenario's correlation
    /// (a one-factor Gaussian copula); `sign` −1 enters an income line as net spending −R, so that
    /// a shortfall moves with overspends. The total and every group draw a line the same way.
    static func addDraws(of distribution: PredictiveDistribution, sign: Double, position: Int, scenario: Scenario,
                         common: [Double], to totals: UnsafeMutableBufferPointer<Double>) {
        let rho = scenario.correlation, shared = rho.squareRoot(), rest = (1 - rho).squareRoot()
        var generator = Xoshiro256StarStar(seed: scenario.seed &+ UInt64(position + 1) &* 0x9E37_79B9_7F4A_7C15)
        // One quantile per draw: prepared once (a pattern-break mixture is tabulated, PreparedQuantile).
        let quantile = distribution.preparedQuantile()
        for d in totals.indices {
            let z = shared * common[d] + rest * generator.nextStandardNormal()
            let u = min(max(Normal.cdf(z), 1e-12), 1 - 1e-12)
            totals[d] += sign < 0 ? -quantile(1 - u) : quantile(u)
        }
    }

    /// True when `distribution` is normal and censoring touches less than 10⁻⁹ of it (its location
    /// at least 6 scales above the bound): it then enters the total through its parameters.
    static func isEffectivelyNormal(_ distribution: PredictiveDistribution) -> Bool {
        guard distribution.shape == .normal else { return false }
        guard let bound = distribution.lowerBound else { return true }
        return distribution.scale == 0 ? distribution.location >= bound
            : distribution.location - bound >= 6 * distribution.scale
    }

    private mutating func addNormal(mean: Double, standardDeviation: Double) {
        normalMean += mean
        sumOfSD += standardDeviation
        sumOfVariance += standardDeviation * standardDeviation
    }

    /// The total's risk against the sum of the budgets.
    /// - Throws: ``MoneyOverflow`` if a simulated figure is beyond exact money.
    package func assessment() throws -> TotalRisk {
        let rho = scenario.correlation
        let shared = rho.squareRoot() * sumOfSD, rest = ((1 - rho) * sumOfVariance).squareRoot()
        var draws = totals
        for d in draws.indices { draws[d] += normalMean + shared * common[d] + rest * own[d] }
        draws.sort()
        return TotalRisk(
            figures: try RiskFigures(sorted: draws, budget: budget, projected: projected, scenario: scenario),
            draws: scenario.draws, seed: scenario.seed, correlation: rho, linesApproximated: approximated,
            incomeBudget: incomeBudget)
    }
}
