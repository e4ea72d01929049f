import BenchmarkSupport
import OutturnNumerics

/// The joint overspend simulation: `draws` correlated draws of `lines` lines (equicorrelation
/// 0.3, standard deviations 1,000–10,000). Times the whole `MultivariateNormal` construction and
/// draw, and separately the one GEMM inside it (standard normals × Lᵀ) through `Matrix`, whose
/// flops (2·draws·lines²) set against the dgemm rate give the fraction of the limit.
enum SimulationTiming {
    static func run(_ options: Options) {
        let draws = options.integer("draws", default: 100_000)
        let lines = options.integer("lines", default: 1_000)
        var generator = Xoshiro256StarStar(seed: 11)
        let sd = (0..<lines).map { _ in 1_000 + 9_000 * generator.nextUniform() }
        var covariance = Matrix(rows: lines, columns: lines)
        for i in 0..<lines { for j in 0..<lines { covariance[i, j] = (i == j ? 1 : 0.3) * sd[i] * sd[j] } }
        let mean = sd.map { 10 * $0 }

        let (seconds, sample) = Report.bestOf(2) {
            try! MultivariateNormal(mean: mean, covariance: covariance).draws(count: draws, seed: 5)
        }
        precondition(sample.rows == draws && sample.columns == lines, "draws came back \(sample.rows)×\(sample.columns)")

        let factor = try! covariance.choleskyFactor()
        let normals = Matrix(rows: draws, columns: lines,
                             columnMajor: (0..<draws * lines).map { _ in generator.nextStandardNormal() })
        let factorTransposed = factor.transposed
        let (gemmSeconds, _) = Report.bestOf(2) { normals.multiplied(by: factorTransposed) }
        Report.emit("simulation \(draws)x\(lines)", seconds: seconds, [
            "gemm_seconds": gemmSeconds, "flops": 2.0 * Double(draws) * Double(lines) * Double(lines),
            "route": "MultivariateNormal.draws (system OpenBLAS)",
        ])
    }
}
