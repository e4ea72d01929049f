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
    static func cells(_ line: MonitorLine) -> [DocumentCell] {
        var cells = MonitorReport.withoutPriorYear(ForecastReportWriter.cells(.line(line.risk)))
        cells.insert(contentsOf: [.money(line.actualToDate), .money(line.profiledBudgetToDate)], at: 2)
        return cells
    }

    /// A group's cells (named `Group: Adults/Home care`, as in the forecast).
    static func cells(_ group: MonitorGroup) -> [DocumentCell] {
        var cells = MonitorReport.withoutPriorYear(ForecastReportWriter.cells(.group(group.risk)))
        cells.insert(contentsOf: [.money(group.actualToDate), .money(group.profiledBudgetToDate)], at: 2)
        return cells
    }

    /// Every row above the total: the lines, then the groups' subtotals.
    var rowCells: [[DocumentCell]] { shownLines.map(MonitorReport.cells) + shownGroups.map(MonitorReport.cells) }

    /// The total's cells.
    var totalCells: [DocumentCell] {
        var cells = MonitorReport.withoutPriorYear(ForecastReportWriter.cells(.total(total.risk)))
        cells.insert(contentsOf: [.money(total.actualToDate), .money(total.profiledBudgetToDate)], at: 2)
        return cells
    }

    /// The title: `Monitor 2022/23 as of 2022-09 (month 6 of 12)`.
    var title: String { "Monitor \(year) as of \(asOf) (month \(monthOfYear) of 12)" }

    /// The "Why:" list: each line's reason, each group's, then the total's and the notes on the inputs.
    var reasons: [PageSection.Note] {
        shownLines.map { .init(subject: $0.risk.lineName, text: $0.risk.reason) }
            + shownGroups.map { .init(subject: ForecastReportWriter.groupLabel($0.risk), text: $0.risk.reason) }
            + [.init(subject: "Total", text: total.risk.reason)] + notes.map { .init(subject: "Note", text: $0) }
    }

    /// `{"year", "asOf", "month", "lines": [{line, budget, actualToDate, profiledBudgetToDate, projected,
    /// interval80, interval95, probabilityOfOverspend, expectedOverspend, budgetNeeded, budgetNeededConfidence,
    /// rag, method, reason}], "total": {…}, "groups": […], "notes": […], "run": {…}}`, amounts in pounds; `groups`
    /// with a grouped ledger, `notes` (warnings about the inputs, as the text's "Note" reasons) when there are
    /// any, `run` (the run record) when given.
    package func json(run: RunRecord? = nil) -> JSONValue {
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
                        ("total", object(.total(total.risk), toDate: total.actualToDate, profiled: total.profiledBudgetToDate))]
                        + (groups.isEmpty ? [] : [("groups", .array(shownGroups.map {
                            object(.group($0.risk), toDate: $0.actualToDate, profiled: $0.profiledBudgetToDate)
                        }))])
                        + (notes.isEmpty ? [] : [("notes", .array(notes.map { .string($0) }))])
                        + (run.map { [("run", $0.json)] } ?? []))
    }

    /// The lines table, every column, the RAG typed: the groups after the lines, the total in the footer.
    package var documentTable: DocumentTable {
        DocumentTable(title: title, columns: columns, rows: rowCells, footer: [totalCells])
    }

    /// The forecast report's view of the same lines: the fan charts and the assumptions come from it,
    /// so the monitor page and workbook show them as the forecast's do.
    var asForecast: ForecastReport {
        ForecastReport(year: year, scenario: scenario, lines: lines.map(\.risk), total: total.risk, activity: [])
    }

    /// The report as a document: the total's figures (the page's summary); the lines table with the
    /// legend (every column in CSV and the workbook's Monitor sheet; without `Reason` in text and
    /// Markdown, which list the reasons under it; without `Method` and `Reason` on the page); a fan
    /// chart per line (its past years, the projected full-year outturn with its bands and the budget;
    /// the page only); why; the assumptions (the page and the workbook).
    package var document: ReportDocument {
        let summary = PageSummary(
            figures: [.init(label: "Budget \(year)", value: .money(total.risk.budget)),
                      .init(label: "Actual to \(asOf)", value: .money(total.actualToDate)),
                      .init(label: "Projected outturn", value: .money(total.risk.projected)),
                      .init(label: "P(overspend)", value: .probability(total.risk.probabilityOfOverspend.value))],
            status: .init(rag: total.risk.rag, text: "The year's total is \(ReportCell.probability(total.risk.probabilityOfOverspend.value).display) likely to overspend its budget of \(total.risk.budget.formatted())."))
        let forecast = asForecast, charted = shownLevel == nil ? forecast.chartedLines : []
        let charts = charted.enumerated().map { index, risk in
            FanChart.render(forecast.fanChartData(risk, history: ledger?.history(of: risk.lineName) ?? []), id: "fan-\(index + 1)")
        }
        var sections: [ReportDocument.Section] = [.table(.init(
            heading: "Lines", table: documentTable, note: ForecastReportWriter.legend(scenario), sheet: "Monitor",
            hiddenColumns: [.table: ["Reason"], .markdown: ["Reason"], .html: ["Method", "Reason"]]))]
        if !charts.isEmpty {
            let note = charted.count == lines.count ? nil
                : "Fan charts of the \(charted.count) lines (of \(lines.count)) with the largest expected overspend."
            sections.append(.charts(heading: "Projected outturn", charts, note: note))
        }
        sections += [.notes(heading: "Why", reasons),
                     .table(.init(heading: "Assumptions", table: forecast.assumptionsTable, sheet: "Assumptions", formats: [.html, .xlsx]))]
        return ReportDocument(title: title, heading: title + " (scenario \(scenario.fileName))",
                              subtitle: "Projected full-year outturn against budget, scenario \(scenario.fileName)",
                              summary: summary, sections: sections)
    }

    /// The HTML page of ``document``, with the audit trail of `run` (none when nil).
    package func page(run: RunRecord? = nil) -> ReportPage { document.page(run: run) }

    /// The workbook of ``document``: Monitor (with reasons), Assumptions and the Run of `run` (none when nil).
    package func workbook(run: RunRecord? = nil) -> Workbook { document.workbook(run: run) }

    /// Writes the report in `format` to `sink` (text formats end with a newline), through the one
    /// document writer. With `run`, every format but CSV records it (JSON's `run`, the table's and
    /// Markdown's footer, the page's audit trail, the workbook's Run sheet; docs/planner.md, *Audit trail*).
    /// - Throws: the sink's ``OutputError``; `Workbook.TooLarge` beyond Excel's limits.
    public func write(as format: OutputFormat, run: RunRecord? = nil, to sink: ReportSink) throws {
        try ReportDocument.write(as: format, run: run, to: sink, json: { json(run: $0).rendered() }, document: { document })
    }
}
