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
}
