import COpenBLAS

/// Level-3 and level-2 BLAS products on ``Matrix`` values.
extension Matrix {
    /// The product `self · other` (dgemm).
    ///
    /// `self` is m×k, `other` is k×n; the result is m×n. Empty shapes return a zero matrix
    /// without calling BLAS.
    /// - Precondition: `self.columns == other.rows`.
    public func multiplied(by other: Matrix) -> Matrix {
        precondition(columns == other.rows,
                     "Cannot multiply \(rows)×\(columns) by \(other.rows)×\(other.columns)")
        return Matrix.gemm(self, transposeA: false, other, transposeB: false)
    }

    /// The product `selfᵀ · other` (dgemm with the first operand transposed).
    ///
    /// `self` is k×m, `other` is k×n; the result is m×n.
    /// - Precondition: `self.rows == other.rows`.
    public func transposeMultiplied(by other: Matrix) -> Matrix {
        precondition(rows == other.rows,
                     "Cannot multiply transpose of \(rows)×\(columns) by \(other.rows)×\(other.columns)")
        return Matrix.gemm(self, transposeA: true, other, transposeB: false)
    }

    /// The product `self · v` (dgemv) for a vector `v` of length `columns`; the result has length `rows`.
    public func multiplied(by vector: [Double]) -> [Double] {
        precondition(columns == vector.count,
                     "Cannot multiply \(rows)×\(columns) matrix by vector of length \(vector.count)")
        var result = [Double](repeating: 0, count: rows)
        if rows == 0 || columns == 0 { return result }
        elements.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { x in
                result.withUnsafeMutableBufferPointer { y in
                    cblas_dgemv(CblasColMajor, CblasNoTrans, blasint(rows), blasint(columns), 1.0,
                                a.baseAddress, blasint(rows), x.baseAddress, 1, 0.0, y.baseAddress, 1)
                }
            }
        }
        return result
    }

    /// General product with optional transposes: op(A) is m×k, op(B) is k×n, result m×n.
    static func gemm(_ a: Matrix, transposeA: Bool, _ b: Matrix, transposeB: Bool) -> Matrix {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let n = transposeB ? b.rows : b.columns
        var c = Matrix(rows: m, columns: n)
        if m == 0 || n == 0 || k == 0 { return c }
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                c.elements.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(CblasColMajor,
                                transposeA ? CblasTrans : CblasNoTrans,
                                transposeB ? CblasTrans : CblasNoTrans,
                                blasint(m), blasint(n), blasint(k), 1.0,
                                pa.baseAddress, blasint(max(1, a.rows)),
                                pb.baseAddress, blasint(max(1, b.rows)),
                                0.0, pc.baseAddress, blasint(max(1, m)))
                }
            }
        }
        return c
    }
}
