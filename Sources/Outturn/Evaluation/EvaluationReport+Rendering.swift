import Foundation

extension EvaluationReport {
    /// The report in `format` as text: JSON (``renderedAsJSON(run:)``); CSV is every scored line-year
    /// (``rowsAsCSV()``), which `planner evaluate` writes with `--rows`; every other format is
    /// ``document`` written by the one document writer (aligned text, Markdown, the page). A workbook is
    /// bytes, not text: `format` must not be `.xlsx` (write ``workbook(run:)``'s `data()` instead). With
    /// `run`, every format but CSV records it (JSON's `run`, the footer, the page's audit trail;
    /// docs/planner.md, *Audit trail*).
    /// - Throws: nothing in practice (the text goes to a ``StringSink``).
    package func rendered(as format: OutputFormat, run: RunRecord? = nil) throws -> String {
        switch format {
        case .json: return renderedAsJSON(run: run)
        case .csv: return rowsAsCSV()
        case .xlsx: preconditionFailure("a workbook is bytes: write workbook(run:).data(), not text")
        case .table, .markdown, .html:
            let sink = StringSink()
            try ReportDocument.write(as: format, run: run, to: sink, json: renderedAsJSON(run:), document: { document })
            return sink.text
        }
    }

    /// The report as JSON: `file`, `firstTargetYear`, `lastTargetYear`, then the overall scores
    /// (`lineYears`, `overspendRate`, `brier`, `logLoss`, `coverage80`, `coverage95`, `worstReliabilityGap`
    /// (over deciles of at least 20 line-years; null when there is none),
    /// `reliability` [{from, to, count, meanProbability, observedRate}], `baselines`
    /// {pastOverspendFrequency, constant} as Brier scores) and `byHistory`, a list of the same scores
    /// with `historyYears` (5 = five or more), then `run` (the run record) when given.
    package func renderedAsJSON(run: RunRecord? = nil) -> String {
        var pairs: [(String, JSONValue)] = [("file", .string(file)), ("firstTargetYear", .string(first.description)),
                                            ("lastTargetYear", .string(last.description))]
        pairs += EvaluationReport.json(overall)
        pairs.append(("byHistory", .array(byHistory.map { group in
            .object([("historyYears", .number("\(group.historyYears)"))] + EvaluationReport.json(group.scores))
        })))
        if let run { pairs.append(("run", run.json)) }
        return JSONValue.object(pairs).rendered()
    }

    static func json(_ s: EvaluationScores) -> [(String, JSONValue)] {
        [("lineYears", .number("\(s.lineYears)")), ("overspendRate", .double(s.overspendRate)),
         ("brier", .double(s.brier)), ("logLoss", .double(s.logLoss)),
         ("coverage80", .double(s.coverage80)), ("coverage95", .double(s.coverage95)),
         ("worstReliabilityGap", s.worstReliabilityGap().map { .double($0) } ?? .null),
         ("reliability", .array(s.reliability.map { bin in
             .object([("from", .double(bin.from, decimals: 1)), ("to", .double(bin.to, decimals: 1)),
                      ("count", .number("\(bin.count)")), ("meanProbability", .double(bin.meanProbability)),
                      ("observedRate", .double(bin.observedRate))])
         })),
         ("baselines", .object([("pastOverspendFrequency", .double(s.pastOverspendFrequencyBrier)),
                                ("constant", .double(s.constantBrier))]))]
    }

    /// Every scored line-year as CSV: line, year, history years, P(overspend), the interval ends,
    /// budget outcome and actual.
    package func rowsAsCSV() -> String {
        var out = TableLayout.CSV.header(["line", "year", "history_years", "probability", "lower80", "upper80",
                                          "lower95", "upper95", "actual", "overspent"])
        for r in rows {
            // The probability with six decimals (more than a report's four: these rows are scored).
            out += TableLayout.CSV.row([.text(r.lineName), .text(r.year.description), .text("\(r.historyYears)"),
                                        .text(String(format: "%.6f", r.probability.value)), .money(r.interval80.lower),
                                        .money(r.interval80.upper), .money(r.interval95.lower),
                                        .money(r.interval95.upper), .money(r.actual), .text(r.overspent ? "1" : "0")])
        }
        return out
    }
}
