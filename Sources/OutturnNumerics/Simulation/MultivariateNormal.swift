/// The multivariate normal distribution N(μ, Σ), sampled as μ + L·z with Σ = L·Lᵀ (Cholesky) and
/// z standard normal.
public struct MultivariateNormal: Sendable {
    /// μ, length d.
    public let mean: [Double]
    /// Σ, d×d, symmetric positive definite.
    public let covariance: Matrix
    /// L, lower triangular with L·Lᵀ = Σ.
    public let choleskyFactor: Matrix

    /// The dimension d.
    public var dimension: Int { mean.count }

    /// - Parameters:
    ///   - mean: μ, length d.
    ///   - covariance: Σ, d×d, symmetric (checked to a relative 1e-12) and positive definite.
    /// - Throws: ``SimulationError`` for a non-finite entry, an asymmetric Σ, or one that is not
    ///   positive definite (which includes singular Σ, e.g. two perfectly correlated components).
    /// - Precondition: `covariance` is d×d.
    public init(mean: [Double], covariance: Matrix) throws {
        let d = mean.count
        precondition(covariance.rows == d && covariance.columns == d,
                     "Covariance is \(covariance.rows)×\(covariance.columns), mean has length \(d)")
        for (i, value) in mean.enumerated() where !value.isFinite {
            throw SimulationError.nonFiniteParameter(row: i, column: nil)
        }
        for j in 0..<d {
            for i in 0..<d {
                let value = covariance[i, j]
                if !value.isFinite { throw SimulationError.nonFiniteParameter(row: i, column: j) }
                if i > j && abs(value - covariance[j, i]) > 1e-12 * max(abs(value), abs(covariance[j, i])) {
                    throw SimulationError.covarianceNotSymmetric(row: i, column: j)
                }
            }
        }
        do {
            choleskyFactor = try covariance.choleskyFactor()
        } catch let LinearAlgebraError.notPositiveDefinite(_, order) {
            throw SimulationError.covarianceNotPositiveDefinite(order: order)
        }
        self.mean = mean
        self.covariance = covariance
    }

    /// `count` independent draws, one per row: a count×d matrix X = Z·Lᵀ + 1·μᵀ made with one GEMM.
    ///
    /// Z is filled with standard normals from ``Xoshiro256StarStar`` (polar method) in column-major
    /// order (all draws of component 1, then component 2, …). The same seed gives the same matrix.
    /// - Complexity: count·d normal draws plus one count×d×d GEMM.
    public func draws(count: Int, seed: UInt64) -> Matrix {
        precondition(count >= 0, "Draw count must be non-negative, got \(count)")
        let d = dimension
        var generator = Xoshiro256StarStar(seed: seed)
        var z = Matrix(rows: count, columns: d)
        for index in z.elements.indices { z.elements[index] = generator.nextStandardNormal() }
        var x = Matrix.gemm(z, transposeA: false, choleskyFactor, transposeB: true)
        for j in 0..<d {
            let offset = mean[j]
            for i in 0..<count { x.elements[i + j * count] += offset }
        }
        return x
    }
}
