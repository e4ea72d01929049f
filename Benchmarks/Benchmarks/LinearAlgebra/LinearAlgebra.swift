import Benchmark
import BenchmarkSupport
import OutturnNumerics

/// Reference kernels: the dgemm rate the other suites are measured against.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(5), maxIterations: 50)

    for size in [500, 1_000] {
        var generator = Xoshiro256StarStar(seed: 7)
        let a = Matrix(rows: size, columns: size,
                       columnMajor: (0..<size * size).map { _ in generator.nextStandardNormal() })
        let b = Matrix(rows: size, columns: size,
                       columnMajor: (0..<size * size).map { _ in generator.nextStandardNormal() })
        Benchmark("dgemm \(size)×\(size)×\(size)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(a.multiplied(by: b))
            }
        }
    }
}
