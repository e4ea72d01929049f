/// `--format csv` (and `.csv`): comma-separated values (RFC 4180), safe to open in a spreadsheet.
/// One table per file: a whole report writes its document's main table (every column), the forecast
/// its lines, groups and total (with a `Row` column when the ledger has groups) and its activity
/// table to a file of its own. No run record in the file (its record is the `FILE.run.json` sidecar).
package struct CSVFormat: ReportFormatWriter {
    package var fileExtensions: [String] { ["csv"] }

    /// The document's main table (``ReportDocument/mainTable``), or nothing when it has none.
    package func write(run: RunRecord?, to sink: ReportSink, json: (RunRecord?) -> String,
                       document: () throws -> ReportDocument) throws {
        try sink.write(try document().mainTable?.textTable.renderedAsCSV() ?? "")
    }

    package func forecastStream(_ context: ForecastStreamContext) -> any ForecastStream { CSVForecastStream(context) }
}

extension TableLayout {
    /// CSV (RFC 4180): a header row, then body and footer rows alike; no rule. Text fields are
    /// neutralised against spreadsheet formulas and quoted as needed (``CSVEscaping``), the headings
    /// included; numbers are plain (``ReportCell/csv``).
    package enum CSV {
        /// The header row of `columns`, with its newline.
        package static func header(_ columns: [String]) -> String { row(columns.map { .text($0) }) }

        /// One row (body or footer), with its newline.
        package static func row(_ cells: [ReportCell]) -> String { cells.map(\.csv).joined(separator: ",") + "\n" }
    }
}

extension ReportTable {
    /// CSV with a header row; footer rows follow the body (``TableLayout/CSV``).
    package func renderedAsCSV() -> String {
        var out = TableLayout.CSV.header(columns)
        for row in rows + footer { out += TableLayout.CSV.row(row) }
        return out
    }
}

/// The forecast's CSV: the header with the first row, each row as it comes, the groups and the total
/// last; the activity table to its own sink (``ForecastStreamEnd/csvActivitySink``), never after the lines.
final class CSVForecastStream: ForecastStream {
    private let context: ForecastStreamContext
    /// Rows written so far.
    private var count = 0

    init(_ context: ForecastStreamContext) { self.context = context }

    /// A row's CSV line: with groups, first the `Row` column (`line`, `group`, `total`); a group is
    /// named by its plain path. Pure.
    private static func prepare(_ row: ForecastReportWriter.Row, rowColumn: Bool) -> String {
        let cells = ForecastReportWriter.cells(row).map(\.textCell)
        return TableLayout.CSV.row((rowColumn ? [.text(ForecastReportWriter.rowKind(row))] : [])
                                   + ForecastReportWriter.csvCells(row, cells))
    }

    func add(_ block: [RiskAssessment]) throws {
        let rowColumn = context.grouped
        for row in context.rows(of: block, { CSVForecastStream.prepare($0, rowColumn: rowColumn) }) { try write(row) }
    }

    private func write(_ row: String) throws {
        if count == 0 { try context.sink.write(TableLayout.CSV.header((context.grouped ? ["Row"] : []) + context.columns)) }
        try context.sink.write(row)
        count += 1
    }

    func finish(_ end: ForecastStreamEnd) throws {
        for group in end.groups { try write(CSVForecastStream.prepare(.group(group), rowColumn: context.grouped)) }
        try write(CSVForecastStream.prepare(.total(end.outcome.total), rowColumn: context.grouped))
        let activity = end.outcome.activity
        if !activity.isEmpty, let sink = end.csvActivitySink {
            try sink.write(ForecastReportWriter.csvActivityTable(activity, scenario: context.scenario).renderedAsCSV())
        }
    }
}
