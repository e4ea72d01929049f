import COpenBLAS

extension LAPACK {
    /// Fits many series that share one design, in one pass over the data.
    ///
    /// Y is rows×columns (lda = rows, one series per column), P the parameters×rows pseudo-inverse
    /// of the design (lda = parameters), X the rows×parameters design (lda = rows). For each block of
    /// at most `blockColumns` series it computes, with two small GEMMs while the block is in cache:
    /// Γ_block = P·Y_block (parameters×width, written into `coefficients`, lda = parameters) and
    /// E = Y_block − X·Γ_block in a reused buffer, then rss_j = Σᵢ E_ij².
    ///
    /// Residuals are formed explicitly (not as ‖y‖² − ‖Qᵀy‖², which cancels catastrophically when
    /// the fit is good). A NaN or infinity in a series propagates to its rss, which is how callers
    /// find series that need individual treatment. No allocation per series: one rows×blockColumns
    /// buffer in total.
    static func fitSharedDesign(series: [Double], rows: Int, columns: Int, pseudoInverse: [Double],
                                design: [Double], parameters: Int, blockColumns: Int,
                                coefficients: inout [Double], residualSumsOfSquares: inout [Double]) {
        precondition(series.count == rows * columns, "Y must hold \(rows)×\(columns) elements")
        precondition(pseudoInverse.count == parameters * rows, "P must hold \(parameters)×\(rows) elements")
        precondition(design.count == rows * parameters, "X must hold \(rows)×\(parameters) elements")
        precondition(coefficients.count == parameters * columns, "Γ must hold \(parameters)×\(columns) elements")
        precondition(residualSumsOfSquares.count == columns, "rss must hold \(columns) elements")
        precondition(blockColumns >= 1, "Block width must be positive, got \(blockColumns)")
        if rows == 0 || columns == 0 || parameters == 0 { return }
        let width = min(blockColumns, columns)
        var buffer = [Double](repeating: 0, count: rows * width)
        series.withUnsafeBufferPointer { y in
            pseudoInverse.withUnsafeBufferPointer { p in
                design.withUnsafeBufferPointer { x in
                    coefficients.withUnsafeMutableBufferPointer { gamma in
                        residualSumsOfSquares.withUnsafeMutableBufferPointer { rss in
                            buffer.withUnsafeMutableBufferPointer { residual in
                                var start = 0
                                while start < columns {
                                    let count = min(width, columns - start)
                                    let yBlock = y.baseAddress! + start * rows
                                    let gammaBlock = gamma.baseAddress! + start * parameters
                                    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans,
                                                blasint(parameters), blasint(count), blasint(rows), 1.0,
                                                p.baseAddress, blasint(parameters), yBlock, blasint(rows),
                                                0.0, gammaBlock, blasint(parameters))
                                    residual.baseAddress!.update(from: yBlock, count: rows * count)
                                    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans,
                                                blasint(rows), blasint(count), blasint(parameters), -1.0,
                                                x.baseAddress, blasint(rows), gammaBlock, blasint(parameters),
                                                1.0, residual.baseAddress, blasint(rows))
                                    for column in 0..<count {
                                        var sum = 0.0
                                        let base = column * rows
                                        for i in 0..<rows { sum += residual[base + i] * residual[base + i] }
                                        rss[start + column] = sum
                                    }
                                    start += count
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension LAPACK {
    /// The two-parameter (straight line) case of ``fitSharedDesign(series:rows:columns:pseudoInverse:design:parameters:blockColumns:coefficients:residualSumsOfSquares:)``
    /// as one fused loop per series, without GEMM.
    ///
    /// Y is rows×columns (lda = rows), P is 2×rows (lda = 2), X is rows×2 (lda = rows). For each
    /// series the column (rows doubles, in L1) is read once from memory: γ = P·y by SIMD dot products,
    /// then e = y − X·γ and Σe² from the cached column. OpenBLAS's dgemm spends much of its time
    /// packing when one dimension is 2; on the development machine (2 shared cores) this path was
    /// about 30% faster than the two-GEMM blocks for 1M × 36. Coefficients are written to
    /// `coefficients` (2×columns, lda = 2).
    static func fitSharedLine(series: [Double], rows: Int, columns: Int, pseudoInverse: [Double],
                              design: [Double], coefficients: inout [Double], residualSumsOfSquares: inout [Double]) {
        precondition(series.count == rows * columns, "Y must hold \(rows)×\(columns) elements")
        precondition(pseudoInverse.count == 2 * rows && design.count == rows * 2, "P and X must be 2×\(rows) and \(rows)×2")
        precondition(coefficients.count == 2 * columns && residualSumsOfSquares.count == columns,
                     "Outputs must hold 2×\(columns) and \(columns) elements")
        if rows == 0 || columns == 0 { return }
        // Pᵀ's two columns and X's two columns, contiguous.
        var p0 = [Double](repeating: 0, count: rows), p1 = p0
        for t in 0..<rows { p0[t] = pseudoInverse[2 * t]; p1[t] = pseudoInverse[2 * t + 1] }
        let x0 = Array(design[0..<rows]), x1 = Array(design[rows..<(2 * rows)])
        let vectorRows = rows - rows % 4
        series.withUnsafeBufferPointer { yAll in
            p0.withUnsafeBufferPointer { p0 in p1.withUnsafeBufferPointer { p1 in
            x0.withUnsafeBufferPointer { x0 in x1.withUnsafeBufferPointer { x1 in
            coefficients.withUnsafeMutableBufferPointer { gamma in
            residualSumsOfSquares.withUnsafeMutableBufferPointer { rss in
                let p0r = UnsafeRawPointer(p0.baseAddress!), p1r = UnsafeRawPointer(p1.baseAddress!)
                let x0r = UnsafeRawPointer(x0.baseAddress!), x1r = UnsafeRawPointer(x1.baseAddress!)
                for j in 0..<columns {
                    let y = yAll.baseAddress! + j * rows
                    let yr = UnsafeRawPointer(y)
                    var g0 = SIMD4<Double>(), g1 = SIMD4<Double>()
                    var t = 0
                    while t < vectorRows {
                        let offset = t * MemoryLayout<Double>.stride
                        let v = yr.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                        g0 += v * p0r.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                        g1 += v * p1r.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                        t += 4
                    }
                    var c0 = g0.sum(), c1 = g1.sum()
                    while t < rows { c0 += y[t] * p0[t]; c1 += y[t] * p1[t]; t += 1 }
                    var r = SIMD4<Double>()
                    let s0 = SIMD4<Double>(repeating: c0), s1 = SIMD4<Double>(repeating: c1)
                    t = 0
                    while t < vectorRows {
                        let offset = t * MemoryLayout<Double>.stride
                        let v = yr.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                        let e = v - x0r.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self) * s0
                            - x1r.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self) * s1
                        r += e * e
                        t += 4
                    }
                    var sum = r.sum()
                    while t < rows { let e = y[t] - x0[t] * c0 - x1[t] * c1; sum += e * e; t += 1 }
                    gamma[2 * j] = c0
                    gamma[2 * j + 1] = c1
                    rss[j] = sum
                }
            }}}}}}
        }
    }
}
