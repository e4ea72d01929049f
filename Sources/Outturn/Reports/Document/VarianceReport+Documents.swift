/// `planner variance` as a ``ReportDocument``: one table and its rule, the bar chart, the summary;
/// every format is written from it by the one document writer.
extension VarianceReport {
    /// The variance table: line, budget, actual, variance, variance %, status; the total in the footer.
    package var documentTable: DocumentTable {
        func row(_ label: String, _ figures: VarianceFigures) -> [DocumentCell] {
            [.text(label), .money(figures.budget), .money(figures.actual), .money(figures.variance),
             .percent(figures.variancePercent), .text(figures.status.rawValue)]
        }
        return DocumentTable(title: "Variance \(year): budget − actual (negative = overspent)",
                             columns: ["Line", "Budget", "Actual", "Variance", "Variance %", "Status"],
                             rows: lines.map { row($0.lineName, $0.figures) }, footer: [row("Total", total)])
    }

    /// The materiality rule in words, and with income lines how to read them (``incomeNote``).
    var ruleText: String {
        "On budget: within \(ReportCell.fixed(materiality.fraction * 100, decimals: 2).trimmingZeros())% of budget "
            + "and \(materiality.amount.formatted())." + (incomeNote.map { " " + $0 } ?? "")
    }

    /// At most this many bars in the variance chart; a larger ledger shows the largest variances either
    /// way (the table still lists every line).
    package static let maxBars = 30

    /// The lines in the bar chart, in ledger order: every line, or the ``maxBars`` with the largest
    /// variance in either direction (ties in ledger order).
    package var chartedLines: [VarianceLine] {
        guard lines.count > VarianceReport.maxBars else { return lines }
        let chosen = lines.indices.sorted {
            (lines[$0].variance.pence.magnitude, $1) > (lines[$1].variance.pence.magnitude, $0)
        }.prefix(VarianceReport.maxBars)
        return chosen.sorted().map { lines[$0] }
    }

    /// The report as a document: the totals (the page's summary), the table with the rule used (sheet
    /// Variance), the variance bar chart (the page only); the page names `ledgerFile` under its title.
    /// - Throws: ``MoneyOverflow`` if the favourable or adverse variances do not fit (never for a real ledger).
    package func document(ledgerFile: String) throws -> ReportDocument {
        // "3: £1,122,519": how many lines have `status`, and their variances summed.
        func tally(_ status: VarianceStatus) throws -> String {
            let matching = lines.filter { $0.status == status }
            return "\(matching.count): \(try Money.sum(matching.map(\.variance)).formatted())"
        }
        let figures: [PageSummary.Figure] = [
            .init(label: "Budget \(year)", value: .money(total.budget)), .init(label: "Actual", value: .money(total.actual)),
            .init(label: "Variance", value: .money(total.variance)),
            .init(label: "Favourable lines", value: .text(try tally(.favourable))),
            .init(label: "Adverse lines", value: .text(try tally(.adverse))),
        ]
        let charted = chartedLines
        let bars = charted.map { VarianceBar(line: $0.lineName, variance: $0.variance, status: $0.status) }
        let note = charted.count == lines.count ? nil
            : "The \(charted.count) largest variances (of \(lines.count) lines); the table lists every line."
        return ReportDocument(
            title: "Variance \(year)", heading: "Variance \(year): budget − actual (negative = overspent)",
            subtitle: "Budget against actual, ledger \(ledgerFile)", summary: PageSummary(figures: figures),
            sections: [.table(.init(heading: "Lines", table: documentTable, note: ruleText, sheet: "Variance")),
                       .charts(heading: "Variance by line",
                               [VarianceBarChart.render(bars, year: year.description, id: "variance")], note: note)])
    }

    /// The HTML page of ``document(ledgerFile:)``, with the audit trail of `run` (none when nil).
    /// - Throws: ``MoneyOverflow`` (see ``document(ledgerFile:)``).
    package func page(ledgerFile: String, run: RunRecord? = nil) throws -> ReportPage {
        try document(ledgerFile: ledgerFile).page(run: run)
    }

    /// The workbook of ``document(ledgerFile:)``: Variance and the Run of `run` (none when nil).
    /// - Throws: ``MoneyOverflow`` (see ``document(ledgerFile:)``).
    package func workbook(run: RunRecord? = nil) throws -> Workbook {
        try document(ledgerFile: "").workbook(run: run)
    }
}
