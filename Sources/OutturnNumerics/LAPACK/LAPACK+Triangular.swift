import COpenBLAS

extension LAPACK {
    /// Solves op(T)·X = B for a triangular T (dtrtrs), overwriting B with X.
    ///
    /// T is the leading order×order block of `a` (lda = `leadingDimension` ≥ order), upper or lower
    /// as `upper` says, non-unit diagonal; B is order×rightHandSides, ldb = order.
    /// - Throws: ``LinearAlgebraError/singular(routine:pivot:)`` when a diagonal element is exactly zero.
    static func solveTriangular(_ a: [Double], order: Int, leadingDimension: Int, upper: Bool, transpose: Bool,
                                b: inout [Double], rightHandSides: Int) throws {
        precondition(leadingDimension >= max(1, order), "lda \(leadingDimension) < order \(order)")
        precondition(b.count == order * rightHandSides, "B must hold \(order)×\(rightHandSides) elements, got \(b.count)")
        if order == 0 || rightHandSides == 0 { return }
        var uplo = character(upper ? "U" : "L")
        var trans = character(transpose ? "T" : "N")
        var diag = character("N")
        var n = try LinearAlgebraError.lapackInt(order, routine: .dtrtrs)
        var nrhs = try LinearAlgebraError.lapackInt(rightHandSides, routine: .dtrtrs)
        var lda = try LinearAlgebraError.lapackInt(leadingDimension, routine: .dtrtrs)
        var ldb = n
        var info: lapack_int_t = 0
        LinearAlgebraBoundary.note(.dtrtrs)
        dtrtrs_(&uplo, &trans, &diag, &n, &nrhs, a, &lda, &b, &ldb, &info, 1, 1, 1)
        try LinearAlgebraError.check(info, routine: .dtrtrs)
    }

    /// The inverse of the leading order×order upper triangle of `a` (dtrtri), as an order×order
    /// column-major array (lda = order) with zeros below the diagonal.
    ///
    /// `a` has leading dimension `leadingDimension` ≥ order.
    /// - Throws: ``LinearAlgebraError/singular(routine:pivot:)`` for an exactly zero diagonal element.
    static func invertUpperTriangular(_ a: [Double], order: Int, leadingDimension: Int) throws -> [Double] {
        precondition(leadingDimension >= max(1, order), "lda \(leadingDimension) < order \(order)")
        var inverse = [Double](repeating: 0, count: order * order)
        if order == 0 { return inverse }
        for j in 0..<order {
            for i in 0...j { inverse[i + j * order] = a[i + j * leadingDimension] }
        }
        var uplo = character("U")
        var diag = character("N")
        var n = try LinearAlgebraError.lapackInt(order, routine: .dtrtri)
        var lda = n
        var info: lapack_int_t = 0
        LinearAlgebraBoundary.note(.dtrtri)
        dtrtri_(&uplo, &diag, &n, &inverse, &lda, &info, 1, 1)
        try LinearAlgebraError.check(info, routine: .dtrtri)
        return inverse
    }
}
