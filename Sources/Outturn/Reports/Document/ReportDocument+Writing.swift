/// The one writer of a ``ReportDocument`` in every ``OutputFormat``: it hands the report to the format's
/// writer (``OutputFormat/writer``, one type per format in Reports/Formats/), which decides what of the
/// report it writes and how; adding a format, or changing how one lays out a table, a note or the run
/// record, touches that format's file only.
extension ReportDocument {
    /// Writes a report in `format` to `sink` (text formats end with a newline): JSON is `json(run)`, the
    /// report's own object with `run` as its last key; CSV the document's main table (one table per
    /// file; its record is the `FILE.run.json` sidecar); every other format the document, ending with `run`.
    /// `document` is only built for the formats that need it.
    /// - Throws: the sink's ``OutputError``; what `document` throws; `Workbook.TooLarge` beyond Excel's limits.
    package static func write(as format: OutputFormat, run: RunRecord?, to sink: ReportSink,
                              json: (RunRecord?) -> String, document: () throws -> ReportDocument) throws {
        try format.writer.write(run: run, to: sink, json: json, document: document)
    }
}

extension DocumentTable {
    /// The table as the aligned-text, CSV and Markdown writers lay it out (``ReportTable``): a RAG as
    /// its word (`red`), an empty cell blank.
    package var textTable: ReportTable {
        ReportTable(columns: columns, rows: rows.map { $0.map(\.textCell) }, footer: footer.map { $0.map(\.textCell) })
    }
}

extension DocumentCell {
    /// The cell in a text, CSV or Markdown table: the same value, a RAG as its word (`red`, as in the
    /// JSON), nothing as a blank text cell.
    package var textCell: ReportCell {
        switch self {
        case .text(let text): return .text(text)
        case .money(let money): return .money(money)
        case .percent(let value): return .percent(value)
        case .probability(let p): return .probability(p)
        case .quantity(let value): return .quantity(value)
        case .number(let value): return .number(value)
        case .rag(let rag): return .text(rag.rawValue)
        case .empty: return .text("")
        }
    }
}

extension JSONValue {
    /// The object with `run` (the run record) as its last key; unchanged when `run` is nil or it is not an object.
    package func appending(run: RunRecord?) -> JSONValue {
        guard let run, case .object(let pairs) = self else { return self }
        return .object(pairs + [("run", run.json)])
    }
}
