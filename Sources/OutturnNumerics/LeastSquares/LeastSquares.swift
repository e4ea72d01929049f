/// Ordinary least squares by rank-revealing Householder QR with column pivoting (LAPACK dgeqp3).
///
/// Goals, in order: accuracy on ill-conditioned designs (NIST StRD Filip, Longley, Wampler), an honest
/// account of what cannot be estimated (aliased columns, zero degrees of freedom), then speed.
/// The normal equations XᵀX are never formed: that would square the condition number.
///
/// Method (Golub & Van Loan, *Matrix Computations*, 4th ed., §5.4.2):
/// 1. Equilibrate: scale every column to unit Euclidean norm, so the rank decision and pivoting do not
///    depend on the units of each column.
/// 2. Factor X·D·P = Q·R with column pivoting.
/// 3. Rank r = number of leading diagonal elements with |R_kk| > ``rankTolerance``·|R_11|.
/// 4. Solve R₁₁·z = (Qᵀy)₁..ᵣ; undo the pivoting and scaling. Residuals are Q·[0; (Qᵀy)ᵣ₊₁..ₙ].
/// 5. Cov(β̂) = s²·(D P R₁₁⁻¹)(D P R₁₁⁻¹)ᵀ, so standard errors are row norms of D·P·R₁₁⁻¹ times s.
public enum LeastSquares {
    /// The relative rank tolerance for a design with `rows` × `columns`: max(rows, columns)·ε,
    /// ε = 2.2e-16 (the LAPACK `dgelsy`/MATLAB `rank` convention). A pivoted diagonal element of R
    /// (after column equilibration) at or below tolerance·|R_11| marks its column as aliased.
    /// R's `lm` uses a looser 1e-7, which declares NIST Filip rank-deficient; this one does not.
    public static func rankTolerance(rows: Int, columns: Int) -> Double {
        Double(max(rows, columns)) * Double.ulpOfOne
    }

    /// Fits y ≈ X·β by least squares.
    ///
    /// - Parameters:
    ///   - design: X, n×p (one row per observation; include a column of ones for an intercept).
    ///   - response: y, length n.
    /// - Returns: the fit; rank deficiency and zero degrees of freedom are reported in it, not thrown.
    /// - Throws: ``LeastSquaresError`` for an empty design or a non-finite value (naming its position).
    /// - Complexity: O(n·p²) flops, O(n·p) memory.
    /// - Precondition: `response.count == design.rows`.
    public static func fit(design: Matrix, response: [Double]) throws -> LeastSquaresFit {
        let n = design.rows, p = design.columns
        precondition(response.count == n,
                     "Response has \(response.count) values, design is \(n)×\(p)")
        guard n > 0 else { throw LeastSquaresError.noObservations }
        guard p > 0 else { throw LeastSquaresError.noColumns }
        for j in 0..<p {
            for i in 0..<n where !design[i, j].isFinite {
                throw LeastSquaresError.nonFiniteDesign(row: i, column: j, value: design[i, j])
            }
        }
        for i in 0..<n where !response[i].isFinite {
            throw LeastSquaresError.nonFiniteResponse(row: i, value: response[i])
        }

        // 1. Equilibrate columns (a zero column keeps scale 1 and will be aliased).
        var a = design.elements
        var scales = [Double](repeating: 1, count: p)
        for j in 0..<p {
            let norm = euclideanNorm(a, from: j * n, count: n)
            if norm > 0 {
                scales[j] = 1 / norm
                for i in 0..<n { a[i + j * n] *= scales[j] }
            }
        }

        // 2. Pivoted QR.
        let (pivots, tau) = try LAPACK.pivotedQR(&a, rows: n, columns: p)
        let k = min(n, p)

        // 3. Numerical rank.
        let largest = k > 0 ? abs(a[0]) : 0
        let threshold = rankTolerance(rows: n, columns: p) * largest
        var rank = 0
        while rank < k && abs(a[rank + rank * n]) > threshold { rank += 1 }

        // 4. Coefficients from R₁₁ z = (Qᵀy)₁..ᵣ.
        var qty = response
        try LAPACK.multiplyByQ(transpose: true, factors: a, rows: n, reflectors: k, tau: tau, c: &qty, columnsOfC: 1)
        var z = Array(qty[0..<rank])
        try LAPACK.solveTriangular(a, order: rank, leadingDimension: n, upper: true, transpose: false,
                                   b: &z, rightHandSides: 1)
        var coefficients = [Double](repeating: 0, count: p)
        for i in 0..<rank { coefficients[pivots[i]] = z[i] * scales[pivots[i]] }
        let aliased = pivots[rank..<p].sorted()

        // Residuals without cancellation: Q·[0; tail of Qᵀy].
        var residuals = qty
        var residualSumOfSquares = 0.0
        for i in 0..<n {
            if i < rank { residuals[i] = 0 } else { residualSumOfSquares += qty[i] * qty[i] }
        }
        try LAPACK.multiplyByQ(transpose: false, factors: a, rows: n, reflectors: k, tau: tau,
                               c: &residuals, columnsOfC: 1)

        // 5. Covariance factor F = D·P·R₁₁⁻¹ (p × rank).
        let inverse = try LAPACK.invertUpperTriangular(a, order: rank, leadingDimension: n)
        var factor = Matrix(rows: p, columns: rank)
        for i in 0..<rank {
            for l in i..<rank { factor[pivots[i], l] = scales[pivots[i]] * inverse[i + l * rank] }
        }

        let intercept = hasConstantColumn(design)
        return LeastSquaresFit(coefficients: coefficients, covarianceFactor: factor, residuals: residuals,
                               residualSumOfSquares: residualSumOfSquares,
                               rSquared: rSquared(response: response, residualSumOfSquares: residualSumOfSquares,
                                                  centred: intercept),
                               rank: rank, aliasedColumns: Array(aliased), hasIntercept: intercept)
    }

    /// ‖v[from ..< from+count]‖₂ without overflow or underflow (scaled by the largest magnitude).
    static func euclideanNorm(_ values: [Double], from start: Int, count: Int) -> Double {
        var largest = 0.0
        for i in start..<(start + count) { largest = max(largest, abs(values[i])) }
        if largest == 0 { return 0 }
        var sum = 0.0
        for i in start..<(start + count) {
            let scaled = values[i] / largest
            sum += scaled * scaled
        }
        return largest * sum.squareRoot()
    }

    /// Whether some column is constant and non-zero (an intercept, perhaps scaled).
    static func hasConstantColumn(_ design: Matrix) -> Bool {
        guard design.rows > 0 else { return false }
        for j in 0..<design.columns {
            let first = design[0, j]
            if first != 0 && (0..<design.rows).allSatisfy({ design[$0, j] == first }) { return true }
        }
        return false
    }

    /// 1 − RSS/TSS with TSS centred (two-pass mean) or uncentred; 1 when TSS is zero.
    static func rSquared(response: [Double], residualSumOfSquares: Double, centred: Bool) -> Double {
        let mean = centred ? response.reduce(0, +) / Double(response.count) : 0
        var total = 0.0
        for y in response { total += (y - mean) * (y - mean) }
        return total > 0 ? 1 - residualSumOfSquares / total : 1
    }
}
