import ArgumentParser
import Foundation
import Outturn
import OutturnNumerics

/// `planner calibrate FILE:H …` (hidden, for maintainers): regenerates the interval calibration
/// table of the automatic method from the training parts of long CSV files.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Print IntervalCalibration+Table.swift from rolling-origin errors on training parts.",
        shouldDisplay: false
    )

    @Argument(help: "Files as PATH:HORIZON; the last HORIZON values of each series are dropped first.")
    var files: [String]

    @Option(name: .customLong("max-step"), help: "Largest step in the table.")
    var maxStep = 6

    func run() throws {
        try reportingErrors {
            var training: [[Double]] = []
            var described: [String] = []
            for spec in files {
                guard let colon = spec.lastIndex(of: ":"), let horizon = Int(spec[spec.index(after: colon)...]),
                      horizon >= 0 else {
                    throw ValidationError("'\(spec)' is not PATH:HORIZON")
                }
                let path = String(spec[..<colon])
                let input = try LongSeriesFile(path: path, seriesColumn: "series", periodColumn: "period",
                                               valueColumn: "value")
                training.append(contentsOf: input.values.map { Array($0.dropLast(horizon)) })
                described.append("\((path as NSString).lastPathComponent) minus last \(horizon)")
            }
            let samples = CalibrationStudy.scaledErrors(trainingParts: training, maxHorizon: maxStep)
            let widths = CalibrationStudy.halfWidths(samples)
            print(CalibrationStudy.swiftSource(halfWidths: widths, counts: samples.map { $0.map(\.count) },
                                               provenance: "Training parts: " + described.joined(separator: "; ")),
                  terminator: "")
        }
    }
}
