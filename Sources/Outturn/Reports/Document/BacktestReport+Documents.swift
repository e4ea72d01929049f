import OutturnNumerics

/// `planner backtest` as a ``ReportDocument``: one table, a row per method, and the series left out
/// of the scores as notes under it; the text is written by the one document writer, as every report's.
extension BacktestReport {
    /// The scores: method, sMAPE (percent), MASE, 80% and 95% interval coverage, MSIS and the method's
    /// run time in seconds; a measure that is undefined (no series scored for it) is `n/a`.
    package var documentTable: DocumentTable {
        func number(_ value: Double?) -> DocumentCell {
            guard let value, value.isFinite else { return .text("n/a") }
            return .number(value)
        }
        func coverage(_ fraction: Double?) -> DocumentCell {
            guard let fraction, fraction.isFinite else { return .text("n/a") }
            return .percent(100 * fraction)
        }
        return DocumentTable(
            title: "Backtest: \(seriesCount) series, horizon \(horizon)",
            columns: ["method", "sMAPE", "MASE", "Cov80", "Cov95", "MSIS", "seconds"],
            rows: results.map { result in
                [.text(result.method.rawValue), number(result.smape), number(result.mase), coverage(result.coverage80),
                 coverage(result.coverage95), number(result.msis), number(result.seconds)]
            })
    }

    /// The reasons some series were skipped for, sorted by their `words` (the order of
    /// the notes and of the JSON's `skipped`); each one's count is `skipped[reason]`.
    package var skipReasons: [SkipReason] {
        skipped.keys.sorted { $0.words < $1.words }
    }

    /// What the scores leave out, one sentence each: the skipped series by reason, then the series
    /// with a constant training part (in sMAPE and coverage only).
    package var notes: [String] {
        var notes = skipReasons.map { "\(skipped[$0, default: 0]) series skipped: \($0.words)" }
        if flatTrainingSeries > 0 {
            notes.append("\(flatTrainingSeries) series with a constant training part: in sMAPE and coverage, not in MASE or MSIS (scale 0)")
        }
        return notes
    }

    /// The report as a document: its first line says how many series and the horizon, then the
    /// table (sheet Backtest) with the ``notes`` under it as `note:` lines.
    package var document: ReportDocument {
        ReportDocument(
            title: "Backtest, horizon \(horizon)", heading: "\(seriesCount) series, horizon \(horizon)",
            sections: [.table(.init(heading: "Methods", table: documentTable,
                                    note: notes.isEmpty ? nil : notes.map { "note: " + $0 }.joined(separator: "\n"),
                                    sheet: "Backtest"))])
    }
}

extension SkipReason {
    /// The reason in words, as the backtest's notes and JSON say it (`shorter than horizon + 2`).
    package var words: String {
        switch self {
        case .tooShort: return "shorter than horizon + 2"
        case .forecastFailed: return "forecast failed"
        }
    }
}
