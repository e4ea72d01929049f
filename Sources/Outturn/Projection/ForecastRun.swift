import Foundation
import OutturnNumerics

/// Projects every line of a resolved scenario in ledger order, in blocks whose lines are projected
/// on several threads, handing each line's risk to a sink as soon as its block is done and building
/// up the total, so that no more than one block of projections is held at a time.
///
/// The output order and every figure are independent of the block size and thread count.
public enum ForecastRun {
    /// Lines per block (each block is split across the threads).
    public static let defaultBlockSize = 4_096
    /// The machine's active cores (2 on the project's standard machine).
    public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Runs the forecast: calls `sink` once per line in ledger order, then returns the total and
    /// the activity projections.
    /// - Throws: ``InputError``, ``MoneyOverflow``, or whatever `sink` throws.
    public static func run(_ resolved: ResolvedScenario, blockSize: Int = defaultBlockSize, threads: Int = ForecastRun.defaultThreads,
                           sink: (RiskAssessment) throws -> Void) throws -> (total: RiskAssessment, activity: [ActivityProjection]) {
        try run(resolved, blockSize: blockSize, threads: threads, prepare: { $0 }, sink: sink)
    }

    /// Runs the forecast as ``run(_:blockSize:threads:sink:)``, but first turns each line's risk
    /// into `Prepared` with `prepare` on the worker threads (e.g. rendering its output row), so
    /// that only `sink` runs one line at a time.
    public static func run<Prepared>(_ resolved: ResolvedScenario, blockSize: Int = defaultBlockSize, threads: Int = ForecastRun.defaultThreads,
                                     prepare: @escaping @Sendable (RiskAssessment) -> Prepared,
                                     sink: (Prepared) throws -> Void) throws -> (total: RiskAssessment, activity: [ActivityProjection]) {
        let scenario = resolved.scenario
        let ledger = resolved.ledger
        let lines = scenario.lines
        let longHistories = lines.reduce(0) { count, line in
            count + ((ledger.lineIndex(matching: line.name).map(ledger.historyLength(atIndex:)) ?? 0) >= 3 ? 1 : 0)
        }
        // Activity first: its errors then come before any line is written.
        let activity = try resolved.activity.map { try ActivityProjection.project($0, scenario: scenario) }
        var total = TotalRiskAccumulator(scenario: scenario, linesNeedingSimulation: longHistories)
        // BudgetExecution: learnt once from the whole ledger, used for every line it applies to.
        let execution = try BudgetExecutionModel(ledger: ledger)
        var start = 0
        while start < lines.count {
            let end = min(lines.count, start + max(1, blockSize))
            let block = try project(lines[start..<end], resolved: resolved, threads: threads, total: total,
                                    execution: execution, prepare: prepare)
            for line in block {
                try total.add(line.projection, moments: line.moments)
                try sink(line.prepared)
            }
            start = end
        }
        return (total.assessment(), activity)
    }

    /// Projects `lines` (and assesses each), split into pieces for `threads` threads (Dispatch's
    /// pool runs them); results in input order.
    static func project<Prepared>(_ lines: ArraySlice<ScenarioLine>, resolved: ResolvedScenario, threads: Int,
                                  total: TotalRiskAccumulator, execution: BudgetExecutionModel? = nil,
                                  prepare: (RiskAssessment) -> Prepared) throws -> [Projected<Prepared>] {
        let scenario = resolved.scenario
        let ledger = resolved.ledger
        func work(_ slice: ArraySlice<ScenarioLine>) throws -> [Projected<Prepared>] {
            try slice.map { line in
                let index = ledger.lineIndex(matching: line.name)
                let projection = try LineProjection.project(line: line, history: index.map(ledger.history(atIndex:)) ?? [],
                                                            scenario: scenario, ledgerFile: ledger.fileName,
                                                            execution: execution, lineIndex: index)
                let distribution = projection.distribution
                return Projected(projection: projection, prepared: prepare(RiskAssessment(projection: projection, scenario: scenario)),
                                 moments: total.needsMoments(distribution) ? distribution.moments : nil)
            }
        }
        // Four pieces per thread even out lines of unequal cost (5-year fits beside 1-year carries).
        let parts = threads <= 1 ? 1 : max(1, min(threads * 4, lines.count / 64))
        if parts == 1 { return try work(lines) }
        // Our threads are the parallelism: OpenBLAS must not start its own inside each of them.
        BLASThreads.setCount(1)
        let results = BlockResults<Prepared>(count: parts)
        let size = (lines.count + parts - 1) / parts
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let from = lines.startIndex + part * size
            let to = min(lines.endIndex, from + size)
            results.store(part, Result { try work(lines[from..<to]) })
        }
        return try results.collected()
    }
}

/// One line's projection, its prepared risk, and (when the total wants them) its distribution's moments.
struct Projected<Prepared> {
    let projection: LineProjection
    let prepared: Prepared
    let moments: (mean: Double, standardDeviation: Double)?
}

/// Per-thread results of one block, stored under a lock.
private final class BlockResults<Prepared>: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [Result<[Projected<Prepared>], Error>?]

    init(count: Int) { parts = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ result: Result<[Projected<Prepared>], Error>) {
        lock.lock()
        parts[index] = result
        lock.unlock()
    }

    /// All parts in order, or the first part's error.
    func collected() throws -> [Projected<Prepared>] {
        var all: [Projected<Prepared>] = []
        for part in parts { all += try part!.get() }
        return all
    }
}
