import Testing
import _TestSupport
@testable import OutturnNumerics

/// Drift and linear trend against R 4.2.2 forecast 8.20 in datasets/reference/r-seed-activity-2022-23.csv:
/// `rwf(y, h = 1, drift = TRUE, level = c(80, 95))` (normal intervals including the drift's uncertainty)
/// and `forecast(tslm(y ~ trend), h = 1, level = c(80, 95))` (Student t, 1 df). Model-based intervals,
/// as R gives them.
@Suite("Drift and linear trend agree with R's rwf and tslm")
struct DriftReferenceTests {
    /// The three-year histories (2019/20–2021/22) behind the reference rows, recovered from the
    /// file's own model column: drift ± its standard error gives the two yearly changes, and the
    /// tslm residuals (which must sum to zero) fix their order.
    static let histories: [String: [Double]] = [
        "Telephone": [15275, 17388, 19254],
        "Total": [19094, 19480, 20846],
    ]

    /// Our method and the name of R's method in the reference file.
    static let methods: [(ForecastMethod, String)] = [(.drift, "rwf_drift"), (.linear, "tslm_trend")]

    @Test("mean and 80%/95% interval ends match R", arguments: ["Telephone", "Total"], [0, 1])
    func matchesR(series: String, methodIndex: Int) throws {
        let (method, rName) = Self.methods[methodIndex]
        let row = try #require(try CompetitionData.records("reference/r-seed-activity-2022-23.csv")
            .first { $0["series"] == series && $0["method"] == rName })
        let forecast = try Forecaster.forecast(Self.histories[series]!, horizon: 1, method: method,
                                              options: .init(intervals: .modelBased))
        let i80 = forecast.interval(level: 0.8, step: 1)
        let i95 = forecast.interval(level: 0.95, step: 1)
        #expect(isClose(forecast.locations[0], Double(row["mean"]!)!, relative: 1e-12), "\(method) \(series)")
        #expect(isClose(i80.lower, Double(row["lo80"]!)!, relative: 1e-9), "\(method) \(series)")
        #expect(isClose(i80.upper, Double(row["hi80"]!)!, relative: 1e-9), "\(method) \(series)")
        #expect(isClose(i95.lower, Double(row["lo95"]!)!, relative: 1e-9), "\(method) \(series)")
        #expect(isClose(i95.upper, Double(row["hi95"]!)!, relative: 1e-9), "\(method) \(series)")
    }
}
