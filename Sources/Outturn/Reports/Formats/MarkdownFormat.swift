/// `--format markdown` (and `.md`): GitHub-flavoured Markdown, every table laid out by
/// ``TableLayout/Markdown`` (pipes escaped, numeric columns right-aligned, the total in bold).
package struct MarkdownFormat: ReportFormatWriter {
    package var fileExtensions: [String] { ["md", "markdown"] }

    /// The document's Markdown (``ReportDocument/markdown(run:)``).
    package func write(run: RunRecord?, to sink: ReportSink, json: (RunRecord?) -> String,
                       document: () throws -> ReportDocument) throws {
        try sink.write(try document().markdown(run: run))
    }

    package func forecastStream(_ context: ForecastStreamContext) -> any ForecastStream { MarkdownForecastStream(context) }
}

extension TableLayout {
    /// A GitHub Markdown table: the headings, the alignment row (`---:` for a numeric column), body
    /// rows, and footer rows in bold (an empty cell stays empty); pipes in text are escaped. No rule.
    package enum Markdown {
        /// The heading and alignment rows; `numeric` says per column whether it is right-aligned.
        package static func header(_ columns: [String], numeric: [Bool]) -> String {
            "| " + columns.map(escaped).joined(separator: " | ") + " |\n"
                + "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        }

        /// One body row, with its newline.
        package static func row(_ cells: [ReportCell]) -> String {
            "| " + cells.map { escaped($0.display) }.joined(separator: " | ") + " |\n"
        }

        /// One footer (total) row, every non-empty cell in bold, with its newline.
        package static func footerRow(_ cells: [ReportCell]) -> String {
            "| " + cells.map { $0.display.isEmpty ? "" : "**" + escaped($0.display) + "**" }.joined(separator: " | ") + " |\n"
        }

        /// `text` with its pipes escaped, so that it stays in its cell (also used for the notes under a table).
        package static func escaped(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
    }
}

extension ReportTable {
    /// A Markdown table (``TableLayout/Markdown``): pipes in text escaped, a column right-aligned when
    /// any of its cells is a number, footer rows in bold.
    package func renderedAsMarkdown() -> String {
        let all = rows + footer
        var out = TableLayout.Markdown.header(columns, numeric: columns.indices.map { column in all.contains { $0[column].isNumeric } })
        for row in rows { out += TableLayout.Markdown.row(row) }
        for row in footer { out += TableLayout.Markdown.footerRow(row) }
        return out
    }
}

extension ReportDocument {
    /// GitHub Markdown: the heading (`##`), each table (after the first, under a `###` heading) with its
    /// note, each list of notes as a list (`- **subject**: text`), then the run record's footer.
    package func markdown(run: RunRecord?) -> String {
        var out = "## " + DisplayText.escaped(heading) + "\n\n"
        var first = true
        for section in sections {
            switch section {
            case .table(let table) where table.formats.contains(.markdown):
                if !first { out += "\n### " + DisplayText.escaped(table.heading) + "\n\n" }
                out += table.view(for: .markdown).textTable.renderedAsMarkdown()
                if let note = table.note { out += "\n" + note + "\n" }
                first = false
            case .notes(_, let notes):
                out += "\n" + notes.map { "- **\(DisplayText.escaped($0.subject))**: \(DisplayText.escaped($0.text))\n" }.joined()
            case .table, .charts:
                break
            }
        }
        return out + (run?.markdownFooter ?? "")
    }
}

/// The forecast's Markdown: the heading and the table's heading rows with the first row (a column is
/// numeric when its cells are: the same kind in every row, so the first row's say it before the others
/// arrive), each row as it comes, the groups, the total in bold, then the legend, notes, activity
/// (with its reasons: Markdown has no notes under it) and the run record's footer.
final class MarkdownForecastStream: ForecastStream {
    private let context: ForecastStreamContext
    /// Lines written so far.
    private var count = 0

    init(_ context: ForecastStreamContext) { self.context = context }

    /// A row's text cells. Pure.
    private static func cells(_ row: ForecastReportWriter.Row) -> [ReportCell] {
        ForecastReportWriter.cells(row).map(\.textCell)
    }

    func add(_ block: [RiskAssessment]) throws {
        let rows = context.rows(of: block) { row in
            let cells = MarkdownForecastStream.cells(row)
            return (text: TableLayout.Markdown.row(cells), numeric: cells.map(\.isNumeric))
        }
        for row in rows {
            if count == 0 { try writeHeader(numeric: row.numeric) }
            try context.sink.write(row.text)
            count += 1
        }
    }

    private func writeHeader(numeric: [Bool]) throws {
        try context.sink.write("## Forecast \(context.scenario.targetYear)\n\n" + TableLayout.Markdown.header(context.columns, numeric: numeric))
    }

    func finish(_ end: ForecastStreamEnd) throws {
        let sink = context.sink, scenario = context.scenario, activity = end.outcome.activity
        let totalCells = MarkdownForecastStream.cells(.total(end.outcome.total))
        if count == 0 { try writeHeader(numeric: totalCells.map(\.isNumeric)) }
        for group in end.groups { try sink.write(TableLayout.Markdown.row(MarkdownForecastStream.cells(.group(group)))) }
        try sink.write(TableLayout.Markdown.footerRow(totalCells))
        try sink.write("\n" + ForecastReportWriter.legend(scenario) + "\n"
                       + ForecastReportWriter.notes(end.outcome, selection: end.selection).map { "\n" + TableLayout.Markdown.escaped($0) + "\n" }.joined()
                       + "\n" + ForecastReportWriter.roundingNote + "\n")
        if !activity.isEmpty {
            let activityTable = ForecastReportWriter.activityTable(activity, scenario: scenario, reasons: true).textTable
            try sink.write("\n### Activity \(scenario.targetYear)\n\n" + activityTable.renderedAsMarkdown())
        }
        if let runRecord = end.runRecord { try sink.write(runRecord.markdownFooter) }
    }
}
