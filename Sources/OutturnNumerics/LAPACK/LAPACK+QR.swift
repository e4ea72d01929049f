import COpenBLAS

extension LAPACK {
    /// Householder QR with column pivoting (dgeqp3): A·P = Q·R, in place.
    ///
    /// A is rows×columns, lda = rows. On return the upper triangle of `a` holds R (min(rows, columns)
    /// rows) and the part below the diagonal the Householder vectors; `tau` has min(rows, columns)
    /// scalar factors. `pivots[k]` is the zero-based original column moved to position k.
    /// - Throws: ``LinearAlgebraError`` for an illegal argument or a dimension beyond 32 bits.
    static func pivotedQR(_ a: inout [Double], rows: Int, columns: Int) throws -> (pivots: [Int], tau: [Double]) {
        precondition(a.count == rows * columns, "A must hold \(rows)×\(columns) elements, got \(a.count)")
        let k = min(rows, columns)
        if rows == 0 || columns == 0 { return (Array(0..<columns), []) }
        LinearAlgebraBoundary.note(.dgeqp3)
        var m = try LinearAlgebraError.lapackInt(rows, routine: .dgeqp3)
        var n = try LinearAlgebraError.lapackInt(columns, routine: .dgeqp3)
        var lda = m
        var jpvt = [lapack_int_t](repeating: 0, count: columns) // 0 = free column
        var tau = [Double](repeating: 0, count: k)
        var info: lapack_int_t = 0
        var query = 0.0
        var lwork: lapack_int_t = -1
        dgeqp3_(&m, &n, &a, &lda, &jpvt, &tau, &query, &lwork, &info)
        try LinearAlgebraError.check(info, routine: .dgeqp3)
        let length = workspaceLength(query, minimum: 3 * columns + 1)
        var work = [Double](repeating: 0, count: length)
        lwork = try LinearAlgebraError.lapackInt(length, routine: .dgeqp3)
        dgeqp3_(&m, &n, &a, &lda, &jpvt, &tau, &work, &lwork, &info)
        try LinearAlgebraError.check(info, routine: .dgeqp3)
        return (jpvt.map { Int($0) - 1 }, tau)
    }

    /// Overwrites C with Qᵀ·C (`transpose: true`) or Q·C (dormqr, from the left).
    ///
    /// Q is rows×rows, given by `reflectors` Householder vectors stored below the diagonal of
    /// `factors` (rows×reflectors, lda = rows) with scalars `tau`; C is rows×columnsOfC, ldc = rows.
    static func multiplyByQ(transpose: Bool, factors: [Double], rows: Int, reflectors: Int, tau: [Double],
                            c: inout [Double], columnsOfC: Int) throws {
        precondition(c.count == rows * columnsOfC, "C must hold \(rows)×\(columnsOfC) elements, got \(c.count)")
        precondition(factors.count >= rows * reflectors && tau.count >= reflectors,
                     "Factors must hold \(rows)×\(reflectors) elements and tau \(reflectors)")
        if rows == 0 || columnsOfC == 0 || reflectors == 0 { return }
        LinearAlgebraBoundary.note(.dormqr)
        var side = character("L")
        var trans = character(transpose ? "T" : "N")
        var m = try LinearAlgebraError.lapackInt(rows, routine: .dormqr)
        var n = try LinearAlgebraError.lapackInt(columnsOfC, routine: .dormqr)
        var k = try LinearAlgebraError.lapackInt(reflectors, routine: .dormqr)
        var lda = m, ldc = m
        var info: lapack_int_t = 0
        var query = 0.0
        var lwork: lapack_int_t = -1
        dormqr_(&side, &trans, &m, &n, &k, factors, &lda, tau, &c, &ldc, &query, &lwork, &info, 1, 1)
        try LinearAlgebraError.check(info, routine: .dormqr)
        let length = workspaceLength(query, minimum: max(1, columnsOfC))
        var work = [Double](repeating: 0, count: length)
        lwork = try LinearAlgebraError.lapackInt(length, routine: .dormqr)
        dormqr_(&side, &trans, &m, &n, &k, factors, &lda, tau, &c, &ldc, &work, &lwork, &info, 1, 1)
        try LinearAlgebraError.check(info, routine: .dormqr)
    }

    /// Overwrites the vector c (length rows) with Qᵀc (`transpose: true`) or Q·c (dorm2r: one
    /// reflector at a time). For a single vector this costs 4·rows·reflectors flops, where the
    /// blocked ``multiplyByQ(transpose:factors:rows:reflectors:tau:c:columnsOfC:)`` also forms the
    /// triangular factor of every block on each call (about 32 times as much at LAPACK's block size).
    /// Q is given as for that function.
    static func multiplyVectorByQ(transpose: Bool, factors: [Double], rows: Int, reflectors: Int, tau: [Double],
                                  c: inout [Double]) throws {
        precondition(c.count == rows, "c must hold \(rows) elements, got \(c.count)")
        precondition(factors.count >= rows * reflectors && tau.count >= reflectors,
                     "Factors must hold \(rows)×\(reflectors) elements and tau \(reflectors)")
        if rows == 0 || reflectors == 0 { return }
        var side = character("L")
        var trans = character(transpose ? "T" : "N")
        var m = try LinearAlgebraError.lapackInt(rows, routine: .dorm2r)
        var n: lapack_int_t = 1
        var k = try LinearAlgebraError.lapackInt(reflectors, routine: .dorm2r)
        var lda = m, ldc = m
        var info: lapack_int_t = 0
        var work = [Double](repeating: 0, count: 1) // n = 1 column of C
        dorm2r_(&side, &trans, &m, &n, &k, factors, &lda, tau, &c, &ldc, &work, &info, 1, 1)
        try LinearAlgebraError.check(info, routine: .dorm2r)
    }
}
