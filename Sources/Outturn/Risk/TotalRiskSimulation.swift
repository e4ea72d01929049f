/// The total across lines: a seeded joint Monte Carlo simulation through a one-factor Gaussian
/// copula (see ``TotalRiskAccumulator``, which does the work one line at a time).
///
/// Each line keeps its own distribution while lines move together as much as the scenario's
/// correlation says. Same inputs and seed → the same figures, byte for byte.
public enum TotalRiskSimulation {
    /// The risk of the sum of `projections` against the sum of their budgets.
    /// - Throws: ``MoneyOverflow`` if the budgets' sum overflows.
    public static func assess(_ projections: [LineProjection], scenario: Scenario) throws -> RiskAssessment {
        var accumulator = TotalRiskAccumulator(scenario: scenario,
                                               linesNeedingSimulation: projections.filter { $0.yearsOfHistory >= 3 }.count)
        for projection in projections { try accumulator.add(projection) }
        return accumulator.assessment()
    }
}
