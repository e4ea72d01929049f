/// `--format table` (and `.txt`): aligned plain text for the terminal, amounts as `£1,234,567`.
/// Every table is laid out by ``TableLayout/Aligned``, whose widths must be known before the first
/// line: a whole report's tables are fitted first, the forecast's streamed rows are kept in a
/// `ReportSpool` until the total arrives.
package struct AlignedTextFormat: ReportFormatWriter {
    package var fileExtensions: [String] { ["txt", "text"] }

    /// The document's text (``ReportDocument/text(run:)``).
    package func write(run: RunRecord?, to sink: ReportSink, json: (RunRecord?) -> String,
                       document: () throws -> ReportDocument) throws {
        try sink.write(try document().text(run: run))
    }

    package func forecastStream(_ context: ForecastStreamContext) -> any ForecastStream { AlignedTextForecastStream(context) }
}

extension TableLayout {
    /// Aligned plain text: text columns left, numbers right, two spaces between columns, no trailing
    /// spaces, a rule of dashes under the heading and before the footer. The widths must be known
    /// before the first line is written: ``fit(_:numeric:)`` every row first (a streaming writer
    /// keeps the rows meanwhile, in a `ReportSpool`).
    package struct Aligned: Sendable, Equatable {
        /// Each column's width in characters: the widest of its heading and every fitted cell.
        package private(set) var widths: [Int]
        /// Whether each column is right-aligned: true once any fitted row has a number in it.
        package private(set) var numeric: [Bool]

        /// A layout as wide as the headings `columns`, every column left-aligned until a number is fitted.
        package init(columns: [String]) {
            widths = columns.map(\.count)
            numeric = Array(repeating: false, count: columns.count)
        }

        /// Widens the columns to fit one row's display texts (one per column); `numeric` says which
        /// of its cells are numbers (``ReportCell/isNumeric``).
        package mutating func fit(_ display: some Collection<String>, numeric: some Collection<Bool>) {
            precondition(display.count == widths.count && numeric.count == widths.count,
                         "row has \(display.count) cells for \(widths.count) columns")
            for (index, (cell, isNumber)) in zip(display, numeric).enumerated() {
                widths[index] = max(widths[index], cell.count)
                if isNumber { self.numeric[index] = true }
            }
        }

        /// The heading line `columns` and the rule under it.
        package func header(_ columns: [String]) -> String { line(columns) + rule }

        /// One line of display texts (a body or footer row, or the headings), with its newline.
        package func line(_ display: some Collection<String>) -> String {
            display.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return numeric[index] ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }

        /// The rule under the heading and before the footer: dashes as wide as each column.
        package var rule: String { widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
    }
}

extension ReportTable {
    /// Aligned plain text (``TableLayout/Aligned``): text columns left, numbers right, two spaces
    /// between columns, a rule under the heading and before the footer.
    package func renderedAsText() -> String {
        let bodyDisplay = rows.map { $0.map(\.display) }, footerDisplay = footer.map { $0.map(\.display) }
        var layout = TableLayout.Aligned(columns: columns)
        for (display, row) in zip(bodyDisplay + footerDisplay, rows + footer) { layout.fit(display, numeric: row.map(\.isNumeric)) }
        var out = layout.header(columns)
        for display in bodyDisplay { out += layout.line(display) }
        if !footer.isEmpty {
            out += layout.rule
            for display in footerDisplay { out += layout.line(display) }
        }
        return out
    }
}

extension ReportDocument {
    /// Aligned text: the heading, each table (after the first, under its heading) with its note, each
    /// list of notes as `Why:` lines, then the run record's footer.
    package func text(run: RunRecord?) -> String {
        var out = DisplayText.escaped(heading) + "\n\n"
        var first = true
        for section in sections {
            switch section {
            case .table(let table) where table.formats.contains(.table):
                if !first { out += "\n" + DisplayText.escaped(table.heading) + "\n" }
                out += table.view(for: .table).textTable.renderedAsText()
                if let note = table.note { out += "\n" + note + "\n" }
                first = false
            case .notes(let heading, let notes):
                out += "\n\(heading):\n" + notes.map { "  \(DisplayText.escaped($0.subject)): \(DisplayText.escaped($0.text))\n" }.joined()
            case .table, .charts:
                break
            }
        }
        return out + (run?.textFooter() ?? "")
    }
}

/// The forecast's aligned table: every row (the lines', the groups', the total's) is spooled and
/// widens the columns; at the end the table is written from the spool, then the legend and notes,
/// the reasons as `Why:` lines (read from the spool again), the activity and the run record's footer.
final class AlignedTextForecastStream: ForecastStream {
    private let context: ForecastStreamContext
    private let spool: ReportSpool
    /// The columns' widths and alignment, widened as rows are spooled (the reason is not a column).
    private var layout: TableLayout.Aligned
    /// Lines spooled so far.
    private var count = 0

    init(_ context: ForecastStreamContext) {
        self.context = context
        spool = ReportSpool(memoryLimit: context.spoolMemoryLimit)
        layout = TableLayout.Aligned(columns: Array(context.columns.dropLast()))
    }

    /// A row's display texts (the reason last) and whether each is a number; pure.
    private static func prepare(_ row: ForecastReportWriter.Row) -> (display: [String], numeric: [Bool]) {
        let cells = ForecastReportWriter.cells(row).map(\.textCell)
        return (cells.map(\.display), cells.map(\.isNumeric))
    }

    func add(_ block: [RiskAssessment]) throws {
        for row in context.rows(of: block, { AlignedTextForecastStream.prepare($0) }) {
            try remember(row.display, numeric: row.numeric)
            count += 1
        }
    }

    /// Spools a row (display texts, the reason last) and widens the columns to fit it (the reason is
    /// not a column: it follows as notes).
    private func remember(_ display: [String], numeric: [Bool]) throws {
        layout.fit(display.dropLast(), numeric: numeric.dropLast())
        try spool.append(display)
    }

    func finish(_ end: ForecastStreamEnd) throws {
        let sink = context.sink, scenario = context.scenario, year = scenario.targetYear, count = self.count
        let activity = end.outcome.activity
        let groupRows = end.groups.map { AlignedTextForecastStream.prepare(.group($0)) }
        for row in groupRows { try remember(row.display, numeric: row.numeric) }
        let total = AlignedTextForecastStream.prepare(.total(end.outcome.total))
        try remember(total.display, numeric: total.numeric)
        try sink.write("Forecast \(year): projected spend against budget (scenario \(DisplayText.escaped(scenario.fileName)))\n\n")
        let rule = layout.rule
        try sink.write(layout.header(Array(context.columns.dropLast())))
        var index = 0
        try spool.forEach { row in
            // A rule before the groups (or before the total when there are none) and before the total.
            if (index == count && (count > 0 || groupRows.isEmpty)) || (!groupRows.isEmpty && index == count + groupRows.count) {
                try sink.write(rule)
            }
            try sink.write(layout.line(row.dropLast()))
            index += 1
        }
        try sink.write("\n" + ForecastReportWriter.legend(scenario) + "\n"
                       + ForecastReportWriter.notes(end.outcome, selection: end.selection).map { $0 + "\n" }.joined()
                       + ForecastReportWriter.roundingNote + "\n\nWhy:\n")
        try spool.forEach { row in try sink.write("  \(row[0]): \(row.last!)\n") }
        if !activity.isEmpty {
            let activityTable = ForecastReportWriter.activityTable(activity, scenario: scenario).textTable
            try sink.write("\nActivity \(year)\n\n" + activityTable.renderedAsText() + "\nWhy:\n")
            for item in activity { try sink.write("  \(DisplayText.escaped(item.series)): \(DisplayText.escaped(item.reason))\n") }
        }
        if let runRecord = end.runRecord { try sink.write(runRecord.textFooter()) }
    }
}
