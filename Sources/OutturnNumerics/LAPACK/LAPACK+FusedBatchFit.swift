import COpenBLAS
import Dispatch

/// How far ahead of the series being fitted the kernels prefetch, in bytes (about ten 36-period series).
/// Measured on the 2-core development machine: without it a worker leaves memory idle while it computes
/// (1M × 36 lines took 1.7–2.6× a plain read on one core); 2–4 KiB ahead brought it to 1.1–1.4×.
private let prefetchDistance = 3072

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
                                                     columns: columns, parameters: parameters,
                                                     residualScale: residualScale)
                            DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
                                let first = columns * worker / workerCount
                                let last = columns * (worker + 1) / workerCount
                                kernel.fitPolynomials(first..<last)
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

/// Prefetches the cache lines of bytes `from ..< from + bytes` after `base`, those inside `0 ..< total`.
@inline(__always)
private func prefetch(_ base: UnsafePointer<Double>, from: Int, bytes: Int, total: Int) {
    let raw = UnsafeRawPointer(base)
    var offset = from
    let end = min(from + bytes, total)
    while offset < end {
        outturn_prefetch(raw + offset)
        offset += 64
    }
}

/// The per-series arithmetic of ``LAPACK/fitOrthonormalBasis(series:rows:columns:basis:parameters:coefficientMap:residualScale:workers:)``.
/// Workers write disjoint columns of the outputs, hence `@unchecked Sendable`.
private struct FusedKernel: @unchecked Sendable {
    let y: UnsafePointer<Double>?, q: UnsafePointer<Double>, m: UnsafePointer<Double>
    let beta: UnsafeMutablePointer<Double>?, s: UnsafeMutablePointer<Double>?
    let rows: Int, columns: Int, parameters: Int, residualScale: Double

    /// Loads four doubles starting at `pointer + offset`.
    @inline(__always)
    private func load4(_ pointer: UnsafePointer<Double>, _ offset: Int) -> SIMD4<Double> {
        UnsafeRawPointer(pointer + offset).loadUnaligned(as: SIMD4<Double>.self)
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
                prefetch(y, from: j * rows * 8 + prefetchDistance, bytes: rows * 8, total: rows * columns * 8)
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

extension LAPACK {
    /// Straight lines β₀ + β₁·t (t = 1…rows) through many series, in one pass over memory.
    ///
    /// Shapes: Y is rows×columns (lda = rows, one series per column); outputs β (2×columns, lda = 2)
    /// and s = √(Σe² · `residualScale`) (length columns). The basis is exact: the constant and the
    /// centred period u = t − (rows+1)/2 (half-integers, exactly representable), so the mean ȳ and
    /// the slope Σu·y / Σu² are each one sweep, and the residuals e = y − ȳ − slope·u are a second
    /// sweep over the cached series. Series are processed two at a time, interleaved, so that their
    /// independent add chains overlap; a series gets the same arithmetic whether paired or alone, so
    /// results do not depend on `workers` (see ``fitOrthonormalBasis(series:rows:columns:basis:parameters:coefficientMap:residualScale:workers:)``
    /// for the threading and output contract, which is the same).
    static func fitLines(series: [Double], rows: Int, columns: Int, residualScale: Double, workers: Int)
        -> (coefficients: [Double], residualStandardErrors: [Double])
    {
        precondition(series.count == rows * columns, "Y must hold \(rows)×\(columns) elements, got \(series.count)")
        precondition(rows >= 2, "A line needs at least 2 periods, got \(rows)")
        precondition(workers >= 1, "At least one worker is needed, got \(workers)")
        let workerCount = max(1, min(workers, columns))
        let centre = Double(rows + 1) / 2
        let centred = (0..<rows).map { Double($0 + 1) - centre }
        let sumOfSquares = centred.reduce(0) { $0 + $1 * $1 }
        var errors: [Double] = []
        let coefficients = [Double](unsafeUninitializedCapacity: 2 * columns) { beta, betaCount in
            errors = [Double](unsafeUninitializedCapacity: columns) { s, sCount in
                series.withUnsafeBufferPointer { y in
                    centred.withUnsafeBufferPointer { u in
                        let kernel = LineKernel(y: y.baseAddress, u: u.baseAddress!, beta: beta.baseAddress,
                                                s: s.baseAddress, rows: rows, columns: columns, centre: centre,
                                                inverseRows: 1 / Double(rows), inverseSumOfSquares: 1 / sumOfSquares,
                                                residualScale: residualScale)
                        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
                            kernel.fit(columns * worker / workerCount..<columns * (worker + 1) / workerCount)
                        }
                    }
                }
                sCount = columns
            }
            betaCount = 2 * columns
        }
        return (coefficients, errors)
    }
}

/// The per-series arithmetic of ``LAPACK/fitLines(series:rows:columns:residualScale:workers:)``.
/// Workers write disjoint columns of the outputs, hence `@unchecked Sendable`.
private struct LineKernel: @unchecked Sendable {
    let y: UnsafePointer<Double>?, u: UnsafePointer<Double>
    let beta: UnsafeMutablePointer<Double>?, s: UnsafeMutablePointer<Double>?
    let rows: Int, columns: Int, centre: Double, inverseRows: Double, inverseSumOfSquares: Double, residualScale: Double

    @inline(__always)
    private func load4(_ pointer: UnsafePointer<Double>, _ offset: Int) -> SIMD4<Double> {
        UnsafeRawPointer(pointer + offset).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inline(__always)
    private func store(_ j: Int, mean: Double, slope: Double, rss: Double) {
        beta![2 * j] = mean - slope * centre
        beta![2 * j + 1] = slope
        s![j] = (rss * residualScale).squareRoot()
    }

    func fit(_ range: Range<Int>) {
        guard let y, beta != nil, s != nil else { return }
        let vectorRows = rows & ~3
        var j = range.lowerBound
        // Two series at a time. Each series' operations are exactly those of the single-series
        // loop below, in the same order: pairing only interleaves independent work.
        while j + 1 < range.upperBound {
            let a = y + j * rows, b = a + rows
            prefetch(y, from: j * rows * 8 + prefetchDistance, bytes: 2 * rows * 8, total: rows * columns * 8)
            var sumA = SIMD4<Double>(), crossA = SIMD4<Double>(), sumB = SIMD4<Double>(), crossB = SIMD4<Double>()
            var t = 0
            while t < vectorRows {
                let time = load4(u, t), va = load4(a, t), vb = load4(b, t)
                sumA += va; crossA += va * time
                sumB += vb; crossB += vb * time
                t += 4
            }
            var sa = sumA.sum(), ca = crossA.sum(), sb = sumB.sum(), cb = crossB.sum()
            while t < rows {
                sa += a[t]; ca += a[t] * u[t]
                sb += b[t]; cb += b[t] * u[t]
                t += 1
            }
            let meanA = sa * inverseRows, slopeA = ca * inverseSumOfSquares
            let meanB = sb * inverseRows, slopeB = cb * inverseSumOfSquares
            let mA = SIMD4<Double>(repeating: meanA), kA = SIMD4<Double>(repeating: slopeA)
            let mB = SIMD4<Double>(repeating: meanB), kB = SIMD4<Double>(repeating: slopeB)
            var rA = SIMD4<Double>(), rB = SIMD4<Double>()
            t = 0
            while t < vectorRows {
                let time = load4(u, t)
                let eA = load4(a, t) - mA - kA * time, eB = load4(b, t) - mB - kB * time
                rA += eA * eA; rB += eB * eB
                t += 4
            }
            var ra = rA.sum(), rb = rB.sum()
            while t < rows {
                let eA = a[t] - meanA - slopeA * u[t], eB = b[t] - meanB - slopeB * u[t]
                ra += eA * eA; rb += eB * eB
                t += 1
            }
            store(j, mean: meanA, slope: slopeA, rss: ra)
            store(j + 1, mean: meanB, slope: slopeB, rss: rb)
            j += 2
        }
        if j < range.upperBound {
            let a = y + j * rows
            prefetch(y, from: j * rows * 8 + prefetchDistance, bytes: rows * 8, total: rows * columns * 8)
            var sumA = SIMD4<Double>(), crossA = SIMD4<Double>()
            var t = 0
            while t < vectorRows {
                let time = load4(u, t), va = load4(a, t)
                sumA += va; crossA += va * time
                t += 4
            }
            var sa = sumA.sum(), ca = crossA.sum()
            while t < rows {
                sa += a[t]; ca += a[t] * u[t]
                t += 1
            }
            let meanA = sa * inverseRows, slopeA = ca * inverseSumOfSquares
            let mA = SIMD4<Double>(repeating: meanA), kA = SIMD4<Double>(repeating: slopeA)
            var rA = SIMD4<Double>()
            t = 0
            while t < vectorRows {
                let eA = load4(a, t) - mA - kA * load4(u, t)
                rA += eA * eA
                t += 4
            }
            var ra = rA.sum()
            while t < rows {
                let eA = a[t] - meanA - slopeA * u[t]
                ra += eA * eA
                t += 1
            }
            store(j, mean: meanA, slope: slopeA, rss: ra)
        }
    }
}

extension LAPACK {
    /// Quadratics β₀ + β₁·t + β₂·t² (t = 1…rows) through many series, in one pass over memory.
    ///
    /// Same contract as ``fitLines(series:rows:columns:residualScale:workers:)`` with β 3×columns
    /// (lda = 3). The basis is {1, u, w}: u = t − t̄ exact (half-integers), w = u² − mean(u²), re-centred
    /// once more so that Σw = 0 to rounding; u ⊥ w exactly by symmetry. Each basis coefficient is one
    /// dot product in a single sweep, then one residual sweep; about a third fewer operations than the
    /// general kernel, which matters because quadratics are compute-bound on one core.
    static func fitQuadratics(series: [Double], rows: Int, columns: Int, residualScale: Double, workers: Int)
        -> (coefficients: [Double], residualStandardErrors: [Double])
    {
        precondition(series.count == rows * columns, "Y must hold \(rows)×\(columns) elements, got \(series.count)")
        precondition(rows >= 3, "A quadratic needs at least 3 periods, got \(rows)")
        precondition(workers >= 1, "At least one worker is needed, got \(workers)")
        let workerCount = max(1, min(workers, columns))
        let centre = Double(rows + 1) / 2
        let u = (0..<rows).map { Double($0 + 1) - centre }
        let squares = u.map { $0 * $0 }
        let shift = squares.reduce(0, +) / Double(rows)
        var w = squares.map { $0 - shift }
        let residualMean = w.reduce(0, +) / Double(rows)
        w = w.map { $0 - residualMean }
        let constant = shift + residualMean // w = u² − constant
        let sumU = u.reduce(0) { $0 + $1 * $1 }, sumW = w.reduce(0) { $0 + $1 * $1 }
        var errors: [Double] = []
        let coefficients = [Double](unsafeUninitializedCapacity: 3 * columns) { beta, betaCount in
            errors = [Double](unsafeUninitializedCapacity: columns) { s, sCount in
                series.withUnsafeBufferPointer { y in
                    u.withUnsafeBufferPointer { u in
                        w.withUnsafeBufferPointer { w in
                            let kernel = QuadraticKernel(
                                y: y.baseAddress, u: u.baseAddress!, w: w.baseAddress!, beta: beta.baseAddress,
                                s: s.baseAddress, rows: rows, columns: columns, centre: centre, constant: constant,
                                inverseRows: 1 / Double(rows), inverseSumU: 1 / sumU, inverseSumW: 1 / sumW,
                                residualScale: residualScale)
                            DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
                                kernel.fit(columns * worker / workerCount..<columns * (worker + 1) / workerCount)
                            }
                        }
                    }
                }
                sCount = columns
            }
            betaCount = 3 * columns
        }
        return (coefficients, errors)
    }
}

/// The per-series arithmetic of ``LAPACK/fitQuadratics(series:rows:columns:residualScale:workers:)``.
/// Workers write disjoint columns of the outputs, hence `@unchecked Sendable`.
private struct QuadraticKernel: @unchecked Sendable {
    let y: UnsafePointer<Double>?, u: UnsafePointer<Double>, w: UnsafePointer<Double>
    let beta: UnsafeMutablePointer<Double>?, s: UnsafeMutablePointer<Double>?
    let rows: Int, columns: Int, centre: Double, constant: Double
    let inverseRows: Double, inverseSumU: Double, inverseSumW: Double, residualScale: Double

    @inline(__always)
    private func load4(_ pointer: UnsafePointer<Double>, _ offset: Int) -> SIMD4<Double> {
        UnsafeRawPointer(pointer + offset).loadUnaligned(as: SIMD4<Double>.self)
    }

    func fit(_ range: Range<Int>) {
        guard let y, let beta, let s else { return }
        let vectorRows = rows & ~3
        for j in range {
            let v = y + j * rows
            prefetch(y, from: j * rows * 8 + prefetchDistance, bytes: rows * 8, total: rows * columns * 8)
            var a0 = SIMD4<Double>(), a1 = SIMD4<Double>(), a2 = SIMD4<Double>()
            var t = 0
            while t < vectorRows {
                let value = load4(v, t)
                a0 += value
                a1 += value * load4(u, t)
                a2 += value * load4(w, t)
                t += 4
            }
            var s0 = a0.sum(), s1 = a1.sum(), s2 = a2.sum()
            while t < rows {
                s0 += v[t]; s1 += v[t] * u[t]; s2 += v[t] * w[t]
                t += 1
            }
            let g0 = s0 * inverseRows, g1 = s1 * inverseSumU, g2 = s2 * inverseSumW
            let b0 = SIMD4<Double>(repeating: g0), b1 = SIMD4<Double>(repeating: g1)
            let b2 = SIMD4<Double>(repeating: g2)
            var r = SIMD4<Double>()
            t = 0
            while t < vectorRows {
                let e = load4(v, t) - b0 - b1 * load4(u, t) - b2 * load4(w, t)
                r += e * e
                t += 4
            }
            var rss = r.sum()
            while t < rows {
                let e = v[t] - g0 - g1 * u[t] - g2 * w[t]
                rss += e * e
                t += 1
            }
            // g0 + g1·(t − c) + g2·((t − c)² − k) expanded in powers of t.
            beta[3 * j] = g0 - g1 * centre + g2 * (centre * centre - constant)
            beta[3 * j + 1] = g1 - 2 * centre * g2
            beta[3 * j + 2] = g2
            s[j] = (rss * residualScale).squareRoot()
        }
    }
}
