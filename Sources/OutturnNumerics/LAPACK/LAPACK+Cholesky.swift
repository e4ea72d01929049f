import COpenBLAS

extension LAPACK {
    /// Cholesky factorisation A = L·Lᵀ of a symmetric positive definite matrix (dpotrf, lower), in place.
    ///
    /// A is order×order, lda = order; only its lower triangle is read. On return the lower triangle
    /// holds L and the strict upper triangle is set to zero.
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(routine:order:)`` naming the leading minor that failed.
    static func choleskyLower(_ a: inout [Double], order: Int) throws {
        precondition(a.count == order * order, "A must hold \(order)×\(order) elements, got \(a.count)")
        if order == 0 { return }
        var uplo = character("L")
        var n = try LinearAlgebraError.lapackInt(order, routine: .dpotrf)
        var lda = n
        var info: lapack_int_t = 0
        dpotrf_(&uplo, &n, &a, &lda, &info, 1)
        try LinearAlgebraError.check(info, routine: .dpotrf)
        for j in 1..<order {
            for i in 0..<j { a[i + j * order] = 0 }
        }
    }
}

extension Matrix {
    /// The lower-triangular Cholesky factor L with L·Lᵀ = self (LAPACK dpotrf).
    ///
    /// `self` must be square, symmetric and positive definite; only its lower triangle is read.
    /// Cost: n³/3 flops.
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(routine:order:)`` when it is not positive
    ///   definite (for example a covariance matrix with a zero or negative variance direction).
    /// - Precondition: `rows == columns`.
    public func choleskyFactor() throws -> Matrix {
        precondition(rows == columns, "Cholesky needs a square matrix, got \(rows)×\(columns)")
        var factor = elements
        try LAPACK.choleskyLower(&factor, order: rows)
        return Matrix(rows: rows, columns: columns, columnMajor: factor)
    }
}
