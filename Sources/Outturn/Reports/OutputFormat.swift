/// How a report is written out. Each case names its writer (`writer`), the one type that knows
/// everything about the format (Reports/Formats/).
public enum OutputFormat: String, Sendable, CaseIterable {
    /// An aligned table for the terminal, amounts as `£1,234,567`.
    case table
    /// Comma-separated values, safe to open in a spreadsheet (formula-like text neutralised).
    case csv
    /// JSON, amounts in pounds as numbers.
    case json
    /// A GitHub-flavoured Markdown table.
    case markdown
    /// One self-contained HTML page (inline CSS and SVG charts, no scripts, nothing fetched).
    case html
    /// An Excel workbook (Office Open XML): numbers as numbers with £ and % formats. Binary.
    case xlsx

    /// The format's writer: how a whole report and the forecast's streamed lines are written in it.
    package var writer: any ReportFormatWriter {
        switch self {
        case .table: AlignedTextFormat()
        case .csv: CSVFormat()
        case .json: JSONFormat()
        case .markdown: MarkdownFormat()
        case .html: HTMLFormat()
        case .xlsx: XLSXFormat()
        }
    }

    /// Whether the report is laid out whole (a page, a workbook: the summary comes first) rather
    /// than written row by row.
    public var isDocument: Bool { writer.isDocument }

    /// Whether the output is bytes, not text (not for a terminal).
    public var isBinary: Bool { writer.isBinary }
}
