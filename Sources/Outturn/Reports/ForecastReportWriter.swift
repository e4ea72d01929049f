import Foundation
import OutturnNumerics

/// The one renderer of the forecast report, in every ``OutputFormat``: it writes the lines as
/// their blocks arrive, then the total, the legend and the activity, without holding the report.
/// Which rows go where and when in each format is the format's own stream (``ForecastStream``,
/// made by its ``ReportFormatWriter`` in Reports/Formats/): CSV, JSON and Markdown rows go straight
/// to the sink; the aligned table keeps its rows in a ``ReportSpool`` (memory, then a temporary
/// file) until the total is known and every column's width with it; HTML and XLSX are documents
/// laid out whole (the summary comes before the table), from the same columns and cells
/// (``ForecastReport/page(ledger:run:)``, ``ForecastReport/workbook(run:)``).
/// Adding a column touches this file only (``lineColumns(_:)``, ``cells(_:)`` and the JSON object);
/// adding a format touches none of it.
package final class ForecastReportWriter {
    private let stream: any ForecastStream
    /// What the shown lines are when the command filtered or sorted them (`--only`, `--sort`), said
    /// after the legend; nil: every line, in ledger order.
    package var selection: String?
    /// CSV: where the activity table goes (its own file, see docs/planner.md); nil leaves it out,
    /// so that every CSV stream is one table.
    package var csvActivitySink: ReportSink?
    /// What produced the report (docs/planner.md, *Audit trail*): JSON ends with it as `run`, the table and
    /// Markdown with its footer, the page with its audit trail, the workbook with its Run sheet; CSV leaves
    /// it out (one table per file: its record is the `FILE.run.json` sidecar). nil leaves it out everywhere.
    package var runRecord: RunRecord?
    /// Whether the ledger has groups (their rows follow the lines; CSV gains its `Row` column).
    let grouped: Bool
    /// The deepest group level shown; nil: every level and the lines (with a level, no lines).
    let level: Int?

    /// A writer of `scenario`'s forecast to `sink` in `format`; the table format keeps up to
    /// `spoolMemoryLimit` bytes of rows in memory, the rest in a temporary file. The HTML page's
    /// fan charts show each line's past from `ledger`, if given.
    /// With `groups`, every group's subtotal follows the lines, to depth `level` (nil: every level);
    /// with a `level`, the lines themselves are left out.
    package init(format: OutputFormat, scenario: Scenario, sink: ReportSink, ledger: Ledger? = nil,
                 groups: LineGroups? = nil, level: Int? = nil, spoolMemoryLimit: Int = 4 << 20) {
        grouped = groups != nil
        self.level = groups == nil ? nil : level
        stream = format.writer.forecastStream(ForecastStreamContext(
            scenario: scenario, sink: sink, ledger: ledger, columns: ForecastReportWriter.lineColumns(scenario),
            intervalKeys: ForecastReportWriter.intervalKeys(scenario), grouped: groups != nil, spoolMemoryLimit: spoolMemoryLimit))
    }

    /// Writes `report` whole (lines, groups, total, activity).
    package func write(_ report: ForecastReport) throws {
        try add(report.lines)
        var tally = RAGTally()
        for line in report.lines { try tally.add(line) }
        try finish(ForecastOutcome(total: report.total, activity: report.activity, closedLines: report.closedLines,
                                   ledgerLatestYear: report.ledgerLatestYear, tally: tally, groups: report.groups))
    }

    /// Writes one block of lines' rows (blocks in report order). Large blocks are rendered on
    /// every core; only writing them out is one at a time.
    package func add(_ block: [RiskAssessment]) throws {
        if level != nil { return }  // groups only
        try stream.add(block)
    }

    /// Writes the total, the legend and notes, and the activity section.
    package func finish(_ outcome: ForecastOutcome) throws {
        try stream.finish(ForecastStreamEnd(outcome: outcome, groups: shownGroups(outcome), selection: selection,
                                            runRecord: runRecord, csvActivitySink: csvActivitySink))
    }

    // MARK: The layout: columns, cells and JSON objects of lines, the total and activity

    /// A row of the lines table: a budget line or the total.
    enum Row: Sendable {
        case line(RiskAssessment)
        case total(TotalRisk)
        /// A group's subtotal (ForecastReportWriter+Groups.swift).
        case group(GroupRisk)
    }

    static func levelNames(_ scenario: Scenario) -> [String] {
        scenario.confidenceLevels.map { DecimalText.trimmed($0 * 100, decimals: 1) }
    }

    /// Column headings of the lines table (the last is `Reason`).
    static func lineColumns(_ scenario: Scenario) -> [String] {
        let needed = DecimalText.trimmed(scenario.budgetNeededConfidence * 100, decimals: 1)
        var columns = ["Line", "Prior-year actual", "Budget", "Budget change %", "Projected"]
        for name in levelNames(scenario) { columns += ["\(name)% low", "\(name)% high"] }
        columns += ["P(overspend)", "Expected overspend", "Budget for \(needed)%", "RAG", "Method", "Reason"]
        return columns
    }

    /// One row of the lines table (the last cell is the reason), the RAG typed: the one layout of every
    /// format (text, CSV and Markdown through ``DocumentCell/textCell``, the page and the workbook as they are).
    static func cells(_ row: Row) -> [DocumentCell] {
        let f = RowFigures(row)
        var cells: [DocumentCell] = [.text(f.name), f.priorYear.map { .money($0.actual) } ?? .text(""), .money(f.budget),
                                   .percent(f.priorYear?.budgetChange(to: f.budget).map { $0 * 100 }), .money(f.projected)]
        for interval in f.intervals { cells += [.money(interval.lower), .money(interval.upper)] }
        cells += [.probability(f.probabilityOfOverspend.value), .money(f.expectedOverspend),
                  .money(f.budgetNeeded), .rag(f.rag), .text(f.methodInWords), .text(f.reason)]
        return cells
    }

    /// JSON keys of the intervals (`interval80`, `interval95`).
    static func intervalKeys(_ scenario: Scenario) -> [String] {
        levelNames(scenario).map { "interval" + $0.replacingOccurrences(of: ".", with: "_") }
    }

    /// One line (or the total) as a JSON object.
    static func jsonObject(_ row: Row, keys: [String]) -> JSONValue {
        if case .group(let group) = row { return groupJSONObject(group, keys: keys) }
        let f = RowFigures(row)
        var pairs: [(String, JSONValue)] = [("line", .string(f.name))]
        if let prior = f.priorYear {
            pairs += [("priorYear", .string(prior.year.description)), ("priorYearActual", .money(prior.actual)),
                      ("priorYearBudget", .money(prior.budget))]
        }
        if case .line(let line) = row { pairs.append(("kind", .string(line.kind.rawValue))) }
        pairs += [("budget", .money(f.budget))]
        if let change = f.priorYear?.budgetChange(to: f.budget) { pairs.append(("budgetChange", .double(change, decimals: 4))) }
        pairs += [("projected", .money(f.projected))]
        for (key, interval) in zip(keys, f.intervals) {
            pairs.append((key, .array([.money(interval.lower), .money(interval.upper)])))
        }
        pairs += [("probabilityOfOverspend", .double(f.probabilityOfOverspend.value, decimals: 4)),
                  ("expectedOverspend", .money(f.expectedOverspend)), ("budgetNeeded", .money(f.budgetNeeded)),
                  ("budgetNeededConfidence", .double(f.budgetNeededConfidence)),
                  ("rag", .string(f.rag.rawValue)), ("method", .string(f.method)), ("reason", .string(f.reason))]
        if let lines = f.linesExpectedOverspend { pairs.append(("linesExpectedOverspend", .money(lines))) }
        return .object(pairs)
    }

    /// The activity projections as a JSON array.
    static func activityJSON(_ activity: [ActivityProjection], keys: [String]) -> JSONValue {
        .array(activity.map { item in
            // A share is a fraction: four decimals, and it says so.
            let decimals = item.unit == .share ? 4 : 1
            var pairs: [(String, JSONValue)] = [("series", .string(item.series))]
            if item.unit == .share { pairs.append(("unit", .string(item.unit.rawValue))) }
            pairs.append(("forecast", .double(item.projected, decimals: decimals)))
            for (key, interval) in zip(keys, item.intervals) {
                pairs.append((key, .array([.double(interval.lower, decimals: decimals), .double(interval.upper, decimals: decimals)])))
            }
            pairs += [("method", .string(item.method)), ("reason", .string(item.reason))]
            return .object(pairs)
        })
    }

    /// Activity: series, forecast, intervals, method, and with `reasons` the reason (formats
    /// without notes under the table: CSV, Markdown, XLSX). One table for every format (the text
    /// ones through ``DocumentTable/textTable``).
    static func activityTable(_ activity: [ActivityProjection], scenario: Scenario, reasons: Bool = false) -> DocumentTable {
        var columns = ["Series", "Forecast"]
        for name in levelNames(scenario) { columns += ["\(name)% low", "\(name)% high"] }
        columns += ["Method"] + (reasons ? ["Reason"] : [])
        return DocumentTable(title: "Activity \(scenario.targetYear)", columns: columns, rows: activity.map { item in
            let cell: (Double) -> DocumentCell = item.unit == .share ? { .percent($0 * 100) } : { .quantity($0) }
            var cells: [DocumentCell] = [.text(item.series), cell(item.projected)]
            for interval in item.intervals { cells += [cell(interval.lower), cell(interval.upper)] }
            return cells + [.text(item.methodInWords ?? item.method)] + (reasons ? [.text(item.reason)] : [])
        })
    }

    static func legend(_ scenario: Scenario) -> String {
        "RAG: red when P(overspend) > \(DecimalText.percent(scenario.rag.red)) and expected overspend > \(scenario.materiality.amount.formatted()); amber when P(overspend) ≥ \(DecimalText.percent(scenario.rag.amber)) "
            + "and expected overspend > \(scenario.materiality.amount.formatted()); green otherwise."
    }

    /// What every row shows, from a line, a group or the total: its ``RiskFigures`` (read as the
    /// row's own properties, `f.budget`) and the words and prior year around them.
    private struct RowFigures: RiskFigured {
        let name: String, figures: RiskFigures, method: String, methodInWords: String, reason: String
        let priorYear: PriorYearFigures?, linesExpectedOverspend: Money?

        init(_ row: Row) {
            switch row {
            case .line(let r):
                (name, figures, method, methodInWords, reason) = (r.lineName, r.figures, r.method, r.methodInWords ?? r.method, r.reason)
                (priorYear, linesExpectedOverspend) = (r.priorYear, nil)
            case .total(let t):
                (name, figures, method, methodInWords, reason) = ("Total", t.figures, t.method, t.methodInWords, t.reason)
                (priorYear, linesExpectedOverspend) = (t.priorYear, t.linesExpectedOverspend)
            case .group(let g):
                (name, figures, method, methodInWords, reason) = (ForecastReportWriter.groupLabel(g), g.figures, g.method, g.methodInWords, g.reason)
                (priorYear, linesExpectedOverspend) = (nil, nil)
            }
        }
    }
}
