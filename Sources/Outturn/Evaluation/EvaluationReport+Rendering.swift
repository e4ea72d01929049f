import Foundation

extension EvaluationReport {
    /// Writes the report in `format` to `sink` through the one document writer: JSON is
    /// ``renderedAsJSON(run:)``; every other format is ``document`` (aligned text, Markdown, the page,
    /// the workbook; CSV its scores table). `planner evaluate` offers no CSV: its line-years are the
    /// `--rows` CSV (``rowsAsCSV()``). With `run`, every format but CSV records it (JSON's `run`, the
    /// footer, the page's audit trail, the workbook's Run sheet; docs/planner.md, *Audit trail*).
    /// - Throws: the sink's ``OutputError``; `Workbook.TooLarge` beyond Excel's limits.
    package func write(as format: OutputFormat, run: RunRecord? = nil, to sink: ReportSink) throws {
        try ReportDocument.write(as: format, run: run, to: sink, json: renderedAsJSON(run:), document: { document })
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
