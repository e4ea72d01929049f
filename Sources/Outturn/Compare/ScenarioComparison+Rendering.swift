import Foundation

/// `planner compare` in every ``OutputFormat``: one table layout (``columns``, ``cells(_:)``),
/// written as text, CSV, Markdown, a page or a workbook; JSON from the same figures.
extension ScenarioComparison {
    /// Column headings: the line, A's four figures, B's four, then B − A for budget, projection and
    /// P(overspend) (in percentage points).
    static let columns = ["Line", "A budget", "A projected", "A P(overspend)", "A RAG",
                          "B budget", "B projected", "B P(overspend)", "B RAG",
                          "Budget B − A", "Projected B − A", "P(overspend) B − A"]

    /// One row; blanks where a scenario lacks the line.
    static func cells(_ line: Line) -> [DocumentCell] {
        func side(_ side: Side?) -> [DocumentCell] {
            guard let side else { return [.empty, .empty, .empty, .empty] }
            return [.money(side.budget), .money(side.projected), .probability(side.probabilityOfOverspend.value), .rag(side.rag)]
        }
        var cells = [DocumentCell.text(line.name)] + side(line.a) + side(line.b)
        if let a = line.a, let b = line.b {
            cells += [.money(b.budget - a.budget), .money(b.projected - a.projected),
                      .percent((b.probabilityOfOverspend.value - a.probabilityOfOverspend.value) * 100)]
        } else {
            cells += [.empty, .empty, .empty]
        }
        return cells
    }

    /// What A and B are, in words.
    var legend: String {
        "A: \(a.scenario.fileName). B: \(b.scenario.fileName). Differences are B − A; "
            + "P(overspend) differences are in percentage points." + (selectionNote.map { "\n" + $0 } ?? "")
    }

    /// The comparison as a document table (the total in the footer).
    package var documentTable: DocumentTable {
        DocumentTable(title: "Compare \(a.year): scenario A against scenario B", columns: Self.columns,
                      rows: lines.map(Self.cells), footer: [Self.cells(total)])
    }

    /// The comparison as a text table (CSV, Markdown, aligned text): RAG in words.
    var reportTable: ReportTable {
        func reportCell(_ cell: DocumentCell) -> ReportCell {
            switch cell {
            case .text(let text): return .text(text)
            case .money(let money): return .money(money)
            case .percent(let value): return .percent(value)
            case .probability(let p): return .probability(p)
            case .quantity(let value), .number(let value): return .quantity(value)
            case .rag(let rag): return .text(rag.rawValue)
            case .empty: return .text("")
            }
        }
        return ReportTable(columns: Self.columns, rows: lines.map { Self.cells($0).map(reportCell) },
                           footer: [Self.cells(total).map(reportCell)])
    }

    /// `{"year", "a", "b", "lines": [{"line", "a": {budget, projected, probabilityOfOverspend, rag} | null,
    /// "b": {…} | null}], "total": {"line": "Total", "a", "b"}}`, amounts in pounds.
    package var json: JSONValue {
        func side(_ side: Side?) -> JSONValue {
            guard let side else { return .null }
            return .object([("budget", .money(side.budget)), ("projected", .money(side.projected)),
                            ("probabilityOfOverspend", .double(side.probabilityOfOverspend.value, decimals: 4)),
                            ("rag", .string(side.rag.rawValue))])
        }
        func line(_ line: Line) -> JSONValue { .object([("line", .string(line.name)), ("a", side(line.a)), ("b", side(line.b))]) }
        return .object([("year", .string(a.year.description)), ("a", .string(a.scenario.fileName)),
                        ("b", .string(b.scenario.fileName)), ("lines", .array(lines.map(line))), ("total", line(total))])
    }

    /// The HTML page: the totals of A and B at the top, the table, each scenario's assumptions.
    package var page: ReportPage {
        func figures(_ name: String, _ side: Side?) -> [PageSummary.Figure] {
            guard let side else { return [] }
            return [.init(label: "\(name) budget", value: .money(side.budget)),
                    .init(label: "\(name) projected", value: .money(side.projected)),
                    .init(label: "\(name) P(overspend)", value: .probability(side.probabilityOfOverspend.value))]
        }
        return ReportPage(
            title: "Compare \(a.year)", subtitle: legend,
            summary: PageSummary(figures: figures("A", total.a) + figures("B", total.b)),
            sections: [PageSection(heading: "Lines", content: .table(documentTable, note: nil)),
                       PageSection(heading: "Assumptions of A", content: .table(a.assumptionsTable, note: nil)),
                       PageSection(heading: "Assumptions of B", content: .table(b.assumptionsTable, note: nil))])
    }

    /// The workbook: Compare, then each scenario's assumptions and run.
    package var workbook: Workbook {
        Workbook(title: "Compare \(a.year)", sheets: [
            .init(name: "Compare", table: documentTable),
            .init(name: "Assumptions A", table: a.assumptionsTable), .init(name: "Assumptions B", table: b.assumptionsTable),
            .init(name: "Run A", table: a.auditTrailTable), .init(name: "Run B", table: b.auditTrailTable),
        ])
    }

    /// Writes the comparison in `format` to `sink` (text formats end with a newline).
    /// - Throws: the sink's ``InputError``; ``Workbook/TooLarge`` beyond Excel's limits.
    package func write(as format: OutputFormat, to sink: ReportSink) throws {
        switch format {
        case .table:
            try sink.write("Compare \(a.year): scenario A against scenario B\n\n" + reportTable.renderedAsText() + "\n" + legend + "\n")
        case .csv: try sink.write(reportTable.renderedAsCSV())
        case .json: try sink.write(json.rendered())
        case .markdown: try sink.write("## Compare \(a.year)\n\n" + reportTable.renderedAsMarkdown() + "\n" + legend + "\n")
        case .html: try sink.write(page.html())
        case .xlsx: try sink.write(bytes: try workbook.data())
        }
    }
}
