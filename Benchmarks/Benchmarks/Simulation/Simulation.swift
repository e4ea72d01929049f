import Benchmark
import BenchmarkSupport
import OutturnNumerics

/// The joint overspend simulation: 100k correlated draws of 1,000 budget lines
/// (equicorrelation 0.3, standard deviations 1,000–10,000) by `MultivariateNormal` — Cholesky,
/// normals, one 100,000×1,000×1,000 GEMM — and that GEMM alone through `Matrix`, whose
/// 2·10¹¹ flops set against the dgemm rate give the fraction of the limit.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(20), maxIterations: 3)

    let draws = 100_000, lines = 1_000
    var generator = Xoshiro256StarStar(seed: 11)
    let sd = (0..<lines).map { _ in 1_000 + 9_000 * generator.nextUniform() }
    var covariance = Matrix(rows: lines, columns: lines)
    for j in 0..<lines { for i in 0..<lines { covariance[i, j] = (i == j ? 1 : 0.3) * sd[i] * sd[j] } }
    let mean = sd.map { 10 * $0 }

    Benchmark("simulation \(draws / 1_000)k draws × \(lines) lines") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try MultivariateNormal(mean: mean, covariance: covariance).draws(count: draws, seed: 5))
        }
    }

    let factorTransposed = try! covariance.choleskyFactor().transposed
    let normals = Matrix(rows: draws, columns: lines,
                         columnMajor: (0..<draws * lines).map { _ in generator.nextStandardNormal() })
    Benchmark("simulation GEMM \(draws / 1_000)k×\(lines)×\(lines)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(normals.multiplied(by: factorTransposed))
        }
    }
}
