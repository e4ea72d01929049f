import Foundation
import OutturnNumerics

/// `planner monitor` in every ``OutputFormat``, on the forecast writer's own layout
/// (``ForecastReportWriter/lineColumns(_:)``, ``ForecastReportWriter/cells(_:)`` and
/// ``ForecastReportWriter/jsonObject(_:keys:)``) with two columns added after the budget: the actual
/// to date and the budget profiled to date.
extension MonitorReport {
    /// Column headings: the forecast's, with `Actual to date` and `Profiled budget to date` after `Budget`.
    var columns: [String] {
        var columns = MonitorReport.withoutPriorYear(ForecastReportWriter.lineColumns(scenario))
        columns.insert(contentsOf: ["Actual to date", "Profiled budget to date"], at: 2)
        return columns
    }

    /// The forecast's row without its prior-year actual and budget-change columns (1 and 3): in the
    /// year, the actual and the profiled budget to date say more, and the row stays readable.
    static func withoutPriorYear<T>(_ row: [T]) -> [T] {
        var row = row
        row.remove(at: 3)
        row.remove(at: 1)
        return row
    }

    /// One line's cells (the forecast's, with the two in-year figures after the budget).
    static func cells(_ line: MonitorLine) -> [ReportCell] {
        var cells = MonitorReport.withoutPriorYear(ForecastReportWriter.cells(.line(line.risk)))
        cells.insert(contentsOf: [.money(line.actualToDate), .money(line.profiledBudgetToDate)], at: 2)
        return cells
    }

    /// A group's cells (named `Group: Adults/Home care`, as in the forecast).
    static func cells(_ group: MonitorGroup) -> [ReportCell] {
        var cells = MonitorReport.withoutPriorYear(ForecastReportWriter.cells(.group(group.risk)))
        cells.insert(contentsOf: [.money(group.actualToDate), .money(group.profiledBudgetToDate)], at: 2)
        return cells
    }

    /// Every row above the total: the lines, then the groups' subtotals.
    var rowCells: [[ReportCell]] { shownLines.map(MonitorReport.cells) + shownGroups.map(MonitorReport.cells) }

    /// The total's cells.
    var totalCells: [ReportCell] {
        var cells = MonitorReport.withoutPriorYear(ForecastReportWriter.cells(.total(total)))
        cells.insert(contentsOf: [.money(totalActualToDate), .money(totalProfiledBudgetToDate)], at: 2)
        return cells
    }

    /// The title: `Monitor 2022/23 as of 2022-09 (month 6 of 12)`.
    var title: String { "Monitor \(year) as of \(asOf) (month \(monthOfYear) of 12)" }

    /// The table without the reason column (reasons are listed under it in text and Markdown).
    var reportTable: ReportTable {
        ReportTable(columns: Array(columns.dropLast()), rows: rowCells.map { Array($0.dropLast()) },
                    footer: [Array(totalCells.dropLast())])
    }

    /// Every column, reasons included (CSV).
    var fullReportTable: ReportTable {
        ReportTable(columns: columns, rows: rowCells, footer: [totalCells])
    }

    /// The "Why:" list: each line's reason, then the total's.
    var reasons: [(String, String)] {
        shownLines.map { ($0.risk.lineName, $0.risk.reason) }
            + shownGroups.map { (ForecastReportWriter.groupLabel($0.risk), $0.risk.reason) }
            + [("Total", total.reason)] + notes.map { ("Note", $0) }
    }

    /// `{"year", "asOf", "month", "lines": [{line, budget, actualToDate, profiledBudgetToDate, projected,
    /// interval80, interval95, probabilityOfOverspend, expectedOverspend, budgetNeeded, budgetNeededConfidence,
    /// rag, method, reason}], "total": {…}}`, amounts in pounds.
    package var json: JSONValue {
        let keys = ForecastReportWriter.intervalKeys(scenario)
        func object(_ row: ForecastReportWriter.Row, toDate: Money, profiled: Money,
                    beforeYear: InYearProjection.Belief? = nil) -> JSONValue {
            guard case .object(var pairs) = ForecastReportWriter.jsonObject(row, keys: keys) else { return .null }
            pairs.insert(contentsOf: [("actualToDate", .money(toDate)), ("profiledBudgetToDate", .money(profiled))], at: 2)
            if let beforeYear {
                // The view before the year that the run rate was weighed against (docs/planner.md).
                pairs.append(("beforeYear", .object([("median", .exact(beforeYear.median)),
                                                     ("logSpread", .exact(beforeYear.logSpread))])))
            }
            return .object(pairs)
        }
        return .object([("year", .string(year.description)), ("asOf", .string(asOf.description)),
                        ("month", .number(String(monthOfYear))),
                        ("lines", .array(shownLines.map { object(.line($0.risk), toDate: $0.actualToDate, profiled: $0.profiledBudgetToDate,
                                                              beforeYear: $0.beforeYear) })),
                        ("total", object(.total(total), toDate: totalActualToDate, profiled: totalProfiledBudgetToDate))]
                        + (groups.isEmpty ? [] : [("groups", .array(shownGroups.map {
                            object(.group($0.risk), toDate: $0.actualToDate, profiled: $0.profiledBudgetToDate)
                        }))]))
    }

    /// The lines table as a document (RAG typed, reasons kept in the workbook, left out on the page).
    package func documentTable(reasons: Bool) -> DocumentTable {
        var columns = self.columns
        let ragColumn = columns.firstIndex(of: "RAG")!
        func row(_ cells: [ReportCell], rag: RAG) -> [DocumentCell] {
            var row = cells.map(DocumentCell.init)
            row[ragColumn] = .rag(rag)
            return reasons ? row : Array(row.dropLast(2))
        }
        if !reasons { columns.removeLast(2) }
        return DocumentTable(title: title, columns: columns,
                             rows: shownLines.map { row(MonitorReport.cells($0), rag: $0.risk.rag) }
                                 + shownGroups.map { row(MonitorReport.cells($0), rag: $0.risk.rag) },
                             footer: [row(totalCells, rag: total.rag)])
    }

    /// The HTML page: the total's figures, the lines, why, and the run.
    package var page: ReportPage {
        let summary = PageSummary(
            figures: [.init(label: "Budget \(year)", value: .money(total.budget)),
                      .init(label: "Actual to \(asOf)", value: .money(totalActualToDate)),
                      .init(label: "Projected outturn", value: .money(total.projected)),
                      .init(label: "P(overspend)", value: .probability(total.probabilityOfOverspend.value))],
            status: .init(rag: total.rag, text: "The year's total is \(ReportCell.probability(total.probabilityOfOverspend.value).display) likely to overspend its budget of \(total.budget.formatted())."))
        return ReportPage(title: title, subtitle: "Projected full-year outturn against budget, scenario \(scenario.fileName)",
                          summary: summary,
                          sections: pageSections)
    }

    /// The forecast report's view of the same lines: the fan charts and the assumptions come from it,
    /// so the monitor page and workbook show them as the forecast's do.
    var asForecast: ForecastReport {
        ForecastReport(year: year, scenario: scenario, lines: lines.map(\.risk), total: total, activity: [])
    }

    /// Lines, a fan chart per line (its past years, the projected full-year outturn with its bands
    /// and the budget), why, assumptions and the audit trail.
    var pageSections: [PageSection] {
        let forecast = asForecast, charted = shownLevel == nil ? forecast.chartedLines : []
        let charts = charted.enumerated().map { index, risk in
            FanChart.render(forecast.fanChartData(risk, history: ledger?.history(of: risk.lineName) ?? []), id: "fan-\(index + 1)")
        }
        var sections = [PageSection(heading: "Lines", content: .table(documentTable(reasons: false),
                                                                      note: ForecastReportWriter.legend(scenario)))]
        if !charts.isEmpty {
            let note = charted.count == lines.count ? nil
                : "Fan charts of the \(charted.count) lines (of \(lines.count)) with the largest expected overspend."
            sections.append(PageSection(heading: "Projected outturn", content: .charts(charts, note: note)))
        }
        sections += [PageSection(heading: "Why", content: .notes(reasons.map { .init(subject: $0.0, text: $0.1) })),
                     PageSection(heading: "Assumptions", content: .table(forecast.assumptionsTable, note: nil)),
                     PageSection(heading: "Audit trail", content: .facts(runTable.rows.map {
                         .init(name: $0[0].display, value: $0[1].display)
                     }))]
        return sections
    }

    /// What produced the report (no clock time).
    var runTable: DocumentTable {
        var rows: [[DocumentCell]] = [[.text("Produced by"), .text("Outturn planner monitor")],
                                      [.text("Scenario"), .text(scenario.fileName)], [.text("Ledger"), .text(scenario.ledgerPath)]]
        if let actuals = scenario.actualsToDatePath { rows.append([.text("Actuals to date"), .text(actuals)]) }
        rows += [[.text("Year"), .text(year.description)], [.text("As of"), .text(asOf.description)],
                 [.text("Simulation draws"), .quantity(Double(scenario.draws))], [.text("Random seed"), .text(String(scenario.seed))]]
        return DocumentTable(title: "Run", columns: ["Item", "Value"], rows: rows)
    }

    /// The workbook: Monitor (with reasons), Assumptions and Run.
    package var workbook: Workbook {
        Workbook(title: title, sheets: [.init(name: "Monitor", table: documentTable(reasons: true)),
                                        .init(name: "Assumptions", table: asForecast.assumptionsTable),
                                        .init(name: "Run", table: runTable)])
    }

    /// Writes the report in `format` to `sink` (text formats end with a newline).
    /// - Throws: the sink's ``InputError``; `Workbook.TooLarge` beyond Excel's limits.
    public func write(as format: OutputFormat, to sink: ReportSink) throws {
        let why = "Why:\n" + reasons.map { "  \(DisplayText.escaped($0.0)): \(DisplayText.escaped($0.1))\n" }.joined()
        switch format {
        case .table:
            try sink.write(title + " (scenario \(scenario.fileName))\n\n" + reportTable.renderedAsText() + "\n"
                           + ForecastReportWriter.legend(scenario) + "\n\n" + why)
        case .csv: try sink.write(fullReportTable.renderedAsCSV())
        case .json: try sink.write(json.rendered())
        case .markdown:
            try sink.write("## \(title)\n\n" + reportTable.renderedAsMarkdown() + "\n" + ForecastReportWriter.legend(scenario) + "\n\n"
                           + reasons.map { "- **\(DisplayText.escaped($0.0))**: \(DisplayText.escaped($0.1))\n" }.joined())
        case .html: try sink.write(page.html())
        case .xlsx: try sink.write(bytes: try workbook.data())
        }
    }
}
