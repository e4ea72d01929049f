extension ForecastReport {
    private var levelNames: [String] { ForecastReport.levelNames(scenario) }

    static func levelNames(_ scenario: Scenario) -> [String] {
        scenario.confidenceLevels.map { ReportCell.fixed($0 * 100, decimals: 1).trimmingZeros() }
    }

    /// Column headings of the lines table (the last is `Reason`).
    static func lineColumns(_ scenario: Scenario) -> [String] {
        let needed = ReportCell.fixed(scenario.budgetNeededConfidence * 100, decimals: 1).trimmingZeros()
        var columns = ["Line", "Budget", "Projected"]
        for name in levelNames(scenario) { columns += ["\(name)% low", "\(name)% high"] }
        columns += ["P(overspend)", "Expected overspend", "Budget for \(needed)%", "RAG", "Method", "Reason"]
        return columns
    }

    /// One row of the lines table (the last cell is the reason).
    static func lineCells(_ risk: RiskAssessment) -> [ReportCell] {
        var cells: [ReportCell] = [.text(risk.line), .money(risk.budget), .money(risk.projected)]
        for interval in risk.intervals { cells += [.money(interval.lower), .money(interval.upper)] }
        cells += [.probability(risk.probabilityOfOverspend), .money(risk.expectedOverspend),
                  .money(risk.budgetNeeded), .text(risk.rag.rawValue), .text(risk.method), .text(risk.reason)]
        return cells
    }

    /// JSON keys of the intervals (`interval80`, `interval95`).
    static func intervalKeys(_ scenario: Scenario) -> [String] {
        levelNames(scenario).map { "interval" + $0.replacingOccurrences(of: ".", with: "_") }
    }

    /// One line (or the total) as a JSON object.
    static func jsonObject(_ risk: RiskAssessment, keys: [String]) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("line", .string(risk.line)), ("budget", .money(risk.budget)),
                                            ("projected", .money(risk.projected))]
        for (key, interval) in zip(keys, risk.intervals) {
            pairs.append((key, .array([.money(interval.lower), .money(interval.upper)])))
        }
        pairs += [("probabilityOfOverspend", .double(risk.probabilityOfOverspend, decimals: 4)),
                  ("expectedOverspend", .money(risk.expectedOverspend)), ("budgetNeeded", .money(risk.budgetNeeded)),
                  ("budgetNeededConfidence", .double(risk.budgetNeededConfidence)),
                  ("rag", .string(risk.rag.rawValue)), ("method", .string(risk.method)), ("reason", .string(risk.reason))]
        return .object(pairs)
    }

    /// The activity projections as a JSON array.
    static func activityJSON(_ activity: [ActivityProjection], keys: [String]) -> JSONValue {
        .array(activity.map { item in
            var pairs: [(String, JSONValue)] = [("series", .string(item.series)), ("forecast", .double(item.forecast, decimals: 1))]
            for (key, interval) in zip(keys, item.intervals) {
                pairs.append((key, .array([.double(interval.lower, decimals: 1), .double(interval.upper, decimals: 1)])))
            }
            pairs += [("method", .string(item.method)), ("reason", .string(item.reason))]
            return .object(pairs)
        })
    }

    /// Activity: series, forecast, intervals, method.
    static func activityTable(_ activity: [ActivityProjection], scenario: Scenario) -> ReportTable {
        var columns = ["Series", "Forecast"]
        for name in levelNames(scenario) { columns += ["\(name)% low", "\(name)% high"] }
        columns += ["Method"]
        return ReportTable(columns: columns, rows: activity.map { item in
            var cells: [ReportCell] = [.text(item.series), .quantity(item.forecast)]
            for interval in item.intervals { cells += [.quantity(interval.lower), .quantity(interval.upper)] }
            return cells + [.text(item.method)]
        })
    }

    /// Lines and total: budget, projected, intervals, P(overspend), expected overspend, budget needed, RAG, method, reason.
    public var linesTable: ReportTable {
        ReportTable(columns: ForecastReport.lineColumns(scenario), rows: lines.map(ForecastReport.lineCells),
                    footer: [ForecastReport.lineCells(total)])
    }

    /// Activity: series, forecast, intervals, method.
    public var activityTable: ReportTable { ForecastReport.activityTable(activity, scenario: scenario) }

    /// JSON: `{"year", "lines": [{"line", "budget", "projected", "interval80", "interval95",
    /// "probabilityOfOverspend", "expectedOverspend", "budgetNeeded", "rag", "method", "reason"}],
    /// "total": {…}, "activity": [{"series", "forecast", "interval80", "interval95", "method"}]}`.
    public var json: JSONValue {
        let keys = ForecastReport.intervalKeys(scenario)
        return .object([("year", .string(year.description)),
                        ("lines", .array(lines.map { ForecastReport.jsonObject($0, keys: keys) })),
                        ("total", ForecastReport.jsonObject(total, keys: keys)),
                        ("activity", ForecastReport.activityJSON(activity, keys: keys))])
    }

    /// The whole report in `format`.
    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .json:
            return json.rendered()
        case .csv:
            // One CSV table; activity rows follow after a blank line with their own header.
            return linesTable.renderedAsCSV() + (activity.isEmpty ? "" : "\n" + activityTable.renderedAsCSV())
        case .table:
            var text = "Forecast \(year): projected spend against budget (scenario \(DisplayText.escaped(scenario.fileName)))\n\n"
            var table = linesTable
            // Reasons are long sentences: in the terminal they follow the table as notes.
            table.columns.removeLast()
            table.rows = table.rows.map { Array($0.dropLast()) }
            table.footer = table.footer.map { Array($0.dropLast()) }
            text += table.renderedAsText()
            text += "\n" + legend + "\n\nWhy:\n"
            for risk in lines + [total] { text += "  \(DisplayText.escaped(risk.line)): \(DisplayText.escaped(risk.reason))\n" }
            if !activity.isEmpty {
                text += "\nActivity \(year)\n\n" + activityTable.renderedAsText() + "\nWhy:\n"
                for item in activity { text += "  \(DisplayText.escaped(item.series)): \(DisplayText.escaped(item.reason))\n" }
            }
            return text
        case .markdown:
            var text = "## Forecast \(year)\n\n" + linesTable.renderedAsMarkdown() + "\n" + legend + "\n"
            if !activity.isEmpty { text += "\n### Activity \(year)\n\n" + activityTable.renderedAsMarkdown() }
            return text
        }
    }

    private var legend: String { ForecastReport.legend(scenario) }

    static func legend(_ scenario: Scenario) -> String {
        let percent = { (value: Double) in ReportCell.fixed(value * 100, decimals: 1).trimmingZeros() + "%" }
        return "RAG: red when P(overspend) > \(percent(scenario.rag.red)); amber when P(overspend) ≥ \(percent(scenario.rag.amber)) "
            + "or expected overspend > \(scenario.materiality.amount.formatted()); green otherwise."
    }
}
