import Foundation

/// A table of typed cells, whole: the common shape that the table, CSV and Markdown writers share,
/// each laid out by ``TableLayout`` (which the forecast's streamed rows use too): its
/// `renderedAsText()`, `renderedAsCSV()` and `renderedAsMarkdown()` are in their formats' files (Reports/Formats/).
package struct ReportTable: Sendable, Equatable {
    /// Column headings.
    package var columns: [String]
    /// Body rows (each as many cells as columns).
    package var rows: [[ReportCell]]
    /// Rows shown after a rule (totals).
    package var footer: [[ReportCell]]

    package init(columns: [String], rows: [[ReportCell]], footer: [[ReportCell]] = []) {
        for row in rows + footer {
            precondition(row.count == columns.count, "row has \(row.count) cells for \(columns.count) columns")
        }
        self.columns = columns
        self.rows = rows
        self.footer = footer
    }
}
