import Foundation

/// `planner compare` in every ``OutputFormat``: one table layout (``columns``, ``cells(_:)``) in one
/// ``ReportDocument`` that the one document writer writes as text, CSV, Markdown, a page or a
/// workbook; JSON from the same figures.
extension ScenarioComparison {
    /// Column headings: the line, A's four figures, B's four, then B − A for budget, projection and
    /// P(overspend) (in percentage points).
    static let columns = ["Line", "A budget", "A projected", "A P(overspend)", "A RAG",
                          "B budget", "B projected", "B P(overspend)", "B RAG",
                          "Budget B − A", "Projected B − A", "P(overspend) B − A"]

    /// One line's row; blanks where a scenario lacks the line.
    static func cells(_ line: Line) -> [DocumentCell] { cells(label: line.lineName, a: line.a, b: line.b) }

    /// The total's row, labelled `Total`.
    static func cells(_ total: Total) -> [DocumentCell] { cells(label: "Total", a: total.a, b: total.b) }

    /// A row labelled `label` of A's and B's figures; blanks where a side is nil.
    private static func cells(label: String, a: RiskFigures?, b: RiskFigures?) -> [DocumentCell] {
        func side(_ side: RiskFigures?) -> [DocumentCell] {
            guard let side else { return [.empty, .empty, .empty, .empty] }
            return [.money(side.budget), .money(side.projected), .probability(side.probabilityOfOverspend.value), .rag(side.rag)]
        }
        var cells = [DocumentCell.text(label)] + side(a) + side(b)
        if let a, let b {
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

    /// `{"year", "a", "b", "lines": [{"line", "a": {budget, projected, probabilityOfOverspend, rag} | null,
    /// "b": {…} | null}], "total": {"line": "Total", "a", "b"}, "selection": {…}, "run": {…}}`, amounts
    /// in pounds (the key, not the name, tells the total from a line: a line may be called "Total");
    /// `selection` (``selectionJSON``) only after ``selecting(_:)`` with an order or statuses, `run`
    /// (the run record) only when given.
    package func json(run: RunRecord? = nil) -> JSONValue {
        func side(_ side: RiskFigures?) -> JSONValue {
            guard let side else { return .null }
            return .object([("budget", .money(side.budget)), ("projected", .money(side.projected)),
                            ("probabilityOfOverspend", .double(side.probabilityOfOverspend.value, decimals: 4)),
                            ("rag", .string(side.rag.rawValue))])
        }
        func row(_ name: String, _ a: RiskFigures?, _ b: RiskFigures?) -> JSONValue {
            .object([("line", .string(name)), ("a", side(a)), ("b", side(b))])
        }
        return .object([("year", .string(a.year.description)), ("a", .string(a.scenario.fileName)),
                        ("b", .string(b.scenario.fileName)), ("lines", .array(lines.map { row($0.lineName, $0.a, $0.b) })),
                        ("total", row("Total", total.a, total.b))]
                       + (selectionJSON.map { [("selection", $0)] } ?? [])
                       + (run.map { [("run", $0.json)] } ?? []))
    }

    /// What `--sort` and `--only` selected, the JSON twin of ``selectionNote`` (nil when it is nil):
    /// `{"sort": "risk" | null, "only": ["red", "amber"] | null, "shown": 3, "of": 5, "statuses":
    /// {"a": {"red", "amber", "green"}, "b": {…}}}`. `sort` is the order (on B's figures, A's for a
    /// line only A has; `line` by name); `only` the statuses kept (a line is kept when its status in A
    /// or in B is one of them), in red, amber, green order; `shown` the lines in `lines`, `of` the
    /// lines in either scenario; `statuses` each scenario's count of lines of each status over all
    /// its lines, not only those shown.
    package var selectionJSON: JSONValue? {
        guard let shown, shown.selection.order != nil || shown.selection.statuses != nil else { return nil }
        func counts(_ c: StatusCounts) -> JSONValue {
            .object([("red", .number("\(c.red)")), ("amber", .number("\(c.amber)")), ("green", .number("\(c.green)"))])
        }
        let only = shown.selection.statuses.map { keep in
            JSONValue.array(RAG.allCases.filter(keep.contains).map { .string($0.rawValue) })
        }
        return .object([("sort", shown.selection.order.map { .string($0.rawValue) } ?? .null),
                        ("only", only ?? .null),
                        ("shown", .number("\(shown.count)")), ("of", .number("\(shown.of)")),
                        ("statuses", .object([("a", counts(shown.statusesA)), ("b", counts(shown.statusesB))]))])
    }

    /// The comparison as a document: both totals (the page's summary), the table with its legend
    /// (sheet Compare), each scenario's assumptions (the page and the workbook).
    package var document: ReportDocument {
        func figures(_ name: String, _ side: RiskFigures) -> [PageSummary.Figure] {
            [.init(label: "\(name) budget", value: .money(side.budget)),
             .init(label: "\(name) projected", value: .money(side.projected)),
             .init(label: "\(name) P(overspend)", value: .probability(side.probabilityOfOverspend.value))]
        }
        let documentsOnly: Set<OutputFormat> = [.html, .xlsx]
        return ReportDocument(
            title: "Compare \(a.year)", heading: "Compare \(a.year): scenario A against scenario B", subtitle: legend,
            summary: PageSummary(figures: figures("A", total.a) + figures("B", total.b)),
            sections: [.table(.init(heading: "Lines", table: documentTable, note: legend, noteOnPage: false, sheet: "Compare")),
                       .table(.init(heading: "Assumptions of A", table: a.assumptionsTable, sheet: "Assumptions A", formats: documentsOnly)),
                       .table(.init(heading: "Assumptions of B", table: b.assumptionsTable, sheet: "Assumptions B", formats: documentsOnly))])
    }

    /// The HTML page of ``document``, with the audit trail of `run` (none when nil).
    package func page(run: RunRecord? = nil) -> ReportPage { document.page(run: run) }

    /// The workbook of ``document``: Compare, each scenario's assumptions, and the Run of `run` (none when
    /// nil; one record for both scenarios, A's and B's inputs and assumptions named `a.` and `b.`).
    package func workbook(run: RunRecord? = nil) -> Workbook { document.workbook(run: run) }

    /// Writes the comparison in `format` to `sink` (text formats end with a newline), through the one
    /// document writer; with `run`, every format but CSV records it (docs/planner.md, *Audit trail*).
    /// - Throws: the sink's ``OutputError``; ``Workbook/TooLarge`` beyond Excel's limits.
    package func write(as format: OutputFormat, run: RunRecord? = nil, to sink: ReportSink) throws {
        try ReportDocument.write(as: format, run: run, to: sink, json: { json(run: $0).rendered() }, document: { document })
    }
}
