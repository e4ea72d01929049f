/// Straight lines β₀ + β₁·t (t = 1…rows) through many series, each read from memory once.
///
/// The basis is exact: the constant and the centred period u = t − (rows+1)/2 (half-integers,
/// exactly representable), so the mean ȳ and the slope Σu·y / Σu² are each one sweep, and the
/// residuals e = y − ȳ − slope·u a second sweep over the cached series; s = √(Σe² · residualScale).
/// Series are processed two at a time, interleaved, so that their independent add chains overlap;
/// a series gets the same arithmetic whether paired or alone (an odd one out is paired with itself),
/// so results do not depend on the number of workers.
struct LineKernel: BatchKernel {
    let parameters = 2
    /// u = t − centre, t = 1…rows.
    let centred: [Double]
    let centre: Double, inverseRows: Double, inverseSumOfSquares: Double, residualScale: Double

    /// The kernel for `rows` ≥ 2 periods.
    init(rows: Int, residualScale: Double) {
        precondition(rows >= 2, "A line needs at least 2 periods, got \(rows)")
        centre = Double(rows + 1) / 2
        centred = (0..<rows).map { Double($0 + 1) - Double(rows + 1) / 2 }
        inverseRows = 1 / Double(rows)
        inverseSumOfSquares = 1 / centred.reduce(0) { $0 + $1 * $1 }
        self.residualScale = residualScale
    }

    func fit(_ range: Range<Int>, series y: UnsafePointer<Double>, rows: Int, columns: Int,
             beta: UnsafeMutablePointer<Double>, s: UnsafeMutablePointer<Double>) {
        centred.withUnsafeBufferPointer { centred in
            let u = centred.baseAddress!
            var j = range.lowerBound
            while j < range.upperBound {
                let k = min(j + 1, range.upperBound - 1) // j itself when it is the odd one out
                fitPair(j, k, y: y, u: u, rows: rows, columns: columns, beta: beta, s: s)
                j += 2
            }
        }
    }

    /// Series j and k (possibly equal), interleaved.
    @inline(__always)
    private func fitPair(_ j: Int, _ k: Int, y: UnsafePointer<Double>, u: UnsafePointer<Double>, rows: Int,
                         columns: Int, beta: UnsafeMutablePointer<Double>, s: UnsafeMutablePointer<Double>) {
        let vectorRows = rows & ~3
        let a = y + j * rows, b = y + k * rows
        prefetch(y, from: j * rows * 8 + batchPrefetchDistance, bytes: (k - j + 1) * rows * 8,
                 total: rows * columns * 8)
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
        store(j, mean: meanA, slope: slopeA, rss: ra, beta: beta, s: s)
        store(k, mean: meanB, slope: slopeB, rss: rb, beta: beta, s: s)
    }

    @inline(__always)
    private func store(_ j: Int, mean: Double, slope: Double, rss: Double, beta: UnsafeMutablePointer<Double>,
                       s: UnsafeMutablePointer<Double>) {
        beta[2 * j] = mean - slope * centre
        beta[2 * j + 1] = slope
        s[j] = (rss * residualScale).squareRoot()
    }
}
