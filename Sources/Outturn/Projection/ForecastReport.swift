/// Everything `planner forecast` reports: each line's projection and risk, the total, the activity.
public struct ForecastReport: Sendable {
    /// The target year.
    public let year: FiscalYear
    /// The scenario it came from.
    public let scenario: Scenario
    /// One assessment per budget line, in ledger order.
    public let lines: [RiskAssessment]
    /// The total across lines, from the joint simulation.
    public let total: RiskAssessment
    /// The activity series projections.
    public let activity: [ActivityProjection]

    /// Projects every line of `resolved`, assesses its risk, simulates the total and projects activity.
    /// - Throws: ``InputError`` for data the forecaster cannot use; ``MoneyOverflow``.
    public init(_ resolved: ResolvedScenario) throws {
        let scenario = resolved.scenario
        let projections = try scenario.lines.map { line in
            try LineProjection.project(line: line, history: resolved.ledger.history(of: line.name), scenario: scenario,
                                       ledgerFile: resolved.ledger.fileName)
        }
        self.year = scenario.targetYear
        self.scenario = scenario
        self.lines = projections.map { RiskAssessment(projection: $0, scenario: scenario) }
        self.total = try TotalRiskSimulation.assess(projections, scenario: scenario)
        self.activity = try resolved.activity.map { try ActivityProjection.project($0, scenario: scenario) }
    }
}
