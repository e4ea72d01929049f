import Foundation
import OutturnNumerics

/// The total and every group's subtotal (``LineGroups``), built up one line at a time from ONE joint
/// simulation: each draw of a group is the sum of its lines' parts of the same draw of the total, so
/// the groups are correlated with each other and with the total as their lines are.
///
/// The same seeded one-factor Gaussian copula as `TotalRiskAccumulator` (the common factor F is
/// drawn first from the scenario seed, identically; a simulated line's own stream is seeded by the
/// seed and its position, identically), kept per group instead of for the whole ledger:
/// - **Normal lines** enter their group through three sums (Σμ, Σσ, Σσ²), and the group's draws are
///   Σμ + √ρ·F·Σσ + √(1−ρ)·√(Σσ²)·g_c, with g_c a standard normal stream of the group's own: exactly
///   the distribution of simulating each line, at no cost per line and no memory per draw until the end.
/// - **Other lines** (non-normal projections) are simulated one by one into a vector of draws held by
///   the group they sit in directly, while the work stays within
///   `TotalRiskAccumulator/individualWorkLimit` and the vectors within ``vectorLimit`` values;
///   beyond either, a line enters as a normal with its own exact mean and standard deviation (counted
///   in ``TotalRisk/linesApproximated``, as for the total).
///
/// Memory: 2 × draws for F and the ungrouped lines' g, a vector of draws for each group holding a
/// simulated line directly (at most ``vectorLimit`` values in all), three sums per group, and at the
/// end (depth + 2) × draws to roll the groups up (`GroupRollup`). It never holds draws × groups.
/// The total is the sum of every group's draws and the ungrouped lines': its figures have the same
/// distribution as `TotalRiskAccumulator`'s, though not the same draws (the normal lines' own parts
/// are drawn per group).
package struct GroupRiskAccumulator: Sendable {
    /// Most draws held in the groups' vectors of simulated lines (8 million values, 64 MB).
    package static let vectorLimit = 8_000_000

    let scenario: Scenario
    /// The groups the lines roll up into.
    package let groups: LineGroups
    /// Whether non-normal lines are simulated one by one (the same choice as `TotalRiskAccumulator`).
    package let simulatesIndividually: Bool
    private var common: [Double]
    /// Per group, then one for the ungrouped lines.
    private var cells: [Cell]
    private var tallies: [GroupRollup.Tally]
    private var vectorsHeld = 0
    private var approximated = 0
    private var simulated = 0
    private var count = 0

    /// One group's (or the ungrouped lines') lines directly in it.
    private struct Cell: Sendable {
        var simulatedDraws: [Double]?
        var normalMean = 0.0
        var sumOfSD = 0.0
        var sumOfVariance = 0.0
    }

    /// Prepares the groups' and the total's simulation for `scenario`; `linesNeedingSimulation` as
    /// for `TotalRiskAccumulator/init(scenario:linesNeedingSimulation:)`.
    package init(scenario: Scenario, groups: LineGroups, linesNeedingSimulation: Int) {
        self.scenario = scenario
        self.groups = groups
        simulatesIndividually = linesNeedingSimulation <= TotalRiskAccumulator.individualWorkLimit / max(1, scenario.draws)
        var generator = Xoshiro256StarStar(seed: scenario.seed)
        common = (0..<scenario.draws).map { _ in generator.nextStandardNormal() }
        cells = Array(repeating: Cell(), count: groups.nodes.count + 1)
        tallies = Array(repeating: GroupRollup.Tally(), count: groups.nodes.count + 1)
    }

    /// Adds the next line, in group `group` (an index into ``LineGroups/nodes``; nil: ungrouped).
    /// Lines must come in the same order every run.
    /// - Throws: ``MoneyOverflow`` if a sum of budgets or projections overflows.
    package mutating func add(_ projection: LineProjection, group: Int?) throws {
        let cell = group ?? groups.nodes.count
        try tallies[cell].add(budget: projection.budget, projected: try RiskAssessment.money(projection.projected))
        let distribution = projection.distribution
        let draws = scenario.draws
        defer { count += 1 }
        // Income enters as net spending −R, as in TotalRiskAccumulator: a shortfall adds to the overspend.
        let sign: Double = projection.kind == .income ? -1 : 1
        if TotalRiskAccumulator.isEffectivelyNormal(distribution) {
            addNormal(cell, mean: sign * distribution.location, standardDeviation: distribution.scale)
            return
        }
        let needsVector = cells[cell].simulatedDraws == nil
        if simulatesIndividually && (simulated + 1) * draws <= TotalRiskAccumulator.individualWorkLimit
            && (!needsVector || vectorsHeld + draws <= GroupRiskAccumulator.vectorLimit) {
            if needsVector {
                cells[cell].simulatedDraws = [Double](repeating: 0, count: draws)
                vectorsHeld += draws
            }
            // The same stream as TotalRiskAccumulator gives the line at this position.
            let common = self.common, position = count, scenario = self.scenario
            cells[cell].simulatedDraws!.withUnsafeMutableBufferPointer { totals in
                TotalRiskAccumulator.addDraws(of: distribution, sign: sign, position: position, scenario: scenario,
                                              common: common, to: totals)
            }
            simulated += 1
        } else {
            let moments = projection.moments
            addNormal(cell, mean: sign * moments.mean, standardDeviation: moments.standardDeviation)
            approximated += 1
        }
    }

    private mutating func addNormal(_ cell: Int, mean: Double, standardDeviation: Double) {
        cells[cell].normalMean += mean
        cells[cell].sumOfSD += standardDeviation
        cells[cell].sumOfVariance += standardDeviation * standardDeviation
    }

    /// The seed of group `cell`'s own normal stream g_c (distinct from the lines' streams, which step by another odd constant).
    private func cellSeed(_ cell: Int) -> UInt64 {
        (scenario.seed ^ 0x5851_F42D_4C95_7F2D) &+ UInt64(cell + 1) &* 0xD1B5_4A32_D192_ED03
    }

    /// Every group's risk (in ``LineGroups/nodes`` order) and the total's, against the sums of their budgets.
    /// - Throws: ``MoneyOverflow`` if a sum or a simulated figure is beyond exact money.
    package func assessment() throws -> (total: TotalRisk, groups: [GroupRisk]) {
        let rho = scenario.correlation, draws = scenario.draws
        let result = try GroupRollup.subtotals(groups: groups, direct: tallies, draws: draws, scenario: scenario) { cell, vector in
            let c = cells[cell]
            if let simulated = c.simulatedDraws { for d in vector.indices { vector[d] += simulated[d] } }
            guard c.sumOfVariance > 0 || c.normalMean != 0 else { return }
            let shared = rho.squareRoot() * c.sumOfSD, rest = ((1 - rho) * c.sumOfVariance).squareRoot()
            var generator = Xoshiro256StarStar(seed: cellSeed(cell))
            for d in vector.indices {
                vector[d] += c.normalMean + shared * common[d] + rest * generator.nextStandardNormal()
            }
        }
        var all = GroupRollup.Tally()
        for tally in tallies { try all.add(tally) }
        let total = TotalRisk(
            figures: try RiskFigures(sorted: result.total.sorted(), budget: all.budget, projected: all.projected, scenario: scenario),
            draws: draws, seed: scenario.seed, correlation: rho, linesApproximated: approximated)
        return (total, result.groups)
    }
}
