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
/// 3. Rank r = number of leading diagonal elements with |R_kk| > ``rankTolerance(rows:columns:)``·|R_11|.
/// 4. Solve R₁₁·z = (Qᵀy)₁..ᵣ; undo the pivoting and scaling. Residuals are Q·[0; (Qᵀy)ᵣ₊₁..ₙ].
/// 5. Cov(β̂) = s²·(D P R₁₁⁻¹)(D P R₁₁⁻¹)ᵀ, so standard errors are row norms of D·P·R₁₁⁻¹ times s.
/// 6. By default, refine β and the residuals with the same factorisation and residuals in extended
///    precision (``Refinement/extendedPrecision``), which removes the κ·ε error of step 4.
public enum LeastSquares {
    /// The relative rank tolerance for a design with `rows` × `columns`: max(rows, columns)·ε,
    /// ε = 2.2e-16 (the LAPACK `dgelsy`/MATLAB `rank` convention). A pivoted diagonal element of R
    /// (after column equilibration) at or below tolerance·|R_11| marks its column as aliased.
    /// R's `lm` uses a looser 1e-7, which declares NIST Filip rank-deficient; this one does not.
    public static func rankTolerance(rows: Int, columns: Int) -> Double {
        Double(max(rows, columns)) * Double.ulpOfOne
    }

    /// How a least squares solution is finished after the QR solve.
    public enum Refinement: Sendable, Equatable {
        /// The pivoted-QR solution as it is: coefficients with a relative error of order κ·ε
        /// (κ the condition number of the equilibrated design, ε = 2.2e-16).
        case none
        /// Björck's iterative refinement on the augmented system [I X; Xᵀ 0][r; β] = [b; 0], with the
        /// residuals of that system accumulated in extended precision (`Float80` on x86-64, a
        /// double-double elsewhere), repeated while each step at least halves the correction (at most
        /// five steps). It brings the coefficients and residuals to nearly full double precision
        /// whenever κ·ε is well below 1: at least 9 correct digits on every NIST StRD linear set.
        /// Each step costs two unblocked applications of Q (4·n·p flops each) and 2·n·p extended
        /// operations; measured, a fit takes 1.5–2.4× as long as with ``none`` (36×3 to 100000×20).
        case extendedPrecision
    }

    /// Fits y ≈ X·β by least squares.
    ///
    /// - Parameters:
    ///   - design: X, n×p (one row per observation; include a column of ones for an intercept).
    ///   - response: y, length n.
    ///   - refinement: how to finish the QR solution; by default refined in extended precision.
    /// - Returns: the fit; rank deficiency and zero degrees of freedom are reported in it, not thrown.
    /// - Throws: ``LeastSquaresError`` for an empty design, a non-finite value (naming its position), or a
    ///   coefficient or standard error beyond `Double`'s range.
    /// - Complexity: O(n·p²) flops, O(n·p) memory.
    /// - Precondition: `response.count == design.rows`.
    public static func fit(design: Matrix, response: [Double],
                           refinement: Refinement = .extendedPrecision) throws -> LeastSquaresFit {
        try fit(design: design, response: response, refinement: refinement, extended: PlatformExtended.self)
    }

    /// ``fit(design:response:refinement:)`` with the residuals of refinement accumulated in `E`.
    static func fit<E: ExtendedReal>(design: Matrix, response: [Double], refinement: Refinement,
                                     extended: E.Type) throws -> LeastSquaresFit {
        try validate(design: design, response: response)
        let qr = try EquilibratedQR(design)
        let scale = responseScale(response)
        let scaled = scale == 1 ? response : response.map { $0 / scale }
        var solution = try solve(qr, response: scaled)
        if refinement == .extendedPrecision {
            var coefficients = solution.coefficients.map { E($0) }
            let applied = try refine(design: .dense(design), factorization: qr, map: qr.coordinateMap,
                                     response: scaled, coefficients: &coefficients,
                                     residuals: &solution.residuals)
            if applied > 0 {
                solution.coefficients = coefficients.map(\.roundedToDouble)
                solution.residualSumOfSquares = sumOfSquares(solution.residuals)
            }
        }
        let intercept = hasConstantColumn(design)
        return try checkedRange(
            LeastSquaresFit(coefficients: solution.coefficients, covarianceFactor: try qr.covarianceFactor(),
                            residuals: solution.residuals, residualSumOfSquares: solution.residualSumOfSquares,
                            rSquared: rSquared(response: scaled, residualSumOfSquares: solution.residualSumOfSquares,
                                               centred: intercept),
                            rank: qr.rank, aliasedColumns: qr.aliasedColumns, hasIntercept: intercept,
                            responseScale: scale))
    }

    /// A power of two that brings max |yᵢ| into [1, 2) when it lies outside [2⁻⁴⁰⁰, 2⁴⁰⁰], else 1.
    /// Squares of such responses (sums of squares, R²) would overflow or underflow; dividing by a
    /// power of two is exact, and inside the range nothing is scaled, so results there are unchanged.
    static func responseScale(_ response: [Double]) -> Double {
        let largest = maximumMagnitude(response)
        guard largest > 0, largest < 0x1p-400 || largest > 0x1p400 else { return 1 }
        return Double(sign: .plus, exponent: largest.exponent, significand: 1)
    }

    /// `fit`, or ``LeastSquaresError/resultOutOfRange(column:)`` when a coefficient, standard error or
    /// s is not finite or is subnormal, or a standard error underflowed to zero while s is not zero.
    static func checkedRange(_ fit: LeastSquaresFit) throws -> LeastSquaresFit {
        // Finite and, unless exactly zero, normal: a subnormal result has lost its precision.
        func representable(_ value: Double?) -> Bool {
            guard let value else { return true }
            return value.isFinite && (value == 0 || value.isNormal)
        }
        let aliased = Set(fit.aliasedColumns)
        let s = fit.residualStandardError
        for j in fit.coefficients.indices where !aliased.contains(j) {
            let error = fit.standardErrors[j]
            if !representable(fit.coefficients[j]) || !representable(s) || !representable(error)
                || (error == 0 && (s ?? 0) > 0) {
                throw LeastSquaresError.resultOutOfRange(column: j)
            }
        }
        return fit
    }

    /// Throws for an empty design or a non-finite value.
    static func validate(design: Matrix, response: [Double]) throws {
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
    }

    /// The QR solution before refinement: coefficients in the design's columns, residuals, RSS.
    struct Solution {
        var coefficients: [Double]
        var residuals: [Double]
        var residualSumOfSquares: Double
    }

    /// Step 4: coefficients from R₁₁ z = (Qᵀy)₁..ᵣ; residuals without cancellation, Q·[0; tail of Qᵀy].
    static func solve(_ qr: EquilibratedQR, response: [Double]) throws -> Solution {
        var qty = response
        try qr.applyQTransposed(&qty)
        var z = Array(qty[0..<qr.rank])
        try qr.solveR(&z, transpose: false)
        var residuals = qty
        var residualSumOfSquares = 0.0
        for i in 0..<qr.rows {
            if i < qr.rank { residuals[i] = 0 } else { residualSumOfSquares += qty[i] * qty[i] }
        }
        try qr.applyQ(&residuals)
        return Solution(coefficients: qr.designCoefficients(z), residuals: residuals,
                        residualSumOfSquares: residualSumOfSquares)
    }

    /// Σ vᵢ².
    static func sumOfSquares(_ values: [Double]) -> Double {
        values.reduce(0) { $0 + $1 * $1 }
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
