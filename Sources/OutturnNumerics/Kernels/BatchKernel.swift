import COpenBLAS
import Dispatch

/// The per-series arithmetic of one case of the batch fit: many series that share one design,
/// each read from memory once (see ``BatchTrend``). One conforming type per documented case:
/// ``LineKernel`` (straight lines), ``QuadraticKernel`` (quadratics) and ``OrthonormalBasisKernel``
/// (any number of basis columns). ``BatchKernels/run(_:series:rows:columns:workers:)`` does the
/// rest, the same for every case: outputs, threading and the output contract.
protocol BatchKernel: Sendable {
    /// p, coefficients per series.
    var parameters: Int { get }

    /// Fits series `range` of Y (rows×columns, lda = rows, one series per column), writing β for
    /// series j to `beta[p·j ..< p·(j+1)]` and s to `s[j]`.
    func fit(_ range: Range<Int>, series y: UnsafePointer<Double>, rows: Int, columns: Int,
             beta: UnsafeMutablePointer<Double>, s: UnsafeMutablePointer<Double>)
}

/// Runs batch kernels over all series.
enum BatchKernels {
    /// Fits every column of Y (rows×columns, lda = rows) with `kernel`.
    ///
    /// Returns β (parameters×columns, lda = parameters) and s (length columns). Threads: the columns
    /// are split into `workers` contiguous chunks run by `DispatchQueue.concurrentPerform` (no BLAS
    /// is called inside). Every series is computed by exactly one worker with the same arithmetic in
    /// the same order, so the results do not depend on the number of workers. No allocation per
    /// series: the outputs are allocated once, uninitialised, and the kernel writes every element once.
    static func run<Kernel: BatchKernel>(_ kernel: Kernel, series: [Double], rows: Int, columns: Int,
                                         workers: Int) -> (coefficients: [Double], residualStandardErrors: [Double]) {
        precondition(series.count == rows * columns, "Y must hold \(rows)×\(columns) elements, got \(series.count)")
        precondition(workers >= 1, "At least one worker is needed, got \(workers)")
        let p = kernel.parameters
        let workerCount = max(1, min(workers, columns))
        var errors: [Double] = []
        let coefficients = [Double](unsafeUninitializedCapacity: p * columns) { beta, betaCount in
            errors = [Double](unsafeUninitializedCapacity: columns) { s, sCount in
                series.withUnsafeBufferPointer { y in
                    if columns > 0, let y = y.baseAddress, let beta = beta.baseAddress, let s = s.baseAddress {
                        let buffers = Buffers(y: y, beta: beta, s: s)
                        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
                            kernel.fit(columns * worker / workerCount..<columns * (worker + 1) / workerCount,
                                       series: buffers.y, rows: rows, columns: columns, beta: buffers.beta,
                                       s: buffers.s)
                        }
                    }
                }
                sCount = columns
            }
            betaCount = p * columns
        }
        return (coefficients, errors)
    }

    /// The input and outputs as the workers see them. Workers write disjoint columns of the outputs,
    /// hence `@unchecked Sendable`.
    private struct Buffers: @unchecked Sendable {
        let y: UnsafePointer<Double>
        let beta: UnsafeMutablePointer<Double>
        let s: UnsafeMutablePointer<Double>
    }
}

/// How far ahead of the series being fitted the kernels prefetch, in bytes (about ten 36-period series).
/// Measured on the 2-core development machine: without it a worker leaves memory idle while it computes
/// (1M × 36 lines took 1.7–2.6× a plain read on one core); 2–4 KiB ahead brought it to 1.1–1.4×.
let batchPrefetchDistance = 3072

/// Prefetches the cache lines of bytes `from ..< from + bytes` after `base`, those inside `0 ..< total`.
@inline(__always)
func prefetch(_ base: UnsafePointer<Double>, from: Int, bytes: Int, total: Int) {
    let raw = UnsafeRawPointer(base)
    var offset = from
    let end = min(from + bytes, total)
    while offset < end {
        outturn_prefetch(raw + offset)
        offset += 64
    }
}

/// Loads four doubles starting at `pointer + offset` (no alignment needed).
@inline(__always)
func load4(_ pointer: UnsafePointer<Double>, _ offset: Int) -> SIMD4<Double> {
    UnsafeRawPointer(pointer + offset).loadUnaligned(as: SIMD4<Double>.self)
}
