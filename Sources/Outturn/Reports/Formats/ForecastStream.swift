import OutturnNumerics

/// The forecast report in one format, written as the lines' blocks arrive (``add(_:)``) and ended
/// once the total is known (``finish(_:)``); made by the format's ``ReportFormatWriter/forecastStream(_:)``.
/// The columns, cells and JSON objects of the rows are the forecast writer's (`ForecastReportWriter.cells`,
/// `jsonObject`); a stream only lays them out and says where and when each goes.
package protocol ForecastStream: AnyObject {
    /// Writes (or, for a format laid out whole, keeps) one block of lines, blocks in report order.
    /// - Throws: the sink's ``OutputError``; a spool's ``OutputError`` when the temporary file cannot be written.
    func add(_ block: [RiskAssessment]) throws

    /// Writes the rest: groups, the total, the legend and notes, the activity and the run record.
    /// - Throws: the sink's ``OutputError``; ``MoneyOverflow`` or `Workbook.TooLarge` for a page or workbook.
    func finish(_ end: ForecastStreamEnd) throws
}

/// What every format's stream of the forecast knows from the start.
package struct ForecastStreamContext {
    /// The scenario forecast (its year, file name, levels, legend).
    package let scenario: Scenario
    /// Where the report goes.
    package let sink: ReportSink
    /// The ledger whose past years the page's fan charts show (nil: projections only).
    package let ledger: Ledger?
    /// The lines table's column headings, `Reason` last.
    package let columns: [String]
    /// The JSON keys of the intervals (`interval80`, `interval95`).
    package let intervalKeys: [String]
    /// Whether the ledger has groups (their rows follow the lines; CSV gains its `Row` column).
    package let grouped: Bool
    /// Aligned text: at most this many bytes of spooled rows in memory, the rest in a temporary file.
    package let spoolMemoryLimit: Int
}

/// What every format's stream of the forecast is given at the end.
package struct ForecastStreamEnd {
    /// The total, the activity, the closed lines and the status tally.
    package let outcome: ForecastOutcome
    /// The groups shown, in report order (after the lines, before the total).
    package let groups: [GroupRisk]
    /// What the shown lines are when filtered or sorted, said after the legend; nil: every line.
    package let selection: String?
    /// The run record that ends every format but CSV (nil: none).
    package let runRecord: RunRecord?
    /// CSV: where the activity table goes (nil leaves it out).
    package let csvActivitySink: ReportSink?
}

extension ForecastStreamContext {
    /// The rows of `block`'s lines laid out by `prepare`, in order: a large block on every core (so
    /// `prepare` must be pure), a small one on the calling thread.
    func rows<Prepared: Sendable>(of block: [RiskAssessment],
                                  _ prepare: @Sendable (ForecastReportWriter.Row) -> Prepared) -> [Prepared] {
        block.count < 256 ? block.map { prepare(.line($0)) } : ParallelMap.map(count: block.count) { prepare(.line(block[$0])) }
    }
}

/// The forecast of a format laid out whole (the page, the workbook; the summary comes before the
/// table): keeps the lines' assessments and, at the end, writes the report from the same columns and cells.
final class WholeForecastStream: ForecastStream {
    private let context: ForecastStreamContext
    private let write: (ForecastReport, ForecastStreamContext, RunRecord?) throws -> Void
    /// Every line's assessment so far, in report order.
    private var lines: [RiskAssessment] = []

    /// A stream that ends by calling `write` with the whole report, the context and the run record.
    init(_ context: ForecastStreamContext, write: @escaping (ForecastReport, ForecastStreamContext, RunRecord?) throws -> Void) {
        self.context = context
        self.write = write
    }

    func add(_ block: [RiskAssessment]) throws { lines += block }

    func finish(_ end: ForecastStreamEnd) throws {
        let outcome = end.outcome
        var report = ForecastReport(year: context.scenario.targetYear, scenario: context.scenario, lines: lines,
                                    total: outcome.total, activity: outcome.activity)
        (report.closedLines, report.ledgerLatestYear) = (outcome.closedLines, outcome.ledgerLatestYear)
        report.groups = end.groups
        try write(report, context, end.runRecord)
    }
}
