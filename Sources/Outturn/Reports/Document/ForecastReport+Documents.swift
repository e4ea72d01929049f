/// `planner forecast` as an HTML page and an Excel workbook: the calls the report writer makes for
/// `--format html` and `--format xlsx` (the formats themselves are wired in by the writer).
extension ForecastReport {
    /// The lines table with the RAG as a typed status. Without `reasons` the last two columns, `Method`
    /// and `Reason`, are left out (the page gives each line's reason, which names the method, below the table).
    package func documentLinesTable(reasons: Bool) -> DocumentTable {
        // The same columns and cells as every other format (ForecastReportWriter's layout).
        var columns = ForecastReportWriter.lineColumns(scenario)
        func row(_ row: ForecastReportWriter.Row) -> [DocumentCell] {
            let cells = ForecastReportWriter.cells(row)
            return reasons ? cells : Array(cells.dropLast(2))
        }
        if !reasons { columns.removeLast(2) }
        return DocumentTable(title: "Forecast \(year): projected spend against budget", columns: columns,
                             rows: lines.map { row(.line($0)) },
                             footer: groups.map { row(.group($0)) } + [row(.total(total))])
    }

    /// The activity projections, or nil when there are none; with `reasons` (the workbook) each
    /// series' reason too (the page gives them below, under "Why").
    package func documentActivityTable(reasons: Bool) -> DocumentTable? {
        guard !activity.isEmpty else { return nil }
        return ForecastReportWriter.activityTable(activity, scenario: scenario, reasons: reasons)
    }

    /// The assumptions behind the forecast: the scenario's settings, each line's adjustments, then the
    /// closed lines left out (when the ledger's latest year is known).
    package var assumptionsTable: DocumentTable {
        let s = scenario
        let levels = s.confidenceLevels.map { ReportCell.fixed($0 * 100, decimals: 1).trimmingZeros() + "%" }
        var rows: [[DocumentCell]] = [
            [.text("Inflation"), .text("every line"), .percent(s.inflation * 100), .text("applied per year to the target year")],
            [.text("Year-to-year spread"), .text("lines with too little history"), .percent(s.yearToYearSpread * 100),
             .text("relative spread of spending when it cannot be measured")],
            [.text("Correlation"), .text("between lines"), .number(s.correlation),
             .text("of lines' surprises in the joint simulation of the total")],
            [.text("Intervals"), .text("every line"), .text(levels.joined(separator: " and ")), .text("central prediction intervals")],
            [.text("Budget needed at"), .text("every line"), .percent(s.budgetNeededConfidence * 100),
             .text("confidence of not overspending")],
            [.text("RAG"), .text("every line"), .text(""), .text(ForecastReportWriter.legend(s))],
            [.text("Materiality"), .text("every line"), .money(s.materiality.amount),
             .text("and \(ReportCell.fixed(s.materiality.fraction * 100, decimals: 2).trimmingZeros())% of budget")],
        ]
        for line in s.lines where line.growth != 0 || line.change.pence != 0 || line.note != nil {
            if line.growth != 0 { rows.append([.text("Growth"), .text(line.name), .percent(line.growth * 100), .text(line.note ?? "")]) }
            if line.change.pence != 0 { rows.append([.text("One-off change"), .text(line.name), .money(line.change), .text(line.note ?? "")]) }
            if line.growth == 0 && line.change.pence == 0 { rows.append([.text("Note"), .text(line.name), .text(""), .text(line.note ?? "")]) }
        }
        // Closed lines (docs/scenario.md): said under the page's table; the workbook has no notes, so here.
        if let latest = ledgerLatestYear {
            rows += closedLines.map { line in
                [.text("Closed line"), .text(line.name), .text("last \(line.lastYear)"),
                 .text("no row for \(latest); left out of the forecast (ledger line \(line.sourceLine))")]
            }
        }
        return DocumentTable(title: "Assumptions", columns: ["Assumption", "Applies to", "Value", "Note"], rows: rows)
    }

    /// The fan chart data of `risk`, with its past years from `history` (oldest first; empty for none).
    package func fanChartData(_ risk: RiskAssessment, history: [LedgerEntry]) -> FanChartData {
        FanChartData(line: risk.lineName,
                     history: history.map { .init(year: $0.year.description, actual: $0.actual, budget: $0.budget) },
                     targetYear: year.description, projected: risk.projected,
                     bands: zip(risk.levels, risk.intervals).map { .init(level: $0, lower: $1.lower, upper: $1.upper) },
                     targetBudget: risk.budget)
    }

    /// The summary: budget, projection, P(overspend) and expected overspend of the total, its status,
    /// and how many lines are red, amber and green with their budgets.
    /// - Throws: ``MoneyOverflow`` if a status's budgets do not fit (never for a real ledger).
    package func pageSummary() throws -> PageSummary {
        let needed = ReportCell.fixed(total.budgetNeededConfidence * 100, decimals: 1).trimmingZeros()
        let status = "The total is \(ReportCell.probability(total.probabilityOfOverspend.value).display) likely to overspend "
            + "its budget of \(total.budget.formatted()); a budget of \(total.budgetNeeded.formatted()) would make it "
            + "\(needed)% sure not to."
        let counts = try RAG.allCases.map { rag in
            let matching = lines.filter { $0.rag == rag }
            return PageSummary.RAGCount(rag: rag, count: matching.count, amount: try Money.sum(matching.map(\.budget)))
        }
        return PageSummary(figures: [.init(label: "Budget \(year)", value: .money(total.budget)),
                                     .init(label: "Projected spend", value: .money(total.projected)),
                                     .init(label: "P(overspend)", value: .probability(total.probabilityOfOverspend.value)),
                                     .init(label: "Expected overspend", value: .money(total.expectedOverspend))],
                           status: .init(rag: total.rag, text: status),
                           // Groups only (--level): no lines to count.
                           ragCounts: lines.isEmpty && !groups.isEmpty ? [] : counts)
    }

    /// At most this many fan charts on a page; a larger ledger gets those of the lines with the largest
    /// expected overspend (the table still lists every line), so the file stays small enough to email.
    package static let maxFanCharts = 30

    /// The lines that get a fan chart, in ledger order: every line, or the ``maxFanCharts`` with the
    /// largest expected overspend (ties in ledger order).
    package var chartedLines: [RiskAssessment] {
        guard lines.count > ForecastReport.maxFanCharts else { return lines }
        let chosen = lines.indices.sorted {
            (lines[$0].expectedOverspend, $1) > (lines[$1].expectedOverspend, $0)
        }.prefix(ForecastReport.maxFanCharts)
        return chosen.sorted().map { lines[$0] }
    }

    /// The forecast as a document, for the page and the workbook (the text formats stream their lines
    /// through ``ForecastReportWriter``): the summary; the lines table with the legend, the closed lines
    /// and the rounding note (sheet Forecast; the page leaves out `Method` and `Reason`, said under "Why");
    /// fan charts (see ``chartedLines``; each line's past from `ledger`, if given); activity (sheet
    /// Activity; its reasons under "Why" on the page); the reasons; the assumptions (sheet Assumptions).
    /// - Throws: ``MoneyOverflow`` (see ``pageSummary()``).
    package func document(ledger: Ledger?) throws -> ReportDocument {
        // Closed lines left out (docs/scenario.md) are said under the table, after the legend.
        let closed = ledgerLatestYear.flatMap { ResolvedScenario.closedLinesNote(closedLines, latestYear: $0) }
        var sections: [ReportDocument.Section] = [.table(.init(
            heading: "Lines", table: documentLinesTable(reasons: true),
            note: ForecastReportWriter.legend(scenario) + (closed.map { " " + $0 + "." } ?? "") + " " + ForecastReportWriter.roundingNote,
            sheet: "Forecast", hiddenColumns: [.html: ["Method", "Reason"]]))]
        let charted = chartedLines
        let charts = charted.enumerated().map { index, risk in
            FanChart.render(fanChartData(risk, history: ledger?.history(of: risk.lineName) ?? []), id: "fan-\(index + 1)")
        }
        let note = charted.count == lines.count ? nil
            : "Fan charts of the \(charted.count) lines (of \(lines.count)) with the largest expected overspend; "
                + "the table lists every line."
        if !charts.isEmpty || groups.isEmpty { sections.append(.charts(heading: "Projections", charts, note: note)) }
        if let activity = documentActivityTable(reasons: true) {
            sections.append(.table(.init(heading: "Activity", table: activity, sheet: "Activity", hiddenColumns: [.html: ["Reason"]])))
        }
        sections.append(.notes(heading: "Why", lines.map { .init(subject: $0.lineName, text: $0.reason) }
            + [.init(subject: "Total", text: total.reason)]
            + activity.map { .init(subject: $0.series, text: $0.reason) }))
        sections.append(.table(.init(heading: "Assumptions", table: assumptionsTable, sheet: "Assumptions", formats: [.html, .xlsx])))
        return ReportDocument(title: "Forecast \(year)",
                              heading: "Forecast \(year): projected spend against budget (scenario \(scenario.fileName))",
                              subtitle: "Projected spend against budget, scenario \(scenario.fileName)",
                              summary: try pageSummary(), sections: sections)
    }

    /// The HTML report of ``document(ledger:)``, with the audit trail of `run` (none when nil).
    /// - Throws: ``MoneyOverflow`` (see ``pageSummary()``).
    package func page(ledger: Ledger?, run: RunRecord? = nil) throws -> ReportPage {
        try document(ledger: ledger).page(run: run)
    }

    /// The workbook of ``document(ledger:)``: Forecast (with reasons), Activity (if any), Assumptions and
    /// the Run of `run` (none when nil).
    /// - Throws: ``MoneyOverflow`` (see ``pageSummary()``).
    package func workbook(run: RunRecord? = nil) throws -> Workbook {
        try document(ledger: nil).workbook(run: run)
    }
}
