import Benchmark
import BenchmarkSupport
import OutturnNumerics

/// Pivoted-QR least squares (`LeastSquares.fit`: dgeqp3, coefficients, standard errors,
/// residuals, refined in extended precision) at the sizes a budget analyst meets: a 36-month
/// trend, a driver regression, and two tall designs; beside each, the same without refinement.
/// Design and response are built outside the measurement.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(3), maxIterations: 1_000)

    for (rows, columns) in RegressionProblem.sizes {
        let (design, response) = RegressionProblem.make(rows: rows, columns: columns)

        Benchmark("least squares pivoted QR \(rows)×\(columns)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try LeastSquares.fit(design: design, response: response))
            }
        }

        Benchmark("least squares pivoted QR \(rows)×\(columns) unrefined") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try LeastSquares.fit(design: design, response: response, refinement: .none))
            }
        }
    }
}
