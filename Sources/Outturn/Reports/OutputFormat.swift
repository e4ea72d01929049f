/// How a report is written out.
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

    /// Whether the report is laid out whole (a page, a workbook: the summary comes first) rather
    /// than written row by row.
    public var isDocument: Bool { self == .html || self == .xlsx }

    /// Whether the output is bytes, not text (not for a terminal).
    public var isBinary: Bool { self == .xlsx }
}
