import Testing
import OutturnNumerics
import _TestSupport

/// Least squares near the ends of Double's range: scaling the response by a power of two is exact,
/// so the fit must scale exactly with it, and what cannot be represented must be refused.
@Suite("Least squares near the ends of the range")
struct LeastSquaresRangeTests {
    static let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
    static let y: [Double] = [1.2, 2.1, 2.8, 4.4, 4.9, 6.3, 6.8, 8.1]

    @Test("responses scaled by 2^±1000 give exactly scaled coefficients, residuals, s and standard errors, and the same R²",
          arguments: [1000, -1000])
    func powerOfTwoScalingIsExact(exponent: Int) throws {
        let factor = Double(sign: .plus, exponent: exponent, significand: 1)
        let design = Matrix(columnArrays: [Array(repeating: 1, count: Self.x.count), Self.x])
        let base = try LeastSquares.fit(design: design, response: Self.y)
        let scaled = try LeastSquares.fit(design: design, response: Self.y.map { $0 * factor })
        #expect(scaled.coefficients == base.coefficients.map { $0 * factor })
        #expect(scaled.residuals == base.residuals.map { $0 * factor })
        #expect(scaled.standardErrors == base.standardErrors.map { $0.map { $0 * factor } })
        #expect(scaled.residualStandardError == base.residualStandardError.map { $0 * factor })
        #expect(scaled.rSquared == base.rSquared)
        // RSS itself is beyond the range (its square root is not): +∞ above, 0 below, as IEEE rounds it.
        #expect(scaled.residualSumOfSquares == (exponent > 0 ? .infinity : 0))
        let polynomial = try LeastSquares.fitPolynomial(x: Self.x, response: Self.y.map { $0 * factor }, degree: 2)
        let basePolynomial = try LeastSquares.fitPolynomial(x: Self.x, response: Self.y, degree: 2)
        #expect(polynomial.coefficients == basePolynomial.coefficients.map { $0 * factor })
        #expect(polynomial.rSquared == basePolynomial.rSquared)
    }

    @Test("a predictor near 1e300 gives a slope near 1e-300 with a non-zero standard error")
    func hugePredictorKeepsStandardError() throws {
        let design = Matrix(columnArrays: [Array(repeating: 1, count: Self.x.count), Self.x.map { $0 * 1e300 }])
        let fit = try LeastSquares.fit(design: design, response: Self.y)
        let base = try LeastSquares.fit(design: Matrix(columnArrays: [Array(repeating: 1, count: Self.x.count), Self.x]),
                                        response: Self.y)
        #expect(isClose(fit.coefficients[1], base.coefficients[1] / 1e300, relative: 1e-13))
        let error = try #require(fit.standardErrors[1])
        #expect(isClose(error, try #require(base.standardErrors[1]) / 1e300, relative: 1e-13))
    }

    @Test("a coefficient beyond the range is refused, not returned as inf, NaN or a subnormal")
    func unrepresentableCoefficientThrows() throws {
        // x² coefficient ≈ 1e-600.
        #expect(throws: LeastSquaresError.self) {
            try LeastSquares.fitPolynomial(x: Self.x.map { $0 * 1e300 }, response: Self.y, degree: 2)
        }
        // Slope ≈ 1e300 / 1e-300.
        let design = Matrix(columnArrays: [Array(repeating: 1, count: Self.x.count), Self.x.map { $0 * 1e-300 }])
        #expect(throws: LeastSquaresError.resultOutOfRange(column: 1)) {
            try LeastSquares.fit(design: design, response: Self.y.map { $0 * 1e300 })
        }
    }
}
