/// The polynomial design in centred, scaled periods u = (t − c)/h for t = 1…T (c the middle period,
/// h the half-range), and the exact map from its coefficients to the period scale.
struct CentredPolynomialBasis {
    /// T×(degree+1) design [1, u, u², …].
    let design: Matrix
    /// (degree+1)×(degree+1) upper-triangular map: period-scale coefficients = toPeriodScale · γ.
    let toPeriodScale: Matrix

    init(periods: Int, degree: Int) {
        let p = degree + 1
        let centre = Double(periods + 1) / 2
        let halfRange = periods > 1 ? Double(periods - 1) / 2 : 1
        let u = (1...max(periods, 1)).prefix(periods).map { (Double($0) - centre) / halfRange }
        design = LeastSquares.polynomialDesign(u, degree: degree)
        var transform = Matrix(rows: p, columns: p)
        for j in 0..<p {
            var inverseScale = 1.0
            for _ in 0..<j { inverseScale /= halfRange }
            var binomial = 1.0, shift = 1.0
            for k in stride(from: j, through: 0, by: -1) {
                transform[k, j] = binomial * shift * inverseScale
                binomial = binomial * Double(k) / Double(j - k + 1)
                shift *= -centre
            }
        }
        toPeriodScale = transform
    }
}
