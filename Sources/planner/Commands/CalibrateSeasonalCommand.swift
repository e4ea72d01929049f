import ArgumentParser
import Foundation
import Outturn
import OutturnNumerics

/// `planner calibrate-seasonal FILE:H:M …` (hidden, for maintainers): regenerates the seasonal
/// interval calibration tables from the training parts of seasonal long CSV files, or checks them
/// by leave-one-collection-out.
struct CalibrateSeasonalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate-seasonal",
        abstract: "Print SeasonalCalibration+Table.swift from rolling-origin errors on training parts.",
        discussion: """
        Each FILE:H:M is one collection with season length M; its last H values per series are its \
        test part and are never used for calibration. With --leave-one-out, for each collection in \
        turn the tables are built from the training parts of the others and the coverage of the \
        seasonal methods' and auto's 80% and 95% intervals is measured on its test part.
        """,
        shouldDisplay: false
    )

    @Argument(help: "Files as PATH:HORIZON:SEASON_LENGTH.")
    var files: [String]

    @Flag(name: .customLong("leave-one-out"), help: "Print leave-one-collection-out coverage instead of the table.")
    var leaveOneOut = false

    @Option(name: .customLong("leave-one-out-to"), help: "Also write the leave-one-collection-out coverage to this file (one run for both).")
    var leaveOneOutFile: String?

    func validate() throws { _ = try specs() }

    func specs() throws -> [(path: String, horizon: Int, seasonLength: Int)] {
        try files.map { spec in
            let parts = spec.split(separator: ":")
            guard parts.count >= 3, let m = Int(parts[parts.count - 1]), let h = Int(parts[parts.count - 2]),
                  h >= 1, m >= 2 else {
                throw ValidationError("'\(spec)' is not PATH:HORIZON:SEASON_LENGTH (e.g. tourism-monthly.csv:24:12)")
            }
            return (parts.dropLast(2).joined(separator: ":"), h, m)
        }
    }

    func run() throws {
        try reportingErrors {
            let methods = SeasonalCalibration.calibratedMethods
            var collections: [SeasonalCalibrationStudy.Collection] = []
            for (path, horizon, m) in try specs() {
                let input = try LongSeriesFile(path: path, seriesColumn: "series", periodColumn: "period",
                                               valueColumn: "value")
                collections.append(.init(name: (path as NSString).lastPathComponent, series: input.values,
                                         heldOut: horizon, seasonLength: m, methods: methods))
            }
            if leaveOneOut || leaveOneOutFile != nil {
                var lines = ["held out\tmethod\tcoverage80\tcoverage95"]
                for (index, heldOut) in collections.enumerated() {
                    var others = collections
                    others.remove(at: index)
                    for method in methods {
                        let table = SeasonalCalibrationStudy.quantileTable(
                            SeasonalCalibrationStudy.scaledErrors(of: method, in: others))
                        let (c80, c95) = SeasonalCalibrationStudy.coverage(of: method, in: heldOut, table: table)
                        lines.append("\(heldOut.name)\t\(method.rawValue)\t" + String(format: "%.1f%%\t%.1f%%", 100 * c80, 100 * c95))
                    }
                }
                let text = lines.joined(separator: "\n") + "\n"
                if leaveOneOut { print(text, terminator: ""); return }
                try text.write(toFile: leaveOneOutFile!, atomically: true, encoding: .utf8)
            }
            let tables = methods.map { method in
                let samples = SeasonalCalibrationStudy.scaledErrors(of: method, in: collections)
                return (method: method, quantiles: SeasonalCalibrationStudy.quantileTable(samples),
                        counts: samples.map { $0.map { $0.map(\.count) } })
            }
            let described = collections.map { "\($0.name) minus last \($0.heldOut) (m = \($0.seasonLength))" }
            print(SeasonalCalibrationStudy.swiftSource(tables: tables, provenance: "Training parts: " + described.joined(separator: "; ")),
                  terminator: "")
        }
    }
}
