import Foundation
import Outturn
import OutturnNumerics

/// Writes a backtest report: the table (and any other document format) through the one report
/// writer, ``ReportDocument/write(as:run:to:json:document:)``, from `BacktestReport.document`
/// (Outturn, BacktestReport+Documents.swift); JSON as its own object, keys in a fixed order.
enum BacktestRendering {
    /// Writes `report` in `format` to standard output, checking that all of it was written.
    /// - Throws: ``OutputError`` naming standard output if it cannot be written; ``OutputClosed`` if its reader went away.
    static func write(_ report: BacktestReport, as format: OutputFormat) throws {
        let sink = FileHandleSink()
        try ReportDocument.write(as: format, run: nil, to: sink, json: { _ in json(report) }, document: { report.document })
        try sink.flush()
    }

    static func json(_ report: BacktestReport) -> String {
        let results = report.results.map { r in
            "{\"method\": \"\(r.method.rawValue)\", \"smape\": \(number(r.smape)), \"mase\": \(number(r.mase)), "
                + "\"coverage80\": \(number(r.coverage80)), \"coverage95\": \(number(r.coverage95)), "
                + "\"msis\": \(number(r.msis)), \"seconds\": \(number(r.seconds))}"
        }
        let skipped = report.skipReasons.map { "\"\($0.words)\": \(report.skipped[$0, default: 0])" }
        return "{\"series\": \(report.seriesCount), \"horizon\": \(report.horizon), "
            + "\"skipped\": {\(skipped.joined(separator: ", "))}, "
            + "\"flatTrainingSeries\": \(report.flatTrainingSeries), "
            + "\"results\": [\n  " + results.joined(separator: ",\n  ") + "\n]}\n"
    }

    /// JSON number with 6 significant decimals, or null when undefined.
    private static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        return String(format: "%.6g", value)
    }
}
