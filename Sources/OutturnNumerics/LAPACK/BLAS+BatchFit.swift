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
