import Foundation
import Testing
import _TestSupport
@testable import OutturnNumerics

/// The acceptance criterion of issue 4 on the three yearly competition files: `auto` beats R's ets
/// (and statsforecast's AutoETS where the README has it) on sMAPE and MASE, and its intervals cover
/// 90–98% (95%) and 72–88% (80%) of the held-out points; and every method's calibrated intervals
/// are inside the same bands.
@Suite("Competition accuracy and calibration")
struct CompetitionAccuracyTests {
    struct Target: Sendable, CustomStringConvertible {
        let file: String
        let horizon: Int
        let smape: Double  // the better of the peers' ets figures (README; M3: R ets, datasets/reference)
        let mase: Double
        var description: String { file }
    }

    /// One backtest per file with every method (auto and the single methods share the run).
    @Test("auto beats ets with honest intervals, and every method's calibrated coverage is in the bands", arguments: [
        Target(file: "competition/m1-yearly.csv", horizon: 6, smape: 18.61, mase: 3.771),
        Target(file: "competition/tourism-yearly.csv", horizon: 4, smape: 21.47, mase: 2.790),
        Target(file: "competition/m3-yearly.csv", horizon: 6, smape: 17.00, mase: 2.860),
    ])
    func accuracyAndCoverage(target: Target) throws {
        let series = try CompetitionData.series(target.file).map(\.values)
        let report = Backtest.run(series: series, horizon: target.horizon, methods: ForecastMethod.allCases)
        let auto = try #require(report.results.first { $0.method == .auto })
        #expect(auto.seriesEvaluated == series.count)
        let (smape, mase) = (try #require(auto.smape), try #require(auto.mase))
        #expect(smape < target.smape, "sMAPE \(smape)")
        #expect(mase < target.mase, "MASE \(mase)")
        // Every method, not only auto. The shipped table was built from the training parts of these
        // three collections, so this is the in-collection case (the test parts were never used, but
        // the series were): it guards the table, the shapes and the code path against regressions.
        // Whether the calibration generalises to unseen collections is the leave-one-collection-out
        // check in docs/forecasting.md (`outturn-calibrate --leave-one-out`), too slow for a unit
        // test; there too all 24 method × collection figures were inside the bands.
        for result in report.results {
            let (coverage95, coverage80) = (try #require(result.coverage95), try #require(result.coverage80))
            #expect((0.90...0.98).contains(coverage95), "\(result.method) coverage95 \(coverage95)")
            #expect((0.72...0.88).contains(coverage80), "\(result.method) coverage80 \(coverage80)")
        }
    }

    /// Regenerates `methods`' tables from the training parts of the three files, as the header of
    /// IntervalCalibration+Table.swift says, and compares them with the committed ones to the printed
    /// precision (4 decimals), cell by cell, with the same shape.
    static func checkProvenance(of methods: [ForecastMethod]) throws {
        let collections = try [("competition/m1-yearly.csv", 6), ("competition/tourism-yearly.csv", 4),
                               ("competition/m3-yearly.csv", 6)].map { file, heldOut in
            CalibrationStudy.Collection(name: file, series: try CompetitionData.series(file).map(\.values),
                                        heldOut: heldOut, maxStep: 6, methods: methods)
        }
        for method in methods {
            let regenerated = CalibrationStudy.quantileTable(CalibrationStudy.scaledErrors(of: method, in: collections, maxStep: 6))
            let committed = IntervalCalibration.table(for: method)
            #expect(regenerated.quantiles.map { $0.map(\.count) } == committed.quantiles.map { $0.map(\.count) }, "\(method)")
            for (rows, committedRows) in zip(regenerated.quantiles, committed.quantiles) {
                for (cell, committedCell) in zip(rows, committedRows) {
                    #expect(zip(cell, committedCell).allSatisfy { abs($0 - $1) <= 5.1e-5 }, "\(method)")
                }
            }
        }
    }

    /// The closed-form methods' tables are cheap to regenerate: every run checks them.
    @Test("the committed naive, drift and linear tables regenerate from the documented training parts")
    func closedFormTablesProvenance() throws {
        try CompetitionAccuracyTests.checkProvenance(of: [.naive, .drift, .linear])
    }

    /// The whole table (all eight methods, with their maximum-likelihood fits at every origin) takes
    /// about 65 s of CPU in a debug build (150 s wall on the shared 2-core machine), so it runs when
    /// OUTTURN_CALIBRATION_TEST=full, as .ci/run sets it.
    @Test("the whole committed calibration table regenerates from the documented training parts",
          .enabled(if: ProcessInfo.processInfo.environment["OUTTURN_CALIBRATION_TEST"] == "full"))
    func wholeTableProvenance() throws {
        try CompetitionAccuracyTests.checkProvenance(of: ForecastMethod.yearlyCalibrated)
    }
}
