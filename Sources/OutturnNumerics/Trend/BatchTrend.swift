/// Polynomial trends (linear by default) for many series that share one time axis, fitted together.
///
/// Input: m series × T periods stored as a T×m column-major ``Matrix`` (one series per column,
/// periods 1…T down the rows), the layout in which a GEMM sees every series at once.
///
/// Method, chosen for speed at scale (1M series × 36 periods is the design target):
/// 1. One pivoted QR of the shared T×p design in centred periods, and its pseudo-inverse
///    P = R⁻¹Q₁ᵀ (p×T), computed once.
/// 2. One pass over the data in blocks of columns that fit in cache: Γ = P·Y_block (GEMM), then
///    residuals E = Y_block − X·Γ (second GEMM into a reused buffer) and their sums of squares.
///    For the straight line (p = 2), where dgemm is dominated by packing, a fused SIMD loop per
///    series does the same arithmetic in the same single pass.
///    Residuals are formed explicitly rather than as ‖y‖² − ‖Qᵀy‖², which cancels when fits are good.
///    No allocation per series.
/// 3. Series with missing (NaN) or infinite values are found from their non-finite residual sums
///    and refitted one by one on their observed periods with ``LeastSquares``; a series with too few
///    observed values is reported in ``BatchTrendFit/failures``.
/// Coefficients are reported on the period scale (β₀ + β₁·t + …, t = 1…T).
public enum BatchTrend {
    /// Fits a degree-`degree` polynomial trend in the period to every column of `series`.
    ///
    /// - Parameters:
    ///   - series: T×m, one series per column; NaN marks a missing value.
    ///   - degree: 1 for linear (default), 2 for quadratic, …
    ///   - blockColumns: series per cache block (default 512; a tuning knob, not a semantic one).
    /// - Throws: ``TrendError/tooShort(count:needed:)`` when T < degree + 1,
    ///   ``TrendError/invalidDegree(_:)`` for degree < 1.
    /// - Complexity: O(T·m·p) flops, one read of the data, O(T·blockColumns) scratch memory.
    public static func fit(_ series: Matrix, degree: Int = 1, blockColumns: Int = 512) throws -> BatchTrendFit {
        guard degree >= 1 else { throw TrendError.invalidDegree(degree) }
        let rows = series.rows, columns = series.columns, p = degree + 1
        guard rows >= p else { throw TrendError.tooShort(count: rows, needed: p) }
        let basis = CentredPolynomialBasis(periods: rows, degree: degree)

        // 1. Shared factorisation and pseudo-inverse (rows of P in the design's column order).
        var factors = basis.design.elements
        let (pivots, tau) = try LAPACK.pivotedQR(&factors, rows: rows, columns: p)
        var q1 = [Double](repeating: 0, count: rows * p)
        for k in 0..<p { q1[k + k * rows] = 1 }
        try LAPACK.multiplyByQ(transpose: false, factors: factors, rows: rows, reflectors: p, tau: tau,
                               c: &q1, columnsOfC: p)
        var pivoted = Matrix(rows: rows, columns: p, columnMajor: q1).transposed.elements // Q₁ᵀ, p×T
        try LAPACK.solveTriangular(factors, order: p, leadingDimension: rows, upper: true, transpose: false,
                                   b: &pivoted, rightHandSides: rows)
        var pseudoInverse = [Double](repeating: 0, count: p * rows)
        for i in 0..<p {
            for t in 0..<rows { pseudoInverse[pivots[i] + t * p] = pivoted[i + t * p] }
        }
        let inverse = try LAPACK.invertUpperTriangular(factors, order: p, leadingDimension: rows)
        var centredFactor = Matrix(rows: p, columns: p)
        for i in 0..<p { for l in i..<p { centredFactor[pivots[i], l] = inverse[i + l * p] } }

        // 2. One blocked pass: centred coefficients and residual sums of squares.
        var gamma = [Double](repeating: 0, count: p * columns)
        var rss = [Double](repeating: 0, count: columns)
        if p == 2 {
            LAPACK.fitSharedLine(series: series.elements, rows: rows, columns: columns, pseudoInverse: pseudoInverse,
                                 design: basis.design.elements, coefficients: &gamma, residualSumsOfSquares: &rss)
        } else {
            LAPACK.fitSharedDesign(series: series.elements, rows: rows, columns: columns,
                                   pseudoInverse: pseudoInverse, design: basis.design.elements, parameters: p,
                                   blockColumns: blockColumns, coefficients: &gamma, residualSumsOfSquares: &rss)
        }
        let coefficients = basis.toPeriodScale.multiplied(by: Matrix(rows: p, columns: columns, columnMajor: gamma))
        let factor = basis.toPeriodScale.multiplied(by: centredFactor)

        // 3. Series with missing or non-finite values, one by one on their observed periods.
        var individual = [Int: LeastSquaresFit]()
        var failures = [Int: TrendError]()
        for j in 0..<columns where !rss[j].isFinite {
            var periods: [Double] = [], values: [Double] = []
            var failure: TrendError?
            for t in 0..<rows {
                let value = series[t, j]
                if value.isNaN { continue }
                if !value.isFinite { failure = .nonFiniteValue(index: t); break }
                periods.append(Double(t + 1))
                values.append(value)
            }
            if failure == nil && values.count < p { failure = .tooShort(count: values.count, needed: p) }
            if let failure {
                failures[j] = failure
                continue
            }
            individual[j] = try LeastSquares.fitPolynomial(x: periods, response: values, degree: degree)
        }
        return BatchTrendFit(degree: degree, periods: rows, coefficientMatrix: coefficients,
                             residualSumsOfSquares: rss, sharedFactor: factor, individualFits: individual,
                             failures: failures)
    }
}
