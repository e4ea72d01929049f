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

    @Test("every series matches its own single-series fit, across several cache blocks",
          arguments: [1, 2])
    func matchesSingleSeriesFits(degree: Int) throws {
        let seed: UInt64 = 11
        let y = Self.randomSeries(periods: 12, count: 300, seed: seed)
        let batch = try BatchTrend.fit(y, degree: degree, blockColumns: 64) // 4 full blocks and a remainder
        #expect(batch.failures.isEmpty && batch.seriesWithMissingValues.isEmpty)
        let means = batch.forecastMeans(horizon: 3)
        for j in 0..<300 {
            let single = try Trend.polynomial(degree: degree).fit(y.column(j))
            let coefficients = try #require(batch.coefficients(ofSeries: j))
            #expect(isClose(coefficients, single.coefficients, relative: 1e-9, absolute: 1e-9),
                    "seed \(seed), series \(j)")
            #expect(isClose(try #require(batch.residualStandardError(ofSeries: j)),
                            try #require(single.residualStandardError), relative: 1e-9), "seed \(seed), series \(j)")
            let expected = single.forecast(horizon: 3, level: 0.9)
            let actual = try #require(batch.forecast(ofSeries: j, horizon: 3, level: 0.9))
            for step in 0..<3 {
                #expect(isClose(means[step, j], expected[step].median, relative: 1e-9, absolute: 1e-9))
                #expect(isClose(actual[step].median, expected[step].median, relative: 1e-9, absolute: 1e-9))
                let a = try #require(actual[step].interval), e = try #require(expected[step].interval)
                #expect(isClose(a.lowerBound, e.lowerBound, relative: 1e-9, absolute: 1e-9), "seed \(seed), series \(j)")
                #expect(isClose(a.upperBound, e.upperBound, relative: 1e-9, absolute: 1e-9), "seed \(seed), series \(j)")
            }
        }
    }

    @Test("exact lines give their coefficients and zero residual error")
    func exactLinesHaveZeroResiduals() throws {
        func slope(_ j: Int) -> Double { -0.5 * Double(j % 7) }
        var y = Matrix(rows: 36, columns: 50)
        for j in 0..<50 {
            for t in 0..<36 { y[t, j] = Double(j) + slope(j) * Double(t + 1) }
        }
        let batch = try BatchTrend.fit(y, blockColumns: 16)
        for j in 0..<50 {
            let expected: [Double] = [Double(j), slope(j)]
            let actual = try #require(batch.coefficients(ofSeries: j))
            #expect(isClose(actual, expected, relative: 1e-12, absolute: 1e-12), "series \(j)")
            #expect(try #require(batch.residualStandardError(ofSeries: j)) < 1e-12, "series \(j)")
        }
    }

    @Test("series with missing values are fitted on their observed periods; unfittable ones are reported")
    func missingValuesTakeTheIndividualPath() throws {
        var y = Self.randomSeries(periods: 10, count: 5, seed: 3)
        y[2, 1] = .nan; y[7, 1] = .nan
        for t in 0..<9 { y[t, 3] = .nan } // one observed value: too short for a line
        y[4, 4] = .infinity
        let batch = try BatchTrend.fit(y, blockColumns: 2)
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
        // Complete series are unaffected by their neighbours' gaps.
        let single = try Trend.linear.fit(y.column(0))
        #expect(isClose(try #require(batch.coefficients(ofSeries: 0)), single.coefficients, relative: 1e-10))
    }

    @Test("fewer periods than coefficients is an error")
    func tooFewPeriodsThrows() {
        #expect(throws: TrendError.tooShort(count: 2, needed: 3)) {
            try BatchTrend.fit(Matrix(rows: 2, columns: 4, repeating: 1), degree: 2)
        }
    }
}
