import Dispatch

extension LAPACK {
    /// Fits many series that share one design with orthonormal columns, in one pass over memory.
    ///
    /// Shapes: Y is rows×columns (lda = rows, one series per column), Q is rows×parameters
    /// (lda = rows) with orthonormal columns spanning the design, M is parameters×parameters
    /// (lda = parameters). For each series y (rows doubles, loaded from memory once and then held
    /// in L1 cache) it computes γ = Qᵀy (one dot product per column of Q), the residuals
    /// e = y − Q·γ and their sum of squares in a second pass over the cached values, and writes
    /// β = M·γ (parameters×columns, lda = parameters) and s = √(Σe² · `residualScale`) (length columns).
    ///
    /// Residuals are formed explicitly (not as ‖y‖² − ‖γ‖², which cancels catastrophically when the
    /// fit is good). A NaN or infinity in a series makes its s non-finite, which is how callers find
    /// series that need individual treatment.
    ///
    /// Threads: the columns are split into `workers` contiguous chunks run by
    /// `DispatchQueue.concurrentPerform` (no BLAS is called inside). Every series is computed by
    /// exactly one worker with the same arithmetic in the same order, so the results do not depend
    /// on the number of workers. No allocation per series: the outputs are allocated once,
    /// uninitialised, and every element is written exactly once.
    static func fitOrthonormalBasis(series: [Double], rows: Int, columns: Int, basis: [Double], parameters: Int,
                                    coefficientMap: [Double], residualScale: Double, workers: Int)
        -> (coefficients: [Double], residualStandardErrors: [Double])
    {
        precondition(series.count == rows * columns, "Y must hold \(rows)×\(columns) elements, got \(series.count)")
        precondition(parameters >= 1 && basis.count == rows * parameters,
                     "Q must hold \(rows)×\(parameters) elements, got \(basis.count)")
        precondition(coefficientMap.count == parameters * parameters,
                     "M must hold \(parameters)×\(parameters) elements, got \(coefficientMap.count)")
        precondition(workers >= 1, "At least one worker is needed, got \(workers)")
        let workerCount = max(1, min(workers, columns))
        var errors: [Double] = []
        let coefficients = [Double](unsafeUninitializedCapacity: parameters * columns) { beta, betaCount in
            errors = [Double](unsafeUninitializedCapacity: columns) { s, sCount in
                series.withUnsafeBufferPointer { y in
                    basis.withUnsafeBufferPointer { q in
                        coefficientMap.withUnsafeBufferPointer { m in
                            let kernel = FusedKernel(y: y.baseAddress, q: q.baseAddress!, m: m.baseAddress!,
                                                     beta: beta.baseAddress, s: s.baseAddress, rows: rows,
                                                     parameters: parameters, residualScale: residualScale)
                            DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
                                let first = columns * worker / workerCount
                                let last = columns * (worker + 1) / workerCount
                                if parameters == 2 {
                                    kernel.fitLines(first..<last)
                                } else {
                                    kernel.fitPolynomials(first..<last)
                                }
                            }
                        }
                    }
                }
                sCount = columns
            }
            betaCount = parameters * columns
        }
        return (coefficients, errors)
    }
}

/// The per-series arithmetic of ``LAPACK/fitOrthonormalBasis(series:rows:columns:basis:parameters:coefficientMap:residualScale:workers:)``.
/// Workers write disjoint columns of the outputs, hence `@unchecked Sendable`.
private struct FusedKernel: @unchecked Sendable {
    let y: UnsafePointer<Double>?, q: UnsafePointer<Double>, m: UnsafePointer<Double>
    let beta: UnsafeMutablePointer<Double>?, s: UnsafeMutablePointer<Double>?
    let rows: Int, parameters: Int, residualScale: Double

    /// Loads four doubles starting at `pointer + offset`.
    @inline(__always)
    private func load4(_ pointer: UnsafePointer<Double>, _ offset: Int) -> SIMD4<Double> {
        UnsafeRawPointer(pointer + offset).loadUnaligned(as: SIMD4<Double>.self)
    }

    /// Straight lines (two basis columns): both dot products in one sweep, then the residual sweep.
    func fitLines(_ range: Range<Int>) {
        guard let y, let beta, let s else { return }
        let q0 = q, q1 = q + rows
        let vectorRows = rows & ~3
        let m00 = m[0], m10 = m[1], m01 = m[2], m11 = m[3]
        for j in range {
            let v = y + j * rows
            var a0 = SIMD4<Double>(), a1 = SIMD4<Double>()
            var t = 0
            while t < vectorRows {
                let value = load4(v, t)
                a0 += value * load4(q0, t)
                a1 += value * load4(q1, t)
                t += 4
            }
            var g0 = a0.sum(), g1 = a1.sum()
            while t < rows {
                g0 += v[t] * q0[t]
                g1 += v[t] * q1[t]
                t += 1
            }
            let b0 = SIMD4<Double>(repeating: g0), b1 = SIMD4<Double>(repeating: g1)
            var r = SIMD4<Double>()
            t = 0
            while t < vectorRows {
                let e = load4(v, t) - load4(q0, t) * b0 - load4(q1, t) * b1
                r += e * e
                t += 4
            }
            var rss = r.sum()
            while t < rows {
                let e = v[t] - q0[t] * g0 - q1[t] * g1
                rss += e * e
                t += 1
            }
            beta[2 * j] = m00 * g0 + m01 * g1
            beta[2 * j + 1] = m10 * g0 + m11 * g1
            s[j] = (rss * residualScale).squareRoot()
        }
    }

    /// Any number of basis columns: one dot product per column over the cached series (the first
    /// sweep brings it into L1), then the residual sweep. γ lives in one small buffer per worker.
    func fitPolynomials(_ range: Range<Int>) {
        guard let y, let beta, let s else { return }
        let p = parameters
        let vectorRows = rows & ~3
        withUnsafeTemporaryAllocation(of: Double.self, capacity: p) { gamma in
            for j in range {
                let v = y + j * rows
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
}
