import COpenBLAS

extension LAPACK {
    /// Solves A·X = B for square A by LU with partial pivoting (dgesv); A and B are overwritten.
    ///
    /// A is order×order, lda = order; B is order×rightHandSides, ldb = order.
    /// - Throws: ``LinearAlgebraError/singular(routine:pivot:)`` when U has an exactly zero pivot.
    static func solveGeneral(_ a: inout [Double], order: Int, b: inout [Double], rightHandSides: Int) throws {
        precondition(a.count == order * order, "A must hold \(order)×\(order) elements, got \(a.count)")
        precondition(b.count == order * rightHandSides, "B must hold \(order)×\(rightHandSides) elements, got \(b.count)")
        if order == 0 || rightHandSides == 0 { return }
        var n = try LinearAlgebraError.lapackInt(order, routine: .dgesv)
        var nrhs = try LinearAlgebraError.lapackInt(rightHandSides, routine: .dgesv)
        var lda = n, ldb = n
        var pivots = [lapack_int_t](repeating: 0, count: order)
        var info: lapack_int_t = 0
        dgesv_(&n, &nrhs, &a, &lda, &pivots, &b, &ldb, &info)
        try LinearAlgebraError.check(info, routine: .dgesv)
    }
}

extension Matrix {
    /// The solution x of self·x = b for a square, non-singular `self` (LU with partial pivoting, dgesv).
    ///
    /// - Parameter b: the right-hand side, length `rows`.
    /// - Returns: x, length `columns`. An empty system returns an empty vector.
    /// - Throws: ``LinearAlgebraError/singular(routine:pivot:)`` when `self` is exactly singular.
    ///   Near-singular systems are solved without complaint; check the residual if that matters.
    /// - Precondition: `rows == columns == b.count`.
    public func solve(_ b: [Double]) throws -> [Double] {
        precondition(rows == columns, "solve needs a square matrix, got \(rows)×\(columns)")
        precondition(b.count == rows, "Right-hand side has length \(b.count), matrix is \(rows)×\(columns)")
        var a = elements
        var x = b
        try LAPACK.solveGeneral(&a, order: rows, b: &x, rightHandSides: 1)
        return x
    }
}
