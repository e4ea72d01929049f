/// The design X as iterative refinement sees it: products with it are formed in extended precision
/// from the data as given, never from a rounded copy.
enum RefinementDesign {
    /// Explicit columns (n×p), exact as given.
    case dense(Matrix)
    /// The powers t⁰, t¹, …, t^degree of one predictor centred and scaled, t = (x − centre)/halfRange,
    /// with t and its powers evaluated in extended precision (so that the design is exactly the
    /// raw polynomial design times an upper triangular map; see ``LeastSquares/fitPolynomial(x:response:degree:refinement:)``).
    case centredPowers(x: [Double], centre: Double, halfRange: Double, degree: Int)

    /// p, the number of columns.
    var columns: Int {
        switch self {
        case let .dense(matrix): return matrix.columns
        case let .centredPowers(_, _, _, degree): return degree + 1
        }
    }

    /// t = (x − centre)/halfRange in `E`.
    static func centred<E: ExtendedReal>(_: E.Type, _ x: Double, centre: Double, inverseHalfRange: E) -> E {
        E(x).subtracting(E(centre)).multiplied(byExtended: inverseHalfRange)
    }

    /// f = b − r − X·β (length n), accumulated in `E` and rounded once.
    func defect<E: ExtendedReal>(response b: [Double], residuals r: [Double], coefficients beta: [E]) -> [Double] {
        switch self {
        case let .dense(matrix):
            let n = b.count, x = matrix.elements // column-major, lda = n
            var sums = (0..<n).map { E(b[$0]).subtracting(E(r[$0])) }
            for j in 0..<matrix.columns {
                for i in 0..<n { sums[i] = sums[i].subtracting(beta[j].multiplied(by: x[i + j * n])) }
            }
            return sums.map(\.roundedToDouble)
        case let .centredPowers(x, centre, halfRange, degree):
            let inverse = E.reciprocal(of: halfRange)
            return (0..<b.count).map { i in
                let t = Self.centred(E.self, x[i], centre: centre, inverseHalfRange: inverse)
                var sum = E(b[i]).subtracting(E(r[i]))
                var power = E(1)
                for k in 0...degree {
                    sum = sum.subtracting(power.multiplied(byExtended: beta[k]))
                    power = power.multiplied(byExtended: t)
                }
                return sum.roundedToDouble
            }
        }
    }

    /// −Xᵀr (length p), kept in `E`.
    func negatedTransposeProduct<E: ExtendedReal>(_: E.Type, residuals r: [Double]) -> [E] {
        switch self {
        case let .dense(matrix):
            let n = r.count, x = matrix.elements // column-major, lda = n
            return (0..<matrix.columns).map { j in
                var sum = E(0)
                for i in 0..<n { sum = sum.subtracting(E(x[i + j * n]).multiplied(by: r[i])) }
                return sum
            }
        case let .centredPowers(x, centre, halfRange, degree):
            let inverse = E.reciprocal(of: halfRange)
            var sums = [E](repeating: E(0), count: degree + 1)
            for i in 0..<r.count {
                let t = Self.centred(E.self, x[i], centre: centre, inverseHalfRange: inverse)
                var power = E(r[i])
                for k in 0...degree {
                    sums[k] = sums[k].subtracting(power)
                    power = power.multiplied(byExtended: t)
                }
            }
            return sums
        }
    }
}

extension LeastSquares {
    /// The most refinement steps taken. Refinement stops sooner when a correction is within four ulps of
    /// the solution, or when a step no longer halves the correction.
    static let maximumRefinementSteps = 5

    /// Björck's iterative refinement of a least squares solution on the augmented system
    ///
    ///     [ I   X ] [ r ]   [ b ]
    ///     [ Xᵀ  0 ] [ β ] = [ 0 ],
    ///
    /// with the residuals of that system, f = b − r − X·β and g = −Xᵀr, accumulated in `E`, and each
    /// correction solved with the existing QR of X·M (Björck 1967; Higham, *Accuracy and Stability
    /// of Numerical Algorithms*, 2nd ed., §20.5). With X·M = Q·[R₁₁; 0] and β = M·z:
    /// R₁₁ᵀh = Mᵀg, d = Qᵀf, δz = R₁₁⁻¹(d₁ − h), δr = Q·[h; d₂], δβ = M·δz.
    /// Refining r with β is what makes the answer independent of how well r itself was stored: its
    /// rounding enters f and g equally and cancels in d₁ − h. β is accumulated in `E` (not rounded
    /// after each step), so that a caller mapping it on (the polynomial's change of basis, which
    /// cancels) can do so before the one final rounding.
    ///
    /// - Parameters:
    ///   - design: X (n×p), evaluated exactly as given.
    ///   - factorization: the QR of X·M (in its own coordinates: M maps them to β).
    ///   - map: M, p×rank.
    ///   - response: b, length n.
    ///   - coefficients: β (length p), refined in place.
    ///   - residuals: r (length n), refined in place.
    /// - Returns: the number of corrections applied (0 when the first was not finite).
    @discardableResult
    static func refine<E: ExtendedReal>(design: RefinementDesign, factorization qr: EquilibratedQR,
                                        map: Matrix, response: [Double], coefficients: inout [E],
                                        residuals: inout [Double]) throws -> Int {
        let p = design.columns, rank = qr.rank, n = response.count
        precondition(map.rows == p && map.columns == rank, "M must be \(p)×\(rank), got \(map.rows)×\(map.columns)")
        guard rank > 0 else { return 0 }
        let responseSize = maximumMagnitude(response)
        var previousChange = Double.infinity
        var applied = 0
        for _ in 0..<maximumRefinementSteps {
            let f = design.defect(response: response, residuals: residuals, coefficients: coefficients)
            let g = design.negatedTransposeProduct(E.self, residuals: residuals)
            var h = (0..<rank).map { i in
                var sum = E(0)
                for j in 0..<p where map[j, i] != 0 { sum = sum.adding(g[j].multiplied(by: map[j, i])) }
                return sum.roundedToDouble
            }
            try qr.solveR(&h, transpose: true)
            var d = f
            try qr.applyQUnblocked(&d, transpose: true)
            var dz = (0..<rank).map { d[$0] - h[$0] }
            try qr.solveR(&dz, transpose: false)
            var dr = d
            for i in 0..<rank { dr[i] = h[i] }
            try qr.applyQUnblocked(&dr, transpose: false)
            let dBeta = (0..<p).map { j in
                var sum = E(0)
                for i in 0..<rank where map[j, i] != 0 { sum = sum.adding(E(map[j, i]).multiplied(by: dz[i])) }
                return sum.roundedToDouble
            }
            guard dBeta.allSatisfy(\.isFinite) && dr.allSatisfy(\.isFinite) else { break }
            // The size of this correction relative to the solution (and, for r, to the data).
            let betaSize = maximumMagnitude(coefficients.map(\.roundedToDouble))
            let change = max(betaSize > 0 ? maximumMagnitude(dBeta) / betaSize : maximumMagnitude(dBeta),
                             responseSize > 0 ? maximumMagnitude(dr) / responseSize : maximumMagnitude(dr))
            if change > previousChange / 2 { break } // no gain: the previous step reached the limit
            for j in 0..<p { coefficients[j] = coefficients[j].adding(E(dBeta[j])) }
            for i in 0..<n { residuals[i] += dr[i] }
            applied += 1
            // A correction this small means the error it removed was too: the next would be smaller
            // still by the same factor (about κ·ε), far below one rounding.
            if change <= 4 * Double.ulpOfOne { break }
            previousChange = change
        }
        return applied
    }

    /// max |vᵢ| (0 for an empty array).
    static func maximumMagnitude(_ values: [Double]) -> Double {
        values.reduce(0) { max($0, abs($1)) }
    }
}
