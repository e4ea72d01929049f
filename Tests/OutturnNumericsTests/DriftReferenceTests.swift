import Testing
import _TestSupport
@testable import OutturnNumerics

/// Random walk with drift against R 4.2.2 forecast 8.20 `rwf(y, h = 1, drift = TRUE, level = c(80, 95))`
/// in datasets/reference/r-seed-activity-2022-23.csv.
@Suite("Drift agrees with R's rwf")
struct DriftReferenceTests {
    /// The three-year histories (2019/20–2021/22) behind the reference rows, recovered from the
    /// file's own model column: drift ± its standard error gives the two yearly changes, and the
    /// tslm residuals (which must sum to zero) fix their order.
    static let histories: [String: [Double]] = [
        "Telephone": [15275, 17388, 19254],
        "Total": [19094, 19480, 20846],
    ]

    @Test("mean and 80%/95% interval ends match rwf with drift", arguments: ["Telephone", "Total"])
    func matchesRwf(series: String) throws {
        let row = try #require(try CompetitionData.records("reference/r-seed-activity-2022-23.csv")
            .first { $0["series"] == series && $0["method"] == "rwf_drift" })
        let forecast = try Forecaster.forecast(Self.histories[series]!, horizon: 1, method: .drift,
                                              options: .init(intervals: .modelBased))
        let i80 = forecast.interval(level: 0.8, step: 1)
        let i95 = forecast.interval(level: 0.95, step: 1)
        #expect(isClose(forecast.mean[0], Double(row["mean"]!)!, relative: 1e-12))
        #expect(isClose(i80.lower, Double(row["lo80"]!)!, relative: 1e-9))
        #expect(isClose(i80.upper, Double(row["hi80"]!)!, relative: 1e-9))
        #expect(isClose(i95.lower, Double(row["lo95"]!)!, relative: 1e-9))
        #expect(isClose(i95.upper, Double(row["hi95"]!)!, relative: 1e-9))
    }
}

/// Linear trend against R's `forecast(tslm(y ~ trend), h = 1, level = c(80, 95))` (Student t, 1 df)
/// in the same reference file.
@Suite("Linear trend agrees with R's tslm")
struct LinearTrendReferenceTests {
    @Test("mean and 80%/95% interval ends match tslm", arguments: ["Telephone", "Total"])
    func matchesTslm(series: String) throws {
        let row = try #require(try CompetitionData.records("reference/r-seed-activity-2022-23.csv")
            .first { $0["series"] == series && $0["method"] == "tslm_trend" })
        let forecast = try Forecaster.forecast(DriftReferenceTests.histories[series]!, horizon: 1, method: .linear,
                                              options: .init(intervals: .modelBased))
        let i80 = forecast.interval(level: 0.8, step: 1)
        let i95 = forecast.interval(level: 0.95, step: 1)
        #expect(isClose(forecast.mean[0], Double(row["mean"]!)!, relative: 1e-12))
        #expect(isClose(i80.lower, Double(row["lo80"]!)!, relative: 1e-9))
        #expect(isClose(i80.upper, Double(row["hi80"]!)!, relative: 1e-9))
        #expect(isClose(i95.lower, Double(row["lo95"]!)!, relative: 1e-9))
        #expect(isClose(i95.upper, Double(row["hi95"]!)!, relative: 1e-9))
    }
}
