extension VarianceReport {
    /// The report as JSON: `{"year", "lines": [{"line", "budget", "actual", "variance",
    /// "variancePercent", "status"}], "total": {…}, "run": {…}}`, amounts in pounds; `run` (the run
    /// record) only when given.
    package func json(run: RunRecord? = nil) -> JSONValue {
        .object([("year", .string(year.description)), ("lines", .array(lines.map(VarianceReport.jsonObject))),
                 ("total", VarianceReport.jsonObject("Total", total))] + (run.map { [("run", $0.json)] } ?? []))
    }

    /// One row's object: a line's under `lines`, named by the line; the total's under `total`, named
    /// `Total` (the key, not the name, tells the two apart: a line may be called "Total").
    private static func jsonObject(_ name: String, _ figures: VarianceFigures) -> JSONValue {
        .object([("line", .string(name)), ("budget", .money(figures.budget)), ("actual", .money(figures.actual)),
                 ("variance", .money(figures.variance)),
                 ("variancePercent", figures.variancePercent.map { .double($0, decimals: 4) } ?? .null),
                 ("status", .string(figures.status.rawValue))])
    }

    private static func jsonObject(_ line: VarianceLine) -> JSONValue { jsonObject(line.lineName, line.figures) }

    /// ``json(run:)`` rendered, one line's object at a time into one String (the same text as
    /// `json(run:).rendered()`), so a ledger of millions of rows never holds the whole JSON tree.
    private func jsonText(run: RunRecord?) -> String {
        var out = "{\n  \"year\": " + JSONValue.quoted(year.description) + ",\n  \"lines\": "
        if lines.isEmpty {
            out += "[]"
        } else {
            out += "[\n"
            for (index, line) in lines.enumerated() {
                out += "    " + VarianceReport.jsonObject(line).render(indent: 2)
                out += index + 1 < lines.count ? ",\n" : "\n"
            }
            out += "  ]"
        }
        out += ",\n  \"total\": " + VarianceReport.jsonObject("Total", total).render(indent: 1)
        out += (run.map { ",\n  \"run\": " + $0.json.render(indent: 1) } ?? "") + "\n}\n"
        return out
    }

    /// Writes the whole report in `format` to `sink` (text formats end with a newline), through the one
    /// document writer (`document(ledgerFile:)`; JSON streamed a line at a time). The page names
    /// `ledgerFile` under its title. With `run`, every format but CSV records it (JSON's `run`, the
    /// table's and Markdown's footer, the page's audit trail, the workbook's Run sheet; docs/planner.md,
    /// *Audit trail*).
    /// - Throws: the sink's ``OutputError``; ``MoneyOverflow`` or `Workbook.TooLarge` for a page or
    ///   workbook beyond their limits.
    public func write(as format: OutputFormat, ledgerFile: String, run: RunRecord? = nil, to sink: ReportSink) throws {
        try ReportDocument.write(as: format, run: run, to: sink, json: jsonText(run:), document: { try document(ledgerFile: ledgerFile) })
    }
}
