import Testing
import OutturnNumerics
import _TestSupport

@Suite("LAPACK boundary")
struct LinearAlgebraTests {
    /// A random n×n matrix with entries in [−1, 1] plus n on the diagonal (well conditioned).
    static func randomMatrix(_ n: Int, using generator: inout SeededGenerator) -> Matrix {
        var a = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in 0..<n { a[i, j] = Double.random(in: -1...1, using: &generator) + (i == j ? Double(n) : 0) }
        }
        return a
    }

    @Test("A·solve(A, b) ≈ b for seeded random systems of sizes 0…8")
    func solveReproducesRightHandSide() throws {
        for seed in UInt64(1)...20 {
            var generator = SeededGenerator(seed: seed)
            for n in 0...8 {
                let a = Self.randomMatrix(n, using: &generator)
                let b = (0..<n).map { _ in Double.random(in: -10...10, using: &generator) }
                let x = try a.solve(b)
                let back = a.multiplied(by: x)
                #expect(isClose(back, b, relative: 1e-12, absolute: 1e-12), "seed \(seed), size \(n)")
            }
        }
    }

    @Test("a singular system throws singular from dgesv with the pivot")
    func singularSystemThrows() {
        let a = Matrix(rowArrays: [[1, 2], [2, 4]])
        #expect(throws: LinearAlgebraError.singular(routine: .dgesv, pivot: 2)) { try a.solve([1, 1]) }
    }

    @Test("Cholesky factor is lower triangular and reproduces A, seeded sizes 0…8")
    func choleskyReproducesMatrix() throws {
        for seed in UInt64(1)...10 {
            var generator = SeededGenerator(seed: seed)
            for n in 0...8 {
                let b = Self.randomMatrix(n, using: &generator)
                let a = b.multiplied(by: b.transposed) // symmetric positive definite
                let l = try a.choleskyFactor()
                for j in 0..<n { for i in 0..<j { #expect(l[i, j] == 0, "seed \(seed), size \(n)") } }
                let back = l.multiplied(by: l.transposed)
                #expect(isClose(back.elements, a.elements, relative: 1e-12, absolute: 1e-12 * Double(n * n)),
                        "seed \(seed), size \(n)")
            }
        }
    }

    @Test("Cholesky of a known matrix gives the hand-computed factor")
    func choleskyKnownFactor() throws {
        // [[4, 2], [2, 5]] = L·Lᵀ with L = [[2, 0], [1, 2]].
        let l = try Matrix(rowArrays: [[4, 2], [2, 5]]).choleskyFactor()
        #expect(isClose(l.elements, [2, 1, 0, 2], relative: 1e-15))
    }

    @Test("an indefinite matrix is reported as not positive definite with the failing minor")
    func indefiniteMatrixThrows() {
        let a = Matrix(rowArrays: [[1, 2], [2, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(routine: .dpotrf, order: 2)) {
            try a.choleskyFactor()
        }
    }
}
