import BenchmarkSupport
import OutturnNumerics

/// One exponential-smoothing fit (Holt's linear trend, ETS(A,A,N)) of a 30-point series, with a
/// one-step forecast: the unit of work inside `auto`.
enum SmoothingTiming {
    static func run(_ options: Options) {
        var generator = Xoshiro256StarStar(seed: 30)
        let series = (0..<30).map { 1_000 + 20 * Double($0) + 40 * generator.nextStandardNormal() }
        _ = try! Forecaster.forecast(series, horizon: 1, method: .holt)
        let (seconds, _) = Report.bestOf(20) { try! Forecaster.forecast(series, horizon: 1, method: .holt) }
        Report.emit("ets fit AAN 30 points", seconds: seconds, ["route": "Forecaster.forecast(method: .holt)"])
    }
}
