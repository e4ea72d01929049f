/// Everything `planner forecast` reports, held together (tests and small callers; the command
/// streams the same results through `ForecastReportWriter` instead).
public struct ForecastReport: Sendable {
    /// The target year.
    public let year: FiscalYear
    /// The scenario it came from.
    public let scenario: Scenario
    /// One assessment per budget line, in ledger order.
    public let lines: [RiskAssessment]
    /// The total across lines, from the joint simulation.
    public let total: TotalRisk
    /// The activity series projections.
    public let activity: [ActivityProjection]
    /// Ledger lines left out because they ended before the ledger's latest year.
    public var closedLines: [ClosedLine] = []
    /// The ledger's latest year (for the closed lines' note); nil when not known.
    public var ledgerLatestYear: FiscalYear?
    /// Every group's subtotal, depth-first (empty without a `group` column).
    public var groups: [GroupRisk] = []

    /// Projects every line of `resolved`, assesses its risk, simulates the total and projects activity
    /// (through ``ForecastRun``, keeping every line's assessment); `progress`, if given, is called with
    /// the number of lines in each block as it is done (for a progress line).
    /// - Throws: ``InputError`` for data the forecaster cannot use; ``MoneyOverflow``.
    public init(_ resolved: ResolvedScenario, progress: ((Int) -> Void)? = nil) throws {
        var lines: [RiskAssessment] = []
        let outcome = try ForecastRun.run(resolved) { lines += $0; progress?($0.count) }
        self.init(year: resolved.scenario.targetYear, scenario: resolved.scenario, lines: lines, total: outcome.total,
                  activity: outcome.activity)
        closedLines = outcome.closedLines
        ledgerLatestYear = outcome.ledgerLatestYear
        groups = outcome.groups
    }

    /// A report from its parts.
    package init(year: FiscalYear, scenario: Scenario, lines: [RiskAssessment], total: TotalRisk,
                activity: [ActivityProjection]) {
        self.year = year
        self.scenario = scenario
        self.lines = lines
        self.total = total
        self.activity = activity
    }
}
