import Foundation

/// A table of typed cells, whole: the common shape that the table, CSV and Markdown writers share,
/// each laid out by ``TableLayout`` (which the forecast's streamed rows use too).
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

    /// CSV with a header row; footer rows follow the body (``TableLayout/CSV``).
    package func renderedAsCSV() -> String {
        var out = TableLayout.CSV.header(columns)
        for row in rows + footer { out += TableLayout.CSV.row(row) }
        return out
    }

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
