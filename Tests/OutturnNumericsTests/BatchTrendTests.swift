import Testing
import OutturnNumerics
import _TestSupport

@Suite("Batch trend")
struct BatchTrendTests {
    /// T×m random series (level, slope and noise drawn per series).
    static func randomSeries(periods: Int, count: Int, seed: UInt64) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        var y = Matrix(rows: periods, columns: count)
        for j in 0..<count {
            let level = Double.random(in: -100...1000, using: &generator)
            let slope = Double.random(in: -20...20, using: &generator)
            let noise = Double.random(in: 0.1...30, using: &generator)
            for t in 0..<periods {
                y[t, j] = level + slope * Double(t + 1) + noise * Double.random(in: -1...1, using: &generator)
            }
        }
        return y
    }

    /// Checks every series of `batch` against its own single-series ``DeterministicTrend`` fit (pivoted QR on its
    /// own design): coefficients to `relative` of the series' scale, residual standard errors to `relative`.
    static func expectMatchesSingleFits(_ batch: BatchTrendFit, _ y: Matrix, degree: Int, relative: Double,
                                        _ context: String) throws {
        for j in 0..<y.columns {
            let column = y.column(j)
            let single = try DeterministicTrend.polynomial(degree: degree).fit(column)
            let scale = column.map(abs).max() ?? 0
            let coefficients = try #require(batch.coefficients(ofSeries: j))
            #expect(isClose(coefficients, single.coefficients, relative: relative, absolute: relative * scale),
                    "\(context), series \(j)")
            #expect(isClose(batch.coefficientMatrix.column(j), single.coefficients, relative: relative,
                            absolute: relative * scale), "\(context), series \(j)")
            if let expected = single.residualStandardError {
                #expect(isClose(try #require(batch.residualStandardError(ofSeries: j)), expected, relative: relative),
                        "\(context), series \(j)")
                #expect(isClose(batch.residualStandardErrors[j], expected, relative: relative), "\(context), series \(j)")
            } else {
                #expect(batch.residualStandardError(ofSeries: j) == nil, "\(context), series \(j)")
            }
            #expect(batch.degreesOfFreedom(ofSeries: j) == single.regression.degreesOfFreedom, "\(context), series \(j)")
        }
    }

    @Test("every series matches its own single-series fit to 1e-12 (degrees 1–4: every kernel), for 1, 2 and 3 workers and odd m",
          arguments: [1, 2, 3, 4], [1, 2, 3])
    func matchesSingleSeriesFits(degree: Int, workers: Int) throws {
        let seed: UInt64 = 11
        let y = Self.randomSeries(periods: 12, count: 301, seed: seed) // 301: not a multiple of workers or SIMD width
        let batch = try BatchTrend.fit(y, degree: degree, workers: workers)
        #expect(batch.failures.isEmpty && batch.seriesWithMissingValues.isEmpty)
        try Self.expectMatchesSingleFits(batch, y, degree: degree, relative: 1e-12,
                                         "seed \(seed), degree \(degree), workers \(workers)")
    }

    @Test("forecast means and intervals match the single-series forecasts", arguments: [1, 2])
    func forecastsMatchSingleSeriesForecasts(degree: Int) throws {
        let seed: UInt64 = 12
        let y = Self.randomSeries(periods: 12, count: 40, seed: seed)
        let batch = try BatchTrend.fit(y, degree: degree, workers: 2)
        let means = batch.forecastMeans(horizon: 3)
        for j in 0..<40 {
            let expected = try DeterministicTrend.polynomial(degree: degree).fit(y.column(j)).forecast(horizon: 3, level: 0.9)
            let actual = try #require(batch.forecast(ofSeries: j, horizon: 3, level: 0.9))
            for step in 0..<3 {
                #expect(isClose(means[step, j], expected[step].median, relative: 1e-10, absolute: 1e-9))
                #expect(isClose(actual[step].median, expected[step].median, relative: 1e-10, absolute: 1e-9))
                let a = try #require(actual[step].interval), e = try #require(expected[step].interval)
                #expect(isClose(a.lowerBound, e.lowerBound, relative: 1e-10, absolute: 1e-9), "seed \(seed), series \(j)")
                #expect(isClose(a.upperBound, e.upperBound, relative: 1e-10, absolute: 1e-9), "seed \(seed), series \(j)")
            }
        }
    }

    @Test("results are bit-for-bit the same for every worker count")
    func workerCountDoesNotChangeResults() throws {
        let y = Self.randomSeries(periods: 36, count: 1001, seed: 21)
        for degree in [1, 2, 4] { // the line, quadratic and general kernels
            let reference = try BatchTrend.fit(y, degree: degree, workers: 1)
            for workers in [2, 3, 7] {
                let other = try BatchTrend.fit(y, degree: degree, workers: workers)
                // Exact equality on purpose: each series must see the same arithmetic whoever computes it.
                #expect(other.coefficientMatrix == reference.coefficientMatrix, "degree \(degree), workers \(workers)")
                #expect(other.residualStandardErrors == reference.residualStandardErrors,
                        "degree \(degree), workers \(workers)")
            }
        }
    }

    @Test("period counts that are not a multiple of 4 use the scalar tail correctly",
          arguments: [5, 7, 13, 37])
    func oddPeriodCounts(periods: Int) throws {
        let y = Self.randomSeries(periods: periods, count: 23, seed: UInt64(100 + periods))
        for degree in [1, 2] {
            let batch = try BatchTrend.fit(y, degree: degree, workers: 2)
            try Self.expectMatchesSingleFits(batch, y, degree: degree, relative: 1e-12,
                                             "T \(periods), degree \(degree)")
        }
    }

    @Test("three periods: one residual degree of freedom, s = |y₁ − 2y₂ + y₃| / √6 in closed form")
    func threePeriodsClosedForm() throws {
        let y = Self.randomSeries(periods: 3, count: 17, seed: 5)
        let batch = try BatchTrend.fit(y, workers: 3)
        for j in 0..<17 {
            let (y1, y2, y3) = (y[0, j], y[1, j], y[2, j])
            // Line through three equally spaced points: slope (y₃ − y₁)/2, passes through (2, ȳ).
            let slope = (y3 - y1) / 2, mean = (y1 + y2 + y3) / 3
            let scale = max(abs(y1), abs(y2), abs(y3))
            #expect(isClose(try #require(batch.coefficients(ofSeries: j)), [mean - 2 * slope, slope],
                            relative: 1e-12, absolute: 1e-12 * scale), "series \(j)")
            #expect(isClose(try #require(batch.residualStandardError(ofSeries: j)),
                            abs(y1 - 2 * y2 + y3) / 6.0.squareRoot(), relative: 1e-11, absolute: 1e-13 * scale),
                    "series \(j)")
            #expect(batch.degreesOfFreedom(ofSeries: j) == 1)
        }
        // A quadratic through three points fits exactly and has no residual error to report.
        let exact = try BatchTrend.fit(y, degree: 2, workers: 2)
        #expect(exact.residualStandardError(ofSeries: 0) == nil)
        #expect(exact.residualStandardErrors.allSatisfy { $0.isNaN })
        #expect(exact.degreesOfFreedom(ofSeries: 0) == 0)
        try Self.expectMatchesSingleFits(exact, y, degree: 2, relative: 1e-10, "T 3, degree 2")
    }

    @Test("exact lines give their coefficients and zero residual error")
    func exactLinesHaveZeroResiduals() throws {
        func slope(_ j: Int) -> Double { -0.5 * Double(j % 7) }
        var y = Matrix(rows: 36, columns: 50)
        for j in 0..<50 {
            for t in 0..<36 { y[t, j] = Double(j) + slope(j) * Double(t + 1) }
        }
        let batch = try BatchTrend.fit(y, workers: 3)
        for j in 0..<50 {
            let expected: [Double] = [Double(j), slope(j)]
            let actual = try #require(batch.coefficients(ofSeries: j))
            #expect(isClose(actual, expected, relative: 1e-12, absolute: 1e-12), "series \(j)")
            #expect(try #require(batch.residualStandardError(ofSeries: j)) < 1e-12, "series \(j)")
        }
    }

    @Test("series with missing values are fitted on their observed periods; unfittable ones are reported",
          arguments: [1, 2, 3])
    func missingValuesTakeTheIndividualPath(workers: Int) throws {
        var y = Self.randomSeries(periods: 10, count: 5, seed: 3)
        y[2, 1] = .nan; y[7, 1] = .nan
        for t in 0..<9 { y[t, 3] = .nan } // one observed value: too short for a line
        y[4, 4] = .infinity
        let batch = try BatchTrend.fit(y, workers: workers)
        #expect(batch.seriesWithMissingValues == [1])
        #expect(batch.failures[3] == .tooShort(count: 1, needed: 2))
        #expect(batch.failures[4] == .nonFiniteValue(index: 4))
        #expect(batch.coefficients(ofSeries: 3) == nil)
        #expect(batch.forecast(ofSeries: 4, horizon: 1, level: 0.9) == nil)

        let observed = (0..<10).filter { $0 != 2 && $0 != 7 }
        let design = Matrix(columnArrays: [Array(repeating: 1, count: 8), observed.map { Double($0 + 1) }])
        let reference = try LeastSquares.fit(design: design, response: observed.map { y[$0, 1] })
        #expect(isClose(try #require(batch.coefficients(ofSeries: 1)), reference.coefficients, relative: 1e-10))
        #expect(batch.degreesOfFreedom(ofSeries: 1) == 6)
        #expect(isClose(try #require(batch.residualStandardError(ofSeries: 1)),
                        try #require(reference.residualStandardError), relative: 1e-10))
        // The bulk outputs carry the individual fit, and NaN for the failed series.
        #expect(isClose(batch.coefficientMatrix.column(1), reference.coefficients, relative: 1e-10))
        #expect(isClose(batch.residualStandardErrors[1], try #require(reference.residualStandardError), relative: 1e-10))
        #expect(batch.coefficientMatrix.column(3).allSatisfy { $0.isNaN })
        #expect(batch.residualStandardErrors[4].isNaN)
        #expect(batch.forecastMeans(horizon: 1)[0, 3].isNaN)
        // Complete series are unaffected by their neighbours' gaps.
        let single = try DeterministicTrend.linear.fit(y.column(0))
        #expect(isClose(try #require(batch.coefficients(ofSeries: 0)), single.coefficients, relative: 1e-10))
    }

    @Test("two periods: the line through both points, with no residual error to report")
    func twoPeriodsLine() throws {
        let y = Self.randomSeries(periods: 2, count: 9, seed: 8)
        let batch = try BatchTrend.fit(y, workers: 2)
        for j in 0..<9 {
            let scale = max(abs(y[0, j]), abs(y[1, j]))
            #expect(isClose(try #require(batch.coefficients(ofSeries: j)), [2 * y[0, j] - y[1, j], y[1, j] - y[0, j]],
                            relative: 1e-12, absolute: 1e-12 * scale), "series \(j)")
            #expect(batch.residualStandardError(ofSeries: j) == nil && batch.degreesOfFreedom(ofSeries: j) == 0)
        }
    }

    @Test("no series, and fewer series than workers, are handled", arguments: [1, 2])
    func fewerSeriesThanWorkers(degree: Int) throws {
        let empty = try BatchTrend.fit(Matrix(rows: 8, columns: 0), degree: degree, workers: 4)
        #expect(empty.seriesCount == 0 && empty.residualStandardErrors.isEmpty && empty.failures.isEmpty)
        let y = Self.randomSeries(periods: 8, count: 2, seed: 9)
        let batch = try BatchTrend.fit(y, degree: degree, workers: 5)
        try Self.expectMatchesSingleFits(batch, y, degree: degree, relative: 1e-12, "m 2, workers 5")
    }

    @Test("fewer periods than coefficients is an error")
    func tooFewPeriodsThrows() {
        #expect(throws: TrendError.tooShort(count: 2, needed: 3)) {
            try BatchTrend.fit(Matrix(rows: 2, columns: 4, repeating: 1), degree: 2)
        }
    }
}
