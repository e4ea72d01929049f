import Testing
import _TestSupport
@testable import OutturnNumerics

/// The acceptance criterion of issue 4: on both yearly competition files, `auto` beats R's ets and
/// statsforecast's AutoETS on sMAPE and MASE (peer figures from datasets/competition/README.md),
/// and its intervals cover 90–98% (95%) and 72–88% (80%) of the held-out points.
@Suite("Competition accuracy of auto")
struct CompetitionAccuracyTests {
    struct Target: Sendable, CustomStringConvertible {
        let file: String
        let horizon: Int
        let smape: Double  // the better of R ets and AutoETS
        let mase: Double
        var description: String { file }
    }

    @Test("auto beats ets and AutoETS with honest intervals", arguments: [
        Target(file: "competition/m1-yearly.csv", horizon: 6, smape: 18.61, mase: 3.771),
        Target(file: "competition/tourism-yearly.csv", horizon: 4, smape: 21.47, mase: 2.790),
    ])
    func autoBeatsPeers(target: Target) throws {
        let series = try CompetitionData.series(target.file).map(\.values)
        let report = Backtest.run(series: series, horizon: target.horizon, methods: [.auto])
        let result = report.results[0]
        #expect(result.seriesEvaluated == series.count)
        #expect(result.smape < target.smape, "sMAPE \(result.smape)")
        #expect(result.mase < target.mase, "MASE \(result.mase)")
        #expect((0.90...0.98).contains(result.coverage95), "coverage95 \(result.coverage95)")
        #expect((0.72...0.88).contains(result.coverage80), "coverage80 \(result.coverage80)")
    }
}
