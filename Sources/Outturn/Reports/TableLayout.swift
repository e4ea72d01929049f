/// The one layout of a table in each text format (aligned text, CSV, Markdown): how its header, a
/// body row, a rule and a footer (total) row are written. Both table writers call it: a whole
/// ``ReportTable`` (every report's document, ``ReportTable/renderedAsText()`` and its siblings) and
/// the forecast's rows as they stream in (`ForecastReportWriter`, whose rows are prepared on worker
/// threads and, for aligned text, spooled until every width is known). So changing how a format
/// lays out a table (how Markdown escapes a pipe, how CSV quotes a field), or adding a text format,
/// touches this file only; a writer only chooses which of these layouts its ``OutputFormat`` uses.
///
/// Every function is pure and the types are `Sendable`: rows may be laid out on any thread.
package enum TableLayout {
    /// Aligned plain text: text columns left, numbers right, two spaces between columns, no trailing
    /// spaces, a rule of dashes under the heading and before the footer. The widths must be known
    /// before the first line is written: ``fit(_:numeric:)`` every row first (a streaming writer
    /// keeps the rows meanwhile, in a `ReportSpool`).
    package struct Aligned: Sendable, Equatable {
        /// Each column's width in characters: the widest of its heading and every fitted cell.
        package private(set) var widths: [Int]
        /// Whether each column is right-aligned: true once any fitted row has a number in it.
        package private(set) var numeric: [Bool]

        /// A layout as wide as the headings `columns`, every column left-aligned until a number is fitted.
        package init(columns: [String]) {
            widths = columns.map(\.count)
            numeric = Array(repeating: false, count: columns.count)
        }

        /// Widens the columns to fit one row's display texts (one per column); `numeric` says which
        /// of its cells are numbers (``ReportCell/isNumeric``).
        package mutating func fit(_ display: some Collection<String>, numeric: some Collection<Bool>) {
            precondition(display.count == widths.count && numeric.count == widths.count,
                         "row has \(display.count) cells for \(widths.count) columns")
            for (index, (cell, isNumber)) in zip(display, numeric).enumerated() {
                widths[index] = max(widths[index], cell.count)
                if isNumber { self.numeric[index] = true }
            }
        }

        /// The heading line `columns` and the rule under it.
        package func header(_ columns: [String]) -> String { line(columns) + rule }

        /// One line of display texts (a body or footer row, or the headings), with its newline.
        package func line(_ display: some Collection<String>) -> String {
            display.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return numeric[index] ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }

        /// The rule under the heading and before the footer: dashes as wide as each column.
        package var rule: String { widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
    }

    /// CSV (RFC 4180): a header row, then body and footer rows alike; no rule. Text fields are
    /// neutralised against spreadsheet formulas and quoted as needed (``CSVEscaping``), the headings
    /// included; numbers are plain (``ReportCell/csv``).
    package enum CSV {
        /// The header row of `columns`, with its newline.
        package static func header(_ columns: [String]) -> String { row(columns.map { .text($0) }) }

        /// One row (body or footer), with its newline.
        package static func row(_ cells: [ReportCell]) -> String { cells.map(\.csv).joined(separator: ",") + "\n" }
    }

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
