/// `--format xlsx` (and `.xlsx`): an Excel workbook (Office Open XML), numbers as numbers with £ and %
/// formats, laid out whole from the document (``Workbook``): a sheet per named table, then the Run sheet.
/// Bytes, not text.
package struct XLSXFormat: ReportFormatWriter {
    package var fileExtensions: [String] { ["xlsx"] }
    package var isBinary: Bool { true }
    package var isDocument: Bool { true }

    /// The document's workbook (``ReportDocument/workbook(run:)``).
    package func write(run: RunRecord?, to sink: ReportSink, json: (RunRecord?) -> String,
                       document: () throws -> ReportDocument) throws {
        try sink.write(bytes: try document().workbook(run: run).data())
    }

    /// The forecast's workbook, from every line kept until the end (``ForecastReport/workbook(run:)``).
    package func forecastStream(_ context: ForecastStreamContext) -> any ForecastStream {
        WholeForecastStream(context) { report, context, run in
            try context.sink.write(bytes: try report.workbook(run: run).data())
        }
    }
}

extension ReportDocument {
    /// The workbook: a sheet per table with a sheet name, then the Run sheet of `run` (none when nil).
    package func workbook(run: RunRecord?) -> Workbook {
        var sheets: [Workbook.Sheet] = sections.compactMap { section in
            guard case .table(let table) = section, let name = table.sheet, table.formats.contains(.xlsx) else { return nil }
            return Workbook.Sheet(name: name, table: table.view(for: .xlsx))
        }
        if let run { sheets.append(.run(run)) }
        return Workbook(title: title, sheets: sheets)
    }
}
