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

    /// Projects every line of `resolved`, assesses its risk, simulates the total and projects activity
    /// (through ``ForecastRun``, keeping every line's assessment).
    /// - Throws: ``InputError`` for data the forecaster cannot use; ``MoneyOverflow``.
    public init(_ resolved: ResolvedScenario) throws {
        var lines: [RiskAssessment] = []
        let (total, activity) = try ForecastRun.run(resolved) { lines.append($0) }
        self.init(year: resolved.scenario.targetYear, scenario: resolved.scenario, lines: lines, total: total,
                  activity: activity)
    }

    /// A report from its parts.
    public init(year: FiscalYear, scenario: Scenario, lines: [RiskAssessment], total: RiskAssessment,
                activity: [ActivityProjection]) {
        self.year = year
        self.scenario = scenario
        self.lines = lines
        self.total = total
        self.activity = activity
    }
}
