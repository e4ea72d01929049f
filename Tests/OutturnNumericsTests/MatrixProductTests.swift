import Testing
import OutturnNumerics
import _TestSupport

@Suite("Matrix products through BLAS")
struct MatrixProductTests {
    @Test("dgemm gives the hand-computed 2×3 · 3×2 product")
    func gemmMatchesHandProduct() {
        let a = Matrix(rowArrays: [[1, 2, 3], [4, 5, 6]])
        let b = Matrix(rowArrays: [[7, 8], [9, 10], [11, 12]])
        #expect(a.multiplied(by: b) == Matrix(rowArrays: [[58, 64], [139, 154]]))
        #expect(a.transposed.transposeMultiplied(by: b) == Matrix(rowArrays: [[58, 64], [139, 154]]))
    }

    @Test("empty shapes return zeros without calling BLAS")
    func emptyShapes() {
        let a = Matrix(rows: 3, columns: 0)
        let b = Matrix(rows: 0, columns: 2)
        #expect(a.multiplied(by: b) == Matrix(rows: 3, columns: 2))
        #expect(Matrix(rows: 0, columns: 0).multiplied(by: [Double]()) == [])
    }
}
