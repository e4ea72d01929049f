extension ResolvedScenario {
    /// What the scenario resolves to, for `planner check`: files, year, each line with its last outturn
    /// and adjustments, and every setting with defaults filled in.
    public var summary: String {
        let s = scenario
        let percent = { (value: Double) in ReportCell.fixed(value * 100, decimals: 2).trimmingZeros() + "%" }
        let shown: (String) -> String = { DisplayText.escaped($0) }
        var out = "\(shown(s.fileName)): OK\n\n"
        out += "ledger:      \(shown(ledger.fileName)) (\(ledger.lineNames.count) lines, \(ledger.years.count == 1 ? ledger.latestYear.description : "\(ledger.years.first!)–\(ledger.latestYear)"))\n"
        out += "activity:    " + (activity.isEmpty ? "none\n"
            : "\(shown(s.activityPath ?? "")) (\(shown(activity.map(\.name).joined(separator: ", "))))\n")
        out += "target year: \(s.targetYear) (years start in \(s.fiscalYearStart))\n"
        if let budgets = s.budgetsPath { out += "budgets:     \(shown(budgets)) (entries under lines: override it)\n" }
        if s.unlistedLines != .error { out += "unlisted:    \(s.unlistedLines.rawValue) (lines with no budget keep their \(ledger.latestYear) budget)\n" }
        out += "\n"
        let rows: [[ReportCell]] = s.lines.map { line in
            guard let last = ledger.history(of: line.name).last else {
                return [.text(line.name), .text("new line"), .money(line.budget), .percent(line.growth * 100),
                        .money(line.change), .text(line.note ?? "")]
            }
            return [.text(line.name), .money(last.actual), .money(line.budget),
                    .percent(line.growth * 100), .money(line.change), .text(line.note ?? "")]
        }
        out += ReportTable(columns: ["Line", "Actual \(ledger.latestYear)", "Budget \(s.targetYear)", "Growth",
                                     "One-off change", "Note"], rows: rows).renderedAsText()
        out += closedLinesNote.map { "\n" + $0 + "\n" } ?? ""
        out += "\n"
        out += "inflation:            \(percent(s.inflation))\n"
        out += "year-to-year spread:  \(percent(s.yearToYearSpread)) (used where a line has too little history)\n"
        out += "correlation:          \(ReportCell.fixed(s.correlation, decimals: 2).trimmingZeros())\n"
        out += "confidence levels:    \(s.confidenceLevels.map(percent).joined(separator: ", "))\n"
        out += "budget needed at:     \(percent(s.budgetNeededConfidence))\n"
        out += "RAG:                  red when P(overspend) > \(percent(s.rag.red)) and expected overspend > \(s.materiality.amount.formatted()); amber when ≥ \(percent(s.rag.amber)) and expected overspend > \(s.materiality.amount.formatted())\n"
        out += "materiality:          \(percent(s.materiality.fraction)) and \(s.materiality.amount.formatted())\n"
        out += "simulation:           \(s.draws) draws, seed \(s.seed)\n"
        return out
    }

    /// "Closed lines (no row for 2021/22; left out of the forecast): Helpdesk (last 2019/20, ledger line 7)",
    /// or nil when there are none.
    package var closedLinesNote: String? {
        ResolvedScenario.closedLinesNote(closedLines, latestYear: ledger.latestYear)
    }

    /// The note on `closed` lines (nil when empty): every format of the forecast and `check` print it.
    package static func closedLinesNote(_ closed: [ClosedLine], latestYear: FiscalYear) -> String? {
        guard !closed.isEmpty else { return nil }
        return "Closed lines (no row for \(latestYear); left out of the forecast): "
            + closed.map { "\(DisplayText.escaped($0.name)) (last \($0.lastYear), ledger line \($0.sourceLine))" }
                .joined(separator: "; ")
    }
}
