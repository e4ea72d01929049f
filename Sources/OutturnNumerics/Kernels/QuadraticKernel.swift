/// Quadratics β₀ + β₁·t + β₂·t² (t = 1…rows) through many series, each read from memory once.
///
/// The basis is {1, u, w}: u = t − t̄ exact (half-integers), w = u² − mean(u²), re-centred once more so
/// that Σw = 0 to rounding; u ⊥ w exactly by symmetry. Each basis coefficient is one dot product in a
/// single sweep, then one residual sweep; about a third fewer operations than ``OrthonormalBasisKernel``,
/// which matters because quadratics are compute-bound on one core.
struct QuadraticKernel: BatchKernel {
    let parameters = 3
    /// u = t − centre and w = u² − constant, t = 1…rows.
    let u: [Double], w: [Double]
    let centre: Double, constant: Double
    let inverseRows: Double, inverseSumU: Double, inverseSumW: Double, residualScale: Double

    /// The kernel for `rows` ≥ 3 periods.
    init(rows: Int, residualScale: Double) {
        precondition(rows >= 3, "A quadratic needs at least 3 periods, got \(rows)")
        let centre = Double(rows + 1) / 2
        let u = (0..<rows).map { Double($0 + 1) - centre }
        let squares = u.map { $0 * $0 }
        let shift = squares.reduce(0, +) / Double(rows)
        var w = squares.map { $0 - shift }
        let residualMean = w.reduce(0, +) / Double(rows)
        w = w.map { $0 - residualMean }
        self.centre = centre
        self.constant = shift + residualMean // w = u² − constant
        self.u = u
        self.w = w
        inverseRows = 1 / Double(rows)
        inverseSumU = 1 / u.reduce(0) { $0 + $1 * $1 }
        inverseSumW = 1 / w.reduce(0) { $0 + $1 * $1 }
        self.residualScale = residualScale
    }

    func fit(_ range: Range<Int>, series y: UnsafePointer<Double>, rows: Int, columns: Int,
             beta: UnsafeMutablePointer<Double>, s: UnsafeMutablePointer<Double>) {
        u.withUnsafeBufferPointer { u in
            w.withUnsafeBufferPointer { w in
                fit(range, y: y, u: u.baseAddress!, w: w.baseAddress!, rows: rows, columns: columns, beta: beta, s: s)
            }
        }
    }

    private func fit(_ range: Range<Int>, y: UnsafePointer<Double>, u: UnsafePointer<Double>, w: UnsafePointer<Double>,
                     rows: Int, columns: Int, beta: UnsafeMutablePointer<Double>, s: UnsafeMutablePointer<Double>) {
        let vectorRows = rows & ~3
        for j in range {
            let v = y + j * rows
            prefetch(y, from: j * rows * 8 + batchPrefetchDistance, bytes: rows * 8, total: rows * columns * 8)
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
