import Testing
import OutturnNumerics
import _TestSupport

@Suite("Least squares")
struct LeastSquaresTests {
    @Test("an exact line is recovered with zero residuals")
    func exactLineHasZeroResiduals() throws {
        let x = (1...10).map(Double.init)
        let y = x.map { 3 - 0.5 * $0 }
        let fit = try LeastSquares.fit(design: Matrix(columnArrays: [Array(repeating: 1, count: 10), x]), response: y)
        #expect(isClose(fit.coefficients, [3, -0.5], relative: 1e-14))
        #expect(fit.residuals.allSatisfy { abs($0) < 1e-14 })
        #expect(fit.rank == 2 && fit.degreesOfFreedom == 8 && fit.aliasedColumns.isEmpty)
        #expect(isClose(fit.rSquared, 1, relative: 1e-15))
    }

    @Test("intervals at a new point match the simple-regression closed form")
    func intervalsMatchClosedForm() throws {
        // ŷ ± t·s·√(1/n + (x₀ − x̄)²/Sxx) and, for a new observation, √(1 + 1/n + …).
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
        let y: [Double] = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1]
        let fit = try LeastSquares.fit(design: Matrix(columnArrays: [Array(repeating: 1, count: 8), x]), response: y)
        let n = 8.0, mean = x.reduce(0, +) / n
        let sxx = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let s = try #require(fit.residualStandardError)
        let x0 = 10.0
        let prediction = fit.predict(at: [1, x0], level: 0.95)
        let t = StudentT.quantile(0.975, degreesOfFreedom: 6)
        let meanError = s * (1 / n + (x0 - mean) * (x0 - mean) / sxx).squareRoot()
        let newError = s * (1 + 1 / n + (x0 - mean) * (x0 - mean) / sxx).squareRoot()
        let expectedMean = fit.coefficients[0] + fit.coefficients[1] * x0
        #expect(isClose(prediction.mean, expectedMean, relative: 1e-14))
        let confidence = try #require(prediction.confidence)
        let interval = try #require(prediction.prediction)
        #expect(isClose(confidence.upperBound - expectedMean, t * meanError, relative: 1e-12))
        #expect(isClose(expectedMean - interval.lowerBound, t * newError, relative: 1e-12))
        // Slope standard error s/√Sxx.
        #expect(isClose(try #require(fit.standardErrors[1]), s / sxx.squareRoot(), relative: 1e-12))
    }

    @Test("a duplicated column is reported as aliased and the rest of the model still fits")
    func duplicateColumnIsAliased() throws {
        let x: [Double] = [1, 2, 3, 4, 5, 6]
        let y: [Double] = [1.1, 1.9, 3.2, 3.9, 5.1, 5.8]
        let design = Matrix(columnArrays: [Array(repeating: 1, count: 6), x, x.map { 2 * $0 }])
        let fit = try LeastSquares.fit(design: design, response: y)
        let reference = try LeastSquares.fit(design: Matrix(columnArrays: [Array(repeating: 1, count: 6), x]),
                                             response: y)
        #expect(fit.rank == 2)
        #expect(fit.aliasedColumns.count == 1)
        let aliased = try #require(fit.aliasedColumns.first)
        #expect(aliased == 1 || aliased == 2)
        #expect(fit.standardErrors[aliased] == nil)
        #expect(fit.coefficients[aliased] == 0)
        #expect(fit.degreesOfFreedom == 4)
        // Same fitted values and residual standard error as the model without the copy.
        #expect(isClose(fit.residuals, reference.residuals, relative: 1e-10, absolute: 1e-13))
        #expect(isClose(try #require(fit.residualStandardError), try #require(reference.residualStandardError),
                        relative: 1e-12))
        #expect(isClose(fit.predict(at: [1, 7, 14], level: 0.9).mean, reference.predict(at: [1, 7], level: 0.9).mean,
                        relative: 1e-12))
    }

    @Test("with as many coefficients as rows the fit is exact and standard errors are undefined, not NaN")
    func zeroDegreesOfFreedomLeavesUncertaintyUndefined() throws {
        let design = Matrix(rowArrays: [[1, 1], [1, 3]])
        let fit = try LeastSquares.fit(design: design, response: [2, 8])
        #expect(isClose(fit.coefficients, [-1, 3], relative: 1e-14))
        #expect(fit.degreesOfFreedom == 0)
        #expect(fit.residualStandardError == nil)
        #expect(fit.standardErrors.allSatisfy { $0 == nil })
        #expect(fit.covariance == nil)
        let prediction = fit.predict(at: [1, 2], level: 0.95)
        #expect(isClose(prediction.mean, 5, relative: 1e-14))
        #expect(prediction.confidence == nil && prediction.prediction == nil)
    }

    @Test("non-finite inputs are rejected with their position")
    func nonFiniteInputsAreRejected() {
        let design = Matrix(rowArrays: [[1, 1], [1, .nan], [1, 3]])
        do {
            _ = try LeastSquares.fit(design: design, response: [1, 2, 3])
            Issue.record("a NaN in the design was accepted")
        } catch let LeastSquaresError.nonFiniteDesign(row, column, value) {
            #expect(row == 1 && column == 1 && value.isNaN)
        } catch {
            Issue.record("unexpected error \(error)")
        }
        let good = Matrix(rowArrays: [[1, 1], [1, 2], [1, 3]])
        #expect(throws: LeastSquaresError.nonFiniteResponse(row: 2, value: .infinity)) {
            try LeastSquares.fit(design: good, response: [1, 2, .infinity])
        }
        #expect(throws: LeastSquaresError.noObservations) {
            try LeastSquares.fit(design: Matrix(rows: 0, columns: 2), response: [])
        }
    }

    @Test("centred polynomial fit agrees with the raw-power fit on a well-conditioned problem")
    func polynomialFitMatchesRawDesign() throws {
        var generator = SeededGenerator(seed: 7)
        let x = (0..<30).map { _ in Double.random(in: -2...5, using: &generator) }
        let y = x.map { 1 + 0.5 * $0 - 0.25 * $0 * $0 + Double.random(in: -0.1...0.1, using: &generator) }
        let centred = try LeastSquares.fitPolynomial(x: x, response: y, degree: 2)
        let raw = try LeastSquares.fit(design: LeastSquares.polynomialDesign(x, degree: 2), response: y)
        #expect(isClose(centred.coefficients, raw.coefficients, relative: 1e-11), "seed 7")
        for j in 0..<3 {
            #expect(isClose(try #require(centred.standardErrors[j]), try #require(raw.standardErrors[j]),
                            relative: 1e-11), "seed 7, coefficient \(j)")
        }
        #expect(isClose(centred.rSquared, raw.rSquared, relative: 1e-13))
    }
}
