/// One cell of a table in a document (the HTML page or the workbook), typed so each can present it
/// its own way: the page as formatted text, the workbook as a number with a number format.
package enum DocumentCell: Sendable, Equatable {
    /// Free text (names, methods, reasons).
    case text(String)
    /// An exact amount: `£1,234` on the page, a number with a £ format in the workbook.
    case money(Money)
    /// A percentage in percent (15.6 = 15.6%), one decimal; nil is left blank.
    case percent(Double?)
    /// A probability in [0, 1], shown as a whole percentage (never `0%`/`100%` unless exact, as in tables).
    case probability(Double)
    /// A count or measure, shown rounded to whole units.
    case quantity(Double)
    /// A plain number (a correlation, a ratio), shown with up to four decimals; General format in the workbook.
    case number(Double)
    /// A RAG status: colour and its name in words, never colour alone.
    case rag(RAG)
    /// Nothing.
    case empty

    /// The text a reader sees on the page (the same as the aligned-text table writes).
    package var display: String {
        switch self {
        case .text(let text): return text
        case .money(let money): return ReportCell.money(money).display
        case .percent(let value): return ReportCell.percent(value).display
        case .probability(let p): return ReportCell.probability(p).display
        case .quantity(let value): return ReportCell.quantity(value).display
        case .number(let value): return ReportCell.fixed(value, decimals: 4).trimmingZeros()
        case .rag(let rag): return rag.label
        case .empty: return ""
        }
    }

    /// Right-aligned (numbers) or left-aligned (text, RAG).
    package var isNumeric: Bool {
        switch self {
        case .money, .percent, .probability, .quantity, .number: return true
        case .text, .rag, .empty: return false
        }
    }

    /// The document cell for a report-table cell (text stays text: a RAG column is built as `.rag`).
    package init(_ cell: ReportCell) {
        switch cell {
        case .text(let text): self = .text(text)
        case .money(let money): self = .money(money)
        case .percent(let value): self = .percent(value)
        case .probability(let p): self = .probability(p)
        case .quantity(let value): self = .quantity(value)
        case .number(let value): self = .number(value)
        }
    }
}

extension RAG {
    /// `Red`, `Amber`, `Green`: the status in words beside its colour.
    package var label: String {
        switch self {
        case .red: return "Red"
        case .amber: return "Amber"
        case .green: return "Green"
        }
    }
}

/// A titled table for a document: column headings, body rows and footer (total) rows.
package struct DocumentTable: Sendable, Equatable {
    /// The table's title (the HTML caption, the worksheet's name if it has none of its own).
    package var title: String
    /// Column headings.
    package var columns: [String]
    /// Body rows, each as many cells as columns.
    package var rows: [[DocumentCell]]
    /// Total rows after the body (not sorted or filtered with it).
    package var footer: [[DocumentCell]]

    /// A table; every row must have one cell per column (a programming error otherwise).
    package init(title: String, columns: [String], rows: [[DocumentCell]], footer: [[DocumentCell]] = []) {
        for row in rows + footer {
            precondition(row.count == columns.count, "row has \(row.count) cells for \(columns.count) columns")
        }
        self.title = title
        self.columns = columns
        self.rows = rows
        self.footer = footer
    }
}
