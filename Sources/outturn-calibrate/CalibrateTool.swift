import ArgumentParser
import Foundation
import Outturn
import OutturnNumerics

/// `outturn-calibrate FILE:H …`, a maintainers' tool the product does not ship: regenerates the
/// interval calibration tables of every method from the training parts of long CSV files
/// (`series,period,value`), or checks by leave-one-collection-out how well such tables generalise.
@main
struct CalibrateTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outturn-calibrate",
        abstract: "Print IntervalCalibration+Table.swift (or, with --seasonal, SeasonalCalibration+Table.swift) from rolling-origin errors on training parts.",
        discussion: """
        Each FILE:H is one collection; its last H values per series are its test part and are never \
        used for calibration. With --leave-one-out, for each collection in turn the tables are built \
        from the training parts of the others and the coverage of every method's 80% and 95% \
        intervals is measured on its test part.
        """
    )

    @Argument(help: "Files as PATH:HORIZON; the last HORIZON values of each series are the test part.")
    var files: [String]

    @Option(name: .customLong("max-step"), help: "Largest step in the table.")
    var maxStep = 6

    @Flag(name: .customLong("leave-one-out"), help: "Print leave-one-collection-out coverage instead of the table.")
    var leaveOneOut = false

    @Flag(name: .customLong("seasonal"),
          help: "Seasonal tables (SeasonalCalibration+Table.swift) from files given as PATH:HORIZON:SEASON_LENGTH.")
    var seasonal = false

    func validate() throws {
        if seasonal {
            do { _ = try files.map(SeasonalCalibrationRun.spec) } catch let error as SeasonalCalibrationRun.SpecError {
                throw ValidationError(error.description)
            }
            return
        }
        _ = try collectionSpecs()
        guard maxStep >= 1 else { throw ValidationError("--max-step must be at least 1, got \(maxStep)") }
    }

    /// The files as (path, held-out values), or a usage error naming the malformed one.
    func collectionSpecs() throws -> [(path: String, horizon: Int)] {
        try files.map { spec in
            guard let colon = spec.lastIndex(of: ":"), let horizon = Int(spec[spec.index(after: colon)...]),
                  horizon >= 1 else {
                throw ValidationError("'\(spec)' is not PATH:HORIZON (e.g. m1-yearly.csv:6)")
            }
            return (String(spec[..<colon]), horizon)
        }
    }

    func run() throws {
        do {
            // Series run on every core: OpenBLAS must not start threads of its own inside each.
            BLASThreads.setCount(1)
            if seasonal {
                print(try SeasonalCalibrationRun.run(try files.map(SeasonalCalibrationRun.spec), leaveOneOut: leaveOneOut),
                      terminator: "")
                return
            }
            var collections: [CalibrationStudy.Collection] = []
            for (path, horizon) in try collectionSpecs() {
                collections.append(CalibrationStudy.Collection(
                    name: (path as NSString).lastPathComponent, series: try LongSeries.read(path), heldOut: horizon,
                    maxStep: maxStep, methods: ForecastMethod.yearlyCalibrated))
            }
            if leaveOneOut {
                print("held out\tmethod\tcoverage80\tcoverage95")
                for (index, heldOut) in collections.enumerated() {
                    var others = collections
                    others.remove(at: index)
                    for method in ForecastMethod.yearlyCalibrated {
                        let table = CalibrationStudy.quantileTable(
                            CalibrationStudy.scaledErrors(of: method, in: others, maxStep: maxStep))
                        let (c80, c95) = CalibrationStudy.coverage(of: method, in: heldOut, table: table)
                        print("\(heldOut.name)\t\(method.rawValue)\t"
                              + String(format: "%.1f%%\t%.1f%%", 100 * c80, 100 * c95))
                    }
                }
                return
            }
            let tables = ForecastMethod.yearlyCalibrated.map { method in
                let samples = CalibrationStudy.scaledErrors(of: method, in: collections, maxStep: maxStep)
                return (method: method, quantiles: CalibrationStudy.quantileTable(samples),
                        counts: samples.map { $0.map(\.count) })
            }
            let described = collections.map { "\($0.name) minus last \($0.heldOut)" }
            print(TableSource.swift(tables: tables, provenance: "Training parts: " + described.joined(separator: "; ")),
                  terminator: "")
        } catch let error as InputError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
