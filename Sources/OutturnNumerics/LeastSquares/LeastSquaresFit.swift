/// The result of an ordinary least squares fit y ≈ X·β (see ``LeastSquares/fit(design:response:refinement:)``).
///
/// Rank deficiency follows R's `lm`: columns that are (numerically) linear combinations of earlier
/// pivoted columns are *aliased*; they are dropped from the model, listed in ``aliasedColumns``,
/// get coefficient 0 (the basic least squares solution) and no standard error (nil, R prints NA).
/// With zero residual degrees of freedom (n ≤ rank) the coefficients are still the least squares
/// solution but nothing about their uncertainty can be estimated: standard errors, the residual
/// standard error and intervals are nil rather than NaN.
public struct LeastSquaresFit: Sendable {
    /// Estimated coefficients, one per design column, in the design's column order; 0 for aliased columns.
    public let coefficients: [Double]
    /// Standard errors s·‖row j of R⁻¹‖ (never from inverting XᵀX); nil for aliased columns and for
    /// every column when ``degreesOfFreedom`` is 0.
    public let standardErrors: [Double?]
    /// Residuals y − X·β, one per observation (computed as Q·[0; (Qᵀy)ₜₐᵢₗ], free of cancellation).
    public let residuals: [Double]
    /// Residual sum of squares ‖y − Xβ‖²; +∞ (or 0) when it lies beyond `Double`'s range (residuals
    /// beyond about 1e154 or below 1e-154), while s, the standard errors and R² stay accurate.
    public let residualSumOfSquares: Double
    /// s = √(RSS / degreesOfFreedom); nil when there are no residual degrees of freedom.
    public let residualStandardError: Double?
    /// Coefficient of determination. With an intercept (a constant non-zero column) it is centred,
    /// 1 − RSS/Σ(y − ȳ)²; without one it is uncentred, 1 − RSS/Σy² (the NIST StRD and R convention).
    /// 1 when the total sum of squares is zero.
    public let rSquared: Double
    /// Residual degrees of freedom, n − rank.
    public let degreesOfFreedom: Int
    /// Numerical rank of the design (see ``LeastSquares/rankTolerance(rows:columns:)``).
    public let rank: Int
    /// Zero-based indices of aliased (dropped) columns, ascending; empty for a full-rank design.
    public let aliasedColumns: [Int]
    /// Whether the design had an intercept (a constant non-zero column), which decides the R² convention.
    public let hasIntercept: Bool
    /// Factor F (columns×rank) with Cov(β̂) = s²·F·Fᵀ; rows of aliased columns are zero.
    let covarianceFactor: Matrix

    /// A fit from the solution of the problem with the response divided by `responseScale` (a power
    /// of two, so the division and the products here are exact): coefficients, residuals and the
    /// residual sum of squares are those of the scaled problem and are scaled back here; s is taken
    /// from the scaled sum, so it stays accurate when the sum itself would overflow or underflow.
    init(coefficients: [Double], covarianceFactor: Matrix, residuals: [Double], residualSumOfSquares: Double,
         rSquared: Double, rank: Int, aliasedColumns: [Int], hasIntercept: Bool, responseScale: Double = 1) {
        self.coefficients = responseScale == 1 ? coefficients : coefficients.map { $0 * responseScale }
        self.covarianceFactor = covarianceFactor
        self.residuals = responseScale == 1 ? residuals : residuals.map { $0 * responseScale }
        self.residualSumOfSquares = residualSumOfSquares * responseScale * responseScale
        self.rSquared = rSquared
        self.rank = rank
        self.aliasedColumns = aliasedColumns
        self.hasIntercept = hasIntercept
        let df = residuals.count - rank
        self.degreesOfFreedom = df
        let s: Double? = df > 0 ? (residualSumOfSquares / Double(df)).squareRoot() * responseScale : nil
        self.residualStandardError = s
        let aliased = Set(aliasedColumns)
        self.standardErrors = (0..<coefficients.count).map { j in
            guard let s, !aliased.contains(j) else { return nil }
            var sum = 0.0
            for l in 0..<covarianceFactor.columns { sum += covarianceFactor[j, l] * covarianceFactor[j, l] }
            if sum < 0x1p-960 || sum > 0x1p960 { // squares near the ends of the range: norm by scaling
                return s * LeastSquares.euclideanNorm((0..<covarianceFactor.columns).map { covarianceFactor[j, $0] },
                                                      from: 0, count: covarianceFactor.columns)
            }
            return s * sum.squareRoot()
        }
    }

    /// t statistics β̂ⱼ / SE(β̂ⱼ); nil where the standard error is nil or zero.
    public var tValues: [Double?] {
        zip(coefficients, standardErrors).map { coefficient, error in
            guard let error, error > 0 else { return nil }
            return coefficient / error
        }
    }

    /// The estimated covariance matrix of the coefficients, s²·F·Fᵀ (columns×columns); nil without
    /// residual degrees of freedom. Rows and columns of aliased coefficients are zero.
    public var covariance: Matrix? {
        guard let s = residualStandardError else { return nil }
        var result = covarianceFactor.multiplied(by: covarianceFactor.transposed)
        for index in result.elements.indices { result.elements[index] *= s * s }
        return result
    }

    /// The mean response at a new point with Student-t confidence and prediction intervals.
    ///
    /// - Parameters:
    ///   - row: the new point's design row x₀ (same columns as the design, intercept included).
    ///     Aliased columns contribute nothing.
    ///   - level: two-sided level as a fraction in (0, 1), e.g. 0.95.
    /// - Returns: mean x₀ᵀβ̂; confidence interval mean ± t·s·‖Fᵀx₀‖; prediction interval
    ///   mean ± t·s·√(1 + ‖Fᵀx₀‖²), t the (1+level)/2 quantile with ``degreesOfFreedom``.
    /// - Precondition: `row.count == coefficients.count`, 0 < level < 1.
    public func predict(at row: [Double], level: Double) -> LeastSquaresPrediction {
        precondition(row.count == coefficients.count,
                     "Prediction row has \(row.count) values, the fit has \(coefficients.count) coefficients")
        precondition(level > 0 && level < 1, "Level must be in (0, 1), got \(level)")
        var mean = 0.0
        for j in row.indices { mean += coefficients[j] * row[j] }
        guard let s = residualStandardError else {
            return LeastSquaresPrediction(mean: mean, standardErrorOfMean: nil, confidence: nil, prediction: nil,
                                          level: level)
        }
        var leverage = 0.0
        for l in 0..<covarianceFactor.columns {
            var dot = 0.0
            for j in row.indices { dot += covarianceFactor[j, l] * row[j] }
            leverage += dot * dot
        }
        let t = StudentT.quantile(0.5 + level / 2, degreesOfFreedom: Double(degreesOfFreedom))
        let meanError = s * leverage.squareRoot()
        let newError = s * (1 + leverage).squareRoot()
        return LeastSquaresPrediction(mean: mean, standardErrorOfMean: meanError,
                                      confidence: (mean - t * meanError)...(mean + t * meanError),
                                      prediction: (mean - t * newError)...(mean + t * newError),
                                      level: level)
    }
}
