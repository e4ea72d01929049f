import Foundation

/// `planner evaluate` as a ``ReportDocument``: the scores typed, so that text, Markdown and the page
/// show them formatted and the workbook stores them as numbers, all from the one document writer.
extension EvaluationReport {
    /// The scores by years of history, `all` in the footer: line-years, overspend rate, Brier score,
    /// log loss, coverage of the 80% and 95% intervals, and the two baselines' Brier scores.
    package var documentScoresTable: DocumentTable {
        func row(_ label: String, _ s: EvaluationScores) -> [DocumentCell] {
            [.text(label), .quantity(Double(s.lineYears)), .percent(s.overspendRate * 100), .number(s.brier),
             .number(s.logLoss), .percent(s.coverage80 * 100), .percent(s.coverage95 * 100),
             .number(s.pastOverspendFrequencyBrier), .number(s.constantBrier)]
        }
        return DocumentTable(
            title: "Scores by years of history",
            columns: ["History", "Line-years", "Overspent", "Brier", "Log loss", "Cover 80%", "Cover 95%",
                      "Brier past freq.", "Brier constant"],
            rows: byHistory.map { group in
                let years = group.historyYears
                return row(years == 5 ? "5+ years" : "\(years) year\(years == 1 ? "" : "s")", group.scores)
            },
            footer: [row("all", overall)])
    }

    /// The reliability table of every line-year: per probability bin, its count, mean forecast
    /// probability, observed overspend rate and their gap (observed − forecast).
    package var documentReliabilityTable: DocumentTable {
        DocumentTable(title: "Reliability: forecast P(overspend) against how often lines overspent",
                      columns: ["P(overspend)", "Line-years", "Mean P", "Observed", "Gap"],
                      rows: overall.reliability.map { bin in
                          [.text(ReportCell.fixed(bin.from, decimals: 1) + "–" + ReportCell.fixed(bin.to, decimals: 1)),
                           .quantity(Double(bin.count)), .number(bin.meanProbability), .number(bin.observedRate),
                           .number(bin.observedRate - bin.meanProbability)]
                      })
    }

    /// The baselines in words (as the text report says them).
    static let baselinesNote = "Baselines on the same line-years: past overspend frequency (k+1)/(n+2) and the constant "
        + "share of earlier line-years that overspent. Lower Brier scores and log losses are better."

    /// The report as a document: headline scores (the page's summary), the scores by history with the
    /// baselines (sheet Evaluation), the reliability diagram (the page only) and its table (sheet Reliability).
    package var document: ReportDocument {
        let s = overall
        let figures: [PageSummary.Figure] = [
            .init(label: "Line-years scored", value: .quantity(Double(s.lineYears))),
            .init(label: "Overspent", value: .percent(s.overspendRate * 100)),
            .init(label: "Brier score", value: .number(s.brier)),
            .init(label: "Brier, past frequency", value: .number(s.pastOverspendFrequencyBrier)),
            .init(label: "Cover 80%", value: .percent(s.coverage80 * 100)),
            .init(label: "Cover 95%", value: .percent(s.coverage95 * 100)),
        ]
        let bins = s.reliability.map { ReliabilityBin(meanProbability: $0.meanProbability, observedRate: $0.observedRate, count: $0.count) }
        let diagram = ReliabilityDiagram.render(bins, title: "Reliability of P(overspend), \(first) to \(last)", id: "reliability")
        return ReportDocument(
            title: "Evaluation \(first) to \(last)",
            heading: "One-year-ahead evaluation of \(file), target years \(first) to \(last)",
            subtitle: "One-year-ahead P(overspend) and intervals scored on \(file)",
            summary: PageSummary(figures: figures),
            sections: [
                .table(.init(heading: "Scores", table: documentScoresTable, note: EvaluationReport.baselinesNote, sheet: "Evaluation")),
                .charts(heading: "Reliability", [diagram], note: "Points on the dashed diagonal are perfectly calibrated; n is the number of line-years in each bin."),
                .table(.init(heading: "Reliability table", table: documentReliabilityTable, sheet: "Reliability")),
            ])
    }

    /// The HTML page of ``document``, with the audit trail of `run` (none when nil).
    package func page(run: RunRecord? = nil) -> ReportPage { document.page(run: run) }

    /// The workbook of ``document``: Evaluation (the scores), Reliability and the Run of `run` (none when nil).
    package func workbook(run: RunRecord? = nil) -> Workbook { document.workbook(run: run) }
}
