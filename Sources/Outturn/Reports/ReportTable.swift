import Foundation

/// A titled table of typed cells: the common shape that the table, CSV and Markdown writers share.
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

    /// Aligned plain text: text columns left, numbers right, two spaces between columns, a rule
    /// under the heading and before the footer.
    package func renderedAsText() -> String {
        let all = rows + footer
        let numeric = columns.indices.map { column in all.contains { $0[column].isNumeric } }
        let widths = columns.indices.map { column in
            ([columns[column].count] + all.map { $0[column].display.count }).max()!
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return numeric[index] ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        var out = line(columns) + rule
        for row in rows { out += line(row.map(\.display)) }
        if !footer.isEmpty {
            out += rule
            for row in footer { out += line(row.map(\.display)) }
        }
        return out
    }

    /// CSV with a header row; footer rows follow the body.
    package func renderedAsCSV() -> String {
        var out = columns.map { CSVEscaping.field(CSVEscaping.neutralised($0)) }.joined(separator: ",") + "\n"
        for row in rows + footer { out += row.map(\.csv).joined(separator: ",") + "\n" }
        return out
    }

    /// A Markdown table (pipes in text escaped), footer rows in bold.
    package func renderedAsMarkdown() -> String {
        let all = rows + footer
        let numeric = columns.indices.map { column in all.contains { $0[column].isNumeric } }
        func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var out = "| " + columns.map(escape).joined(separator: " | ") + " |\n"
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map { escape($0.display) }.joined(separator: " | ") + " |\n" }
        for row in footer {
            out += "| " + row.map { $0.display.isEmpty ? "" : "**" + escape($0.display) + "**" }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
