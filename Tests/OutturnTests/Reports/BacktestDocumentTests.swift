import Foundation
import OutturnNumerics
import Testing
@testable import Outturn

/// The backtest reports as documents of the one writer: typed cells (numbers right-aligned by the
/// shared layout), `n/a` and `—` where a figure does not exist, the notes in words.
@Suite("Backtest documents")
struct BacktestDocumentTests {
    @Test("every series too short: each measure is n/a (text, not a number) and the skip is a note")
    func allSkipped() {
        let report = Backtest.run(series: [[1, 2, 3]], horizon: 2, methods: [.naive])
        let table = report.documentTable
        #expect(table.columns == ["method", "sMAPE", "MASE", "Cov80", "Cov95", "MSIS", "seconds"])
        #expect(Array(table.rows[0].dropLast()) == [.text("naive"), .text("n/a"), .text("n/a"), .text("n/a"), .text("n/a"), .text("n/a")])
        #expect(report.notes == ["1 series skipped: shorter than horizon + 2"])
        #expect(report.document.text(run: nil).hasPrefix("1 series, horizon 2\n\n"))
        #expect(report.document.text(run: nil).hasSuffix("\nnote: 1 series skipped: shorter than horizon + 2\n"))
    }

    // Series A of BacktestCommandTests.tiny: training 10, 12, 11, test 13, 14; naive forecasts 11.
    // sMAPE = (200·2/24 + 200·3/25)/2 = 61/3 = 20.3333 %; MASE = mean error 2.5 / mean change 1.5 = 5/3.
    @Test("a scored method's cells are the report's own numbers, coverage as a percentage")
    func scored() {
        let report = Backtest.run(series: [[10, 12, 11, 13, 14]], horizon: 2, methods: [.naive])
        let row = report.documentTable.rows[0]
        #expect(row[1] == .number(report.results[0].smape!) && abs(report.results[0].smape! - 61.0 / 3) < 1e-12)
        #expect(row[2] == .number(report.results[0].mase!) && abs(report.results[0].mase! - 5.0 / 3) < 1e-12)
        #expect(row[3] == .percent(100 * report.results[0].coverage80!))
        #expect(report.notes.isEmpty)
    }

    // Three identical years of 1…12 (total 78): at month 3 the run rate projects 6 × 4 = 24,
    // |24 − 78| / 78 = 69.2308 %; the baselines have no intervals.
    @Test("in-year: the run rate's error by hand, — for a baseline's coverage, the month as a number")
    func inYear() throws {
        let series = (0..<36).map { Double($0 % 12 + 1) }
        let report = try InYearBacktest.run(series: [series], periodsPerYear: 12, checkpoints: [3])
        let table = report.documentTable
        let runRate = try #require(table.rows.first { $0[1] == .text("run-rate") })
        #expect(runRate[0] == .quantity(3))
        guard case .number(let ape) = runRate[2] else { Issue.record("median APE is not a number: \(runRate[2])"); return }
        #expect(abs(ape - 100 * 54.0 / 78) < 1e-9)
        #expect(runRate[4] == .text("—") && runRate[5] == .text("—"))
        #expect(report.document.heading == "1 series, 2 series-years scored")
    }
}
