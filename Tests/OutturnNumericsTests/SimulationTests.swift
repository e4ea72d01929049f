import Testing
import OutturnNumerics
import _TestSupport

@Suite("Simulation")
struct SimulationTests {
    @Test("xoshiro256** reproduces the reference implementation's outputs from state (1, 2, 3, 4)")
    func xoshiroMatchesReferenceVector() {
        // First two by hand from the published algorithm (rotl(2·5, 7)·9 = 11520, then s1 = 0);
        // the rest from an independent Python transcription of prng.di.unimi.it/xoshiro256starstar.c.
        var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let outputs = (0..<5).map { _ in generator.next() }
        #expect(outputs == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360])
    }

    @Test("the same seed gives the same stream and different seeds differ")
    func seedsAreReproducible() {
        var a = Xoshiro256StarStar(seed: 42), b = Xoshiro256StarStar(seed: 42), c = Xoshiro256StarStar(seed: 43)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
    }

    @Test("standard normal draws have mean 0, variance 1 and normal tail frequencies")
    func normalDrawsHaveTheRightMoments() {
        var generator = Xoshiro256StarStar(seed: 2024)
        let n = 200_000
        var sum = 0.0, sumSquares = 0.0, beyond = 0
        for _ in 0..<n {
            let z = generator.nextStandardNormal()
            sum += z; sumSquares += z * z
            if abs(z) > 1.959963984540054 { beyond += 1 }
        }
        let mean = sum / Double(n)
        let variance = sumSquares / Double(n) - mean * mean
        // Five standard errors: mean 1/√n, variance √(2/n), a 5% tail count √(n·0.05·0.95).
        #expect(abs(mean) < 5 / Double(n).squareRoot(), "seed 2024: mean \(mean)")
        #expect(abs(variance - 1) < 5 * (2 / Double(n)).squareRoot(), "seed 2024: variance \(variance)")
        #expect(abs(Double(beyond) - 0.05 * Double(n)) < 5 * (Double(n) * 0.05 * 0.95).squareRoot(),
                "seed 2024: \(beyond) beyond ±1.96")
    }

    @Test("sample mean and covariance of 200k draws match within sampling error")
    func drawsMatchMeanAndCovariance() throws {
        let covariance = Matrix(rowArrays: [[4, 1.2, -0.6], [1.2, 1, -0.1], [-0.6, -0.1, 0.25]])
        let mean = [10.0, -2, 0.5]
        let distribution = try MultivariateNormal(mean: mean, covariance: covariance)
        let n = 200_000
        let x = distribution.draws(count: n, seed: 7)
        #expect(x.rows == n && x.columns == 3)
        var centred = x
        var sampleMean = [Double](repeating: 0, count: 3)
        for j in 0..<3 {
            sampleMean[j] = x.column(j).reduce(0, +) / Double(n)
            for i in 0..<n { centred[i, j] -= sampleMean[j] }
        }
        let sample = centred.transposeMultiplied(by: centred)
        for i in 0..<3 {
            #expect(abs(sampleMean[i] - mean[i]) < 5 * (covariance[i, i] / Double(n)).squareRoot(),
                    "seed 7: mean \(i)")
            for j in 0..<3 {
                let estimate = sample[i, j] / Double(n - 1)
                // Var of a sample covariance ≈ (σᵢᵢσⱼⱼ + σᵢⱼ²)/n.
                let standardError = ((covariance[i, i] * covariance[j, j] + covariance[i, j] * covariance[i, j])
                    / Double(n)).squareRoot()
                #expect(abs(estimate - covariance[i, j]) < 5 * standardError, "seed 7: covariance (\(i), \(j))")
            }
        }
    }

    @Test("the same seed gives an identical draw matrix")
    func drawsAreDeterministic() throws {
        let distribution = try MultivariateNormal(mean: [0, 1], covariance: Matrix(rowArrays: [[1, 0.5], [0.5, 2]]))
        #expect(distribution.draws(count: 1000, seed: 99) == distribution.draws(count: 1000, seed: 99))
        #expect(distribution.draws(count: 1000, seed: 99) != distribution.draws(count: 1000, seed: 100))
    }

    @Test("a covariance that is not positive definite is a typed error")
    func notPositiveDefiniteCovarianceThrows() {
        // Perfectly correlated: singular.
        #expect(throws: SimulationError.covarianceNotPositiveDefinite(order: 2)) {
            try MultivariateNormal(mean: [0, 0], covariance: Matrix(rowArrays: [[1, 1], [1, 1]]))
        }
        #expect(throws: SimulationError.covarianceNotPositiveDefinite(order: 1)) {
            try MultivariateNormal(mean: [0], covariance: Matrix(rowArrays: [[-1]]))
        }
        #expect(throws: SimulationError.covarianceNotSymmetric(row: 1, column: 0)) {
            try MultivariateNormal(mean: [0, 0], covariance: Matrix(rowArrays: [[1, 0.2], [0.3, 1]]))
        }
    }
}
