extension VarianceReport {
    /// The report as a table: line, budget, actual, variance, variance %, status; total in the footer.
    package var table: ReportTable {
        func row(_ line: VarianceLine) -> [ReportCell] {
            [.text(line.lineName), .money(line.budget), .money(line.actual), .money(line.variance),
             .percent(line.variancePercent), .text(line.status.rawValue)]
        }
        return ReportTable(columns: ["Line", "Budget", "Actual", "Variance", "Variance %", "Status"],
                           rows: lines.map(row), footer: [row(total)])
    }

    /// The report as JSON: `{"year", "lines": [{"line", "budget", "actual", "variance",
    /// "variancePercent", "status"}], "total": {…}}`, amounts in pounds.
    package var json: JSONValue {
        .object([("year", .string(year.description)), ("lines", .array(lines.map(VarianceReport.jsonObject))),
                 ("total", VarianceReport.jsonObject(total))])
    }

    private static func jsonObject(_ line: VarianceLine) -> JSONValue {
        .object([("line", .string(line.lineName)), ("budget", .money(line.budget)), ("actual", .money(line.actual)),
                 ("variance", .money(line.variance)),
                 ("variancePercent", line.variancePercent.map { .double($0, decimals: 4) } ?? .null),
                 ("status", .string(line.status.rawValue))])
    }

    /// ``json`` rendered, one line's object at a time into one String (the same text as
    /// `json.rendered()`), so a ledger of millions of rows never holds the whole JSON tree.
    private var jsonText: String {
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
        out += ",\n  \"total\": " + VarianceReport.jsonObject(total).render(indent: 1) + "\n}\n"
        return out
    }

    /// Writes the whole report in `format` to `sink` (text formats end with a newline). The page and
    /// the workbook name `ledgerFile` in their audit trail; they are views of the same table.
    /// - Throws: the sink's ``InputError``; ``MoneyOverflow`` or `Workbook.TooLarge` for a page or
    ///   workbook beyond their limits.
    public func write(as format: OutputFormat, ledgerFile: String, to sink: ReportSink) throws {
        let rule = "On budget: within \(ReportCell.fixed(materiality.fraction * 100, decimals: 2).trimmingZeros())% of budget and \(materiality.amount.formatted())."
            + (incomeNote.map { " " + $0 } ?? "")
        switch format {
        case .table:
            try sink.write("Variance \(year): budget − actual (negative = overspent)\n\n" + table.renderedAsText() + "\n" + rule + "\n")
        case .csv: try sink.write(table.renderedAsCSV())
        case .json: try sink.write(jsonText)
        case .markdown:
            try sink.write("## Variance \(year)\n\n" + table.renderedAsMarkdown()
                           + "\nVariance = budget − actual (negative = overspent). " + rule + "\n")
        case .html: try sink.write(try page(ledgerFile: ledgerFile).html())
        case .xlsx: try sink.write(bytes: try workbook(ledgerFile: ledgerFile).data())
        }
    }
}
