import Foundation
import Outturn
import Testing
import _TestSupport

@Suite("Activity projection against R")
struct ActivityProjectionTests {
    /// R 4.2.2 + forecast 8.20 one-step forecasts (datasets/reference/r-seed-activity-2022-23.csv).
    static func reference() throws -> [String: [String: (mean: Double, lo80: Double, hi80: Double)]] {
        let table = try CSVTable(text: try Datasets.text("reference/r-seed-activity-2022-23.csv"), fileName: "r.csv")
        let (series, method) = (try table.columnIndex("series"), try table.columnIndex("method"))
        let (mean, lo, hi) = (try table.numbers(inColumn: "mean"), try table.numbers(inColumn: "lo80"), try table.numbers(inColumn: "hi80"))
        var out: [String: [String: (Double, Double, Double)]] = [:]
        for (index, row) in table.rows.enumerated() {
            out[row.fields[series], default: [:]][row.fields[method]] = (mean[index], lo[index], hi[index])
        }
        return out
    }

    @Test("bundled activity forecasts are in R's ballpark: each R mean inside our 80% interval (loosely)")
    func ballpark() throws {
        let report = try ForecastReport(try ResolvedScenario.bundled())
        let reference = try ActivityProjectionTests.reference()
        // The fitted series (the scenario's totals and shares are derived from them: ActivityMeasureTests).
        let fitted = report.activity.filter { $0.distribution != nil }
        #expect(fitted.count == 3 && report.activity.count == 5)
        for item in fitted {
            guard let fits = reference[item.series] else { Issue.record("no R reference for \(item.series)"); continue }
            let ours = item.intervals[0]
            for (method, fit) in fits where method != "tslm_trend" || item.series != "Closed at first point of contact" {
                // Same ballpark, not equal: R's mean lies inside our 95% interval, and our mean inside R's widest
                // 80% interval widened by half its width.
                #expect(item.intervals[1].lower <= fit.mean && fit.mean <= item.intervals[1].upper, "\(item.series) \(method)")
                let halfWidth = (fit.hi80 - fit.lo80) / 2
                #expect(abs(item.projected - fit.mean) <= 3 * halfWidth + 0.1 * fit.mean, "\(item.series) \(method)")
            }
            #expect(ours.lower <= item.projected && item.projected <= ours.upper)
        }
    }

    @Test("the reason names the fitted model in the same words as the method column")
    func oneWordingForTheModel() throws {
        let report = try ForecastReport(try ResolvedScenario.bundled())
        for item in report.activity where item.distribution != nil {
            #expect(item.method == "mean of naive and drift", "\(item.series)")
            // The Method column and the reason use the plain words; JSON's `method` keeps the technical name.
            #expect(item.methodInWords == "halfway between last year and the trend", "\(item.series)")
            #expect(item.reason.hasPrefix("3 years: halfway between last year's figure and the trend from 3 years;"), "\(item.series)")
        }
    }
}
