import Foundation
import OutturnNumerics

/// What a forecast run returns after its lines: the total and the activity projections.
public struct ForecastOutcome: Sendable, Equatable {
    /// The total across lines.
    public let total: TotalRisk
    /// The activity series projections, in the activity file's order.
    public let activity: [ActivityProjection]
    /// Ledger lines left out because they ended before the ledger's latest year (``ClosedLine``).
    public var closedLines: [ClosedLine] = []
    /// The ledger's latest year (for the closed lines' note); nil when not known.
    public var ledgerLatestYear: FiscalYear?
    /// Every line's status counted, with budgets and expected overspends (nil when not counted).
    public var tally: RAGTally?
    /// Every group's subtotal, depth-first (empty when the ledger has no `group` column).
    public var groups: [GroupRisk] = []
}

/// Projects every line of a resolved scenario in ledger order, in blocks whose lines are projected
/// on several threads, handing each block of risks on as soon as it is done and building up the
/// total, so that no more than one block of projections is held at a time.
///
/// Data flow one way: resolved scenario in, blocks of ``RiskAssessment`` and a ``ForecastOutcome``
/// out. The output order and every figure are independent of the block size and thread count.
public enum ForecastRun {
    /// Lines per block (each block is split across the threads).
    package static let defaultBlockSize = 4_096
    /// The machine's active cores (2 on the project's standard machine).
    package static var defaultThreads: Int { ParallelMap.cores }

    /// Runs the forecast: calls `block` with each block of lines' risks, in ledger order, then
    /// returns the total and the activity projections. Activity is projected first, so its errors
    /// come before any line is handed on.
    /// - Throws: ``InputError``, ``MoneyOverflow``, or whatever `block` throws.
    /// - Parameters:
    ///   - resolved: the validated scenario, ledger and activity series.
    ///   - blockSize: lines per block (default 4,096).
    ///   - threads: threads per block (default: every active core).
    ///   - block: receives each block's assessments, one per budget line, in ledger order.
    public static func run(_ resolved: ResolvedScenario, blockSize: Int? = nil, threads: Int? = nil,
                           block: ([RiskAssessment]) throws -> Void) throws -> ForecastOutcome {
        let blockSize = blockSize ?? defaultBlockSize, threads = threads ?? defaultThreads
        let scenario = resolved.scenario
        let ledger = resolved.ledger
        let lines = scenario.lines
        let longHistories = lines.reduce(0) { count, line in
            count + ((ledger.lineIndex(matching: line.name).map(ledger.historyLength(atIndex:)) ?? 0) >= 3 ? 1 : 0)
        }
        let fitted = try resolved.activity.map { try ActivityProjection.project($0, scenario: scenario) }
        // Totals and shares declared in the scenario come from the fitted series, not fits of their own.
        let activity = fitted + (try DerivedActivity.project(scenario.activityMeasures, series: resolved.activity,
                                                             projections: fitted, scenario: scenario))
        var total = TotalRiskAccumulator(scenario: scenario, linesNeedingSimulation: longHistories)
        // With groups, one accumulator gives the total and every group from the same draws.
        var grouped = resolved.lineGroups.map {
            GroupRiskAccumulator(scenario: scenario, groups: $0, linesNeedingSimulation: longHistories)
        }
        // BudgetExecution: learnt once from the whole ledger, used for every line it applies to.
        let execution = try BudgetExecutionModel(ledger: ledger)
        var tally = RAGTally()
        var priorYears = PriorYearTotals()
        var start = 0
        while start < lines.count {
            let end = min(lines.count, start + max(1, blockSize))
            let projected = try project(Array(lines[start..<end]), resolved: resolved, threads: threads,
                                    execution: execution)
            for (offset, line) in projected.enumerated() {
                if grouped != nil {
                    let group = ledger.lineIndex(matching: lines[start + offset].name).flatMap(grouped!.groups.group(ofLineAt:))
                    try grouped!.add(line.projection, group: group)
                } else {
                    try total.add(line.projection)
                }
                try tally.add(line.risk)
                try priorYears.add(line.risk)
            }
            try block(projected.map(\.risk))
            start = end
        }
        if let grouped {
            let assessed = try grouped.assessment()
            var outcome = ForecastOutcome(total: priorYears.completing(assessed.total), activity: activity,
                                          closedLines: resolved.closedLines, ledgerLatestYear: ledger.latestYear, tally: tally)
            outcome.groups = assessed.groups
            return outcome
        }
        return ForecastOutcome(total: priorYears.completing(try total.assessment()), activity: activity,
                               closedLines: resolved.closedLines, ledgerLatestYear: ledger.latestYear, tally: tally)
    }

    /// Projects `lines` and assesses each, split into pieces for `threads` threads; results in input order.
    static func project(_ lines: [ScenarioLine], resolved: ResolvedScenario, threads: Int,
                        execution: BudgetExecutionModel? = nil) throws -> [Projected] {
        // Four pieces per thread even out lines of unequal cost (5-year fits beside 1-year carries).
        let parts = threads <= 1 ? 1 : max(1, min(threads * 4, lines.count / 64))
        let pieces = ParallelMap.chunks(count: lines.count, chunkCount: parts) { range in
            Result { try range.map { try Projected(lines[$0], resolved: resolved, execution: execution) } }
        }
        return try pieces.flatMap { try $0.get() }
    }
}

/// One line's projection and its risk.
struct Projected: Sendable {
    let projection: LineProjection
    let risk: RiskAssessment

    init(_ line: ScenarioLine, resolved: ResolvedScenario, execution: BudgetExecutionModel? = nil) throws {
        let ledger = resolved.ledger
        let index = ledger.lineIndex(matching: line.name)
        let history = index.map(ledger.history(atIndex:)) ?? []
        projection = try LineProjection.project(line: line, history: history,
                                                scenario: resolved.scenario, ledgerFile: ledger.fileName,
                                                execution: execution, lineIndex: index).noting(LedgerGap.note(for: history))
        var risk = try RiskAssessment(projection: projection, scenario: resolved.scenario)
        risk.priorYear = PriorYearFigures(history: history)
        self.risk = risk
    }
}
