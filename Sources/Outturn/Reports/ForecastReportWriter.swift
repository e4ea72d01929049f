import Foundation
import OutturnNumerics

/// The one renderer of the forecast report, in every ``OutputFormat``: it writes the lines as
/// their blocks arrive, then the total, the legend and the activity, without holding the report.
/// CSV, JSON and Markdown rows go straight to the sink; the aligned table keeps its rows in a
/// ``ReportSpool`` (memory, then a temporary file) until the total is known and every column's
/// width with it. HTML and XLSX are documents laid out whole (the summary comes before the table):
/// the writer keeps the lines' assessments and, at the end, renders the page or the workbook from
/// the same columns and cells (``ForecastReport/page(ledger:)``, ``ForecastReport/workbook``).
/// Adding a column touches this file only (``lineColumns(_:)``, ``cells(_:)`` and the JSON object).
/// How a text format lays out a row (aligned text, CSV, Markdown) is not here but in ``TableLayout``,
/// which every other report's tables (``ReportTable``) use too: this writer only decides which rows
/// go where and when, so a new text format is one layout there plus its case here.
package final class ForecastReportWriter {
    private let format: OutputFormat
    private let scenario: Scenario
    private let sink: ReportSink
    private let columns: [String]
    private let preparer: Preparer
    private var count = 0
    private var spool: ReportSpool?
    /// Table: the columns' widths and alignment, widened as rows are spooled.
    private var layout: TableLayout.Aligned
    /// HTML and XLSX: every line's assessment so far, in report order.
    private var documentLines: [RiskAssessment] = []
    /// HTML: the ledger whose past years the fan charts show (nil: projections only).
    private let ledger: Ledger?
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
        self.format = format
        grouped = groups != nil
        self.level = groups == nil ? nil : level
        self.scenario = scenario
        self.sink = sink
        self.ledger = ledger
        columns = ForecastReportWriter.lineColumns(scenario)
        preparer = Preparer(format: format, intervalKeys: ForecastReportWriter.intervalKeys(scenario), rowColumn: groups != nil)
        // The table leaves the reason out of its columns (it follows as notes).
        layout = TableLayout.Aligned(columns: Array(columns.dropLast()))
        if format == .table { spool = ReportSpool(memoryLimit: spoolMemoryLimit) }
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
        if format.isDocument {
            documentLines += block
            count += block.count
            return
        }
        let preparer = self.preparer
        let rows = block.count < 256 ? block.map { preparer.prepare(.line($0)) }
            : ParallelMap.map(count: block.count) { preparer.prepare(.line(block[$0])) }
        for row in rows { try add(row) }
    }

    /// Writes the total, the legend and notes, and the activity section.
    package func finish(_ outcome: ForecastOutcome) throws {
        let year = scenario.targetYear
        let total = outcome.total, activity = outcome.activity
        let totalCells = ForecastReportWriter.cells(.total(total)).map(\.textCell)
        let legend = ForecastReportWriter.legend(scenario)
        let activityTable = ForecastReportWriter.activityTable(activity, scenario: scenario,
                                                               reasons: format == .csv || format == .markdown).textTable
        let notes = ForecastReportWriter.notes(outcome, selection: selection)
        let groupRows = shownGroups(outcome).map { preparer.prepare(.group($0)) }
        switch format {
        case .table:
            for row in groupRows { try remember(row.display, numeric: row.numeric) }
            try remember(totalCells.map(\.display), numeric: totalCells.map(\.isNumeric))
            try sink.write("Forecast \(year): projected spend against budget (scenario \(DisplayText.escaped(scenario.fileName)))\n\n")
            let rule = layout.rule
            try sink.write(layout.header(Array(columns.dropLast())))
            var index = 0
            try spool!.forEach { row in
                if (index == count && (count > 0 || groupRows.isEmpty)) || (!groupRows.isEmpty && index == count + groupRows.count) {
                    try sink.write(rule)
                }
                try sink.write(layout.line(row.dropLast()))
                index += 1
            }
            try sink.write("\n" + legend + "\n" + notes.map { $0 + "\n" }.joined() + ForecastReportWriter.roundingNote + "\n\nWhy:\n")
            try spool!.forEach { row in try sink.write("  \(row[0]): \(row.last!)\n") }
            if !activity.isEmpty {
                try sink.write("\nActivity \(year)\n\n" + activityTable.renderedAsText() + "\nWhy:\n")
                for item in activity { try sink.write("  \(DisplayText.escaped(item.series)): \(DisplayText.escaped(item.reason))\n") }
            }
            if let runRecord { try sink.write(runRecord.textFooter()) }
        case .csv:
            if count == 0 { try writeCSVHeader() }
            for row in groupRows { try sink.write(row.text) }
            try sink.write(TableLayout.CSV.row((grouped ? [.text(ForecastReportWriter.rowKind(.total(total)))] : []) + totalCells))
            // One table per file: the activity table goes to its own sink, never after the lines.
            if !activity.isEmpty, let csvActivitySink {
                try csvActivitySink.write(ForecastReportWriter.csvActivityTable(activity, scenario: scenario).renderedAsCSV())
            }
        case .json:
            try sink.write(count == 0 ? "{\n  \"year\": \(JSONValue.string(year.description).render(indent: 1)),\n  \"lines\": []"
                           : "\n  ]")
            let keys = ForecastReportWriter.intervalKeys(scenario)
            if grouped {
                try sink.write(",\n  \"groups\": " + (groupRows.isEmpty ? "[]" : "[\n" + groupRows.map { "    " + $0.text }.joined(separator: ",\n") + "\n  ]"))
            }
            try sink.write(",\n  \"total\": " + ForecastReportWriter.jsonObject(.total(total), keys: keys).render(indent: 1)
                           + ForecastReportWriter.notesJSON(outcome, selection: selection).map {
                               ",\n  " + JSONValue.string($0.0).render(indent: 1) + ": " + $0.1.render(indent: 1)
                           }.joined()
                           + ",\n  \"activity\": " + ForecastReportWriter.activityJSON(activity, keys: keys).render(indent: 1)
                           + (runRecord.map { ",\n  \"run\": " + $0.json.render(indent: 1) } ?? "")
                           + "\n}\n")
        case .markdown:
            if count == 0 { try writeMarkdownHeader(numeric: totalCells.map(\.isNumeric)) }
            for row in groupRows { try sink.write(row.text) }
            try sink.write(TableLayout.Markdown.footerRow(totalCells))
            try sink.write("\n" + legend + "\n" + notes.map { "\n" + TableLayout.Markdown.escaped($0) + "\n" }.joined()
                           + "\n" + ForecastReportWriter.roundingNote + "\n")
            if !activity.isEmpty { try sink.write("\n### Activity \(year)\n\n" + activityTable.renderedAsMarkdown()) }
            if let runRecord { try sink.write(runRecord.markdownFooter) }
        case .html:
            try sink.write(try document(outcome).page(ledger: ledger, run: runRecord).html())
        case .xlsx:
            try sink.write(bytes: try document(outcome).workbook(run: runRecord).data())
        }
    }

    /// The whole report of a document format, from the lines kept by ``add(_:)``.
    private func document(_ outcome: ForecastOutcome) -> ForecastReport {
        var report = ForecastReport(year: scenario.targetYear, scenario: scenario, lines: documentLines, total: outcome.total,
                                    activity: outcome.activity)
        (report.closedLines, report.ledgerLatestYear) = (outcome.closedLines, outcome.ledgerLatestYear)
        report.groups = shownGroups(outcome)
        return report
    }

    // MARK: Rows as they are prepared (any thread) and written (one at a time)

    /// A line's row, rendered as far as it can be without the other lines.
    struct PreparedLine: Sendable {
        /// CSV, JSON or Markdown: the finished text; table: unused.
        let text: String
        /// Table: every display cell, the reason last; other formats: empty.
        let display: [String]
        /// Whether each cell is a number (right-aligned; Markdown's alignment row).
        let numeric: [Bool]
    }

    /// Renders rows into ``PreparedLine``s; a value that worker threads may use at once.
    struct Preparer: Sendable {
        let format: OutputFormat
        let intervalKeys: [String]
        /// CSV: a first column saying whether a row is a line, a group or the total.
        let rowColumn: Bool

        /// The row of `row` in this format.
        func prepare(_ row: Row) -> PreparedLine {
            let cells = ForecastReportWriter.cells(row).map(\.textCell)
            let numeric = cells.map(\.isNumeric)
            switch format {
            case .table:
                return PreparedLine(text: "", display: cells.map(\.display), numeric: numeric)
            case .csv:
                return PreparedLine(text: TableLayout.CSV.row((rowColumn ? [.text(ForecastReportWriter.rowKind(row))] : [])
                                                                + ForecastReportWriter.csvCells(row, cells)),
                                    display: [], numeric: numeric)
            case .json:
                return PreparedLine(text: ForecastReportWriter.jsonObject(row, keys: intervalKeys).render(indent: 2), display: [],
                                    numeric: numeric)
            case .markdown:
                return PreparedLine(text: TableLayout.Markdown.row(cells), display: [], numeric: numeric)
            case .html, .xlsx:
                // Documents keep the assessments themselves (see add(_:)); they have no row text.
                return PreparedLine(text: "", display: [], numeric: numeric)
            }
        }
    }

    /// Writes one prepared row (lines in report order).
    private func add(_ line: PreparedLine) throws {
        defer { count += 1 }
        switch format {
        case .table:
            try remember(line.display, numeric: line.numeric)
        case .csv:
            if count == 0 { try writeCSVHeader() }
            try sink.write(line.text)
        case .json:
            try sink.write((count == 0 ? "{\n  \"year\": \(JSONValue.string(scenario.targetYear.description).render(indent: 1)),\n  \"lines\": [\n" : ",\n")
                           + "    " + line.text)
        case .markdown:
            if count == 0 { try writeMarkdownHeader(numeric: line.numeric) }
            try sink.write(line.text)
        case .html, .xlsx:
            break  // never prepared (see add(_:))
        }
    }

    /// Spools a table row (display texts, the reason last) and widens the columns to fit it (the
    /// reason is not a column: it follows as notes).
    private func remember(_ display: [String], numeric: [Bool]) throws {
        layout.fit(display.dropLast(), numeric: numeric.dropLast())
        try spool!.append(display)
    }

    private func writeCSVHeader() throws {
        try sink.write(TableLayout.CSV.header((grouped ? ["Row"] : []) + columns))
    }

    /// Markdown heading and alignment rows; a column is numeric when its cells are (the same kind in
    /// every row, so the first row's say it before the others arrive).
    private func writeMarkdownHeader(numeric: [Bool]) throws {
        try sink.write("## Forecast \(scenario.targetYear)\n\n" + TableLayout.Markdown.header(columns, numeric: numeric))
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
