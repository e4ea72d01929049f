import Foundation
import OutturnNumerics

/// Renders a backtest report as an aligned text table or as JSON (keys in a fixed order).
enum BacktestRendering {
    static func table(_ report: BacktestReport) -> String {
        var lines = ["\(report.seriesCount) series, horizon \(report.horizon)"]
        let header = ["method", "sMAPE", "MASE", "Cov80", "Cov95", "MSIS", "seconds"]
        var rows = [header]
        for r in report.results {
            rows.append([r.method.rawValue, fixed(r.smape, 2), fixed(r.mase, 3), percent(r.coverage80),
                         percent(r.coverage95), fixed(r.msis, 2), fixed(r.seconds, 2)])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max()! }
        for row in rows {
            let cells = row.enumerated().map { column, text in
                column == 0 ? text.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - text.count) + text
            }
            lines.append(cells.joined(separator: "  "))
        }
        for note in notes(report) { lines.append("note: \(note)") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ report: BacktestReport) -> String {
        let results = report.results.map { r in
            "{\"method\": \"\(r.method.rawValue)\", \"smape\": \(number(r.smape)), \"mase\": \(number(r.mase)), "
                + "\"coverage80\": \(number(r.coverage80)), \"coverage95\": \(number(r.coverage95)), "
                + "\"msis\": \(number(r.msis)), \"seconds\": \(number(r.seconds))}"
        }
        let skipped = skips(report).map { "\"\($0.reason)\": \($0.count)" }
        return "{\"series\": \(report.seriesCount), \"horizon\": \(report.horizon), "
            + "\"skipped\": {\(skipped.joined(separator: ", "))}, "
            + "\"flatTrainingSeries\": \(report.flatTrainingSeries), "
            + "\"results\": [\n  " + results.joined(separator: ",\n  ") + "\n]}\n"
    }

    static func notes(_ report: BacktestReport) -> [String] {
        var notes = skips(report).map { "\($0.count) series skipped: \($0.reason)" }
        if report.flatTrainingSeries > 0 {
            notes.append("\(report.flatTrainingSeries) series with a constant training part: in sMAPE and coverage, not in MASE or MSIS (scale 0)")
        }
        return notes
    }

    /// The skipped series' counts with each reason in words, sorted by the words.
    private static func skips(_ report: BacktestReport) -> [(reason: String, count: Int)] {
        report.skipped.map { (words($0.key), $0.value) }.sorted { $0.reason < $1.reason }
    }

    private static func words(_ reason: SkipReason) -> String {
        switch reason {
        case .tooShort: return "shorter than horizon + 2"
        case .forecastFailed: return "forecast failed"
        }
    }

    private static func fixed(_ value: Double?, _ digits: Int) -> String {
        guard let value, value.isFinite else { return "n/a" }
        return String(format: "%.\(digits)f", value)
    }

    private static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "n/a" }
        return String(format: "%.1f%%", value * 100)
    }

    /// JSON number with 6 significant decimals, or null when undefined.
    private static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return String(format: "%.6g", value)
    }
}
