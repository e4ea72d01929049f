import Foundation

/// Polynomial trends (linear by default) for many series that share one time axis, fitted together.
///
/// Input: m series × T periods stored as a T×m column-major ``Matrix`` (one series per column,
/// periods 1…T down the rows; the same bytes as an m×T row-major table with one series per row).
///
/// Method, chosen for speed at scale (1M series × 36 periods is the design target):
/// 1. An orthogonal basis of the shared design, computed once. Straight lines use the exact basis
///    {1, u} with u = t − t̄, t̄ = (T+1)/2: β₁ = Σu·y / Σu², β₀ = ȳ − β₁·t̄; quadratics add
///    w = u² − mean(u²) (orthogonal to u by symmetry). Degree ≥ 3 uses the orthonormal factor Q (T×p)
///    of one pivoted Householder QR of the design in centred, scaled periods, and the p×p map
///    M = (period-scale map)·Π·R⁻¹, so that β = M·Qᵀy. Either way each coefficient of the orthogonal
///    basis is one dot product (no normal equations).
/// 2. One pass over memory: each series is loaded once; its basis coefficients, then the explicit
///    residuals e = y − fit and their sum of squares, are computed while its T values sit in L1 cache.
///    Residuals are formed explicitly rather than as ‖y‖² − ‖Qᵀy‖², which cancels when fits are good.
///    The columns are split into `workers` contiguous chunks; every series is computed by exactly one
///    worker with the same arithmetic, so results do not depend on the number of workers.
///    No allocation per series; no BLAS runs meanwhile.
/// 3. Series with missing (NaN) or infinite values are found from their non-finite results and refitted
///    one by one on their observed periods with ``LeastSquares``; a series with too few observed values
///    or an infinite value is reported in ``BatchTrendFit/failures``.
///
/// Coefficients are reported on the period scale (β₀ + β₁·t + …, t = 1…T).
public enum BatchTrend {
    /// Fits a degree-`degree` polynomial trend in the period to every column of `series`.
    ///
    /// - Parameters:
    ///   - series: T×m, one series per column; NaN marks a missing value.
    ///   - degree: 1 for linear (default), 2 for quadratic, …
    ///   - workers: threads to split the series across (default: the active processor count). A speed
    ///     knob only: results are identical for every worker count.
    /// - Throws: ``TrendError/tooShort(count:needed:)`` when T < degree + 1,
    ///   ``TrendError/invalidDegree(_:)`` for degree < 1. Problems of single series (too few observed
    ///   values, an infinite value) do not throw: they are listed in ``BatchTrendFit/failures``.
    /// - Complexity: O(T·m·p) flops and one read of the T·m·8 bytes of input; outputs of (p+1)·m doubles;
    ///   plus one O(T·p²) refit per series with missing values.
    public static func fit(_ series: Matrix, degree: Int = 1,
                           workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> BatchTrendFit {
        guard degree >= 1 else { throw TrendError.invalidDegree(degree) }
        precondition(workers >= 1, "At least one worker is needed, got \(workers)")
        let rows = series.rows, columns = series.columns, p = degree + 1
        guard rows >= p else { throw TrendError.tooShort(count: rows, needed: p) }
        let basis = CentredPolynomialBasis(periods: rows, degree: degree)

        // 1. Shared factorisation: orthonormal Q₁ (T×p) and the map M from Q₁ᵀy to period-scale β.
        var factors = basis.design.elements
        let (pivots, tau) = try LAPACK.pivotedQR(&factors, rows: rows, columns: p)
        var q1 = [Double](repeating: 0, count: rows * p)
        for k in 0..<p { q1[k + k * rows] = 1 }
        try LAPACK.multiplyByQ(transpose: false, factors: factors, rows: rows, reflectors: p, tau: tau,
                               c: &q1, columnsOfC: p)
        let inverse = try LAPACK.invertUpperTriangular(factors, order: p, leadingDimension: rows)
        var centredFactor = Matrix(rows: p, columns: p) // Π·R⁻¹: centred coefficients = Π·R⁻¹·Q₁ᵀy
        for i in 0..<p { for l in i..<p { centredFactor[pivots[i], l] = inverse[i + l * p] } }
        let map = basis.toPeriodScale.multiplied(by: centredFactor)

        // 2. The fused pass. With no residual degrees of freedom s is undefined (made NaN below).
        let dof = rows - p
        let residualScale = dof > 0 ? 1 / Double(dof) : 1
        let (coefficients, errors): ([Double], [Double])
        switch p {
        case 2:
            (coefficients, errors) = BatchKernels.run(LineKernel(rows: rows, residualScale: residualScale),
                                                      series: series.elements, rows: rows, columns: columns,
                                                      workers: workers)
        case 3:
            (coefficients, errors) = BatchKernels.run(QuadraticKernel(rows: rows, residualScale: residualScale),
                                                      series: series.elements, rows: rows, columns: columns,
                                                      workers: workers)
        default:
            let kernel = OrthonormalBasisKernel(rows: rows, basis: q1, parameters: p, coefficientMap: map.elements,
                                                residualScale: residualScale)
            (coefficients, errors) = BatchKernels.run(kernel, series: series.elements, rows: rows, columns: columns,
                                                      workers: workers)
        }
        var coefficientMatrix = Matrix(rows: p, columns: columns, columnMajor: coefficients)
        var residualStandardErrors = errors

        // 3. Series with missing or non-finite values, one by one on their observed periods.
        var individual = [Int: LeastSquaresFit]()
        var failures = [Int: TrendError]()
        for j in 0..<columns where !residualStandardErrors[j].isFinite {
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
                for k in 0..<p { coefficientMatrix[k, j] = .nan }
                residualStandardErrors[j] = .nan
                continue
            }
            let fit = try LeastSquares.fitPolynomial(x: periods, response: values, degree: degree)
            individual[j] = fit
            for k in 0..<p { coefficientMatrix[k, j] = fit.coefficients[k] }
            residualStandardErrors[j] = fit.residualStandardError ?? .nan
        }
        if dof == 0 { // every series is complete here (a gap leaves too few values to fit)
            for j in 0..<columns { residualStandardErrors[j] = .nan }
        }
        return BatchTrendFit(degree: degree, periods: rows, coefficientMatrix: coefficientMatrix,
                             residualStandardErrors: residualStandardErrors, sharedFactor: map,
                             individualFits: individual, failures: failures)
    }
}
