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
        func object(_ line: VarianceLine) -> JSONValue {
            .object([("line", .string(line.lineName)), ("budget", .money(line.budget)), ("actual", .money(line.actual)),
                     ("variance", .money(line.variance)),
                     ("variancePercent", line.variancePercent.map { .double($0, decimals: 4) } ?? .null),
                     ("status", .string(line.status.rawValue))])
        }
        return .object([("year", .string(year.description)), ("lines", .array(lines.map(object))),
                        ("total", object(total))])
    }

    /// The whole report in `format`, ending with a newline.
    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .table:
            return "Variance \(year): budget − actual (negative = overspent)\n\n" + table.renderedAsText()
                + "\nOn budget: within \(ReportCell.fixed(materiality.fraction * 100, decimals: 2).trimmingZeros())% of budget and \(materiality.amount.formatted()).\n"
        case .csv: return table.renderedAsCSV()
        case .json: return json.rendered()
        case .markdown:
            return "## Variance \(year)\n\n" + table.renderedAsMarkdown()
                + "\nVariance = budget − actual (negative = overspent). On budget: within \(ReportCell.fixed(materiality.fraction * 100, decimals: 2).trimmingZeros())% of budget and \(materiality.amount.formatted()).\n"
        }
    }
}
