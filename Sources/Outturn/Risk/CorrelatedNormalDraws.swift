import OutturnNumerics

/// The one place that draws correlated standard normals for the joint simulation of the total,
/// through the numerics module's ``MultivariateNormal`` (Cholesky factor and one GEMM, seeded
/// xoshiro256**).
enum CorrelatedNormalDraws {
    /// `count` draws of `dimension` standard normals with pairwise correlation `correlation`
    /// (0 ≤ ρ < 1: an equicorrelation matrix, positive definite), as a count × dimension matrix,
    /// one draw per row, reproducible from `seed`.
    static func draws(count: Int, dimension: Int, correlation: Double, seed: UInt64) -> Matrix {
        precondition(correlation >= 0 && correlation < 1, "correlation must be in [0, 1), got \(correlation)")
        let covariance = Matrix(rowArrays: (0..<dimension).map { i in
            (0..<dimension).map { j in i == j ? 1 : correlation }
        })
        // An equicorrelation matrix with 0 ≤ ρ < 1 is positive definite (eigenvalues 1 − ρ and
        // 1 + (d − 1)ρ), so this cannot throw; a failure here is a programming error.
        let distribution = try! MultivariateNormal(mean: Array(repeating: 0, count: dimension), covariance: covariance)
        return distribution.draws(count: count, seed: seed)
    }
}
