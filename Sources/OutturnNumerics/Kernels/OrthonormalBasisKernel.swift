/// Any number of basis columns: many series that share one design with orthonormal columns, each
/// read from memory once (``BatchTrend`` uses it from degree 3 up).
///
/// Shapes: Q is rows×parameters (lda = rows) with orthonormal columns spanning the design, M is
/// parameters×parameters (lda = parameters). For each series y (rows doubles, loaded from memory once
/// and then held in L1 cache) it computes γ = Qᵀy (one dot product per column of Q), the residuals
/// e = y − Q·γ and their sum of squares in a second pass over the cached values, and writes β = M·γ
/// and s = √(Σe² · residualScale).
///
/// Residuals are formed explicitly (not as ‖y‖² − ‖γ‖², which cancels catastrophically when the fit
/// is good). A NaN or infinity in a series makes its s non-finite, which is how callers find series
/// that need individual treatment (the same holds for the other kernels).
struct OrthonormalBasisKernel: BatchKernel {
    let parameters: Int
    /// Q, rows×parameters.
    let basis: [Double]
    /// M, parameters×parameters.
    let coefficientMap: [Double]
    let residualScale: Double

    init(rows: Int, basis: [Double], parameters: Int, coefficientMap: [Double], residualScale: Double) {
        precondition(parameters >= 1 && basis.count == rows * parameters,
                     "Q must hold \(rows)×\(parameters) elements, got \(basis.count)")
        precondition(coefficientMap.count == parameters * parameters,
                     "M must hold \(parameters)×\(parameters) elements, got \(coefficientMap.count)")
        self.parameters = parameters
        self.basis = basis
        self.coefficientMap = coefficientMap
        self.residualScale = residualScale
    }

    func fit(_ range: Range<Int>, series y: UnsafePointer<Double>, rows: Int, columns: Int,
             beta: UnsafeMutablePointer<Double>, s: UnsafeMutablePointer<Double>) {
        basis.withUnsafeBufferPointer { q in
            coefficientMap.withUnsafeBufferPointer { m in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: parameters) { gamma in
                    fit(range, y: y, q: q.baseAddress!, m: m.baseAddress!, gamma: gamma, rows: rows, columns: columns,
                        beta: beta, s: s)
                }
            }
        }
    }

    /// γ lives in one small buffer per worker.
    private func fit(_ range: Range<Int>, y: UnsafePointer<Double>, q: UnsafePointer<Double>, m: UnsafePointer<Double>,
                     gamma: UnsafeMutableBufferPointer<Double>, rows: Int, columns: Int,
                     beta: UnsafeMutablePointer<Double>, s: UnsafeMutablePointer<Double>) {
        let p = parameters
        let vectorRows = rows & ~3
        for j in range {
            let v = y + j * rows
            prefetch(y, from: j * rows * 8 + batchPrefetchDistance, bytes: rows * 8, total: rows * columns * 8)
            for k in 0..<p {
                let column = q + k * rows
                var a = SIMD4<Double>()
                var t = 0
                while t < vectorRows {
                    a += load4(v, t) * load4(column, t)
                    t += 4
                }
                var dot = a.sum()
                while t < rows {
                    dot += v[t] * column[t]
                    t += 1
                }
                gamma[k] = dot
            }
            var r = SIMD4<Double>()
            var t = 0
            while t < vectorRows {
                var e = load4(v, t)
                for k in 0..<p { e -= load4(q + k * rows, t) * SIMD4<Double>(repeating: gamma[k]) }
                r += e * e
                t += 4
            }
            var rss = r.sum()
            while t < rows {
                var e = v[t]
                for k in 0..<p { e -= q[t + k * rows] * gamma[k] }
                rss += e * e
                t += 1
            }
            for i in 0..<p {
                var value = 0.0
                for k in 0..<p { value += m[i + k * p] * gamma[k] }
                beta[i + j * p] = value
            }
            s[j] = (rss * residualScale).squareRoot()
        }
    }
}
