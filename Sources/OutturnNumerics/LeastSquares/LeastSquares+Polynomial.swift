extension LeastSquares {
    /// Fits the polynomial y ≈ β₀ + β₁x + … + β_d·x^d (with intercept) by least squares, returning
    /// coefficients and standard errors in the ORIGINAL x scale.
    ///
    /// Raw powers of x make a badly conditioned design (NIST Filip, degree 10: condition ~1e15).
    /// The fit is therefore made on t = (x − c)/h, c the midpoint and h the half-range of x, whose
    /// powers are far better conditioned; the result is mapped back exactly by the binomial expansion
    /// x^k-coefficients β = T·γ, T[k][j] = C(j,k)·(−c)^(j−k)/h^j (j ≥ k), and the covariance factor
    /// likewise (Cov β̂ = T·Cov γ̂·Tᵀ). Residuals, R² and degrees of freedom do not depend on the basis.
    ///
    /// - Parameters:
    ///   - x: the predictor, length n.
    ///   - response: y, length n.
    ///   - degree: d ≥ 0.
    ///   - refinement: how to finish the solution; by default refined in extended precision against
    ///     the raw powers of x (see ``Refinement``).
    /// - Throws: ``LeastSquaresError`` for no observations, a non-finite value, or a result beyond
    ///   `Double`'s range.
    /// - Precondition: `x.count == response.count`, `degree >= 0`.
    public static func fitPolynomial(x: [Double], response: [Double], degree: Int,
                                     refinement: Refinement = .extendedPrecision) throws -> LeastSquaresFit {
        try fitPolynomial(x: x, response: response, degree: degree, refinement: refinement,
                          extended: PlatformExtended.self)
    }

    /// ``fitPolynomial(x:response:degree:refinement:)`` with refinement accumulated in `E`.
    static func fitPolynomial<E: ExtendedReal>(x: [Double], response: [Double], degree: Int,
                                               refinement: Refinement, extended: E.Type) throws -> LeastSquaresFit {
        precondition(x.count == response.count, "x has \(x.count) values, response \(response.count)")
        precondition(degree >= 0, "Polynomial degree must be non-negative, got \(degree)")
        for (i, value) in x.enumerated() where !value.isFinite {
            throw LeastSquaresError.nonFiniteDesign(row: i, column: 1, value: value)
        }
        let p = degree + 1
        let low = x.min() ?? 0, high = x.max() ?? 0
        let centre = low / 2 + high / 2 // halves first: no overflow near the ends of the range
        let halfRange = high > low ? high / 2 - low / 2 : 1
        let t = x.map { ($0 - centre) / halfRange }
        let design = polynomialDesign(t, degree: degree)
        try validate(design: design, response: response)
        let qr = try EquilibratedQR(design)
        let scale = responseScale(response)
        let scaled = scale == 1 ? response : response.map { $0 / scale }
        let centredSolution = try solve(qr, response: scaled)
        let centredFactor = try qr.covarianceFactor()

        // T (p × p, upper triangular): raw coefficient k from centred-scaled coefficient j ≥ k.
        var transform = Matrix(rows: p, columns: p)
        for j in 0..<p {
            let inverseScale = pow(1 / halfRange, j)
            var binomial = 1.0 // C(j, k), built as k runs down from j
            var shift = 1.0 // (−c)^(j−k)
            for k in stride(from: j, through: 0, by: -1) {
                transform[k, j] = binomial * shift * inverseScale
                binomial = binomial * Double(k) / Double(j - k + 1)
                shift *= -centre
            }
        }
        var coefficients = transform.multiplied(by: centredSolution.coefficients)
        var residuals = centredSolution.residuals
        var residualSumOfSquares = centredSolution.residualSumOfSquares
        if refinement == .extendedPrecision {
            // Refine γ against the centred powers evaluated exactly (in E), keeping γ in E, then map
            // β = T·γ in E with one final rounding: T cancels (Wampler5's intercept is an alternating
            // sum of terms 10⁷ times larger), which in doubles alone would cost those digits again.
            // Refining in the raw powers instead would not converge on Filip (condition ~1e15).
            var gamma = centredSolution.coefficients.map { E($0) }
            let applied = try refine(design: .centredPowers(x: x, centre: centre, halfRange: halfRange, degree: degree),
                                     factorization: qr, map: qr.coordinateMap, response: scaled,
                                     coefficients: &gamma, residuals: &residuals)
            if applied > 0 {
                coefficients = extendedTransform(E.self, centre: centre, halfRange: halfRange, degree: degree,
                                                 gamma: gamma)
                residualSumOfSquares = sumOfSquares(residuals)
            }
        }
        let factor = transform.multiplied(by: centredFactor)
        return try checkedRange(
            LeastSquaresFit(coefficients: coefficients, covarianceFactor: factor, residuals: residuals,
                            residualSumOfSquares: residualSumOfSquares,
                            rSquared: rSquared(response: scaled, residualSumOfSquares: residualSumOfSquares,
                                               centred: true),
                            rank: qr.rank, aliasedColumns: qr.aliasedColumns, hasIntercept: true,
                            responseScale: scale))
    }

    /// β = T·γ with T[k][j] = C(j,k)·(−c)^(j−k)/h^j (j ≥ k) formed and applied in `E`, rounded once.
    static func extendedTransform<E: ExtendedReal>(_: E.Type, centre: Double, halfRange: Double, degree: Int,
                                                   gamma: [E]) -> [Double] {
        let inverseScale = E.reciprocal(of: halfRange)
        var beta = [E](repeating: E(0), count: degree + 1)
        var scale = E(1) // h^−j
        for j in 0...degree {
            var binomial = 1.0 // C(j, k), an integer, exact for the degrees fitted here
            var shift = E(1) // (−c)^(j−k)
            for k in stride(from: j, through: 0, by: -1) {
                let entry = shift.multiplied(byExtended: scale).multiplied(by: binomial)
                beta[k] = beta[k].adding(entry.multiplied(byExtended: gamma[j]))
                binomial = binomial * Double(k) / Double(j - k + 1)
                shift = shift.multiplied(by: -centre)
            }
            scale = scale.multiplied(byExtended: inverseScale)
        }
        return beta.map(\.roundedToDouble)
    }

    /// The n×(degree+1) design [1, x, x², …] for the given points.
    package static func polynomialDesign(_ x: [Double], degree: Int) -> Matrix {
        precondition(degree >= 0, "Polynomial degree must be non-negative, got \(degree)")
        let n = x.count
        var design = Matrix(rows: n, columns: degree + 1)
        for i in 0..<n {
            var power = 1.0
            for k in 0...degree {
                design[i, k] = power
                power *= x[i]
            }
        }
        return design
    }
}

private func pow(_ base: Double, _ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<exponent { result *= base }
    return result
}
