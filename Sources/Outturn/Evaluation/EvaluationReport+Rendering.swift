import Foundation

extension EvaluationReport {
    /// The report in `format`, like every other report's `rendered(as:)`: aligned text tables,
    /// GitHub Markdown or JSON (``renderedAsJSON()``); CSV is every scored line-year
    /// (``rowsAsCSV()``), which `planner evaluate` writes with `--rows`; HTML is the page
    /// (EvaluationReport+Documents.swift). A workbook is bytes, not text: `format` must not be
    /// `.xlsx` (write ``workbook``'s `data()` instead).
    package func rendered(as format: OutputFormat) -> String {
        switch format {
        case .table: rendered(markdown: false)
        case .markdown: rendered(markdown: true)
        case .json: renderedAsJSON()
        case .csv: rowsAsCSV()
        case .html: page.html()
        case .xlsx: preconditionFailure("a workbook is bytes: write workbook.data(), not text")
        }
    }

    /// The report as JSON: `file`, `firstTargetYear`, `lastTargetYear`, then the overall scores
    /// (`lineYears`, `overspendRate`, `brier`, `logLoss`, `coverage80`, `coverage95`, `worstReliabilityGap`,
    /// `reliability` [{from, to, count, meanProbability, observedRate}], `baselines`
    /// {pastOverspendFrequency, constant} as Brier scores) and `byHistory`, a list of the same scores
    /// with `historyYears` (5 = five or more).
    package func renderedAsJSON() -> String {
        var pairs: [(String, JSONValue)] = [("file", .string(file)), ("firstTargetYear", .string(first.description)),
                                            ("lastTargetYear", .string(last.description))]
        pairs += EvaluationReport.json(overall)
        pairs.append(("byHistory", .array(byHistory.map { group in
            .object([("historyYears", .number("\(group.years)"))] + EvaluationReport.json(group.scores))
        })))
        return JSONValue.object(pairs).rendered()
    }

    static func json(_ s: EvaluationScores) -> [(String, JSONValue)] {
        [("lineYears", .number("\(s.lineYears)")), ("overspendRate", .double(s.overspendRate)),
         ("brier", .double(s.brier)), ("logLoss", .double(s.logLoss)),
         ("coverage80", .double(s.coverage80)), ("coverage95", .double(s.coverage95)),
         ("worstReliabilityGap", .double(s.worstReliabilityGap())),
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
        var out = "line,year,history_years,probability,lower80,upper80,lower95,upper95,actual,overspent\n"
        for r in rows {
            out += [CSVEscaping.field(CSVEscaping.neutralised(r.line)), r.year.description, "\(r.historyYears)",
                    String(format: "%.6f", r.probability), r.interval80.lowerBound.plainPounds,
                    r.interval80.upperBound.plainPounds, r.interval95.lowerBound.plainPounds,
                    r.interval95.upperBound.plainPounds, r.actual.plainPounds, r.overspent ? "1" : "0"].joined(separator: ",") + "\n"
        }
        return out
    }

    /// The report as aligned text tables (`markdown: false`) or GitHub Markdown.
    package func rendered(markdown: Bool) -> String {
        func f(_ x: Double) -> String { String(format: "%.4f", x) }
        func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
        let summaryColumns = ["history", "line-years", "overspent", "Brier", "log loss", "cover 80%", "cover 95%",
                              "Brier past freq.", "Brier constant"]
        func summaryRow(_ label: String, _ s: EvaluationScores) -> [ReportCell] {
            [.text(label), .text("\(s.lineYears)"), .text(pct(s.overspendRate)), .text(f(s.brier)), .text(f(s.logLoss)),
             .text(pct(s.coverage80)), .text(pct(s.coverage95)), .text(f(s.pastOverspendFrequencyBrier)),
             .text(f(s.constantBrier))]
        }
        let summary = ReportTable(columns: summaryColumns,
                                  rows: byHistory.map { summaryRow($0.years == 5 ? "5+ years" : "\($0.years) year\($0.years == 1 ? "" : "s")", $0.scores) },
                                  footer: [summaryRow("all", overall)])
        let reliability = ReportTable(columns: ["P(overspend)", "line-years", "mean P", "observed", "gap"],
                                      rows: overall.reliability.map { bin in
                                          [.text(String(format: "%.1f–%.1f", bin.from, bin.to)), .text("\(bin.count)"),
                                           .text(String(format: "%.3f", bin.meanProbability)),
                                           .text(String(format: "%.3f", bin.observedRate)),
                                           .text(String(format: "%+.3f", bin.observedRate - bin.meanProbability))]
                                      })
        let title = "One-year-ahead evaluation of \(file), target years \(first) to \(last)"
        let note = "Baselines on the same line-years: past overspend frequency (k+1)/(n+2) and the constant share of earlier line-years that overspent."
        if markdown {
            return "## \(title)\n\n\(summary.renderedAsMarkdown())\n### Reliability\n\n\(reliability.renderedAsMarkdown())\n\(note)\n"
        }
        return "\(title)\n\n\(summary.renderedAsText())\nReliability\n\(reliability.renderedAsText())\n\(note)\n"
    }
}
