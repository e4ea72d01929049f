import Dispatch

/// A benchmark-only reference kernel: linear trends of many series in ONE pass over memory.
///
/// It exists to show where the bandwidth limit of the batch trend lies, and how close a
/// simple kernel gets, not as a second implementation for users (that is `BatchTrend` in
/// OutturnNumerics). Each series (contiguous, `periods` values, column-major like `Matrix`) is
/// loaded from memory once; the two passes that make the residual sum of squares accurate
/// (centred means first, then residuals) run over the 36 values while they sit in L1 cache.
///
/// Cost: about 8·T flops per series and 8·T bytes of memory traffic, so on any machine with
/// more than ~1 flop per byte of bandwidth it is bound by memory bandwidth.
public enum FusedBatchTrend {
    /// Intercepts, slopes (per period) and residual standard errors (T − 2 degrees of freedom)
    /// of `values.count / periods` series on periods 1…T, split into `workers` contiguous chunks.
    public static func fit(_ values: [Double], periods: Int, workers: Int = 1)
        -> (intercepts: [Double], slopes: [Double], residualStandardErrors: [Double])
    {
        precondition(periods >= 3 && values.count % periods == 0, "need T ≥ 3 and whole series")
        let seriesCount = values.count / periods
        var intercepts = [Double](repeating: 0, count: seriesCount)
        var slopes = intercepts, errors = intercepts
        let tMean = Double(periods + 1) / 2
        var centred = [Double](repeating: 0, count: periods)
        var sxx = 0.0
        for period in 0..<periods {
            centred[period] = Double(period + 1) - tMean
            sxx += centred[period] * centred[period]
        }
        let inverseSxx = 1 / sxx, inverseCount = 1 / Double(periods), inverseDof = 1 / Double(periods - 2)

        values.withUnsafeBufferPointer { y in
            intercepts.withUnsafeMutableBufferPointer { a in
                slopes.withUnsafeMutableBufferPointer { b in
                    errors.withUnsafeMutableBufferPointer { s in
                        centred.withUnsafeBufferPointer { t in
                            let outputs = SendableOutputs(a: a, b: b, s: s, y: y, t: t)
                            DispatchQueue.concurrentPerform(iterations: max(1, workers)) { worker in
                                let first = seriesCount * worker / max(1, workers)
                                let last = seriesCount * (worker + 1) / max(1, workers)
                                let vectorPeriods = periods / 4 * 4
                                for series in first..<last {
                                    let base = series * periods
                                    // Four lanes of partial sums keep the add-latency chains short.
                                    var sum4 = SIMD4<Double>(), cross4 = SIMD4<Double>()
                                    var period = 0
                                    while period < vectorPeriods {
                                        let value = UnsafeRawPointer(outputs.y.baseAddress! + base + period)
                                            .loadUnaligned(as: SIMD4<Double>.self)
                                        let time = UnsafeRawPointer(outputs.t.baseAddress! + period)
                                            .loadUnaligned(as: SIMD4<Double>.self)
                                        sum4 += value
                                        cross4 += time * value
                                        period += 4
                                    }
                                    var sum = sum4.sum(), cross = cross4.sum()
                                    while period < periods {
                                        sum += outputs.y[base + period]
                                        cross += outputs.t[period] * outputs.y[base + period]
                                        period += 1
                                    }
                                    let mean = sum * inverseCount, slope = cross * inverseSxx
                                    var ssr4 = SIMD4<Double>()
                                    period = 0
                                    while period < vectorPeriods {
                                        let value = UnsafeRawPointer(outputs.y.baseAddress! + base + period)
                                            .loadUnaligned(as: SIMD4<Double>.self)
                                        let time = UnsafeRawPointer(outputs.t.baseAddress! + period)
                                            .loadUnaligned(as: SIMD4<Double>.self)
                                        let residual = value - mean - slope * time
                                        ssr4 += residual * residual
                                        period += 4
                                    }
                                    var ssr = ssr4.sum()
                                    while period < periods {
                                        let residual = outputs.y[base + period] - mean - slope * outputs.t[period]
                                        ssr += residual * residual
                                        period += 1
                                    }
                                    outputs.a[series] = mean - slope * tMean
                                    outputs.b[series] = slope
                                    outputs.s[series] = (ssr * inverseDof).squareRoot()
                                }
                            }
                        }
                    }
                }
            }
        }
        return (intercepts, slopes, errors)
    }
}

/// Buffers written at disjoint indices by the workers.
private struct SendableOutputs: @unchecked Sendable {
    let a: UnsafeMutableBufferPointer<Double>, b: UnsafeMutableBufferPointer<Double>
    let s: UnsafeMutableBufferPointer<Double>
    let y: UnsafeBufferPointer<Double>, t: UnsafeBufferPointer<Double>
}
