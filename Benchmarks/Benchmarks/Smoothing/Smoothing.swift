import Benchmark
import BenchmarkSupport
import OutturnNumerics

/// One exponential-smoothing fit of a 30-point series (fit by maximum likelihood and a
/// one-step forecast with its interval), per method: the unit of work inside `auto`.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(3), maxIterations: 10_000)

    var generator = Xoshiro256StarStar(seed: 30)
    let series = (0..<30).map { 1_000 + 20 * Double($0) + 40 * generator.nextStandardNormal() }

    for method in [ForecastMethod.ses, .holt, .damped] {
        Benchmark("ets fit \(method.rawValue) 30 points") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try Forecaster.forecast(series, horizon: 1, method: method))
            }
        }
    }
}
