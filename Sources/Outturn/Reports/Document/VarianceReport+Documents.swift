/// `planner variance` as an HTML page and an Excel workbook (the writer wires in the formats).
extension VarianceReport {
    /// The variance table: line, budget, actual, variance, variance %, status; the total in the footer.
    package var documentTable: DocumentTable {
        let table = self.table
        return DocumentTable(title: "Variance \(year): budget − actual (negative = overspent)", columns: table.columns,
                             rows: table.rows.map { $0.map(DocumentCell.init) },
                             footer: table.footer.map { $0.map(DocumentCell.init) })
    }

    /// The materiality rule in words.
    var materialityText: String {
        "On budget: within \(ReportCell.fixed(materiality.fraction * 100, decimals: 2).trimmingZeros())% of budget "
            + "and \(materiality.amount.formatted())."
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

    /// The HTML report: the totals, the table, the variance bar chart and the rule used.
    /// - Throws: ``MoneyOverflow`` if the favourable or adverse variances do not fit (never for a real ledger).
    package func page(ledgerFile: String) throws -> ReportPage {
        func summed(_ status: VarianceStatus) throws -> (count: Int, amount: Money) {
            let matching = lines.filter { $0.status == status }
            return (matching.count, try Money.sum(matching.map(\.variance)))
        }
        let favourable = try summed(.favourable), adverse = try summed(.adverse)
        let figures: [PageSummary.Figure] = [
            .init(label: "Budget \(year)", value: .money(total.budget)), .init(label: "Actual", value: .money(total.actual)),
            .init(label: "Variance", value: .money(total.variance)),
            .init(label: "Favourable lines", value: .text("\(favourable.count): \(favourable.amount.formatted())")),
            .init(label: "Adverse lines", value: .text("\(adverse.count): \(adverse.amount.formatted())")),
        ]
        let charted = chartedLines
        let bars = charted.map { VarianceBar(line: $0.lineName, variance: $0.variance, status: $0.status) }
        let note = charted.count == lines.count ? nil
            : "The \(charted.count) largest variances (of \(lines.count) lines); the table lists every line."
        return ReportPage(
            title: "Variance \(year)", subtitle: "Budget against actual, ledger \(ledgerFile)",
            summary: PageSummary(figures: figures),
            sections: [PageSection(heading: "Lines", content: .table(documentTable, note: materialityText)),
                       PageSection(heading: "Variance by line",
                                   content: .charts([VarianceBarChart.render(bars, year: year.description, id: "variance")], note: note)),
                       PageSection(heading: "Audit trail", content: .facts([
                        .init(name: "Produced by", value: "Outturn planner variance"), .init(name: "Ledger", value: ledgerFile),
                        .init(name: "Year", value: year.description), .init(name: "Materiality", value: materialityText)]))])
    }

    /// The workbook: Variance and Run.
    package func workbook(ledgerFile: String) -> Workbook {
        let run = DocumentTable(title: "Run", columns: ["Item", "Value"], rows: [
            [.text("Produced by"), .text("Outturn planner variance")], [.text("Ledger"), .text(ledgerFile)],
            [.text("Year"), .text(year.description)],
            [.text("Materiality"), .text(materialityText)]])
        return Workbook(title: "Variance \(year)", sheets: [.init(name: "Variance", table: documentTable),
                                                             .init(name: "Run", table: run)])
    }
}
