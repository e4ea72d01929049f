import Benchmark
import BenchmarkSupport
import OutturnNumerics

/// Pivoted-QR least squares (`LeastSquares.fit`: dgeqp3, coefficients, standard errors,
/// residuals) at the sizes a budget analyst meets: a 36-month trend, a driver regression,
/// and two tall designs. Design and response are built outside the measurement.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(3), maxIterations: 1_000)

    for (rows, columns) in [(36, 3), (1_000, 10), (10_000, 50), (100_000, 20)] {
        var generator = Xoshiro256StarStar(seed: UInt64(rows * columns))
        var design = Matrix(rows: rows, columns: columns, repeating: 1)
        for j in 1..<columns { for i in 0..<rows { design[i, j] = generator.nextStandardNormal() } }
        let truth = (0..<columns).map { _ in generator.nextStandardNormal() }
        let response = design.multiplied(by: truth).map { $0 + generator.nextStandardNormal() }

        Benchmark("least squares pivoted QR \(rows)×\(columns)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try LeastSquares.fit(design: design, response: response))
            }
        }
    }
}
