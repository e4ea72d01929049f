/// The pivoted QR factorisation of a column-equilibrated design, X·D·P = Q·R, with its numerical
/// rank: the factorisation every least squares solve here starts from, kept so that iterative
/// refinement can reuse it (see ``LeastSquares/Refinement``).
///
/// Coordinates: the solve works in z (length ``rank``), the coefficients of the leading ``rank``
/// pivoted, scaled columns; the design's own coefficients are β = D·P·z, i.e. β[pivots[i]] =
/// scales[pivots[i]]·z[i], and 0 for aliased columns.
struct EquilibratedQR {
    /// n, the number of observations.
    let rows: Int
    /// p, the number of design columns.
    let columns: Int
    /// R in the upper triangle, the Householder vectors below it (rows×columns, lda = rows).
    let factors: [Double]
    /// The Householder scalars, min(rows, columns) of them.
    let tau: [Double]
    /// pivots[k]: the zero-based design column in pivoted position k.
    let pivots: [Int]
    /// D: 1/‖column‖ per design column (1 for a zero column).
    let scales: [Double]
    /// The numerical rank r (see ``LeastSquares/rankTolerance(rows:columns:)``).
    let rank: Int

    /// Steps 1–3 of ``LeastSquares``: equilibrate, factor with pivoting, decide the rank.
    /// - Precondition: the design is non-empty and finite (checked by the callers).
    init(_ design: Matrix) throws {
        let n = design.rows, p = design.columns
        var a = design.elements
        var scales = [Double](repeating: 1, count: p)
        for j in 0..<p {
            let norm = LeastSquares.euclideanNorm(a, from: j * n, count: n)
            if norm > 0 {
                scales[j] = 1 / norm
                for i in 0..<n { a[i + j * n] *= scales[j] }
            }
        }
        let (pivots, tau) = try LAPACK.pivotedQR(&a, rows: n, columns: p)
        let k = min(n, p)
        let largest = k > 0 ? abs(a[0]) : 0
        let threshold = LeastSquares.rankTolerance(rows: n, columns: p) * largest
        var rank = 0
        while rank < k && abs(a[rank + rank * n]) > threshold { rank += 1 }
        self.rows = n
        self.columns = p
        self.factors = a
        self.tau = tau
        self.pivots = pivots
        self.scales = scales
        self.rank = rank
    }

    /// Overwrites `c` (length rows) with Qᵀc.
    func applyQTransposed(_ c: inout [Double]) throws {
        try LAPACK.multiplyByQ(transpose: true, factors: factors, rows: rows, reflectors: tau.count, tau: tau,
                               c: &c, columnsOfC: 1)
    }

    /// Overwrites `c` (length rows) with Q·c.
    func applyQ(_ c: inout [Double]) throws {
        try LAPACK.multiplyByQ(transpose: false, factors: factors, rows: rows, reflectors: tau.count, tau: tau,
                               c: &c, columnsOfC: 1)
    }

    /// Overwrites `c` (length rows) with Qᵀc (`transpose`) or Q·c, one reflector at a time: the
    /// cheap form for the repeated single-vector products of refinement (the first solve keeps the
    /// blocked routine, so unrefined results are as before).
    func applyQUnblocked(_ c: inout [Double], transpose: Bool) throws {
        try LAPACK.multiplyVectorByQ(transpose: transpose, factors: factors, rows: rows, reflectors: tau.count,
                                     tau: tau, c: &c)
    }

    /// Overwrites `b` (length rank) with R₁₁⁻¹b, or with R₁₁⁻ᵀb when `transpose`.
    func solveR(_ b: inout [Double], transpose: Bool) throws {
        try LAPACK.solveTriangular(factors, order: rank, leadingDimension: rows, upper: true, transpose: transpose,
                                   b: &b, rightHandSides: 1)
    }

    /// β = D·P·z for z of length rank: the design's coefficients, 0 for aliased columns.
    func designCoefficients(_ z: [Double]) -> [Double] {
        var coefficients = [Double](repeating: 0, count: columns)
        for i in 0..<rank { coefficients[pivots[i]] = z[i] * scales[pivots[i]] }
        return coefficients
    }

    /// D·P restricted to the first rank pivoted columns, as a columns×rank matrix (one non-zero per column).
    var coordinateMap: Matrix {
        var map = Matrix(rows: columns, columns: rank)
        for i in 0..<rank { map[pivots[i], i] = scales[pivots[i]] }
        return map
    }

    /// The zero-based indices of the aliased columns, ascending.
    var aliasedColumns: [Int] { pivots[rank..<columns].sorted() }

    /// F = D·P·R₁₁⁻¹ (columns×rank), so that Cov(β̂) = s²·F·Fᵀ; rows of aliased columns are zero.
    func covarianceFactor() throws -> Matrix {
        let inverse = try LAPACK.invertUpperTriangular(factors, order: rank, leadingDimension: rows)
        var factor = Matrix(rows: columns, columns: rank)
        for i in 0..<rank {
            for l in i..<rank { factor[pivots[i], l] = scales[pivots[i]] * inverse[i + l * rank] }
        }
        return factor
    }
}
